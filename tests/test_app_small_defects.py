"""Small explorer defects found on the way (issue 15), each pressed as a person would: esc in
the search box clears the query before it leaves; `y` in a list says what it needs; the help
window is centred and its wrapped lines hang; the reader's URL wraps only where a URL may
break; short ids in the reader; inside tmux a copy is still what ctrl+v pastes."""

from __future__ import annotations

import subprocess

import pytest

from tests.conftest import SEED_URL, read_all, region_text, settle, shown
from tests.pilot import explorer, press
from tui.app import CcaApp
from tui.app.bindings import help_groups
from tui.app.screens.help import HelpScreen
from tui.app.widgets.detail import ParagraphList
from tui.app.widgets.record_list import RecordList

SEED_ID = "daryo-2024-03-31-launch-of-central-asia-china-secretariat"
SEED_APA = ("Launch of Central Asia–China Secretariat takes place in Xi’an. (2024, March 31). Daryo. "
            f"{SEED_URL}")


def messages(app: CcaApp) -> list[str]:
    return [n.message for n in app._notifications]


# -- esc in the search box -------------------------------------------------------------------

async def test_escape_clears_the_query_then_leaves_the_search_box(hand_store):
    async with explorer(hand_store) as (app, pilot):
        pane = app.main.pane("articles")
        await press(pilot, "slash", *"zzqx")
        assert pane.records.record_count == 0
        await press(pilot, "escape")
        assert (pane.search_box.value, app.focused) == ("", pane.search_box)  # cleared, still typing
        assert pane.records.record_count == 1  # the results follow
        await press(pilot, "escape")
        assert isinstance(app.focused, RecordList)
        await pilot.press("escape")  # and back in history as before (nothing to go back to)
        assert isinstance(app.focused, RecordList)


async def test_enter_in_the_search_box_keeps_the_query_for_the_list(hand_store):
    async with explorer(hand_store) as (app, pilot):
        await press(pilot, "slash", *"Kulubayev", "enter")
        pane = app.main.pane("articles")
        assert isinstance(app.focused, RecordList)
        assert (pane.search_box.value, pane.records.record_count) == ("Kulubayev", 1)


# -- y where there is no paragraph ------------------------------------------------------------

@pytest.mark.parametrize("pane_key", ["1", "2", "3"])
async def test_y_in_a_list_says_to_open_an_article(hand_store, pane_key):
    async with explorer(hand_store) as (app, pilot):
        await press(pilot, pane_key, "y")
        assert messages(app) == ["Open an article to quote a paragraph (enter opens the selected one)."]
        assert app.clipboard == ""


async def test_y_in_the_reader_still_quotes(hand_store):
    async with explorer(hand_store) as (app, pilot):
        await press(pilot, "enter", "y")
        assert app.clipboard.startswith("“Distinguished officials from China")
        assert not any(m.startswith("Open an article") for m in messages(app))


# -- the help window ---------------------------------------------------------------------------

@pytest.mark.parametrize("size", [(40, 12), (80, 24), (200, 50)])
async def test_help_is_centred_and_its_wrapped_lines_hang(hand_store, size):
    async with explorer(hand_store, size) as (app, pilot):
        await press(pilot, "question_mark")
        assert isinstance(app.screen, HelpScreen)
        dialog = app.screen.query_one(".help-dialog").region
        left, right = dialog.x, size[0] - dialog.right
        assert abs(left - right) <= 1, (left, right)
        scroller = app.screen.query_one("#help-text")
        lines = (await read_all(pilot, scroller)).splitlines()
        start = next(i for i, line in enumerate(lines) if line.strip() == "Panes")
        keys = lines[start:]
        # At column 0: only the group headings (a long one wraps); every key and every line
        # of its description is indented.
        flush = " ".join(line.strip() for line in keys if line[:1] not in ("", " "))
        assert flush == " ".join(title for title, _ in help_groups())
        text = "\n".join(keys)
        for _, bindings in help_groups():
            for binding in bindings:
                assert f"[{binding.id}]" in text  # never cut inside an id
        # A wrapped description goes on under its first word, not under the keys; narrow, the
        # keys take a line of their own and the text hangs under them.
        at = next(i for i, line in enumerate(keys) if line.lstrip().startswith("/ ") or line.strip() == "/")
        if size[0] < 80:
            assert keys[at].strip() == "/"
            at += 1
        first, second = keys[at], keys[at + 1]
        column = first.index("Search this pane")
        assert column == (20 if size[0] >= 80 else 6)
        assert len(second) - len(second.lstrip()) == column, (first, second)


