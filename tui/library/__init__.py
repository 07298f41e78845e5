"""The library: the store, its derived tables and its search index, behind one door.

``Library.open`` opens (or creates and seeds) a store; the faces read it through
``Library.contents`` and change it through ``Library.add``/``add_paths`` and
``reextract``; ``snapshot``, ``saved_search``, ``repair`` and ``check_path`` work on a
store file without opening it. Problems are ``StoreError`` (one line, naming the file).
"""

from tui.ingest.files import DEFAULT_MAX_BYTES
from tui.library.contents import Contents
from tui.library.errors import StoreDamaged, StoreError, StoreLocked, StoreTooNew, StoreUnreadable
from tui.library.errors import check_store_path as check_path
from tui.library.library import Library, repair, saved_search, snapshot, source_text

__all__ = [
    "DEFAULT_MAX_BYTES",
    "Contents",
    "Library",
    "StoreDamaged",
    "StoreError",
    "StoreLocked",
    "StoreTooNew",
    "StoreUnreadable",
    "check_path",
    "repair",
    "saved_search",
    "snapshot",
    "source_text",
]
