"""Derived data: per-article facts and the corpus-wide officials and events.

Articles keep their raw text and their extracted ``facts``; the officials and
events tables are always a merge over every article's facts, so they can be
rebuilt at any time (``cca-tui db rebuild``).
"""

from __future__ import annotations

from tui.extract import extract_article, merge
from tui.library.store import Batch


def with_facts(record: dict) -> dict:
    """The article record with its extracted officials and events attached."""
    return dict(record, facts=extract_article(record))


def merged(articles: list[dict]) -> tuple[list[dict], list[dict]]:
    """The officials and events tables for ``articles`` (each with its ``facts``)."""
    return merge([(a["id"], a.get("facts") or {}) for a in articles])


def rebuild_derived(batch: Batch) -> tuple[int, int]:
    """Re-merge the officials and events tables from every stored article's facts."""
    officials, events = merged(batch.store.articles())
    batch.replace_derived(officials, events)
    return len(officials), len(events)


def reextract_all(batch: Batch) -> int:
    """Run extraction again over every stored article (after an extractor upgrade)."""
    refreshed = [with_facts(a) for a in batch.store.articles()]
    batch.update_articles(refreshed)
    return len(refreshed)
