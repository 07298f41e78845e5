"""The library: the store, its derived tables and its search index, behind one door.

``Library.open`` opens (or creates and seeds) a store; the faces read it through
``Library.contents`` and change it through ``Library.add``/``add_paths`` and
``reextract``; ``snapshot``, ``saved_search``, ``repair`` and ``check_path`` work on a
store file without opening it. Problems are ``StoreError`` (one line, naming the file).
The query language the faces ask it in (``Query``, ``parse_query``, ``conditions``) is
handed on from ``tui.search`` here, so the faces need no door but this one.
"""

from tui.ingest.files import DEFAULT_MAX_BYTES
from tui.library.contents import Contents
from tui.library.errors import StoreDamaged, StoreError, StoreLocked, StoreTooNew, StoreUnreadable
from tui.library.errors import check_store_path as check_path
from tui.library.library import Library, repair, saved_search, snapshot, source_text
from tui.search import Query, QueryError, SearchIndex, conditions, parse_query
from tui.search.annotations import Annotations
from tui.search.query import check_window

__all__ = [
    "Annotations",
    "DEFAULT_MAX_BYTES",
    "Contents",
    "Library",
    "Query",
    "QueryError",
    "SearchIndex",
    "StoreDamaged",
    "StoreError",
    "StoreLocked",
    "StoreTooNew",
    "StoreUnreadable",
    "check_path",
    "check_window",
    "conditions",
    "parse_query",
    "repair",
    "saved_search",
    "snapshot",
    "source_text",
]
