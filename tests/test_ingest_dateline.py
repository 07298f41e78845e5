"""Wire datelines give outlet, place and (when the year is known) the date."""

from __future__ import annotations

import json

import pytest

from tui.cli import main
from tui.ingest import parse_source
from tui.ingest.dateline import read_dateline


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ASTANA, May 17 (Kazinform) -- The ministers met.", ("Astana", "Kazinform", 5, 17, None)),
        ("BEIJING, Jan. 12 (Xinhua) -- Chinese President Xi Jinping met ...", ("Beijing", "Xinhua", 1, 12, None)),
        ("DUSHANBE, (NIAT Khovar) – The Government of Tajikistan ...", ("Dushanbe", "Khovar", None, None, None)),
        ("ASTANA. KAZINFORM – Deputy Prime Minister ...", ("Astana", "Kazinform", None, None, None)),
        ("DUSHANBE, 09.07.2024 (NIAT Khovar) – The Government ...", ("Dushanbe", "Khovar", 7, 9, 2024)),
        ("BAKU, Azerbaijan, October 2. Uzbekistan's Almalyk ...", ("Baku", None, 10, 2, None)),
        ("XI'AN, May 19, 2023 (Xinhua) -- The summit ...", ("Xi'an", "Xinhua", 5, 19, 2023)),
        ("АСТАНА. КАЗИНФОРМ – В Астане прошло ...", ("Астана", "Kazinform", None, None, None)),
        ("ASTANA – The inaugural meeting ...", ("Astana", None, None, None, None)),
    ],
)
def test_datelines_read(text, expected):
    line = read_dateline(text)
    assert line is not None
    assert (line.place, line.outlet, line.month, line.day, line.year) == expected


@pytest.mark.parametrize(
    "text",
    ["The ministers met in Astana.", "UN – The secretary-general said", "NATO. The alliance", "Astana, May 17 -- lower case place"],
)
def test_sentences_are_no_datelines(text):
    assert read_dateline(text) is None


WIRE = "BEIJING, Jan. 12 (Xinhua) -- Chinese Foreign Minister Wang Yi met Kazakh Foreign Minister Murat Nurtleu here on Friday.\n"


def test_dateline_gives_outlet_place_and_keeps_the_text():
    warnings: list[str] = []
    record = parse_source(WIRE, path="wire.txt", warnings=warnings)
    assert (record["outlet"], record["place"], record["published"]) == ("Xinhua", "Beijing", None)
    assert record["paragraphs"][0]["text"] == WIRE.strip()
    assert warnings == [
        "wire.txt: the dateline 'BEIJING, Jan. 12 (Xinhua) --' gives no year, so the article has no date; "
        "pass --published DATE to date it"
    ]


def test_dateline_year_from_the_url_or_the_dateline_itself():
    text = "---\nurl: https://english.news.cn/2024/01/12/abc/c.html\n---\n" + WIRE
    warnings: list[str] = []
    record = parse_source(text, warnings=warnings)
    assert (record["published"], record["id"]) == ("2024-01-12", "xinhua-2024-01-12-untitled")
    assert warnings == []
    dated = parse_source("DUSHANBE, 09.07.2024 (NIAT Khovar) – The plant was opened today by the Prime Minister.\n")
    assert (dated["outlet"], dated["place"], dated["published"]) == ("Khovar", "Dushanbe", "2024-07-09")


def test_front_matter_and_flags_win_over_the_dateline():
    text = "---\noutlet: Steppe Wire\npublished: 2024-01-13\n---\n" + WIRE
    record = parse_source(text, overrides={"outlet": "Flag Outlet"})
    assert (record["outlet"], record["published"], record["place"]) == ("Flag Outlet", "2024-01-13", "Beijing")


def test_cli_warns_once_with_the_published_hint_and_the_flag_dates_it(capsys, tmp_path):
    path = tmp_path / "wire.txt"
    path.write_text(WIRE, encoding="utf-8")
    db = str(tmp_path / "db.json")
    assert main(["--db", db, "--no-seed", "ingest", str(path), "--json"]) == 0
    out, err = capsys.readouterr()
    assert err.strip().splitlines() == [
        f"cca-tui: created a new store at {db} (empty)",
        f"cca-tui: warning: {path}: the dateline 'BEIJING, Jan. 12 (Xinhua) --' gives no year, so the article "
        "has no date; pass --published DATE to date it"
    ]
    assert json.loads(out)["added"] == ["xinhua-untitled"]
    other = tmp_path / "dated.txt"
    other.write_text(WIRE.replace("Friday", "Saturday"), encoding="utf-8")
    assert main(["--db", db, "ingest", str(other), "--published", "2024-01-12", "--json"]) == 0
    out, err = capsys.readouterr()
    assert err == "" and json.loads(out)["added"] == ["xinhua-2024-01-12-untitled"]
