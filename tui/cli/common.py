"""Helpers shared by the CLI commands."""

from __future__ import annotations

import argparse

from tui.store import Store


def open_store(args: argparse.Namespace) -> Store:
    """The store named by ``--db`` (or the default), created and seeded if new."""
    return Store.open(args.db, seed=not args.no_seed)


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
