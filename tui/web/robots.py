"""robots.txt, fetched once per site and obeyed (RFC 9309).

A missing robots.txt (any 4xx) allows everything; one that cannot be had
(5xx, a timeout, a refused connection) forbids everything for now, as the
RFC asks of polite crawlers.
"""

from __future__ import annotations

from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

ROBOTS_MAX_BYTES = 512 * 1024  # RFC 9309 asks parsers to read at least 500 KiB


class Robots:
    """A per-site cache of robots.txt rules; ``get_text(url)`` fetches one file."""

    def __init__(self, get_text, agent: str) -> None:
        # get_text(url) -> (status, text) or raises OSError-like errors for no answer
        self._get_text = get_text
        self._agent = agent
        self._sites: dict[str, RobotFileParser | bool | Exception] = {}

    def allowed(self, url: str) -> bool:
        """May ``url`` be fetched by our user agent?"""
        parts = urlsplit(url)
        site = f"{parts.scheme}://{parts.netloc}"
        rules = self._sites.get(site)
        if rules is None:
            rules = self._sites[site] = self._load(site)
        if isinstance(rules, Exception):
            raise rules  # no answer at all: the caller says why, not "disallowed"
        if isinstance(rules, bool):
            return rules
        return rules.can_fetch(self._agent, url)

    def _load(self, site: str) -> RobotFileParser | bool | Exception:
        try:
            status, text = self._get_text(f"{site}/robots.txt")
        except Exception as err:  # noqa: BLE001 - no answer at all: forbidden for now
            return err
        if 400 <= status < 500:
            return True
        if status >= 500:
            return False
        parser = RobotFileParser()
        parser.parse(text.splitlines())
        return parser
