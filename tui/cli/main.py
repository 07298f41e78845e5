"""Argument parsing and dispatch for ``cca-tui``."""

from __future__ import annotations

import argparse
import sys
import traceback

from tui import __version__
from tui.cli import articles_cmd, cite_cmd, db_cmd, export_cmd, feeds_cmd, ingest_cmd, people_cmd, search_cmd
from tui.cli import notes_cmd, tags_cmd
from tui.cli.arguments import Parser, path_value
from tui.cli.common import CommandExit
from tui.cli.output import error
from tui.library import QueryError, StoreError

# Each module adds its subcommands; the order is the order of --help.
COMMANDS = [ingest_cmd, feeds_cmd, articles_cmd, search_cmd, people_cmd, cite_cmd, export_cmd, tags_cmd, notes_cmd,
            db_cmd]

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def store_options(parser: argparse.ArgumentParser, *, top: bool) -> None:
    """``--db``, ``--no-seed`` and ``--debug``, valid before or after the subcommand."""
    # SUPPRESS after the subcommand, so it does not reset what came before it.
    default = (lambda v: v) if top else (lambda v: argparse.SUPPRESS)
    parser.add_argument("--db", metavar="PATH", type=path_value, default=default(None),
                        help="store file (wins over $CCA_TUI_DB; default: the per-user data dir)")
    parser.add_argument("--no-seed", action="store_true", default=default(False),
                        help="do not seed a new store with the shipped article")
    parser.add_argument("--debug", action="store_true", default=default(False),
                        help="show a traceback on unexpected errors")


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="cca-tui",
        description="Explore news about China–Central Asia cooperation. "
        "Without a command, opens the terminal explorer.",
    )
    parser.add_argument("--version", action="version", version=f"cca-tui {__version__}")
    store_options(parser, top=True)
    common = argparse.ArgumentParser(add_help=False)
    store_options(common, top=False)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in COMMANDS:
        module.register(sub, common)
    return parser


def _no_terminal() -> str | None:
    """Why the explorer cannot run here, or None. It reads keys from stdin and draws on
    stderr; with stdout piped away (``cca-tui | less``) a user expects text, not a UI."""
    streams = (("stdin", sys.stdin), ("stdout", sys.stdout), ("stderr", sys.stderr))
    missing = [name for name, stream in streams if stream is None or not stream.isatty()]
    if not missing:
        return None
    names = " and ".join([", ".join(missing[:-1]), missing[-1]] if len(missing) > 1 else missing)
    return (f"the explorer needs a terminal, but {names} {'is not one' if len(missing) == 1 else 'are not terminals'}; "
            "try `cca-tui --help` for the commands")


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """The parsed command line; a usage error prints one line and raises ``SystemExit(2)``."""
    parser = build_parser()
    args, extra = parser.parse_known_args(argv)
    if extra:
        # `search Kulubayev -summit`: a lone-dash word is an exclusion, not an option.
        if hasattr(args, "query") and all(e.startswith("-") and not e.startswith("--") and len(e) > 1 for e in extra):
            args.query = [*args.query, *extra]
        elif getattr(args, "more_words", None) and not any(e.startswith("--") for e in extra):
            # `note ID --para 3 some text`: the words after an option are the text's too.
            setattr(args, args.more_words, [*getattr(args, args.more_words), *extra])
        else:
            parser.error(f"unrecognized arguments: {' '.join(extra)}")
    return args


def main(argv: list[str] | None = None) -> int:
    """Entry point of the console script; returns the exit status."""
    try:
        args = parse_args(argv)
    except SystemExit as done:  # a usage error (its line is printed), --help or --version
        return done.code if isinstance(done.code, int) else EXIT_OK if done.code is None else EXIT_USAGE
    try:
        if args.command is None:
            problem = _no_terminal()
            if problem:
                error(problem)
                return EXIT_USAGE
            from tui.app import run_app  # Textual is imported only for the TUI

            return run_app(db=args.db, seed=not args.no_seed)
        return args.run(args)
    except CommandExit as done:
        return done.code
    except (StoreError, QueryError) as exc:
        error(str(exc))
        return EXIT_FAILED if isinstance(exc, StoreError) else EXIT_USAGE
    except KeyboardInterrupt:
        error("interrupted")
        return 130
    except BrokenPipeError:
        # `cca-tui articles | head`: the reader left; not an error.
        sys.stderr.close()
        return EXIT_OK
    except Exception as exc:  # noqa: BLE001 - the last line of defence for users
        if args.debug:
            traceback.print_exc()
        else:
            error(f"unexpected error: {exc.__class__.__name__}: {exc} (run with --debug for details)")
        return EXIT_FAILED


if __name__ == "__main__":
    sys.exit(main())
