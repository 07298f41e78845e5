"""The explorer's settings from ``config.toml`` (user config dir): keys, theme, and problems.

The file is read by ``tui.config.read_config``, the one reader the command line uses too;
here its ``[keys]`` are held against the explorer's bindings (``tui.app.keymap``). Nothing
in it may keep the explorer from starting: each problem is one warning line, shown in the
app, and the defaults stand in. A theme picked in the app is written back into the same
file (only its ``theme`` line changes).
"""

from __future__ import annotations

import copy
import json
import os
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from tui.app.bindings import binding_ids
from tui.app.copying import style_warning
from tui.app.keymap import check_keymap
from tui.config import ConfigError, config_path, parse_toml, read_config
from tui.files import atomic_write_bytes
from tui.paths import display_path


@dataclass
class Settings:
    keymap: dict[str, str] = field(default_factory=dict)
    theme: str | None = None
    warnings: list[str] = field(default_factory=list)


def load_settings(path: Path | None = None) -> Settings:
    """Keymap, theme and warnings from the config file; a missing file gives defaults."""
    config = read_config(path)
    warnings: list[str] = []
    if config.error:
        warnings.append(f"config ignored: {config.error}")
    elif config.style_error:
        warnings.append(style_warning(config) or "")
    warnings += config.problems
    keymap, bad_keys = check_keymap(config.keys, binding_ids(), display_path(config.path))
    return Settings(keymap=keymap, theme=config.theme, warnings=warnings + bad_keys)


# -- saving the theme chosen in the app ------------------------------------------------------

_HEADER = re.compile(r"^\s*\[\[?\s*(?P<name>[^\[\]]+?)\s*\]\]?\s*(?:#.*)?$")
_THEME_LINE = re.compile(r"""^(?P<lead>\s*theme\s*=\s*)(?P<value>"(?:[^"\\]|\\.)*"|'[^']*')(?P<rest>.*)$""")


class SettingsError(ValueError):
    """The setting could not be saved without risking the user's config file."""


def save_theme(theme: str, path: Path | None = None) -> Path:
    """Write ``theme = "<theme>"`` into ``config.toml``, keeping every other line as it was.

    Only the ``theme`` line changes (or one is added near the top), so comments,
    order and the user's other settings survive; the edit is checked by parsing
    the result before the file is replaced atomically. Raises ``SettingsError``
    (a config that does not parse, or an edit that would change anything else)
    and ``OSError``. Returns the path written.
    """
    path = path or config_path()
    try:
        old = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        old = ""
    except (OSError, UnicodeDecodeError) as exc:
        raise SettingsError(f"{path}: cannot be read ({exc})") from exc
    try:
        before = parse_toml(old, path)
    except ConfigError as exc:
        raise SettingsError(str(exc)) from exc

    in_tui = isinstance(before.get("tui"), dict) and "theme" in before["tui"]
    new = _set_theme_line(old, json.dumps(theme), section="tui" if in_tui else None)
    expected = copy.deepcopy(before)
    (expected["tui"] if in_tui else expected)["theme"] = theme
    try:
        after = tomllib.loads(new)
    except (tomllib.TOMLDecodeError, RecursionError):
        after = None
    if after != expected:
        raise SettingsError(f"{path}: could not add the theme without changing other settings; add theme = {json.dumps(theme)} by hand")
    mode = path.stat().st_mode & 0o777 if old else None
    atomic_write_bytes(path, new.encode("utf-8"))
    if mode is not None:
        os.chmod(path, mode)
    return path


def _set_theme_line(text: str, value: str, section: str | None) -> str:
    """``text`` with its ``theme`` line (top level or in ``[section]``) set to ``value``, or one added."""
    lines = text.splitlines(keepends=True)
    current: str | None = None  # None: top level, before any table
    for i, line in enumerate(lines):
        header = _HEADER.match(line)
        if header:
            current = header["name"]
            continue
        match = _THEME_LINE.match(line)
        if match and current == section:
            ending = "\n" if line.endswith("\n") else ""
            lines[i] = f"{match['lead']}{value}{match['rest'].rstrip(chr(10)).rstrip(chr(13))}{ending}"
            return "".join(lines)
    # No theme line: a top-level key goes before the first table; after the leading comments.
    at = 0
    while at < len(lines) and (not lines[at].strip() or lines[at].lstrip().startswith("#")):
        at += 1
    if at == len(lines) and lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    lines.insert(at, f"theme = {value}\n")
    return "".join(lines)
