"""[keys] in config.toml: every binding id can be rebound, and what cannot be used is one line."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.command import CommandPalette

from tests.pilot import SIZE, explorer, press, settle
from tui.app import CcaApp
from tui.app.bindings import all_bindings, binding_ids
from tui.app.keymap import check_keymap, key_problem
from tui.app.settings import load_settings


# A new key for every id: none of them bound by default, none taken by the text box, the
# text area or the pickers where they are pressed.
NEW_KEYS = {
    "pane.articles": "f2", "pane.officials": "f3", "pane.timeline": "f4", "pane.next": "f5",
    "pane.previous": "f6", "search.focus": "f7", "filters.pick": "f8", "filters.clear": "f9",
    "nav.back": "f10", "cite.copy": "f11", "cite.choose": "f12", "cite.history": "f13",
    "list.down": "f14", "list.up": "f15", "list.top": "f16", "list.bottom": "f17",
    "list.page-down": "f18", "list.page-up": "f19", "list.open": "f20",
    "strip.previous": "ctrl+y", "strip.next": "ctrl+w",
    "detail.down": "f21", "detail.up": "f22", "detail.top": "f23", "detail.bottom": "f24",
    "detail.follow": "ctrl+o", "reader.officials": "ctrl+b", "cite.quote": "ctrl+t",
    "app.quit": "ctrl+g", "app.quit-now": "ctrl+n", "app.help": "ctrl+l", "app.reload": "ctrl+e",
    "app.palette": "ctrl+k",
    "picker.cancel": "shift+f1", "picker.down": "shift+f2", "picker.up": "shift+f3",
    "filters.cancel": "shift+f4", "filters.apply": "shift+f5",
    "copies.close": "shift+f6", "copies.show": "shift+f7", "copies.down": "shift+f8", "copies.up": "shift+f9",
    "text.close": "shift+f10", "help.close": "shift+f11", "help.down": "shift+f12", "help.up": "ctrl+f1",
    "marks.toggle": "ctrl+f2", "marks.clear": "ctrl+f3", "prompt.cancel": "ctrl+f4",
    "workbench.tag": "ctrl+f5", "workbench.note": "ctrl+f6", "tags.complete": "ctrl+f7",
    "note.save": "ctrl+f8", "note.cancel": "ctrl+f9", "note.discard": "ctrl+f10", "note.keep": "ctrl+f11",
}


def write_config(home: Path, text: str) -> Path:
    path = home / "config" / "config.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def keys_table(keys: dict[str, str]) -> str:
    return "[keys]\n" + "".join(f'"{binding_id}" = "{key}"\n' for binding_id, key in keys.items())


def test_the_table_covers_every_id_the_readme_names():
    assert set(NEW_KEYS) == binding_ids()
    readme = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
    for binding_id in ("pane.articles", "pane.officials", "pane.timeline", "pane.next", "pane.previous",
                       "list.open", "detail.follow", "nav.back", "search.focus", "filters.pick", "filters.clear",
                       "cite.copy", "cite.choose", "cite.quote", "reader.officials", "cite.history", "app.help",
                       "app.palette", "app.reload", "app.quit", "app.quit-now"):
        assert f"`{binding_id}`" in readme
        assert binding_id in binding_ids()
    # README's `list.*` and `detail.*`:
    assert sorted(i for i in binding_ids() if i.startswith(("list.", "detail."))) == [
        "detail.bottom", "detail.down", "detail.follow", "detail.top", "detail.up",
        "list.bottom", "list.down", "list.open", "list.page-down", "list.page-up", "list.top", "list.up"]


def test_every_binding_of_every_screen_and_widget_has_a_known_id():
    from tui.app.screens.copies import CopyHistoryScreen, TextScreen
    from tui.app.screens.filters import FilterScreen
    from tui.app.screens.help import HelpScreen
    from tui.app.screens.main import MainScreen
    from tui.app.screens.pickers import Picker
    from tui.app.screens.prompt import PathPrompt
    from tui.app.widgets.detail import DetailList, ParagraphList, Reader
    from tui.app.widgets.official_page import OfficialDetail
    from tui.app.widgets.record_list import RecordList
    from tui.app.widgets.timeline import TimelinePane
    from tui.app.screens.noting import DiscardScreen, NoteScreen
    from tui.app.screens.tagging import TagInput, TagScreen

    for owner in (CcaApp, MainScreen, HelpScreen, TextScreen, CopyHistoryScreen, Picker, FilterScreen,
                  PathPrompt, RecordList, DetailList, ParagraphList, Reader, TimelinePane, OfficialDetail,
                  TagScreen, TagInput, NoteScreen, DiscardScreen):
        for binding in owner.__dict__["BINDINGS"]:
            assert binding.id in binding_ids(), (owner.__name__, binding)


async def test_every_binding_id_can_be_rebound(isolated_dirs: Path, hand_store):
    """Each id bound to a new key: pressing that key does the binding's job, the old key nothing."""
    write_config(isolated_dirs, keys_table(NEW_KEYS))
    assert load_settings().warnings == []
    bindings = {b.id: b for b in all_bindings()}
    app = CcaApp(db=str(hand_store.path))
    actions: list[str] = []
    run_action = app.run_action

    async def recording(action, default_namespace=None, namespaces=None):
        actions.append(action)
        return await run_action(action, default_namespace, namespaces)

    app.run_action = recording  # the binding machinery calls app.run_action(binding.action, …)
    pressed: set[str] = set()

    async def press(binding_id: str) -> None:
        actions.clear()
        await pilot.press(NEW_KEYS[binding_id])
        await settle(pilot, 0.1)
        assert bindings[binding_id].action in actions, (binding_id, actions)
        pressed.add(binding_id)

    def screen() -> str:
        return type(app.screen).__name__

    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        main = app.main
        # The old keys do nothing now.
        await pilot.press("2", "question_mark", "ctrl+p", "q", "j")
        await settle(pilot)
        assert (main.kind, screen(), app.is_running) == ("articles", "MainScreen", True)

        for binding_id, kind in (("pane.officials", "officials"), ("pane.timeline", "timeline"),
                                 ("pane.articles", "articles"), ("pane.next", "officials"),
                                 ("pane.previous", "articles")):
            await press(binding_id)
            assert main.kind == kind
        await press("pane.timeline")
        timeline = main.pane("timeline").records
        await press("strip.next")  # May 2023 → Mar 2024
        assert timeline.current_key == "event-2024-03-30-secretariat"
        await press("strip.previous")
        assert timeline.current_key == "event-2023-05-xian-declaration"
        await press("pane.articles")
        for binding_id in ("list.down", "list.up", "list.bottom", "list.top", "list.page-down", "list.page-up",
                           "filters.clear", "app.reload"):
            await press(binding_id)
        await press("search.focus")
        assert app.focused is main.pane("articles").search_box
        await press("nav.back")
        assert app.focused is main.pane("articles").records

        await press("cite.copy")
        assert app.clipboard.startswith("Launch of Central Asia–China Secretariat")  # APA, the default
        await press("cite.history")
        assert screen() == "CopyHistoryScreen"
        for binding_id in ("copies.down", "copies.up"):
            await press(binding_id)
        await press("copies.show")
        assert screen() == "TextScreen"
        await press("text.close")
        assert screen() == "CopyHistoryScreen"
        await press("copies.close")
        assert screen() == "MainScreen"

        await press("cite.choose")
        assert screen() == "StylePicker"
        for binding_id in ("picker.down", "picker.up", "picker.cancel"):
            await press(binding_id)
        assert screen() == "MainScreen"

        await press("filters.pick")
        assert screen() == "FilterScreen"
        await press("filters.cancel")
        assert screen() == "MainScreen"
        await press("filters.pick")
        await press("filters.apply")
        assert screen() == "MainScreen"

        await press("app.help")
        assert screen() == "HelpScreen"
        for binding_id in ("help.down", "help.up", "help.close"):
            await press(binding_id)
        assert screen() == "MainScreen"

        await press("app.palette")  # "app.palette" = "ctrl+k"
        assert isinstance(app.screen, CommandPalette)
        await pilot.press("escape")  # the palette's own key
        await settle(pilot)

        await press("marks.toggle")
        assert main.marked("articles") == [main.listed("articles")[0]]
        await press("app.palette")
        await pilot.press(*"export marked")
        await settle(pilot, 0.5)
        await pilot.press("enter")  # the formats
        await settle(pilot)
        await pilot.press("enter")  # APA: the file to save to
        await settle(pilot)
        assert screen() == "PathPrompt"
        await press("prompt.cancel")
        assert screen() == "MainScreen"
        await press("marks.clear")
        assert main.marked("articles") == []

        await press("list.open")
        reader = main.pane("articles").reader
        assert app.focused is reader.paragraphs
        await press("detail.bottom")
        await press("detail.top")
        assert reader.current_paragraph == 1
        for binding_id in ("detail.down", "detail.down", "detail.up", "detail.down"):
            await press(binding_id)
        assert reader.current_paragraph == 3  # Wang Yi, Nurtleu and Kulubayev are named in it
        await press("reader.officials")
        assert screen() == "OfficialPicker"
        await press("picker.cancel")
        await press("detail.follow")  # on a paragraph: its officials, as `o` does
        assert screen() == "OfficialPicker"
        await press("picker.cancel")
        await press("cite.quote")
        assert "Prominent figures including Wang Yi" in app.clipboard and app.clipboard.startswith("“")

        await press("workbench.note")  # on paragraph 3
        assert screen() == "NoteScreen"
        await pilot.press("x")
        await press("note.cancel")  # changed: asks first
        assert screen() == "DiscardScreen"
        await press("note.keep")
        assert screen() == "NoteScreen"
        await press("note.cancel")
        await press("note.discard")
        assert screen() == "MainScreen"
        await press("workbench.note")
        await pilot.press("x")
        await press("note.save")
        await settle(pilot, 0.3)
        assert screen() == "MainScreen"
        await press("workbench.tag")
        assert screen() == "TagScreen"
        await pilot.press(*"-x")
        await settle(pilot)
        await press("tags.complete")  # nothing to complete: no tag starts so
        await press("picker.cancel")
        assert screen() == "MainScreen"

        await press("pane.officials")
        await press("list.open")  # the official's page, the cursor on its first link (an event)
        await press("detail.follow")
        assert main.kind == "timeline"

        await press("app.quit")
    assert app.return_code == 0
    assert pressed == binding_ids() - {"app.quit-now"}


