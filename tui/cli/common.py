"""Helpers shared by the CLI commands."""

from __future__ import annotations

import argparse

from tui.cli.output import error
from tui.store import Store


def open_store(args: argparse.Namespace, *, name_unusable: bool = True) -> Store:
    """The store named by ``--db`` (or the default), created and seeded if nothing is there;
    says on stderr when it was created, and (unless ``name_unusable`` is False: ``db check``
    lists them itself) which records it had to leave out."""
    store = Store.open(args.db, seed=not args.no_seed)
    for line in store.notices(unusable=name_unusable):
        error(line)
    return store


def add_json_flag(parser: argparse.ArgumentParser) -> None:
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
