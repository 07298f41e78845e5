"""Every key of the explorer, in one place: ids for the user keymap, groups for the help screen.

A binding's ``id`` is what a user writes under ``[keys]`` in ``config.toml``
(``"app.quit" = "q,Q"``); Textual swaps the key and the footer follows. Its
``group`` is the heading it is listed under in the help (``?``), which is built from
these lists alone (``help_groups``).
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import TYPE_CHECKING

from textual.binding import Binding
from textual.keys import KEY_TO_UNICODE_NAME, REPLACED_KEYS, format_key

if TYPE_CHECKING:
    from textual.dom import DOMNode

Group = Binding.Group

# The help's headings, in the order it lists them.
PANES = Group("Panes")
LISTS = Group("Moving in lists")
SEARCH = Group("Search and filters")
DETAILS = Group("Reader and details")
CITATIONS = Group("Citations (copied to the clipboard)")
MARKS = Group("Marks")
WORKBENCH = Group("Tags and notes")
HISTORY = Group("History")
APP = Group("App")
DIALOGS = Group("In dialogs (pickers, filters, copies, this help)")
HELP_ORDER = [PANES, LISTS, SEARCH, DETAILS, CITATIONS, MARKS, WORKBENCH, HISTORY, APP, DIALOGS]

PALETTE = "app.palette"

# -- the app (global) -----------------------------------------------------------
APP_BINDINGS = [
    Binding("q", "quit", "Quit", id="app.quit", tooltip="Quit cca-tui", group=APP),
    # Shown in the footer only where `q` is typed into a box (one entry per action).
    Binding("ctrl+q", "quit", "Quit", priority=True, id="app.quit-now",
            tooltip="Quit cca-tui from anywhere", group=APP),
    Binding("question_mark,f1", "help", "Help", id="app.help",
            tooltip="Every key, grouped", group=APP),
    Binding("ctrl+r", "reload", "Reload", show=False, id="app.reload",
            tooltip="Re-read the store (after an ingest in another terminal)", group=APP),
    # Textual adds its own ctrl+p binding, without an id (so no keymap could move it),
    # unless the app has one for the palette action: this is it.
    Binding("ctrl+p", "command_palette", "palette", show=False, priority=True, id=PALETTE,
            tooltip="Command palette: panes, open by name, cite, export, marks, add (fetch feeds, a URL or file), filters, theme",
            group=APP),
]

# -- the main screen: panes, search, filters, history, citations ------------------
MAIN_BINDINGS = [
    # Not in the footer: the pane bar at the top shows "1 Articles  2 Officials  3 Timeline".
    Binding("1", "show_pane('articles')", "Articles", show=False, id="pane.articles", tooltip="Articles pane",
            group=PANES),
    Binding("2", "show_pane('officials')", "Officials", show=False, id="pane.officials", tooltip="Officials pane",
            group=PANES),
    Binding("3", "show_pane('timeline')", "Timeline", show=False, id="pane.timeline", tooltip="Timeline pane",
            group=PANES),
    Binding("tab", "cycle_pane(1)", "Next pane", show=False, id="pane.next", tooltip="Next pane", group=PANES),
    Binding("shift+tab", "cycle_pane(-1)", "Previous pane", show=False, id="pane.previous",
            tooltip="Previous pane", group=PANES),
    # Priority: the app moves the focus as it reads the key, so keys typed right behind it
    # (a paste, a burst over SSH) reach the box rather than the list.
    Binding("slash", "search", "Search", key_display="/", id="search.focus", priority=True,
            tooltip="Search this pane's list (query language: words, \"phrases\", -word, outlet: country: official: since: until: tag: -tag: note:)",
            group=SEARCH),
    Binding("f", "filters", "Filters", id="filters.pick", tooltip="Filter all panes by country, outlet, dates",
            group=SEARCH),
    Binding("x", "clear_filters", "Clear filters", show=False, id="filters.clear",
            tooltip="Remove every active filter", group=SEARCH),
    Binding("escape,backspace", "back", "Back", key_display="esc", id="nav.back",
            tooltip="Back to where you were, like a browser", group=HISTORY),
    Binding("c", "copy_citation", "Cite", id="cite.copy",
            tooltip="Copy the citation of the selected or open article (default style); with articles marked, "
                    "their reference list", group=CITATIONS),
    Binding("C", "choose_style", "Cite as…", show=False, id="cite.choose",
            tooltip="Choose a citation style and copy (the marked articles, if any)", group=CITATIONS),
    Binding("H", "app.copy_history", "Recent copies", show=False, id="cite.history",
            tooltip="Recent copies: copy one again, or show its text to select by hand", group=CITATIONS),
    Binding("space", "toggle_mark", "Mark", id="marks.toggle",
            tooltip="Mark or unmark the selected row (then the next row); with articles marked, "
                    "c copies them as one reference list", group=MARKS),
    Binding("U", "clear_marks", "Clear marks", show=False, id="marks.clear",
            tooltip="Unmark every row of this pane, shown or not", group=MARKS),
    Binding("t", "tag", "Tag", id="workbench.tag",
            tooltip="Tag the marked rows, or the selected or open article, official or event (-name removes a tag)",
            group=WORKBENCH),
    Binding("n", "note", "Note", id="workbench.note",
            tooltip="Write a note on the open article, or on the current paragraph in the reader",
            group=WORKBENCH),
]

# -- lists (articles, officials, timeline) ------------------------------------------


def _moves(scope: str, thing: str, group: Group) -> list[Binding]:
    """The four moves lists and details share (``list.down`` … ``detail.bottom``), one
    key set for both so the hands learn it once; ``thing`` is what a move lands on."""
    return [
        Binding("down,j", "cursor_down", "Down", show=False, id=f"{scope}.down", tooltip=f"Next {thing}",
                group=group),
        Binding("up,k", "cursor_up", "Up", show=False, id=f"{scope}.up", tooltip=f"Previous {thing}",
                group=group),
        Binding("home,g", "first", "Top", show=False, id=f"{scope}.top", tooltip=f"First {thing}", group=group),
        Binding("end,G", "last", "Bottom", show=False, id=f"{scope}.bottom", tooltip=f"Last {thing}",
                group=group),
    ]


LIST_BINDINGS = [
    *_moves("list", "row", LISTS),
    Binding("pagedown", "page_down", "Page down", show=False, id="list.page-down", tooltip="Next page",
            group=LISTS),
    Binding("pageup", "page_up", "Page up", show=False, id="list.page-up", tooltip="Previous page", group=LISTS),
    Binding("enter", "select", "Open", id="list.open", tooltip="Open the selected item", group=LISTS),
]

# -- the Timeline strip (the Timeline pane, an official's page) --------------------------
STRIP_BINDINGS = [
    Binding("left_square_bracket", "strip_step(-1)", "Previous period", show=False, id="strip.previous",
            tooltip="Timeline strip: the previous period with events (the list goes to its first event)",
            group=LISTS),
    Binding("right_square_bracket", "strip_step(1)", "Next period", id="strip.next",
            tooltip="Timeline strip: the next period with events (the list goes to its first event)", group=LISTS),
]

# -- detail views (reader paragraphs, official and event links) ---------------------
DETAIL_BINDINGS = [
    *_moves("detail", "paragraph or link", DETAILS),
    Binding("enter", "select", "Follow", id="detail.follow", tooltip="Follow the highlighted link",
            group=DETAILS),
]

# The reader's paragraphs: Enter does what `o` does, so the footer shows `o` only. The same
# id as a link's Enter: one key to rebind, listed once in the help.
PARAGRAPH_BINDINGS = DETAIL_BINDINGS[:-1] + [
    Binding("enter", "select", "Officials here", show=False, id="detail.follow",
            tooltip="List the officials named in this paragraph, to jump to one", group=DETAILS),
]

READER_BINDINGS = [
    Binding("o", "paragraph_officials", "Officials", id="reader.officials",
            tooltip="List the officials named in this paragraph, to jump to one", group=DETAILS),
    Binding("y", "copy_quotation", "Quote", id="cite.quote",
            tooltip="Copy this paragraph as a quotation with its citation", group=CITATIONS),
]

# The reader's `y` on the pane around it, one id: in the list (or a detail page) it says
# what it needs rather than nothing.
PANE_BINDINGS = [
    Binding("y", "quote_needs_reader", "Quote", show=False, id="cite.quote",
            tooltip="Copy this paragraph as a quotation with its citation", group=CITATIONS),
]

# -- dialogs --------------------------------------------------------------------------
HELP_BINDINGS = [
    Binding("escape,q,question_mark,f1", "close", "Close", id="help.close", tooltip="Close the help",
            group=DIALOGS),
    Binding("j,down", "scroll(1)", "Down", show=False, id="help.down", tooltip="Scroll the help down",
            group=DIALOGS),
    Binding("k,up", "scroll(-1)", "Up", show=False, id="help.up", tooltip="Scroll the help up", group=DIALOGS),
]

PICKER_BINDINGS = [
    Binding("escape", "dismiss_none", "Cancel", id="picker.cancel", tooltip="Close a picker without choosing",
            group=DIALOGS),
    Binding("j", "move(1)", "Down", show=False, id="picker.down", tooltip="Next choice in a picker",
            group=DIALOGS),
    Binding("k", "move(-1)", "Up", show=False, id="picker.up", tooltip="Previous choice in a picker",
            group=DIALOGS),
]

FILTER_BINDINGS = [
    Binding("escape", "cancel", "Cancel", id="filters.cancel", tooltip="Close the filters without changing them",
            group=DIALOGS),
    Binding("ctrl+s", "apply", "Apply", id="filters.apply", tooltip="Apply the filters chosen", group=DIALOGS),
]

COPIES_BINDINGS = [
    Binding("escape", "close", "Close", id="copies.close", tooltip="Close the copy history", group=DIALOGS),
    Binding("v", "show_text", "Show text", id="copies.show",
            tooltip="Show a recent copy's whole text, to select by hand", group=DIALOGS),
    Binding("j", "move(1)", "Down", show=False, id="copies.down", tooltip="Next recent copy", group=DIALOGS),
    Binding("k", "move(-1)", "Up", show=False, id="copies.up", tooltip="Previous recent copy", group=DIALOGS),
]

# The tag dialog's box (its escape is the pickers' `picker.cancel`).
TAG_INPUT_BINDINGS = [
    Binding("tab", "complete", "Complete", id="tags.complete", tooltip="Complete the tag being typed",
            group=DIALOGS),
]

NOTE_BINDINGS = [
    Binding("ctrl+s", "save", "Save", id="note.save", tooltip="Save the note", group=DIALOGS),
    Binding("escape", "cancel", "Cancel", id="note.cancel",
            tooltip="Close the note (what was typed and not saved is asked about first)", group=DIALOGS),
]

DISCARD_BINDINGS = [
    Binding("y", "discard", "Discard", id="note.discard", tooltip="Discard the note typed and not saved",
            group=DIALOGS),
    Binding("n,escape", "keep", "Keep writing", id="note.keep", tooltip="Go back to the note typed, to save it",
            group=DIALOGS),
]

TEXT_BINDINGS = [
    Binding("escape", "close", "Close", id="text.close", tooltip="Close a text shown to select by hand",
            group=DIALOGS),
]

PROMPT_BINDINGS = [
    Binding("escape", "cancel", "Cancel", id="prompt.cancel",
            tooltip="Close a question (a file name) without answering", group=DIALOGS),
]

_EVERY_LIST = [APP_BINDINGS, MAIN_BINDINGS, LIST_BINDINGS, STRIP_BINDINGS, DETAIL_BINDINGS, READER_BINDINGS,
               PARAGRAPH_BINDINGS, PANE_BINDINGS, HELP_BINDINGS, PICKER_BINDINGS, FILTER_BINDINGS, COPIES_BINDINGS,
               TEXT_BINDINGS, PROMPT_BINDINGS, TAG_INPUT_BINDINGS, NOTE_BINDINGS, DISCARD_BINDINGS]


def all_bindings() -> list[Binding]:
    """Every binding the keymap may rebind, one per id (the first defined), in definition order."""
    seen: dict[str, Binding] = {}
    for bindings in _EVERY_LIST:
        for binding in bindings:
            if binding.id:
                seen.setdefault(binding.id, binding)
    return list(seen.values())


def binding_ids() -> set[str]:
    """The ids a user may write under ``[keys]``."""
    return {b.id for b in all_bindings() if b.id}


def help_groups() -> list[tuple[str, list[Binding]]]:
    """(heading, bindings) for the help screen: every binding under its group, in ``HELP_ORDER``."""
    grouped: dict[Group, list[Binding]] = {group: [] for group in HELP_ORDER}
    for binding in all_bindings():
        grouped.setdefault(binding.group or APP, []).append(binding)
    return [(group.description, bindings) for group, bindings in grouped.items() if bindings]


@cache
def _default_keys() -> dict[str, str]:
    return {b.id: b.key for b in all_bindings() if b.id}


def keys_of(binding_id: str, keymap: Mapping[str, str]) -> str:
    """The keys that run ``binding_id`` now: the user's (``keymap``), else the default ones."""
    if binding_id in keymap:
        return keymap[binding_id]
    return _default_keys().get(binding_id, "")