# -- the reader's URL ---------------------------------------------------------------------------

async def reader_header(pilot, app) -> list[str]:
    """The reader's lines from its top down to the rule under the header."""
    await press(pilot, "enter")
    plist = app.main.pane("articles").query_one(ParagraphList)
    plist.scroll_to(y=0, animate=False, immediate=True)
    await shown(pilot)
    lines = region_text(app, plist).splitlines()
    return lines[: next(i for i, line in enumerate(lines) if line.strip().startswith("────"))]


@pytest.mark.parametrize("width", [40, 60, 80])
async def test_the_url_wraps_where_a_url_may_break_and_loses_nothing(hand_store, width):
    async with explorer(hand_store, (width, 24)) as (app, pilot):
        header = await reader_header(pilot, app)
        first = next(i for i, line in enumerate(header) if line.strip().startswith("https://"))
        url_lines = [line.strip() for line in header[first:] if line.strip()][: len(header)]
        joined = ""
        for line in url_lines:
            joined += line
            if joined == SEED_URL:
                break
        assert joined == SEED_URL, url_lines
        pieces = url_lines[: url_lines.index(line) + 1]
        assert len(pieces) >= 2  # it does wrap at these widths
        for piece in pieces[:-1]:
            assert piece[-1] in "/-?&=", pieces  # after a slash or a hyphen, never mid-word


# -- short ids --------------------------------------------------------------------------------

async def test_the_reader_shows_the_short_id_and_the_full_one(hand_store):
    async with explorer(hand_store, (100, 30)) as (app, pilot):
        header = [line.strip() for line in await reader_header(pilot, app)]
        # One article in the store: its id's first six characters name it (cca-tui cite daryo-).
        assert "Daryo · 31 March 2024 · id daryo-" in header
        await pilot.press("G")  # the last paragraph: the whole id under it comes into view
        await settle(pilot)
        plist = app.main.pane("articles").query_one(ParagraphList)
        shown_lines = [line.strip() for line in region_text(app, plist).splitlines() if line.strip()]
        assert shown_lines[-2:] == ["full id daryo-2024-03-31-launch-of-central-asia-", "china-secretariat"]


# -- copying inside tmux ------------------------------------------------------------------------

async def test_inside_tmux_ctrl_v_in_the_search_box_pastes_the_copy(hand_store, monkeypatch):
    """tmux takes the copy (load-buffer -w) and no OSC 52 of ours goes out, but the app's own
    clipboard, which ctrl+v in a text box pastes, must still hold what was copied."""
    monkeypatch.setenv("TMUX", "/tmp/tmux-test,1,0")
    calls: list[list[str]] = []

    def tmux(argv, input=None, **kwargs):
        calls.append(list(argv))
        return subprocess.CompletedProcess(argv, 0)

    monkeypatch.setattr(subprocess, "run", tmux)
    async with explorer(hand_store) as (app, pilot):
        await press(pilot, "c")
        assert calls == [["tmux", "load-buffer", "-w", "-"]]
        assert messages(app)[-1].endswith("copied (tmux)")
        assert app.clipboard == SEED_APA
        await press(pilot, "slash", "ctrl+v")
        assert app.main.pane("articles").search_box.value == SEED_APA
