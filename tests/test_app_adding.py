"""Articles in from the explorer's palette, against a local HTTP server: "add: fetch feeds"
(in the background, its steps shown, the lists updated after, a failing feed named) and
"add: URL or file…" (the CLI's one-line errors; the article added is opened)."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from textual import events

from tests.conftest import SEED_TITLE, screen_text, settle
from tests.web_pages import HTML, TRANSIT, WATER
from tests.web_server import LocalServer, fetch_without_waiting
from tui.app import CcaApp
from tui.app.screens.add import AddScreen
from tui.app.widgets.job_progress import JobProgress
from tui.library import Library
from tui.library.feeds import add_feed

SIZE = (120, 36)
TRANSIT_TITLE = "Kazakhstan and China open a second rail crossing at Khorgos"
WATER_TITLE = "Kyrgyzstan and Uzbekistan agree on summer water releases"
TRANSIT_ID = "steppe-wire-2024-06-03-kazakhstan-and-china-open-a-second"
WATER_ID = "steppe-wire-2024-06-04-kyrgyzstan-and-uzbekistan-agree-on-summer"
SEED_ID = "daryo-2024-03-31-launch-of-central-asia-china-secretariat"

# Written for these tests: a wire's feed of its two latest stories.
RSS = b"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Steppe Wire</title><link>/</link><description>News</description>
<item><title>Kyrgyzstan and Uzbekistan agree on summer water releases</title><link>/news/water</link>
<guid isPermaLink="false">sw-2002</guid><pubDate>Tue, 04 Jun 2024 09:30:00 +0600</pubDate></item>
<item><title>Kazakhstan and China open a second rail crossing at Khorgos</title><link>/news/transit</link>
<guid isPermaLink="false">sw-2001</guid><pubDate>Mon, 03 Jun 2024 10:00:00 +0500</pubDate></item>
</channel></rss>"""


@pytest.fixture(autouse=True)
def quick(monkeypatch):
    fetch_without_waiting(monkeypatch)


@pytest.fixture
def server():
    with LocalServer() as srv:
        srv.routes["/rss.xml"] = (200, {"Content-Type": "application/rss+xml; charset=utf-8"}, RSS)
        srv.routes["/news/transit"] = (200, HTML, TRANSIT)
        srv.routes["/news/water"] = (200, HTML, WATER)
        yield srv


@pytest.fixture
def store(seed_store) -> Library:
    return seed_store


def messages(app: CcaApp) -> list[str]:
    return [n.message for n in app._notifications]


def article_titles(app: CcaApp) -> list[str]:
    pane = app.main.pane("articles")
    return [app.catalog.article_by_id[r.key].title for r in pane.records.rows if r.key]


async def palette(pilot, command: str, *, busy: bool = False) -> None:
    """Run ``command`` from the palette (``busy``: a job runs, so wait for no workers)."""
    wait = (lambda p, delay=0.15: p.pause(delay)) if busy else settle
    await pilot.press("ctrl+p")
    await wait(pilot)
    await pilot.press(*command)
    await wait(pilot, 0.5)
    await pilot.press("enter")


async def paste(pilot, line: str) -> None:
    """Paste ``line`` into the focused box, as a terminal delivers a paste, then enter."""
    pilot.app.focused.post_message(events.Paste(line))
    await pilot.pause(0.05)
    await pilot.press("enter")


async def until(pilot, condition, what: str) -> None:
    """Let the app run until ``condition()`` holds (at most 15 s)."""
    for _ in range(300):
        if condition():
            return
        await pilot.pause(0.05)
    raise AssertionError(f"never happened: {what}\n{screen_text(pilot.app)}\n{messages(pilot.app)}")


async def test_fetch_feeds_adds_the_new_articles_and_names_the_feed_that_failed(store, server):
    add_feed(store, server.url("/rss.xml"), "steppe")
    add_feed(store, server.url("/missing.xml"), "gone")
    app = CcaApp(db=str(store.path))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert article_titles(app) == [SEED_TITLE]
        await palette(pilot, "add fetch feeds")
        await settle(pilot)
        assert article_titles(app) == [WATER_TITLE, TRANSIT_TITLE, SEED_TITLE]  # newest first
        assert messages(app) == [
            "Fetched 2 feeds: 2 added, 0 skipped, 1 feed failed.",
            f"gone: {server.url('/missing.xml')}: HTTP 404",
        ]
        assert not app.main.query(JobProgress)  # gone when the job ended
        assert "3 articles" in screen_text(app)
    assert sorted(a.id for a in Library.open(store.path).articles()) == sorted([SEED_ID, TRANSIT_ID, WATER_ID])


