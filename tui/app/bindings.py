"""Every key of the explorer, in one place: ids for the user keymap, groups for the help screen.

A binding's ``id`` is what a user writes under ``[keys]`` in ``config.toml``
(``"app.quit" = "q,ctrl+c"``); Textual swaps the key and the footer follows.
"""

from __future__ import annotations

from textual.binding import Binding

# -- the app (global) -----------------------------------------------------------
APP_BINDINGS = [
    Binding("q", "quit", "Quit", id="app.quit", tooltip="Quit cca-tui"),
    # Shown in the footer only where `q` is typed into a box (one entry per action).
    Binding("ctrl+q", "quit", "Quit", priority=True, id="app.quit-now",
            tooltip="Quit cca-tui from anywhere"),
    Binding("question_mark,f1", "help", "Help", id="app.help",
            tooltip="Every key, grouped"),
    Binding("ctrl+r", "reload", "Reload", show=False, id="app.reload",
            tooltip="Re-read the store (after an ingest in another terminal)"),
]

# -- the main screen: panes, search, filters, history, citations ------------------
MAIN_BINDINGS = [
    # Not in the footer: the pane bar at the top shows "1 Articles  2 Officials  3 Timeline".
    Binding("1", "show_pane('articles')", "Articles", show=False, id="pane.articles", tooltip="Articles pane"),
    Binding("2", "show_pane('officials')", "Officials", show=False, id="pane.officials", tooltip="Officials pane"),
    Binding("3", "show_pane('timeline')", "Timeline", show=False, id="pane.timeline", tooltip="Timeline pane"),
    Binding("tab", "cycle_pane(1)", "Next pane", show=False, id="pane.next", tooltip="Next pane"),
    Binding("shift+tab", "cycle_pane(-1)", "Previous pane", show=False, id="pane.previous",
            tooltip="Previous pane"),
    # Priority: the app moves the focus as it reads the key, so keys typed right behind it
    # (a paste, a burst over SSH) reach the box rather than the list.
    Binding("slash", "search", "Search", key_display="/", id="search.focus", priority=True,
            tooltip="Search this pane's list (query language: words, \"phrases\", -word, outlet: country: official: since: until:)"),
    Binding("f", "filters", "Filters", id="filters.pick", tooltip="Filter all panes by country, outlet, dates"),
    Binding("x", "clear_filters", "Clear filters", show=False, id="filters.clear",
            tooltip="Remove every active filter"),
    Binding("escape,backspace", "back", "Back", key_display="esc", id="nav.back",
            tooltip="Back to where you were, like a browser"),
    Binding("c", "copy_citation", "Cite", id="cite.copy",
            tooltip="Copy the citation of the selected or open article (default style)"),
    Binding("C", "choose_style", "Cite as…", show=False, id="cite.choose",
            tooltip="Choose a citation style and copy"),
    Binding("H", "app.copy_history", "Recent copies", show=False, id="cite.history",
            tooltip="Recent copies: copy one again, or show its text to select by hand"),
]

# -- lists (articles, officials, timeline) ------------------------------------------
LIST_BINDINGS = [
    Binding("down,j", "cursor_down", "Down", show=False, id="list.down", tooltip="Next row"),
    Binding("up,k", "cursor_up", "Up", show=False, id="list.up", tooltip="Previous row"),
    Binding("home,g", "first", "Top", show=False, id="list.top", tooltip="First row"),
    Binding("end,G", "last", "Bottom", show=False, id="list.bottom", tooltip="Last row"),
    Binding("pagedown", "page_down", "Page down", show=False, id="list.page-down", tooltip="Next page"),
    Binding("pageup", "page_up", "Page up", show=False, id="list.page-up", tooltip="Previous page"),
    Binding("enter", "select", "Open", id="list.open", tooltip="Open the selected item"),
]

# -- detail views (reader paragraphs, official and event links) ---------------------
DETAIL_BINDINGS = [
    Binding("down,j", "cursor_down", "Down", show=False, id="detail.down", tooltip="Next paragraph or link"),
    Binding("up,k", "cursor_up", "Up", show=False, id="detail.up", tooltip="Previous paragraph or link"),
    Binding("home,g", "first", "Top", show=False, id="detail.top", tooltip="First paragraph or link"),
    Binding("end,G", "last", "Bottom", show=False, id="detail.bottom", tooltip="Last paragraph or link"),
    Binding("enter", "select", "Follow", id="detail.follow", tooltip="Follow the highlighted link"),
]

# The reader's paragraphs: Enter does what `o` does, so the footer shows `o` only.
PARAGRAPH_BINDINGS = DETAIL_BINDINGS[:-1] + [
    Binding("enter", "select", "Officials here", show=False, id="detail.follow",
            tooltip="List the officials named in this paragraph, to jump to one"),
]

READER_BINDINGS = [
    Binding("o", "paragraph_officials", "Officials", id="reader.officials",
            tooltip="List the officials named in this paragraph, to jump to one"),
    Binding("y", "copy_quotation", "Quote", id="cite.quote",
            tooltip="Copy this paragraph as a quotation with its citation"),
]

# For the help screen: (group title, bindings, extra notes).
HELP_GROUPS: list[tuple[str, list[Binding]]] = [
    ("Panes", MAIN_BINDINGS[0:5]),
    ("Moving in lists", LIST_BINDINGS),
    ("Search and filters", MAIN_BINDINGS[5:8]),
    ("Reader and details", DETAIL_BINDINGS + READER_BINDINGS[:1]),
    ("Citations (copied to the clipboard)", MAIN_BINDINGS[9:12] + READER_BINDINGS[1:]),
    ("History", MAIN_BINDINGS[8:9]),
    ("App", APP_BINDINGS + [Binding("ctrl+p", "command_palette", "Command palette: panes, open by name, cite, export, filters, theme", id="app.palette")]),
]


def all_bindings() -> list[Binding]:
    """Every binding with an id (what the keymap may rebind)."""
    return [b for _, group in HELP_GROUPS for b in group]


# -- the footer (tui.app.widgets.keybar) ----------------------------------------------------
# Which keys it keeps when the line is short, most important first: help (it lists every
# key), quit and back, then what the focused list or reader does, then search and the rest.
FOOTER_RANK = {key_id: rank for rank, key_id in enumerate([
    "app.help", "app.quit", "app.quit-now",
    "nav.back", "text.close", "copies.close", "picker.cancel", "filters.cancel", "help.close",
    "list.open", "detail.follow", "copies.show", "filters.apply", "cite.quote", "reader.officials",
    "search.focus", "cite.copy", "app.palette", "filters.pick",
])}
# The order they read in, left to right (the palette key sits at the right edge).
FOOTER_ORDER = {key_id: order for order, key_id in enumerate([
    "list.open", "detail.follow", "copies.show", "filters.apply",
    "reader.officials", "cite.quote", "search.focus", "filters.pick", "cite.copy",
    "nav.back", "text.close", "copies.close", "picker.cancel", "filters.cancel", "help.close",
    "app.help", "app.quit", "app.quit-now", "app.palette",
])}
