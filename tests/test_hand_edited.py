"""Hand-edited records of the wrong types: named by db check, set apart by every reader
(never a crash), rebuilt by db repair from their raw texts."""

from __future__ import annotations

import json
from pathlib import Path

import orjson
import pytest

from tests.cli_run import ingested_store, run
from tui.library import Library

SEED_ID = "daryo-2024-03-31-launch-of-central-asia-china-secretariat"
SEED_TITLE = "Launch of Central Asia–China Secretariat takes place in Xi’an"


def _seed(tree: dict) -> tuple[str, dict]:
    return next((k, a) for k, a in tree["articles"].items() if a["id"] == SEED_ID)


def _set(record: dict, path: list, value) -> None:
    for key in path[:-1]:
        record = record[key]
    record[path[-1]] = value


# (table, the field, the value put there, what db check says)
EDITS = {
    "title is a number": ("articles", ["title"], 2024, "title is a number, not text"),
    "paragraphs are a string": ("articles", ["paragraphs"], "One long paragraph.", "paragraphs is text, not a list"),
    "a paragraph's text is null": ("articles", ["paragraphs", 2, "text"], None, "paragraphs[2].text is null, not text"),
    "an event date is null": ("articles", ["facts", "events", 0, "date"], None, "facts.events[0].date is null, not text"),
    "published is a number": ("articles", ["published"], 20240331, "published is a number, not text"),
    "authors is a string": ("articles", ["authors"], "Daryo staff", "authors is text, not a list"),
    "a timeline date is null": ("events", ["date"], None, "date is null, not text"),
    "an official's name is a number": ("officials", ["name"], 7, "name is a number, not text"),
}


@pytest.fixture
def store_file(tmp_path, capsys) -> Path:
    return ingested_store(capsys, tmp_path / "store.json")


def hand_edit(db: Path, edit: str) -> str:
    """Apply ``edit``; returns how db check names the record."""
    table, path, value, says = EDITS[edit]
    tree = orjson.loads(db.read_bytes())
    if table == "articles":
        doc_id, record = _seed(tree)
        named = f"article record {doc_id} (id {SEED_ID}): {says}"
    else:
        doc_id, record = next(iter(tree[table].items()))
        named = f"{table[:-1]} record {doc_id} (id {record['id']}): {says}"
    _set(record, path, value)
    db.write_bytes(orjson.dumps(tree))
    return named


@pytest.mark.parametrize("edit", list(EDITS))
def test_db_check_names_the_bad_record_and_repair_rebuilds_it(capsys, store_file, edit):
    db = store_file
    named = hand_edit(db, edit)
    code, out, err = run(capsys, "--db", str(db), "db", "check")
    assert code == 1 and err == ""
    assert f"problem: {named} (left out until repaired)\n" in out
    assert "unexpected error" not in out + err
    doc = json.loads(run(capsys, "--db", str(db), "db", "check", "--json")[1])
    assert f"{named} (left out until repaired)" in doc["problems"]
    code, out, err = run(capsys, "--db", str(db), "db", "repair")
    assert code == 0, err
    assert "unexpected error" not in out + err
    store = Library.open(db, seed=False)
    assert store.check().sound, store.check().problems
    assert store.unusable == []
    assert store.article(SEED_ID).title == SEED_TITLE
    assert len(store.articles()) == 3


COMMANDS = [["articles"], ["articles", "--json"], ["article", SEED_ID], ["search", "Xi"], ["search", "water"],
            ["cite", SEED_ID], ["cite", SEED_ID, "--para", "3"], ["export", "--format", "json"],
            ["export", "--format", "bibtex"], ["export", "--format", "markdown"], ["export", "--format", "csv"],
            ["officials"], ["officials", "--json"], ["timeline"], ["timeline", "--csv"]]


@pytest.mark.parametrize("edit", list(EDITS))
def test_no_command_crashes_on_a_bad_record(capsys, store_file, edit, tmp_path):
    db = store_file
    named = hand_edit(db, edit)
    table = EDITS[edit][0]
    for argv in [*COMMANDS, ["export", "--format", "sources", "-o", str(tmp_path / "out")]]:
        code, out, err = run(capsys, "--db", str(db), *argv)
        assert "unexpected error" not in err and "Traceback" not in err, (argv, err)
        assert f"cca-tui: 1 record(s) in {db} cannot be used and are left out: {named} (" in err, (argv, err)
        if table == "articles" and argv[0] in ("article", "cite"):
            assert code == 1 and f"no article with id '{SEED_ID}'" in err
        else:
            assert code == 0, (argv, err)
    # The other articles are all there.
    listed = json.loads(run(capsys, "--db", str(db), "articles", "--json")[1])
    assert len(listed) == (2 if table == "articles" else 3)


@pytest.mark.parametrize("edit", ["title is a number", "an event date is null", "an official's name is a number"])
async def test_the_explorer_opens_on_a_bad_record_and_says_so(store_file, edit):
    from tests.conftest import settle
    from tui.app.app import CcaApp

    db = store_file
    named = hand_edit(db, edit)
    app = CcaApp(db=str(db))
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        assert app.startup_error is None
        messages = [n.message for n in app._notifications]
        assert any(named in m for m in messages), messages
        for key in ("enter", "2", "enter", "3", "enter", "1", "slash", "X", "i"):
            await pilot.press(key)
            await settle(pilot, 0.05)
        assert app.is_running
    expected = 2 if EDITS[edit][0] == "articles" else 3
    assert len(app.catalog.articles) == expected


def test_a_record_repair_cannot_mend_is_named_and_the_exit_says_so(capsys, store_file):
    db = store_file
    tree = orjson.loads(db.read_bytes())
    doc_id, record = _seed(tree)
    record["title"] = 2024
    del record["raw"]  # nothing to rebuild it from
    db.write_bytes(orjson.dumps(tree))
    code, out, _ = run(capsys, "--db", str(db), "db", "repair")
    assert code == 1
    assert (f"article record {doc_id} (id {SEED_ID}): title is a number, not text: its raw text is missing; "
            "left as it was (edit it by hand or remove it)") in out
    assert out.rstrip().endswith("still NOT sound: 1 problem(s); `cca-tui db check` lists them")
    assert orjson.loads(db.read_bytes())["articles"][doc_id]["title"] == 2024  # kept, not dropped
