"""Web pages kept beside the store: content-addressed gzip files the articles refer to, read
again by ``db rebuild``/``db repair`` without the network; a missing or damaged one is
reported and never costs the article its text."""

from __future__ import annotations

import gzip
import hashlib
import json
from pathlib import Path

import pytest

from tests.cli_run import run
from tests.web_pages import HTML, TRANSIT
from tests.web_server import LocalServer
from tui.ingest.source import content_hash

TRANSIT_ID = "steppe-wire-2024-06-03-kazakhstan-and-china-open-a-second"
DIGEST = hashlib.sha256(TRANSIT).hexdigest()


@pytest.fixture(autouse=True)
def quick_fetches(monkeypatch):
    monkeypatch.setenv("CCA_TUI_FETCH_BACKOFF", "0")


def body(capsys, db):
    code, out, err = run(capsys, "--db", db, "article", TRANSIT_ID, "--json")
    assert code == 0, err
    return [p["text"] for p in json.loads(out)["paragraphs"]]


@pytest.fixture
def fetched(tmp_path, capsys):
    """A store holding one page fetched from a server that is gone now."""
    db = str(tmp_path / "db.json")
    with LocalServer() as srv:
        srv.routes["/news/transit"] = (200, HTML, TRANSIT)
        code, out, err = run(capsys, "--db", db, "--no-seed", "ingest", srv.url("/news/transit"))
        assert code == 0, err
    return db


def page_file(db) -> Path:
    return Path(db + ".sources") / DIGEST[:2] / f"{DIGEST}.html.gz"


def test_the_page_is_kept_compressed_beside_the_store_not_in_it(fetched):
    kept = page_file(fetched)
    assert gzip.decompress(kept.read_bytes()) == TRANSIT
    data = Path(fetched).read_bytes()
    assert b"<nav>" not in data and b"<article>" not in data and b"rights reserved" not in data
    (article,) = json.loads(data)["articles"].values()
    assert article["raw_ref"] == f"{DIGEST[:2]}/{DIGEST}.html.gz"


def test_rebuild_without_the_network_reads_the_page_again(fetched, capsys):
    before = body(capsys, fetched)
    tree = json.loads(Path(fetched).read_text())
    (article,) = tree["articles"].values()
    stale = [{"n": 1, "kind": "para", "text": "A stale body from an older extractor."}]
    article.update(paragraphs=stale, content_hash=content_hash(stale))
    Path(fetched).write_text(json.dumps(tree))
    assert body(capsys, fetched) == [stale[0]["text"]]
    code, out, err = run(capsys, "--db", fetched, "db", "rebuild")
    assert code == 0 and err == ""
    assert body(capsys, fetched) == before  # from the kept bytes: the server is gone
    assert run(capsys, "--db", fetched, "db", "check")[0] == 0


def test_a_missing_page_file_is_reported_and_the_article_keeps_its_text(fetched, capsys):
    before = body(capsys, fetched)
    page_file(fetched).unlink()
    code, out, err = run(capsys, "--db", fetched, "db", "check")
    assert code == 1
    assert f"problem: article {TRANSIT_ID}: its page file {page_file(fetched)} is missing" in out.splitlines()
    code, out, err = run(capsys, "--db", fetched, "db", "rebuild")
    assert code == 0
    assert err.splitlines() == [f"cca-tui: warning: article {TRANSIT_ID}: its page file {page_file(fetched)} "
                                "is missing; kept its stored text"]
    assert body(capsys, fetched) == before
    code, out, err = run(capsys, "--db", fetched, "db", "repair")
    assert code == 0, out
    assert body(capsys, fetched) == before
    assert run(capsys, "--db", fetched, "db", "check")[0] == 0  # no longer refers to the file


def test_a_damaged_page_file_is_reported(fetched, capsys):
    page_file(fetched).write_bytes(gzip.compress(b"<html>another page</html>"))
    code, out, err = run(capsys, "--db", fetched, "db", "check")
    assert code == 1
    assert f"problem: article {TRANSIT_ID}: its page file {page_file(fetched)} is damaged (its bytes do not match its name)" in out.splitlines()
    page_file(fetched).write_bytes(b"not gzip at all")
    code, out, err = run(capsys, "--db", fetched, "db", "check")
    assert f"problem: article {TRANSIT_ID}: its page file {page_file(fetched)} is damaged (not gzip)" in out.splitlines()


