"""News feeds: RSS 0.9x, 1.0 and 2.0 and Atom, read with feedparser.

``read_feed`` parses bytes already fetched (relative links resolved against
the feed's address); ``fetch_feed`` asks conditionally, so an unchanged feed
costs one small request and comes back as ``not_modified``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

from tui.ingest.html.meta import to_iso
from tui.ingest.sanitize import sanitize_line
from tui.web.fetch import FEED_TYPES, Fetcher, FetchError


class FeedError(Exception):
    """Bytes that are no feed; ``str()`` is one line naming the feed."""

    def __init__(self, url: str, reason: str) -> None:
        self.url, self.reason = url, reason
        super().__init__(url, reason)

    def __str__(self) -> str:
        return f"{self.url}: {self.reason}"


@dataclass
class FeedEntry:
    """One item of a feed, with its link made absolute and its text plain."""

    id: str
    link: str | None
    title: str | None
    published: str | None  # ISO date as the feed writes it (its own time zone)
    summary: str | None
    authors: list[str] = field(default_factory=list)


@dataclass
class Feed:
    """A feed as read, with what a conditional request needs next time."""

    url: str
    title: str | None = None
    link: str | None = None
    version: str | None = None  # feedparser's name: rss20, rss10, rss091u, atom10 …
    entries: list[FeedEntry] = field(default_factory=list)
    etag: str | None = None
    last_modified: str | None = None
    not_modified: bool = False


def read_feed(data: bytes, url: str) -> Feed:
    """Parse feed bytes fetched from ``url``; raise ``FeedError`` if they are no feed.

    The charset comes from the document itself (BOM, XML declaration, else
    UTF-8), not from an HTTP header, which servers get wrong.
    """
    import feedparser

    parsed = feedparser.parse(data, response_headers={"content-location": url}, sanitize_html=True)
    version = parsed.get("version") or None
    if not version and not parsed.entries:
        problem = parsed.get("bozo_exception")
        raise FeedError(url, f"not an RSS or Atom feed{f' ({_one_line(problem)})' if problem else ''}")
    info = parsed.feed
    feed = Feed(
        url=url,
        title=_clean(info.get("title")),
        link=_absolute(url, info.get("link")),
        version=version,
    )
    seen: set[str] = set()
    for item in parsed.entries:
        link = _absolute(url, item.get("link") or _first_link(item))
        entry_id = _clean(item.get("id")) or link or _clean(item.get("title"))
        if not entry_id or entry_id in seen:
            continue
        seen.add(entry_id)
        feed.entries.append(
            FeedEntry(
                id=entry_id,
                link=link,
                title=_clean(item.get("title")),
                published=to_iso(item.get("published") or item.get("updated") or item.get("created")),
                summary=_text_of(item.get("summary")),
                authors=_authors(item),
            )
        )
    return feed


def fetch_feed(fetcher: Fetcher, url: str, *, etag: str | None = None, last_modified: str | None = None) -> Feed:
    """Fetch and read a feed; with the validators of the last fetch an unchanged
    feed is answered 304 and returned with ``not_modified`` and no entries.
    Raises ``FetchError`` or ``FeedError``."""
    got = fetcher.fetch(url, accept=FEED_TYPES + ("text/html",), etag=etag, last_modified=last_modified)
    if got.not_modified:
        return Feed(url=url, etag=got.etag or etag, last_modified=got.last_modified or last_modified, not_modified=True)
    if got.content_type == "text/html":
        raise FeedError(url, "is a web page, not a feed")
    feed = read_feed(got.content, got.url)
    feed.url = url
    feed.etag, feed.last_modified = got.etag, got.last_modified
    return feed


_EMAIL_NAME = re.compile(r"^\S+@\S+\s*\((.+)\)$")
_NAME_EMAIL = re.compile(r"^(.+?)\s*<\S+@\S+>$")


def _authors(item) -> list[str]:
    """Entry authors: RSS writes "desk@x.org (Jane Doe)" (feedparser splits that
    badly for some domains, so it is read here), Atom gives names."""
    raw = _clean(item.get("author"))
    if raw and "@" in raw:
        m = _EMAIL_NAME.match(raw) or _NAME_EMAIL.match(raw)
        return [m.group(1).strip()] if m else []
    names = [_clean(x.get("name")) for x in item.get("authors") or [] if isinstance(x, dict)]
    names = [n for n in names if n]
    return names or ([raw] if raw else [])


def _first_link(item) -> str | None:
    for link in item.get("links") or []:
        if isinstance(link, dict) and link.get("href") and link.get("rel", "alternate") == "alternate":
            return link["href"]
    return None


def _absolute(base: str, link: str | None) -> str | None:
    link = _clean(link)
    if not link:
        return None
    full = urljoin(base, link)
    return full if urlsplit(full).scheme in ("http", "https") else None


def _clean(value) -> str | None:
    if not isinstance(value, str):
        return None
    return sanitize_line(value) or None


def _text_of(html: str | None) -> str | None:
    """A summary's HTML as plain text."""
    if not html:
        return None
    from lxml import html as lxml_html

    try:
        text = lxml_html.fromstring(f"<div>{html}</div>").text_content()
    except Exception:  # noqa: BLE001 - a summary that is not HTML is text
        text = html
    return _clean(text)


def _one_line(err) -> str:
    text = " ".join(str(err).split())
    return text[:100]


__all__ = ["Feed", "FeedEntry", "FeedError", "FetchError", "fetch_feed", "read_feed"]
