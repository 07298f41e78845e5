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


def reextract_all(batch: Batch, notes: list[str] | None = None) -> int:
    """Run extraction again over every stored article (after an extractor upgrade): a web
    page kept beside the store is read again from its bytes (no network); an article whose
    page file is missing or damaged keeps its stored text, and ``notes`` says so."""
    from tui.ingest.errors import SourceError
    from tui.library.pages import PageUnavailable, reread_page

    refreshed = []
    for article in batch.store.articles():
        record = article
        if article.get("raw_ref") is not None:
            try:
                record = reread_page(article, batch.store.path) or article
            except PageUnavailable as exc:
                _note(notes, f"article {article['id']}: its page file {exc}; kept its stored text")
            except SourceError as exc:
                _note(notes, f"article {article['id']}: its page cannot be read again ({exc.reason}); "
                             "kept its stored text")
        refreshed.append(with_facts(record))
    batch.update_articles(refreshed)
    return len(refreshed)


def _note(notes: list[str] | None, line: str) -> None:
    if notes is not None:
        notes.append(line)
