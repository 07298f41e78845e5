"""Where cca-tui finds its shipped data and keeps the user's store."""

from __future__ import annotations

import os
import re
from functools import cache
from pathlib import Path

import platformdirs

APP_NAME = "cca-tui"

# Characters a file name (or any message quoting outside text) may contain that must not
# reach a terminal raw: controls (a newline would fake an extra output line, an ESC starts
# an escape sequence), line/paragraph separators, bidi controls and zero-widths.
_UNPRINTABLE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\u200b-\u200f\u2060\u061c\ufeff"
    "\ud800-\udfff]"
)


def one_line(text: str) -> str:
    """``text`` safe to print as one terminal line: unprintable characters as ``\\xNN``/``\\uNNNN``.

    Escaped rather than removed, so the user can still tell which file was meant.
    """
    return _UNPRINTABLE.sub(lambda m: m.group().encode("unicode_escape", "backslashreplace").decode("ascii"), text)


def display_path(path: str | os.PathLike | None) -> str:
    """A path as every message shows it: on one line, nothing in it able to drive the terminal."""
    if path is None:
        return ""
    text = os.fspath(path)
    if isinstance(text, bytes):
        text = os.fsdecode(text)
    return one_line(text)


@cache
def data_dir() -> Path:
    """The shipped data folder: ``tui/_data`` in a wheel, ``data/`` in a checkout."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "_data", here.parent / "data"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("cca-tui's data folder is missing from this installation")


def seed_dir() -> Path:
    """Source texts the store is seeded with."""
    return data_dir() / "articles"


def default_db_path() -> Path:
    """The store: ``$CCA_TUI_DB`` if set, else the per-user data dir."""
    env = os.environ.get("CCA_TUI_DB")
    if env:
        return Path(env).expanduser()
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "store.json"


def user_data_dir() -> Path:
    """Per-user folder for the copy history and other small state."""
    env = os.environ.get("CCA_TUI_DATA_DIR")
    if env:
        return Path(env).expanduser()
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def user_config_dir() -> Path:
    """Per-user folder for ``config.toml``."""
    env = os.environ.get("CCA_TUI_CONFIG_DIR")
    if env:
        return Path(env).expanduser()
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))
