"""The user's ``config.toml``, read in one place for the command line and the explorer.

::

    style = "apa"          # the default citation style; $CCA_TUI_STYLE wins
    theme = "nord"         # the explorer's theme (also read from [tui])
    [keys]
    "cite.quote" = "Y"     # binding id = key, or keys: "q,Q" / ["q", "Q"]

``read_config`` never raises: what it cannot use comes back as one-line problems, each
naming the file (and the key id), for each face to treat its own way: the explorer shows
them as warnings and goes on with its defaults; ``cca-tui cite`` refuses a file it cannot
read or a style it does not know (``load_config``). Which key ids exist and what a key name
is, only the explorer knows (``tui.app.keymap``).
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping

from tui.cite import DEFAULT_STYLE, UnknownStyle, resolve_style
from tui.paths import display_path, one_line, user_config_dir

CONFIG_FILE = "config.toml"


class ConfigError(ValueError):
    """The config file (or ``$CCA_TUI_STYLE``) says something we cannot use."""


@dataclass(frozen=True)
class Config:
    """Settings after defaults and the environment are applied, and what could not be used."""

    style: str = DEFAULT_STYLE
    theme: str | None = None
    keys: dict[str, str] = field(default_factory=dict)  # binding id → keys, comma-separated
    path: Path | None = None
    error: str | None = None  # the file could not be read or parsed: nothing in it was used
    style_error: str | None = None  # the style named is unknown (``style`` is then the default)
    problems: tuple[str, ...] = ()  # entries left out (a [keys] value that is no key, a bad theme)


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


def read_config(path: Path | None = None, env: Mapping[str, str] | None = None) -> Config:
    """The config at ``path`` (default: the user's); a missing file gives the defaults.
    Never raises: see ``Config.error``, ``style_error`` and ``problems``."""
    path = path or config_path()
    env = os.environ if env is None else env
    try:
        raw = read_toml(path)
        error = None
    except ConfigError as exc:
        raw, error = {}, str(exc)
    where = display_path(path)
    problems: list[str] = []
    keys = _keys(raw.get("keys", {}), where, problems)
    theme = _theme(raw, where, problems)

    style, source = DEFAULT_STYLE, None
    if "style" in raw:
        style, source = raw["style"], f"{where}: style"
    if env.get("CCA_TUI_STYLE"):
        style, source = env["CCA_TUI_STYLE"], "$CCA_TUI_STYLE"
    style_error = None
    try:
        style = resolve_style(style)
    except UnknownStyle as exc:
        style, style_error = DEFAULT_STYLE, f"{source}: {exc}"
    return Config(style=style, theme=theme, keys=keys, path=path, error=error, style_error=style_error,
                  problems=tuple(problems))


def _keys(table: object, where: str, problems: list[str]) -> dict[str, str]:
    """``[keys]``: binding id → keys as one comma-separated string; other values are problems."""
    if not isinstance(table, dict):
        problems.append(f"{where}: [keys] must be a table of key ids, such as \"app.quit\" = \"q\"")
        return {}
    keys: dict[str, str] = {}
    for binding_id, value in table.items():
        if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
            value = ",".join(v.strip() for v in value)
        if isinstance(value, str) and value.strip():
            keys[binding_id] = value.strip()
        else:
            problems.append(f"{where}: [keys] \"{one_line(binding_id)}\": expected a key such as \"ctrl+x\" "
                            f"or a list of keys, not {_shown(value)}")
    return keys


def _theme(raw: dict[str, Any], where: str, problems: list[str]) -> str | None:
    section = raw.get("tui") if isinstance(raw.get("tui"), dict) else {}
    theme = section.get("theme", raw.get("theme"))
    if theme is None:
        return None
    if isinstance(theme, str) and theme.strip():
        return theme
    problems.append(f"{where}: theme: expected a theme name such as \"nord\", not {_shown(theme)}")
    return None


def _shown(value: object) -> str:
    return one_line(repr(value)) if len(repr(value)) <= 40 else f"a {type(value).__name__}"


def load_config(path: Path | None = None, env: Mapping[str, str] | None = None) -> Config:
    """The config, for a command that needs its style: raises ``ConfigError`` when the file
    cannot be read or parsed, or names an unknown style."""
    config = read_config(path, env)
    if config.error or config.style_error:
        raise ConfigError(config.error or config.style_error)
    return config


def default_style() -> str:
    """The style ``c`` and ``cite`` use when none is given. Raises ``ConfigError``."""
    return load_config().style
