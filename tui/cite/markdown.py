"""Markdown links: ``[Title](URL) — Outlet, 31 March 2024``."""

from __future__ import annotations

import re

from tui.cite.common import join_list
from tui.cite.source import Source

_SPECIAL = re.compile(r"([\\`*_\[\]<>])")


def md_escape(text: str) -> str:
    """Backslash-escape what Markdown would read as markup or HTML."""
    return _SPECIAL.sub(r"\\\1", text)


def md_url(url: str) -> str:
    """A URL safe inside ``( )``."""
    for ch, enc in (("(", "%28"), (")", "%29"), (" ", "%20"), ("<", "%3C"), (">", "%3E")):
        url = url.replace(ch, enc)
    return url


def link(src: Source) -> str:
    """The title, linked when the URL is a web address (never ``javascript:`` or ``data:``)."""
    title = md_escape(src.title)
    return f"[{title}]({md_url(src.link)})" if src.link else title


def byline(src: Source) -> str:
    """``Jeenbek Kulubayev, Daryo, 31 March 2024`` (only the parts known)."""
    parts = []
    if src.signed:
        names = [n.natural() for n in src.authors]
        parts.append(md_escape(join_list(names, serial=False) if len(names) <= 2 else f"{names[0]} et al."))
    if src.outlet:
        parts.append(md_escape(src.outlet))
    if src.published:
        parts.append(src.published.day_month_year())
    return ", ".join(parts)


def reference(src: Source) -> str:
    """One line: ``[Title](URL) — Outlet, 31 March 2024``."""
    tail = byline(src)
    return f"{link(src)} — {tail}" if tail else link(src)
