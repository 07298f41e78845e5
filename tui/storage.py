"""A TinyDB storage that writes atomically and only when told to.

TinyDB's ``JSONStorage`` truncates and rewrites the file in place on every
insert: a crash mid-write leaves half a file, and a batch of N inserts costs
N full rewrites. This storage keeps the document tree in memory, and
``flush()`` writes it once — to a temp file in the same folder, fsynced, then
``os.replace``d over the store — so readers only ever see the old or the new
file.
"""

from __future__ import annotations

import errno
import gc
import os
import signal
import stat
import tempfile
import threading
import time
from collections import OrderedDict
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import orjson
from tinydb.storages import Storage

TEMP_PREFIX = "."
TEMP_SUFFIX = ".tmp"


DAMAGED, UNREADABLE, NOT_A_FILE = "damaged", "unreadable", "not a file"


class StoreFileError(Exception):
    """The store file exists but cannot be read as a cca-tui store.

    ``kind`` says what can be done: a ``DAMAGED`` file (not JSON, not a store) can be
    replaced by a backup; an ``UNREADABLE`` one (permissions, I/O) or something that is
    ``NOT_A_FILE`` (a folder, a FIFO, a device) must be left alone."""

    def __init__(self, path: Path, reason: str, kind: str = DAMAGED):
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason
        self.kind = kind


def fault_point(name: str) -> None:
    """Stop this process here (SIGSTOP) when ``$CCA_TUI_STOP_AT`` names this point.

    For the crash tests: they wait until the process has stopped, then ``kill -9`` it,
    so every named moment of a write can be hit exactly, not by timing."""
    if os.environ.get("CCA_TUI_STOP_AT") == name and hasattr(signal, "SIGSTOP"):
        os.kill(os.getpid(), signal.SIGSTOP)


def _kind_of(mode: int) -> str | None:
    """What a non-regular file is, in a word; None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    for test, name in ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a FIFO (named pipe)"),
                       (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
                       (stat.S_ISSOCK, "a socket")):
        if test(mode):
            return name
    return "not a regular file"


def store_file(path: Path) -> Path:
    """The file a store at ``path`` lives in: ``path`` itself, or the file its symlink names
    (so a write replaces the target and the link stays). Raises ``StoreFileError`` at once
    when something other than a regular file is there (a folder, a FIFO that would block
    every read, a device that a write would replace)."""
    path = Path(path)
    if path.is_symlink():
        path = Path(os.path.realpath(path))
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return path
    except OSError as exc:
        raise StoreFileError(path, f"cannot be read ({exc.strerror or exc})", UNREADABLE) from exc
    kind = _kind_of(mode)
    if kind is not None:
        raise StoreFileError(path, f"is {kind}, not a store file", NOT_A_FILE)
    return path


def open_regular(path: Path):
    """``open(path, "rb")`` that never blocks on a FIFO and refuses anything that is not a
    regular file (``StoreFileError``); ``FileNotFoundError`` when nothing is there."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise
    except OSError as exc:
        raise StoreFileError(Path(path), f"cannot be read ({exc.strerror or exc})", UNREADABLE) from exc
    try:
        kind = _kind_of(os.fstat(fd).st_mode)
        if kind is not None:
            raise StoreFileError(Path(path), f"is {kind}, not a store file", NOT_A_FILE)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


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
    """Parse the store file; ``None`` when it does not exist."""
    return read_tree_stamped(path)[0]


def _parse_tree(path: Path, raw: bytes) -> dict[str, dict[str, Any]]:
    # An existing file is never taken for a new store, not even an empty one: emptied by
    # a crash of another tool or by `: > store.json`, it is damage to report, not a seed.
    if not raw:
        raise StoreFileError(path, "is empty")
    if raw.isspace():  # (strip() would copy a 100 MB store)
        raise StoreFileError(path, "holds only white space")
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
        with open_regular(path) as f:
            stamp = file_stamp(os.fstat(f.fileno()))
            raw = f.read()
    except FileNotFoundError:
        return None, None
    except OSError as exc:
        raise StoreFileError(path, f"cannot be read ({exc.strerror or exc})", UNREADABLE) from exc
    return _parse_tree(path, raw), stamp


def atomic_write_bytes(path: Path, payload: bytes, keep_previous_as: Path | None = None) -> None:
    """Write ``payload`` to ``path`` so that a crash leaves the old or the new file.

    With ``keep_previous_as``, the file being replaced is kept under that name — but only
    once the new file is in place: a write that fails keeps nothing and changes nothing."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(
        prefix=f"{TEMP_PREFIX}{path.name}.", suffix=TEMP_SUFFIX, dir=path.parent
    )
    pending: Path | None = None
    try:
        with os.fdopen(fd, "wb") as tmp:
            tmp.write(payload)
            tmp.flush()
            os.fsync(tmp.fileno())
        fault_point("write.temp-written")
        if keep_previous_as is not None and path.exists():
            pending = _stage_previous(path, keep_previous_as.parent)
            fault_point("write.previous-staged")
        os.replace(tmp_name, path)
    except BaseException:
        # Never leave the half-written temp (nor the staged backup) behind on an error we see.
        for leftover in (tmp_name, pending):
            if leftover is not None:
                try:
                    os.unlink(leftover)
                except FileNotFoundError:
                    pass
        raise
    fault_point("write.replaced")
    if pending is not None:
        os.replace(pending, keep_previous_as)
        _fsync_dir(pending.parent)
    _fsync_dir(path.parent)


PENDING_PREFIX = ".pending-"


def _stage_previous(path: Path, folder: Path) -> Path:
    """A second name for the file at ``path`` in ``folder``, before a write replaces it.

    A hard link costs nothing, and is safe as a backup once the write has put a new file
    at ``path``: the store is only ever replaced, never written in place, so nothing
    writes the old inode again — and damage done in place to the live file (``: >``, an
    editor) reaches the new inode, not this one. Where links are not allowed, a copy."""
    folder.mkdir(parents=True, exist_ok=True)
    pending = folder / f"{PENDING_PREFIX}{os.getpid()}-{time.time_ns()}.json"
    try:
        os.link(path, pending)
    except OSError as exc:
        if exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EROFS):
            raise
        with open_regular(path) as src:
            data = src.read()
        with open(pending, "xb") as dst:
            dst.write(data)
            dst.flush()
            os.fsync(dst.fileno())
    return pending


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
