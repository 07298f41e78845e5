"""The document store: articles, officials, events and a meta record in TinyDB.

Reads come from an in-memory copy of the file. Every change happens inside
``Store.write_batch()``, which takes the lock file (so concurrent writers
wait their turn), re-reads the file (so nobody's work is lost), applies the
batch and writes the file once, atomically.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from tinydb import TinyDB

from tui import __version__
from tui.paths import default_db_path
from tui.storage import (
    AtomicJSONStorage,
    FileStamp,
    Span,
    StoreFileError,
    back_up,
    file_stamp,
    is_version,
    read_tree_stamped,
    stray_temp_files,
)

SCHEMA_VERSION = 1
TABLES = ("articles", "officials", "events")
DEFAULT_LOCK_TIMEOUT = 30.0
DEFAULT_BACKUPS = 5


class StoreError(Exception):
    """A store problem to report to the user in one line."""


class StoreLocked(StoreError):
    """Another process held the lock for longer than we were willing to wait."""


def lock_timeout() -> float:
    """Seconds a writer waits for the lock (``CCA_TUI_LOCK_TIMEOUT``)."""
    try:
        return float(os.environ.get("CCA_TUI_LOCK_TIMEOUT", DEFAULT_LOCK_TIMEOUT))
    except ValueError:
        return DEFAULT_LOCK_TIMEOUT


def backups_to_keep() -> int:
    """How many rotating backups to keep (``CCA_TUI_BACKUPS``; 0 turns them off)."""
    try:
        return max(0, int(os.environ.get("CCA_TUI_BACKUPS", DEFAULT_BACKUPS)))
    except ValueError:
        return DEFAULT_BACKUPS


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def newest_first(articles: Iterable[dict]) -> list[dict]:
    """Articles newest first (undated last), then by title: the order every list shows."""
    by_title = sorted(articles, key=lambda a: (a.get("title") or "").casefold())
    newest = sorted(by_title, key=lambda a: a.get("published") or "", reverse=True)
    return [a for a in newest if a.get("published")] + [a for a in newest if not a.get("published")]


def in_date_order(events: Iterable[dict]) -> list[dict]:
    """Timeline events oldest first, then by id."""
    return sorted(events, key=lambda e: (e.get("date") or "", e.get("id", "")))


class Store:
    """One cca-tui store file."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self.lock_path = self.path.with_name(self.path.name + ".lock")
        self._db: TinyDB | None = None
        self._by_id: dict[str, dict] = {}
        self._by_hash: dict[str, str] = {}
        self._in_batch = False
        # The file version the memory copy came from, and where each article's record
        # sits in it when known (after our own write): the search index file relies on both.
        self.file_stamp: FileStamp | None = None
        self.article_spans: dict[str, Span] | None = None
        self.table_spans: dict[str, Span] | None = None

    # -- opening -----------------------------------------------------------

    @classmethod
    def open(cls, path: str | Path | None = None, *, seed: bool = True) -> Store:
        """Open the store at ``path``; create (and seed) it when it does not exist."""
        store = cls(Path(path) if path else default_db_path())
        store._load()
        store._remove_stray_temp_files()
        if store.meta is None:
            store._create(seed=seed)
        return store

    def _load(self) -> None:
        try:
            tree, self.file_stamp = read_tree_stamped(self.path)
        except StoreFileError as exc:
            raise StoreError(
                f"cannot open store {exc.path}: it {exc.reason}; the file was left untouched"
            ) from exc
        # A big store is millions of long-lived objects: without this, every full
        # collection walks them all (0.15 s while indexing them below; tens of ms in the
        # middle of a search). The tree holds no reference cycles, so refcounting still
        # frees it after a reload.
        gc.freeze()
        if tree is not None:
            validate_tree(self.path, tree)
        self._db = TinyDB(storage=AtomicJSONStorage, path=self.path, tree=tree)
        self.article_spans = None
        self.table_spans = None
        self._index()

    def _index(self) -> None:
        self._by_id = {doc["id"]: doc for doc in self._table("articles").all()}
        self._by_hash = {
            doc["content_hash"]: doc["id"] for doc in self._by_id.values() if doc.get("content_hash")
        }

    def _current(self) -> bool:
        """True when memory holds the file version on disk: every write replaces the file,
        so an unchanged stamp (size, mtime, inode) means nobody wrote since we read it —
        and re-reading a 10,000-article store under the lock would cost 0.6 s."""
        return self._db is not None and is_version(self.path, self.file_stamp)

    def _remove_stray_temp_files(self) -> None:
        """Delete temp files a killed writer left, unless a live writer holds the lock."""
        if not stray_temp_files(self.path):
            return
        from filelock import FileLock, Timeout  # only writers and clean-ups: ~20 ms off every start

        lock = FileLock(str(self.lock_path), timeout=0)
        try:
            lock.acquire()
        except Timeout:
            return  # a writer is at work; its temp file is not stray
        try:
            for tmp in stray_temp_files(self.path):
                tmp.unlink(missing_ok=True)
        finally:
            lock.release()

    def _create(self, *, seed: bool) -> None:
        with self.write_batch() as batch:
            if self.meta is not None:  # another process created it while we waited
                return
            batch.set_meta({"schema": SCHEMA_VERSION, "created": _now()})
        if seed:
            # Imported here: the ingest pipeline itself depends on the store.
            from tui.importer import ingest_paths
            from tui.paths import seed_dir

            ingest_paths(self, [seed_dir()])

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

    def _table(self, name: str):
        assert self._db is not None
        return self._db.table(name, cache_size=0)

    @property
    def meta(self) -> dict | None:
        docs = self._table("meta").all()
        return dict(docs[0]) if docs else None

    def articles(self) -> list[dict]:
        """All articles, newest first (undated last), then by title."""
        return newest_first(self._by_id.values())

    def article(self, article_id: str) -> dict | None:
        return self._by_id.get(article_id)

    def officials(self) -> list[dict]:
        return list(self._table("officials").all())

    def events(self) -> list[dict]:
        return in_date_order(self._table("events").all())

    def id_for_hash(self, content_hash: str) -> str | None:
        return self._by_hash.get(content_hash)

    def __len__(self) -> int:
        return len(self._by_id)

    # -- writing -----------------------------------------------------------

    @contextmanager
    def write_batch(self) -> Iterator[Batch]:
        """Lock, re-read if another process wrote, apply the batch, write once; nothing is
        written on error."""
        if self._in_batch:
            raise RuntimeError("write batches do not nest")
        from filelock import FileLock, Timeout  # only writers: ~20 ms off every start

        lock = FileLock(str(self.lock_path), timeout=lock_timeout())
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            lock.acquire()
        except Timeout as exc:
            raise StoreLocked(
                f"store {self.path} is locked by another cca-tui process "
                f"(waited {lock_timeout():g} s); try again when it has finished"
            ) from exc
        self._in_batch = True
        try:
            for tmp in stray_temp_files(self.path):
                # We hold the lock: any temp file is a dead writer's.
                tmp.unlink(missing_ok=True)
            if not self._current():
                self._load()  # another process wrote since we read: start from its version
            batch = Batch(self)
            yield batch
            if batch.changed:
                meta = self.meta or {"schema": SCHEMA_VERSION, "created": _now()}
                meta.update(
                    revision=int(meta.get("revision", 0)) + 1,
                    updated=_now(),
                    app_version=__version__,
                )
                batch.set_meta(meta)
                # Sortable, unique per write: revision first, then the time.
                stamp = f"{meta['revision']:08d}-{datetime.now(timezone.utc):%Y%m%dT%H%M%S}"
                back_up(self.path, backups_to_keep(), stamp)
                self._storage.flush()
                self.file_stamp = file_stamp(self.path.stat())  # still ours: we hold the lock
                spans = (self._storage.spans or {}).get("articles", {})
                tree_articles = (self._storage.read() or {}).get("articles", {})
                self.article_spans = {tree_articles[k]["id"]: v for k, v in spans.items()}
                self.table_spans = self._storage.table_spans
        except BaseException:
            # Drop the half-applied batch: memory goes back to what is on disk.
            self._load()
            raise
        finally:
            self._in_batch = False
            lock.release()

    @property
    def _storage(self) -> AtomicJSONStorage:
        assert self._db is not None
        return self._db.storage  # type: ignore[return-value]


