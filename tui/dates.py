"""Partial dates as users type them: ``2023``, ``2023-05``, ``May 2023``, ``12 May 2023``."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime

from tui.records import Event

_YEAR = re.compile(r"^\d{4}$")
_YEAR_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")


@dataclass(frozen=True)
class Period:
    """A day, month or year; ``start``/``end`` are its first and last days."""

    start: date
    end: date
    precision: str  # "day" | "month" | "year"


def parse_period(text: str) -> Period:
    """Parse a partial date; raises ``ValueError`` with a readable message."""
    value = text.strip()
    if _YEAR.match(value):
        year = int(value)
        return Period(date(year, 1, 1), date(year, 12, 31), "year")
    ym = _YEAR_MONTH.match(value)
    if ym:
        year, month = int(ym.group(1)), int(ym.group(2))
        if not 1 <= month <= 12:
            raise ValueError(f"not a date: {text!r}")
        return _month(year, month)
    from dateutil import parser as dateparser  # only written-out dates: ~15 ms off every start

    # Parse twice with different defaults: a field that changes was not given.
    try:
        a = dateparser.parse(value, default=datetime(1904, 1, 1))
        b = dateparser.parse(value, default=datetime(1908, 2, 2))
    except (ValueError, OverflowError, dateparser.ParserError):
        raise ValueError(f"not a date: {text!r}") from None
    if a.year != b.year:
        raise ValueError(f"not a date: {text!r} (no year)")
    if a.month != b.month:
        return Period(date(a.year, 1, 1), date(a.year, 12, 31), "year")
    if a.day != b.day:
        return _month(a.year, a.month)
    return Period(a.date(), a.date(), "day")


def _month(year: int, month: int) -> Period:
    last = calendar.monthrange(year, month)[1]
    return Period(date(year, month, 1), date(year, month, last), "month")


# -- showing stored dates ----------------------------------------------------------

_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
_MONTHS_LONG = [
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
]


def date_label(value: str | None, precision: str | None = None) -> str:
    """A stored ISO date at its precision: ``"30 Mar 2024"``, ``"May 2023"``, ``"2023"``."""
    if not value:
        return "undated"
    parts = value.split("-")
    try:
        year = int(parts[0])
        month = int(parts[1]) if len(parts) > 1 and precision != "year" else None
        day = int(parts[2]) if len(parts) > 2 and precision not in ("year", "month") else None
    except ValueError:
        return value
    if month is None or not 1 <= month <= 12:
        return str(year)
    if day is None:
        return f"{_MONTHS_LONG[month - 1] if precision == 'month' else _MONTHS[month - 1]} {year}"
    return f"{day} {_MONTHS[month - 1]} {year}"


def span_label(value: str | None, precision: str | None = None, end: str | None = None) -> str:
    """A date or a range of days, written once: ``"19–20 Nov 2025"``, ``"30 Nov – 2 Dec
    2025"``, ``"28 Dec 2025 – 3 Jan 2026"`` (``end`` is the last day, ISO)."""
    if not end or precision not in (None, "day") or not value:
        return date_label(value, precision)
    try:
        first, last = date.fromisoformat(value), date.fromisoformat(end)
    except ValueError:
        return f"{date_label(value, precision)} – {date_label(end, 'day')}"
    if last <= first:
        return date_label(value, precision)
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.day}–{last.day} {_MONTHS[first.month - 1]} {first.year}"
    if first.year == last.year:
        return f"{first.day} {_MONTHS[first.month - 1]} – {last.day} {_MONTHS[last.month - 1]} {first.year}"
    return f"{date_label(value, 'day')} – {date_label(end, 'day')}"


def event_when(event: Event) -> str:
    """When a timeline event happens, as both faces show it: its date or range of days,
    and "(planned)" for what the article announces rather than reports."""
    label = span_label(event.date, event.precision, event.end_date)
    return f"{label} (planned)" if event.planned else label
