"""How events spread over time (tui/charts.py), and `timeline --chart` drawing it."""

from __future__ import annotations

from datetime import date

import pytest

from tui.charts import Bucket, buckets, choose_unit, unplaced
from tui.cli import main
from tui.cli.chart_out import chart_lines
from tui.library import codec
from tui.records import Event


def ev(eid: str, when: str | None, precision: str = "day", end: str | None = None) -> Event:
    return codec.event({"id": eid, "date": when, "precision": precision, "end_date": end})


# A fixture corpus written for these tests: five months of 2024, and an event known only by its year.
SPRING = [
    ev("launch", "2024-03-30"),
    ev("talks", "2024-03-05"),
    ev("forum", "2024-05", "month"),
    ev("expo", "2024-05-18", end="2024-06-02"),  # a range counts where it begins
    ev("plan", "2023", "year"),
    ev("summit", "2024-07-31"),
]


def test_months_for_a_span_of_months_with_the_empty_ones_between():
    assert choose_unit(SPRING) == "month"
    assert buckets(SPRING) == [
        Bucket(date(2024, 3, 1), date(2024, 3, 31), "Mar 2024", 2, ("launch", "talks")),
        Bucket(date(2024, 4, 1), date(2024, 4, 30), "Apr 2024", 0, ()),
        Bucket(date(2024, 5, 1), date(2024, 5, 31), "May 2024", 2, ("forum", "expo")),
        Bucket(date(2024, 6, 1), date(2024, 6, 30), "Jun 2024", 0, ()),
        Bucket(date(2024, 7, 1), date(2024, 7, 31), "Jul 2024", 1, ("summit",)),
    ]
    # the event dated only to 2023 does not stretch the span, and is counted apart
    assert unplaced(SPRING, "month") == {"year": 1}


def test_the_same_events_by_year():
    assert buckets(SPRING, "year") == [
        Bucket(date(2023, 1, 1), date(2023, 12, 31), "2023", 1, ("plan",)),
        Bucket(date(2024, 1, 1), date(2024, 12, 31), "2024", 5, ("launch", "talks", "forum", "expo", "summit")),
    ]
    assert unplaced(SPRING, "year") == {}


WEEKS = [
    ev("a", "2024-03-30"),  # a Saturday: the week of Monday 25 March
    ev("b", "2024-03-25"),
    ev("c", "2024-04-08"),
    ev("d", "2024-05-05"),  # a Sunday: the week of Monday 29 April
]


def test_weeks_start_on_monday_and_are_labelled_by_it():
    assert choose_unit(WEEKS) == "week"
    assert [(b.start, b.end, b.label, b.count) for b in buckets(WEEKS)] == [
        (date(2024, 3, 25), date(2024, 3, 31), "25 Mar 2024", 2),
        (date(2024, 4, 1), date(2024, 4, 7), "1 Apr 2024", 0),
        (date(2024, 4, 8), date(2024, 4, 14), "8 Apr 2024", 1),
        (date(2024, 4, 15), date(2024, 4, 21), "15 Apr 2024", 0),
        (date(2024, 4, 22), date(2024, 4, 28), "22 Apr 2024", 0),
        (date(2024, 4, 29), date(2024, 5, 5), "29 Apr 2024", 1),
    ]


def test_an_event_known_only_by_its_month_makes_months_and_is_left_out_of_weeks():
    with_month = [*WEEKS, ev("e", "2024-04", "month")]
    assert choose_unit(with_month) == "month"
    assert [b.count for b in buckets(with_month, "week")] == [2, 0, 1, 0, 0, 1]
    assert unplaced(with_month, "week") == {"month": 1}


@pytest.mark.parametrize("first, last, unit", [
    ("2024-01-01", "2024-03-11", "week"),  # 70 days
    ("2024-01-01", "2024-03-12", "month"),  # 71
    ("2020-01-01", "2024-01-01", "month"),  # 1461 days: four years
    ("2020-01-01", "2024-01-02", "year"),
])
def test_the_unit_boundaries(first, last, unit):
    assert choose_unit([ev("x", first), ev("y", last)]) == unit


