"""The Timeline strip's picture: ``tui.charts``' buckets as bars, laid out for a width.

``Chart`` is what the strip shows: the buckets of one list of events (the Timeline's
results, or an official's events) and where each event falls, built off the UI thread.
``StripLayout`` draws it for a width and a number of bar rows: bar heights in Unicode
eighths (▁▂▃▄▅▆▇█) scaled so the fullest period fills the rows, period labels below where
they fit, and a line above saying what the chosen period holds. With no bar rows it is
one line: the bars in one row, then the chosen period.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from rich.cells import cell_len
from textual.content import Content

from tui.app.display import text
from tui.app.formatting import plural
from tui.charts import Bucket, buckets, choose_unit, unplaced
from tui.records import Event

EIGHTHS = " ▁▂▃▄▅▆▇█"
BAR = "$primary"
CHOSEN = "bold $warning"  # the chosen period's bar (a tint behind it shows an empty one too)
CHOSEN_BACK = "on $boost"
LABEL = "$text-muted"
CHOSEN_LABEL = "bold reverse $warning"
MUTED = "$text-muted"
MOST_CELLS = 8  # a period is never drawn wider than this, however few there are
_LEFT_OUT = {"month": "dated only to the month", "year": "dated only to the year", "undated": "undated"}


@dataclass(frozen=True)
class Chart:
    """The buckets of some events (``tui.charts``), and the bucket of each event placed."""

    buckets: tuple[Bucket, ...] = ()
    unit: str = "month"
    unplaced: Mapping[str, int] = field(default_factory=dict)
    events: int = 0
    bucket_of: Mapping[str, int] = field(default_factory=dict)

    @classmethod
    def of(cls, events: Iterable[Event]) -> Chart:
        """The chart of ``events``: one pass each for the unit, the buckets and what is left out."""
        events = list(events)
        unit = choose_unit(events)
        found = tuple(buckets(events, unit))
        bucket_of = {event_id: i for i, b in enumerate(found) for event_id in b.ids}
        return cls(found, unit, unplaced(events, unit), len(events), bucket_of)

    @property
    def placed(self) -> int:
        return sum(b.count for b in self.buckets)

    def step(self, chosen: int | None, direction: int, cursor: int | None = None,
             position: Callable[[str], int | None] | None = None) -> int | None:
        """The next (``direction`` 1) or previous (-1) period holding an event, from the
        ``chosen`` one; with none chosen, from the ``cursor``'s place in the list, where
        ``position`` says each event is. None: there is none that way."""
        full = [i for i, b in enumerate(self.buckets) if b.count]
        if chosen is not None:
            ahead = [i for i in full if (i - chosen) * direction > 0]
        elif cursor is not None and position is not None:
            places = {i: position(self.buckets[i].ids[0]) for i in full}
            ahead = [i for i in full if places[i] is not None and (places[i] - cursor) * direction > 0]
        else:
            ahead = full
        if not ahead:
            return None
        return min(ahead) if direction > 0 else max(ahead)

    def summary(self) -> str:
        """``"12 events by month"``."""
        return f"{plural(self.placed, 'event')} by {self.unit}" if self.buckets else ""

    def span(self) -> str:
        """``"May 2023 – Mar 2024"``: the first period to the last."""
        if not self.buckets:
            return ""
        first, last = self.buckets[0].label, self.buckets[-1].label
        return first if first == last else f"{first} – {last}"

    def left_out(self) -> str:
        """What no bar holds: ``"+1 dated only to the year"`` (empty when every event is in a bar)."""
        return ", ".join(f"+{self.unplaced[why]} {_LEFT_OUT[why]}" for why in ("month", "year", "undated")
                         if self.unplaced.get(why))


def chosen_text(chart: Chart, chosen: int | None) -> str:
    """``"Mar 2024: 2 events"`` for the chosen period ("" with none)."""
    if chosen is None or not 0 <= chosen < len(chart.buckets):
        return ""
    bucket = chart.buckets[chosen]
    return f"{bucket.label}: {plural(bucket.count, 'event') if bucket.count else 'no events'}"


def _fit(parts: list[tuple[str, str]], width: int) -> Content:
    """``parts`` joined by " · ", in order, leaving out each that does not fit beside those
    before it: never one cut short ("Feb 2024: 1…" could be 1 or 12 events)."""
    kept: list[tuple[str, str]] = []
    used = 0
    for value, style in parts:
        if not value:
            continue
        cost = cell_len(value) + (3 if kept else 0)
        if used + cost > width:
            continue
        kept.append((value, style))
        used += cost
    pieces: list[Content] = []
    for value, style in kept:
        if pieces:
            pieces.append(text(" · ", MUTED))
        pieces.append(text(value, style))
    return Content.assemble(*pieces)


class StripLayout:
    """The strip for ``width`` cells and ``bar_rows`` rows of bars (0: all on one line)."""

    def __init__(self, chart: Chart, chosen: int | None, width: int, bar_rows: int, hint: str = "") -> None:
        self.chart = chart
        self.chosen = chosen if chosen is not None and 0 <= chosen < len(chart.buckets) else None
        self.width = max(width, 1)
        self.bar_rows = max(bar_rows, 0)
        self.hint = hint
        n = len(chart.buckets)
        self.info = chosen_text(chart, self.chosen)
        if self.bar_rows:
            room = self.width
        else:  # one line: the bars, a space, the chosen period
            room = self.width - (cell_len(self.info) + 1 if self.info else 0)
            if room < min(n, 8):  # too narrow for both: the bars only
                room = self.width
        self.cell = max(1, min(MOST_CELLS, room // n)) if n else 1
        if self.bar_rows == 0:
            self.cell = 1
        self.bar = self.cell - 1 if self.cell >= 3 else self.cell  # a gap between wide bars
        if n * self.cell <= room:
            self.first, self.shown, self.lead = 0, n, 0
        else:  # more periods than cells: a window around the chosen one, ‹ › at its ends
            self.shown = max(room - 2, 1)
            middle = self.chosen if self.chosen is not None else n - 1
            self.first = min(max(middle - self.shown // 2, 0), n - self.shown)
            self.lead = 1
        self.bars_width = self.lead * 2 + self.shown * self.cell if self.lead else self.shown * self.cell

    @property
    def height(self) -> int:
        return 1 if self.bar_rows == 0 or not self.chart.buckets else self.bar_rows + 2

    def x_of(self, index: int) -> int:
        return self.lead + (index - self.first) * self.cell

    def bucket_at(self, x: int, y: int) -> int | None:
        """The period drawn at cell ``x`` of line ``y`` (None: none there)."""
        if not self.chart.buckets or (self.bar_rows and not 1 <= y <= self.bar_rows + 1):
            return None
        index = self.first + (x - self.lead) // self.cell if x >= self.lead else -1
        return index if self.first <= index < self.first + self.shown else None

    # -- drawing ---------------------------------------------------------------------

    def lines(self) -> list[Content]:
        """The strip's lines, each at most ``width`` cells."""
        chart = self.chart
        if not chart.buckets:
            if chart.events:
                message = f"{plural(chart.events, 'event')} without a calendar date: nothing to chart."
            else:
                message = "No dated events to chart."
            return [text(message, MUTED).truncate(self.width, ellipsis=True)]
        if self.bar_rows == 0:
            bars = self._bar_row(0, 1)
            tail = _fit([(self.info, "bold"), (chart.left_out(), MUTED), (chart.summary(), MUTED)],
                        self.width - self.bars_width - 1)
            return [Content.assemble(bars, Content(" "), tail) if tail.plain else bars]
        info = _fit([(self.info, "bold"), (chart.left_out(), MUTED), (chart.summary(), MUTED),
                     (self.hint, MUTED), (chart.span(), MUTED)], self.width)
        return [info, *(self._bar_row(r, self.bar_rows) for r in range(self.bar_rows)), self._labels()]

    def _level(self, count: int, rows: int) -> int:
        """How many eighths of ``rows`` rows a count fills: the fullest period all, any event one at least."""
        most = max(b.count for b in self.chart.buckets)
        return 0 if count == 0 else max(1, round(count * rows * 8 / most))

    def _bar_row(self, row: int, rows: int) -> Content:
        pieces: list[Content] = []
        if self.lead:
            pieces.append(text("‹" if self.first > 0 else " ", MUTED))
        base = (rows - 1 - row) * 8  # eighths below this row
        for index in range(self.first, self.first + self.shown):
            bucket = self.chart.buckets[index]
            fill = min(max(self._level(bucket.count, rows) - base, 0), 8)
            bar = EIGHTHS[fill] * self.bar
            chosen = index == self.chosen
            piece = text(bar, f"{CHOSEN} {CHOSEN_BACK}" if chosen else BAR)
            if self.cell > self.bar:
                piece = Content.assemble(piece, Content(" "))
            pieces.append(piece)
        if self.lead:
            pieces.append(text("›" if self.first + self.shown < len(self.chart.buckets) else " ", MUTED))
        return Content.assemble(*pieces)

    def _labels(self) -> Content:
        """Period labels under their bars where they fit, the chosen one first and always."""
        taken = [False] * self.width
        placed: list[tuple[int, str, bool]] = []

        def put(x: int, label: str, chosen: bool) -> bool:
            length = cell_len(label)
            if chosen:
                x = max(0, min(x, self.width - length))
            elif x + length > self.width:
                return False
            low, high = max(x - 1, 0), min(x + length + 1, self.width)
            if any(taken[low:high]):
                return False
            for i in range(x, min(x + length, self.width)):
                taken[i] = True
            placed.append((x, label, chosen))
            return True

        if self.chosen is not None:
            put(self.x_of(self.chosen), self.chart.buckets[self.chosen].label, True)
        for index in range(self.first, self.first + self.shown):
            if index != self.chosen:
                put(self.x_of(index), self.chart.buckets[index].label, False)
        pieces: list[Content] = []
        at = 0
        for x, label, chosen in sorted(placed):
            pieces.append(Content(" " * (x - at)))
            pieces.append(text(label, CHOSEN_LABEL if chosen else LABEL).truncate(self.width - x, ellipsis=True))
            at = x + cell_len(label)
        return Content.assemble(*pieces)


def bar_rows_for(height: int) -> int:
    """Rows of bars for a terminal ``height`` lines high: none (one line) when short."""
    if height < 16:
        return 0
    if height < 28:
        return 2
    if height < 40:
        return 3
    return 5
