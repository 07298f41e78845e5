"""The store file: its document tree, written atomically and only when told to, and read
whole or one record at a time.

TinyDB's ``JSONStorage`` truncates and rewrites the file in place on every
insert: a crash mid-write leaves half a file, and a batch of N inserts costs
N full rewrites. This storage keeps the document tree in memory, and
``flush()`` writes it once (``tui.files.atomic_write_bytes``), so readers only
ever see the old or the new file.
"""

from __future__ import annotations

import gc
import os
import threading
from collections import OrderedDict
from pathlib import Path
from typing import Any

import orjson
from tinydb.storages import Storage

from tui.files import UNREADABLE, UnusableFile, atomic_write_bytes, open_regular


def loads_without_gc(raw: bytes) -> Any:
    """``orjson.loads`` with the cycle collector paused: for a 10,000-article store,
    collections triggered on the way double the time (0.35 s → 0.71 s). JSON cannot hold
    cycles, so nothing is left for it to find (and the collector is on again after)."""
    if not gc.isenabled():  # paused by the caller already
        return orjson.loads(raw)
    gc.disable()
    try:
        return orjson.loads(raw)
    finally:
        gc.enable()


def read_tree(path: Path) -> dict[str, dict[str, Any]] | None:
    """Parse the store file; ``None`` when it does not exist."""
    return read_tree_stamped(path)[0]


def _parse_tree(path: Path, raw: bytes) -> dict[str, dict[str, Any]]:
    # An existing file is never taken for a new store, not even an empty one: emptied by
    # a crash of another tool or by `: > store.json`, it is damage to report, not a seed.
    if not raw:
        raise UnusableFile(path, "is empty")
    if raw.isspace():  # (strip() would copy a 100 MB store)
        raise UnusableFile(path, "holds only white space")
    try:
        tree = loads_without_gc(raw)
    except orjson.JSONDecodeError as exc:
        raise UnusableFile(path, f"is not valid JSON ({exc})") from exc
    if not isinstance(tree, dict) or not all(isinstance(t, dict) for t in tree.values()):
        raise UnusableFile(path, "is JSON but not a TinyDB document store")
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
        with open_regular(path) as f:
            stamp = file_stamp(os.fstat(f.fileno()))
            raw = f.read()
    except FileNotFoundError:
        return None, None
    except OSError as exc:
        raise UnusableFile(path, f"cannot be read ({exc.strerror or exc})", UNREADABLE) from exc
    return _parse_tree(path, raw), stamp


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

    def flush(self, keep_previous_as: Path | None = None) -> None:
        """Write the whole tree to disk atomically (one write per batch), keeping the file it
        replaces as ``keep_previous_as`` when given."""
        if self._tree is None:
            self._tree = {}
        payload, self.spans, self.table_spans = serialize_tree(self._tree)
        atomic_write_bytes(self.path, payload, keep_previous_as)
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
        self._file = open_regular(self.path)  # lives as long as this object
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
