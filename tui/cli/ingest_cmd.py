"""``cca-tui ingest PATH|URL...``: add saved pages, source texts and web pages to the store."""

from __future__ import annotations

import argparse

from tui.cli.arguments import MIB, language_code, path_value, published_date, size_mib, text_value, web_url
from tui.cli.common import add_json_flag, open_store
from tui.cli.output import Progress, error, print_json, safe
from tui.library import DEFAULT_MAX_BYTES
from tui.library.sources import AddReport
from tui.library.web_sources import fetcher_from_env, input_sources
from tui.paths import display_path


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("ingest", parents=[common],
                       help="add saved pages (.html) and source texts (.txt/.md), files or folders, and web pages by URL")
    p.add_argument("paths", nargs="+", metavar="PATH|URL", type=path_value,
                   help="a file, a folder, or an http(s) address to fetch")
    meta = p.add_argument_group("metadata (overrides front matter and what is detected)")
    meta.add_argument("--title", type=text_value)
    meta.add_argument("--outlet", type=text_value)
    meta.add_argument("--url", type=web_url, help="the article's http(s) address")
    meta.add_argument("--published", metavar="DATE", type=published_date)
    meta.add_argument("--author", action="append", metavar="NAME", type=text_value, help="repeat for several authors")
    meta.add_argument("--language", metavar="CODE", type=language_code)
    p.add_argument("--max-size", dest="max_bytes", type=size_mib, default=DEFAULT_MAX_BYTES, metavar="MiB",
                   help=f"refuse files and pages larger than this (default {DEFAULT_MAX_BYTES / MIB:g} MiB)")
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
    library = open_store(args)
    progress = Progress()
    overrides = overrides_from(args)
    report = AddReport()
    fetcher = fetcher_from_env(args.max_bytes)
    try:
        library.add(input_sources(args.paths, report, fetcher, overrides, args.max_bytes), progress, report)
    finally:
        fetcher.close()
        progress.close()
    for warning in report.warnings:
        error(f"warning: {warning}")
    for failure in report.failed:
        error(f"{display_path(failure['path'])}: {failure['error']}")
    if args.json:
        print_json(report.as_json())
    else:
        for article_id in report.added:
            print(f"added    {safe(article_id)}")
        for skip in report.skipped:
            print(f"skipped  {display_path(skip['path'])}: {display_path(skip['reason'])}")
        kinds = report.skipped_by_reason()
        why = f" ({', '.join(f'{n} {safe(kind)}' for kind, n in kinds.items())})" if kinds else ""
        print(
            f"{len(report.added)} added, {len(report.skipped)} skipped{why}, "
            f"{len(report.failed)} failed; store {display_path(library.path)}"
        )
    return 1 if report.failed else 0
