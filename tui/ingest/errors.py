"""The one exception the ingest pipeline raises for bad input."""

from __future__ import annotations

import os
import re

# Characters a file name may legally contain that must not reach a terminal
# raw: controls (an ESC starts an escape sequence), bidi controls, zero-widths.
_UNSAFE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200b-\u200f\u2060\u061c\ufeff\ud800-\udfff]"
)


def display_path(path: str | os.PathLike | None) -> str:
    """A path safe to print on one terminal line: unsafe characters as ``\\xNN``/``\\uNNNN``.

    File names come from the outside world too; one named with an escape
    sequence must not be able to drive the terminal when an error names it.
    """
    if path is None:
        return ""
    text = os.fspath(path)
    if isinstance(text, bytes):
        text = os.fsdecode(text)
    return _UNSAFE.sub(lambda m: m.group().encode("unicode_escape", "backslashreplace").decode("ascii"), text)


class SourceError(Exception):
    """A source file (or text) that cannot become an article.

    ``str()`` is one line naming the file and the reason, e.g.
    ``notes/a.txt: binary file (contains NUL bytes)``, with the file name made
    safe to print (``display_path``); ``path`` (as given) and ``reason`` are
    kept apart for JSON output.
    """

    def __init__(self, path: str | os.PathLike | None, reason: str) -> None:
        self.path = os.fspath(path) if path is not None else None
        # One line, always: reasons may quote hostile input.
        self.reason = " ".join(str(reason).split())
        super().__init__(self.path, self.reason)

    def __str__(self) -> str:
        return f"{display_path(self.path)}: {self.reason}" if self.path else self.reason

    def __repr__(self) -> str:
        return f"SourceError({self.path!r}, {self.reason!r})"
