"""News feeds a store follows, and fetching their new entries into it.

Feeds live in the store's ``feeds`` table (so they travel with it), each with the
validators of its last fetch (ETag / Last-Modified: an unchanged feed costs one small
request) and the ids of the entries already taken. For each new entry the linked page is
fetched and read like a saved page; only when the page cannot be had is the feed's own
summary stored, marked as such (``summary_only``). Entries already stored are known by
entry id, by URL (the page's canonical one) and by text.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from tui.ingest.errors import SourceError
from tui.library import codec
from tui.library.store import now
from tui.library.web_sources import fetch_page_record
from tui.records import Feed
from tui.web.feeds import FeedEntry, FeedError, fetch_feed
from tui.web.fetch import Fetcher, FetchError

DEFAULT_LIMIT = 20  # new pages per feed and run; the rest wait for the next fetch
SEEN_KEPT = 5000  # entry ids remembered per feed (feeds list their latest few hundred at most)
FeedProgress = Callable[[int, int, str], None]


class FeedsError(Exception):
    """A feed command that cannot be done (one line)."""


def add_feed(library, url: str, name: str | None = None) -> Feed:
    """Follow the feed at ``url`` under ``name`` (default: its host); raises ``FeedsError``
    when the name or the address is followed already."""
    name = (name or urlsplit(url).hostname or url).strip()
    feeds = library.store.feeds()
    for feed in feeds:
        if feed["url"] == url:
            raise FeedsError(f"{url}: already followed as {feed['name']}")
        if feed["name"] == name:
            raise FeedsError(f"a feed named {name} is followed already ({feed['url']}); pass --name")
    feed = {"name": name, "url": url, "added": now(), "etag": None, "last_modified": None, "seen": []}
    _write_feeds(library, lambda current: current + [feed])
    return codec.feed(feed)


def remove_feed(library, key: str) -> Feed:
    """Stop following the feed named ``key`` (or at that address); its articles stay."""
    found = [f for f in library.store.feeds() if key in (f["name"], f["url"])]
    if not found:
        raise FeedsError(f"{key}: no such feed (`cca-tui feeds list` shows them)")
    _write_feeds(library, lambda current: [f for f in current if f["url"] != found[0]["url"]])
    return codec.feed(found[0])


def _write_feeds(library, change: Callable[[list[dict]], list[dict]]) -> None:
    from tui.library import upkeep

    upkeep.change(library.store, lambda batch: batch.set_feeds(change(batch.store.feeds())))


@dataclass
class FeedResult:
    """What one feed's fetch did (``fetch --json``)."""

    name: str
    url: str
    status: str = "ok"  # ok, not modified, failed
    added: list[str] = field(default_factory=list)
    skipped: list[dict] = field(default_factory=list)
    summaries: list[str] = field(default_factory=list)  # ids stored from the feed's summary
    waiting: int = 0
    error: str | None = None

    def as_json(self) -> dict:
        return {"feed": self.name, "url": self.url, "status": self.status, "added": self.added,
                "skipped": self.skipped, "summary_only": self.summaries, "waiting": self.waiting,
                "error": self.error}


class PoliteClock:
    """Waits so that two requests to one host are at least ``delay`` seconds apart."""

    def __init__(self, delay: float, sleep: Callable[[float], None] = time.sleep):
        self.delay, self.sleep = delay, sleep
        self.last: dict[str, float] = {}

    def wait_for(self, url: str) -> None:
        host = urlsplit(url).hostname or ""
        if self.delay > 0 and host in self.last:
            left = self.last[host] + self.delay - time.monotonic()
            if left > 0:
                self.sleep(left)
        self.last[host] = time.monotonic()


@dataclass(frozen=True)
class EntrySource:
    """A feed entry to add: its linked page, else the feed's summary of it."""

    entry: FeedEntry
    feed_name: str
    fetcher: Fetcher
    clock: PoliteClock
    known_urls: dict = field(default_factory=dict, hash=False, compare=False)  # url → stored article id

    @property
    def origin(self) -> str:
        return self.entry.link or self.entry.id

    def load(self, warnings: list[str]) -> dict:
        entry = self.entry
        reason = "the entry links to no page"
        if entry.link:
            self.clock.wait_for(entry.link)
            try:
                record = fetch_page_record(self.fetcher, entry.link, warnings=warnings)
            except SourceError as err:
                reason = err.reason
            else:
                already = self.known_urls.get(record.get("url"))
                if already:  # the page's canonical address is an article stored already
                    raise SourceError(self.origin, f"already stored as {already}")
                return dict(record, feed=self.feed_name, feed_entry_id=entry.id)
        return self._from_summary(reason)

    def _from_summary(self, reason: str) -> dict:
        from tui.ingest.source import make_record, render_source

        entry = self.entry
        if not entry.summary:
            raise SourceError(self.origin, f"{reason}, and the feed gives no summary")
        record = make_record(
            title=entry.title, outlet=None, url=entry.link, published=(entry.published or "")[:10] or None,
            authors=entry.authors, language=None,
            paragraphs=[{"n": 1, "kind": "para", "text": entry.summary}], raw="", path=entry.link,
        )
        record["raw"] = render_source(record)
        record["source_path"] = self.origin
        why = f"the page could not be had ({reason}); only the feed's summary is stored"
        return dict(record, feed=self.feed_name, feed_entry_id=entry.id, summary_only=why)