async def test_fetching_runs_in_the_background_shows_its_steps_and_runs_once(store, server):
    release = threading.Event()

    def slow_water(handler):
        release.wait(10)
        return 200, HTML, WATER

    server.routes["/news/water"] = slow_water
    add_feed(store, server.url("/rss.xml"), "steppe")
    app = CcaApp(db=str(store.path))
    try:
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            await palette(pilot, "add fetch feeds")
            water = server.url("/news/water")
            await until(pilot, lambda: any(p.step == f"Reading page 1 of 2: {water}" for p in app.main.query(JobProgress)),
                        "the page step shown")
            assert f"Reading page 1 of 2: {water}" in screen_text(app)
            await pilot.press("2")  # the explorer answers meanwhile
            await pilot.pause(0.1)
            assert app.main.kind == "officials"
            await palette(pilot, "add fetch feeds", busy=True)
            await until(pilot, lambda: any("still running" in m for m in messages(app)), "the second fetch refused")
            assert messages(app) == [f"Fetching feeds is still running (Reading page 1 of 2: {water}); "
                                     "this waits until it ends."]
            release.set()
            await settle(pilot)
            assert messages(app)[-1] == "Fetched 1 feed: 2 added, 0 skipped, 0 feeds failed."
            assert article_titles(app) == [WATER_TITLE, TRANSIT_TITLE, SEED_TITLE]
    finally:
        release.set()
    assert [p for p in server.paths() if p.startswith("/news/")] == ["/news/water", "/news/transit"]


async def test_fetch_feeds_without_feeds_says_how_to_follow_one(store):
    app = CcaApp(db=str(store.path))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await palette(pilot, "add fetch feeds")
        await settle(pilot)
        assert messages(app) == ["No feeds followed: `cca-tui feeds add URL` follows one."]


async def test_add_url_stores_the_page_and_opens_it(store, server):
    app = CcaApp(db=str(store.path))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await palette(pilot, "add url or file")
        await settle(pilot)
        assert isinstance(app.screen, AddScreen)
        await paste(pilot, server.url("/news/transit"))
        await settle(pilot)
        assert messages(app) == [f"Added “{TRANSIT_TITLE}”."]
        assert article_titles(app) == [TRANSIT_TITLE, SEED_TITLE]
        pane = app.main.pane("articles")
        assert pane.reader.article is not None and pane.reader.article.id == TRANSIT_ID  # opened
        assert pane.records.current_key == TRANSIT_ID  # and selected in the list
        assert app.focused is pane.reader.paragraphs
        # The same page again, and a path that is not there: skipped and failed, one line each.
        await palette(pilot, "add url or file")
        await settle(pilot)
        await paste(pilot, f"{server.url('/news/transit')} ~/no-such-page.html")
        await settle(pilot)
        home = Path("~").expanduser()
        assert messages(app)[1:] == [
            "0 added, 1 skipped, 1 failed.",
            f"{server.url('/news/transit')}: already stored as {TRANSIT_ID}",
            f"{home}/no-such-page.html: no such file or folder",
        ]
        assert article_titles(app) == [TRANSIT_TITLE, SEED_TITLE]
    assert sorted(a.id for a in Library.open(store.path).articles()) == sorted([SEED_ID, TRANSIT_ID])


async def test_add_what_cannot_be_added_says_why_in_one_line_each_and_stores_nothing(store, server, tmp_path):
    pdf = tmp_path / "brief.pdf"
    pdf.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n")
    missing = tmp_path / "gone.html"
    before = Path(store.path).read_bytes()
    app = CcaApp(db=str(store.path))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await palette(pilot, "add url or file")
        await settle(pilot)
        await paste(pilot, f"{missing} {pdf} {server.url('/news/none')}")
        await settle(pilot)
        assert messages(app) == [
            "0 added, 0 skipped, 3 failed.",
            f"{missing}: no such file or folder",
            f"{pdf}: not a text or HTML file (a PDF document; convert it to text first)",
            f"{server.url('/news/none')}: HTTP 404",
        ]
        assert article_titles(app) == [SEED_TITLE]
    assert Path(store.path).read_bytes() == before


async def test_add_expands_the_home_folder_and_esc_closes_without_adding(store, tmp_path, monkeypatch):
    home = tmp_path / "home"
    (home / "saved").mkdir(parents=True)
    (home / "saved" / "transit.html").write_bytes(TRANSIT)
    monkeypatch.setenv("HOME", str(home))
    app = CcaApp(db=str(store.path))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await palette(pilot, "add url or file")
        await settle(pilot)
        await pilot.press(*"j k", "escape")  # letters are typed here; esc closes
        await settle(pilot)
        assert not isinstance(app.screen, AddScreen) and messages(app) == []
        await palette(pilot, "add url or file")
        await settle(pilot)
        await pilot.press(*"~/saved/transit.html", "enter")
        await settle(pilot)
        assert messages(app) == [f"Added “{TRANSIT_TITLE}”."]
        assert article_titles(app) == [TRANSIT_TITLE, SEED_TITLE]
