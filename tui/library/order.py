"""The order the store's records are listed in, by the store and its snapshot alike."""

from __future__ import annotations

from collections.abc import Iterable


def newest_first(articles: Iterable[dict]) -> list[dict]:
    """Articles newest first (undated last), then by title: the order every list shows."""
    by_title = sorted(articles, key=lambda a: (a.get("title") or "").casefold())
    newest = sorted(by_title, key=lambda a: a.get("published") or "", reverse=True)
    return [a for a in newest if a.get("published")] + [a for a in newest if not a.get("published")]


def in_date_order(events: Iterable[dict]) -> list[dict]:
    """Timeline events oldest first, then by id."""
    return sorted(events, key=lambda e: (e.get("date") or "", e.get("id", "")))
