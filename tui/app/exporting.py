"""Saving marked articles to a file the user names: where it goes, and writing it.

Plain Python (no Textual). A file already there is replaced only when the user said so;
a folder, a device or a link is never written over (``tui.files.write_file``).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from tui.files import KeptFile, write_file


class ExportProblem(Exception):
    """The file named cannot be written; ``str()`` is one line for a toast."""


def export_target(typed: str, cwd: Path | None = None) -> Path:
    """The file ``typed`` names (``~`` expanded, relative to ``cwd``: the working folder).

    Raises ``ExportProblem`` for an empty name, a folder, or anything that is not a
    regular file (``/dev/null``, a FIFO): those are never written."""
    name = typed.strip()
    if not name:
        raise ExportProblem("Type a file name to save to.")
    path = Path(os.path.expanduser(name))
    if not path.is_absolute():
        path = (cwd or Path.cwd()) / path
    try:
        st = path.stat()
    except FileNotFoundError:
        return path
    except OSError as exc:
        raise ExportProblem(f"{path}: cannot be used ({(exc.strerror or str(exc)).lower()})") from None
    if stat.S_ISDIR(st.st_mode):
        raise ExportProblem(f"{path}: is a folder; name a file in it")
    if not stat.S_ISREG(st.st_mode):
        raise ExportProblem(f"{path}: not a regular file; nothing written")
    return path


def save_export(path: Path, text: str, *, replace: bool) -> None:
    """Write ``text`` to ``path`` atomically, replacing a file there only if ``replace``
    (a symlink's target is written, as the user named it). Raises ``ExportProblem``."""
    real = Path(os.path.realpath(path))
    try:
        real.parent.mkdir(parents=True, exist_ok=True)
        write_file(real, text.encode("utf-8"), force=replace)
    except KeptFile as kept:
        reason = "it exists; kept" if not replace else str(kept)
        raise ExportProblem(f"{path}: {reason}; nothing written") from None
    except OSError as exc:
        raise ExportProblem(f"{path}: cannot write it ({(exc.strerror or str(exc)).lower()})") from None
