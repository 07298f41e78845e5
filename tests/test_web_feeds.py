"""Feeds against a real local HTTP server: RSS 0.91/1.0/2.0 and Atom, relative
links, conditional requests answered 304, an entry whose page is gone."""

from __future__ import annotations

import pytest

from tests.web_server import LocalServer
from tui.web.feeds import FeedError, fetch_feed, read_feed
from tui.web.fetch import FetchError, Fetcher

RSS20 = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Steppe Wire — Central Asia</title><link>/</link>
<item><title>Kazakhstan, China agree on Khorgos expansion</title><link>/2024/05/17/khorgos.html</link>
<guid isPermaLink="false">sw-1001</guid><pubDate>Fri, 17 May 2024 14:32:00 +0500</pubDate>
<description>&lt;p&gt;The dry port will &lt;b&gt;double&lt;/b&gt; its capacity.&lt;/p&gt;</description><author>desk@steppe.example (Aigerim Sadykova)</author></item>
<item><title>Gone story</title><link>/2024/05/16/gone.html</link><guid>sw-1000</guid><pubDate>Thu, 16 May 2024 09:00:00 +0500</pubDate></item>
</channel></rss>""".encode("utf-8")

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:base="/news/"><title>Ministry press releases</title>
<link href="./" rel="alternate"/><id>urn:uuid:ministry-feed</id><updated>2024-03-28T17:20:00+05:00</updated>
<entry><title>Consultations on consular issues</title><link href="consular-2024.html"/><id>urn:uuid:entry-1</id>
<published>2024-03-28T17:20:00+05:00</published><updated>2024-03-29T09:00:00+05:00</updated>
<author><name>Press service</name></author><summary>Kazakhstan and China held consultations.</summary></entry>
</feed>""".encode("utf-8")

RSS10 = b"""<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="http://127.0.0.1/rss10"><title>Old portal</title><link>http://127.0.0.1/</link><description>d</description>
<items><rdf:Seq><rdf:li rdf:resource="http://127.0.0.1/a1"/></rdf:Seq></items></channel>
<item rdf:about="http://127.0.0.1/a1"><title>Trade grows</title><link>http://127.0.0.1/a1</link><dc:date>2024-02-08T19:44:00+05:00</dc:date></item>
</rdf:RDF>"""

RSS091 = b"""<?xml version="1.0" encoding="windows-1251"?>
<rss version="0.91"><channel><title>\xcd\xee\xe2\xee\xf1\xf2\xe8</title><link>http://127.0.0.1/</link><description>d</description><language>ru</language>
<item><title>\xd2\xee\xe2\xe0\xf0\xee\xee\xe1\xee\xf0\xee\xf2 \xe2\xfb\xf0\xee\xf1</title><link>http://127.0.0.1/ru/1</link></item></channel></rss>"""


@pytest.fixture
def server():
    with LocalServer() as srv:
        srv.routes["/robots.txt"] = (404, {"Content-Type": "text/plain"}, b"")
        yield srv


@pytest.fixture
def fetcher():
    with Fetcher(timeout=2, retries=0, sleep=lambda s: None) as f:
        yield f


def test_rss2_with_relative_links(server, fetcher):
    server.routes["/feed.xml"] = (200, {"Content-Type": "application/rss+xml"}, RSS20)
    feed = fetch_feed(fetcher, server.url("/feed.xml"))
    assert (feed.version, feed.title, feed.link) == ("rss20", "Steppe Wire — Central Asia", server.url("/"))
    first, second = feed.entries
    assert (first.id, first.link, first.title, first.published, first.summary) == (
        "sw-1001", server.url("/2024/05/17/khorgos.html"), "Kazakhstan, China agree on Khorgos expansion",
        "2024-05-17", "The dry port will double its capacity.",
    )
    assert first.authors == ["Aigerim Sadykova"]
    # A <guid> is a permalink unless it says otherwise, so it is resolved like a link.
    assert (second.id, second.link) == (server.url("/sw-1000"), server.url("/2024/05/16/gone.html"))


