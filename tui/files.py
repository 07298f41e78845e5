"""Files written so that a crash leaves the old version or the new one, never half of one.

Everything cca-tui writes for the user (the store, its index and backups, the copy
history, ``config.toml``, the exports) is written here: to a temp file in the same folder,
fsynced, then renamed over the old file (an export: linked to its name, so a file already
there is never replaced unless asked). Reads refuse anything that is not a regular file (a
FIFO would block, a device would be replaced by a write).
"""

from __future__ import annotations

import errno
import os
import signal
import stat
import tempfile
import time
from pathlib import Path

TEMP_PREFIX = "."
TEMP_SUFFIX = ".tmp"
PENDING_PREFIX = ".pending-"

DAMAGED, UNREADABLE, NOT_A_FILE = "damaged", "unreadable", "not a file"


class UnusableFile(Exception):
    """A file that exists but cannot be used as what it should be.

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


def regular_file(path: Path) -> Path:
    """The file at ``path``: ``path`` itself, or the file its symlink names (so a write
    replaces the target and the link stays). Raises ``UnusableFile`` at once when something
    other than a regular file is there (a folder, a FIFO that would block every read, a
    device that a write would replace)."""
    path = Path(path)
    if path.is_symlink():
        path = Path(os.path.realpath(path))
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return path
    except OSError as exc:
        raise UnusableFile(path, f"cannot be read ({exc.strerror or exc})", UNREADABLE) from exc
    kind = _kind_of(mode)
    if kind is not None:
        raise UnusableFile(path, f"is {kind}, not a store file", NOT_A_FILE)
    return path


def open_regular(path: Path):
    """``open(path, "rb")`` that never blocks on a FIFO and refuses anything that is not a
    regular file (``UnusableFile``); ``FileNotFoundError`` when nothing is there."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise
    except OSError as exc:
        raise UnusableFile(Path(path), f"cannot be read ({exc.strerror or exc})", UNREADABLE) from exc
    try:
        kind = _kind_of(os.fstat(fd).st_mode)
        if kind is not None:
            raise UnusableFile(Path(path), f"is {kind}, not a store file", NOT_A_FILE)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


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
        fsync_dir(pending.parent)
    fsync_dir(path.parent)


def _stage_previous(path: Path, folder: Path) -> Path:
    """A second name for the file at ``path`` in ``folder``, before a write replaces it.

    A hard link costs nothing, and is safe as a backup once the write has put a new file
    at ``path``: the file is only ever replaced, never written in place, so nothing
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


def fsync_dir(folder: Path) -> None:
    """Make a rename in ``folder`` reach the disk too (where the OS allows a folder to be fsynced)."""
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
    """Temp files a killed writer of ``path`` may have left beside it."""
    return sorted(path.parent.glob(f"{TEMP_PREFIX}{path.name}.*{TEMP_SUFFIX}"))


# -- files the user names (exports) ------------------------------------------------

EXPORT_TEMP_PREFIX = ".cca-tui-export."


class KeptFile(Exception):
    """The target exists and was left as it is; ``str()`` says why."""


def write_file(path: Path, payload: bytes, *, force: bool = False) -> None:
    """Write ``payload`` to ``path`` atomically (a crash leaves no half file at ``path``).

    Raises ``KeptFile`` when something is already there and is not replaced: anything
    unless ``force``, and with ``force`` still a folder, a symlink or a special file.
    Other failures raise ``OSError``.
    """
    try:
        st = path.lstat()
    except FileNotFoundError:
        st = None
    if st is not None:
        if stat.S_ISDIR(st.st_mode):
            raise KeptFile("a folder of that name is in the way")
        if not force:
            raise KeptFile("exists; kept (--force replaces it)")
        if not stat.S_ISREG(st.st_mode):
            raise KeptFile("not a regular file; kept even with --force")
    fd, tmp = tempfile.mkstemp(prefix=EXPORT_TEMP_PREFIX, suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(payload)
            out.flush()
            os.fsync(out.fileno())
        if force:
            os.replace(tmp, path)  # replaces a link itself, never what it points at
        else:
            _link_new(tmp, path)
    finally:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
    fsync_dir(path.parent)


def _link_new(tmp: str, path: Path) -> None:
    # A hard link fails if the name exists, so a file created since the check above is
    # kept too; where the file system has no hard links, a rename after the check.
    try:
        os.link(tmp, path)
    except FileExistsError:
        raise KeptFile("exists; kept (--force replaces it)") from None
    except OSError as exc:
        if exc.errno not in (errno.EPERM, errno.EOPNOTSUPP, errno.ENOTSUP, errno.EXDEV, errno.EMLINK):
            raise
        if os.path.lexists(path):
            raise KeptFile("exists; kept (--force replaces it)") from None
        os.rename(tmp, path)
