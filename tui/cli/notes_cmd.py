"""``cca-tui note`` and ``notes``: what the user writes in an article's margin."""

from __future__ import annotations

import argparse

from tui.cli.arguments import positive_int, text_value
from tui.cli.common import ID_HELP, add_json_flag, find_article, open_store
from tui.cli.output import error, print_json, safe
from tui.ids import short_ids
from tui.library import Contents
from tui.library.userdata import PlacedNote, UserDataError
from tui.records import Article

EXIT_USAGE = 2


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("note", parents=[common], help="write a note on an article or one of its paragraphs",
                       description="Write TEXT as a note on the article (or its paragraph N). A note "
                       "already there keeps its text: TEXT is added below it, unless --replace.")
    p.add_argument("id", metavar="ID", type=text_value, help=ID_HELP)
    p.add_argument("text", nargs="*", metavar="TEXT", help="the note (several words are joined by spaces)")
    p.add_argument("--para", type=positive_int, metavar="N", help="on paragraph N (as `article ID` numbers them)")
    how = p.add_mutually_exclusive_group()
    how.add_argument("--replace", action="store_true", help="replace the note there instead of adding to it")
    how.add_argument("--delete", action="store_true", help="delete the note there (give no TEXT)")
    p.set_defaults(run=run_note, more_words="text")
    p = sub.add_parser("notes", parents=[common], help="the notes written, on every article or on one")
    p.add_argument("id", nargs="?", metavar="ID", type=text_value, help=ID_HELP)
    add_json_flag(p)
    p.set_defaults(run=run_list)


def _where(article: Article, paragraph: int | None) -> str:
    return f"paragraph {paragraph} of article {article.id}" if paragraph is not None else f"article {article.id}"


def run_note(args: argparse.Namespace) -> int:
    text = " ".join(args.text)
    if args.delete and text:
        error("note --delete takes no TEXT")
        return EXIT_USAGE
    if not args.delete and not text.strip():
        error("note needs TEXT (or --delete to delete the note there)")
        return EXIT_USAGE
    library = open_store(args)
    article = find_article(library.contents(), args.id)
    paragraphs = article.paragraphs or ()
    if args.para is not None and article.paragraph(args.para) is None:
        error(f"argument --para: article {article.id} has no paragraph {args.para} (it has {len(paragraphs)})")
        return EXIT_USAGE
    where = _where(article, args.para)
    if args.delete:
        gone = library.delete_note(article, args.para)
        if gone is None:
            error(f"no note on {where}")
            return 1
        print(safe(f"deleted the note on {where}: {gone.text}"))
        return 0
    try:
        _note, done = library.note(article, text, args.para, replace=args.replace)
    except UserDataError as exc:
        error(str(exc))
        return EXIT_USAGE
    said = {"added": f"added a note on {where}", "extended": f"added to the note on {where}",
            "replaced": f"replaced the note on {where}"}[done]
    print(safe(said))
    return 0


def run_list(args: argparse.Namespace) -> int:
    library = open_store(args)
    contents = library.contents()
    if args.id is not None:
        article_ids = [find_article(contents, args.id).id]
    else:
        article_ids = list(dict.fromkeys(n.article_id for n in library.notes()))
    listed = [(aid, contents.article(aid)) for aid in article_ids]
    placed = {aid: (contents.notes_in(a) if a is not None else _unplaced(contents, aid)) for aid, a in listed}
    if args.json:
        print_json([{"article_id": aid, "title": a.title if a is not None else None, **note_json(p)}
                    for aid, a in listed for p in placed[aid]])
        return 0
    if not any(placed.values()):
        print("no notes" if args.id is None else f"no notes on article {article_ids[0]}")
        return 0
    short = short_ids(a.id for a in contents.articles)
    for aid, article in listed:
        if not placed[aid]:
            continue
        title = safe(article.title or "(untitled)") if article is not None else "(not in the store now)"
        print(f"{safe(short.get(aid, aid))}  {title}")
        for p in placed[aid]:
            print(_note_lines(p))
    return 0


def _unplaced(contents: Contents, article_id: str) -> list[PlacedNote]:
    """The notes on an article the store no longer holds: kept, shown where they were."""
    return [PlacedNote(n, None) for n in contents.annotations.notes_of(article_id)]


def _note_lines(placed: PlacedNote) -> str:
    """``  ¶3: text``, its further lines under the first; a changed paragraph says how it read."""
    note = placed.note
    label = f"¶{placed.paragraph}" if placed.paragraph is not None else (
        "article" if note.paragraph is None else f"¶{note.paragraph}")
    if placed.changed:
        label += f" (its paragraph changed since; it read: “{safe(note.quoted or '')}”)"
    lead = f"  {label}: "
    lines = safe(note.text).split("\n")
    return "\n".join([lead + lines[0], *("    " + line for line in lines[1:])])


def note_json(placed: PlacedNote) -> dict:
    """A note as ``--json`` gives it (``notes``, ``article ID``, ``export --format json``):
    the paragraph it shows at now (null: on the article), the one it was written on, and
    whether that paragraph still reads as it did then (``quoted``)."""
    note = placed.note
    return {"paragraph": placed.paragraph, "written_on_paragraph": note.paragraph, "changed": placed.changed,
            "quoted": note.quoted, "text": note.text, "created": note.created, "updated": note.updated}
