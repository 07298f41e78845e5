"""Ranges of days and planned events from extraction to both faces: the one label
function, ``timeline --json`` / CSV / table, ``article``, the merge, the explorer's rows."""

from __future__ import annotations

import csv
import io
import json

import pytest

from tui.cli import main
from tui.dates import event_when, span_label
from tui.extract import extract_article, merge
from tui.facts import other_spellings
from tui.records import Event, Mention, Official

ARTICLE = """---
title: "Wang Yi to visit Kyrgyzstan"
outlet: Xinhua
published: 2025-11-18
---
BEIJING, Nov. 18 (Xinhua) -- Chinese Foreign Minister Wang Yi will pay an official visit to Kyrgyzstan on November 19–20, 2025, and will meet Zheenbek Kulubaev in Bishkek.

The previous meeting of the two ministers was held in Astana on April 26, 2025.
"""


@pytest.mark.parametrize(("date", "end", "label"), [
    ("2025-11-19", "2025-11-20", "19–20 Nov 2025"),
    ("2025-11-30", "2025-12-02", "30 Nov – 2 Dec 2025"),
    ("2025-12-28", "2026-01-03", "28 Dec 2025 – 3 Jan 2026"),
    ("2024-03-30", None, "30 Mar 2024"),
    ("2024-03-30", "2024-03-30", "30 Mar 2024"),  # an end that is no later is no range
    ("2024-03-30", "not a date", "30 Mar 2024 – not a date"),
])
def test_span_labels(date: str, end: str | None, label: str) -> None:
    assert span_label(date, "day", end) == label


def test_months_years_and_plans() -> None:
    assert span_label("2023-05", "month") == "May 2023"
    assert span_label("2023", "year", "2024") == "2023"
    assert event_when(Event("e", "2024-07-03", "day", end_date="2024-07-04", planned=True)) == "3–4 Jul 2024 (planned)"
    assert event_when(Event("e", "", "")) == "undated"


@pytest.fixture
def store(tmp_path, capsys) -> str:
    db = str(tmp_path / "db.json")
    src = tmp_path / "visit.txt"
    src.write_text(ARTICLE, encoding="utf-8")
    assert main(["--db", db, "--no-seed", "ingest", str(src)]) == 0
    capsys.readouterr()
    return db


def test_timeline_json_csv_and_table(store: str, capsys) -> None:
    assert main(["--db", store, "timeline", "--json"]) == 0
    got = [(e["date"], e["end_date"], e["planned"]) for e in json.loads(capsys.readouterr().out)]
    assert got == [("2025-04-26", None, False), ("2025-11-19", "2025-11-20", True)]
    assert main(["--db", store, "timeline", "--csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [(r["date"], r["end_date"], r["planned"]) for r in rows] == [
        ("2025-04-26", "", "False"), ("2025-11-19", "2025-11-20", "True"),
    ]
    assert main(["--db", store, "timeline"]) == 0
    out = capsys.readouterr().out
    assert "26 Apr 2025 " in out and "19–20 Nov 2025 (planned) " in out


def test_article_shows_the_range_and_the_articles_spelling(store: str, capsys) -> None:
    assert main(["--db", store, "articles", "--json"]) == 0
    article_id = json.loads(capsys.readouterr().out)[0]["id"]
    assert main(["--db", store, "article", article_id, "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    visit = next(e for e in doc["events"] if e["date"] == "2025-11-19")
    assert (visit["end_date"], visit["planned"]) == ("2025-11-20", True)
    kul = next(o for o in doc["officials"] if o["name"] == "Jeenbek Kulubayev")
    assert kul["written"] == ["Zheenbek Kulubaev"]
    assert main(["--db", store, "article", article_id]) == 0
    out = capsys.readouterr().out
    assert "Jeenbek Kulubayev (Kyrgyzstan; written Zheenbek Kulubaev)" in out
    assert "19–20 Nov 2025 (planned) Wang Yi will pay an official visit to Kyrgyzstan" in out
    # both spellings find the article
    for name in ("Zheenbek Kulubaev", "Jeenbek Kulubayev"):
        assert main(["--db", store, "search", f'official:"{name}"', "--json"]) == 0
        assert [r["article_id"] for r in json.loads(capsys.readouterr().out)] == [article_id]


def _facts(article_id: str, text: str, published: str) -> tuple[str, dict]:
    return article_id, extract_article({"id": article_id, "published": published,
                                        "paragraphs": [{"n": 1, "kind": "para", "text": text}]})


def test_merge_keeps_ends_and_plans_apart() -> None:
    plan = _facts("a", "Wang Yi will pay an official visit to Kyrgyzstan on November 19–20, 2025.", "2025-11-10")
    report = _facts("b", "Wang Yi paid an official visit to Kyrgyzstan on November 19–20, 2025.", "2025-11-21")
    other = _facts("c", "Wang Yi will pay an official visit to Kyrgyzstan on November 19–22, 2025.", "2025-11-10")
    _, events = merge([plan, other])
    assert [(e["end_date"], e["planned"]) for e in events] == [("2025-11-20", True), ("2025-11-22", True)]
    _, events = merge([plan, report])
    # announced, then reported done: one event, no longer planned
    assert [(e["end_date"], e["planned"], e["article_ids"]) for e in events] == [("2025-11-20", False, ["a", "b"])]


def test_other_spellings_per_article() -> None:
    official = Official("o", "Jeenbek Kulubayev", mentions=(
        Mention("a", 1, 0, 17, "Zheenbek Kulubaev"),
        Mention("a", 2, 0, 15, "Kyrgyz minister", reference=True),
        Mention("b", 1, 0, 17, "Jeenbek Kulubayev"), Mention("a", 3, 0, 17, "Zheenbek Kulubaev"),
    ))
    assert other_spellings(official, "a") == ["Zheenbek Kulubaev"]
    assert other_spellings(official, "b") == []


FESTIVAL = """---
title: "Days of Chinese Culture to open in Tashkent"
outlet: Gazeta.uz
published: 2025-12-02
---
The Days of Chinese Culture will be held in Tashkent from December 28, 2025 to January 3, 2026.

The culture ministers met in Tashkent on December 1.
"""


async def test_the_explorer_shows_ranges_whole_and_plans(tmp_path) -> None:
    from tests.conftest import save_index, screen_text, settle
    from tui.app import CcaApp
    from tui.library.derive import rebuild_derived, with_facts
    from tui.ingest.source import parse_source
    from tui.library import Library

    store = Library.open(tmp_path / "s.json", seed=False)
    with store.store.write_batch() as batch:
        batch.add_articles([with_facts(parse_source(FESTIVAL, path="festival.txt"))])
        rebuild_derived(batch)
    save_index(store)
    app = CcaApp(db=str(store.path))
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        await pilot.press("3")
        await settle(pilot)
        rows = [line.split("▏")[0] for line in screen_text(app).splitlines()]
        # the date column widens to the longest range; a plan says so before its summary
        assert any(r.startswith("1 Dec 2025    ") and "The culture" in r for r in rows)
        assert any(r.startswith("28 Dec 2025 – 3 Jan 2026 (planned) The Days") for r in rows)
        await pilot.press("j")
        await settle(pilot)
        detail = "\n".join(line.split("▏", 1)[1] for line in screen_text(app).splitlines() if "▏" in line)
        assert "28 Dec 2025 – 3 Jan 2026 (planned) · Tashkent" in detail