def fetch_feeds(library, fetcher: Fetcher, *, limit: int = DEFAULT_LIMIT, delay: float = 1.0,
                progress: FeedProgress | None = None, pages: FeedProgress | None = None) -> list[FeedResult]:
    """Fetch every followed feed and store its new entries (at most ``limit`` pages per
    feed; the rest wait for the next run), all in one write at the end. A feed that fails
    changes nothing of its own; when every feed failed or none changed, nothing is written.
    ``progress`` hears of each feed (done, of, name), ``pages`` of each new entry's page."""
    from tui.library.sources import AddReport

    clock = PoliteClock(delay)
    feeds = library.store.feeds()
    stored = library.store.articles()
    known_urls = {a.get("url"): a["id"] for a in stored if a.get("url")}
    known_urls.update({a.get("source_path"): a["id"] for a in stored if a.get("source_path")})
    known_entries = {a.get("feed_entry_id"): a["id"] for a in stored if a.get("feed_entry_id")}
    results: list[FeedResult] = []
    sources: list[EntrySource] = []
    by_origin: dict[str, FeedResult] = {}  # a source's origin (what the add report names) → its feed's result
    new_state: dict[str, dict] = {}
    for i, feed in enumerate(feeds, 1):
        result = FeedResult(feed["name"], feed["url"])
        results.append(result)
        if progress:
            progress(i, len(feeds), feed["name"])
        clock.wait_for(feed["url"])
        try:
            got = fetch_feed(fetcher, feed["url"], etag=feed.get("etag"), last_modified=feed.get("last_modified"))
        except (FetchError, FeedError) as err:
            result.status, result.error = "failed", str(err)
            continue
        if got.not_modified:
            result.status = "not modified"
            continue
        seen = list(feed.get("seen") or [])
        seen_set = set(seen)
        fresh = []
        for entry in got.entries:
            if entry.id in seen_set:
                continue
            already = known_entries.get(entry.id) or known_urls.get(entry.link)
            if already:
                result.skipped.append({"path": entry.link or entry.id, "reason": f"already stored as {already}"})
                seen.append(entry.id)
                continue
            fresh.append(entry)
        taken, result.waiting = fresh[:limit], max(0, len(fresh) - limit)
        for entry in taken:
            source = EntrySource(entry, feed["name"], fetcher, clock, known_urls)
            by_origin[source.origin] = result
            sources.append(source)
            seen.append(entry.id)
        # With entries waiting, the next run must read the feed whole: no validators kept.
        keep = result.waiting == 0
        new_state[feed["url"]] = dict(feed, etag=got.etag if keep else None,
                                      last_modified=got.last_modified if keep else None,
                                      seen=seen[-SEEN_KEPT:], fetched=now())
    if not new_state:
        return results

    def update_feeds(batch) -> None:
        current = batch.store.feeds()  # another process may have changed them meanwhile
        batch.set_feeds([new_state.get(f["url"], f) for f in current])

    report = AddReport()
    library.add(sources, pages, report, also=update_feeds)
    _share_out(library, report, by_origin, known_urls)
    return results


def _share_out(library, report, by_origin: dict[str, FeedResult], known_urls: dict) -> None:
    """Put the add report's lines under the feeds they came from."""
    for failure in report.failed:
        result = by_origin.get(failure["path"])
        if result is not None:
            result.skipped.append({"path": failure["path"], "reason": failure["error"]})
    for skip in report.skipped:
        result = by_origin.get(skip["path"])
        if result is not None:
            result.skipped.append({"path": skip["path"], "reason": skip["reason"]})
    for article_id in report.added:
        article = library.store.article(article_id) or {}
        result = by_origin.get(article.get("source_path") or "")
        if result is None:
            continue
        result.added.append(article_id)
        if article.get("summary_only"):
            result.summaries.append(article_id)
