"""Every citation and clipboard call of the explorer, in one module.

``tui.cite`` formats, ``tui.clipboard`` delivers (OSC 52, tmux, a native tool) and
keeps the copy history, ``tui.config`` knows the default style. No Textual import:
the app runs :func:`deliver` in a thread worker, because the tmux and native
clipboard tools are processes that may take seconds to answer.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from tui import cite
from tui.clipboard import CopyResult, HistoryEntry, copy_and_remember, load_history
from tui.config import Config, read_config
from tui.records import Article


@dataclass(frozen=True)
class StyleChoice:
    name: str
    label: str


@dataclass(frozen=True)
class Copy:
    """Text ready to be copied, and how the toast and the history name it."""

    text: str
    what: str  # "APA citation of “…”"
    style: str = ""
    article_id: str = ""
    warning: str | None = None  # e.g. the config's style was unusable


def styles() -> list[StyleChoice]:
    """Citation styles in menu order."""
    return [StyleChoice(s.name, s.label) for s in cite.STYLES.values()]


def default_style() -> tuple[str, str | None]:
    """(style, warning): the style from ``config.toml`` / ``$CCA_TUI_STYLE``.

    A config that names an unknown style, or cannot be read, gives the library default
    (APA) and a one-line warning to show.
    """
    config = read_config()
    return config.style, style_warning(config)


def style_warning(config: Config) -> str | None:
    """Why ``config``'s style is not the one asked for, in one line (None: it is)."""
    problem = config.error or config.style_error
    if problem is None:
        return None
    return f"{' '.join(problem.split())} — using {cite.STYLES[config.style].short}"


def _style(style: str | None) -> tuple[str, str | None]:
    return (cite.resolve_style(style), None) if style else default_style()


def citation(article: Article, style: str | None = None) -> Copy:
    """The citation of ``article`` in ``style`` (None: the default style)."""
    name, warning = _style(style)
    return Copy(cite.format_citation(article, name), cite.describe(article, name), name, article.id, warning)


def reference_list(articles: list[Article], style: str | None = None) -> Copy:
    """``articles`` as one reference list in ``style`` (None: the default), sorted as the style
    wants (a data format such as BibTeX: one entry each, in the order given)."""
    name, warning = _style(style)
    # No newline after the last entry: pasted, the list ends where a single citation would.
    text = cite.format_many(articles, name).rstrip("\n")
    return Copy(text, describe_list(len(articles), name), name, "", warning)


def describe_list(count: int, style: str) -> str:
    """What a toast says was copied: ``APA reference list of 3 articles``, ``BibTeX of 3 articles``."""
    found = cite.STYLES[cite.resolve_style(style)]
    nouns = f"{count} article{'' if count == 1 else 's'}"
    if found.name == "chicago-note":
        return f"Chicago notes of {nouns}"
    return f"{found.short} {'reference list ' if found.prose else ''}of {nouns}"


def quotation(article: Article, paragraph: int, style: str | None = None) -> Copy:
    """Paragraph ``paragraph`` of ``article`` quoted, with its in-text citation and the reference."""
    name, warning = _style(style)
    return Copy(cite.format_quotation(article, paragraph, name), cite.describe(article, name, quotation=True),
                name, article.id, warning)


def deliver(copy: Copy, osc52: Callable[[str], None]) -> CopyResult:
    """Copy by every path that may work here and remember it in the history.

    Blocking (tmux and the native tool are subprocesses): call it from a thread.
    ``osc52`` is always tried; the result says which paths took the text.
    """
    return copy_and_remember(copy.text, copy.what, osc52, style=copy.style, article_id=copy.article_id)


def history() -> list[HistoryEntry]:
    """Recent copies, newest first."""
    return load_history()


def export_formats() -> list[str]:
    """Every format an article list can be exported in."""
    return list(cite.EXPORT_FORMATS)


def list_export_formats(pane: str) -> list[str]:
    """The formats the list of the ``pane`` pane can be saved in (officials and events: JSON)."""
    return export_formats() if pane == "articles" else ["json"]


def export_articles(articles: list[Article], fmt: str) -> str:
    """The articles in an export format (a style's reference list, bibtex, ris, csl-json,
    markdown, json, csv)."""
    return cite.format_many(articles, fmt)


def export_suffix(fmt: str) -> str:
    """The file name suffix for an export format: ``bib``, ``json``, ``md``; ``txt`` for a
    reference list."""
    if fmt in cite.STYLES and cite.STYLES[fmt].prose:
        return "txt"
    return {"bibtex": "bib", "csl-json": "json", "markdown": "md"}.get(fmt, fmt)
