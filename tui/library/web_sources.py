"""Sources from the web: a page fetched by URL (``UrlSource``), read like a saved page.

The fetching policy (redirects checked hop by hop, retries, size limit, content type,
robots.txt, User-Agent) is ``tui.web.fetch``'s; what a user may tune for a slow link or
a test comes from the environment (``fetcher_from_env``).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from tui.ingest.errors import SourceError
from tui.library.pages import PAGE_KEY
from tui.web.fetch import DEFAULT_MAX_BYTES, Fetcher, FetchError

_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")


def is_url(text: str) -> bool:
    """True for anything written as ``scheme://…`` (a file name never is)."""
    return bool(_SCHEME.match(text.strip()))


def _env_number(name: str, default: float) -> float:
    value = os.environ.get(name, "").strip()
    try:
        number = float(value) if value else default
    except ValueError:
        return default
    return number if number >= 0 else default


def fetcher_from_env(max_bytes: int = DEFAULT_MAX_BYTES) -> Fetcher:
    """A ``Fetcher`` with the timeout (``CCA_TUI_FETCH_TIMEOUT``, seconds, default 20),
    retries (``CCA_TUI_FETCH_RETRIES``, default 3) and first backoff
    (``CCA_TUI_FETCH_BACKOFF``, seconds, default 1) the environment asks for."""
    return Fetcher(
        timeout=_env_number("CCA_TUI_FETCH_TIMEOUT", 20.0) or 20.0,
        retries=int(_env_number("CCA_TUI_FETCH_RETRIES", 3)),
        backoff=_env_number("CCA_TUI_FETCH_BACKOFF", 1.0),
        max_bytes=max_bytes,
    )


DEFAULT_FEED_DELAY = 1.0  # seconds between two requests to one host, while fetching feeds


def feed_delay_from_env() -> float:
    """The pause between requests to one host while fetching feeds: ``CCA_TUI_FETCH_DELAY``
    (seconds), default 1."""
    return _env_number("CCA_TUI_FETCH_DELAY", DEFAULT_FEED_DELAY)


def input_sources(inputs: Iterable[str], report, fetcher: Fetcher, overrides: Mapping[str, object] | None = None,
                  max_bytes: int | None = None) -> list:
    """What ``cca-tui ingest`` (and the explorer's "Add URL or file…") was given: a
    ``UrlSource`` per web address, and the files of each path (folders walked; a path
    that cannot be read is a failure in ``report``, a ``tui.library.sources.AddReport``)."""
    from tui.library.sources import file_sources

    urls = [i for i in inputs if is_url(i)]
    paths = [i for i in inputs if not is_url(i)]
    sources: list = file_sources(paths, report, overrides, max_bytes) if paths else []
    return sources + [UrlSource(url, fetcher, overrides) for url in urls]


def fetch_page_record(fetcher: Fetcher, url: str, overrides: Mapping[str, object] | None = None,
                      warnings: list[str] | None = None) -> dict:
    """Fetch the page at ``url`` and read its article; the address after redirects is the
    article's url unless the page names its canonical one or ``overrides`` gives one.
    The page bytes ride along on the record (``PAGE_KEY``) until the library keeps them.
    Raises ``SourceError`` naming ``url``."""
    from tui.ingest.html.decode import decode_page
    from tui.ingest.html.record import parse_page

    try:
        got = fetcher.fetch(url)
    except FetchError as err:
        raise SourceError(url, err.reason) from None
    text = decode_page(got.content, got.charset, path=url, warnings=warnings)
    record = parse_page(text, url=got.url, overrides=dict(overrides) if overrides else None, warnings=warnings)
    if not record.get("url"):
        record["url"] = got.url
    record["source_path"] = url
    record[PAGE_KEY] = (got.content, got.charset)
    return record


@dataclass(frozen=True)
class UrlSource:
    """A web page to fetch and add."""

    url: str
    fetcher: Fetcher
    overrides: Mapping[str, object] | None = None

    @property
    def origin(self) -> str:
        return self.url

    def load(self, warnings: list[str]) -> dict:
        if not re.match(r"^https?://", self.url.strip(), re.IGNORECASE):
            raise SourceError(self.url, "not an http or https URL")
        return fetch_page_record(self.fetcher, self.url.strip(), self.overrides, warnings)
