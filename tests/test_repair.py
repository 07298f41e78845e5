"""db repair: restore the newest sound backup, or rebuild derived data from raw texts."""

from __future__ import annotations

from pathlib import Path

import orjson

from tests.cli_run import run
from tui.library import Library

FIXTURES = Path(__file__).parent / "fixtures" / "cli"


def test_corrupt_store_is_restored_from_the_newest_backup(capsys, tmp_path):
    db = tmp_path / "db.json"
    assert run(capsys, "--db", str(db), "ingest", str(FIXTURES))[0] == 0  # seed write + this write
    good = db.read_bytes()
    db.write_bytes(good[: len(good) // 3])  # a torn file
    code, _, err = run(capsys, "--db", str(db), "articles")
    assert code == 1 and "is not valid JSON" in err
    code, out, _ = run(capsys, "--db", str(db), "db", "repair")
    assert code == 0
    assert "could not be used (it is not valid JSON" in out and "; kept it as db.json.corrupt-" in out
    assert "restored the newest sound backup" in out and "(1 article)" in out
    kept = list(tmp_path.glob("db.json.corrupt-*"))
    assert len(kept) == 1 and kept[0].read_bytes() == good[: len(good) // 3]
    store = Library.open(db)
    # The newest backup is the state before the last write: the seed alone.
    assert [a.outlet for a in store.articles()] == ["Daryo"]
    assert store.check().sound


def test_without_a_sound_backup_the_file_is_left_alone(capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("CCA_TUI_BACKUPS", "0")
    db = tmp_path / "db.json"
    db.write_text("{broken", encoding="utf-8")
    code, _, err = run(capsys, "--db", str(db), "db", "repair")
    assert code == 1
    assert "no sound backup exists" in err and str(db) in err
    assert db.read_text(encoding="utf-8") == "{broken"


def test_sound_store_needs_nothing(capsys, tmp_path):
    db = tmp_path / "db.json"
    Library.open(db)
    code, out, _ = run(capsys, "--db", str(db), "db", "repair")
    assert code == 0 and "is sound; nothing to repair" in out


def test_damaged_derived_data_is_rebuilt_from_raw_text(capsys, tmp_path):
    db = tmp_path / "db.json"
    Library.open(db)
    tree = orjson.loads(db.read_bytes())
    (article,) = tree["articles"].values()
    article["paragraphs"] = article["paragraphs"][:2]  # paragraphs lost
    tree["officials"] = {}  # officials lost: events now name unknown participants
    db.write_bytes(orjson.dumps(tree))
    code, _, _ = run(capsys, "--db", str(db), "db", "check")
    assert code == 1
    code, out, _ = run(capsys, "--db", str(db), "db", "repair")
    assert code == 0 and "rebuilt paragraphs, officials and events of 1 article(s)" in out
    store = Library.open(db)
    assert store.check().sound
    assert len(store.articles()[0].paragraphs) == 11
    assert len(store.officials()) == 11
