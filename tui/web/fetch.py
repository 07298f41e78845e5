"""Fetching one URL politely and defensively.

Redirects are followed (to http and https only), timeouts and 5xx answers are
retried with backoff, the decoded body is capped (a gzip bomb stops at the
limit), the content type is checked, robots.txt is obeyed, and the
User-Agent says who is asking.  Every failure is a ``FetchError`` whose text
is one line naming the URL: ``https://…: HTTP 404``, ``…: timed out after 20 s``.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

from tui.web.decoding import BodyTooLarge, decoded_chunks, read_limited
from tui.web.robots import ROBOTS_MAX_BYTES, Robots

PAGE_TYPES = ("text/html", "application/xhtml+xml")
FEED_TYPES = (
    "application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml", "text/xml",
    "application/x-rss+xml", "application/feed+xml",
)
DEFAULT_MAX_BYTES = 5 * 1024 * 1024
RETRYABLE = frozenset((429, 500, 502, 503, 504))


def user_agent() -> str:
    """``cca-tui/<version> (+<homepage>)``: the version and the ``Homepage`` of
    ``[project.urls]`` from the installed package's metadata."""
    from importlib import metadata

    try:
        dist = metadata.distribution("cca-tui")
    except metadata.PackageNotFoundError:
        return "cca-tui/0"
    # Project-URL entries read "Label, https://…"; the homepage first, else the first one.
    urls = [tuple(part.strip() for part in u.split(",", 1)) for u in dist.metadata.get_all("Project-URL") or []]
    urls = [u for u in urls if len(u) == 2 and u[1]]
    home = next((url for label, url in urls if label.lower() in ("homepage", "home")), None)
    home = home or dist.metadata.get("Home-page") or (urls[0][1] if urls else None)
    return f"cca-tui/{dist.version} (+{home})" if home else f"cca-tui/{dist.version}"


class FetchError(Exception):
    """A URL that could not be had; ``str()`` is one line naming it."""

    def __init__(self, url: str, reason: str, status: int | None = None) -> None:
        self.url = url
        self.reason = " ".join(reason.split())
        self.status = status
        super().__init__(url, self.reason)

    def __str__(self) -> str:
        return f"{self.url}: {self.reason}"


@dataclass
class Fetched:
    """A response worth reading (or a 304 when the caller's copy is current)."""

    url: str  # after redirects
    status: int
    content: bytes
    content_type: str | None
    charset: str | None
    etag: str | None = None
    last_modified: str | None = None

    @property
    def not_modified(self) -> bool:
        return self.status == 304


