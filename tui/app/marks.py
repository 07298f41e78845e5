"""Marked rows: a set of record keys per pane, kept in the order they were marked.

Marks belong to the records, not to the rows shown: a new search or filter hides a
marked row without unmarking it, so the set outlives what the list shows (the status
line counts the marked rows that are not shown). Plain Python, no Textual.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

KINDS = ("articles", "officials", "timeline")


class Marks:
    """The marked keys of each pane (``articles``, ``officials``, ``timeline``)."""

    def __init__(self) -> None:
        self._keys: dict[str, dict[str, None]] = {kind: {} for kind in KINDS}

    def toggle(self, kind: str, key: str) -> bool:
        """Mark ``key`` in ``kind``, or unmark it if it was marked; True when it is marked now."""
        keys = self._keys[kind]
        if key in keys:
            del keys[key]
            return False
        keys[key] = None
        return True

    def keys(self, kind: str) -> list[str]:
        """The marked keys of ``kind``, in the order they were marked."""
        return list(self._keys[kind])

    def count(self, kind: str) -> int:
        return len(self._keys[kind])

    def is_marked(self, kind: str, key: str) -> bool:
        return key in self._keys[kind]

    def hidden(self, kind: str, shown: Iterable[str]) -> int:
        """How many marked keys of ``kind`` are not among ``shown`` (the rows listed now)."""
        return len(self._keys[kind].keys() - set(shown))

    def clear(self, kind: str) -> int:
        """Unmark every key of ``kind``; how many were marked."""
        count = len(self._keys[kind])
        self._keys[kind].clear()
        return count

    def keep(self, kind: str, exists: Callable[[str], bool]) -> int:
        """Drop the marks of records that no longer exist (after a reload); how many went."""
        gone = [key for key in self._keys[kind] if not exists(key)]
        for key in gone:
            del self._keys[kind][key]
        return len(gone)
