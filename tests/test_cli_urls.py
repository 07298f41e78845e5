"""``cca-tui ingest URL...`` against a local HTTP server: pages fetched and stored like
saved pages, and every way a URL can fail is one line, exit 1, the rest still stored."""

from __future__ import annotations

import gzip
import json
import threading

import pytest

from tests.cli_run import run
from tests.web_pages import HTML, TRANSIT, WATER, article_page
from tests.web_server import LocalServer

TRANSIT_ID = "steppe-wire-2024-06-03-kazakhstan-and-china-open-a-second"


@pytest.fixture
def db(tmp_path):
    return str(tmp_path / "db.json")


@pytest.fixture(autouse=True)
def quick_fetches(monkeypatch):
    monkeypatch.setenv("CCA_TUI_FETCH_BACKOFF", "0")
    monkeypatch.setenv("CCA_TUI_FETCH_TIMEOUT", "5")


@pytest.fixture
def server():
    with LocalServer() as srv:
        srv.routes["/news/transit"] = (200, HTML, TRANSIT)
        srv.routes["/news/water"] = (200, HTML, WATER)
        yield srv


def complaints(err):
    """stderr without the note that a new store was created."""
    return [line for line in err.splitlines() if not line.startswith("cca-tui: created a new store")]


def stored(capsys, db):
    code, out, err = run(capsys, "--db", db, "articles", "--json")
    assert code == 0, err
    return json.loads(out)


def test_a_page_by_url_lands_with_its_metadata_and_final_address(capsys, db, server):
    server.routes["/old/transit"] = (301, {"Location": "/news/transit"}, b"")
    code, out, err = run(capsys, "--db", db, "--no-seed", "ingest", server.url("/old/transit"), "--json")
    assert code == 0, err
    assert json.loads(out)["added"] == [TRANSIT_ID]
    assert stored(capsys, db) == [{
        "id": TRANSIT_ID,
        "title": "Kazakhstan and China open a second rail crossing at Khorgos",
        "outlet": "Steppe Wire",
        "url": server.url("/news/transit"),  # after the redirect
        "published": "2024-06-03",
        "authors": [],
        "language": "en",
        "tags": [],
        "notes": 0,
    }]
    code, out, err = run(capsys, "--db", db, "article", TRANSIT_ID, "--json")
    texts = [p["text"] for p in json.loads(out)["paragraphs"]]
    assert texts[0].startswith("Kazakhstan and China opened a second rail crossing at Khorgos on Monday")
    assert not any("Politics" in t or "rights reserved" in t for t in texts)
    agents = {h["user-agent"] for _, h in server.requests}
    assert len(agents) == 1 and agents.pop().startswith("cca-tui/")


def test_canonical_wins_and_url_flag_wins_over_both(capsys, db, server):
    server.routes["/c"] = (200, HTML, article_page("Canonical page", TRANSIT_PARAS, canonical="https://wire.example/c1"))
    assert run(capsys, "--db", db, "--no-seed", "ingest", server.url("/c"))[0] == 0
    assert [a["url"] for a in stored(capsys, db)] == ["https://wire.example/c1"]
    other = str(tmp_db(db))
    assert run(capsys, "--db", other, "--no-seed", "ingest", server.url("/c"), "--url", "https://given.example/x")[0] == 0
    assert [a["url"] for a in stored(capsys, other)] == ["https://given.example/x"]


TRANSIT_PARAS = [
    "Officials from Kazakhstan and China met in Almaty on Friday to review the work of the new rail crossing "
    "and agreed to add a third customs lane before the autumn grain season begins.",
    "The deputy ministers said freight through the crossing had grown by a fifth since January.",
]


def tmp_db(db):
    return db.replace("db.json", "other.json")


