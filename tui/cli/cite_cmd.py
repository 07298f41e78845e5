"""``cca-tui cite ID``: a citation or quotation on stdout and, if asked, the clipboard."""

from __future__ import annotations

import argparse
import sys

from tui import clipboard
from tui.cite import (
    STYLES,
    UnknownParagraph,
    UnknownStyle,
    describe,
    format_citation,
    format_quotation,
    resolve_style,
)
from tui.cli.arguments import iso_date, positive_int, text_value
from tui.cli.common import ID_HELP, find_article, open_store
from tui.cli.output import error, write_stdout
from tui.config import ConfigError, load_config

# Where ``--copy`` writes OSC 52 without a Textual app; tests point it at a pty.
TTY_PATH = "/dev/tty"


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "cite", parents=[common], help="print (and copy) an article's citation",
        description="Styles: " + ", ".join(STYLES) + ". The default comes from config.toml "
        "(style = \"apa\") or $CCA_TUI_STYLE.",
    )
    p.add_argument("id", metavar="ID", type=text_value, help=ID_HELP)
    p.add_argument("--style", metavar="STYLE", type=text_value, help="|".join(STYLES))
    p.add_argument("--para", type=positive_int, metavar="N", help="quote paragraph N (headings count) with a locator")
    p.add_argument("--sentence", type=positive_int, metavar="K", help="with --para: quote only its K-th sentence")
    p.add_argument("--accessed", type=iso_date, metavar="YYYY-MM-DD",
                   help="access date where a style needs one (default: today)")
    p.add_argument("--copy", action="store_true", help="also copy it (OSC 52, tmux, native tool)")
    p.set_defaults(run=run_cite)


def run_cite(args: argparse.Namespace) -> int:
    try:
        style = resolve_style(args.style) if args.style is not None else load_config().style
    except (UnknownStyle, ConfigError) as exc:
        error(str(exc))
        return 2
    if args.sentence is not None and args.para is None:
        error("--sentence needs --para")
        return 2
    article = find_article(open_store(args).contents(), args.id)
    try:
        if args.para is None:
            text = format_citation(article, style, accessed=args.accessed)
        else:
            text = format_quotation(article, args.para, style, sentence=args.sentence, accessed=args.accessed)
    except UnknownParagraph as exc:
        error(str(exc))
        return 1
    write_stdout(text + "\n")
    if args.copy:
        label = describe(article, style, quotation=args.para is not None)
        result = clipboard.copy_and_remember(
            text, label, clipboard.osc52_to_tty(TTY_PATH), style=style, article_id=article.id
        )
        # stderr, so `cite --copy > file` keeps the file clean.
        print(f"cca-tui: {result.message(label)}", file=sys.stderr)
    return 0
