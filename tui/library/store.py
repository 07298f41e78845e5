"""The document store: articles, officials, events, the user's tags and notes, and a meta
record in TinyDB.

Reads come from an in-memory copy of the file. Every change happens inside
``Store.write_batch()``, which takes the lock file (so concurrent writers
wait their turn), re-reads the file (so nobody's work is lost), applies the
batch and writes the file once, atomically. The store knows nothing of what
its records mean: creating and seeding a store, deriving its tables and keeping
its search index are the library's (``tui.library.Library``).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from tinydb import TinyDB
from tinydb.table import Document

from tui import __version__
from tui.files import UnusableFile, regular_file, stray_temp_files
from tui.library.backups import backup_name, backups_to_keep, prune_backups, settle_pending_backups
from tui.library.errors import SCHEMA_VERSION, StoreError, open_error, validate_tree
from tui.library.locking import lock_if_free, lock_path, writer_lock
from tui.library.shapes import Unusable
from tui.library.storage import (
    AtomicJSONStorage,
    FileStamp,
    Span,
    file_stamp,
    is_version,
    read_tree_stamped,
    serialize_tree,
)
from tui.library.order import in_date_order, newest_first
from tui.library.usable import sort_out
from tui.paths import default_db_path

# What the user wrote: nothing derives these, so nothing rebuilds them (tui.library.userdata).
USER_TABLES = frozenset({"tags", "notes"})


def now() -> str:
    """The time of a write, as stored (UTC, to the second)."""
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


class Store:
    """One cca-tui store file."""

    def __init__(self, path: Path):
        self.path = regular_file(Path(path))  # a symlink's target: the link survives writes
        self.lock_path = lock_path(self.path)
        self._db: TinyDB | None = None
        self._by_id: dict[str, dict] = {}
        self._by_hash: dict[str, str] = {}
        self._in_batch = False
        # The file version the memory copy came from, and where each article's record
        # sits in it when known (after our own write): the search index file relies on both.
        self.file_stamp: FileStamp | None = None
        self.article_spans: dict[str, Span] | None = None
        self.table_spans: dict[str, Span] | None = None
        # Records set apart because their fields have the wrong types (see shapes.py).
        self.unusable: list[Unusable] = []
        self._set_apart: set[tuple[str, str]] = set()
        self.last_backup: Path | None = None  # kept by the last write

    # -- opening -----------------------------------------------------------

    @classmethod
    def open(cls, path: str | Path | None = None) -> Store:
        """Read the store at ``path``; ``meta`` is None when nothing is there yet (the first
        write creates the file).

        Anything else that is not a readable cca-tui store raises ``StoreError`` (one line,
        naming the file) and is never written over."""
        try:
            store = cls(Path(path) if path else default_db_path())
        except UnusableFile as exc:
            raise open_error(exc) from exc
        store._load()
        store._remove_stray_temp_files()
        return store

    def _load(self) -> None:
        try:
            tree, self.file_stamp = read_tree_stamped(self.path)
        except UnusableFile as exc:
            raise open_error(exc) from exc
        if tree is not None:
            validate_tree(self.path, tree)
        self._db = TinyDB(storage=AtomicJSONStorage, path=self.path, tree=tree)
        self.article_spans = None
        self.table_spans = None
        self._index()

    def _index(self) -> None:
        found = sort_out(self._tree())
        self.unusable, self._set_apart = found.unusable, found.set_apart
        self._by_id, self._by_hash = found.by_id, found.by_hash

    def _current(self) -> bool:
        """True when memory holds the file version on disk: every write replaces the file,
        so an unchanged stamp (size, mtime, inode) means nobody wrote since we read it —
        and re-reading a 10,000-article store under the lock would cost 0.6 s."""
        return self._db is not None and is_version(self.path, self.file_stamp)

    def _remove_stray_temp_files(self) -> None:
        """Delete temp files a killed writer left, unless a live writer holds the lock."""
        if not stray_temp_files(self.path):
            return
        with lock_if_free(self.path) as locked:
            if not locked:
                return  # a writer is at work; its temp file is not stray
            for tmp in stray_temp_files(self.path):
                tmp.unlink(missing_ok=True)
            settle_pending_backups(self.path)

    def reload(self) -> None:
        """Re-read the file (another process may have written it)."""
        self._load()

    @property
    def mtime_ns(self) -> int:
        """Modification stamp of the file, to notice writes by other processes."""
        try:
            return self.path.stat().st_mtime_ns
        except FileNotFoundError:
            return 0

    # -- reading -----------------------------------------------------------

    def _tree(self) -> dict[str, dict[str, Any]]:
        assert self._db is not None
        return self._db.storage.read() or {}  # type: ignore[attr-defined]

    def _table(self, name: str):
        assert self._db is not None
        return self._db.table(name, cache_size=0)

    @property
    def meta(self) -> dict | None:
        docs = self._table("meta").all()
        return dict(docs[0]) if docs else None

    @property
    def revision(self) -> int:
        """How many writes made the version held in memory."""
        return int((self.meta or {}).get("revision", 0))

    def articles(self) -> list[dict]:
        """All articles, newest first (undated last), then by title."""
        return newest_first(self._by_id.values())

    def article(self, article_id: str) -> dict | None:
        return self._by_id.get(article_id)

    def officials(self) -> list[dict]:
        return self._usable("officials")

    def events(self) -> list[dict]:
        return in_date_order(self._usable("events"))

    def _usable(self, name: str) -> list[dict]:
        return list(self.user_records(name).values())

    def user_records(self, name: str) -> dict[str, dict]:
        """The usable records of a table (a user table: ``tags``, ``notes``) by doc id, in
        stored order (a store older than these tables has none)."""
        docs = self._tree().get(name) or {}
        if not self._set_apart:
            return docs
        return {doc_id: doc for doc_id, doc in docs.items() if (name, doc_id) not in self._set_apart}

    def feeds(self) -> list[dict]:
        """The news feeds followed, in the order they were added (a store older than the
        ``feeds`` table has none)."""
        docs = self._tree().get("feeds") or {}
        return [dict(d) for d in docs.values() if isinstance(d, dict) and isinstance(d.get("url"), str)]

    def id_for_hash(self, content_hash: str) -> str | None:
        return self._by_hash.get(content_hash)

    def __len__(self) -> int:
        return len(self._by_id)

    def layout(self) -> tuple[dict[str, Span] | None, dict[str, Span] | None]:
        """Where each article (by id) and each table sits in the file of the version held:
        known after our own write, else worked out when the file is exactly our
        serialization of it; (None, None) when it is not (e.g. edited by hand)."""
        if self.article_spans is not None and self.table_spans is not None:
            return self.article_spans, self.table_spans
        tree = self._tree()
        payload, spans, tables = serialize_tree(tree)
        try:
            with open(self.path, "rb") as f:
                if self.file_stamp is None or file_stamp(os.fstat(f.fileno())) != tuple(self.file_stamp):
                    return None, None
                if f.read() != payload:  # correct, but not ours byte for byte
                    return None, None
        except OSError:
            return None, None
        articles = tree.get("articles", {})
        return {articles[k]["id"]: v for k, v in spans.get("articles", {}).items()}, tables

    # -- writing -----------------------------------------------------------

    @contextmanager
    def write_batch(self) -> Iterator[Batch]:
        """Lock, re-read if another process wrote, apply the batch, write once; nothing is
        written on error."""
        if self._in_batch:
            raise RuntimeError("write batches do not nest")
        with writer_lock(self.path):
            self._in_batch = True
            try:
                for tmp in stray_temp_files(self.path):
                    # We hold the lock: any temp file is a dead writer's.
                    tmp.unlink(missing_ok=True)
                settle_pending_backups(self.path)
                if not self._current():
                    self._load()  # another process wrote since we read: start from its version
                batch = Batch(self)
                yield batch
                if batch.changed:
                    self._write(batch)
            except BaseException:
                # Drop the half-applied batch: memory goes back to what is on disk.
                self._load()
                raise
            finally:
                self._in_batch = False

    def _write(self, batch: Batch) -> None:
        meta = self.meta
        existed = meta is not None and self.file_stamp is not None
        meta = meta or {"schema": SCHEMA_VERSION, "created": now()}
        revision = int(meta.get("revision", 0))
        meta.update(revision=revision + 1, updated=now(), app_version=__version__)
        batch.set_meta(meta)
        keep = backups_to_keep() if existed else 0
        backup = backup_name(self.path, revision) if keep else None
        storage: AtomicJSONStorage = self._db.storage  # type: ignore[union-attr, assignment]
        try:
            storage.flush(keep_previous_as=backup)
        except OSError as exc:
            raise StoreError(
                f"cannot write store {self.path}: {exc.strerror or exc}; the store was left as it was"
            ) from exc
        self.last_backup = backup if backup is not None and backup.exists() else None
        if self.last_backup is not None:
            prune_backups(self.path, keep)
        self.file_stamp = file_stamp(self.path.stat())  # still ours: we hold the lock
        spans = (storage.spans or {}).get("articles", {})
        tree_articles = self._tree().get("articles", {})
        self.article_spans = {
            tree_articles[k]["id"]: v for k, v in spans.items() if ("articles", k) not in self._set_apart
        }
        self.table_spans = storage.table_spans


class Batch:
    """The operations allowed inside ``Store.write_batch``: the only way the store changes.

    It notes what it did to the articles (``added``, ``replaced``), so that whoever keeps
    the derived tables and the search index knows what to bring up to date."""

    def __init__(self, store: Store):
        self.store = store
        self.changed = False
        self.added: list[str] = []  # ids of the articles added
        self.replaced = False  # stored articles changed or went
        self.touched: set[str] = set()  # the tables changed (the meta record at the end aside)

    @property
    def user_data_only(self) -> bool:
        """Whether it changed only tags or notes: nothing derived needs doing again."""
        return bool(self.touched) and self.touched <= USER_TABLES

    def set_meta(self, meta: dict) -> None:
        table = self.store._table("meta")
        table.truncate()
        table.insert(meta)
        if not self.changed:  # the write's own revision stamp is not a change of its own
            self.touched.add("meta")
        self.changed = True

    def add_articles(self, records: Iterable[dict]) -> tuple[list[str], list[tuple[dict, str]]]:
        """Store new articles; returns (added ids, [(record, reason skipped)])."""
        store = self.store
        added: list[str] = []
        skipped: list[tuple[dict, str]] = []
        fresh: list[dict] = []
        # A record set apart keeps its id: the repair that rebuilds it must not find it taken.
        taken = dict.fromkeys(store._by_id)
        taken.update(dict.fromkeys(u.record.get("id") for u in store.unusable if isinstance(u.record, dict)))
        for record in records:
            existing = store._by_hash.get(record["content_hash"])
            if existing:
                skipped.append((record, f"already stored as {existing}"))
                continue
            record = dict(record, id=unique_id(record["id"], taken), ingested=now())
            taken[record["id"]] = None
            store._by_id[record["id"]] = record
            store._by_hash[record["content_hash"]] = record["id"]
            fresh.append(record)
            added.append(record["id"])
        if fresh:
            # insert_multiple: one table rebuild for the batch, not one per article.
            store._table("articles").insert_multiple(fresh)
            self.changed = True
            self.touched.add("articles")
        self.added.extend(added)
        return added, skipped

    def update_articles(self, records: Iterable[dict]) -> None:
        """Replace stored articles (same ids) with new versions, e.g. re-extracted facts."""
        by_id = {r["id"]: r for r in records}
        if not by_id:
            return
        docs = self.store._tree().get("articles") or {}
        self.replace_records("articles", {
            doc_id: by_id[doc["id"]] for doc_id, doc in docs.items()
            if ("articles", doc_id) not in self.store._set_apart and doc["id"] in by_id
        })

    def replace_records(self, table_name: str, records: dict[str, dict]) -> None:
        """Put ``records`` in place of the records of ``table_name`` with those doc ids (the
        others stay as they are, in their places)."""
        if not records:
            return
        table = self.store._table(table_name)
        keep = [Document(records.get(str(doc.doc_id), doc), doc.doc_id) for doc in table.all()]
        table.truncate()
        table.insert_multiple(keep)
        self.store._index()
        self.changed = True
        self.touched.add(table_name)
        self.replaced = self.replaced or table_name == "articles"

    def add_records(self, table_name: str, records: list[dict]) -> None:
        """Add ``records`` to ``table_name`` (a user table: ``tags``, ``notes``)."""
        if not records:
            return
        self.store._table(table_name).insert_multiple(records)
        self.changed = True
        self.touched.add(table_name)

    def remove_records(self, table_name: str, doc_ids: list[str]) -> None:
        """Take the records with these doc ids out of ``table_name``."""
        if not doc_ids:
            return
        self.store._table(table_name).remove(doc_ids=[int(d) for d in doc_ids])
        self.store._index()
        self.changed = True
        self.touched.add(table_name)
        self.replaced = self.replaced or table_name == "articles"

    def set_feeds(self, feeds: list[dict]) -> None:
        """Replace the followed feeds (with their validators and seen entries)."""
        table = self.store._table("feeds")
        table.truncate()
        table.insert_multiple(feeds)
        self.changed = True
        self.touched.add("feeds")

    def replace_derived(self, officials: list[dict], events: list[dict]) -> None:
        """Swap in freshly merged officials and events."""
        for name, rows in (("officials", officials), ("events", events)):
            table = self.store._table(name)
            table.truncate()
            table.insert_multiple(rows)
        self.changed = True
        self.touched.update(("officials", "events"))


def unique_id(wanted: str, taken: dict[str, Any]) -> str:
    """``wanted``, or ``wanted-2``, ``wanted-3``… whichever is free."""
    if wanted not in taken:
        return wanted
    n = 2
    while f"{wanted}-{n}" in taken:
        n += 1
    return f"{wanted}-{n}"


def plural(n: int, noun: str) -> str:
    """``1 article``, ``2 articles``."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"
