"""The fetcher against a real local HTTP server: redirects, errors, retries,
timeouts, gzip and a gzip bomb, content types, charsets, robots.txt, the User-Agent."""

from __future__ import annotations

import gzip
import threading

import pytest

from tests.web_server import LocalServer
from tui.ingest.html import extract_page
from tui.ingest.html.decode import decode_page
from tui.web.fetch import FetchError, Fetcher, user_agent

PAGE = (
    "<!DOCTYPE html><html lang='ru'><head><title>Переговоры в Астане | Wire</title></head><body><article>"
    "<h1>Переговоры в Астане</h1><p>Министры Казахстана и Китая обсудили транзит грузов через Хоргос и новые маршруты.</p>"
    "<p>Стороны договорились увеличить число контейнерных поездов в следующем году.</p></article></body></html>"
).encode("utf-8")
HTML = {"Content-Type": "text/html; charset=utf-8"}


@pytest.fixture
def server():
    with LocalServer() as srv:
        srv.routes["/robots.txt"] = (200, {"Content-Type": "text/plain"}, b"User-agent: *\nDisallow: /private/\n")
        srv.routes["/page.html"] = (200, HTML, PAGE)
        yield srv


@pytest.fixture
def fetcher():
    waits: list[float] = []
    f = Fetcher(timeout=0.5, retries=2, backoff=0.25, max_bytes=1024 * 1024, sleep=waits.append)
    f.waits = waits  # type: ignore[attr-defined]
    yield f
    f.close()


def test_page_comes_back_with_an_honest_user_agent(server, fetcher):
    got = fetcher.fetch(server.url("/page.html"))
    assert (got.status, got.content, got.content_type, got.charset) == (200, PAGE, "text/html", "utf-8")
    agent = user_agent()
    assert agent == "cca-tui/0.1.0 (+https://github.com/cca-tui/cca-tui)"
    assert [h["user-agent"] for _, h in server.requests] == [agent, agent]  # robots.txt, then the page
    assert server.paths() == ["/robots.txt", "/page.html"]


def test_redirects_are_followed_to_http_only(server, fetcher):
    server.routes["/old"] = (301, {"Location": "/moved"}, b"")
    server.routes["/moved"] = (302, {"Location": server.url("/page.html")}, b"")
    got = fetcher.fetch(server.url("/old"))
    assert (got.url, got.content) == (server.url("/page.html"), PAGE)
    server.routes["/sneaky"] = (302, {"Location": "file:///etc/passwd"}, b"")
    with pytest.raises(FetchError) as info:
        fetcher.fetch(server.url("/sneaky"))
    assert str(info.value) == f"{server.url('/sneaky')}: refused a redirect to a file URL (only http and https are fetched)"
    server.routes["/loop"] = (302, {"Location": "/loop"}, b"")
    with pytest.raises(FetchError) as info:
        fetcher.fetch(server.url("/loop"))
    assert info.value.reason == "more than 5 redirects"


def test_404_is_one_line_and_not_retried(server, fetcher):
    with pytest.raises(FetchError) as info:
        fetcher.fetch(server.url("/gone.html"))
    assert str(info.value) == f"{server.url('/gone.html')}: HTTP 404"
    assert server.paths().count("/gone.html") == 1 and fetcher.waits == []


def test_a_500_then_a_200_is_retried_with_backoff(server, fetcher):
    answers = iter([(500, HTML, b"oops"), (503, HTML, b"busy"), (200, HTML, PAGE)])
    server.routes["/flaky"] = lambda handler: next(answers)
    got = fetcher.fetch(server.url("/flaky"))
    assert got.content == PAGE
    assert server.paths().count("/flaky") == 3
    assert fetcher.waits == [0.25, 0.5]


def test_persistent_5xx_gives_up_after_the_retries(server, fetcher):
    server.routes["/down"] = (502, HTML, b"bad gateway")
    with pytest.raises(FetchError) as info:
        fetcher.fetch(server.url("/down"))
    assert str(info.value) == f"{server.url('/down')}: HTTP 502"
    assert server.paths().count("/down") == 3 and fetcher.waits == [0.25, 0.5]


