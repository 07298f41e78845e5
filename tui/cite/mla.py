"""MLA 9: works-cited entry and parenthetical citation for a news webpage."""

from __future__ import annotations

from tui.cite.common import end_with, strip_scheme
from tui.cite.source import Source
from tui.cite.titles import MLA_SMALL, close_inside, nest_quotes, short_title, title_case


def _title(src: Source) -> str:
    return nest_quotes(title_case(src.title, MLA_SMALL))


def _authors(src: Source) -> str:
    names = src.authors
    if len(names) == 1:
        return names[0].inverted()
    if len(names) == 2:
        return f"{names[0].inverted()}, and {names[1].natural()}"
    return f"{names[0].inverted()}, et al."


#: What stands for the names of the entry above in a works-cited list (MLA 9, 5.126).
SAME_AUTHORS = "---."


def signed(src: Source) -> bool:
    """True when the entry starts with its authors (else with its title)."""
    return bool(src.authors) and not src.outlet_is_author


def reference(src: Source, same_authors: bool = False) -> str:
    """``Last, First, and First Last. “Title in Title Case.” Outlet, 31 Mar. 2024, url.``

    An organization that is the outlet is not listed as author (MLA 9, 2.1.3).
    Undated online articles end with ``Accessed 5 Apr. 2025.``. ``same_authors``: in a
    works-cited list, the entry above has the same authors, so three hyphens stand
    for them.
    """
    parts = []
    if signed(src):
        parts.append(SAME_AUTHORS if same_authors else end_with(_authors(src)))
    parts.append(f"“{close_inside(_title(src), '.')}”")
    container = [src.outlet, src.published.mla() if src.published else "", strip_scheme(src.url)]
    container = [c for c in container if c]
    if container:
        parts.append(end_with(", ".join(container)))
    if src.published is None and src.url:
        parts.append(f"Accessed {src.access_date().mla()}.")
    return " ".join(parts)


def in_text(src: Source, para: int | None = None) -> str:
    """``(Last, par. 9)``; unsigned → ``(“Shortened Title,” par. 9)``."""
    locator = f"par. {para}" if para is not None else ""
    if src.authors and not src.outlet_is_author:
        lasts = [n.last() for n in src.authors]
        who = lasts[0] if len(lasts) == 1 else (f"{lasts[0]} and {lasts[1]}" if len(lasts) == 2 else f"{lasts[0]} et al.")
        return f"({who}, {locator})" if locator else f"({who})"
    short = short_title(_title(src), MLA_SMALL)
    if locator:
        return f"(“{close_inside(short, ',')}” {locator})"
    return f"(“{short}”)"
