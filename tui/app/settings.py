"""The explorer's part of ``config.toml`` (user config dir): ``[keys]`` and ``theme``.

Read leniently: a broken config must not keep the explorer from starting, so
problems come back as warnings shown in the app.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from tui.paths import user_config_dir


@dataclass
class Settings:
    keymap: dict[str, str] = field(default_factory=dict)
    theme: str | None = None
    warnings: list[str] = field(default_factory=list)


def _raw_config(path: Path | None, warnings: list[str]) -> dict:
    try:
        from tui.config import ConfigError, load_config
    except ImportError:
        load_config = None
    if load_config is not None:
        try:
            return load_config(path).raw
        except ConfigError as exc:
            warnings.append(f"config ignored: {exc}")
            if not isinstance(exc.__cause__, tomllib.TOMLDecodeError):
                pass  # a bad style: keys and theme may still be fine, read them below
            else:
                return {}
    path = path or user_config_dir() / "config.toml"
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except FileNotFoundError:
        return {}
    except (OSError, tomllib.TOMLDecodeError) as exc:
        warnings.append(f"config ignored: {path}: {exc}")
        return {}


def load_settings(path: Path | None = None) -> Settings:
    """Keymap and theme from the config file; a missing file gives defaults."""
    settings = Settings()
    data = _raw_config(path, settings.warnings)
    keys = data.get("keys") or {}
    if isinstance(keys, dict):
        for binding_id, value in keys.items():
            if isinstance(value, list):
                value = ",".join(str(v) for v in value)
            if isinstance(value, str) and value.strip():
                settings.keymap[str(binding_id)] = value.strip()
            else:
                settings.warnings.append(f"[keys] {binding_id}: expected a key such as \"ctrl+x\"")
    tui_section = data.get("tui") if isinstance(data.get("tui"), dict) else {}
    theme = tui_section.get("theme", data.get("theme"))
    if isinstance(theme, str) and theme:
        settings.theme = theme
    return settings
