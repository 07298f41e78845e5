"""A change to a store, and what follows from it: the one way the library writes.

Every write (adding articles, re-extracting, repairing, creating a store) is the same
sequence — lock, apply, re-merge the officials and events tables, write the file once,
then bring the saved search index up to date — so it is written here once.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from tui.library import indexing
from tui.library.derive import rebuild_derived
from tui.library.store import Batch, Store

T = TypeVar("T")


def change(store: Store, apply: Callable[[Batch], T], *, adding: bool = False, rederive: bool = False) -> T:
    """Apply ``apply(batch)`` to ``store`` in one locked, atomic write and return its result.

    When it changed anything (or with ``rederive``), the derived tables are merged again in
    the same write. ``adding``: the batch adds articles, so the saved index of the version
    it writes over is read (under the lock) to be extended rather than rebuilt."""
    with store.write_batch() as batch:
        previous = indexing.current(store) if adding else None
        result = apply(batch)
        if batch.changed or rederive:
            rebuild_derived(batch)
    # Outside the lock: a stale index is never used anyway.
    indexing.after_write(store, batch, previous)
    return result
