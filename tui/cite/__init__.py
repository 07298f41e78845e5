"""Citations of news articles: APA, MLA, Chicago, BibTeX, RIS, CSL-JSON, Markdown; reference lists.

Plain Python (no Textual): the TUI's ``c``/``C``/``y`` keys and the CLI's
``cite``/``export`` commands are thin faces over these functions. An article
is a ``tui.records.Article``.
"""

from __future__ import annotations

from datetime import date

from tui.cite.export import EXPORT_FORMATS, format_many, resolve_format
from tui.cite.quote import UnknownParagraph, paragraph_text, quotation, split_sentences
from tui.cite.sanitize import clean_field, clean_text
from tui.cite.source import Source
from tui.cite.styles import DEFAULT_STYLE, STYLES, Style, UnknownStyle, reference, resolve_style
from tui.records import Article

__all__ = [
    "DEFAULT_STYLE", "EXPORT_FORMATS", "STYLES", "Style", "UnknownParagraph", "UnknownStyle",
    "clean_text", "describe", "format_citation", "format_many", "format_quotation",
    "resolve_format", "resolve_style", "split_sentences",
]


def format_citation(article: Article, style: str = DEFAULT_STYLE, accessed: date | None = None) -> str:
    """The full reference of ``article`` in ``style`` (a name from ``STYLES``).

    ``accessed`` is the access date where a style needs one (MLA and Chicago
    for undated pages, BibTeX ``urldate``, RIS ``Y2``, CSL ``accessed``); it
    defaults to today.
    Raises ``UnknownStyle``.
    """
    name = resolve_style(style)
    return reference(Source.from_article(article, accessed), name)


def format_quotation(
    article: Article,
    paragraph_n: int,
    style: str = DEFAULT_STYLE,
    sentence: int | None = None,
    accessed: date | None = None,
) -> str:
    """Paragraph ``paragraph_n`` (or its ``sentence``-th sentence, 1-based) quoted and cited.

    Line one: ``“…” (in-text citation with para. N).``; then the full
    reference. Raises ``UnknownStyle`` or ``UnknownParagraph``.
    """
    name = resolve_style(style)
    text = paragraph_text(article, paragraph_n, sentence)
    return quotation(Source.from_article(article, accessed), text, paragraph_n, name)


def describe(article: Article, style: str, quotation: bool = False, width: int = 48) -> str:
    """What a toast says was copied: ``APA citation of “Launch of Central Asia–China…”``."""
    short = STYLES[resolve_style(style)].short
    title = clean_field(article.title) or "untitled article"
    if len(title) > width:
        title = title[: width - 1].rstrip() + "…"
    what = "quotation from" if quotation else "citation of"
    return f"{short} {what} “{title}”"
