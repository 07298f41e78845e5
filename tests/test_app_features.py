"""Keymap, filter picker, style chooser and command palette, driven by keys."""

from __future__ import annotations

from pathlib import Path

from tests.pilot import explorer, palette, press, screen_text
from tui.app import CcaApp
from tui.app.bindings import all_bindings
from tui.app.settings import load_settings


def test_every_binding_has_an_id_and_a_tooltip():
    for binding in all_bindings():
        assert binding.id, binding
        assert binding.tooltip or binding.description, binding


async def test_user_keymap_rebinds_keys(isolated_dirs: Path, hand_store):
    config = isolated_dirs / "config" / "config.toml"
    config.parent.mkdir(parents=True)
    config.write_text('[keys]\n"pane.officials" = "o"\n"app.quit" = "Q"\n')
    assert load_settings().keymap == {"pane.officials": "o", "app.quit": "Q"}
    async with explorer(hand_store) as (app, pilot):
        await pilot.press("2")
        assert app.main.kind == "articles"  # 2 no longer switches
        await pilot.press("o")
        assert app.main.kind == "officials"
        await pilot.press("q")  # rebound away: nothing happens
        await pilot.pause()
        assert app.is_running
        await pilot.press("Q")
        await pilot.pause()
    assert app.return_code == 0


async def test_broken_config_is_a_warning_not_a_crash(isolated_dirs: Path, hand_store):
    config = isolated_dirs / "config" / "config.toml"
    config.parent.mkdir(parents=True)
    config.write_text("[keys\n")
    async with explorer(hand_store) as (app, pilot):
        assert any("config ignored" in n.message for n in app._notifications)
        assert "Launch of Central" in screen_text(app)


async def test_filter_picker_applies_to_all_panes_and_x_clears(hand_store):
    async with explorer(hand_store) as (app, pilot):
        await press(pilot, "f")
        assert "Filters — apply to all panes" in screen_text(app)
        # Country select: open, pick Kazakhstan (countries are sorted: China, Kazakhstan, Kyrgyzstan).
        await press(pilot, "enter", "down", "down", "enter")
        await press(pilot, "ctrl+s")
        assert app.main.filters.country == "Kazakhstan"
        assert "Filters: country: Kazakhstan" in screen_text(app)
        await press(pilot, "2")
        names = [r.cells[0] for r in app.main.pane("officials").records.rows]
        assert names == ["Murat Nurtleu"]
        await press(pilot, "3")
        keys = [r.key for r in app.main.pane("timeline").records.rows if r.key]
        assert keys == ["event-2024-03-30-secretariat"]  # the event Nurtleu took part in
        await press(pilot, "x")
        assert not app.main.filters.active
        assert len(app.main.pane("officials").records.rows) == 5
        assert "No filters" in screen_text(app)


async def test_filter_picker_rejects_a_bad_date(hand_store):
    async with explorer(hand_store) as (app, pilot):
        await press(pilot, "f")
        app.screen.query_one("#since").value = "someday"
        await press(pilot, "ctrl+s")
        assert "since:" in screen_text(app) and "not a date" in screen_text(app)
        await press(pilot, "escape")
        assert not app.main.filters.active


async def test_capital_c_chooses_the_style(hand_store):
    async with explorer(hand_store) as (app, pilot):
        await press(pilot, "C")
        assert "Copy the citation as" in screen_text(app)
        assert "BibTeX" in screen_text(app)
        # APA, MLA, Chicago, Chicago note, Chicago AD, BibTeX
        await press(pilot, "down", "down", "down", "down", "down", "enter")
        assert app.clipboard.startswith("@")
        assert "daryo.uz" in app.clipboard


async def test_palette_opens_an_official_by_fuzzy_name(hand_store):
    async with explorer(hand_store) as (app, pilot):
        await press(pilot, "ctrl+p")
        await press(pilot, *"open official kulubaev", wait=0.5)
        assert "Jeenbek Kulubayev" in screen_text(app)
        await press(pilot, "enter")
        assert app.main.kind == "officials"
        assert app.main.pane("officials").detail_key == "official-3"


async def test_palette_copies_citation_in_a_style(hand_store):
    async with explorer(hand_store) as (app, pilot):
        await palette(pilot, "cite copy as MLA")
        assert app.clipboard.startswith("“Launch of Central Asia–China Secretariat Takes Place")


async def test_palette_exports_the_current_list(isolated_dirs: Path, hand_store):
    async with explorer(hand_store) as (app, pilot):
        await palette(pilot, "export articles list as ris")
    files = list((isolated_dirs / "data" / "exports").glob("articles-*.ris"))
    assert len(files) == 1
    assert "TY  - NEWS" in files[0].read_text()


async def test_theme_chosen_in_the_palette_is_saved_in_config(isolated_dirs: Path, hand_store):
    config = isolated_dirs / "config" / "config.toml"
    config.parent.mkdir(parents=True)
    config.write_text('# my settings\nstyle = "mla"  # for the paper\n\n[keys]\n"pane.officials" = "o"\n')
    async with explorer(hand_store) as (app, pilot):
        assert app.theme != "nord"
        await palette(pilot, "theme: change")
        await press(pilot, *"nord", wait=0.5)
        await press(pilot, "enter")
        assert app.theme == "nord"
        assert any(n.message.startswith("Theme nord saved") for n in app._notifications)
    # Only the theme line is new: comments, style and keys are kept as written.
    assert config.read_text() == (
        '# my settings\ntheme = "nord"\nstyle = "mla"  # for the paper\n\n[keys]\n"pane.officials" = "o"\n'
    )
    settings = load_settings()
    assert settings.theme == "nord" and settings.keymap == {"pane.officials": "o"}
    assert CcaApp(db=str(hand_store.path)).theme == "nord"  # the next start


def test_save_theme_replaces_the_theme_line_and_refuses_a_broken_file(tmp_path: Path):
    import pytest

    from tui.app.settings import SettingsError, save_theme

    path = tmp_path / "config" / "config.toml"
    save_theme("nord", path)  # no file yet
    assert path.read_text() == 'theme = "nord"\n'
    path.write_text('style = "apa"\ntheme = "nord"  # dark\n[keys]\ntheme = "x"\n')
    save_theme("gruvbox", path)
    assert path.read_text() == 'style = "apa"\ntheme = "gruvbox"  # dark\n[keys]\ntheme = "x"\n'
    path.write_text("[tui]\ntheme = 'nord'\n")
    save_theme("gruvbox", path)
    assert path.read_text() == '[tui]\ntheme = "gruvbox"\n'
    broken = "[keys\nstyle = 1\n"
    path.write_text(broken)
    with pytest.raises(SettingsError, match="not valid TOML"):
        save_theme("nord", path)
    assert path.read_text() == broken  # untouched


async def _palette_titles(pilot, typed: str) -> list[str]:
    from textual.command import CommandList

    await press(pilot, "ctrl+p")
    await press(pilot, *typed, wait=0.5)
    commands = pilot.app.screen.query_one(CommandList)
    titles = [command.hit.text for command in commands.options]
    await press(pilot, "escape")
    return titles


async def test_the_palette_has_one_theme_command(hand_store):
    async with explorer(hand_store) as (app, pilot):
        # Before typing (what the palette lists up front) and when searched for.
        listed = await _palette_titles(pilot, "")
        assert [t for t in listed if "theme" in t.casefold()] == ["theme: change theme"]
        found = await _palette_titles(pilot, "theme")
        assert [t for t in found if "theme" in t.casefold()] == ["theme: change theme"]
        assert "Quit" in await _palette_titles(pilot, "quit")  # Textual's other commands stay
