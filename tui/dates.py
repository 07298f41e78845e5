"""Partial dates as users type them: ``2023``, ``2023-05``, ``May 2023``, ``12 May 2023``."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime


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
