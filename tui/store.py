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
from pathlib import Path

from tinydb import TinyDB

from tui import __version__
from tui.backups import backup_name, prune_backups, settle_pending_backups
from tui.batch import Batch, now, unique_id  # noqa: F401 — Batch and unique_id re-exported
from tui.paths import default_db_path
from tui.shapes import Unusable, misfits
from tui.storage import (
    AtomicJSONStorage,
    FileStamp,
    Span,
    StoreFileError,
    file_stamp,
    is_version,
    read_tree_stamped,
    store_file,
    stray_temp_files,
)
from tui.store_errors import (  # noqa: F401 — re-exported: what callers catch
    SCHEMA_VERSION,
    StoreDamaged,
    StoreError,
    StoreLocked,
    StoreTooNew,
    StoreUnreadable,
    _open_error,
    check_store_path,
    validate_tree,
)

TABLES = ("articles", "officials", "events")
DEFAULT_LOCK_TIMEOUT = 30.0
DEFAULT_BACKUPS = 5


@contextmanager
def writer_lock(path: Path) -> Iterator[None]:
    """Hold the store's writer lock (``store.json.lock`` beside the file) meanwhile."""
    from filelock import FileLock, Timeout  # only writers: ~20 ms off every start

    lock = FileLock(str(path.with_name(path.name + ".lock")), timeout=lock_timeout())
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        lock.acquire()
    except Timeout as exc:
        raise StoreLocked(
            f"store {path} is locked by another cca-tui process "
            f"(waited {lock_timeout():g} s); try again when it has finished"
        ) from exc
    except OSError as exc:
        raise StoreError(f"cannot lock store {path}: {exc.strerror or exc}") from exc
    try:
        yield
    finally:
        lock.release()


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
        self.path = store_file(Path(path))  # a symlink's target: the link survives writes
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
        # Records set apart because their fields have the wrong types (see tui/shapes.py).
        self.unusable: list[Unusable] = []
        self._set_apart: set[tuple[str, str]] = set()
        self.created = False  # by this open()
        self.last_backup: Path | None = None  # kept by the last write

    # -- opening -----------------------------------------------------------

    @classmethod
    def open(cls, path: str | Path | None = None, *, seed: bool = True, create: bool = True) -> Store:
        """Open the store at ``path``; create (and seed) it only when nothing is there.

        Anything else that is not a readable cca-tui store raises ``StoreError`` (one line,
        naming the file) and is never written over."""
        try:
            store = cls(Path(path) if path else default_db_path())
        except StoreFileError as exc:
            raise _open_error(exc) from exc
        store._load()
        store._remove_stray_temp_files()
        if store.meta is None:
            if not create:
                raise StoreError(f"no store at {store.path}")
            store._create(seed=seed)
        return store

    def notices(self, *, unusable: bool = True) -> list[str]:
        """What a user should hear about this store, one line each: that it was just
        created (a typo in --db must not pass unnoticed), and (with ``unusable``) the
        records set apart."""
        lines = []
        if self.created:
            what = f"seeded with {plural(len(self), 'article')}" if len(self) else "empty"
            lines.append(f"created a new store at {self.path} ({what})")
        if unusable and self.unusable:
            shown = "; ".join(u.describe() for u in self.unusable[:2])
            more = f"; and {len(self.unusable) - 2} more" if len(self.unusable) > 2 else ""
            lines.append(
                f"{len(self.unusable)} record(s) in {self.path} cannot be used and are left out: "
                f"{shown}{more} (`cca-tui db check` lists them, `cca-tui db repair` rebuilds them)"
            )
        return lines

    def _load(self) -> None:
        try:
            tree, self.file_stamp = read_tree_stamped(self.path)
        except StoreFileError as exc:
            raise _open_error(exc) from exc
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
        tree = self._storage.read() or {}
        self.unusable = []
        for name in TABLES:
            docs = tree.get(name) or {}
            for doc_id, found in misfits(name, docs).items():
                self.unusable.append(Unusable(name, doc_id, docs[doc_id], tuple(found)))
        set_apart = {(u.table, u.doc_id) for u in self.unusable}
        self._by_id = {}
        for doc_id, doc in (tree.get("articles") or {}).items():
            if ("articles", doc_id) in set_apart:
                continue
            if doc["id"] in self._by_id:
                u = Unusable("articles", doc_id, doc, (f"its id {doc['id']} is the id of another article",))
                self.unusable.append(u)
                continue
            self._by_id[doc["id"]] = doc
        self._set_apart = {(u.table, u.doc_id) for u in self.unusable}
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
            settle_pending_backups(self.path)
        finally:
            lock.release()

    def _create(self, *, seed: bool) -> None:
        # One write, seed included: no backup of an empty store that was never used.
        # Imported here: the ingest pipeline itself depends on the store.
        from tui.derive import rebuild_derived
        from tui.importer import parse_files
        from tui.paths import seed_dir
        from tui.search.persist import rebuild_index

        records = parse_files([seed_dir()])[0] if seed else []
        with self.write_batch() as batch:
            if self.meta is not None:  # another process created it while we waited
                return
            batch.set_meta({"schema": SCHEMA_VERSION, "created": now()})
            if records:
                batch.add_articles(records)
                rebuild_derived(batch)
        self.created = True
        rebuild_index(self)  # the next start is the fast one

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
        return self._usable("officials")

    def events(self) -> list[dict]:
        return in_date_order(self._usable("events"))

    def _usable(self, name: str) -> list[dict]:
        docs = (self._storage.read() or {}).get(name) or {}
        if not self.unusable:
            return list(docs.values())
        return [doc for doc_id, doc in docs.items() if (name, doc_id) not in self._set_apart]

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
        try:
            self._storage.flush(keep_previous_as=backup)
        except OSError as exc:
            raise StoreError(
                f"cannot write store {self.path}: {exc.strerror or exc}; the store was left as it was"
            ) from exc
        self.last_backup = backup if backup is not None and backup.exists() else None
        if self.last_backup is not None:
            prune_backups(self.path, keep)
        self.file_stamp = file_stamp(self.path.stat())  # still ours: we hold the lock
        spans = (self._storage.spans or {}).get("articles", {})
        tree_articles = (self._storage.read() or {}).get("articles", {})
        self.article_spans = {
            tree_articles[k]["id"]: v for k, v in spans.items() if ("articles", k) not in self._set_apart
        }
        self.table_spans = self._storage.table_spans

    @property
    def _storage(self) -> AtomicJSONStorage:
        assert self._db is not None
        return self._db.storage  # type: ignore[return-value]


def plural(n: int, noun: str) -> str:
    """``1 article``, ``2 articles``."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