def test_a_response_slower_than_the_timeout(server, fetcher):
    release = threading.Event()

    def slow(handler):
        release.wait(5)  # bounded: the test releases it as soon as the client gave up
        return 200, HTML, PAGE

    server.routes["/slow"] = slow
    try:
        with pytest.raises(FetchError) as info:
            fetcher.fetch(server.url("/slow"))
    finally:
        release.set()
    assert str(info.value) == f"{server.url('/slow')}: timed out after 0.5 s"
    assert fetcher.waits == [0.25, 0.5]  # timeouts are retried too


def test_gzip_is_decoded(server, fetcher):
    server.routes["/zipped"] = (200, dict(HTML, **{"Content-Encoding": "gzip"}), gzip.compress(PAGE))
    assert fetcher.fetch(server.url("/zipped")).content == PAGE


def test_a_gzip_bomb_stops_at_the_limit(server, fetcher):
    bomb = gzip.compress(b"\0" * (50 * 1024 * 1024), compresslevel=9)  # 50 MB of zeros in ~50 KB
    assert len(bomb) < 100 * 1024
    server.routes["/bomb"] = (200, dict(HTML, **{"Content-Encoding": "gzip"}), bomb)
    with pytest.raises(FetchError) as info:
        fetcher.fetch(server.url("/bomb"))
    assert str(info.value) == f"{server.url('/bomb')}: response larger than 1.0 MB (stopped reading)"


def test_a_declared_oversize_body_is_refused_before_reading(server, fetcher):
    server.routes["/big"] = (200, HTML, b"x" * (2 * 1024 * 1024))
    with pytest.raises(FetchError) as info:
        fetcher.fetch(server.url("/big"))
    assert info.value.reason == "response larger than 1.0 MB (2.0 MB)"


def test_content_type_is_checked(server, fetcher):
    server.routes["/paper.pdf"] = (200, {"Content-Type": "application/pdf"}, b"%PDF-1.7\n")
    with pytest.raises(FetchError) as info:
        fetcher.fetch(server.url("/paper.pdf"))
    assert info.value.reason == "not what was asked for (content type application/pdf)"


def test_a_wrong_charset_header_does_not_garble_the_page(server, fetcher):
    server.routes["/mislabeled"] = (200, {"Content-Type": "text/html; charset=windows-1251"}, PAGE)
    got = fetcher.fetch(server.url("/mislabeled"))
    assert got.charset == "windows-1251"
    page = extract_page(decode_page(got.content, declared=got.charset), url=got.url)
    assert page.meta.title == "Переговоры в Астане"
    assert page.blocks[0].text.startswith("Министры Казахстана и Китая")
    legacy = PAGE.decode("utf-8").encode("cp1251")
    assert decode_page(legacy, declared="windows-1251") == PAGE.decode("utf-8")


def test_robots_txt_is_obeyed_and_read_once_per_site(server, fetcher):
    with pytest.raises(FetchError) as info:
        fetcher.fetch(server.url("/private/report.html"))
    assert info.value.reason == "disallowed by the site's robots.txt"
    fetcher.fetch(server.url("/page.html"))
    assert server.paths() == ["/robots.txt", "/page.html"]


def test_no_robots_txt_allows_and_an_unreachable_one_forbids(server):
    del server.routes["/robots.txt"]
    with Fetcher(timeout=0.5, retries=0, sleep=lambda s: None) as f:
        assert f.fetch(server.url("/page.html")).content == PAGE
    server.routes["/robots.txt"] = (503, {"Content-Type": "text/plain"}, b"down")
    with Fetcher(timeout=0.5, retries=0, sleep=lambda s: None) as f:
        with pytest.raises(FetchError) as info:
            f.fetch(server.url("/page.html"))
    assert info.value.reason == "disallowed by the site's robots.txt"


def test_only_http_urls_are_fetched(fetcher):
    with pytest.raises(FetchError) as info:
        fetcher.fetch("ftp://127.0.0.1/x.html")
    assert str(info.value) == "ftp://127.0.0.1/x.html: not an http or https URL"


def test_a_refused_connection_is_one_line(fetcher):
    import socket

    with socket.socket() as s:  # a port nobody listens on: bind, then close
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    fetcher.obey_robots = False
    with pytest.raises(FetchError) as info:
        fetcher.fetch(f"http://127.0.0.1:{port}/x.html")
    assert str(info.value).startswith(f"http://127.0.0.1:{port}/x.html: cannot connect (")
    assert "\n" not in str(info.value)
