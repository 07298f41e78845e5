"""``cca-tui ingest PATH...``: add source texts to the store."""

from __future__ import annotations

import argparse

from tui.cli.common import add_json_flag, open_store
from tui.cli.output import Progress, error, print_json, safe
from tui.importer import ingest_paths
from tui.ingest.files import DEFAULT_MAX_BYTES

MIB = 1024 * 1024


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("ingest", parents=[common], help="add saved pages (.html) and source texts (.txt/.md): files or folders")
    p.add_argument("paths", nargs="+", metavar="PATH")
    meta = p.add_argument_group("metadata (overrides front matter and what is detected)")
    meta.add_argument("--title")
    meta.add_argument("--outlet")
    meta.add_argument("--url")
    meta.add_argument("--published", metavar="DATE")
    meta.add_argument("--author", action="append", metavar="NAME", help="repeat for several authors")
    meta.add_argument("--language", metavar="CODE")
    p.add_argument("--max-size", type=float, default=DEFAULT_MAX_BYTES / MIB, metavar="MiB",
                   help=f"refuse files larger than this (default {DEFAULT_MAX_BYTES / MIB:g} MiB)")
    add_json_flag(p)
    p.set_defaults(run=run)


def overrides_from(args: argparse.Namespace) -> dict:
    fields = {
        "title": args.title,
        "outlet": args.outlet,
        "url": args.url,
        "published": args.published,
        "authors": args.author,
        "language": args.language,
    }
    return {k: v for k, v in fields.items() if v is not None}


def run(args: argparse.Namespace) -> int:
    store = open_store(args)
    progress = Progress()
    try:
        report = ingest_paths(store, args.paths, overrides_from(args), progress, int(args.max_size * MIB))
    finally:
        progress.close()
    for warning in report.warnings:
        error(f"warning: {warning}")
    for failure in report.failed:
        error(f"{failure['path']}: {failure['error']}")
    if args.json:
        print_json(report.as_json())
    else:
        for article_id in report.added:
            print(f"added    {safe(article_id)}")
        for skip in report.skipped:
            print(f"skipped  {safe(skip['path'])}: {safe(skip['reason'])}")
        kinds = report.skipped_by_reason()
        why = f" ({', '.join(f'{n} {safe(kind)}' for kind, n in kinds.items())})" if kinds else ""
        print(
            f"{len(report.added)} added, {len(report.skipped)} skipped{why}, "
            f"{len(report.failed)} failed; store {safe(store.path)}"
        )
    return 1 if report.failed else 0
