"""Tags and notes in the explorer, with the keys a person presses: `t`, `n`, and finding
what was written with `tag:` and `note:`."""

from __future__ import annotations

from textual.widgets import Static

from tests.conftest import screen_text, settle
from tests.pilot import explorer, listed, press
from tui.app import CcaApp
from tui.app.screens.main import MainScreen
from tui.app.screens.noting import DiscardScreen, NoteScreen
from tui.app.screens.tagging import TagInput, TagScreen
from tui.library import Library, StoreError
from tui.records import ARTICLE, OFFICIAL

SEED_ID = "daryo-2024-03-31-launch-of-central-asia-china-secretariat"
P3 = "Prominent figures including Wang Yi"


def toasts(app: CcaApp) -> list[str]:
    return [n.message for n in app._notifications]


def said(app: CcaApp, selector: str) -> str:
    """The text of a dialog's message line."""
    return str(app.screen.query_one(selector, Static).content)


async def written(pilot, before) -> None:
    """Wait (bounded) until the explorer shows the store as written: a new catalog."""
    for _ in range(400):
        await settle(pilot, 0.02)
        if pilot.app.catalog is not before and isinstance(pilot.app.screen, MainScreen):
            break
    await settle(pilot)


async def search(pilot, pane_key: str, query: str) -> None:
    await press(pilot, pane_key, "slash", "ctrl+u", *query)
    await press(pilot, "enter")  # back to the list, the query kept (escape would clear it)


async def test_note_a_paragraph_in_the_reader_and_find_it_with_note(hand_store):
    async with explorer(hand_store) as (app, pilot):
        await pilot.press("enter", "down", "down")  # the reader, on paragraph 3
        await settle(pilot)
        assert app.main.pane("articles").reader.current_paragraph == 3
        await press(pilot, "n")
        assert isinstance(app.screen, NoteScreen) and app.screen.paragraph == 3
        before = app.catalog
        await pilot.press(*"Verify the titles with the MFA", "ctrl+s")
        await written(pilot, before)
        assert "✎ Verify the titles with the MFA" in screen_text(app)
        assert toasts(app)[-1] == "Note on paragraph 3 saved."
        assert app.main.pane("articles").reader.current_paragraph == 3  # where it was
        await search(pilot, "1", "note:verif")
        assert listed(app, "articles") == [SEED_ID]
        await search(pilot, "1", "note:nothing")
        assert listed(app, "articles") == []
        await search(pilot, "2", "note:mfa")  # officials named in an article with such a note: all five
        assert listed(app, "officials") == ["official-3", "official-2", "official-4", "official-1", "official-5"]
        await search(pilot, "2", "note:nothing")
        assert listed(app, "officials") == []
    [note] = Library.open(hand_store.path).notes()
    assert (note.article_id, note.paragraph, note.text) == (SEED_ID, 3, "Verify the titles with the MFA")
    assert note.quoted.startswith(P3)


async def test_tag_with_t_in_each_pane_and_find_with_tag(hand_store):
    async with explorer(hand_store) as (app, pilot):
        await press(pilot, "t")
        assert isinstance(app.screen, TagScreen)
        before = app.catalog
        await pilot.press(*"chapter-3 to-verify", "enter")
        await written(pilot, before)
        text = screen_text(app)
        assert toasts(app)[-1] == ("Tagged the article “Launch of Central Asia–China Secretariat takes place in "
                                   "Xi’an”: chapter-3, to-verify.")
        assert "#chapte… +1 Launch of" in text  # the row (its tags take at most half the title's cell)
        assert "Tags: #chapter-3  #to-verify" in text  # the reader's header beside it
        await search(pilot, "1", "tag:chapter-3")
        assert listed(app, "articles") == [SEED_ID]
        await search(pilot, "1", "-tag:to-verify")
        assert listed(app, "articles") == []

        await pilot.press("2")  # the officials: the first row is Jeenbek Kulubayev
        await settle(pilot)
        assert app.main.pane("officials").records.current_key == "official-3"
        before = app.catalog
        await pilot.press("t", *"people", "enter")
        await written(pilot, before)
        await search(pilot, "2", "tag:people")
        assert listed(app, "officials") == ["official-3"]
        await press(pilot, "3", "down")  # the timeline: its first event (under the year)
        key = app.main.pane("timeline").records.current_key
        before = app.catalog
        await pilot.press("t", *"people", "enter")
        await written(pilot, before)
        await search(pilot, "3", "tag:people")
        assert listed(app, "timeline") == [key]
    contents = Library.open(hand_store.path).contents()
    assert contents.tags_of(ARTICLE, SEED_ID) == ["chapter-3", "to-verify"]
    assert contents.tags_of(OFFICIAL, "official-3") == ["people"]


