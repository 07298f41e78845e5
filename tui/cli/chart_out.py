"""``timeline --chart``: the buckets of ``tui.charts`` as a text histogram."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from rich.cells import cell_len

from tui.charts import Bucket
from tui.cli.layout import pad

BAR = "█"
_UNPLACED = {
    "month": "dated only to the month, not in the weeks above",
    "year": "dated only to the year, not in the {unit}s above",
    "undated": "without a calendar date, not shown",
}


def _events(n: int) -> str:
    return f"{n} event" if n == 1 else f"{n} events"


def chart_lines(buckets: Sequence[Bucket], unit: str, unplaced: Mapping[str, int], width: int) -> list[str]:
    """A heading (how many events, by what, from when to when), one line per period
    (label, a bar scaled so the fullest period fills the width, count), then a line for
    each kind of event left out of the periods."""
    lines = []
    if buckets:
        placed = sum(b.count for b in buckets)
        span = buckets[0].label if len(buckets) == 1 else f"{buckets[0].label} – {buckets[-1].label}"
        lines.append(f"{_events(placed)} by {unit}, {span}")
        label_w = max(cell_len(b.label) for b in buckets)
        most = max(b.count for b in buckets)
        count_w = len(str(most))
        bar_w = max(1, width - label_w - count_w - 4)
        for b in buckets:
            # the fullest period fills the bar; any event shows at least one cell
            cells = 0 if b.count == 0 else max(1, (b.count * bar_w * 2 + most) // (most * 2))
            lines.append(f"{pad(b.label, label_w)}  {BAR * cells}{' ' * (bar_w - cells)}  {str(b.count).rjust(count_w)}")
    for why in ("month", "year", "undated"):
        if unplaced.get(why):
            lines.append(f"{_events(unplaced[why])} {_UNPLACED[why].format(unit=unit)}")
    return lines