def test_an_entry_whose_page_is_gone_fails_alone(server, fetcher):
    server.routes["/feed.xml"] = (200, {"Content-Type": "application/rss+xml"}, RSS20)
    server.routes["/2024/05/17/khorgos.html"] = (200, {"Content-Type": "text/html"}, b"<html><body><p>ok</p></body></html>")
    feed = fetch_feed(fetcher, server.url("/feed.xml"))
    outcomes = {}
    for entry in feed.entries:
        try:
            outcomes[entry.id] = fetcher.fetch(entry.link).status
        except FetchError as err:
            outcomes[entry.id] = str(err)
    assert outcomes == {"sw-1001": 200, server.url("/sw-1000"): f"{server.url('/2024/05/16/gone.html')}: HTTP 404"}


def test_atom_with_xml_base(server, fetcher):
    server.routes["/atom"] = (200, {"Content-Type": "application/atom+xml"}, ATOM)
    feed = fetch_feed(fetcher, server.url("/atom"))
    (entry,) = feed.entries
    assert feed.version == "atom10"
    assert (entry.id, entry.link, entry.published, entry.authors, entry.summary) == (
        "urn:uuid:entry-1", server.url("/news/consular-2024.html"), "2024-03-28", ["Press service"],
        "Kazakhstan and China held consultations.",
    )


def test_rss1_and_rss091_with_its_own_charset(server, fetcher):
    server.routes["/rss10"] = (200, {"Content-Type": "application/rdf+xml"}, RSS10)
    (entry,) = fetch_feed(fetcher, server.url("/rss10")).entries
    assert (entry.title, entry.link, entry.published) == ("Trade grows", "http://127.0.0.1/a1", "2024-02-08")
    # The header claims UTF-8; the document says windows-1251, and is.
    server.routes["/rss091"] = (200, {"Content-Type": "text/xml; charset=utf-8"}, RSS091)
    feed = fetch_feed(fetcher, server.url("/rss091"))
    assert (feed.version, feed.title, feed.entries[0].title) == ("rss091u", "Новости", "Товарооборот вырос")


def test_unchanged_feed_answers_304_to_a_conditional_request(server, fetcher):
    def conditional(handler):
        if handler.headers.get("If-None-Match") == '"v1"' or handler.headers.get("If-Modified-Since") == "Fri, 17 May 2024 10:00:00 GMT":
            return 304, {"ETag": '"v1"'}, b""
        return 200, {"Content-Type": "application/rss+xml", "ETag": '"v1"', "Last-Modified": "Fri, 17 May 2024 10:00:00 GMT"}, RSS20

    server.routes["/feed.xml"] = conditional
    first = fetch_feed(fetcher, server.url("/feed.xml"))
    assert (first.etag, first.last_modified, len(first.entries)) == ('"v1"', "Fri, 17 May 2024 10:00:00 GMT", 2)
    again = fetch_feed(fetcher, server.url("/feed.xml"), etag=first.etag)
    assert (again.not_modified, again.entries, again.etag) == (True, [], '"v1"')
    by_date = fetch_feed(fetcher, server.url("/feed.xml"), last_modified=first.last_modified)
    assert by_date.not_modified
    sent = [h for p, h in server.requests if p == "/feed.xml"]
    assert sent[1]["if-none-match"] == '"v1"' and sent[2]["if-modified-since"] == "Fri, 17 May 2024 10:00:00 GMT"


def test_a_web_page_or_junk_is_no_feed(server, fetcher):
    server.routes["/page"] = (200, {"Content-Type": "text/html"}, b"<html><body><p>Hello</p></body></html>")
    with pytest.raises(FeedError) as info:
        fetch_feed(fetcher, server.url("/page"))
    assert str(info.value) == f"{server.url('/page')}: is a web page, not a feed"
    with pytest.raises(FeedError) as info:
        read_feed(b"this is not xml at all", "http://127.0.0.1/x")
    assert str(info.value).startswith("http://127.0.0.1/x: not an RSS or Atom feed")