def test_failing_urls_get_one_line_each_and_the_good_ones_are_stored(capsys, db, server, monkeypatch, tmp_path):
    monkeypatch.setenv("CCA_TUI_FETCH_RETRIES", "0")
    server.routes["/sneaky"] = (302, {"Location": "file:///etc/passwd"}, b"")
    server.routes["/feed.xml"] = (200, {"Content-Type": "application/pdf"}, b"%PDF-1.4")
    note = tmp_path / "note.txt"
    note.write_text("---\ntitle: A note\n---\n\nA short note written by hand about the Khorgos crossing.\n")
    code, out, err = run(capsys, "--db", db, "--no-seed", "ingest", server.url("/gone"), server.url("/news/water"),
                         server.url("/sneaky"), server.url("/feed.xml"), "ftp://files.example/a.html", str(note))
    assert code == 1
    assert complaints(err) == [
        f"cca-tui: {server.url('/gone')}: HTTP 404",
        f"cca-tui: {server.url('/sneaky')}: refused a redirect to a file URL (only http and https are fetched)",
        f"cca-tui: {server.url('/feed.xml')}: not what was asked for (content type application/pdf)",
        "cca-tui: ftp://files.example/a.html: not an http or https URL",
    ]
    assert sorted(a["title"] for a in stored(capsys, db)) == ["A note", "Kyrgyzstan and Uzbekistan agree on summer water releases"]
    assert out.splitlines()[-1].startswith("2 added, 0 skipped, 4 failed")


def test_a_500_then_a_200_is_retried(capsys, db, server):
    answers = iter([(500, HTML, b"oops"), (200, HTML, TRANSIT)])
    server.routes["/flaky"] = lambda handler: next(answers)
    code, out, err = run(capsys, "--db", db, "--no-seed", "ingest", server.url("/flaky"))
    assert code == 0, err
    assert server.paths().count("/flaky") == 2
    assert [a["id"] for a in stored(capsys, db)] == [TRANSIT_ID]


def test_a_slow_page_times_out_in_one_line_and_nothing_changes(capsys, db, server, monkeypatch):
    assert run(capsys, "--db", db, "--no-seed", "ingest", server.url("/news/water"))[0] == 0
    before = open(db, "rb").read()
    release = threading.Event()

    def slow(handler):
        release.wait(5)
        return 200, HTML, TRANSIT

    server.routes["/slow"] = slow
    monkeypatch.setenv("CCA_TUI_FETCH_TIMEOUT", "0.2")
    monkeypatch.setenv("CCA_TUI_FETCH_RETRIES", "1")
    try:
        code, out, err = run(capsys, "--db", db, "ingest", server.url("/slow"))
    finally:
        release.set()
    assert code == 1
    assert complaints(err) == [f"cca-tui: {server.url('/slow')}: timed out after 0.2 s"]
    assert server.paths().count("/slow") == 2  # one retry
    assert open(db, "rb").read() == before


def test_a_gzip_bomb_stops_at_the_size_limit(capsys, db, server):
    bomb = gzip.compress(b"<p>" + b" " * (3 * 1024 * 1024))
    server.routes["/bomb"] = (200, {**HTML, "Content-Encoding": "gzip"}, bomb)
    code, out, err = run(capsys, "--db", db, "--no-seed", "ingest", "--max-size", "1", server.url("/bomb"))
    assert code == 1
    assert complaints(err) == [f"cca-tui: {server.url('/bomb')}: response larger than 1.0 MB (stopped reading)"]


def test_robots_txt_is_respected(capsys, db, server):
    server.routes["/robots.txt"] = (200, {"Content-Type": "text/plain"}, b"User-agent: *\nDisallow: /news/\n")
    code, out, err = run(capsys, "--db", db, "--no-seed", "ingest", server.url("/news/transit"))
    assert code == 1
    assert complaints(err) == [f"cca-tui: {server.url('/news/transit')}: disallowed by the site's robots.txt"]
    assert "/news/transit" not in server.paths()


def test_the_same_page_twice_is_stored_once(capsys, db, server):
    assert run(capsys, "--db", db, "--no-seed", "ingest", server.url("/news/transit"))[0] == 0
    code, out, err = run(capsys, "--db", db, "ingest", server.url("/news/transit"))
    assert code == 0
    assert out.splitlines()[0] == f"skipped  {server.url('/news/transit')}: already stored as {TRANSIT_ID}"
