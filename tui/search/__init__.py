"""Search: one query language for the CLI and the TUI."""

from tui.search.engine import Hit, Result, Results, SearchIndex
from tui.search.match import ArticleSources, event_matches, name_matches, official_matches
from tui.search.query import Query, QueryError, conditions, parse_query

__all__ = [
    "ArticleSources",
    "Hit",
    "Query",
    "QueryError",
    "Result",
    "Results",
    "SearchIndex",
    "conditions",
    "event_matches",
    "name_matches",
    "official_matches",
    "parse_query",
]
