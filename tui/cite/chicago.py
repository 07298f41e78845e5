"""Chicago 17 for a news article: bibliography entry, full note, author-date.

Titles in headline-style title case inside curly quotes; an unsigned
article lists the outlet in the author's place in the bibliography and the
reference list, and starts with its title in a note (CMOS 14.207, 15.47).
"""

from __future__ import annotations

from tui.cite.common import end_with, join_list
from tui.cite.source import Source
from tui.cite.titles import CHICAGO_SMALL, close_inside, nest_quotes, short_title, title_case


def _title(src: Source) -> str:
    return nest_quotes(title_case(src.title, CHICAGO_SMALL))


def _bib_authors(src: Source) -> str:
    names = list(src.authors)
    more = len(names) > 10  # CMOS 14.76: more than ten → first seven, et al.
    if more:
        names = names[:7]
    items = [names[0].inverted()] + [n.natural() for n in names[1:]]
    if more:
        return ", ".join(items) + ", et al."
    if len(items) == 2:
        return f"{items[0]}, and {items[1]}"
    return join_list(items)


#: What stands for the names of the entry above in a bibliography or reference list
#: (CMOS 17, 14.67 and 15.17: a 3-em dash).
SAME_AUTHORS = "———."


def _lead(src: Source, same_authors: bool = False) -> str:
    """The author slot of bibliography and reference list: byline or outlet."""
    if src.signed:
        return SAME_AUTHORS if same_authors else end_with(_bib_authors(src))
    return end_with(src.outlet) if src.outlet else ""


def _tail(src: Source, container: list[str], nd: bool) -> list[str]:
    """Container and date, then the access date of an undated page, then the URL."""
    if src.published is None and not src.url and nd:
        container = container + ["n.d."]
    parts = [end_with(", ".join(container))] if container else []
    if src.published is None and src.url:
        # CMOS 14.12: an access date only where there is no publication date.
        parts.append(f"Accessed {src.access_date().us()}.")
    if src.url:
        parts.append(end_with(src.url))
    return parts


def bibliography(src: Source, same_authors: bool = False) -> str:
    """``Last, First. “Title.” Outlet, March 31, 2024. URL.`` / ``Outlet. “Title.” March 31, 2024. URL.``

    ``same_authors``: in a bibliography, the entry above has the same byline, so a 3-em
    dash stands for it (never for an outlet in the author's place)."""
    parts = [_lead(src, same_authors), f"“{close_inside(_title(src), '.')}”"]
    container = [src.outlet] if src.signed and src.outlet else []
    if src.published:
        container.append(src.published.us())
    return " ".join(p for p in parts + _tail(src, container, nd=True) if p)


def note(src: Source, para: int | None = None) -> str:
    """Full note: ``First Last, “Title,” Outlet, March 31, 2024, URL.``"""
    items = []
    if src.outlet:
        items.append(src.outlet)
    if src.published:
        items.append(src.published.us())
    elif src.url:
        items.append(f"accessed {src.access_date().us()}")
    else:
        items.append("n.d.")
    if para is not None:
        items.append(f"para. {para}")
    if src.url:
        items.append(src.url)
    title = f"“{close_inside(_title(src), ',')}”"
    head = f"{_note_authors(src)}, " if src.signed else ""
    return end_with(f"{head}{title} {', '.join(items)}")


def _note_authors(src: Source) -> str:
    names = [n.natural() for n in src.authors]
    if len(names) > 3:
        return f"{names[0]} et al."
    return join_list(names)


def _short_authors(src: Source) -> str:
    lasts = [n.last() for n in src.authors]
    if len(lasts) > 3:
        return f"{lasts[0]} et al."
    return join_list(lasts)


def short_note(src: Source, para: int | None = None) -> str:
    """Parenthetical short note: ``(Last, “Short Title,” para. 9)``."""
    short = short_title(_title(src), CHICAGO_SMALL)
    head = f"{_short_authors(src)}, " if src.signed else ""
    if para is None:
        return f"({head}“{short}”)"
    return f"({head}“{close_inside(short, ',')}” para. {para})"


def _year(src: Source, suffix: str) -> str:
    """``2024`` or ``n.d.``, with the letter of works of one author and year (CMOS 15.19, 15.44)."""
    if src.published:
        return f"{src.published.year}{suffix}"
    return f"n.d.-{suffix}" if suffix else "n.d."


def author_date(src: Source, year_suffix: str = "", same_authors: bool = False) -> str:
    """``Last, First. 2024. “Title.” Outlet, March 31, 2024. URL.``

    ``year_suffix`` and ``same_authors``: a reference list's letter (``2024a``) and 3-em
    dash for the byline of the entry above."""
    year = end_with(_year(src, year_suffix))
    title = f"“{close_inside(_title(src), '.')}”"
    lead = _lead(src, same_authors)
    # With neither byline nor outlet the title takes the author's place.
    parts = [lead, year, title] if lead else [title, year]
    container = [src.outlet] if src.signed and src.outlet else []
    if src.published and src.published.month is not None:
        container.append(src.published.us())
    return " ".join(p for p in parts + _tail(src, container, nd=False) if p)


def author_date_in_text(src: Source, para: int | None = None) -> str:
    """``(Last 2024, para. 9)``; unsigned → the outlet, or the short title."""
    if src.signed:
        who = _short_authors(src)
    elif src.outlet:
        who = src.outlet
    else:
        who = f"“{short_title(_title(src), CHICAGO_SMALL)}”"
    year = str(src.published.year) if src.published else "n.d."
    locator = f", para. {para}" if para is not None else ""
    return f"({who} {year}{locator})"
