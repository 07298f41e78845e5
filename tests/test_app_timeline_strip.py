"""The Timeline strip: counts per period for a corpus written for these tests, drawn at each
width, and the keys that move along it with the list following.

The corpus (tests/fixtures/timeline) dates its events to known days: 15 Jan, 8 and 27 Feb,
18 and 25 Apr, 20 May and 3 Jul 2024, and one agreement "signed in 2022" (a year only).
"""

from __future__ import annotations

import pytest

from tests.conftest import region_text, settle
from tui.app import CcaApp
from tui.app.chart import Chart, StripLayout
from tui.app.widgets.record_list import Column, Row, fit_widths

DATES = [("2022", "year"), ("2024-01-15", "day"), ("2024-02-08", "day"), ("2024-02-27", "day"),
         ("2024-04-18", "day"), ("2024-04-25", "day"), ("2024-05-20", "day"), ("2024-07-03", "day")]
MONTHS = [("Jan 2024", 1), ("Feb 2024", 2), ("Mar 2024", 0), ("Apr 2024", 2), ("May 2024", 1),
          ("Jun 2024", 0), ("Jul 2024", 1)]
# The Timeline's rows: 0 "2022", 1 the 2022 agreement, 2 "2024", then one row per day above.
ROW = {"2022": 1, "2024-01-15": 3, "2024-02-08": 4, "2024-02-27": 5, "2024-04-18": 6, "2024-04-25": 7,
       "2024-05-20": 8, "2024-07-03": 9}


def test_the_corpus_gives_the_events_it_was_written_with(timeline_corpus):
    assert [(e.date, e.precision) for e in timeline_corpus.events()] == DATES


def test_the_strip_counts_the_corpus_per_month(timeline_corpus):
    chart = Chart.of(timeline_corpus.events())
    assert chart.unit == "month"
    assert [(b.label, b.count) for b in chart.buckets] == MONTHS
    assert dict(chart.unplaced) == {"year": 1}  # the agreement of 2022: in no month
    assert (chart.events, chart.placed) == (8, 7)
    assert chart.summary() == "7 events by month"
    assert chart.span() == "Jan 2024 – Jul 2024"


def test_the_strip_draws_eighths_scaled_to_the_fullest_period(timeline_corpus):
    chart = Chart.of(timeline_corpus.events())
    # 56 cells: 8 a month (a bar of 7 and a gap); two rows: one event fills the lower, two both.
    assert [line.plain for line in StripLayout(chart, 1, 56, 2, "[ ] periods").lines()] == [
        "Feb 2024: 2 events · +1 dated only to the year",
        "        ███████         ███████                         ",
        "███████ ███████         ███████ ███████         ███████ ",
        "        Feb 2024        Apr 2024        Jun 2024",
    ]
    # 30 cells, three rows: 4 a month; one event is 12 eighths (a full row and half of one).
    assert [line.plain for line in StripLayout(chart, None, 30, 3, "[ ] periods").lines()] == [
        "+1 dated only to the year",
        "    ███     ███             ",
        "▄▄▄ ███     ███ ▄▄▄     ▄▄▄ ",
        "███ ███     ███ ███     ███ ",
        "Jan 2024    Apr 2024",
    ]
    # One line: a cell a month, half a cell for one event, then the chosen period.
    assert [line.plain for line in StripLayout(chart, 3, 40, 0).lines()] == ["▄█ █▄ ▄ Apr 2024: 2 events"]
    # Nothing chosen (the cursor on 2022): what no bar holds, then the count, as they fit.
    assert [line.plain for line in StripLayout(chart, None, 40, 0).lines()] == ["▄█ █▄ ▄ +1 dated only to the year"]
    assert [line.plain for line in StripLayout(chart, None, 60, 0).lines()] == [
        "▄█ █▄ ▄ +1 dated only to the year · 7 events by month"]
    assert [line.plain for line in StripLayout(Chart(), None, 40, 2).lines()] == ["No dated events to chart."]


def test_more_periods_than_cells_show_a_window_around_the_chosen_one():
    from tui.library import codec

    events = [codec.event({"id": f"e{year}", "date": str(year), "precision": "year"}) for year in range(1990, 2030)]
    chart = Chart.of(events)
    assert chart.unit == "year" and len(chart.buckets) == 40
    layout = StripLayout(chart, 20, 12, 0)  # 40 years, 12 cells, one line: ten years and ‹ ›
    assert [line.plain for line in layout.lines()] == ["‹██████████›"]
    assert (layout.first, layout.shown) == (15, 10)
    assert [layout.bucket_at(x, 0) for x in (0, 1, 10, 11)] == [None, 15, 24, None]


