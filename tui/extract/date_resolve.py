"""What a date expression found in a sentence means: the calendar date, cut to its precision.

``find_dates`` (``tui.extract.dates``) finds the expressions; this module turns one
match of a pattern into a ``DateMention``: the year of a date written without one,
the day of "last Tuesday", the month of "this March", the year of "next spring",
all counted from the article's publication date.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from dateutil.relativedelta import FR, MO, SA, SU, TH, TU, WE, relativedelta

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}
_WEEKDAYS = {"monday": MO, "tuesday": TU, "wednesday": WE, "thursday": TH, "friday": FR,
             "saturday": SA, "sunday": SU}
# the month a season begins (northern hemisphere)
_SEASON_START = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}


@dataclass
class DateMention:
    """One date expression in a sentence."""

    start: int
    end: int
    date: str  # ISO, cut to precision
    precision: str  # day | month | year
    explicit: bool  # a full calendar date was written (no inference needed)
    end_date: str | None = None  # for ranges
    future: bool = False  # stated as a plan or schedule ("will be held on ...")
    began: bool = False  # "since March 3": the day something began, an occurrence
    relative: bool = False  # "the day before": counted from another date of the article


def _month(text: str) -> int:
    return _MONTHS[text[:3].lower()]


def _safe_day(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _infer_year(m: int, d: int, published: dt.date | None, future: bool) -> dt.date | None:
    """The year of "on April 27": the nearest one that fits the tense."""
    if published is None:
        return None
    cands = [c for y in (published.year - 1, published.year, published.year + 1)
             if (c := _safe_day(y, m, d))]
    slack = dt.timedelta(days=3)
    if future:
        later = [c for c in cands if c >= published - slack]
        return min(later) if later else None
    earlier = [c for c in cands if c <= published + slack]
    return max(earlier) if earlier else None


# the patterns that give a day (a "since" before any other is background, not a beginning)
DAY_KINDS = frozenset({"iso", "dotted", "mdymdy", "dmydmy", "mdmd", "dmdm", "md", "dm"})


def resolve(kind: str, m: re.Match[str], pub: dt.date | None, future: bool,
            approx: bool = False) -> DateMention | None:
    """What a match of the pattern ``kind`` stands for (its span left for the caller to set);
    None when it names no real day, or counts from a publication date not known (exactly)."""
    g = m.groups()
    if kind in ("mdymdy", "dmydmy"):
        if kind == "mdymdy":
            first = _safe_day(int(g[2]), _month(g[0]), int(g[1]))
            last = _safe_day(int(g[5]), _month(g[3]), int(g[4]))
        else:
            first = _safe_day(int(g[2]), _month(g[1]), int(g[0]))
            last = _safe_day(int(g[5]), _month(g[4]), int(g[3]))
        if first is None:
            return None
        return DateMention(0, 0, first.isoformat(), "day", True, last.isoformat() if last and last > first else None)
    if kind == "iso":
        day = _safe_day(int(g[0]), int(g[1]), int(g[2]))
        return DateMention(0, 0, day.isoformat(), "day", True) if day else None
    if kind == "dotted":
        day = _safe_day(int(g[2]), int(g[1]), int(g[0]))
        return DateMention(0, 0, day.isoformat(), "day", True) if day else None
    if kind in ("mdmd", "dmdm", "md", "dm"):
        if kind == "mdmd":
            m1, d1, m2, d2, year = _month(g[0]), int(g[1]), _month(g[2]), int(g[3]), g[4]
        elif kind == "dmdm":
            d1, m1, d2, m2, year = int(g[0]), _month(g[1]), int(g[2]), _month(g[3]), g[4]
        elif kind == "md":
            m1, d1, d2, year = _month(g[0]), int(g[1]), g[2], g[3]
            m2, d2 = m1, int(d2) if d2 else None
        else:
            d1, d2, m1, year = int(g[0]), g[1], _month(g[2]), g[3]
            m2, d2 = m1, int(d2) if d2 else None
        if year:
            first = _safe_day(int(year), m1, d1)
            explicit = True
        else:
            first = _infer_year(m1, d1, pub, future)
            explicit = False
        if first is None:
            return None
        last = None
        if d2:
            y2 = first.year + (1 if m2 < m1 else 0)
            last_day = _safe_day(y2, m2, d2)
            last = last_day.isoformat() if last_day and last_day > first else None
        return DateMention(0, 0, first.isoformat(), "day", explicit, last)
    if kind == "my":
        return DateMention(0, 0, f"{int(g[1]):04d}-{_month(g[0]):02d}", "month", True)
    if kind == "year":
        return DateMention(0, 0, g[0], "year", True)
    if kind == "mrel" and pub is not None:
        step = {"this": 0, "last": -1, "next": 1}[g[1]]
        return DateMention(0, 0, f"{pub.year + step:04d}-{_month(g[0]):02d}", "month", False)
    if kind == "mon" and pub is not None:
        first = _infer_year(_month(g[0]), 1, pub.replace(day=1), future)
        return DateMention(0, 0, f"{first.year:04d}-{first.month:02d}", "month", False) if first else None
    if kind == "relmon" and pub is not None:
        # "last September" in March 2024 is September 2023; "this March" the one of this year
        which, month = g[0].lower(), _month(g[1])
        year = pub.year
        if which == "last":
            year -= 1 if month >= pub.month else 0
        elif which == "next":
            year += 1 if month <= pub.month else 0
        return DateMention(0, 0, f"{year:04d}-{month:02d}", "month", False)
    if kind in ("mrel", "mon", "relmon"):
        return None
    if pub is None or (approx and kind == "weekday"):
        return None
    if kind == "weekday":
        which, name = (g[0] or "").lower(), g[1].lower()
        wd = _WEEKDAYS[name]
        if which == "last":
            day = pub + relativedelta(days=-1, weekday=wd(-1))
        elif which == "next":
            day = pub + relativedelta(days=+1, weekday=wd(+1))
        elif future or which == "coming":
            day = pub + relativedelta(weekday=wd(+1))
        else:
            day = pub + relativedelta(weekday=wd(-1))
        return DateMention(0, 0, day.isoformat(), "day", False)
    word = " ".join(g[0].lower().split())
    if approx and (word in ("today", "yesterday", "tomorrow") or word.endswith("month")):
        return None
    if word in ("today", "yesterday", "tomorrow"):
        shift = {"today": 0, "yesterday": -1, "tomorrow": 1}[word]
        return DateMention(0, 0, (pub + dt.timedelta(days=shift)).isoformat(), "day", False)
    unit = word.split()[-1]
    step = -1 if word.startswith("last") else 1 if word.startswith("next") else 0
    if unit in _SEASON_START:
        # "last spring": the latest one begun before this season; "next spring": the first one after
        start = _SEASON_START[unit]
        begun = pub.month >= start
        if word.startswith("last"):
            year = pub.year if begun and pub.month >= start + 3 else pub.year - 1
        elif word.startswith("next"):
            year = pub.year if pub.month < start else pub.year + 1
        else:
            year = pub.year
        return DateMention(0, 0, f"{year:04d}", "year", False)
    if unit == "year":
        return DateMention(0, 0, f"{pub.year + step:04d}", "year", False)
    month = pub + relativedelta(months=step)
    return DateMention(0, 0, f"{month.year:04d}-{month.month:02d}", "month", False)
