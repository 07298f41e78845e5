"""The one exception the ingest pipeline raises for bad input."""

from __future__ import annotations

import os

from tui.paths import display_path


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