class Batch:
    """The operations allowed inside ``Store.write_batch``."""

    def __init__(self, store: Store):
        self.store = store
        self.changed = False

    def set_meta(self, meta: dict) -> None:
        table = self.store._table("meta")
        table.truncate()
        table.insert(meta)
        self.changed = True

    def add_articles(self, records: Iterable[dict]) -> tuple[list[str], list[tuple[dict, str]]]:
        """Store new articles; returns (added ids, [(record, reason skipped)])."""
        store = self.store
        added: list[str] = []
        skipped: list[tuple[dict, str]] = []
        fresh: list[dict] = []
        for record in records:
            existing = store._by_hash.get(record["content_hash"])
            if existing:
                skipped.append((record, f"already stored as {existing}"))
                continue
            record = dict(record, id=unique_id(record["id"], store._by_id), ingested=_now())
            store._by_id[record["id"]] = record
            store._by_hash[record["content_hash"]] = record["id"]
            fresh.append(record)
            added.append(record["id"])
        if fresh:
            # insert_multiple: one table rebuild for the batch, not one per article.
            store._table("articles").insert_multiple(fresh)
            self.changed = True
        return added, skipped

    def update_articles(self, records: Iterable[dict]) -> None:
        """Replace stored articles (same ids) with new versions, e.g. re-extracted facts."""
        by_id = {r["id"]: r for r in records}
        if not by_id:
            return
        table = self.store._table("articles")
        keep = [dict(by_id.get(doc["id"], doc)) for doc in table.all()]
        table.truncate()
        table.insert_multiple(keep)
        self.store._index()
        self.changed = True

    def replace_derived(self, officials: list[dict], events: list[dict]) -> None:
        """Swap in freshly merged officials and events."""
        for name, rows in (("officials", officials), ("events", events)):
            table = self.store._table(name)
            table.truncate()
            table.insert_multiple(rows)
        self.changed = True


