"""The explorer's search box reads queries as the CLI does: nothing to search is said, not ignored."""

from __future__ import annotations

from tests.pilot import explorer, press, screen_text, settle


def status_line(app) -> str:
    return str(app.main.query_one("#status").render())


async def test_punctuation_only_says_nothing_to_search(hand_store):
    async with explorer(hand_store) as (app, pilot):
        await press(pilot, "1", "slash", *"!!!")
        text = screen_text(app)
        assert "Query not understood: nothing to search in '!!!'" in text
        assert not any("Launch of Central" in line.split("▏")[0] for line in text.splitlines())  # the list side
        assert "0 of 1 article for “!!!”" in status_line(app)
        # Clearing it brings the list back.
        await press(pilot, *["backspace"] * 3)
        assert "Query not understood" not in screen_text(app)
        assert status_line(app).endswith("1 article")


async def test_a_query_with_zero_width_characters_finds_the_article(hand_store):
    async with explorer(hand_store) as (app, pilot):
        app.main.pane("articles").search_box.value = "Secre\u200btariat"
        await settle(pilot)
        assert app.main.pane("articles").records.record_count == 1
        assert "No articles match" not in screen_text(app)
