"""A read-only view of one version of the store file, opened through its saved index.

Parsing a 10,000-article store takes about a second, and 80 % of its bytes are article
bodies and facts that a list of articles never shows. The search index saved beside
the store already holds every article's heading (its record without body and facts)
and where each record and table sits in the file; with it, the explorer parses only
the officials and events tables up front, and an article's full record when it is
opened. Anything missing or stale — no index, an index for another file version, a
file we did not lay out — and ``open`` returns None: the caller opens the store.
"""

from __future__ import annotations

import os
from pathlib import Path

from tui.search import SearchIndex
from tui.search.persist import index_for_version
from tui.shapes import misfits
from tui.storage import Span, StoreFileError, StoreFileVersion, store_file
from tui.store import in_date_order, newest_first

# Tables the explorer shows besides the articles (a store without any has no key for it).
TABLES = ("officials", "events")


class Snapshot:
    """Articles (headings), officials, events and the search index of one store file version."""

    def __init__(self, version: StoreFileVersion, index: SearchIndex, articles: list[dict],
                 spans: dict[str, Span], tables: dict[str, list[dict]]):
        self._version = version
        self.index = index
        self.articles = articles  # newest first, like Store.articles()
        self._spans = spans
        self.officials = tables["officials"]
        self.events = in_date_order(tables["events"])

    @property
    def path(self) -> Path:
        return self._version.path

    @property
    def mtime_ns(self) -> int:
        """Modification time of the file version this view shows."""
        return self._version.stamp[1]

    @classmethod
    def open(cls, path: Path) -> Snapshot | None:
        """The view of the store at ``path`` as it is now; None when its index cannot give one."""
        if os.name == "nt":
            return None  # Windows cannot replace a file another process holds open: ingest would fail
        try:
            version = StoreFileVersion(store_file(path))
        except (OSError, StoreFileError):
            return None  # the caller opens the store, which says what is wrong
        snapshot = cls._from_version(version)
        if snapshot is None:
            version.close()
        return snapshot

    @classmethod
    def _from_version(cls, version: StoreFileVersion) -> Snapshot | None:
        saved = index_for_version(version)
        if saved is None or saved.tables is None or saved.spans is None:
            return None
        tables: dict[str, list[dict]] = {}
        for name in TABLES:
            span = saved.tables.get(name)
            table = version.read(span) if span is not None else {}
            # Records set apart are named by the store's full open, not here.
            if not isinstance(table, dict) or misfits(name, table):
                return None
            tables[name] = list(table.values())
        spans = {record["id"]: span for record, span in zip(saved.records, saved.spans)}
        return cls(version, saved.index, newest_first(saved.records), spans, tables)

    def article(self, article_id: str) -> dict | None:
        """The full record of an article (body and facts too), read from the file; None when
        it is not in this version or cannot be read."""
        span = self._spans.get(article_id)
        record = self._version.read_record(span) if span is not None else None
        return record if record is not None and record.get("id") == article_id else None

    def __len__(self) -> int:
        return len(self.articles)
