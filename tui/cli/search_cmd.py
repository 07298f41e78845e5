"""``cca-tui search QUERY``: ranked articles with their matching paragraphs."""

from __future__ import annotations

import argparse
from pathlib import Path

from tui.cli.arguments import positive_int
from tui.cli.common import add_json_flag, cli_query, open_store
from tui.cli.output import print_json, safe
from tui.library import saved_search
from tui.paths import default_db_path

QUERY_HELP = (
    'words (all must match), "exact phrases", -excluded, and filters outlet: country: '
    "official: (or person:) since: until: (e.g. since:2023-05)"
)


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("search", parents=[common], help="search articles", description=QUERY_HELP)
    p.add_argument("query", nargs="+", metavar="QUERY", help=QUERY_HELP)
    p.add_argument("--limit", type=positive_int, default=None, metavar="N", help="show at most N articles (default: all)")
    add_json_flag(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    query = cli_query(args.query)  # a bad query fails before the store opens
    # The saved index, when current, answers without parsing the whole store: a search
    # costs what its results cost. Otherwise open the store (creating and seeding it if
    # new), which indexes it and saves the index for next time.
    results = saved_search(Path(args.db) if args.db else default_db_path(), query, args.limit)
    if results is None:
        results = open_store(args).search(query, limit=args.limit)
    if args.json:
        print_json([r.as_json() for r in results])
        return 0
    if not results:
        print("no articles match")
        return 0
    for r in results:
        print(f"{r.score:6.2f}  {safe(r.article_id)}  {safe(r.title)}")
        for hit in r.hits[:3]:
            text = safe(hit.text)
            print(f"        [{hit.paragraph}] {text[:150] + '…' if len(text) > 150 else text}")
    return 0

