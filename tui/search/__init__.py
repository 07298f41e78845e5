"""Search: one query language for the CLI and the TUI."""

from tui.search.engine import Hit, Result, SearchIndex, index_for_store
from tui.search.match import name_matches
from tui.search.query import Query, QueryError, parse_query
from tui.search.records import event_matches, official_matches

__all__ = [
    "Hit",
    "Query",
    "QueryError",
    "Result",
    "SearchIndex",
    "event_matches",
    "index_for_store",
    "name_matches",
    "official_matches",
    "parse_query",
]
