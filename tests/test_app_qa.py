"""What trying the workbench in tmux at 40x12 … 200x50 found: the explorer's features used
together, at every width (issue 15)."""

from __future__ import annotations

import pytest

from tests.conftest import region_text
from tests.pilot import explorer, press
SEED_ID = "daryo-2024-03-31-launch-of-central-asia-china-secretariat"


@pytest.mark.parametrize("tags, width, shown", [
    (("chapter-3",), 60, "#chapter-3  "),
    (("chapter-3", "to-verify"), 30, "#chapter-3 +1  "),  # 15 cells: half of 30
    (("chapter-3", "to-verify"), 29, "#chapter-3 +1 "),
    (("chapter-3", "to-verify"), 24, "#chapte… +1 "),  # 12 cells
    (("chapter-3",), 13, "#cha… "),  # 6 cells
    (("chapter-3", "to-verify"), 13, "#… "),
    (("中国",), 12, "#中国 "),
    (("中国外交部",), 12, "#中… "),  # cut between characters, never inside one
    (("chapter-3",), 7, ""),
    ((), 60, ""),
])
def test_a_rows_tags_take_at_most_half_its_cell(tags, width, shown):
    from tui.app.widgets.marginalia import row_tags

    assert row_tags(tags, width) == shown


@pytest.mark.parametrize("size, row", [
    ((40, 12), "2024-03-31 Daryo        #ch… +1 Launch …"),  # the title's 16 cells, half each
    ((80, 24), "2024-03-31 Daryo        #chapter-3 +1  Launch of Central Asia–China Secret…    5"),
    ((120, 36), "2024-03-31 Daryo        #chapte… +1 Launch of Ce…    5"),
])
async def test_a_tagged_row_keeps_its_title_at_every_width(hand_store, size, row):
    # Before, the tags came first whatever the width: at 40 columns "#chapter-3 …", no title.
    library = hand_store
    library.tag([library.contents().article(SEED_ID)], ["chapter-3", "to-verify"])
    async with explorer(library, size) as (app, pilot):
        records = app.main.pane("articles").records
        assert region_text(app, records).splitlines()[1].rstrip() == row


async def test_on_a_short_terminal_the_note_and_tag_boxes_stay_in_view(hand_store):
    # At 40x12 the note dialog's title and the paragraph's words took every row: the box
    # being typed in was below the dialog's last row, and the tag dialog's box nearly so.
    from tests.conftest import screen_text
    from tui.app.screens.noting import NoteScreen
    from tui.app.screens.tagging import TagScreen

    async with explorer(hand_store, (40, 12)) as (app, pilot):
        await press(pilot, "enter", "down", "down", "n")  # the reader, paragraph 3: a long one
        assert isinstance(app.screen, NoteScreen) and app.screen.paragraph == 3
        await press(pilot, *"typed here")
        assert "typed here" in screen_text(app)
        await press(pilot, "escape", "y", "escape", "t")
        assert isinstance(app.screen, TagScreen)
        await press(pilot, *"xyz-tag")
        assert "xyz-tag" in screen_text(app)


async def test_the_note_dialog_says_what_the_note_is_on(hand_store):
    # Before: "Note on paragraph 3  of “…”" and "Note on the article  of “…”".
    from textual.widgets import Static

    from tui.app.screens.noting import NoteScreen

    title = "Launch of Central Asia–China Secretariat takes place in Xi’an"
    async with explorer(hand_store) as (app, pilot):
        await press(pilot, "n")
        assert isinstance(app.screen, NoteScreen)
        assert str(app.screen.query_one(".dialog-title", Static).content) == f"Note on the article “{title}”"
        await press(pilot, "escape", "enter", "down", "down", "n")
        assert isinstance(app.screen, NoteScreen) and app.screen.paragraph == 3
        assert str(app.screen.query_one(".dialog-title", Static).content) == f"Note on paragraph 3 of “{title}”"


async def test_marks_tags_and_notes_stay_readable_in_every_theme(hand_store):
    # The workbench's markers (✓, #tags, ✎ and the notes) at 4.5:1 on their background, in
    # every shipped theme, as names and dates are (tests/test_app_contrast.py).
    from tests.test_app_contrast import assert_readable_in_every_theme, option_rows

    library = hand_store
    article = library.contents().article(SEED_ID)
    library.tag([article], ["chapter-3"])
    library.note(article, "Check the whole release")
    library.note(article, "Verify the titles", 3)
    async with explorer(library, (130, 60)) as (app, pilot):
        records = app.main.pane("articles").records
        await press(pilot, "space", "enter", "down", "down")  # marked; the reader on paragraph 3
        plist = app.main.pane("articles").reader.paragraphs
        assert plist.current_paragraph == 3
        note_row = plist.highlighted + 1  # the note, under its paragraph
        await assert_readable_in_every_theme(
            pilot,
            (records, "articles list, a marked and tagged row", ["✓", "#chapter-3"], None),
            (plist, "reader header: tags and the article's note", ["#chapter-3", "✎", "Check the whole release"],
             None),
            (plist, "reader: a paragraph's note", ["✎", "Verify the titles"], lambda: option_rows(plist, note_row)),
        )


async def test_the_added_article_opens_when_no_search_is_running(hand_store):
    # "add: URL or file…" opens what it added once the list's search is done; with no search
    # running it asked Textual to wait for every worker, its own included: DeadlockError, and
    # the app ended (seen now and then in test_app_adding under load).
    async with explorer(hand_store) as (app, pilot):
        pane = app.main.pane("articles")
        assert not [w for w in app.workers if w.node is pane and w.group == "search"]
        app.run_worker(app.intake._open(SEED_ID))
        await press(pilot)
        assert app.is_running and pane.detail_open and pane.detail_key == SEED_ID
