"""Reference lists: many articles in one prose style, sorted and set out as the style wants.

Each entry is the style's own formatter's (``apa.reference``, ``mla.reference``, …); this
module only orders them, gives the letters that tell apart one author's works of one
year, and puts the style's mark for "the same authors as above". The orders:

- APA 7 (9.44–9.47): by the first element, the authors (surname, then initials; one
  author before the same author with others) or, for a work without one, its title;
  one author's works n.d. first, then oldest first (a bare year before a month or day of
  it, as the manual's examples and the CSL APA style order them), then by title; works
  of one author and year get ``2024a``, ``2024b`` (``n.d.-a``) in that order.
- MLA 9 (Works Cited): by the first element (the authors, else the title), then by
  title; three hyphens for the authors of the entry above.
- Chicago 17 bibliography (14.63–14.71): by the first element (the byline, else the
  outlet in its place, else the title), then by title; a 3-em dash for a byline that
  repeats the entry above's.
- Chicago 17 author-date (15.17–15.19): by the first element, then year, oldest first
  (n.d. last), then title; letters for one author's works of one year; the 3-em dash.
- Chicago 17 full notes: numbered in the order given (notes follow the text, not the
  alphabet).

Alphabetizing is letter by letter, as all three manuals prefer: case, accents, spaces and
punctuation are ignored ("Brown" before "Browning": nothing precedes something), and a
title, or an organization's name, files under its first word after "A", "An" or "The".
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from itertools import count, product
from string import ascii_lowercase
from typing import Iterable, Iterator

from tui.cite import apa, chicago, mla
from tui.cite.names import Name
from tui.cite.source import Source
from tui.cite.styles import UnknownStyle
from tui.records import Article

#: The heading each style gives its list, and so the styles that make one.
HEADINGS = {
    "apa": "References",
    "mla": "Works Cited",
    "chicago": "Bibliography",
    "chicago-note": "Notes",
    "chicago-ad": "References",
}

_LEADING_ARTICLE = re.compile(r"^[\W_]*(?:the|an|a)\s+", re.IGNORECASE)

Key = tuple[tuple[str, str], ...]


def letters(text: str) -> str:
    """``text`` as it is alphabetized letter by letter: accents off, case folded, only
    letters and digits kept (``O’Neil`` → ``oneil``, ``Qoşanov`` → ``qosanov``)."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed.casefold() if c.isalnum() and not unicodedata.combining(c))


def filed_under(text: str) -> str:
    """A title or an organization as it files: from its first word after A, An or The."""
    return letters(_LEADING_ARTICLE.sub("", text, count=1))


def _name_key(name: Name, initials: bool) -> tuple[str, str]:
    if name.is_literal:  # a group author files under its first significant word
        return (filed_under(name.literal), "")
    return (letters(name.family), letters(name.initials() if initials else name.given))


def _names(src: Source, initials: bool = False) -> Key:
    return tuple(_name_key(n, initials) for n in src.authors)


def _title(src: Source) -> Key:
    return ((filed_under(src.title), ""),)


def _date_key(src: Source) -> tuple[int, int, int]:
    d = src.published
    return (d.year, d.month or 0, d.day or 0) if d else (0, 0, 0)


def _suffixes() -> Iterator[str]:
    """``a`` … ``z``, then ``aa``, ``ab`` …: letters enough for any number of works."""
    for width in count(1):
        for letters_ in product(ascii_lowercase, repeat=width):
            yield "".join(letters_)


def _year_letters(entries: list[tuple[Key, Source]]) -> list[str]:
    """The letter of each entry (sorted already) among works of one first element and year."""
    groups: dict[tuple[Key, int | None], list[int]] = {}
    for i, (lead, src) in enumerate(entries):
        groups.setdefault((lead, src.published.year if src.published else None), []).append(i)
    out = [""] * len(entries)
    for members in groups.values():
        if len(members) > 1:
            for i, suffix in zip(members, _suffixes()):
                out[i] = suffix
    return out


def _repeats(entries: list[tuple[Key, Source]], signed) -> list[bool]:
    """Whether each entry's byline is the one of the entry above (so the style's mark
    stands for it): only bylines, never a title or an outlet in the author's place."""
    out, above = [], None
    for lead, src in entries:
        mine = lead if signed(src) else None
        out.append(mine is not None and mine == above)
        above = mine
    return out


def _apa(sources: list[Source]) -> list[str]:
    def lead(src: Source) -> Key:
        return _names(src, initials=True) if src.authors else _title(src)

    ranked = sorted(enumerate(sources), key=lambda p: (
        lead(p[1]), p[1].published is not None, _date_key(p[1]), filed_under(p[1].title), p[0]))
    entries = [(lead(s), s) for _, s in ranked]
    return [apa.reference(s, suffix) for (_, s), suffix in zip(entries, _year_letters(entries))]


def _mla(sources: list[Source]) -> list[str]:
    def lead(src: Source) -> Key:
        return _names(src) if mla.signed(src) else _title(src)

    ranked = sorted(enumerate(sources), key=lambda p: (lead(p[1]), filed_under(p[1].title), _date_key(p[1]), p[0]))
    entries = [(lead(s), s) for _, s in ranked]
    return [mla.reference(s, same) for (_, s), same in zip(entries, _repeats(entries, mla.signed))]


def _chicago_lead(src: Source) -> Key:
    if src.signed:
        return _names(src)
    if src.outlet:  # an unsigned article files under its outlet (CMOS 14.207)
        return ((filed_under(src.outlet), ""),)
    return _title(src)


def _signed(src: Source) -> bool:
    return src.signed


def _chicago(sources: list[Source]) -> list[str]:
    ranked = sorted(enumerate(sources), key=lambda p: (
        _chicago_lead(p[1]), filed_under(p[1].title), _date_key(p[1]), p[0]))
    entries = [(_chicago_lead(s), s) for _, s in ranked]
    return [chicago.bibliography(s, same) for (_, s), same in zip(entries, _repeats(entries, _signed))]


def _chicago_ad(sources: list[Source]) -> list[str]:
    ranked = sorted(enumerate(sources), key=lambda p: (
        _chicago_lead(p[1]), p[1].published is None, _date_key(p[1])[0], filed_under(p[1].title),
        _date_key(p[1]), p[0]))
    entries = [(_chicago_lead(s), s) for _, s in ranked]
    return [chicago.author_date(s, suffix, same) for (_, s), suffix, same
            in zip(entries, _year_letters(entries), _repeats(entries, _signed))]


def _notes(sources: list[Source]) -> list[str]:
    return [f"{n}. {chicago.note(s)}" for n, s in enumerate(sources, 1)]


_ORDERS = {"apa": _apa, "mla": _mla, "chicago": _chicago, "chicago-ad": _chicago_ad, "chicago-note": _notes}


def reference_list(articles: Iterable[Article], style: str, accessed: date | None = None,
                   heading: bool = True) -> str:
    """``articles`` as the reference list of a prose ``style`` (a key of ``HEADINGS``):
    the heading line ("References", "Works Cited", …) unless ``heading`` is False, then one
    entry a line, sorted as the style wants; newline-terminated. No articles: ``""``.

    ``accessed`` is the access date where an entry needs one (default: today).
    """
    order = _ORDERS.get(style)
    if order is None:
        raise UnknownStyle(style, HEADINGS, "reference-list style")
    sources = [Source.from_article(a, accessed) for a in articles]
    if not sources:
        return ""
    lines = ([HEADINGS[style]] if heading else []) + order(sources)
    return "\n".join(lines) + "\n"
