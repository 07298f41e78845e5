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
from tui.paths import display_path, user_config_dir

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


def read_toml(path: Path) -> dict[str, Any]:
    """The table in the TOML file ``path`` (``{}`` when there is none): every reader of
    ``config.toml`` goes through here. Raises ``ConfigError`` naming the file, in one line."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{display_path(path)}: cannot be read (not UTF-8: {exc.reason} at byte {exc.start})") from exc
    except (OSError, ValueError) as exc:
        raise ConfigError(f"{display_path(path)}: cannot be read ({_reason(exc)})") from exc
    return parse_toml(text, path)


def parse_toml(text: str, path: Path) -> dict[str, Any]:
    """``text`` (the contents of ``path``) as a TOML table; raises ``ConfigError`` naming ``path``."""
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{display_path(path)}: not valid TOML ({exc})") from exc
    except RecursionError as exc:
        # tomllib recurses once per nested array or inline table.
        raise ConfigError(f"{display_path(path)}: not usable (values nested too deeply)") from exc


def _reason(exc: Exception) -> str:
    return (getattr(exc, "strerror", None) or str(exc) or type(exc).__name__).lower()


def load_config(path: Path | None = None, env: Mapping[str, str] | None = None) -> Config:
    """Read the config; a missing file gives the defaults. Raises ``ConfigError``."""
    path = path or config_path()
    env = os.environ if env is None else env
    raw = read_toml(path)

    keys = raw.get("keys", {})
    if not isinstance(keys, dict):
        raise ConfigError(f"{display_path(path)}: [keys] must be a table")

    style = DEFAULT_STYLE
    source = None
    if "style" in raw:
        style, source = raw["style"], f"{display_path(path)}: style"
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
