"""``cca-tui cite ID`` and ``cca-tui export``: citations on stdout, the clipboard or a file."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from tui import clipboard
from tui.cite import (
    EXPORT_FORMATS,
    STYLES,
    UnknownParagraph,
    UnknownStyle,
    describe,
    format_citation,
    format_many,
    format_quotation,
    resolve_style,
)
from tui.cli.common import open_store
from tui.cli.output import error
from tui.config import ConfigError, load_config
from tui.ingest.source import render_source
from tui.search import SearchIndex, parse_query
from tui.storage import atomic_write_bytes

# Where ``--copy`` writes OSC 52 without a Textual app; tests point it at a pty.
TTY_PATH = "/dev/tty"


SOURCES = "sources"  # source texts with front matter, one file per article


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "cite", parents=[common], help="print (and copy) an article's citation",
        description="Styles: " + ", ".join(STYLES) + ". The default comes from config.toml "
        "(style = \"apa\") or $CCA_TUI_STYLE.",
    )
    p.add_argument("id", metavar="ID")
    p.add_argument("--style", metavar="STYLE", help="|".join(STYLES))
    p.add_argument("--para", type=int, metavar="N", help="quote paragraph N (headings count) with a locator")
    p.add_argument("--sentence", type=int, metavar="K", help="with --para: quote only its K-th sentence")
    p.add_argument("--accessed", type=date.fromisoformat, metavar="YYYY-MM-DD",
                   help="access date where a style needs one (default: today)")
    p.add_argument("--copy", action="store_true", help="also copy it (OSC 52, tmux, native tool)")
    p.set_defaults(run=run_cite)

    p = sub.add_parser("export", parents=[common], help="export matching articles as a bibliography or table")
    p.add_argument("query", nargs="*", metavar="QUERY", help="search query (default: all articles)")
    p.add_argument("--format", required=True, metavar="FORMAT", help="|".join((*EXPORT_FORMATS, SOURCES)))
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE atomically instead of stdout "
                   f"(a folder for --format {SOURCES}: one source text per article, ready to ingest again)")
    p.set_defaults(run=run_export)


def _write_stdout(text: str) -> None:
    # Bytes, so a non-UTF-8 locale cannot turn "Xi’an" into an encoding error.
    sys.stdout.buffer.write(text.encode("utf-8"))
    sys.stdout.flush()


def run_cite(args: argparse.Namespace) -> int:
    try:
        style = resolve_style(args.style) if args.style else load_config().style
    except (UnknownStyle, ConfigError) as exc:
        error(str(exc))
        return 2
    if args.sentence is not None and args.para is None:
        error("--sentence needs --para")
        return 2
    store = open_store(args)
    article = store.article(args.id)
    if article is None:
        error(f"no article with id {args.id!r} (see `cca-tui articles`)")
        return 1
    try:
        if args.para is None:
            text = format_citation(article, style, accessed=args.accessed)
        else:
            text = format_quotation(article, args.para, style, sentence=args.sentence, accessed=args.accessed)
    except UnknownParagraph as exc:
        error(str(exc))
        return 1
    _write_stdout(text + "\n")
    if args.copy:
        label = describe(article, style, quotation=args.para is not None)
        result = clipboard.copy_and_remember(
            text, label, clipboard.osc52_to_tty(TTY_PATH), style=style, article_id=article["id"]
        )
        # stderr, so `cite --copy > file` keeps the file clean.
        print(f"cca-tui: {result.message(label)}", file=sys.stderr)
    return 0


def run_export(args: argparse.Namespace) -> int:
    fmt = args.format.strip().lower()
    if fmt not in (*EXPORT_FORMATS, SOURCES):
        error(str(UnknownStyle(args.format, (*EXPORT_FORMATS, SOURCES), "export format")))
        return 2
    if fmt == SOURCES and (not args.output or args.output == "-"):
        error(f"--format {SOURCES} needs -o FOLDER")
        return 2
    query = parse_query(" ".join(args.query)) if args.query else None  # bad query: before opening
    store = open_store(args)
    articles = store.articles()
    if query is not None:
        wanted = {r.article_id for r in SearchIndex(articles).search(query)}
        articles = [a for a in articles if a["id"] in wanted]  # store order: newest first
    if fmt == SOURCES:
        return _export_sources(articles, Path(args.output))
    text = format_many(articles, fmt)
    if not args.output or args.output == "-":
        _write_stdout(text)
        return 0
    atomic_write_bytes(Path(args.output), text.encode("utf-8"))
    print(f"cca-tui: wrote {len(articles)} article(s) as {fmt} to {args.output}", file=sys.stderr)
    return 0


def _export_sources(articles: list[dict], folder: Path) -> int:
    """One front-matter source text per article: ``ingest`` reads them back unchanged."""
    if folder.exists() and not folder.is_dir():
        error(f"{folder}: not a folder")
        return 2
    folder.mkdir(parents=True, exist_ok=True)
    for article in articles:
        # .txt, not .md: markdown emphasis rules must not touch the text on the way back.
        atomic_write_bytes(folder / f"{article['id']}.txt", render_source(article).encode("utf-8"))
    print(f"cca-tui: wrote {len(articles)} source text(s) to {folder}", file=sys.stderr)
    return 0