def test_the_date_column_fits_most_dates_and_cuts_the_rare_long_range():
    columns = [Column("Date", 12, fit=24), Column("Event", None)]
    short = [Row(f"e{i}", ("30 Mar 2024", "x")) for i in range(19)]
    long_range = Row("long", ("28 Dec 2025 – 3 Jan 2026", "x"))
    # One long range in twenty rows does not widen the column for the other nineteen.
    assert fit_widths(columns, [*short, long_range]) == [12, None]
    # Month names written whole ("September 2023", 14 cells) are most of the rows: they fit.
    months = [Row(f"m{i}", ("September 2023", "x")) for i in range(19)]
    assert fit_widths(columns, [*months, long_range]) == [14, None]
    # Fewer than twenty rows: the 95th percentile is the longest; never wider than ``fit``.
    assert fit_widths(columns, [short[0], long_range]) == [24, None]
    assert fit_widths(columns, [Row(None, ("2024",), group=True)]) == [12, None]
    assert fit_widths(columns, []) == [12, None]


# -- in the explorer ----------------------------------------------------------------------------


async def timeline(pilot, *keys: str):
    """The Timeline pane once the store is read and ``keys`` are pressed in it."""
    await settle(pilot)
    await pilot.press("3", *keys)
    await settle(pilot)
    return pilot.app.main.pane("timeline")


async def test_brackets_move_along_the_strip_and_the_list_goes_to_each_periods_first_event(timeline_corpus):
    app = CcaApp(db=str(timeline_corpus.path))
    async with app.run_test(size=(120, 36)) as pilot:
        pane = await timeline(pilot)
        records, strip = pane.records, pane.strip
        # The cursor starts on the agreement of 2022, which no month holds: no period chosen.
        assert (records.cursor, strip.chosen) == (ROW["2022"], None)
        steps = [("right_square_bracket", "2024-01-15", "Jan 2024: 1 event"),
                 ("right_square_bracket", "2024-02-08", "Feb 2024: 2 events"),
                 ("right_square_bracket", "2024-04-18", "Apr 2024: 2 events"),  # March is empty: passed over
                 ("left_square_bracket", "2024-02-08", "Feb 2024: 2 events"),
                 ("left_square_bracket", "2024-01-15", "Jan 2024: 1 event"),
                 ("left_square_bracket", "2024-01-15", "Jan 2024: 1 event")]  # none before: it stays
        for key, day, said in steps:
            await pilot.press(key)
            await settle(pilot)
            assert records.cursor == ROW[day], (key, day)
            assert region_text(app, strip).splitlines()[0].startswith(f"{said} · "), (key, day)
        # The strip follows the cursor however it moves: the last event is July's.
        await pilot.press("G")
        await settle(pilot)
        assert (records.cursor, strip.chosen) == (ROW["2024-07-03"], 6)
        await pilot.press("right_square_bracket")  # none after July
        await pilot.press("k")
        await settle(pilot)
        assert (records.cursor, strip.chosen) == (ROW["2024-05-20"], 4)
        # The detail shows the event the list went to.
        await pilot.press("left_square_bracket")
        await settle(pilot)
        assert pane.detail_key == records.current_key
        assert app.catalog.event_by_id[pane.detail_key].date == "2024-04-18"


async def test_a_click_on_a_bar_chooses_its_period(timeline_corpus):
    app = CcaApp(db=str(timeline_corpus.path))
    async with app.run_test(size=(120, 36)) as pilot:
        pane = await timeline(pilot)
        # 54 cells, 7 a month: April's bar starts at cell 21 of the bar rows (lines 1 to 3).
        await pilot.click(pane.strip, offset=(22, 2))
        await settle(pilot)
        assert (pane.records.cursor, pane.strip.chosen) == (ROW["2024-04-18"], 3)
        await pilot.click(pane.strip, offset=(15, 3))  # March: no events, so the list stays
        await settle(pilot)
        assert (pane.records.cursor, pane.strip.chosen) == (ROW["2024-04-18"], 2)
        assert region_text(app, pane.strip).splitlines()[0].startswith("Mar 2024: no events · ")


