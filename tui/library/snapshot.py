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

from tui.files import UnusableFile, regular_file
from tui.library import codec, indexing, userdata
from tui.library.contents import Contents
from tui.library.index_file import SavedIndex
from tui.library.shapes import misfits
from tui.library.storage import Span, StoreFileVersion
from tui.library.order import in_date_order, newest_first
from tui.records import Article

# Tables the explorer shows besides the articles (a store without any has no key for it).
TABLES = ("officials", "events", "tags", "notes")


class Snapshot(Contents):
    """Articles (headings), officials, events and the search index of one store file version."""

    def __init__(self, version: StoreFileVersion, saved: SavedIndex, tables: dict[str, list[dict]]):
        self._version = version
        self._spans: dict[str, Span] = {record["id"]: span for record, span in zip(saved.records, saved.spans or ())}
        officials, events = codec.officials(tables["officials"]), codec.events(in_date_order(tables["events"]))
        tags, notes = userdata.read_tables(tables["tags"], tables["notes"])
        spans = self._spans

        def annotations():
            return userdata.annotations(tags, notes, officials, events, spans)

        super().__init__(codec.headings(newest_first(saved.records)), officials, events, saved.index,
                         self._full_record, version.stamp[1], annotations)

    @property
    def path(self) -> Path:
        return self._version.path

    @classmethod
    def open(cls, path: Path) -> Snapshot | None:
        """The view of the store at ``path`` as it is now; None when its index cannot give one."""
        if os.name == "nt":
            return None  # Windows cannot replace a file another process holds open: ingest would fail
        try:
            version = StoreFileVersion(regular_file(path))
        except (OSError, UnusableFile):
            return None  # the caller opens the store, which says what is wrong
        snapshot = cls._from_version(version)
        if snapshot is None:
            version.close()
        return snapshot

    @classmethod
    def _from_version(cls, version: StoreFileVersion) -> Snapshot | None:
        saved = indexing.saved_for_version(version)
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
        return cls(version, saved, tables)

    def _full_record(self, article_id: str) -> Article | None:
        """The full record of an article, read from the file; None when it is not in this
        version or cannot be read."""
        span = self._spans.get(article_id)
        doc = self._version.read_record(span) if span is not None else None
        return codec.article(doc) if doc is not None and doc.get("id") == article_id else None
