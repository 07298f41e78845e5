"""``cca-tui officials`` and ``cca-tui timeline``: the extracted who and when."""

from __future__ import annotations

import argparse

from tui.charts import buckets, choose_unit, unplaced
from tui.cli.arguments import period_value, text_value
from tui.cli.chart_out import chart_lines
from tui.cli.common import add_json_flag, cli_query, open_store
from tui.cli.csv_out import print_csv
from tui.cli.layout import table_lines, terminal_width
from tui.cli.output import print_json
from tui.dates import event_when
from tui.library.codec import document
from tui.records import Event, Official

OFFICIAL_FIELDS = ("id", "name", "aliases", "country", "titles", "roles", "article_ids")
# Roles are nested (title, article, paragraph, evidence): JSON only.
OFFICIAL_CSV_FIELDS = ("id", "name", "aliases", "country", "titles", "article_ids")
EVENT_FIELDS = ("id", "date", "end_date", "precision", "planned", "summary", "place", "participants", "article_ids",
                "evidence")
# Evidence is nested (quotes with locators): JSON only.
EVENT_CSV_FIELDS = EVENT_FIELDS[:-1]


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("officials", parents=[common], help="officials named in the articles")
    p.add_argument("query", nargs="*", metavar="QUERY", help="name, title or country words, and outlet: country: official: since: until:")
    p.add_argument("--country", metavar="C", type=text_value, help="a name, code or demonym (kz, Kazakh); narrows QUERY")
    _output_flags(p)
    p.set_defaults(run=run_officials)
    p = sub.add_parser("timeline", parents=[common], help="dated events, oldest first")
    p.add_argument("query", nargs="*", metavar="QUERY", help="words in the summary or evidence, and outlet: country: official: since: until:")
    p.add_argument("--since", metavar="D", type=period_value, help="2023, 2023-05, May 2023 or a full date")
    p.add_argument("--until", metavar="D", type=period_value)
    p.add_argument("--country", metavar="C", type=text_value, help="events with a participant from this country")
    p.add_argument("--official", metavar="NAME", type=text_value, help="events with this participant")
    one = _output_flags(p)
    one.add_argument("--chart", action="store_true",
                     help="a histogram: events per week, month or year (by the span), one line each")
    p.set_defaults(run=run_timeline)


def _output_flags(p: argparse.ArgumentParser) -> argparse._MutuallyExclusiveGroup:
    one = p.add_mutually_exclusive_group()
    add_json_flag(one)
    one.add_argument("--csv", action="store_true", help="print CSV")
    return one


def _emit(args, rows: list[Official] | list[Event], fields, csv_fields, empty: str, headers: list[str], cells) -> int:
    """Print ``rows`` as JSON, CSV or a table, as the flags ask."""
    if args.json:
        docs = [document(r) for r in rows]
        print_json([{k: d[k] for k in fields} for d in docs])
    elif args.csv:
        docs = [document(r) for r in rows]
        print_csv(csv_fields, [[d[k] for k in csv_fields] for d in docs])
    elif not rows:
        print(empty)
    else:
        print("\n".join(table_lines(headers, [cells(r) for r in rows], terminal_width())))
    return 0


def run_officials(args: argparse.Namespace) -> int:
    query = cli_query(args.query, country=args.country)
    rows = open_store(args).contents().find_officials(query)
    rows.sort(key=lambda o: (-len(o.article_ids), o.name.casefold()))
    return _emit(
        args, rows, OFFICIAL_FIELDS, OFFICIAL_CSV_FIELDS, "no officials match",
        ["NAME", "COUNTRY", "ARTICLES", "TITLES"],
        lambda o: [o.name, o.country or "—", len(o.article_ids), "; ".join(o.titles)],
    )


def run_timeline(args: argparse.Namespace) -> int:
    query = cli_query(args.query, since=args.since, until=args.until, country=args.country, official=args.official)
    rows = open_store(args).contents().find_events(query)
    if getattr(args, "chart", False):
        unit = choose_unit(rows)
        lines = chart_lines(buckets(rows, unit), unit, unplaced(rows, unit), terminal_width())
        print("\n".join(lines) if lines else "no events match")
        return 0
    return _emit(
        args, rows, EVENT_FIELDS, EVENT_CSV_FIELDS, "no events match",
        ["DATE", "SOURCES", "SUMMARY"],
        lambda e: [event_when(e), len(e.article_ids), e.summary or ""],
    )
