"""The reader's lines around an article's paragraphs: its header and, under the last one,
its whole id."""

from __future__ import annotations

from textual.widgets.option_list import Option

from tui.app.display import line, text
from tui.app.formatting import long_date, safe
from tui.app.widgets.url_lines import UrlLines
from tui.records import Article

MUTED = "$text-muted"


def _plain(content) -> Option:
    return Option(content, disabled=True)


def article_header(article: Article, short_id: str | None = None) -> list[Option | None]:
    """The reader's first lines: title, outlet, date and ``short_id`` (what commands take:
    `cca-tui cite daryo-`), URL, then a rule (``None``).

    They scroll with the paragraphs, so a long title or URL wraps whole at any width (the
    URL after a slash or a hyphen, never inside a word)."""
    meta = [p for p in (safe(article.outlet), long_date(article.published)) if p]
    meta.append(f"id {safe(short_id or article.id)}")
    url = article.url
    return [
        _plain(text(article.title or "Untitled", "bold")),
        _plain(text(" · ".join(meta), MUTED)),
        _plain(UrlLines(text(url, "$text-primary underline")) if url else text("no URL", MUTED)),
        None,
    ]


def article_footer(article: Article) -> list[Option | None]:
    """Under the last paragraph: the whole id (as ``--json`` and exports give it), wrapped
    after its hyphens."""
    return [None, _plain(UrlLines(line(("full id ", MUTED), safe(article.id))))]
