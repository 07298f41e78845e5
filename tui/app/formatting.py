"""Turning stored values into display text; no Textual import, so it is unit-testable.

Everything that comes from the data is wrapped in ``rich.text.Text`` (never parsed as
markup); styles are named Textual theme variables resolved by the widgets.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from datetime import date

from tui.dates import date_label

_MONTHS_LONG = [
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
]

# Control and bidi-override characters could move the cursor or reorder the
# line in the terminal; they never reach a widget.
_UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")


def safe(text: object) -> str:
    """Text from the data made inert: line breaks become spaces, control, zero-width and
    bidi-control characters become U+FFFD. Same length, so stored offsets still apply."""
    value = str(text or "").replace("\n", " ").replace("\t", " ").replace("\r", " ")
    return _UNSAFE.sub("\ufffd", value)


def plural(count: int, noun: str, plural_form: str | None = None) -> str:
    """``"1 article"``, ``"2 articles"``, ``"0 articles"``."""
    return f"{count} {noun if count == 1 else plural_form or noun + 's'}"


def precise_date(value: str | None, precision: str | None = None) -> str:
    """A stored date at its precision: ``"30 Mar 2024"``, ``"May 2023"``, ``"2023"``."""
    return date_label(value, precision)


def year_of(value: str | None) -> str:
    """The year of a stored date, or ``"Undated"``."""
    return value[:4] if value and value[:4].isdigit() else "Undated"


def short_date(value: str | None) -> str:
    """An article's publication date for list rows (ISO, fixed width)."""
    return value or "—"


def long_date(value: str | None) -> str:
    """``"31 March 2024"`` for the reader header."""
    if not value:
        return "no date"
    try:
        d = date.fromisoformat(value)
    except ValueError:
        return value
    return f"{d.day} {_MONTHS_LONG[d.month - 1]} {d.year}"


# -- highlighting ------------------------------------------------------------

_MONTH_RE = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
DATE_PATTERN = re.compile(
    rf"\b(?:{_MONTH_RE}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH_RE}\s+\d{{4}}"
    rf"|{_MONTH_RE}\s+\d{{4}}"
    r"|\d{4}-\d{2}(?:-\d{2})?)\b"
)


def date_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of dates written in ``text`` ("March 30, 2024", "May 2023")."""
    return [m.span() for m in DATE_PATTERN.finditer(text)]


def _folded_with_offsets(text: str) -> tuple[str, list[int]]:
    """Case/accent-folded text and, for each folded character, its index in ``text``."""
    out: list[str] = []
    where: list[int] = []
    for i, ch in enumerate(text):
        decomposed = unicodedata.normalize("NFKD", ch)
        for piece in decomposed:
            if unicodedata.combining(piece):
                continue
            for folded in piece.casefold():
                out.append(folded)
                where.append(i)
    return "".join(out), where


def term_spans(text: str, words: Iterable[str], phrases: Iterable[str] = ()) -> list[tuple[int, int]]:
    """Spans of search words (as word prefixes, like the index) and phrases, accent/case blind."""
    folded, where = _folded_with_offsets(text)
    patterns = [rf"\b{re.escape(w)}\w*" for w in words if w]
    for phrase in phrases:
        parts = phrase.split()
        if parts:
            patterns.append(r"\b" + r"\W+".join(re.escape(p) for p in parts) + r"\w*")
    if not patterns:
        return []
    spans = []
    for m in re.finditer("|".join(patterns), folded):
        if m.end() > m.start():
            spans.append((where[m.start()], where[m.end() - 1] + 1))
    return spans