async def test_the_strip_counts_what_the_search_leaves(timeline_corpus):
    app = CcaApp(db=str(timeline_corpus.path))
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("3", "slash", *"wang")
        await settle(pilot)
        strip = app.main.pane("timeline").strip
        # 20 May and 3 July: six weeks apart, so weeks (Monday to Sunday, by their Monday).
        assert [(b.label, b.count) for b in strip.chart.buckets] == [
            ("20 May 2024", 1), ("27 May 2024", 0), ("3 Jun 2024", 0), ("10 Jun 2024", 0), ("17 Jun 2024", 0),
            ("24 Jun 2024", 0), ("1 Jul 2024", 1)]
        assert region_text(app, strip).splitlines()[0].rstrip() == "20 May 2024: 1 event · 2 events by week · [ ] periods"
        app.main.pane("timeline").search_box.value = "since:2024-04"
        await settle(pilot)
        assert [(b.label, b.count) for b in strip.chart.buckets] == MONTHS[3:]
        assert dict(strip.chart.unplaced) == {}
        app.main.pane("timeline").search_box.value = "zzqx"
        await settle(pilot)
        assert region_text(app, strip).splitlines() == ["No dated events to chart.".ljust(54)]
        await pilot.press("enter", "right_square_bracket", "left_square_bracket")  # to the list; nothing to move to
        await settle(pilot)
        assert app.main.pane("timeline").records.cursor is None
        app.main.pane("timeline").search_box.value = "since:"  # not understood: nothing charted either
        await settle(pilot)
        assert region_text(app, strip).splitlines() == ["No dated events to chart.".ljust(54)]


# What the strip shows on the screen at each size (the list side: 40 and 80 columns wide
# below 100, 45 % of 120); read off the screen and checked by hand against the counts.
DRAWN = {
    (40, 12): ["▄█ █▄ ▄ Feb 2024: 2 events".ljust(40)],  # one line: the bars, then the chosen month
    (80, 24): [
        "Feb 2024: 2 events · +1 dated only to the year · 7 events by month · [ ] periods",
        "        ███████         ███████                                                 ",
        "███████ ███████         ███████ ███████         ███████                         ",
        "        Feb 2024        Apr 2024        Jun 2024                                ",
    ],
    (120, 36): [
        "Feb 2024: 2 events · +1 dated only to the year        ",
        "       ██████        ██████                           ",
        "▄▄▄▄▄▄ ██████        ██████ ▄▄▄▄▄▄        ▄▄▄▄▄▄      ",
        "██████ ██████        ██████ ██████        ██████      ",
        "       Feb 2024      Apr 2024      Jun 2024           ",
    ],
}


@pytest.mark.parametrize("size", list(DRAWN))
async def test_the_strip_is_drawn_at_40_80_and_120_columns(timeline_corpus, size):
    app = CcaApp(db=str(timeline_corpus.path))
    async with app.run_test(size=size) as pilot:
        pane = await timeline(pilot, "right_square_bracket", "right_square_bracket")  # to February
        assert region_text(app, pane.strip).split("\n") == DRAWN[size]
        # The list is right under it, its header first.
        assert pane.records.region.y == pane.strip.region.bottom


async def test_a_rare_long_range_is_cut_in_the_list_and_whole_in_the_detail(tmp_path):
    from tests.conftest import build_store, replace_events

    store = build_store(tmp_path / "ranges.json")
    seed = store.articles()[0].id
    events = [{"id": f"day-{n:02}", "date": f"2025-11-{n:02}", "precision": "day", "summary": f"Talks, round {n}",
               "participants": [], "article_ids": [seed],
               "evidence": [{"article_id": seed, "paragraph": 1, "text": "Distinguished officials"}]}
              for n in range(1, 20)]
    events.append({"id": "year-end", "date": "2025-12-28", "end_date": "2026-01-03", "precision": "day",
                   "summary": "Winter forum", "participants": [], "article_ids": [seed],
                   "evidence": [{"article_id": seed, "paragraph": 1, "text": "Distinguished officials"}]})
    replace_events(store, events)
    app = CcaApp(db=str(store.path))
    async with app.run_test(size=(120, 36)) as pilot:
        pane = await timeline(pilot, "G")
        rows = region_text(app, pane.records).splitlines()
        # Twelve cells for the date, as nineteen of the twenty need; the range ends in "…".
        assert rows[0].startswith("Date         Event")
        assert rows[2].startswith("1 Nov 2025   Talks, round 1")
        assert rows[21].startswith("28 Dec 2025… Winter forum")
        assert pane.records.current_key == "year-end"
        assert "28 Dec 2025 – 3 Jan 2026" in region_text(app, pane.detail)