async def test_quit_now_rebound_quits_from_the_search_box(isolated_dirs: Path, hand_store):
    write_config(isolated_dirs, keys_table({"app.quit-now": "ctrl+n"}))
    async with explorer(hand_store) as (app, pilot):
        await press(pilot, "slash", "ctrl+q")  # no longer quits: ctrl+q was the old key
        assert app.is_running
        await pilot.press("ctrl+n")
        await pilot.pause()
    assert app.return_code == 0


async def test_the_palette_rebound_to_ctrl_k(isolated_dirs: Path, hand_store):
    write_config(isolated_dirs, '[keys]\n"app.palette" = "ctrl+k"\n')
    async with explorer(hand_store) as (app, pilot):
        await press(pilot, "ctrl+p")
        assert not isinstance(app.screen, CommandPalette)
        await press(pilot, "ctrl+k")
        assert isinstance(app.screen, CommandPalette)
        assert "^k palette" in "".join(str(k.render()) for k in app.main.query("FooterKey"))


# -- what cannot be used: one line each, naming the file and the id ---------------------------

def test_key_problems():
    assert [key_problem(k) for k in ("ctrl+k", "Y", "?", "question_mark", "slash", "f24", "shift+tab", "space",
                                     "ctrl+shift+up", "é")] == [None] * 10
    assert key_problem("ctrl+kk") == "'kk' is not a key name (such as k, K, f5, escape, pagedown, question_mark)"
    assert key_problem("cmd+k") == "'cmd' is not a modifier (ctrl, shift, alt, meta, super, hyper)"
    assert key_problem("ctrl+") == "'' is not a key name (such as k, K, f5, escape, pagedown, question_mark)"
    assert key_problem("f25") == "'f25' is not a key name (such as k, K, f5, escape, pagedown, question_mark)"
    # A character's Unicode name is not what Textual calls its key ("a" is "a").
    assert key_problem("latin_small_letter_a") is not None