def unique_id(wanted: str, taken: dict[str, Any]) -> str:
    """``wanted``, or ``wanted-2``, ``wanted-3``… whichever is free."""
    if wanted not in taken:
        return wanted
    n = 2
    while f"{wanted}-{n}" in taken:
        n += 1
    return f"{wanted}-{n}"


def validate_tree(path: Path, tree: dict) -> None:
    meta_table = tree.get("meta") or {}
    if not meta_table:
        if any(tree.get(t) for t in TABLES):
            raise StoreError(f"cannot open store {path}: it has no meta record; the file was left untouched")
        return
    meta = next(iter(meta_table.values()))
    schema = meta.get("schema") if isinstance(meta, dict) else None
    if not isinstance(schema, int):
        raise StoreError(f"cannot open store {path}: its meta record has no schema version; the file was left untouched")
    if schema > SCHEMA_VERSION:
        raise StoreError(
            f"cannot open store {path}: schema {schema} is newer than this cca-tui understands "
            f"({SCHEMA_VERSION}); upgrade cca-tui"
        )
    for name in TABLES:
        for doc_id, doc in (tree.get(name) or {}).items():
            if not isinstance(doc, dict):
                raise StoreError(f"cannot open store {path}: {name} record {doc_id} is not an object")
            if name == "articles" and not isinstance(doc.get("id"), str):
                raise StoreError(f"cannot open store {path}: article record {doc_id} has no id")

