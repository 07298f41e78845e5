"""The registry of citation styles and the dispatch from a name to a formatter."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from tui.cite import apa, bibtex, chicago, csljson, markdown, mla, ris
from tui.cite.source import Source


@dataclass(frozen=True)
class Style:
    """A style the user can pick: its config name, a menu label, a toast label."""

    name: str
    label: str
    short: str
    prose: bool  # prose styles have an in-text citation; the others are data formats


_ALL = (
    Style("apa", "APA 7", "APA", True),
    Style("mla", "MLA 9", "MLA", True),
    Style("chicago", "Chicago 17 (bibliography)", "Chicago", True),
    Style("chicago-note", "Chicago 17 (full note)", "Chicago note", True),
    Style("chicago-ad", "Chicago 17 (author-date)", "Chicago author-date", True),
    Style("bibtex", "BibTeX (biblatex)", "BibTeX", False),
    Style("ris", "RIS", "RIS", False),
    Style("csl-json", "CSL-JSON", "CSL-JSON", False),
    Style("markdown", "Markdown link", "Markdown", False),
)
#: Every style in menu order, by name.
STYLES: dict[str, Style] = {s.name: s for s in _ALL}
DEFAULT_STYLE = "apa"

_ALIASES = {"csl": "csl-json", "csljson": "csl-json", "md": "markdown", "biblatex": "bibtex", "chicago-bib": "chicago", "chicago-author-date": "chicago-ad"}


class UnknownStyle(ValueError):
    """A style or export format name that does not exist; the message lists the valid ones."""

    def __init__(self, name: object, choices: Iterable[str] = STYLES, what: str = "citation style") -> None:
        self.name = name
        self.choices = tuple(choices)
        super().__init__(f"unknown {what} {name!r}; choose one of: {', '.join(self.choices)}")


def resolve_style(name: object) -> str:
    """The canonical name for ``name`` (case, ``_`` and a few aliases forgiven)."""
    if isinstance(name, str):
        key = name.strip().lower().replace("_", "-").replace(" ", "-")
        key = _ALIASES.get(key, key)
        if key in STYLES:
            return key
    raise UnknownStyle(name)


def reference(src: Source, style: str) -> str:
    """The full reference of ``src`` in a canonical style name."""
    if style == "apa":
        return apa.reference(src)
    if style == "mla":
        return mla.reference(src)
    if style == "chicago":
        return chicago.bibliography(src)
    if style == "chicago-note":
        return chicago.note(src)
    if style == "chicago-ad":
        return chicago.author_date(src)
    if style == "bibtex":
        return bibtex.entry(src)
    if style == "ris":
        return ris.record(src)
    if style == "csl-json":
        return csljson.dumps([csljson.item(src)])
    if style == "markdown":
        return markdown.reference(src)
    raise UnknownStyle(style)


def in_text(src: Source, style: str, para: int | None = None) -> str:
    """The parenthetical citation of a prose style, with an optional paragraph locator."""
    if style == "apa":
        return apa.in_text(src, para)
    if style == "mla":
        return mla.in_text(src, para)
    if style in ("chicago", "chicago-note"):
        return chicago.short_note(src, para)
    if style == "chicago-ad":
        return chicago.author_date_in_text(src, para)
    raise UnknownStyle(style, (s.name for s in _ALL if s.prose), "prose style")