def test_check_keymap_keeps_the_good_entries_and_names_each_bad_one():
    keymap, warnings = check_keymap(
        {"app.palete": "ctrl+k", "copy_citation": "c", "app.palette": "ctrl+kk", "app.quit": "q,",
         "cite.copy": "q, ctrl+c", "cite.\x1bquote": "y"},
        binding_ids(), "/home/u/.config/cca-tui/config.toml")
    assert keymap == {"cite.copy": "q,ctrl+c"}
    where = "/home/u/.config/cca-tui/config.toml: [keys]"
    assert warnings == [
        f'{where} "app.palete" is not a key id (did you mean "app.palette"?)',
        f'{where} "copy_citation" is not a key id (the help lists every id)',
        f'{where} "app.palette" = "ctrl+kk": \'kk\' is not a key name (such as k, K, f5, escape, pagedown, '
        "question_mark); its default key stays",
        f'{where} "app.quit" = "q,": an empty key between commas; its default key stays',
        f'{where} "cite.\\x1bquote" is not a key id (did you mean "cite.quote"?)',
    ]


@pytest.mark.parametrize("entry, says", [
    ('"app.palete" = "ctrl+k"', '[keys] "app.palete" is not a key id (did you mean "app.palette"?)'),
    ('"app.palette" = "ctrl+kk"', '[keys] "app.palette" = "ctrl+kk": \'kk\' is not a key name'),
], ids=["unknown id", "bad key"])
async def test_an_unknown_id_or_a_bad_key_is_one_warning_naming_the_file_and_id(isolated_dirs: Path, hand_store,
                                                                               entry, says):
    path = write_config(isolated_dirs, f'[keys]\n{entry}\n"pane.officials" = "o"\n')
    settings = load_settings()
    assert settings.keymap == {"pane.officials": "o"}  # the good entry still applies
    assert len(settings.warnings) == 1 and "\n" not in settings.warnings[0]
    assert settings.warnings[0].startswith(f"{path}: {says}")
    async with explorer(hand_store) as (app, pilot):
        shown = [n.message for n in app._notifications if n.severity == "warning"]
        assert shown == settings.warnings  # once, as a toast
        await pilot.press("o")
        assert app.main.kind == "officials"
        await press(pilot, "ctrl+p")  # the palette keeps its default key
        assert isinstance(app.screen, CommandPalette)


