"""Publication dates: parsing metadata values and spotting date lines."""

from __future__ import annotations

import re
from datetime import datetime

from dateutil import parser as dateparser

# Two far-apart defaults: a field that differs between the two parses was not
# in the text (dateutil silently fills missing fields from ``default``).
_DEFAULT_A = datetime(1904, 1, 1)
_DEFAULT_B = datetime(1908, 2, 2)

_DOTTED = re.compile(r"\b\d{1,2}\.\d{1,2}\.\d{2,4}\b")
_ISO_DATE = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})\b")


def _parse(text: str) -> tuple[datetime, bool]:
    """Parse with dateutil; return the datetime and whether the day was given."""
    text = text.strip()
    if not text:
        raise ValueError("empty date")
    if len(text) > 100:
        raise ValueError("not a date (too long)")
    iso = _ISO_DATE.match(text)
    if iso and len(text) == 10:
        # The common case, without dateutil's guessing.
        try:
            return datetime(int(iso[1]), int(iso[2]), int(iso[3])), True
        except ValueError:
            raise ValueError(f"not a valid date: {text!r}") from None
    dayfirst = bool(_DOTTED.search(text))
    try:
        a = dateparser.parse(text, default=_DEFAULT_A, dayfirst=dayfirst)
        b = dateparser.parse(text, default=_DEFAULT_B, dayfirst=dayfirst)
    except (ValueError, OverflowError, TypeError, ArithmeticError, IndexError, KeyError):
        # dateutil raises more than ParserError on odd input (e.g. OverflowError).
        raise ValueError(f"not a date: {text!r}") from None
    if a.year != b.year:
        raise ValueError(f"date has no year: {text!r}")
    if not 1000 <= a.year <= 9999:
        raise ValueError(f"year out of range: {text!r}")
    return a, a.month == b.month and a.day == b.day


def parse_date(value: str) -> str:
    """Read a date python-dateutil understands and return ISO ``YYYY-MM-DD``.

    A missing day or month defaults to 1 (``May 2023`` → ``2023-05-01``); a
    missing year is an error, since guessing one would be silently wrong.
    Dotted numeric dates (``31.03.2024``) are read day first, as they are
    written in Europe and Central Asia.  Raises ``ValueError`` with a short
    reason.
    """
    return _parse(value)[0].date().isoformat()


# --- date lines ---------------------------------------------------------------

_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december"
    "|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
_WEEKDAYS = (
    "monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun"
)
# A label some sites put before the date ("Published: ", "Updated on").
_LABEL = re.compile(
    r"^\s*(?:(?:first\s+)?published|updated|last\s+updated|posted|modified|date|created)"
    r"(?:\s+(?:on|at))?\s*:?\s*",
    re.IGNORECASE,
)
# Every token a pure date/time line may consist of.
_DATE_TOKEN = re.compile(
    r"\d{4}-\d{2}-\d{2}(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?(?:Z|[+-]\d{2}:?\d{2})?"  # ISO
    r"|\d{1,2}:\d{2}(?::\d{2})?"  # time
    r"|\d{1,4}(?:st|nd|rd|th)?"  # day, month or year number
    rf"|(?:{_MONTHS})\.?"
    rf"|(?:{_WEEKDAYS})\.?"
    r"|[ap]\.?m\.?|utc|gmt|[+-]\d{2}:?\d{2}"
    r"|at|on|of"
    r"|[\s,./|\-–—()]+",
    re.IGNORECASE,
)
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")


def date_line(line: str) -> str | None:
    """If ``line`` is essentially only a date (and time), return it as ISO.

    ``25 April 2023, 17:15``, ``Tuesday, 25 April 2023``, ``March 31, 2024``,
    ``2024-03-31 10:00``, ``Published: 31.03.2024`` qualify; a sentence that
    mentions a date does not.  A year must be present.
    """
    text = line.strip()
    if not text or len(text) > 80:
        return None
    text = _LABEL.sub("", text, count=1)
    if not _YEAR.search(text):
        return None
    # Tokenize from the left; any character not covered means a non-date word.
    pos = 0
    while pos < len(text):
        m = _DATE_TOKEN.match(text, pos)
        if not m or m.end() == pos:
            return None
        # A token must not run into letters ("mars", "decide", "at" in "atlas").
        if m.end() < len(text) and text[m.end() - 1].isalnum() and text[m.end()].isalpha():
            return None
        pos = m.end()
    # dateutil does not know "at"/"on"/"of" or labels: drop them before parsing.
    cleaned = re.sub(r"\b(?:at|on|of)\b|[|()]", " ", text, flags=re.IGNORECASE)
    try:
        when, full = _parse(cleaned)
    except ValueError:
        return None
    # A bare year or month is not the publication date line of a news page.
    return when.date().isoformat() if full else None
