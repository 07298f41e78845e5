"""``cca-tui search QUERY``: ranked articles with their matching paragraphs."""

from __future__ import annotations

import argparse
from collections.abc import Mapping
from pathlib import Path

from tui.cli.arguments import positive_int
from tui.cli.common import add_json_flag, cli_query, open_store, user_data_json
from tui.cli.layout import OUTLET_MIN, TITLE_MIN, cut, fit_row, natural_width, one_line, terminal_width
from tui.cli.output import print_json, safe
from tui.ids import short_ids
from tui.library import saved_search
from tui.paths import default_db_path
from tui.records import Article

QUERY_HELP = (
    'words (all must match), "exact phrases", -excluded, and filters outlet: country: '
    "official: (or person:) since: until: (e.g. since:2023-05), tag: -tag: note:"
)
HITS_SHOWN = 3
HIT_INDENT = " " * 8
OUTLET_MAX = 16


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("search", parents=[common], help="search articles", description=QUERY_HELP)
    p.add_argument("query", nargs="+", metavar="QUERY", help=QUERY_HELP)
    p.add_argument("--limit", type=positive_int, default=None, metavar="N", help="show at most N articles (default: all)")
    add_json_flag(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    query = cli_query(args.query)  # a bad query fails before the store opens
    results, headings, annotations = _search(args, query)
    if args.json:
        print_json([{**_result_json(r, headings.get(r.article_id)), **user_data_json(annotations, r.article_id)}
                    for r in results])
        return 0
    if not results:
        print("no articles match")
        return 0
    for line in result_lines(results, headings, terminal_width()):
        print(line)
    return 0


def _result_json(result, heading: Article | None) -> dict:
    """A result as ``search --json`` gives it: where it was published, as ``articles --json``."""
    doc = result.as_json()
    if heading is None:
        return {**doc, "published": None, "outlet": None, "url": None}
    return {**doc, "published": heading.published, "outlet": heading.outlet, "url": heading.url}


def result_lines(results, headings: Mapping[str, Article], width: int) -> list[str]:
    """Each result on a line of ``width`` cells (score, date, outlet, short id, title; when
    the title would get under ``TITLE_MIN``, the outlet is left out, then the date), then
    up to three of its matching paragraphs, each cut to the width."""
    short = short_ids(headings)
    rows = []
    for r in results:
        heading = headings.get(r.article_id)
        published, outlet = (heading.published, heading.outlet) if heading is not None else (None, None)
        rows.append([f"{r.score:6.2f}", safe(published or "—"), one_line(outlet) or "—",
                     short.get(r.article_id, r.article_id), one_line(r.title) or "(untitled)"])
    score_w, date_w, id_w = 6, natural_width("", [r[1] for r in rows]), natural_width("", [r[3] for r in rows])
    rest = width - score_w - date_w - id_w - 4 * 2  # for outlet and title
    if rest + 2 < TITLE_MIN:  # not even without the outlet: the date goes too
        widths = [score_w, id_w, max(TITLE_MIN, rest + 2 + date_w + 2)]
        rows = [[r[0], r[3], r[4]] for r in rows]
    elif rest - OUTLET_MIN < TITLE_MIN:
        widths = [score_w, date_w, id_w, rest + 2]
        rows = [[r[0], r[1], r[3], r[4]] for r in rows]
    else:
        outlet_w = min(natural_width("", [r[2] for r in rows]), OUTLET_MAX, max(OUTLET_MIN, rest // 3))
        widths = [score_w, date_w, outlet_w, id_w, rest - outlet_w]
    lines = []
    for r, row in zip(results, rows):
        lines.append(fit_row(row, widths))
        for hit in r.hits[:HITS_SHOWN]:
            marker = f"[{hit.paragraph}] "
            lines.append(HIT_INDENT + marker + cut(one_line(hit.text), width - len(HIT_INDENT) - len(marker)))
    return lines


def _search(args: argparse.Namespace, query):
    """The results of ``query`` and every article's heading (its record without body and
    facts) by id: the dates, outlets and URLs results carry, and the ids short ids are made
    among."""
    # The saved index, when current, answers without parsing the whole store: a search
    # costs what its results cost. Otherwise open the store (creating and seeding it if
    # new), which indexes it and saves the index for next time.
    found = saved_search(Path(args.db) if args.db else default_db_path(), query, args.limit)
    if found is not None:
        return found
    contents = open_store(args).contents()
    return (contents.find_articles(query, limit=args.limit), {a.id: a for a in contents.articles},
            contents.annotations)
