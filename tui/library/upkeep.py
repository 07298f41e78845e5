"""A change to a store, and what follows from it: the one way the library writes.

Every write (adding articles, re-extracting, repairing, creating a store) is the same
sequence — lock, apply, re-merge the officials and events tables, write the file once,
then bring the saved search index up to date — so it is written here once. A change of
what the user writes alone (tags, notes) re-merges nothing and carries the search index
over to the new file version rather than rebuilding it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from tui.library import indexing
from tui.library.derive import rebuild_derived
from tui.library.store import Batch, Store

T = TypeVar("T")


def change(store: Store, apply: Callable[[Batch], T], *, adding: bool = False, rederive: bool = False,
           user_data: bool = False) -> T:
    """Apply ``apply(batch)`` to ``store`` in one locked, atomic write and return its result.

    When it changed anything (or with ``rederive``), the derived tables are merged again in
    the same write — unless it changed only the user's tags and notes. ``adding``: the batch
    adds articles, and ``user_data``: it changes tags or notes; for both the saved index of
    the version it writes over is read (under the lock) to be extended, or carried over,
    rather than rebuilt."""
    with store.write_batch() as batch:
        previous = indexing.current(store) if adding or user_data else None
        result = apply(batch)
        if (batch.changed and not batch.user_data_only) or rederive:
            rebuild_derived(batch)
    # Outside the lock: a stale index is never used anyway.
    if batch.user_data_only and not rederive:
        indexing.after_user_write(store, batch, previous)
    else:
        indexing.after_write(store, batch, previous)
    return result
