"""The explorer's search box reads queries as the CLI does: nothing to search is said, not ignored."""

from __future__ import annotations

from tests.conftest import screen_text, settle
from tui.app import CcaApp

SIZE = (120, 36)


def status_line(app) -> str:
    return str(app.main.query_one("#status").render())


async def test_punctuation_only_says_nothing_to_search(hand_store):
    app = CcaApp(db=str(hand_store.path))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("1", "slash", *"!!!")
        await settle(pilot)
        text = screen_text(app)
        assert "Query not understood: nothing to search in '!!!'" in text
        assert not any("Launch of Central" in line.split("▏")[0] for line in text.splitlines())  # the list side
        assert "0 of 1 article for “!!!”" in status_line(app)
        # Clearing it brings the list back.
        await pilot.press(*["backspace"] * 3)
        await settle(pilot)
        assert "Query not understood" not in screen_text(app)
        assert status_line(app).endswith("1 article")


async def test_a_query_with_zero_width_characters_finds_the_article(hand_store):
    app = CcaApp(db=str(hand_store.path))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.main.pane("articles").search_box.value = "Secre\u200btariat"
        await settle(pilot)
        assert app.main.pane("articles").records.record_count == 1
        assert "No articles match" not in screen_text(app)
