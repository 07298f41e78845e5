"""``cca-tui db check`` and ``cca-tui db rebuild``."""

from __future__ import annotations

import argparse
from pathlib import Path

from tui.cli.common import add_json_flag, open_store
from tui.cli.output import error, print_json, safe
from tui.library import Library, repair
from tui.paths import default_db_path


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("db", parents=[common], help="store maintenance")
    dbsub = p.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    c = dbsub.add_parser("check", parents=[common], help="report whether the store is sound")
    add_json_flag(c)
    c.set_defaults(run=run_check)
    f = dbsub.add_parser("repair", parents=[common],
                         help="restore the newest sound backup of a damaged store, or rebuild damaged records, "
                              "derived data and the search index")
    f.set_defaults(run=run_repair)
    r = dbsub.add_parser("rebuild", parents=[common], help="re-run extraction over the stored texts")
    r.set_defaults(run=run_rebuild)


def run_check(args: argparse.Namespace) -> int:
    library = open_store(args, name_unusable=False)
    report = library.check()
    if args.json:
        print_json({
            "path": str(library.path),
            "sound": report.sound,
            "schema": report.schema,
            "counts": report.counts,
            "problems": report.problems,
            "notes": report.notes,
        })
    else:
        counts = ", ".join(f"{n} {k}" for k, n in report.counts.items())
        print(f"store {safe(library.path)}: schema {report.schema}; {counts}")
        for note in report.notes:
            print(f"note: {safe(note)}")
        for problem in report.problems:
            print(f"problem: {safe(problem)}")
        print("sound" if report.sound else f"NOT sound: {len(report.problems)} problem(s)")
    return 0 if report.sound else 1


def run_rebuild(args: argparse.Namespace) -> int:
    library = open_store(args)
    notes: list[str] = []
    n = library.reextract(notes)
    for line in notes:
        error(f"warning: {line}")
    print(f"re-extracted {n} article(s): {len(library.officials())} officials, {len(library.events())} events")
    return 0


def run_repair(args: argparse.Namespace) -> int:
    # Not open_store(): an unreadable store must not stop the repair.
    path = Path(args.db) if args.db else default_db_path()
    for line in repair(path):
        print(safe(line))
    # What it could not mend (a record without its raw text) is not hidden by exit 0.
    left = Library.open(path, seed=False, create=False).check().problems
    if left:
        print(f"still NOT sound: {len(left)} problem(s); `cca-tui db check` lists them")
        return 1
    return 0
