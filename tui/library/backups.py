"""Backups of the store: the versions that writes replaced, in ``store.json.backups/``.

Each is a version that once was the store file and that a later, successful write
replaced (see ``tui.files.atomic_write_bytes``): a failed write adds none and prunes none,
and none is the live file, so damage done to the live file in place cannot reach them.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

from tui.files import PENDING_PREFIX


DEFAULT_BACKUPS = 5


def backups_to_keep() -> int:
    """How many rotating backups to keep (``CCA_TUI_BACKUPS``; 0 turns them off)."""
    try:
        return max(0, int(os.environ.get("CCA_TUI_BACKUPS", DEFAULT_BACKUPS)))
    except ValueError:
        return DEFAULT_BACKUPS


def backup_dir(path: Path) -> Path:
    """Folder of rotating backups beside the store: ``store.json.backups/``."""
    return path.with_name(path.name + ".backups")


def backups(path: Path) -> list[Path]:
    """Backups of the store, newest first."""
    return sorted(backup_dir(path).glob(f"{path.stem}-*.json"), reverse=True)


def backup_name(path: Path, revision: int) -> Path:
    """Where the version of revision ``revision`` is kept when a write replaces it: named by
    the time (so names sort oldest to newest) and the revision it holds."""
    now = time.time_ns()
    when = time.strftime("%Y%m%dT%H%M%S", time.gmtime(now // 1_000_000_000))
    return backup_dir(path) / f"{path.stem}-{when}.{now % 1_000_000_000:09d}Z-r{revision:08d}.json"


def prune_backups(path: Path, keep: int) -> None:
    """Keep the newest ``keep`` backups (only after a write that made one)."""
    for old in backups(path)[keep:]:
        old.unlink(missing_ok=True)


def settle_pending_backups(path: Path) -> None:
    """After a crash between a write's rename and its backup's: a staged previous version
    that is not the live file is a real backup (kept); one that is, is removed. Call only
    while holding the writer lock."""
    folder = backup_dir(path)
    for pending in sorted(folder.glob(f"{PENDING_PREFIX}*.json")):
        try:
            live = path.exists() and os.path.samefile(pending, path)
            if live:
                pending.unlink()
            else:
                when = time.strftime("%Y%m%dT%H%M%S", time.gmtime(pending.stat().st_mtime))
                pending.replace(folder / f"{path.stem}-{when}.000000000Z-r00000000.json")
        except OSError:
            continue