# -- the help: built from the bindings' groups ------------------------------------------------

async def test_every_binding_is_in_the_help_under_its_group_with_the_users_key(isolated_dirs: Path, hand_store):
    from textual.containers import VerticalScroll

    from tests.conftest import read_all
    from tui.app.bindings import HELP_ORDER, key_label

    write_config(isolated_dirs, '[keys]\n"cite.copy" = "ctrl+y"\n"list.down" = ["n", "down"]\n')
    async with explorer(hand_store) as (app, pilot):
        await press(pilot, "f1")
        lines = [line.strip() for line in (await read_all(pilot, app.screen.query_one(VerticalScroll))).splitlines()]
    headings = [group.description for group in HELP_ORDER]
    assert [line for line in lines if line in headings] == headings  # each once, in this order
    keys = {"cite.copy": "ctrl+y", "list.down": "n / down"}
    for binding in all_bindings():
        at = next(i for i, line in enumerate(lines) if line.endswith(f"[{binding.id}]"))
        heading = next(line for line in reversed(lines[:at + 1]) if line in headings)
        assert heading == binding.group.description, binding.id
        # The entry: its keys (the user's where rebound), what it does, its id; wrapped or not.
        shown = keys.get(binding.id, key_label(binding.key))
        start = next(i for i in range(at, -1, -1) if lines[i].startswith(shown + " "))
        entry = " ".join(lines[start:at + 1])
        assert entry[len(shown):].split() == f"{binding.tooltip} [{binding.id}]".split(), entry
    intro = " ".join(lines[:lines.index(headings[0])])
    assert "Citations: ctrl+y copies the selected or open article's citation" in intro
