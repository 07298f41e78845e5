"""``cca-tui officials`` and ``cca-tui timeline``: the extracted who and when."""

from __future__ import annotations

import argparse

from tui.cli.common import add_json_flag, open_store
from tui.cli.csv_out import print_csv
from tui.cli.output import print_json, table
from tui.dates import event_when
from tui.search import event_matches, official_matches, parse_query
from tui.search.query import Query, QueryError

OFFICIAL_FIELDS = ("id", "name", "aliases", "country", "titles", "roles", "article_ids")
# Roles are nested (title, article, paragraph, evidence): JSON only.
OFFICIAL_CSV_FIELDS = ("id", "name", "aliases", "country", "titles", "article_ids")
EVENT_FIELDS = ("id", "date", "end_date", "precision", "planned", "summary", "place", "participants", "article_ids",
                "evidence")
# Evidence is nested (quotes with locators): JSON only.
EVENT_CSV_FIELDS = EVENT_FIELDS[:-1]


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("officials", parents=[common], help="officials named in the articles")
    p.add_argument("query", nargs="*", metavar="QUERY", help="name (fuzzy), title or country words")
    p.add_argument("--country", metavar="C")
    add_json_flag(p)
    p.add_argument("--csv", action="store_true", help="print CSV")
    p.set_defaults(run=run_officials)
    p = sub.add_parser("timeline", parents=[common], help="dated events, oldest first")
    p.add_argument("query", nargs="*", metavar="QUERY", help="words in the summary or evidence")
    p.add_argument("--since", metavar="D", help="2023, 2023-05, May 2023 or a full date")
    p.add_argument("--until", metavar="D")
    p.add_argument("--country", metavar="C", help="events with a participant from this country")
    p.add_argument("--official", metavar="NAME", help="events with this participant")
    add_json_flag(p)
    p.add_argument("--csv", action="store_true", help="print CSV")
    p.set_defaults(run=run_timeline)


def _query(words: list[str], **filters: str | None) -> Query:
    text = " ".join(words)
    for key, value in filters.items():
        if value:
            text += f' {key}:"{value}"'
    try:
        return parse_query(text)
    except QueryError as exc:
        raise QueryError(str(exc).replace(" in query", "")) from None


def _emit(args, rows: list[dict], fields, csv_fields, empty: str, headers: list[str], cells) -> int:
    """Print ``rows`` as JSON, CSV or a table, as the flags ask."""
    if args.json:
        print_json([{k: r.get(k) for k in fields} for r in rows])
    elif args.csv:
        print_csv(csv_fields, [[r.get(k) for k in csv_fields] for r in rows])
    elif not rows:
        print(empty)
    else:
        table(headers, [cells(r) for r in rows])
    return 0


def run_officials(args: argparse.Namespace) -> int:
    query = _query(args.query, country=args.country)
    store = open_store(args)
    rows = [o for o in store.officials() if official_matches(o, query)]
    rows.sort(key=lambda o: (-len(o.get("article_ids", [])), o["name"].casefold()))
    return _emit(
        args, rows, OFFICIAL_FIELDS, OFFICIAL_CSV_FIELDS, "no officials match",
        ["NAME", "COUNTRY", "ARTICLES", "TITLES"],
        lambda o: [o["name"], o.get("country") or "—", len(o.get("article_ids", [])), "; ".join(o.get("titles", []))],
    )


def run_timeline(args: argparse.Namespace) -> int:
    query = _query(args.query, since=args.since, until=args.until, country=args.country, official=args.official)
    store = open_store(args)
    countries = {o["name"]: o.get("country") for o in store.officials()}
    rows = [e for e in store.events() if event_matches(e, query, countries)]
    # stores extracted before plans were told apart have no flag: those are reports
    rows = [dict(e, planned=bool(e.get("planned"))) for e in rows]
    return _emit(
        args, rows, EVENT_FIELDS, EVENT_CSV_FIELDS, "no events match",
        ["DATE", "SOURCES", "SUMMARY"],
        lambda e: [event_when(e), len(e.get("article_ids", [])), e.get("summary") or ""],
    )
