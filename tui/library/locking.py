"""The writer lock beside a store (``store.json.lock``): concurrent writers wait their turn."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tui.library.errors import StoreError, StoreLocked

DEFAULT_LOCK_TIMEOUT = 30.0


def lock_path(path: Path) -> Path:
    """``store.json`` → ``store.json.lock``."""
    return path.with_name(path.name + ".lock")


@contextmanager
def writer_lock(path: Path) -> Iterator[None]:
    """Hold the store's writer lock meanwhile (waiting up to ``lock_timeout()`` seconds)."""
    from filelock import FileLock, Timeout  # only writers: ~20 ms off every start

    lock = FileLock(str(lock_path(path)), timeout=lock_timeout())
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


@contextmanager
def lock_if_free(path: Path) -> Iterator[bool]:
    """The writer lock if nobody holds it now (True), else nothing (False): for clean-ups
    that must not wait for, nor disturb, a live writer."""
    from filelock import FileLock, Timeout

    lock = FileLock(str(lock_path(path)), timeout=0)
    try:
        lock.acquire()
    except Timeout:
        yield False
        return
    try:
        yield True
    finally:
        lock.release()


def lock_timeout() -> float:
    """Seconds a writer waits for the lock (``CCA_TUI_LOCK_TIMEOUT``)."""
    try:
        return float(os.environ.get("CCA_TUI_LOCK_TIMEOUT", DEFAULT_LOCK_TIMEOUT))
    except ValueError:
        return DEFAULT_LOCK_TIMEOUT
