"""Copying from the explorer: c, C and y put exactly the right text on the clipboard, off the
UI thread; a copy no path took is shown to select by hand; the history can copy again."""

from __future__ import annotations

import json
import os
import subprocess
import threading
from datetime import date
from pathlib import Path

import pytest

from tests.pilot import SIZE, explorer, palette, press, screen_text, settle
from tui.app import CcaApp, copying
from tui.app.screens.copies import CopyHistoryScreen, TextScreen
from tui.clipboard import native_command

SEED_URL = "https://daryo.uz/en/2024/03/31/launch-of-central-asiachina-secretariat-takes-place-in-xian"
SEED_APA = f"Launch of Central Asia–China Secretariat takes place in Xi’an. (2024, March 31). Daryo. {SEED_URL}"
SEED_MLA = ("“Launch of Central Asia–China Secretariat Takes Place in Xi’an.” Daryo, 31 Mar. 2024, "
            "daryo.uz/en/2024/03/31/launch-of-central-asiachina-secretariat-takes-place-in-xian.")
SEED_PARAGRAPH_3 = (
    "Prominent figures including Wang Yi, member of the Politburo of the CPC Central Committee and Minister of "
    "Foreign Affairs of China, Murat Nurtleu, Deputy Prime Minister and Minister of Foreign Affairs of Kazakhstan, "
    "Jeenbek Kulubayev, Minister of Foreign Affairs of Kyrgyzstan, Sirodjiddin Mukhriddin, Minister of Foreign "
    "Affairs of Tajikistan, Rashid Meredov, Deputy Prime Minister and Minister of Foreign Affairs of Turkmenistan, "
    "and Bakhtiyor Saidov, Minister of Foreign Affairs of Uzbekistan, conveyed their congratulations on the "
    "commencement of the secretariat"
)
SEED_QUOTE_3 = f"“{SEED_PARAGRAPH_3}” (“Launch of Central Asia–China Secretariat,” 2024, para. 3).\n{SEED_APA}"
APA_WHAT = "APA citation of “Launch of Central Asia–China Secretariat takes…”"


def seed_bibtex() -> str:
    return (
        "@article{daryo2024launch,\n"
        "  title = {{Launch of Central Asia–China Secretariat takes place in Xi’an}},\n"
        "  journaltitle = {Daryo},\n"
        "  date = {2024-03-31},\n"
        f"  url = {{{SEED_URL}}},\n"
        f"  urldate = {{{date.today().isoformat()}}},\n"
        "  langid = {english},\n"
        "  entrysubtype = {newspaper},\n"
        "}"
    )


def messages(app: CcaApp) -> list[str]:
    return [n.message for n in app._notifications]


async def choose_style(pilot, name: str) -> None:
    """``C``, then the style ``name`` in the picker."""
    await press(pilot, "C")
    index = [s.name for s in copying.styles()].index(name)
    await press(pilot, *["down"] * index, "enter")


def test_tests_never_reach_a_desktop_clipboard():
    # conftest removes the variables that would make a copy run xclip or wl-copy.
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "TMUX"):
        assert name not in os.environ
    assert not [n for n in os.environ if n.startswith("SSH_")]
    assert native_command(os.environ, which=lambda tool: f"/usr/bin/{tool}", platform="linux") is None


async def test_c_capital_c_and_y_copy_the_exact_seed_strings(seed_store):
    async with explorer(seed_store) as (app, pilot):
        await press(pilot, "c")
        assert app.clipboard == SEED_APA
        assert messages(app)[-1].splitlines()[0] == f"{APA_WHAT} copied (OSC 52)"

        await choose_style(pilot, "bibtex")
        assert app.clipboard == seed_bibtex()
        await choose_style(pilot, "mla")
        assert app.clipboard == SEED_MLA

        await pilot.press("enter", "j", "j")  # the reader, paragraph 3
        await press(pilot, "y")
        assert app.clipboard == SEED_QUOTE_3
        assert messages(app)[-1].startswith("APA quotation from “Launch of Central Asia–China")


async def test_copy_runs_off_the_ui_thread_and_tmux_alone_takes_it(hand_store, monkeypatch):
    """tmux is slow here: the keys still work meanwhile. Inside tmux, `load-buffer -w` makes
    the one buffer and forwards it to the terminal, so no OSC 52 of ours (a second buffer)."""
    monkeypatch.setenv("TMUX", "/tmp/tmux-test,1,0")
    release = threading.Event()
    calls: list[tuple[list[str], bytes, str]] = []

    def slow_tmux(argv, input=None, **kwargs):
        calls.append((list(argv), input, threading.current_thread().name))
        release.wait(5)
        return subprocess.CompletedProcess(argv, 0)

    monkeypatch.setattr(subprocess, "run", slow_tmux)
    sent: list[str] = []
    app = CcaApp(db=str(hand_store.path))
    try:
        async with app.run_test(size=SIZE) as pilot:
            app.copy_to_clipboard = sent.append  # what would write OSC 52
            await settle(pilot)
            await pilot.press("c")
            await pilot.pause(0.2)
            assert calls and calls[0][0] == ["tmux", "load-buffer", "-w", "-"]
            assert calls[0][1] == SEED_APA.encode()
            assert calls[0][2] != threading.main_thread().name
            await pilot.press("2")  # the UI answers while tmux is still busy
            assert app.main.kind == "officials"
            assert not any("copied" in m for m in messages(app))
            release.set()
            await settle(pilot)
            assert messages(app)[-1] == f"{APA_WHAT} copied (tmux)"
            assert sent == [] and len(calls) == 1
    finally:
        release.set()