def keymap_of(node: DOMNode) -> Mapping[str, str]:
    """The keymap the app runs with (Textual keeps it, without a public name for it)."""
    return getattr(node.app, "_keymap", None) or {}


_KEY_NAMES = {"question_mark": "?", "slash": "/", "escape": "esc", "pagedown": "pgdn", "pageup": "pgup"}


def _key_name(key: str) -> str:
    key = key.strip()
    if key in _KEY_NAMES:
        return _KEY_NAMES[key]
    if key in KEY_TO_UNICODE_NAME or key in REPLACED_KEYS:
        return format_key(key)  # "exclamation_mark" → "!"
    return key


def key_label(keys: str) -> str:
    """``"question_mark,f1"`` → ``"? / f1"``: every key, as the help lists them."""
    return " / ".join(_key_name(k) for k in keys.split(","))


def key_hint(binding_id: str, keymap: Mapping[str, str]) -> str:
    """The first key of ``binding_id``, for hints in the text ("x clears the filters")."""
    key = keys_of(binding_id, keymap).split(",")[0].strip()
    return key if key == "escape" else _key_name(key)  # "escape returns to the list"


# -- the footer (tui.app.widgets.keybar) ----------------------------------------------------
# Which keys it keeps when the line is short, most important first: help (it lists every
# key), quit and back, then what the focused list or reader does, then search and the rest.
FOOTER_RANK = {key_id: rank for rank, key_id in enumerate([
    "app.help", "app.quit", "app.quit-now",
    "nav.back", "text.close", "copies.close", "picker.cancel", "filters.cancel", "help.close", "prompt.cancel",
    "note.cancel", "note.keep",
    "list.open", "detail.follow", "copies.show", "filters.apply", "cite.quote", "reader.officials",
    "note.save", "note.discard", "tags.complete",
    "search.focus", "cite.copy", PALETTE, "filters.pick", "strip.next",
    # The workbench's keys, where the line has room left (100, 120 columns): they act on the
    # focused list or reader, but a reader finds and cites before tagging and noting; `t`
    # first, as it works in every pane.
    "workbench.tag", "workbench.note", "marks.toggle",
])}
# The order they read in, left to right (the palette key sits at the right edge).
FOOTER_ORDER = {key_id: order for order, key_id in enumerate([
    "list.open", "detail.follow", "strip.next", "copies.show", "filters.apply", "note.save", "note.discard",
    "tags.complete", "reader.officials", "cite.quote", "search.focus", "filters.pick", "cite.copy",
    "marks.toggle", "workbench.tag", "workbench.note",
    "nav.back", "text.close", "copies.close", "picker.cancel", "filters.cancel", "help.close", "prompt.cancel",
    "note.cancel", "note.keep",
    "app.help", "app.quit", "app.quit-now", PALETTE,
])}
