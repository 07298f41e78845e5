"""``cca-tui articles`` and ``cca-tui article ID``."""

from __future__ import annotations

import argparse

from tui.cli.arguments import text_value
from tui.cli.common import add_json_flag, article_summary, open_store
from tui.cli.output import error, print_json, safe, table
from tui.dates import event_when
from tui.facts import spellings_by_article
from tui.library import Contents


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("articles", parents=[common], help="list stored articles, newest first")
    add_json_flag(p)
    p.set_defaults(run=run_list)
    p = sub.add_parser("article", parents=[common], help="show one article with its paragraphs")
    p.add_argument("id", metavar="ID", type=text_value)
    add_json_flag(p)
    p.set_defaults(run=run_show)


def run_list(args: argparse.Namespace) -> int:
    contents = open_store(args).contents()
    articles = contents.articles
    if args.json:
        print_json([article_summary(a) for a in articles])
        return 0
    officials_per = {}
    for official in contents.officials:
        for aid in official.get("article_ids", []):
            officials_per[aid] = officials_per.get(aid, 0) + 1
    table(
        ["DATE", "OUTLET", "OFFICIALS", "ID", "TITLE"],
        [
            [a.get("published") or "—", a.get("outlet") or "—", officials_per.get(a["id"], 0), a["id"], a.get("title") or ""]
            for a in articles
        ],
    )
    return 0


def article_officials(contents: Contents, article_id: str) -> list[dict]:
    """The article's officials in the shape of ``article --json``."""
    return [
        {"id": o["id"], "name": o["name"], "country": o.get("country"), "titles": o.get("titles", []),
         "written": spellings_by_article(o).get(article_id, [])}
        for o in contents.officials
        if article_id in o.get("article_ids", [])
    ]


def article_events(contents: Contents, article_id: str) -> list[dict]:
    return [
        {
            "id": e["id"],
            "date": e["date"],
            "precision": e["precision"],
            "end_date": e.get("end_date"),
            "planned": bool(e.get("planned")),
            "summary": e.get("summary"),
            "evidence": [ev for ev in e.get("evidence", []) if ev.get("article_id") == article_id],
        }
        for e in contents.events
        if article_id in e.get("article_ids", [])
    ]


def _official_line(o: dict) -> str:
    """"Jeenbek Kulubayev (Kyrgyzstan; written Zheenbek Kulubaev)": the article's own spelling too."""
    written = [w for w in o.get("written", []) if w != o["name"]]
    extra = f"; written {', '.join(written)}" if written else ""
    return f"{o['name']} ({o.get('country') or '—'}{extra})"


def run_show(args: argparse.Namespace) -> int:
    contents = open_store(args).contents()
    article = contents.article(args.id)
    if article is None:
        error(f"no article with id {args.id!r} (see `cca-tui articles`)")
        return 1
    officials = article_officials(contents, article["id"])
    events = article_events(contents, article["id"])
    if args.json:
        doc = article_summary(article)
        doc["paragraphs"] = [{"n": p["n"], "kind": p["kind"], "text": p["text"]} for p in article["paragraphs"]]
        doc["officials"] = officials
        doc["events"] = events
        print_json(doc)
        return 0
    print(safe(article.get("title") or "(untitled)"))
    byline = " · ".join(safe(x) for x in (article.get("outlet"), article.get("published"), ", ".join(article.get("authors") or [])) if x)
    if byline:
        print(byline)
    if article.get("url"):
        print(safe(article["url"]))
    print()
    for p in article["paragraphs"]:
        text = safe(p["text"])
        print(f"[{p['n']}] " + (f"## {text}" if p["kind"] == "heading" else text))
    if officials:
        print("\nOfficials: " + "; ".join(safe(_official_line(o)) for o in officials))
    if events:
        print("Events: " + "; ".join(safe(f"{event_when(e)} {e.get('summary') or ''}") for e in events))
    return 0
