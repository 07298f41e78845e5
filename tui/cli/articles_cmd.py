"""``cca-tui articles`` and ``cca-tui article ID``."""

from __future__ import annotations

import argparse

from tui.cli.arguments import text_value
from tui.cli.common import ID_HELP, add_json_flag, article_summary, find_article, open_store, user_data_json
from tui.cli.layout import OUTLET_MIN, TITLE_MIN, fit_row, natural_width, one_line, terminal_width
from tui.cli.output import print_json, safe
from tui.dates import event_when
from tui.facts import spellings_by_article
from tui.ids import short_ids
from tui.library import Contents
from tui.library.codec import document
from tui.cli.notes_cmd import note_json
from tui.library.userdata import PlacedNote
from tui.records import ARTICLE, Article, Event, Official

# An outlet's name is cut to this many cells: the title needs the room.
OUTLET_MAX = 20


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("articles", parents=[common], help="list stored articles, newest first")
    add_json_flag(p)
    p.set_defaults(run=run_list)
    p = sub.add_parser("article", parents=[common], help="show one article with its paragraphs")
    p.add_argument("id", metavar="ID", type=text_value, help=ID_HELP)
    add_json_flag(p)
    p.set_defaults(run=run_show)


def run_list(args: argparse.Namespace) -> int:
    contents = open_store(args).contents()
    articles = contents.articles
    if args.json:
        print_json([{**article_summary(a), **user_data_json(contents.annotations, a.id)} for a in articles])
        return 0
    if not articles:
        print("no articles")
        return 0
    for line in article_lines(articles, terminal_width()):
        print(line)
    return 0


def article_lines(articles: list[Article], width: int) -> list[str]:
    """The ``articles`` table in ``width`` cells: date, outlet (cut), short id, title (cut
    to what is left). When the title would get under ``TITLE_MIN`` cells, the outlet is
    left out, then the date."""
    short = short_ids(a.id for a in articles)
    rows = [[safe(a.published or "—"), one_line(a.outlet) or "—", short[a.id], one_line(a.title) or "(untitled)"]
            for a in articles]
    headers = ["DATE", "OUTLET", "ID", "TITLE"]
    date_w = natural_width(headers[0], [r[0] for r in rows])
    id_w = natural_width(headers[2], [r[2] for r in rows])
    rest = width - date_w - id_w - 3 * 2  # for outlet and title
    if rest + 2 < TITLE_MIN:  # not even without the outlet: the date goes too
        widths = [id_w, max(TITLE_MIN, rest + 2 + date_w + 2)]
        return [fit_row([r[2], r[3]], widths) for r in [headers, *rows]]
    if rest - OUTLET_MIN < TITLE_MIN:
        widths = [date_w, id_w, rest + 2]
        return [fit_row([r[0], r[2], r[3]], widths) for r in [headers, *rows]]
    outlet_w = min(natural_width(headers[1], [r[1] for r in rows]), OUTLET_MAX, max(OUTLET_MIN, rest // 3))
    widths = [date_w, outlet_w, id_w, rest - outlet_w]
    return [fit_row(row, widths) for row in [headers, *rows]]


def article_officials(contents: Contents, article_id: str) -> list[Official]:
    """The officials the article names."""
    return [o for o in contents.officials if article_id in o.article_ids]


def article_events(contents: Contents, article_id: str) -> list[Event]:
    """The events the article states."""
    return [e for e in contents.events if article_id in e.article_ids]


def _official_json(o: Official, article_id: str) -> dict:
    """An official in the shape of ``article --json``: with the article's own spellings."""
    return {"id": o.id, "name": o.name, "country": o.country, "titles": list(o.titles),
            "written": spellings_by_article(o).get(article_id, [])}


def _event_json(e: Event, article_id: str) -> dict:
    """An event in the shape of ``article --json``: with this article's evidence only."""
    return {
        "id": e.id, "date": e.date, "precision": e.precision, "end_date": e.end_date, "planned": e.planned,
        "summary": e.summary,
        "evidence": [document(ev) for ev in e.evidence if ev.article_id == article_id],
    }


def _official_line(o: Official, article_id: str) -> str:
    """"Jeenbek Kulubayev (Kyrgyzstan; written Zheenbek Kulubaev)": the article's own spelling too."""
    written = [w for w in spellings_by_article(o).get(article_id, []) if w != o.name]
    extra = f"; written {', '.join(written)}" if written else ""
    return f"{o.name} ({o.country or '—'}{extra})"


def _note_line(placed: PlacedNote) -> str:
    """``    Note: …`` under its paragraph (the note's own lines kept), flagged when the paragraph changed."""
    note = placed.note
    flag = ""
    if placed.changed:
        flag = f" (written on paragraph {note.paragraph}, which read: “{safe(note.quoted or '')}”)"
    lines = safe(note.text).split("\n")
    return "\n".join([f"    Note{flag}: {lines[0]}", *(f"      {line}" for line in lines[1:])])


def run_show(args: argparse.Namespace) -> int:
    contents = open_store(args).contents()
    article = find_article(contents, args.id)
    officials = article_officials(contents, article.id)
    events = article_events(contents, article.id)
    paragraphs = article.paragraphs or ()
    tags = contents.tags_of(ARTICLE, article.id)
    notes = contents.notes_in(article)
    if args.json:
        doc = article_summary(article)
        doc["tags"] = tags
        doc["notes"] = [note_json(n) for n in notes]
        doc["paragraphs"] = [{"n": p.n, "kind": p.kind, "text": p.text} for p in paragraphs]
        doc["officials"] = [_official_json(o, article.id) for o in officials]
        doc["events"] = [_event_json(e, article.id) for e in events]
        print_json(doc)
        return 0
    print(safe(article.title or "(untitled)"))
    byline = " · ".join(safe(x) for x in (article.outlet, article.published, ", ".join(article.authors)) if x)
    if byline:
        print(byline)
    if article.url:
        print(safe(article.url))
    if tags:
        print("Tags: " + safe(", ".join(tags)))
    by_paragraph: dict[int | None, list[PlacedNote]] = {}
    for n in notes:
        by_paragraph.setdefault(n.paragraph, []).append(n)
    for n in by_paragraph.get(None, ()):
        print(_note_line(n))
    print()
    for p in paragraphs:
        text = safe(p.text)
        print(f"[{p.n}] " + (f"## {text}" if p.is_heading else text))
        for n in by_paragraph.get(p.n, ()):
            print(_note_line(n))
    if officials:
        print("\nOfficials: " + "; ".join(safe(_official_line(o, article.id)) for o in officials))
    if events:
        print("Events: " + "; ".join(safe(f"{event_when(e)} {e.summary or ''}") for e in events))
    return 0