@dataclass
class Fetcher:
    """Fetches URLs with one policy; keeps robots.txt per site between calls."""

    timeout: float = 20.0
    retries: int = 3
    backoff: float = 1.0  # seconds before the first retry; doubles each time
    max_bytes: int = DEFAULT_MAX_BYTES
    max_redirects: int = 5
    obey_robots: bool = True
    agent: str = field(default_factory=user_agent)
    sleep: Callable[[float], None] = time.sleep  # tests pass a recorder
    transport: object | None = None  # an httpx transport, for tests

    def __post_init__(self) -> None:
        self._robots = Robots(self._robots_text, "cca-tui")
        self._client = None

    # --- the public calls ---------------------------------------------------------

    def fetch(
        self,
        url: str,
        *,
        accept: tuple[str, ...] = PAGE_TYPES,
        etag: str | None = None,
        last_modified: str | None = None,
    ) -> Fetched:
        """GET ``url`` and return its body, or raise ``FetchError``.

        ``accept`` lists the content types wanted (a page by default); with
        ``etag``/``last_modified`` the request is conditional and an unchanged
        resource comes back as a ``Fetched`` with status 304 and no content.
        """
        _check_scheme(url, url)
        if self.obey_robots and not self._robots_allow(url):
            raise FetchError(url, "disallowed by the site's robots.txt")
        headers = {"Accept": ", ".join(accept) + ", */*;q=0.1"}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        return self._with_retries(url, headers, accept, self.max_bytes)

    def _robots_allow(self, url: str) -> bool:
        """robots.txt's word on ``url``; a site that does not answer at all (no connection,
        a timeout) fails with that reason, named by ``url``, rather than as "disallowed"."""
        try:
            return self._robots.allowed(url)
        except FetchError as err:
            if err.status is not None:
                return False  # robots.txt answers 5xx: forbidden for now (RFC 9309)
            raise FetchError(url, err.reason) from None

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # --- the work -----------------------------------------------------------------

    def _http(self):
        import httpx

        if self._client is None:
            self._client = httpx.Client(
                timeout=httpx.Timeout(self.timeout),
                follow_redirects=False,  # each hop is checked here
                headers={"User-Agent": self.agent, "Accept-Encoding": "gzip, deflate"},
                transport=self.transport,
            )
        return self._client

    def _with_retries(self, url: str, headers: dict, accept: tuple[str, ...] | None, limit: int) -> Fetched:
        import httpx

        attempt = 0
        while True:
            try:
                got = self._follow(url, headers, accept, limit)
            except httpx.TimeoutException:
                failure = FetchError(url, f"timed out after {self.timeout:g} s")
            except httpx.TransportError as err:
                failure = FetchError(url, f"cannot connect ({_short(err)})")
            else:
                if got.status in RETRYABLE:
                    failure = FetchError(url, f"HTTP {got.status}", got.status)
                else:
                    return got
            if attempt >= self.retries:
                raise failure
            self.sleep(self.backoff * 2**attempt)
            attempt += 1

    def _follow(self, url: str, headers: dict, accept: tuple[str, ...] | None, limit: int) -> Fetched:
        current = url
        for _ in range(self.max_redirects + 1):
            with self._http().stream("GET", current, headers=headers) as response:
                status = response.status_code
                if status in (301, 302, 303, 307, 308):
                    location = response.headers.get("location")
                    if not location:
                        raise FetchError(url, f"HTTP {status} redirect without a Location")
                    nxt = urljoin(current, location)
                    _check_scheme(url, nxt)
                    current = nxt
                    continue
                if status == 304:
                    return Fetched(current, 304, b"", None, None, response.headers.get("etag"),
                                   response.headers.get("last-modified"))
                if status in RETRYABLE:
                    return Fetched(current, status, b"", None, None)
                if status >= 400:
                    raise FetchError(url, f"HTTP {status}", status)
                ctype, charset = _content_type(response.headers.get("content-type"))
                if accept is not None and ctype and ctype not in accept:
                    raise FetchError(url, f"not what was asked for (content type {ctype})")
                encodings = [e.strip().lower() for e in response.headers.get("content-encoding", "").split(",")
                             if e.strip() and e.strip().lower() != "identity"]
                unknown = [e for e in encodings if e not in ("gzip", "x-gzip", "deflate")]
                if unknown:
                    raise FetchError(url, f"unsupported content encoding {unknown[0]}")
                declared = response.headers.get("content-length")
                if not encodings and declared and declared.isdigit() and int(declared) > limit:
                    raise FetchError(url, f"response larger than {_size(limit)} ({_size(int(declared))})")
                try:
                    body = read_limited(decoded_chunks(response.iter_raw(16384), encodings), limit)
                except BodyTooLarge:
                    raise FetchError(url, f"response larger than {_size(limit)} (stopped reading)") from None
                except Exception as err:  # noqa: BLE001 - zlib.error on a broken stream
                    if type(err).__module__.startswith("httpx"):
                        raise
                    raise FetchError(url, f"broken {'/'.join(encodings) or 'body'} ({_short(err)})") from None
                return Fetched(current, status, body, ctype, charset, response.headers.get("etag"),
                               response.headers.get("last-modified"))
        raise FetchError(url, f"more than {self.max_redirects} redirects")

    def _robots_text(self, robots_url: str) -> tuple[int, str]:
        got = self._with_retries_robots(robots_url)
        text = got.content.decode("utf-8", errors="replace") if got.status < 300 else ""
        return got.status, text

    def _with_retries_robots(self, robots_url: str) -> Fetched:
        try:
            return self._with_retries(robots_url, {"Accept": "text/plain, */*"}, None, ROBOTS_MAX_BYTES)
        except FetchError as err:
            if err.status is not None and 400 <= err.status < 500:
                return Fetched(robots_url, err.status, b"", None, None)
            raise


def _check_scheme(original: str, url: str) -> None:
    scheme = urlsplit(url).scheme.lower()
    if scheme in ("http", "https"):
        return
    if original != url:
        raise FetchError(original, f"refused a redirect to a {scheme or 'schemeless'} URL (only http and https are fetched)")
    raise FetchError(original, "not an http or https URL")


def _content_type(header: str | None) -> tuple[str | None, str | None]:
    if not header:
        return None, None
    parts = [p.strip() for p in header.split(";")]
    ctype = parts[0].lower() or None
    charset = None
    for p in parts[1:]:
        if p.lower().startswith("charset="):
            charset = p.split("=", 1)[1].strip("\"' ").lower() or None
    return ctype, charset


def _short(err: Exception) -> str:
    text = " ".join(str(err).split()) or type(err).__name__
    return text if len(text) <= 80 else text[:79] + "…"


def _size(n: int) -> str:
    return f"{n / (1024 * 1024):.1f} MB" if n >= 1024 * 1024 else f"{n // 1024} KB"
