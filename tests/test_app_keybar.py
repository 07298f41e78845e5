"""The footer keeps the keys that matter most where the focus is, at 40, 80, 100 and 120 columns.

Textual's footer listed keys in binding order and cut the line at the edge: at 80 columns
Help, Back and Quit were gone, in the reader at 120 Cite, Quit and Help. Expected lines
below were read off the screen and checked by hand against FOOTER_RANK and FOOTER_ORDER.
"""

from __future__ import annotations

import pytest

from tests.pilot import explorer, press, screen_text, settle
from tui.app.widgets.keybar import KeyBar, choose, key_width

# (what the user did, width) -> the footer line, spaces squeezed.
EXPECTED = {
    ("list", 40): "⏎ Open esc Back ? Help q Quit",
    ("list", 80): "⏎ Open / Search f Filters c Cite esc Back ? Help q Quit ▏ ^p palette",
    ("list", 120): "⏎ Open / Search f Filters c Cite space Mark t Tag n Note esc Back ? Help q Quit ▏ ^p palette",
    ("reader", 40): "y Quote esc Back ? Help q Quit",
    ("reader", 80): "o Officials y Quote / Search c Cite esc Back ? Help q Quit ▏ ^p palette",
    ("reader", 120): "o Officials y Quote / Search f Filters c Cite space Mark t Tag n Note esc Back ? Help q Quit ▏ ^p palette",
    ("official", 40): "⏎ Follow esc Back ? Help q Quit",
    ("official", 80): "⏎ Follow / Search f Filters c Cite esc Back ? Help q Quit ▏ ^p palette",
    ("official", 120): "⏎ Follow ] Next period / Search f Filters c Cite t Tag n Note esc Back ? Help q Quit ▏ ^p palette",
    # In the search box letters, ? and / are typed (and t, n, space): f1 and ctrl+q still work.
    ("search", 40): "esc Back f1 Help ^q Quit",
    ("search", 80): "esc Back f1 Help ^q Quit ▏ ^p palette",
    ("search", 120): "esc Back f1 Help ^q Quit ▏ ^p palette",
    # The workbench's keys come last, where there is room: t first (it works in every pane).
    ("list", 100): "⏎ Open / Search f Filters c Cite t Tag n Note esc Back ? Help q Quit ▏ ^p palette",
    ("reader", 100): "o Officials y Quote / Search f Filters c Cite t Tag esc Back ? Help q Quit ▏ ^p palette",
    ("official", 100): "⏎ Follow ] Next period / Search f Filters c Cite esc Back ? Help q Quit ▏ ^p palette",
    ("search", 100): "esc Back f1 Help ^q Quit ▏ ^p palette",
}
KEYS = {"list": (), "reader": ("enter",), "official": ("2", "enter"), "search": ("slash",)}


def footer_line(app) -> str:
    return " ".join(screen_text(app).rstrip("\n").splitlines()[-1].split())


@pytest.mark.parametrize("width", [40, 80, 100, 120])
async def test_footer_keeps_the_keys_that_matter_most(hand_store, width):
    for context, keys in KEYS.items():
        async with explorer(hand_store, size=(width, 24)) as (app, pilot):
            await press(pilot, *keys)
            assert footer_line(app) == EXPECTED[(context, width)], (context, width)
            bar = app.screen.query_one(KeyBar)
            for key in bar.children:  # each key whole on the screen, none cut at the edge
                assert key.region.right <= width, (context, width, key.region)


async def test_footer_chooses_again_when_the_terminal_is_resized(hand_store):
    async with explorer(hand_store, size=(120, 24)) as (app, pilot):
        await press(pilot, "enter")
        assert footer_line(app) == EXPECTED[("reader", 120)]
        await pilot.resize_terminal(40, 24)
        await settle(pilot)
        assert footer_line(app) == EXPECTED[("reader", 40)]
        await pilot.resize_terminal(80, 24)
        await settle(pilot)
        assert footer_line(app) == EXPECTED[("reader", 80)]


def test_choose_takes_keys_by_rank_while_they_fit_and_shows_them_in_reading_order():
    keys = [("app.quit", "q", "Quit"), ("list.open", "⏎", "Open"), ("app.help", "?", "Help"),
            ("search.focus", "/", "Search"), ("nav.back", "esc", "Back")]
    assert key_width("esc", "Back") == 10
    assert choose(keys, 16) == ["app.help", "app.quit"]  # 8 + 8
    assert choose(keys, 25) == ["app.help", "app.quit"]  # back (10) would need 26
    assert choose(keys, 26) == ["nav.back", "app.help", "app.quit"]
    # Search ranks below Open: with room for one more, Open; never Search without Open.
    assert choose(keys, 34) == ["list.open", "nav.back", "app.help", "app.quit"]
    assert choose(keys, 43) == ["list.open", "nav.back", "app.help", "app.quit"]
    assert choose(keys, 44) == ["list.open", "search.focus", "nav.back", "app.help", "app.quit"]


@pytest.mark.parametrize(("keys", "expected"), [
    (("f",), "^s Apply esc Cancel"),
    (("C",), "esc Cancel"),
    (("question_mark",), "esc Close"),
    (("enter", "j", "j", "o"), "esc Cancel"),
])
async def test_a_dialog_shows_its_own_keys_not_those_behind_it(hand_store, keys, expected):
    async with explorer(hand_store, size=(80, 24)) as (app, pilot):
        await press(pilot, *keys)
        assert footer_line(app) == expected


async def test_filter_dialog_on_a_short_terminal_opens_at_its_top_and_scrolls(hand_store):
    async with explorer(hand_store, size=(40, 12)) as (app, pilot):
        await press(pilot, "f")
        text = screen_text(app)
        assert "Filters — apply to all panes" in text and "Country (of the officials named)" in text
        assert "Clear all" not in text  # the buttons are below, out of view
        await press(pilot, "tab", "tab", "tab", "tab")  # to the Apply button, scrolled into view
        assert "Clear all" in screen_text(app)
