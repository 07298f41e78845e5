"""Days stated relative to another date of the article.

"On the first day of the visit" counts from the visit's stated start, "the
day before", "the next day" and "on the same day" from the last day the
article named (or, before any, its publication day). The anchors move as the
article is read, sentence by sentence.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from tui.extract.date_resolve import DateMention
from tui.extract.dates import _FUTURE
from tui.extract.text import NOT_LOWERED, Caseless, lower_exact

_RELATIVE = Caseless(
    r"\b(?:(?:on|in|during)\s+)?(?:the\s+|a\s+)?(?:"
    r"(?P<before>day\s+before|previous\s+day|day\s+earlier)(?!\s+yesterday)"
    r"|(?P<after>next\s+day|following\s+day|day\s+after|day\s+later)(?!\s+tomorrow)"
    r"|(?P<same>same\s+day)"
    r"|(?P<nth>first|second|third|fourth|fifth|last|final|closing)\s+day\s+of\s+(?:the|his|her|their|its|this)\s+"
    r"(?:\w+\s+){0,2}?(?:visit|trip|tour|stay|forum|summit|talks|conference|session|expo|exhibition|festival|event)"
    r")\b"
    r"|\b(?P<inday>earlier|later)\s+(?:in\s+the|that|on\s+the\s+same)\s+day\b"
)
_DAY_WORD = re.compile(r" day\b")
_NTH = {"first": 0, "second": 1, "third": 2, "fourth": 3, "fifth": 4}
_VISIT = re.compile(r"\b(?:visit|trip|tour|stay|summit|forum)", re.IGNORECASE)


@dataclass
class Anchors:
    """What relative days count from, as the article is read."""

    day: dt.date | None = None  # the last day named as done (the publication day to begin with)
    planned_day: dt.date | None = None  # the last day named, done or planned
    span: tuple[dt.date, dt.date | None] | None = None  # the visit or meeting last dated
    # sentences read since the anchors were last moved: most articles state no relative day,
    # so the anchors are worked out only when one does
    pending: list[tuple[str, int, int, list[DateMention]]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.planned_day = self.planned_day or self.day

    def resolve(self, text: str, start: int, end: int, mentions: list[DateMention],
                lowered: object = NOT_LOWERED) -> list[DateMention]:
        """The relative days of sentence ``text[start:end]``; ``mentions`` are its other dates."""
        if _DAY_WORD.search(text, start, end) is None:  # "the day before", "same day" (not "Tuesday", "days")
            return []
        if lowered is NOT_LOWERED:
            lowered = lower_exact(text)
        out: list[DateMention] = []
        at = start
        while (m := _RELATIVE.search(text, lowered, at, end)) is not None:
            at = m.end()
            self._settle()
            if any(d.start < m.end() and m.start() < d.end for d in mentions):
                continue
            # "On the same day, he will meet ...": a plan counts from the days planned too
            future = _FUTURE.search(text, lowered, start, end) is not None
            day = self._day_of(m, [d for d in mentions if d.end <= m.start()], future)
            if day is None:
                continue
            out.append(DateMention(m.start(), m.end(), day.isoformat(), "day", False, None, future, relative=True))
        return out

    def _day_of(self, m: re.Match[str], earlier: list[DateMention], future: bool) -> dt.date | None:
        anchor = _happening_day(earlier, future) or (self.planned_day if future else self.day)
        if m.group("nth"):
            if self.span is None:
                return None
            first, last = self.span
            which = m.group("nth").lower()
            if which in _NTH:
                return first + dt.timedelta(days=_NTH[which])
            return last  # "the last day of the visit": only when its end was stated
        if anchor is None:
            return None
        if m.group("before"):
            return anchor - dt.timedelta(days=1)
        if m.group("after"):
            return anchor + dt.timedelta(days=1)
        return anchor

    def update(self, text: str, start: int, end: int, mentions: list[DateMention]) -> None:
        """Move the anchors past one sentence and the dates found in it."""
        if mentions:
            self.pending.append((text, start, end, mentions))

    def _settle(self) -> None:
        for sentence in self.pending:
            self._advance(*sentence)
        self.pending.clear()

    def _advance(self, text: str, start: int, end: int, mentions: list[DateMention]) -> None:
        # a visit announced for "5–7 September" still has a second day; "the same day" counts
        # from what happened
        ranged = [d for d in mentions if d.precision == "day" and d.end_date and not d.began]
        days = [d for d in mentions if d.precision == "day" and not d.began]
        if not days:
            return
        last = days[-1]
        self.day = _happening_day(days) or self.day
        self.planned_day = _happening_day(days, True) or self.planned_day
        if ranged:
            d = ranged[-1]
            self.span = (dt.date.fromisoformat(d.date), dt.date.fromisoformat(d.end_date))
        elif self.span is None and not last.relative and _VISIT.search(text, start, end):
            self.span = (self.day, None)  # a visit dated by one day, until a span is stated


def _happening_day(mentions: list[DateMention], planned: bool = False) -> dt.date | None:
    """The day "the same day" / "the day before" counts from among a sentence's dates:
    the last single day that happened (or, with ``planned``, was planned; never a
    "since"); a span's first day when the sentence names no single day."""
    days = [d for d in mentions if d.precision == "day" and (planned or not d.future) and not d.began]
    single = [d for d in days if not d.end_date]
    pick = (single or days)[-1] if days else None
    return dt.date.fromisoformat(pick.date) if pick else None
