"""config.toml: the default citation style, $CCA_TUI_STYLE, the theme and [keys], read once
for the command line and the explorer."""

from __future__ import annotations

import pytest

from tui.config import ConfigError, config_path, default_style, load_config, read_config


@pytest.fixture
def cfg_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("CCA_TUI_CONFIG_DIR", str(tmp_path))
    monkeypatch.delenv("CCA_TUI_STYLE", raising=False)
    return tmp_path


def test_missing_file_defaults_to_apa(cfg_dir):
    assert config_path() == cfg_dir / "config.toml"
    cfg = load_config()
    assert (cfg.style, cfg.theme, cfg.keys, cfg.error, cfg.style_error, cfg.problems) == ("apa", None, {}, None,
                                                                                       None, ())


def test_style_theme_and_keys_from_file(cfg_dir):
    (cfg_dir / "config.toml").write_text(
        'style = "Chicago_Note"\ntheme = "nord"\n[keys]\n"cite.quote" = "Y"\n"app.quit" = ["q", " ctrl+c"]\n',
        encoding="utf-8")
    cfg = load_config()
    assert (cfg.style, cfg.theme) == ("chicago-note", "nord")
    assert cfg.keys == {"cite.quote": "Y", "app.quit": "q,ctrl+c"}
    assert cfg.problems == ()
    assert default_style() == "chicago-note"
    (cfg_dir / "config.toml").write_text('theme = "dark"\n[tui]\ntheme = "nord"\n', encoding="utf-8")
    assert read_config().theme == "nord"  # [tui] theme, where an older version wrote it


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



def test_keys_and_theme_that_cannot_be_used_are_one_line_each_and_do_not_stop_cite(cfg_dir):
    path = cfg_dir / "config.toml"
    path.write_text('keys = "c"\ntheme = 3\n', encoding="utf-8")
    cfg = load_config()  # the style is all `cite` needs
    assert cfg.problems == (f'{path}: [keys] must be a table of key ids, such as "app.quit" = "q"',
                            f'{path}: theme: expected a theme name such as "nord", not 3')
    assert (cfg.keys, cfg.theme) == ({}, None)
    path.write_text('[keys]\n"cite.copy" = 3\n"app.quit" = ""\n"app.help" = ["f1", 2]\n"pane.next" = "n"\n',
                    encoding="utf-8")
    cfg = read_config()
    assert cfg.keys == {"pane.next": "n"}
    assert cfg.problems == (
        f'{path}: [keys] "cite.copy": expected a key such as "ctrl+x" or a list of keys, not 3',
        f'{path}: [keys] "app.quit": expected a key such as "ctrl+x" or a list of keys, not \'\'',
        f'{path}: [keys] "app.help": expected a key such as "ctrl+x" or a list of keys, not [\'f1\', 2]',
    )


# Deep enough for tomllib's recursion (one frame set per nested array or inline table).
NESTED = "a = " + "[" * 5000 + "]" * 5000 + "\n"
NESTED_TABLES = "a = " + "{b = " * 3000 + "1" + "}" * 3000 + "\n"


@pytest.mark.parametrize("text", [NESTED, NESTED_TABLES], ids=["arrays", "inline-tables"])
def test_deeply_nested_config_is_a_config_error_naming_the_file(cfg_dir, text):
    (cfg_dir / "config.toml").write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        load_config()
    assert str(err.value) == f"{cfg_dir / 'config.toml'}: not usable (values nested too deeply)"


def test_explorer_settings_warn_in_one_line_on_every_broken_config(cfg_dir):
    from tui.app.settings import SettingsError, load_settings, save_theme

    path = cfg_dir / "config.toml"
    for text, says in [
        (NESTED, "not usable (values nested too deeply)"),
        ("[keys\n", "not valid TOML"),
        (b"style = \"apa\"\xff\n", "not UTF-8"),
    ]:
        path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
        settings = load_settings()
        assert settings.keymap == {} and settings.theme is None
        assert len(settings.warnings) == 1 and "\n" not in settings.warnings[0]
        assert settings.warnings[0].startswith(f"config ignored: {path}: ") and says in settings.warnings[0]
        with pytest.raises(SettingsError):
            save_theme("nord")
    path.write_text(NESTED, encoding="utf-8")
    with pytest.raises(SettingsError, match="nested too deeply"):
        save_theme("nord")
    assert path.read_text(encoding="utf-8") == NESTED  # untouched


def test_a_bad_style_still_leaves_keys_and_theme(cfg_dir):
    from tui.app.settings import load_settings

    (cfg_dir / "config.toml").write_text('style = "harvard"\ntheme = "nord"\n[keys]\n"app.quit" = "Q"\n', encoding="utf-8")
    settings = load_settings()
    assert (settings.keymap, settings.theme) == ({"app.quit": "Q"}, "nord")
    assert len(settings.warnings) == 1 and "unknown citation style 'harvard'" in settings.warnings[0]


def test_a_folder_named_config_toml_is_a_config_error(cfg_dir):
    (cfg_dir / "config.toml").mkdir()
    with pytest.raises(ConfigError, match=r"config\.toml: cannot be read \(is a directory\)"):
        load_config()


def test_cli_cite_with_a_nested_config_is_one_line(cfg_dir, capsys, tmp_path):
    from tui.cli import main

    (cfg_dir / "config.toml").write_text(NESTED, encoding="utf-8")
    code = main(["--db", str(tmp_path / "db.json"), "cite", "daryo-2024-03-31-launch-of-central-asia-china-secretariat"])
    out, err = capsys.readouterr()
    assert (code, out) == (2, "")
    assert err == f"cca-tui: {cfg_dir / 'config.toml'}: not usable (values nested too deeply)\n"
