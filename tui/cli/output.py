"""Printing for the CLI: one JSON document, or readable tables that cannot inject escapes."""

from __future__ import annotations

import os
import re
import sys

import orjson

from tui.paths import display_path, one_line

# Anything that could steer a terminal or reorder a line: C0 (but tab/newline), DEL, C1,
# ESC, and the bidi embeddings, overrides and isolates (a hand-edited store may hold them).
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def safe(text: object) -> str:
    """Text fit to print on a terminal: control characters removed."""
    return _UNSAFE.sub("", "" if text is None else str(text))


def print_json(document: object) -> None:
    """Write one JSON document (UTF-8, indented) to stdout."""
    sys.stdout.buffer.write(orjson.dumps(document, option=orjson.OPT_INDENT_2) + b"\n")
    sys.stdout.flush()


def write_stdout(text: str) -> None:
    """Write ``text`` as UTF-8 whatever the locale (a C locale must not turn "Xi’an" into an error)."""
    sys.stdout.buffer.write(text.encode("utf-8"))
    sys.stdout.flush()


def error(message: str) -> None:
    """One clear line on stderr (a file name with a newline in it cannot make it two)."""
    print(f"cca-tui: {one_line(message)}", file=sys.stderr)


def note(message: str) -> None:
    """One line of information on stderr, so stdout keeps only the results."""
    print(f"cca-tui: {one_line(message)}", file=sys.stderr)


class Progress:
    """A one-line progress bar on stderr, only when stderr is a terminal."""

    def __init__(self) -> None:
        self.enabled = sys.stderr.isatty()
        self.shown = False

    def __call__(self, done: int, total: int, path: str) -> None:
        if not self.enabled or total < 2:
            return
        bar = 24
        filled = bar * done // total
        name = display_path(os.path.basename(os.fspath(path)) or path)[:40]
        sys.stderr.write(f"\r[{'#' * filled}{' ' * (bar - filled)}] {done}/{total} {name}\x1b[K")
        sys.stderr.flush()
        self.shown = True

    def close(self) -> None:
        if self.shown:
            sys.stderr.write("\r\x1b[K")
            sys.stderr.flush()
