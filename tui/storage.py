"""A TinyDB storage that writes atomically and only when told to.

TinyDB's ``JSONStorage`` truncates and rewrites the file in place on every
insert: a crash mid-write leaves half a file, and a batch of N inserts costs
N full rewrites. This storage keeps the document tree in memory, and
``flush()`` writes it once — to a temp file in the same folder, fsynced, then
``os.replace``d over the store — so readers only ever see the old or the new
file.
"""

from __future__ import annotations

import gc
import os
import tempfile
import threading
from collections import OrderedDict
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import orjson
from tinydb.storages import Storage

TEMP_PREFIX = "."
TEMP_SUFFIX = ".tmp"


class StoreFileError(Exception):
    """The store file exists but cannot be read as a cca-tui store."""

    def __init__(self, path: Path, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


@contextmanager
def gc_paused() -> Iterator[None]:
    """The cycle collector off meanwhile: building millions of acyclic containers (a parsed
    store, the explorer's indexes over it) triggers collections that walk them all again
    and again, and find nothing."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def loads_without_gc(raw: bytes) -> Any:
    """``orjson.loads`` with the cycle collector paused: for a 10,000-article store,
    collections triggered on the way double the time (0.35 s → 0.71 s). JSON cannot hold
    cycles, so nothing is left for it to find."""
    with gc_paused():
        return orjson.loads(raw)


def read_tree(path: Path) -> dict[str, dict[str, Any]] | None:
    """Parse the store file; ``None`` when it does not exist or is empty."""
    return read_tree_stamped(path)[0]


def _parse_tree(path: Path, raw: bytes) -> dict[str, dict[str, Any]] | None:
    if not raw or raw.isspace():  # (strip() would copy a 100 MB store)
        return None
    try:
        tree = loads_without_gc(raw)
    except orjson.JSONDecodeError as exc:
        raise StoreFileError(path, f"is not valid JSON ({exc})") from exc
    if not isinstance(tree, dict) or not all(isinstance(t, dict) for t in tree.values()):
        raise StoreFileError(path, "is JSON but not a TinyDB document store")
    return tree


Span = tuple[int, int]


def serialize_tree(tree: dict[str, dict[str, Any]]) -> tuple[bytes, dict[str, dict[str, Span]], dict[str, Span]]:
    """The store file's bytes for ``tree`` (the same as ``orjson.dumps(tree)``), and where each
    record sits in them: ``{table: {doc_id: (start, end)}}``, and each whole table
    ``{table: (start, end)}`` (its ``{...}``), so a reader can parse one record or one table
    without parsing the file."""
    parts: list[bytes] = [b"{"]
    pos = 1
    spans: dict[str, dict[str, Span]] = {}
    tables: dict[str, Span] = {}
    for t, (table_name, table) in enumerate(tree.items()):
        head = (b"," if t else b"") + orjson.dumps(table_name) + b":{"
        parts.append(head)
        pos += len(head)
        table_start = pos - 1
        where = spans[table_name] = {}
        for d, (doc_id, doc) in enumerate(table.items()):
            key = (b"," if d else b"") + orjson.dumps(doc_id) + b":"
            body = orjson.dumps(doc)
            parts.append(key)
            parts.append(body)
            pos += len(key)
            where[doc_id] = (pos, pos + len(body))
            pos += len(body)
        parts.append(b"}")
        pos += 1
        tables[table_name] = (table_start, pos)
    parts.append(b"}")
    return b"".join(parts), spans, tables


FileStamp = tuple[int, int, int]


def file_stamp(stat: os.stat_result) -> FileStamp:
    """What identifies one version of the store file: size, modification time, inode.

    Every write replaces the file (a new inode, a new mtime), so a stamp that still
    matches means the very bytes that were read."""
    return (stat.st_size, stat.st_mtime_ns, stat.st_ino)


def is_version(path: Path, stamp: FileStamp | None) -> bool:
    """True when the file at ``path`` is still the version ``stamp`` names (see ``file_stamp``)."""
    if stamp is None:
        return False
    try:
        return file_stamp(path.stat()) == tuple(stamp)
    except OSError:
        return False


def read_tree_stamped(path: Path) -> tuple[dict[str, dict[str, Any]] | None, FileStamp | None]:
    """``read_tree`` plus the stamp of the file version that was read."""
    try:
        with open(path, "rb") as f:
            stamp = file_stamp(os.fstat(f.fileno()))
            raw = f.read()
    except FileNotFoundError:
        return None, None
    except OSError as exc:
        raise StoreFileError(path, f"cannot be read ({exc.strerror or exc})") from exc
    return _parse_tree(path, raw), stamp


def atomic_write_bytes(path: Path, payload: bytes) -> None:
    """Write ``payload`` to ``path`` so that a crash leaves the old or the new file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(
        prefix=f"{TEMP_PREFIX}{path.name}.", suffix=TEMP_SUFFIX, dir=path.parent
    )
    try:
        with os.fdopen(fd, "wb") as tmp:
            tmp.write(payload)
            tmp.flush()
            os.fsync(tmp.fileno())
        os.replace(tmp_name, path)
    except BaseException:
        # Never leave the half-written temp behind on an error we see.
        try:
            os.unlink(tmp_name)
        except FileNotFoundError:
            pass
        raise
    _fsync_dir(path.parent)


def _fsync_dir(folder: Path) -> None:
    # The rename itself must reach the disk too; not every OS allows this.
    try:
        dir_fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(dir_fd)
    except OSError:
        pass
    finally:
        os.close(dir_fd)


def backup_dir(path: Path) -> Path:
    """Folder of rotating backups beside the store: ``store.json.backups/``."""
    return path.with_name(path.name + ".backups")


def backups(path: Path) -> list[Path]:
    """Backups of the store, newest first."""
    return sorted(backup_dir(path).glob(f"{path.stem}-*.json"), reverse=True)


def back_up(path: Path, keep: int, stamp: str) -> Path | None:
    """Keep the current store file as a backup, pruning to the newest ``keep``."""
    if keep <= 0 or not path.exists():
        return None
    folder = backup_dir(path)
    folder.mkdir(exist_ok=True)
    target = folder / f"{path.stem}-{stamp}.json"
    try:
        # A hard link costs nothing: the next write replaces the store's
        # name with a new file, and the link keeps the old one.
        os.link(path, target)
    except FileExistsError:
        pass
    except OSError:
        atomic_write_bytes(target, path.read_bytes())
    for old in backups(path)[keep:]:
        old.unlink(missing_ok=True)
    return target


def stray_temp_files(path: Path) -> list[Path]:
    """Temp files a killed writer may have left beside the store."""
    return sorted(path.parent.glob(f"{TEMP_PREFIX}{path.name}.*{TEMP_SUFFIX}"))


class AtomicJSONStorage(Storage):
    """In-memory TinyDB storage with an explicit, atomic ``flush``."""

    def __init__(self, path: str | Path, tree: dict | None = None):
        self.path = Path(path)
        self._tree = tree
        self.dirty = False
        self.spans: dict[str, dict[str, Span]] | None = None  # of the last flush
        self.table_spans: dict[str, Span] | None = None

    def read(self) -> dict[str, dict[str, Any]] | None:
        if self._tree is None:
            self._tree = read_tree(self.path)
        return self._tree

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        # Deferred: the store flushes once per batch.
        self._tree = data
        self.dirty = True

    def flush(self) -> None:
        """Write the whole tree to disk atomically (one write per batch)."""
        if self._tree is None:
            self._tree = {}
        payload, self.spans, self.table_spans = serialize_tree(self._tree)
        atomic_write_bytes(self.path, payload)
        self.dirty = False

    def close(self) -> None:
        # Writes happen only through flush(); closing discards nothing on disk.
        pass


RECORDS_KEPT = 16


class StoreFileVersion:
    """One version of the store file, held open to read single records or tables by their
    byte spans (from ``serialize_tree``) without parsing the rest.

    The descriptor keeps that exact version readable even after a writer replaces the
    file (writers always replace, never rewrite in place). Plain reads rather than
    ``mmap``: a file shortened under us gives a short read, not a SIGBUS.
    """

    def __init__(self, path: Path):
        self.path = Path(path)
        self._file = open(self.path, "rb")  # noqa: SIM115 — lives as long as this object
        self._lock = threading.Lock()  # seek + read is one step (os.pread is not on Windows)
        # A plain dict, not functools.lru_cache on a method: that would make a reference cycle,
        # and a cycle the explorer has gc.freeze()d is never collected (nor this file closed).
        self._records: OrderedDict[Span, dict | None] = OrderedDict()
        self._records_lock = threading.Lock()  # searches read hits from worker threads
        try:
            self.stamp: FileStamp = file_stamp(os.fstat(self._file.fileno()))
        except OSError:
            self._file.close()
            raise

    def read_record(self, span: Span) -> dict | None:
        """The record (JSON object) at ``span``; None when it is not one. The last few are
        kept: the reader and its hit paragraphs ask for the same article in turn."""
        span = tuple(span)
        with self._records_lock:
            if span in self._records:
                self._records.move_to_end(span)
                return self._records[span]
        record = self.read(span)
        record = record if isinstance(record, dict) else None
        with self._records_lock:
            self._records[span] = record
            if len(self._records) > RECORDS_KEPT:
                self._records.popitem(last=False)
        return record

    def read(self, span: Span) -> Any:
        """The JSON value at ``span``; None when it cannot be read or parsed."""
        start, end = span
        try:
            with self._lock:
                self._file.seek(start)
                data = self._file.read(end - start)
            return loads_without_gc(data) if len(data) == end - start else None
        except (OSError, ValueError):  # orjson.JSONDecodeError is a ValueError
            return None

    def close(self) -> None:
        self._file.close()

    def __del__(self) -> None:
        try:
            self._file.close()
        except Exception:  # noqa: BLE001 — interpreter shutdown
            pass
