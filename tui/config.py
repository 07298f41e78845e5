"""The user's ``config.toml``: default citation style now, key bindings later.

::

    style = "apa"          # or $CCA_TUI_STYLE, which wins
    [keys]
    copy_citation = "c"
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping

from tui.cite import DEFAULT_STYLE, UnknownStyle, resolve_style
from tui.paths import user_config_dir

CONFIG_FILE = "config.toml"


class ConfigError(ValueError):
    """The config file (or ``$CCA_TUI_STYLE``) says something we cannot use."""


@dataclass(frozen=True)
class Config:
    """Settings after defaults and the environment are applied."""

    style: str = DEFAULT_STYLE
    keys: dict[str, Any] = field(default_factory=dict)
    raw: dict[str, Any] = field(default_factory=dict)  # the whole file, for later sections
    path: Path | None = None


def config_path() -> Path:
    """``config.toml`` in the user config dir (``$CCA_TUI_CONFIG_DIR`` in tests)."""
    return user_config_dir() / CONFIG_FILE


def load_config(path: Path | None = None, env: Mapping[str, str] | None = None) -> Config:
    """Read the config; a missing file gives the defaults. Raises ``ConfigError``."""
    path = path or config_path()
    env = os.environ if env is None else env
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raw = {}
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot be read ({exc})") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML ({exc})") from exc

    keys = raw.get("keys", {})
    if not isinstance(keys, dict):
        raise ConfigError(f"{path}: [keys] must be a table")

    style = DEFAULT_STYLE
    source = None
    if "style" in raw:
        style, source = raw["style"], f"{path}: style"
    if env.get("CCA_TUI_STYLE"):
        style, source = env["CCA_TUI_STYLE"], "$CCA_TUI_STYLE"
    try:
        style = resolve_style(style)
    except UnknownStyle as exc:
        raise ConfigError(f"{source}: {exc}") from exc
    return Config(style=style, keys=dict(keys), raw=raw, path=path)


def default_style() -> str:
    """The style ``c`` and ``cite`` use when none is given."""
    return load_config().style
