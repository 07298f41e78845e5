"""The explorer driven with the keys a person presses; assertions on the screen and clipboard."""

from __future__ import annotations

import pytest

from tests.conftest import SEED_TITLE, SEED_URL, screen_text
from tui.app import CcaApp
from tui.app.screens.main import MainScreen
from tui.app.widgets.detail import ParagraphList
from tui.app.widgets.record_list import RecordList

SIZE = (120, 36)


async def settle(pilot, delay: float = 0.15) -> None:
    """Let debounced searches, workers and the detail view catch up."""
    await pilot.pause(delay)
    await pilot.app.workers.wait_for_complete()
    await pilot.pause(0.05)


def listed(app: CcaApp, pane: str) -> list[str]:
    main = app.screen if isinstance(app.screen, MainScreen) else app.main
    return [r.key for r in main.pane(pane).records.rows if r.key and not r.group]


async def test_first_screen_shows_the_seed_title(seed_store):
    app = CcaApp(store=seed_store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        text = screen_text(app)
        assert SEED_TITLE[:24] in text
        assert isinstance(app.focused, RecordList)  # focus in the Articles list
        assert "1 Articles" in text and "2 Officials" in text and "3 Timeline" in text


async def test_officials_pane_shows_nurtleu_with_kazakhstan(seed_store):
    app = CcaApp(store=seed_store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("2")
        await settle(pilot)
        line = next(l for l in screen_text(app).splitlines() if "Nurtleu" in l)
        assert "Kazakhstan" in line


async def test_timeline_groups_by_year_with_dates_at_their_precision(seed_store):
    app = CcaApp(store=seed_store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("3")
        await settle(pilot)
        text = screen_text(app)
        assert "2023" in text and "2024" in text
        assert "May 2023" in text
        assert "30 Mar 2024" in text
        lines = [l.split("▏")[0] for l in text.splitlines()]  # the list side only
        # Year headings come before their events.
        assert min(i for i, l in enumerate(lines) if "May 2023" in l) > min(i for i, l in enumerate(lines) if l.startswith("2023"))


async def test_tab_and_shift_tab_cycle_panes(hand_store):
    app = CcaApp(store=hand_store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("tab")
        assert app.main.kind == "officials"
        await pilot.press("tab")
        assert app.main.kind == "timeline"
        await pilot.press("shift+tab", "shift+tab")
        assert app.main.kind == "articles"


async def test_live_search_filters_and_clears(seed_store):
    app = CcaApp(store=seed_store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("1", "slash")
        await pilot.press(*"Kulubayev")
        await settle(pilot)
        assert len(listed(app, "articles")) == 1
        assert SEED_TITLE[:24] in screen_text(app)
        await pilot.press(*" zzqx")
        await settle(pilot)
        assert listed(app, "articles") == []
        text = screen_text(app)
        assert "No matches" in text
        # Clear the box: everything again.
        main = app.main
        main.pane("articles").search_box.value = ""
        await settle(pilot)
        assert len(listed(app, "articles")) == 1
        assert "No matches" not in screen_text(app)


async def test_clearing_with_backspace_brings_the_list_back(hand_store):
    app = CcaApp(store=hand_store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"zzqx")
        await settle(pilot)
        assert listed(app, "articles") == []
        await pilot.press(*["backspace"] * 4)
        await settle(pilot)
        assert len(listed(app, "articles")) == 1


async def test_escape_keeps_filter_then_c_copies_citation(seed_store):
    app = CcaApp(store=seed_store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"Kulubayev")
        await settle(pilot)
        await pilot.press("escape")
        assert isinstance(app.focused, RecordList)
        assert app.main.pane("articles").search_box.value == "Kulubayev"  # filter kept
        await pilot.press("c")
        await settle(pilot)
        assert "Daryo" in app.clipboard
        assert SEED_URL in app.clipboard or SEED_URL.removeprefix("https://") in app.clipboard


async def test_enter_opens_the_reader_with_numbered_paragraphs(seed_store):
    app = CcaApp(store=seed_store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.focused, ParagraphList)
        text = screen_text(app)
        assert SEED_URL[:40] in text
        assert "  1" in text and "Distinguished officials" in text
        # j moves the paragraph cursor; y quotes the current paragraph.
        await pilot.press("j", "j")
        reader = app.main.pane("articles").reader
        assert reader.current_paragraph == 3
        await pilot.press("y")
        await settle(pilot)
        assert "Prominent figures including Wang Yi" in app.clipboard
        assert "Daryo" in app.clipboard


async def test_help_mentions_citations(hand_store):
    app = CcaApp(store=hand_store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)
        text = screen_text(app)
        assert "Citations" in text
        assert "citation" in text.lower()
        await pilot.press("escape")
        await pilot.press("f1")
        await settle(pilot)
        assert "Citations" in screen_text(app)


async def test_q_quits_with_status_zero(hand_store):
    app = CcaApp(store=hand_store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0


async def test_ctrl_q_quits_from_the_search_box(hand_store):
    app = CcaApp(store=hand_store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash", "q")  # q types into the box…
        assert app.main.pane("articles").search_box.value == "q"
        await pilot.press("ctrl+q")  # …ctrl+q quits from anywhere
        await pilot.pause()
    assert app.return_code == 0


async def test_official_links_to_article_paragraph_and_back(hand_store):
    app = CcaApp(store=hand_store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("2", "slash", *"Nurtleu", "enter")
        await settle(pilot)
        await pilot.press("enter")  # open the official: the detail gets the focus
        await settle(pilot)
        detail = app.main.pane("officials").detail
        # Move to the article link under "Articles".
        while detail.current_link is None or detail.current_link[0] != "article" or "Articles" not in str(
            detail.get_option_at_index(detail.highlighted - 1).prompt
        ):
            await pilot.press("j")
        await pilot.press("enter")
        await settle(pilot)
        assert app.main.kind == "articles"
        reader = app.main.pane("articles").reader
        assert reader.current_paragraph == 3  # where Nurtleu is named
        assert isinstance(app.focused, ParagraphList)
        await pilot.press("escape")
        await settle(pilot)
        assert app.main.kind == "officials"
        assert app.main.pane("officials").detail_key == "official-2"


async def test_event_evidence_opens_in_the_reader_and_back(hand_store):
    app = CcaApp(store=hand_store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("3", "j", "enter")  # the 2024 event
        await settle(pilot)
        detail = app.main.pane("timeline").detail
        while detail.current_link is None or detail.current_link[0] != "article":
            await pilot.press("j")
        await pilot.press("enter")
        await settle(pilot)
        assert app.main.kind == "articles"
        assert app.main.pane("articles").reader.current_paragraph == 1
        await pilot.press("escape")
        await settle(pilot)
        assert app.main.kind == "timeline"
        assert app.main.pane("timeline").detail_key == "event-2024-03-30-secretariat"


async def test_o_lists_paragraph_officials_and_jumps(hand_store):
    app = CcaApp(store=hand_store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("enter", "j", "j")  # reader, paragraph 3
        await pilot.press("o")
        await settle(pilot)
        text = screen_text(app)
        assert "Officials in paragraph 3" in text and "Murat Nurtleu" in text
        await pilot.press("j", "enter")  # second name: Murat Nurtleu
        await settle(pilot)
        assert app.main.kind == "officials"
        assert app.main.pane("officials").detail_key == "official-2"
        await pilot.press("escape")
        await settle(pilot)
        assert app.main.kind == "articles"
        assert app.main.pane("articles").reader.current_paragraph == 3


async def test_markup_looking_text_is_shown_literally(markup_store):
    app = CcaApp(store=markup_store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        text = screen_text(app)
        assert "[bold red]Injected[/] [Update]" in text
        assert "[i]Wire[/i]"[:10] in text
        await pilot.press("enter")
        await settle(pilot)
        text = screen_text(app)
        assert "[link=https://evil.example]a link[/link]" in text
        assert "\x1b" not in text
        await pilot.press("j", "y")
        await settle(pilot)
        assert "\x1b" not in app.clipboard and "\x07" not in app.clipboard


async def test_draws_at_40x12(seed_store):
    app = CcaApp(store=seed_store)
    async with app.run_test(size=(40, 12)) as pilot:
        await settle(pilot)
        assert "Launch" in screen_text(app)
        for key in ("enter", "escape", "2", "enter", "3", "enter", "slash", "x", "escape", "question_mark", "escape"):
            await pilot.press(key)
            await settle(pilot, 0.05)
        await pilot.press("q")
    assert app.return_code == 0


async def test_80x24_shows_list_then_reader(seed_store):
    app = CcaApp(store=seed_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert "Launch of Central" in screen_text(app)
        await pilot.press("enter")
        await settle(pilot)
        assert "Distinguished officials" in screen_text(app)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.focused, RecordList)
