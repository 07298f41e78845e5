"""Small pieces the prose styles share."""

from __future__ import annotations

import re


def end_with(text: str, mark: str = ".") -> str:
    """``text`` ending in ``mark`` without doubling a period already there."""
    if not text:
        return text
    if text.endswith(("?", "!")) or text.endswith(mark):
        return text
    return text + mark


def join_list(items: list[str], conj: str = "and", serial: bool = True) -> str:
    """``A``, ``A and B``, ``A, B, and C`` (serial comma by default)."""
    if len(items) <= 1:
        return "".join(items)
    if len(items) == 2:
        return f"{items[0]} {conj} {items[1]}"
    comma = "," if serial else ""
    return f"{', '.join(items[:-1])}{comma} {conj} {items[-1]}"


def strip_scheme(url: str) -> str:
    """MLA drops ``http://`` and ``https://``."""
    return re.sub(r"^https?://", "", url)


# RFC 3986: a scheme is a letter, then letters, digits, "+", "-" or ".", then ":".
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
WEB_SCHEMES = ("http", "https")


def citable_url(url: str) -> str:
    """``url`` as a citation may print it: a web address (or one written without a scheme)
    as given; any other scheme (``javascript:``, ``data:``, ``file:``…) is not where a
    reader can find a news article, and gives ``""``."""
    scheme = _SCHEME.match(url)
    return url if scheme is None or scheme.group(1).lower() in WEB_SCHEMES else ""


def web_link(url: str) -> str:
    """``url`` if it may become a clickable link (``http(s)://`` and a host), else ``""``."""
    scheme = _SCHEME.match(url)
    if scheme is None or scheme.group(1).lower() not in WEB_SCHEMES:
        return ""
    rest = url[scheme.end():]
    return url if rest.startswith("//") and rest[2:3] not in ("", "/") else ""
