"""The Timeline pane: the strip of periods above a list of events grouped by year.

The search worker makes the rows, fits the date column to them and counts the events per
period (``Chart``), so a new result costs the UI thread only the swap. The strip follows
the list cursor (the chosen period is the one holding the event under it); ``[`` / ``]``
move to the previous / next period with events and the list to its first event.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import ClassVar

from textual import on
from textual.binding import BindingType
from textual.widget import Widget

from tui.app.bindings import STRIP_BINDINGS
from tui.app.catalog import Catalog
from tui.app.chart import Chart
from tui.app.formatting import year_of
from tui.app.widgets.detail import EventDetail
from tui.app.widgets.panes import ArticlesPane, OfficialsPane, Pane
from tui.app.widgets.record_list import Column, Row, fit_widths
from tui.app.widgets.strip import TimelineStrip
from tui.dates import span_label
from tui.records import EVENT
from tui.library import Query


@dataclass(frozen=True)
class TimelineListing:
    """What the worker found: the rows, the columns' widths for them, their events' chart."""

    rows: list[Row]
    widths: list[int | None]
    chart: Chart


class TimelinePane(Pane):
    kind = "timeline"
    title = "Timeline"
    noun = "event"
    placeholder = "search events: words, official:, country:, since:, until:, outlet:, tag:"
    columns = [
        # Fitted to the dates listed ("September 2023"); a rare longer range ends in "…"
        # and shows whole in the detail (``fit_widths``).
        Column("Date", 12, style="$text-warning", fit=24),
        Column("Event", None, min_width=12),
        Column("Src.", 4, align="right", style="$text-muted"),
    ]

    BINDINGS: ClassVar[list[BindingType]] = STRIP_BINDINGS

    search_tips: ClassVar[list[str]] = [
        "Words match an event's summary, place, participants and evidence; official: country: outlet: since: "
        "until: tag: -tag: note: narrow.",
    ]

    def make_detail(self) -> Widget:
        return EventDetail(classes="detail")

    def above_list(self) -> Iterable[Widget]:
        yield TimelineStrip(classes="strip")

    @property
    def strip(self) -> TimelineStrip:
        return self.query_one(TimelineStrip)

    def compute(self, catalog: Catalog, query: Query) -> TimelineListing:
        rows: list[Row] = []
        events = []
        year = None
        for event_id in catalog.match_events(query):
            event = catalog.event_by_id[event_id]
            events.append(event)
            event_year = year_of(event.date)
            if event_year != year:
                year = event_year
                rows.append(Row(None, (event_year,), group=True))
            summary = event.summary or ""
            rows.append(Row(event_id, (span_label(event.date, event.precision, event.end_date),
                                       f"(planned) {summary}" if event.planned else summary,
                                       str(len(event.article_ids))), tags=tuple(catalog.tags_of(EVENT, event_id))))
        return TimelineListing(rows, fit_widths(self.columns, rows), Chart.of(events))

    def apply_result(self, result: TimelineListing) -> None:
        keep = self.records.current_key
        self.records.set_rows(result.rows, keep=keep, widths=result.widths)
        self.strip.set_chart(result.chart, self.records.current_key)

    def _apply(self, result: TimelineListing | None, error: str | None, typed: str) -> None:
        if result is None:  # the query is not understood: no events, so nothing to chart
            self.strip.set_chart(Chart())
        super()._apply(result, error, typed)

    def cursor_moved(self, key: str | None) -> None:
        self.strip.follow(key)

    def action_strip_step(self, direction: int) -> None:
        """``[`` / ``]``: the previous / next period with events; the list to its first event."""
        strip, records = self.strip, self.records
        target = strip.chart.step(strip.chosen, direction, records.cursor, records.row_of)
        if target is None:
            return
        self._go_to_period(target)

    @on(TimelineStrip.Chosen)
    def _clicked(self, event: TimelineStrip.Chosen) -> None:
        event.stop()
        self._go_to_period(event.index)

    def _go_to_period(self, index: int) -> None:
        self.strip.choose(index)
        bucket = self.strip.chart.buckets[index]
        if bucket.ids:
            self.records.select_key(bucket.ids[0])

    def show_detail(self, key: str | None, paragraph: int | None = None, force: bool = False,
                    sentence: str | None = None) -> None:
        if self.catalog is None or (key == self.detail_key and not force):
            return
        detail = self.detail
        assert isinstance(detail, EventDetail)
        detail.show(self.catalog.event_by_id.get(key) if key else None, self.catalog)

    def total(self) -> int:
        return len(self.catalog.events) if self.catalog else 0


PANES: list[type[Pane]] = [ArticlesPane, OfficialsPane, TimelinePane]