def test_years_for_a_long_span():
    events = [ev("a", "2019-06-01"), ev("b", "2021", "year"), ev("c", "2024-03-30")]
    assert choose_unit(events) == "year"
    assert [(b.label, b.count) for b in buckets(events)] == [
        ("2019", 1), ("2020", 0), ("2021", 1), ("2022", 0), ("2023", 0), ("2024", 1)]


def test_december_rolls_into_january_and_february_has_its_leap_day():
    events = [ev("a", "2023-12-15"), ev("b", "2024-02-29"), ev("c", "2024-05-01")]
    assert [(b.label, b.end, b.count) for b in buckets(events)] == [
        ("Dec 2023", date(2023, 12, 31), 1), ("Jan 2024", date(2024, 1, 31), 0),
        ("Feb 2024", date(2024, 2, 29), 1), ("Mar 2024", date(2024, 3, 31), 0),
        ("Apr 2024", date(2024, 4, 30), 0), ("May 2024", date(2024, 5, 31), 1)]


def test_nothing_finer_than_years_and_no_events():
    assert choose_unit([ev("a", "2023", "year")]) == "year"
    assert choose_unit([]) == "year"
    assert buckets([]) == [] and unplaced([], "month") == {}


def test_hand_edited_dates():
    events = [
        ev("coarse", "2024-03-30", "year"),  # the stored precision is coarser than the date: a year
        ev("bad", "2024-13"),  # no such month
        ev("odd", "2024-03", "day"),  # a month, whatever the precision says
        ev("none", None),
    ]
    assert [(b.label, b.ids) for b in buckets(events, "year")] == [("2024", ("coarse", "odd"))]
    assert [(b.label, b.ids) for b in buckets(events, "month")] == [("Mar 2024", ("odd",))]
    assert unplaced(events, "month") == {"year": 1, "undated": 2}
    with pytest.raises(ValueError, match="unknown unit 'day'"):
        buckets(events, "day")


def test_chart_lines_scale_to_the_fullest_period():
    rows = [Bucket(date(2024, m, 1), date(2024, m, 28), label, n) for m, label, n in
            [(3, "Mar 2024", 4), (4, "Apr 2024", 0), (5, "May 2024", 2), (6, "Jun 2024", 1)]]
    assert chart_lines(rows, "month", {"year": 1, "undated": 2}, 40) == [
        "7 events by month, Mar 2024 – Jun 2024",
        "Mar 2024  " + "█" * 27 + "  4",
        "Apr 2024  " + " " * 27 + "  0",
        "May 2024  " + "█" * 14 + " " * 13 + "  2",  # 13.5 cells, rounded up
        "Jun 2024  " + "█" * 7 + " " * 20 + "  1",  # 6.75
        "1 event dated only to the year, not in the months above",
        "2 events without a calendar date, not shown",
    ]
    assert chart_lines([], "year", {"undated": 1}, 40) == ["1 event without a calendar date, not shown"]


def test_timeline_chart_of_the_seed(capsys, monkeypatch, tmp_path):
    db = str(tmp_path / "db.json")
    monkeypatch.setenv("COLUMNS", "40")
    assert main(["--db", db, "timeline", "--chart"]) == 0
    capsys.readouterr()  # the store's creation line
    assert main(["--db", db, "timeline", "--chart"]) == 0
    bar = "█" * 27
    assert capsys.readouterr().out.splitlines() == [
        "2 events by month, May 2023 – Mar 2024",
        f"May 2023  {bar}  1",
        *[f"{month}  {' ' * 27}  0" for month in
          ["Jun 2023", "Jul 2023", "Aug 2023", "Sep 2023", "Oct 2023", "Nov 2023", "Dec 2023", "Jan 2024", "Feb 2024"]],
        f"Mar 2024  {bar}  1",
    ]
    # what the query leaves: one day, so one week
    assert main(["--db", db, "timeline", "--since", "2024", "--chart"]) == 0
    assert capsys.readouterr().out.splitlines() == ["1 event by week, 25 Mar 2024", f"25 Mar 2024  {'█' * 24}  1"]
    assert main(["--db", db, "timeline", "nothing-like-this", "--chart"]) == 0
    assert capsys.readouterr().out == "no events match\n"
    assert main(["--db", db, "timeline", "--chart", "--json"]) == 2
    assert "not allowed with argument" in capsys.readouterr().err