async def test_no_clipboard_path_shows_the_text_to_select_by_hand(hand_store):
    app = CcaApp(db=str(hand_store.path))

    def refused(text: str) -> None:
        raise OSError("no terminal")

    async with app.run_test(size=SIZE) as pilot:
        app.copy_to_clipboard = refused  # OSC 52 fails; no tmux and no display in tests
        await settle(pilot)
        await press(pilot, "c")
        assert isinstance(app.screen, TextScreen)
        assert app.screen.query_one("TextArea").text == SEED_APA
        assert app.screen.query_one("TextArea").selected_text == SEED_APA  # ready to copy by hand
        text = screen_text(app)
        assert "No clipboard path worked" in text
        assert "(2024, March 31). Daryo." in text and SEED_URL in text
        assert any(m.startswith(f"{APA_WHAT} not copied") for m in messages(app))
        await press(pilot, "escape")
        assert not isinstance(app.screen, TextScreen)


async def test_palette_shows_the_citation_text_on_demand(hand_store):
    async with explorer(hand_store) as (app, pilot):
        await palette(pilot, "cite show the citation text")
        assert isinstance(app.screen, TextScreen)
        assert app.screen.query_one("TextArea").text == SEED_APA
        assert "Select it by hand" in screen_text(app)
        assert app.clipboard == ""  # shown, not copied


async def test_copy_history_lists_copies_and_copies_again(isolated_dirs: Path, hand_store):
    async with explorer(hand_store) as (app, pilot):
        await press(pilot, "H")
        assert messages(app)[-1].startswith("Nothing copied yet")
        await press(pilot, "c")
        await choose_style(pilot, "mla")
        assert app.clipboard == SEED_MLA

        await press(pilot, "H")
        assert isinstance(app.screen, CopyHistoryScreen)
        text = screen_text(app)
        assert "Recent copies (2)" in text
        mla_line = next(i for i, l in enumerate(text.splitlines()) if "MLA citation of “Launch" in l)
        apa_line = next(i for i, l in enumerate(text.splitlines()) if "APA citation of “Launch" in l)
        assert mla_line < apa_line  # newest first
        assert "OSC 52" in text and "(2024, March 31). Daryo." in text  # how, and a preview

        await press(pilot, "down", "v")  # the APA entry's whole text
        assert isinstance(app.screen, TextScreen)
        assert app.screen.query_one("TextArea").text == SEED_APA
        await press(pilot, "escape")
        assert isinstance(app.screen, CopyHistoryScreen)
        await press(pilot, "enter")  # copy the APA entry again
        assert not isinstance(app.screen, CopyHistoryScreen)
        assert app.clipboard == SEED_APA
        assert messages(app)[-1].splitlines()[0] == f"{APA_WHAT} copied (OSC 52)"
    history = json.loads((isolated_dirs / "data" / "copy-history.json").read_text())
    assert [e["text"] for e in history] == [SEED_APA, SEED_MLA]


async def test_palette_recent_copies_opens_the_history(hand_store):
    async with explorer(hand_store) as (app, pilot):
        await press(pilot, "c")
        await palette(pilot, "history recent copies")
        assert isinstance(app.screen, CopyHistoryScreen)
        assert "Recent copies (1)" in screen_text(app)


async def test_unknown_style_in_config_warns_in_one_line_and_copies_apa(isolated_dirs: Path, hand_store):
    config = isolated_dirs / "config" / "config.toml"
    config.parent.mkdir(parents=True)
    config.write_text('style = "harvard"\n')
    async with explorer(hand_store) as (app, pilot):
        await press(pilot, "c")
        assert app.clipboard == SEED_APA
        warning = next(n for n in app._notifications if n.severity == "warning" and "harvard" in n.message
                       and "using APA" in n.message)
        assert "\n" not in warning.message
        assert "config.toml" in warning.message


def test_default_style_lets_bugs_through(monkeypatch):
    """Only a bad config falls back to APA; anything else is a bug and is not hidden."""

    def broken():
        raise KeyError("bug")

    monkeypatch.setattr(copying, "read_config", broken)
    with pytest.raises(KeyError):
        copying.default_style()


async def test_toast_shows_a_markup_title_literally(markup_store):
    async with explorer(markup_store, size=SIZE, notifications=True) as (app, pilot):
        hostile = app.main.pane("articles").records.rows.index(
            next(r for r in app.main.pane("articles").records.rows if r.key == "hostile-1"))
        await press(pilot, *["down"] * hostile, "c")
        assert "[bold red]Injected[/]" in app.clipboard
        await pilot.pause(0.3)
        toasts = [str(t.render()) for t in app.screen.query("Toast")]
        assert any("citation of “[bold red]Injected[/] [Update] Talks in Astana” copied" in t for t in toasts)
