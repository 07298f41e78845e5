"""Where cca-tui finds its shipped data and keeps the user's store."""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

import platformdirs

APP_NAME = "cca-tui"


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
