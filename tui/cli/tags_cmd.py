"""``cca-tui tag``, ``untag`` and ``tags``: the user's tags on articles, officials and events."""

from __future__ import annotations

import argparse

from tui.cli.arguments import text_value
from tui.cli.common import add_json_flag, open_store
from tui.cli.layout import table_lines, terminal_width
from tui.cli.output import print_json, safe
from tui.cli.targets import TARGET_HELP, find_target
from tui.records import ARTICLE, EVENT, KINDS, OFFICIAL, Article, Official
from tui.tag_names import BadTagName, check_tag, tag_key

KIND_HEADINGS = {ARTICLE: "ARTICLES", OFFICIAL: "OFFICIALS", EVENT: "EVENTS"}


def tag_name(text: str) -> str:
    """A tag name as an argument: the rules of ``tui.tag_names``, checked before anything is read."""
    try:
        return check_tag(text)
    except BadTagName as exc:
        raise argparse.ArgumentTypeError(f"bad tag name {text!r}: {exc}") from None


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    for name, verb, run in (("tag", "put tags on", run_tag), ("untag", "take tags off", run_untag)):
        p = sub.add_parser(name, parents=[common], help=f"{verb} an article, an official or an event")
        p.add_argument("target", metavar="ID", type=text_value, help=TARGET_HELP)
        p.add_argument("tags", nargs="+", metavar="TAG", type=tag_name,
                       help="tag names: no spaces, quotes or commas, not starting with - (chapter-3, to-verify)")
        p.set_defaults(run=run)
    p = sub.add_parser("tags", parents=[common], help="every tag, with how many articles, officials and events carry it")
    add_json_flag(p)
    p.set_defaults(run=run_list)


def _kind(record) -> str:
    return ARTICLE if isinstance(record, Article) else OFFICIAL if isinstance(record, Official) else EVENT


def run_tag(args: argparse.Namespace) -> int:
    return _change(args, add=True)


def run_untag(args: argparse.Namespace) -> int:
    return _change(args, add=False)


def _change(args: argparse.Namespace, *, add: bool) -> int:
    library = open_store(args)
    target = find_target(library.contents(), args.target)
    done = library.tag([target], args.tags) if add else library.untag([target], args.tags)
    kind = _kind(target)
    for tag, label, changed in done:
        if add:
            what = "tagged" if changed else "already tagged"
        else:
            what = "untagged" if changed else "was not tagged"
        print(safe(f"{what} {tag}: {kind} {target.id} ({label})"))
    return 0


def run_list(args: argparse.Namespace) -> int:
    contents = open_store(args).contents()
    found = contents.annotations
    counts = found.counts()
    if args.json:
        print_json([_tag_json(c, found) for c in counts])
        return 0
    if not counts:
        print("no tags")
        return 0
    unplaced = any(c.unplaced for c in counts)
    headers = ["TAG", *(KIND_HEADINGS[k] for k in KINDS), *(["NOT FOUND"] if unplaced else [])]
    rows = [[c.tag, *(str(c.counts[k]) for k in KINDS), *([str(c.unplaced)] if unplaced else [])] for c in counts]
    for line in table_lines(headers, rows, terminal_width(), flexible=0):
        print(line)
    if unplaced:
        print("(not found: on an official or event that the last extraction did not find again; "
              "kept, and shown again when it is)")
    return 0


def _tag_json(count, found) -> dict:
    """One tag as ``tags --json`` gives it: counts by kind, and what it is on."""
    key = tag_key(count.tag)
    on = [{"kind": kind, "id": record_id}
          for kind in KINDS for record_id, tags in found.tagged(kind).items() if key in tags]
    return {"tag": count.tag, "articles": count.counts[ARTICLE], "officials": count.counts[OFFICIAL],
            "events": count.counts[EVENT], "not_found": count.unplaced, "on": on}
