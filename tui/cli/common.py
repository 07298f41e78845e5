"""Helpers shared by the CLI commands."""

from __future__ import annotations

import argparse

from tui import collector
from tui.cli.output import error
from tui.search import Query, conditions, parse_query
from tui.library import Library
from tui.search.query import QueryError, check_window


def open_store(args: argparse.Namespace, *, name_unusable: bool = True) -> Library:
    """The library at ``--db`` (or the default), created and seeded if nothing is there;
    says on stderr when it was created, and (unless ``name_unusable`` is False: ``db check``
    lists them itself) which records it had to leave out."""
    with collector.loading():  # what it reads lives until the command exits
        library = Library.open(args.db, seed=not args.no_seed)
    for line in library.notices(unusable=name_unusable):
        error(line)
    return library


def cli_query(words: list[str], **flags: str | None) -> Query:
    """The typed QUERY words narrowed by each filter flag (``country="kz"``), every flag read
    as its filter reads a value — the explorer's picker builds its query the same way, with
    no query text in between; raises ``QueryError`` naming the flag.

    Words that were given but hold nothing to search (``""``, ``"!!!"``) are an error
    here, not "everything": on the command line they are a mistake, e.g. an unset variable.
    """
    query = parse_query(" ".join(words))
    if words and query.is_empty:
        raise QueryError("nothing to search: the query is empty")
    for key, value in flags.items():
        try:
            query &= conditions(**{key: value or ""})
        except QueryError as exc:
            raise QueryError(f"--{key}: {exc}") from None
    return check_window(query)


def add_json_flag(parser: argparse._ActionsContainer) -> None:
    parser.add_argument("--json", action="store_true", help="print one JSON document")


def article_summary(article: dict) -> dict:
    """The ``articles --json`` shape of an article."""
    return {
        "id": article["id"],
        "title": article.get("title"),
        "outlet": article.get("outlet"),
        "url": article.get("url"),
        "published": article.get("published"),
        "authors": list(article.get("authors") or []),
        "language": article.get("language"),
    }
