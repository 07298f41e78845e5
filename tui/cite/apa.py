"""APA 7: reference-list entry and parenthetical citation for a news webpage."""

from __future__ import annotations

from tui.cite.common import end_with
from tui.cite.source import Source
from tui.cite.titles import APA_SMALL, close_inside, nest_quotes, short_title, title_case


def _authors(src: Source) -> str:
    names = [n.apa() for n in src.authors]
    if len(names) == 1:
        block = names[0]
    elif len(names) <= 20:
        block = ", ".join(names[:-1]) + ", & " + names[-1]
    else:  # APA 7: the first nineteen, an ellipsis, the last
        block = ", ".join(names[:19]) + ", . . . " + names[-1]
    return end_with(block)


def _year(src: Source, suffix: str) -> str:
    """``2024`` or ``n.d.``, with the letter that sets apart works of one author and year
    (APA 7, 9.47: ``2024a``, ``n.d.-a``)."""
    if src.published:
        return f"{src.published.year}{suffix}"
    return f"n.d.-{suffix}" if suffix else "n.d."


def _date(src: Source, suffix: str) -> str:
    if src.published:
        rest = src.published.apa()[len(str(src.published.year)):]  # ", March 31" or ""
        return f"({_year(src, suffix)}{rest})."
    return f"({_year(src, suffix)})."


def reference(src: Source, year_suffix: str = "") -> str:
    """``Author, A. A., & Author, B. B. (2024, March 31). Title as stored. Outlet. URL``.

    The title keeps the case it was stored with: sentence case cannot be
    derived without lowercasing proper nouns. No author → the title leads.
    An author that is the outlet itself is not repeated as the site name.
    ``year_suffix`` (``"a"``, ``"b"``…) is the reference list's letter for works of
    the same author and year: ``(2024a, March 31)``, ``(n.d.-a)``.
    """
    title = close_inside(src.title, ".")
    if src.authors:
        parts = [_authors(src), _date(src, year_suffix), title]
    else:
        parts = [title, _date(src, year_suffix)]
    if src.outlet and not src.outlet_is_author:
        parts.append(end_with(src.outlet))
    if src.url:
        parts.append(src.url)  # APA: no period after a URL
    return " ".join(parts)


def in_text(src: Source, para: int | None = None) -> str:
    """``(Author, 2024, para. 9)``; unsigned → ``(“Shortened Title,” 2024, para. 9)``.

    APA 7 (8.14): a work without an author is cited by its title, in title case, in
    quotation marks when the reference list sets it in plain type (an article, as here),
    with the comma inside the closing mark."""
    if src.authors:
        lasts = [n.last() for n in src.authors]
        if len(lasts) == 1:
            who = lasts[0]
        elif len(lasts) == 2:
            who = f"{lasts[0]} & {lasts[1]}"
        else:
            who = f"{lasts[0]} et al."
    else:
        short = short_title(nest_quotes(title_case(src.title, APA_SMALL)), APA_SMALL)
        who = f"“{close_inside(short, ',')}”"
    year = str(src.published.year) if src.published else "n.d."
    locator = f", para. {para}" if para is not None else ""
    return f"({who} {year}{locator})" if not src.authors else f"({who}, {year}{locator})"