def test_a_saved_page_file_keeps_its_bytes_too(tmp_path, capsys):
    saved = tmp_path / "transit.html"
    saved.write_bytes(TRANSIT)
    db = str(tmp_path / "db.json")
    assert run(capsys, "--db", db, "--no-seed", "ingest", str(saved))[0] == 0
    assert gzip.decompress(page_file(db).read_bytes()) == TRANSIT
    saved.unlink()
    before = body(capsys, db)
    assert run(capsys, "--db", db, "db", "rebuild")[0] == 0
    assert body(capsys, db) == before


def test_a_text_source_keeps_no_page(tmp_path, capsys):
    note = tmp_path / "note.txt"
    note.write_text("---\ntitle: A note\n---\n\nA short note about the Khorgos crossing.\n")
    db = str(tmp_path / "db.json")
    assert run(capsys, "--db", db, "--no-seed", "ingest", str(note))[0] == 0
    assert not Path(db + ".sources").exists()


def test_a_page_whose_text_is_stored_already_keeps_no_file(tmp_path, capsys):
    first, again = tmp_path / "transit.html", tmp_path / "transit-again.html"
    first.write_bytes(TRANSIT)
    again.write_bytes(TRANSIT + b"\n<!-- saved a second time -->\n")  # other bytes, the same text
    db = str(tmp_path / "db.json")
    assert run(capsys, "--db", db, "--no-seed", "ingest", str(first))[0] == 0
    code, out, err = run(capsys, "--db", db, "ingest", str(again))
    assert code == 0, err
    assert "0 added, 1 skipped (1 already stored), 0 failed" in out
    kept = sorted(p.relative_to(db + ".sources") for p in Path(db + ".sources").rglob("*.gz"))
    assert kept == [page_file(db).relative_to(db + ".sources")]


def test_rebuild_reads_the_pages_metadata_again_and_keeps_the_flags(tmp_path, capsys):
    """What the user gave by flags at ingest stays; what came from the page is read from it again
    (as a newer extractor would): here the stored outlet and date are an older extractor's."""
    saved = tmp_path / "transit.html"
    saved.write_bytes(TRANSIT)
    db = str(tmp_path / "db.json")
    code, out, err = run(capsys, "--db", db, "--no-seed", "ingest", str(saved), "--title", "Khorgos: a second crossing",
                         "--language", "ru", "--json")
    assert code == 0, err
    (article_id,) = json.loads(out)["added"]
    tree = json.loads(Path(db).read_text())
    (stored,) = tree["articles"].values()
    assert stored["given"] == ["language", "title"]
    stored.update(outlet="Steppe", published="2020-01-01", title="Khorgos: a second crossing")
    Path(db).write_text(json.dumps(tree))
    code, out, err = run(capsys, "--db", db, "db", "rebuild")
    assert (code, err) == (0, "")
    code, out, err = run(capsys, "--db", db, "article", article_id, "--json")
    got = json.loads(out)
    assert (got["id"], got["title"], got["language"], got["outlet"], got["published"]) == (
        article_id, "Khorgos: a second crossing", "ru", "Steppe Wire", "2024-06-03")


def test_a_record_from_before_given_keeps_all_its_metadata_on_rebuild(fetched, capsys):
    """Older stores cannot tell the flags from what the page said: nothing of theirs is lost."""
    tree = json.loads(Path(fetched).read_text())
    (stored,) = tree["articles"].values()
    stored.pop("given", None)
    stored.update(outlet="Steppe Wire (Almaty bureau)")
    Path(fetched).write_text(json.dumps(tree))
    assert run(capsys, "--db", fetched, "db", "rebuild")[0] == 0
    code, out, err = run(capsys, "--db", fetched, "article", TRANSIT_ID, "--json")
    assert json.loads(out)["outlet"] == "Steppe Wire (Almaty bureau)"