async def test_minus_removes_a_tag_and_tab_completes_it(hand_store):
    library = Library.open(hand_store.path)
    library.tag([library.contents().article(SEED_ID)], ["chapter-3", "keep"])
    async with explorer(hand_store) as (app, pilot):
        await press(pilot, "t", *"-ch")
        await pilot.press("tab")
        box = app.screen.query_one(TagInput)
        assert box.value == "-chapter-3"
        before = app.catalog
        await pilot.press("enter")
        await written(pilot, before)
        assert toasts(app)[-1] == ("Untagged the article “Launch of Central Asia–China Secretariat takes place in "
                                   "Xi’an”: chapter-3.")
    assert Library.open(hand_store.path).contents().tags_of(ARTICLE, SEED_ID) == ["keep"]


async def test_a_bad_tag_name_keeps_the_dialog_and_what_was_typed(hand_store):
    async with explorer(hand_store) as (app, pilot):
        await press(pilot, "t", *'good "bad', "enter")
        assert isinstance(app.screen, TagScreen)
        assert app.screen.query_one(TagInput).value == 'good "bad'
        assert said(app, "#tag-error") == "bad tag name '\"bad': a tag has no quotes or commas"
        await press(pilot, "escape")
        assert isinstance(app.screen, MainScreen)
    assert Library.open(hand_store.path).tags() == []


async def test_escape_with_an_unsaved_note_asks_and_keeps_it(hand_store):
    async with explorer(hand_store) as (app, pilot):
        await pilot.press("n")  # in the list: a note on the article itself
        await settle(pilot)
        assert isinstance(app.screen, NoteScreen) and app.screen.paragraph is None
        await press(pilot, *"half a thought", "escape")
        assert isinstance(app.screen, DiscardScreen)
        await pilot.press("escape")  # keep writing
        await settle(pilot)
        assert isinstance(app.screen, NoteScreen) and app.screen.typed == "half a thought"
        before = app.catalog
        await pilot.press(*", finished", "ctrl+s")
        await written(pilot, before)
        assert "✎ half a thought, finished" in screen_text(app)  # in the reader's header
        await press(pilot, "n")
        assert app.screen.typed == "half a thought, finished"  # the note there, to edit
        await pilot.press("escape")  # nothing changed: closes at once
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        await pilot.press("n", "x", "escape", "y")  # changed, then discarded on purpose
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
    [note] = Library.open(hand_store.path).notes()
    assert (note.paragraph, note.text) == (None, "half a thought, finished")


async def test_a_note_that_cannot_be_written_stays_in_its_dialog(hand_store, monkeypatch):
    def refuse(*args, **kwargs):
        raise StoreError("cannot write store hand.json: No space left on device; the store was left as it was")

    monkeypatch.setattr(Library, "note", refuse)
    async with explorer(hand_store) as (app, pilot):
        await pilot.press("n", *"precious words", "ctrl+s")
        await settle(pilot, 0.3)
        assert isinstance(app.screen, NoteScreen) and app.screen.typed == "precious words"
        assert said(app, "#note-error") == ("Not saved (your text is still here): cannot write store hand.json: "
                                            "No space left on device; the store was left as it was")


async def test_a_note_whose_paragraph_changed_shows_flagged_with_the_old_text(hand_store):
    import orjson

    library = Library.open(hand_store.path)
    library.note(library.contents().article(SEED_ID), "Check this figure", 3)
    tree = orjson.loads(hand_store.path.read_bytes())
    (note,) = tree["notes"].values()
    note["quoted"] = "An earlier wording of the paragraph."  # as if the article's text had changed since
    hand_store.path.write_bytes(orjson.dumps(tree))
    async with explorer(hand_store) as (app, pilot):
        await press(pilot, "enter")
        # the reader's side of the screen, its lines joined
        text = " ".join(" ".join(line.split("▏", 1)[1] for line in screen_text(app).splitlines() if "▏" in line).split())
        assert "3 ✎ Prominent figures including Wang Yi" in text  # the gutter: no evidence mark here, the note's
        assert "✎ (written on paragraph 3, which read then: “An earlier wording of the paragraph.”)" in text
        assert "Check this figure" in text


async def test_t_tags_every_marked_row_shown_or_not(hand_store):
    async with explorer(hand_store) as (app, pilot):
        await pilot.press("2", "space", "space", "space")  # Kulubayev, then the next two
        await settle(pilot)
        assert app.main.marked("officials") == ["official-3", "official-2", "official-4"]
        await search(pilot, "2", "Kulubayev")  # two of the marked rows are hidden now
        assert listed(app, "officials") == ["official-3"]
        before = app.catalog
        await pilot.press("t", *"trio", "enter")
        await written(pilot, before)
        assert toasts(app)[-1] == "Tagged 3 officials: trio."
        await search(pilot, "2", "tag:trio")
        assert listed(app, "officials") == ["official-3", "official-2", "official-4"]
    contents = Library.open(hand_store.path).contents()
    assert [o for o in ("official-1", "official-2", "official-3", "official-4", "official-5")
            if contents.tags_of(OFFICIAL, o) == ["trio"]] == ["official-2", "official-3", "official-4"]
