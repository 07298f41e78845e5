"""The CLI contract: each command's JSON, exit codes, and one-line errors."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli_run import run, run_json

FIXTURES = Path(__file__).parent / "fixtures" / "cli"
SEED_ID = "daryo-2024-03-31-launch-of-central-asia-china-secretariat"
SEED_URL = "https://daryo.uz/en/2024/03/31/launch-of-central-asiachina-secretariat-takes-place-in-xian"


@pytest.fixture
def db(tmp_path):
    return str(tmp_path / "scratch" / "db.json")


def test_new_store_lists_exactly_the_seed(capsys, db):
    assert run_json(capsys, "--db", db, "articles") == [
        {
            "id": SEED_ID,
            "title": "Launch of Central Asia–China Secretariat takes place in Xi’an",
            "outlet": "Daryo",
            "url": SEED_URL,
            "published": "2024-03-31",
            "authors": [],
            "language": "en",
            "tags": [],
            "notes": 0,
        }
    ]


def test_seed_article_has_three_headings_and_no_boilerplate(capsys, db):
    doc = run_json(capsys, "--db", db, "article", SEED_ID)
    paragraphs = doc["paragraphs"]
    assert len(paragraphs) == 11
    assert [(p["n"], p["text"]) for p in paragraphs if p["kind"] == "heading"] == [
        (2, "Congratulations from Prominent Figures"),
        (5, "Significance of Secretariat's Establishment"),
        (8, "Primary Responsibilities Outlined"),
    ]
    assert paragraphs[0]["text"].startswith("Distinguished officials from China")
    assert paragraphs[-1]["text"].startswith("Established on the basis of the Xi’an Declaration")
    assert not any("Follow Daryo" in p["text"] or "Comments (" in p["text"] for p in paragraphs)
    assert {o["name"] for o in doc["officials"]} >= {"Wang Yi", "Murat Nurtleu", "Jeenbek Kulubayev"}
    assert sorted(e["date"] for e in doc["events"]) == ["2023-05", "2024-03-30"]


def test_search_finds_the_seed(capsys, db):
    results = run_json(capsys, "--db", db, "search", "Kulubayev")
    assert [r["article_id"] for r in results] == [SEED_ID]
    assert set(results[0]) == {"article_id", "title", "score", "hits", "published", "outlet", "url", "tags", "notes"}
    assert [h["paragraph"] for h in results[0]["hits"]] == [3]
    assert run_json(capsys, "--db", db, "search", "Kulubayev", "-secretariat") == []


WATER_ID = "2025-02-12-kazakh-and-uzbek-ministers-discuss-water"
NOTE_ID = "steppe-gazette-2024-04-05-notes-secretariat-staff-meet-update"


def test_ingest_then_reingest_adds_nothing(capsys, db):
    first = run_json(capsys, "ingest", str(FIXTURES), "--db", db)
    assert first["added"] == [WATER_ID, NOTE_ID]  # files in sorted order
    assert first["skipped"] == [] and first["failed"] == []
    again = run_json(capsys, "ingest", str(FIXTURES), "--db", db)
    assert again["added"] == [] and again["failed"] == []
    assert [(Path(s["path"]).name, s["reason"]) for s in again["skipped"]] == [
        ("astana-water-talks.txt", f"already stored as {WATER_ID}"),
        ("front-matter-note.md", f"already stored as {NOTE_ID}"),
    ]
    assert len(run_json(capsys, "--db", db, "articles")) == 3


def test_front_matter_metadata_and_literal_brackets(capsys, db):
    run_json(capsys, "--db", db, "ingest", str(FIXTURES / "front-matter-note.md"))
    articles = {a["outlet"]: a for a in run_json(capsys, "--db", db, "articles")}
    note = articles["Steppe Gazette"]
    assert note["title"] == "Notes: Secretariat staff meet [Update]"
    assert note["published"] == "2024-04-05"
    assert note["authors"] == ["Aigerim Sadykova", "Li Ming"]


def test_ingest_flags_override_metadata(capsys, db):
    report = run_json(
        capsys, "--db", db, "ingest", str(FIXTURES / "astana-water-talks.txt"),
        "--outlet", "Kazinform", "--published", "2025-02-13", "--author", "A. Writer", "--url", "https://kazinform.example/w",
    )
    (article_id,) = report["added"]
    doc = run_json(capsys, "--db", db, "article", article_id)
    assert (doc["outlet"], doc["published"], doc["authors"], doc["url"]) == (
        "Kazinform", "2025-02-13", ["A. Writer"], "https://kazinform.example/w"
    )
    assert doc["title"] == "Kazakh and Uzbek ministers discuss water sharing in Astana"


def test_binary_file_is_refused_and_good_files_land(capsys, db, tmp_path):
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    shutil.copy(FIXTURES / "astana-water-talks.txt", folder / "good.txt")
    code, out, err = run(capsys, "--db", db, "ingest", str(folder))
    assert code == 1
    created, *lines = err.strip().splitlines()  # the store is new: said first, in one line
    assert created == f"cca-tui: created a new store at {db} (seeded with 1 article)"
    assert len(lines) == 1 and "photo.txt" in lines[0] and "Traceback" not in err
    assert "1 added, 0 skipped, 1 failed" in out


def test_missing_path_is_one_line_and_exit_1(capsys, db, tmp_path):
    run(capsys, "--db", db, "articles")  # the store exists (its creation is a line of its own)
    code, _, err = run(capsys, "--db", db, "ingest", str(tmp_path / "nope.txt"))
    assert code == 1 and "nope.txt" in err and len(err.strip().splitlines()) == 1


def test_unknown_article_and_bad_query(capsys, db):
    code, _, err = run(capsys, "--db", db, "article", "no-such-id")
    assert code == 1 and "no article with id 'no-such-id'" in err
    code, _, err = run(capsys, "--db", db, "search", "colour:red")
    assert code == 2 and "unknown filter colour:" in err


def test_corrupt_store_is_reported_and_kept(capsys, tmp_path):
    path = tmp_path / "db.json"
    path.write_text('{"articles": {"1": ', encoding="utf-8")
    code, _, err = run(capsys, "--db", str(path), "articles")
    assert code == 1
    assert str(path) in err and "is not valid JSON" in err and "Traceback" not in err
    assert path.read_text(encoding="utf-8") == '{"articles": {"1": '


def test_db_check(capsys, db):
    doc = run_json(capsys, "--db", db, "db", "check")
    assert doc["sound"] is True and doc["schema"] == 1 and doc["problems"] == []
    assert doc["counts"]["articles"] == 1
    code, out, _ = run(capsys, "--db", db, "db", "check")
    assert code == 0 and out.strip().endswith("sound")


def test_no_seed(capsys, db):
    assert run_json(capsys, "articles", "--db", db, "--no-seed") == []


def test_officials_and_timeline_json(capsys, db):
    officials = run_json(capsys, "--db", db, "officials")
    assert len(officials) == 11
    nurtleu = next(o for o in officials if o["name"] == "Murat Nurtleu")
    assert set(nurtleu) == {"id", "name", "aliases", "country", "titles", "roles", "article_ids"}
    assert nurtleu["country"] == "Kazakhstan" and nurtleu["article_ids"] == [SEED_ID]
    assert [o["name"] for o in run_json(capsys, "--db", db, "officials", "Kulubaev")] == ["Jeenbek Kulubayev"]
    assert {o["name"] for o in run_json(capsys, "--db", db, "officials", "--country", "China")} == {
        "Wang Yi", "Sun Weidong", "Zhao Yide", "Xi Jinping"
    }
    timeline = run_json(capsys, "--db", db, "timeline")
    assert [(e["date"], e["precision"]) for e in timeline] == [("2023-05", "month"), ("2024-03-30", "day")]
    assert [e["date"] for e in run_json(capsys, "--db", db, "timeline", "--since", "2024")] == ["2024-03-30"]


def test_version_and_console_script(tmp_path):
    exe = shutil.which("cca-tui", path=str(Path(sys.executable).parent))
    if exe is None:
        pytest.skip("cca-tui console script not installed in this environment")
    done = subprocess.run([exe, "--version"], capture_output=True, text=True, check=True)
    assert done.stdout.strip().startswith("cca-tui ")
    done = subprocess.run(
        [exe, "--db", str(tmp_path / "db.json"), "search", "Kulubayev", "--json"],
        capture_output=True, text=True,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)[0]["article_id"] == SEED_ID
