"""config.toml: the default citation style, $CCA_TUI_STYLE, and the raw table for later keys."""

from __future__ import annotations

import pytest

from tui.config import ConfigError, config_path, default_style, load_config


@pytest.fixture
def cfg_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("CCA_TUI_CONFIG_DIR", str(tmp_path))
    monkeypatch.delenv("CCA_TUI_STYLE", raising=False)
    return tmp_path


def test_missing_file_defaults_to_apa(cfg_dir):
    assert config_path() == cfg_dir / "config.toml"
    cfg = load_config()
    assert cfg.style == "apa" and cfg.keys == {} and cfg.raw == {}


def test_style_and_keys_from_file(cfg_dir):
    (cfg_dir / "config.toml").write_text('style = "Chicago_Note"\n[keys]\ncopy_citation = "ctrl+c"\n', encoding="utf-8")
    cfg = load_config()
    assert cfg.style == "chicago-note"
    assert cfg.keys == {"copy_citation": "ctrl+c"}
    assert cfg.raw["keys"] == {"copy_citation": "ctrl+c"}
    assert default_style() == "chicago-note"


def test_environment_wins(cfg_dir, monkeypatch):
    (cfg_dir / "config.toml").write_text('style = "mla"\n', encoding="utf-8")
    monkeypatch.setenv("CCA_TUI_STYLE", "bibtex")
    assert default_style() == "bibtex"


def test_unknown_style_names_its_source(cfg_dir, monkeypatch):
    (cfg_dir / "config.toml").write_text('style = "harvard"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"config\.toml: style: unknown citation style 'harvard'; choose one of: apa"):
        load_config()
    monkeypatch.setenv("CCA_TUI_STYLE", "vancouver")
    with pytest.raises(ConfigError, match=r"\$CCA_TUI_STYLE: unknown citation style 'vancouver'"):
        load_config()


def test_bad_toml_and_bad_types(cfg_dir):
    (cfg_dir / "config.toml").write_text("style = apa\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_config()
    (cfg_dir / "config.toml").write_text("style = 3\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="unknown citation style 3"):
        load_config()
    (cfg_dir / "config.toml").write_text('keys = "c"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"\[keys\] must be a table"):
        load_config()
