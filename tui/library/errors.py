"""What can be wrong with a store file as a whole, each as a one-line error.

A damaged file (``StoreDamaged``: empty, not JSON, not a cca-tui store) is one ``db repair``
may replace by a backup; one that cannot be read or was written by a newer cca-tui is not.
"""

from __future__ import annotations

from pathlib import Path

from tui.files import DAMAGED, UnusableFile, regular_file
from tui.library.backups import backup_dir, backups

SCHEMA_VERSION = 1


class StoreError(Exception):
    """A store problem to report to the user in one line."""


class StoreDamaged(StoreError):
    """The file is there and readable but is not a cca-tui store (not JSON, empty, another
    shape): ``db repair`` may set it aside and restore a backup. ``reason`` completes
    "it …" ("is empty")."""

    def __init__(self, path: Path, reason: str):
        super().__init__(f"cannot open store {path}: it {reason}; the file was left untouched; {backup_hint(path)}")
        self.reason = reason


class StoreUnreadable(StoreError):
    """The file cannot be read (permissions, I/O) or is not a regular file: left alone."""


class StoreTooNew(StoreError):
    """Written by a newer cca-tui (a higher schema version): left alone."""


class StoreLocked(StoreError):
    """Another process held the lock for longer than we were willing to wait."""


def backup_hint(path: Path) -> str:
    """What ``db repair`` could restore, for a message about a damaged store."""
    n = len(backups(path))
    if not n:
        return "no backups exist"
    return f"`cca-tui db repair` restores the newest sound one of {n} backup(s) in {backup_dir(path)}"


def check_store_path(path: Path) -> None:
    """Raise ``StoreError`` at once when ``path`` names something other than a regular file
    or nothing (a folder, a FIFO, a device), without opening it."""
    try:
        regular_file(path)
    except UnusableFile as exc:
        raise open_error(exc) from exc


def open_error(exc: UnusableFile) -> StoreError:
    """The one-line error for a store file that cannot be used."""
    if exc.kind == DAMAGED:
        return StoreDamaged(exc.path, exc.reason)
    return StoreUnreadable(f"cannot open store {exc.path}: it {exc.reason}; the file was left untouched")


def validate_tree(path: Path, tree: dict) -> None:
    """Raise ``StoreError`` unless ``tree`` is a cca-tui store this version can read.

    Records are checked one by one when the store is indexed (``Store.unusable``): one bad
    record does not make the others unreadable."""
    meta_table = tree.get("meta") or {}
    if not meta_table:
        raise StoreDamaged(path, "is JSON but has no cca-tui meta record (not a cca-tui store)")
    meta = next(iter(meta_table.values()))
    schema = meta.get("schema") if isinstance(meta, dict) else None
    if not isinstance(schema, int) or isinstance(schema, bool):
        raise StoreDamaged(path, "has a meta record without a schema version")
    if schema > SCHEMA_VERSION:
        raise StoreTooNew(
            f"cannot open store {path}: it was written by a newer cca-tui (schema {schema}; this "
            f"one reads schema {SCHEMA_VERSION}); upgrade cca-tui; the file was left untouched"
        )
