"""``cca-tui feeds`` and ``cca-tui fetch`` against a local HTTP server: RSS and Atom,
relative links, a gone page (summary stored, marked), 304 for an unchanged feed, a second
fetch adding nothing, a limit per run, and a stopped server changing nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli_run import run
from tests.web_pages import HTML, TRANSIT, WATER, article_page
from tests.web_server import LocalServer, fetch_without_waiting

TRANSIT_ID = "steppe-wire-2024-06-03-kazakhstan-and-china-open-a-second"
WATER_ID = "steppe-wire-2024-06-04-kyrgyzstan-and-uzbekistan-agree-on-summer"

RSS = b"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Steppe Wire</title><link>/</link><description>News</description>
<item><title>Kazakhstan and China open a second rail crossing at Khorgos</title><link>/news/transit</link>
<guid isPermaLink="false">sw-1001</guid><pubDate>Mon, 03 Jun 2024 10:00:00 +0500</pubDate></item>
<item><title>Tajikistan and China sign a road deal</title><link>/news/gone</link><guid isPermaLink="false">sw-1002</guid>
<pubDate>Wed, 05 Jun 2024 08:00:00 +0500</pubDate>
<description>&lt;p&gt;Tajikistan and China signed an agreement in Dushanbe to rebuild the road to the Kulma pass.&lt;/p&gt;</description></item>
</channel></rss>"""

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Valley Courier</title><id>urn:vc</id><updated>2024-06-04T09:30:00Z</updated>
<entry><title>Kyrgyzstan and Uzbekistan agree on summer water releases</title><id>urn:vc:77</id>
<link rel="alternate" href="http://HOST/water"/><updated>2024-06-04T09:30:00Z</updated></entry>
</feed>"""

RSS_HEADERS = {"Content-Type": "application/rss+xml; charset=utf-8", "ETag": '"rss-v1"'}


@pytest.fixture(autouse=True)
def quick(monkeypatch):
    fetch_without_waiting(monkeypatch)


@pytest.fixture
def db(tmp_path):
    return str(tmp_path / "db.json")


def conditional_rss(handler):
    if handler.headers.get("If-None-Match") == '"rss-v1"':
        return 304, {"ETag": '"rss-v1"'}, b""
    return 200, RSS_HEADERS, RSS


@pytest.fixture
def server():
    with LocalServer() as srv:
        srv.routes["/rss.xml"] = conditional_rss
        srv.routes["/atom.xml"] = (200, {"Content-Type": "application/atom+xml"},
                                   ATOM.replace(b"http://HOST", srv.url("").encode()))
        srv.routes["/news/transit"] = (200, HTML, TRANSIT)
        srv.routes["/water"] = (200, HTML, WATER)
        yield srv


def ok(capsys, *argv):
    code, out, err = run(capsys, *argv)
    assert code == 0, err
    return out


def follow_both(capsys, db, server):
    ok(capsys, "--db", db, "--no-seed", "feeds", "add", server.url("/rss.xml"), "--name", "steppe")
    ok(capsys, "--db", db, "feeds", "add", server.url("/atom.xml"), "--name", "valley")


def test_feeds_are_added_listed_and_removed_in_the_store(capsys, db, server):
    follow_both(capsys, db, server)
    listed = json.loads(ok(capsys, "--db", db, "feeds", "list", "--json"))
    assert [(f["name"], f["url"], f["fetched"]) for f in listed] == [
        ("steppe", server.url("/rss.xml"), None), ("valley", server.url("/atom.xml"), None)]
    assert [f["name"] for f in json.loads(Path(db).read_text())["feeds"].values()] == ["steppe", "valley"]
    code, out, err = run(capsys, "--db", db, "feeds", "add", server.url("/rss.xml"))
    assert (code, err) == (1, f"cca-tui: {server.url('/rss.xml')}: already followed as steppe\n")
    assert ok(capsys, "--db", db, "feeds", "remove", "valley").startswith("no longer following valley")
    assert [f["name"] for f in json.loads(ok(capsys, "--db", db, "feeds", "list", "--json"))] == ["steppe"]
    code, out, err = run(capsys, "--db", db, "feeds", "remove", "nothing")
    assert (code, err) == (1, "cca-tui: nothing: no such feed (`cca-tui feeds list` shows them)\n")


def test_fetch_adds_pages_once_and_a_gone_page_as_its_marked_summary(capsys, db, server):
    follow_both(capsys, db, server)
    report = json.loads(ok(capsys, "--db", db, "fetch", "--json"))
    steppe, valley = report
    assert (steppe["status"], steppe["added"][0], steppe["waiting"], steppe["error"]) == ("ok", TRANSIT_ID, 0, None)
    assert len(steppe["added"]) == 2 and steppe["summary_only"] == [steppe["added"][1]]
    assert (valley["status"], valley["added"], valley["skipped"]) == ("ok", [WATER_ID], [])
    gone_id = steppe["added"][1]
    article = json.loads(ok(capsys, "--db", db, "article", gone_id, "--json"))
    assert [p["text"] for p in article["paragraphs"]] == [
        "Tajikistan and China signed an agreement in Dushanbe to rebuild the road to the Kulma pass."]
    assert (article["url"], article["published"]) == (server.url("/news/gone"), "2024-06-05")
    tree = json.loads(Path(db).read_text())
    stored = {a["id"]: a for a in tree["articles"].values()}
    assert stored[gone_id]["summary_only"] == (
        "the page could not be had (HTTP 404); only the feed's summary is stored")
    assert "summary_only" not in stored[TRANSIT_ID] and stored[TRANSIT_ID]["feed_entry_id"] == "sw-1001"
    # Second run: the RSS feed answers 304 to its ETag; the Atom feed has nothing new.
    fetched_before = server.paths().count("/news/transit")
    again = json.loads(ok(capsys, "--db", db, "fetch", "--json"))
    assert [(r["status"], r["added"]) for r in again] == [("not modified", []), ("ok", [])]
    assert server.paths().count("/news/transit") == fetched_before
    assert server.requests[-2][1].get("if-none-match") == '"rss-v1"'
    assert len(json.loads(ok(capsys, "--db", db, "articles", "--json"))) == 3


def test_an_entry_already_stored_by_its_canonical_url_is_skipped(capsys, db, server):
    server.routes["/water-copy"] = (200, HTML, article_page("Water releases, updated", ["A different text."] * 1,
                                                             canonical=server.url("/water")))
    ok(capsys, "--db", db, "--no-seed", "ingest", server.url("/water"))
    server.routes["/atom.xml"] = (200, {"Content-Type": "application/atom+xml"},
                                  ATOM.replace(b"http://HOST/water", server.url("/water-copy").encode()))
    ok(capsys, "--db", db, "feeds", "add", server.url("/atom.xml"))
    (valley,) = json.loads(ok(capsys, "--db", db, "fetch", "--json"))
    assert valley["added"] == []
    assert valley["skipped"] == [{"path": server.url("/water-copy"), "reason": f"already stored as {WATER_ID}"}]


def test_a_limit_per_run_leaves_the_rest_waiting(capsys, db, server):
    ok(capsys, "--db", db, "--no-seed", "feeds", "add", server.url("/rss.xml"), "--name", "steppe")
    out = ok(capsys, "--db", db, "fetch", "--limit", "1")
    assert out.splitlines() == ["steppe: 1 added, 0 skipped, 1 waiting for the next fetch"]
    # The validators were not kept: the waiting entry is read on the next run, not answered 304.
    out = ok(capsys, "--db", db, "fetch", "--limit", "1")
    assert out.splitlines() == ["steppe: 1 added (1 from the feed's summary only), 0 skipped"]
    assert ok(capsys, "--db", db, "fetch").splitlines() == ["steppe: not modified"]


def test_a_failing_feed_is_one_line_and_the_others_go_on(capsys, db, server):
    follow_both(capsys, db, server)
    ok(capsys, "--db", db, "feeds", "add", server.url("/missing.xml"), "--name", "missing")
    code, out, err = run(capsys, "--db", db, "fetch")
    assert code == 1
    assert err.splitlines() == [f"cca-tui: {server.url('/missing.xml')}: HTTP 404"]
    assert out.splitlines() == ["steppe: 2 added (1 from the feed's summary only), 0 skipped", "valley: 1 added, 0 skipped"]


def test_with_the_server_stopped_fetch_fails_per_feed_and_changes_nothing(capsys, db, tmp_path):
    with LocalServer() as srv:
        rss, atom = srv.url("/rss.xml"), srv.url("/atom.xml")
    ok(capsys, "--db", db, "--no-seed", "feeds", "add", rss, "--name", "steppe")
    ok(capsys, "--db", db, "feeds", "add", atom, "--name", "valley")
    before = Path(db).read_bytes()
    code, out, err = run(capsys, "--db", db, "fetch")
    assert code == 1 and out == ""
    lines = err.splitlines()
    assert len(lines) == 2 and lines[0].startswith(f"cca-tui: {rss}: cannot connect")
    assert lines[1].startswith(f"cca-tui: {atom}: cannot connect")
    assert Path(db).read_bytes() == before


def test_an_old_store_without_the_feeds_table_opens_and_gains_it(capsys, db, server):
    ok(capsys, "--db", db, "--no-seed", "ingest", server.url("/water"))
    assert "feeds" not in json.loads(Path(db).read_text())
    assert ok(capsys, "--db", db, "feeds", "list").splitlines() == ["no feeds followed; `cca-tui feeds add URL` follows one"]
    ok(capsys, "--db", db, "feeds", "add", server.url("/atom.xml"))
    assert [f["name"] for f in json.loads(ok(capsys, "--db", db, "feeds", "list", "--json"))] == ["127.0.0.1"]
    assert run(capsys, "--db", db, "db", "check")[0] == 0
