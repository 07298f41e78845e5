"""How timeline events spread over time: counts per week, month or year.

``cca-tui timeline --chart`` prints these buckets as a text histogram, and the explorer's
Timeline strip draws the same ones, so the rules live here, once:

- The unit, unless given, follows the span of the events that can be placed finer than a
  year (those dated to a day or a month; a month counts from its first day): at most
  ``WEEKS_UP_TO`` days, all dated to the day → weeks; at most ``MONTHS_UP_TO`` days →
  months; longer, or nothing dated finer than a year → years.
- An event counts once, in the period holding its start (a range of days counts where it
  begins).
- An event dated less precisely than the unit (a month under weeks, a year under months or
  weeks) is in no bucket: ``unplaced`` counts those, and the faces say so under the chart.
- The buckets run from the first period with an event to the last, the empty ones between
  included (count 0), so the gaps show.

Weeks start on Monday (ISO 8601) and are labelled by their Monday ("25 Mar 2024").
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from tui.dates import date_label
from tui.records import Event

WEEK, MONTH, YEAR = "week", "month", "year"
UNITS = (WEEK, MONTH, YEAR)
WEEKS_UP_TO = 70  # days: ten weeks
MONTHS_UP_TO = 4 * 365 + 1  # days: four years
_RANK = {"day": 0, WEEK: 1, MONTH: 2, YEAR: 3}
_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


@dataclass(frozen=True)
class Bucket:
    """One period of the chart: its first and last days, its label, and its events' ids."""

    start: date
    end: date
    label: str
    count: int
    ids: tuple[str, ...] = ()


def event_start(event: Event) -> tuple[date, str] | None:
    """The first day of an event's date and how precisely it is known ("day", "month",
    "year"): the coarser of the stored precision and the date's own parts; None when the
    date is not a calendar date (a hand-edited store)."""
    return _start(event.date, event.precision)


@lru_cache(maxsize=65536)
def _start(value: str | None, stated: str | None) -> tuple[date, str] | None:
    # Cached: a chart reads each event's date three times (unit, buckets, what is left
    # out), and thousands of events share a few hundred days.
    if not value:
        return None
    parts = value.split("-")
    own = ("year", "month", "day")[min(len(parts), 3) - 1]
    precision = stated if stated in ("day", "month", "year") and _RANK[stated] > _RANK[own] else own
    try:
        numbers = [int(p) for p in parts[:3]]
        start = date(numbers[0], numbers[1] if precision != "year" else 1, numbers[2] if precision == "day" else 1)
    except (ValueError, IndexError):
        return None
    return start, precision


def choose_unit(events: Iterable[Event]) -> str:
    """Week, month or year, by the span of the events (see the module's rules)."""
    starts = [s for s in map(event_start, events) if s is not None and s[1] != "year"]
    if not starts:
        return YEAR
    span = (max(d for d, _ in starts) - min(d for d, _ in starts)).days
    if span <= WEEKS_UP_TO and all(p == "day" for _, p in starts):
        return WEEK
    return MONTH if span <= MONTHS_UP_TO else YEAR


def period_of(day: date, unit: str) -> tuple[date, date]:
    """The first and last days of the ``unit`` holding ``day``."""
    if unit == WEEK:
        start = day - timedelta(days=day.weekday())
        return start, start + timedelta(days=6)
    if unit == MONTH:
        start = day.replace(day=1)
        return start, _next(start, MONTH) - timedelta(days=1)
    return date(day.year, 1, 1), date(day.year, 12, 31)


def _next(start: date, unit: str) -> date:
    if unit == WEEK:
        return start + timedelta(days=7)
    if unit == MONTH:
        return date(start.year + start.month // 12, start.month % 12 + 1, 1)
    return date(start.year + 1, 1, 1)


def period_label(start: date, unit: str) -> str:
    """"25 Mar 2024" (a week, by its Monday), "Mar 2024", "2024"."""
    if unit == WEEK:
        return date_label(start.isoformat(), "day")
    if unit == MONTH:
        return f"{_MONTHS[start.month - 1]} {start.year}"
    return str(start.year)


def _placeable(precision: str, unit: str) -> bool:
    return _RANK[precision] <= _RANK[unit]


def buckets(events: Iterable[Event], unit: str | None = None) -> list[Bucket]:
    """The events counted per ``unit`` (chosen by ``choose_unit`` when None), first to last
    period with an event, empty periods between included; events dated less precisely than
    the unit are left out (see ``unplaced``)."""
    events = list(events)
    unit = unit or choose_unit(events)
    if unit not in UNITS:
        raise ValueError(f"unknown unit {unit!r}; choose one of: {', '.join(UNITS)}")
    by_start: dict[date, list[str]] = {}
    for event in events:
        found = event_start(event)
        if found is None or not _placeable(found[1], unit):
            continue
        by_start.setdefault(period_of(found[0], unit)[0], []).append(event.id)
    if not by_start:
        return []
    out = []
    start, last = min(by_start), max(by_start)
    while start <= last:
        ids = tuple(by_start.get(start, ()))
        out.append(Bucket(start, period_of(start, unit)[1], period_label(start, unit), len(ids), ids))
        start = _next(start, unit)
    return out


def unplaced(events: Iterable[Event], unit: str) -> dict[str, int]:
    """How many events ``buckets(events, unit)`` leaves out, by why: "month" and "year"
    (dated only that precisely) and "undated" (no calendar date); only the non-zero ones."""
    counts: dict[str, int] = {}
    for event in events:
        found = event_start(event)
        why = "undated" if found is None else None if _placeable(found[1], unit) else found[1]
        if why:
            counts[why] = counts.get(why, 0) + 1
    return counts
