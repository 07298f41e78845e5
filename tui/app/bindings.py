"""Every key of the explorer, in one place: ids for the user keymap, groups for the help screen.

A binding's ``id`` is what a user writes under ``[keys]`` in ``config.toml``
(``"app.quit" = "q,ctrl+c"``); Textual swaps the key and the footer follows.
"""

from __future__ import annotations

from textual.binding import Binding

# -- the app (global) -----------------------------------------------------------
APP_BINDINGS = [
    Binding("q", "quit", "Quit", id="app.quit", tooltip="Quit cca-tui"),
    Binding("ctrl+q", "quit", "Quit", show=False, priority=True, id="app.quit-now",
            tooltip="Quit cca-tui from anywhere"),
    Binding("question_mark,f1", "help", "Help", key_display="?", id="app.help",
            tooltip="Every key, grouped"),
    Binding("ctrl+r", "reload", "Reload", show=False, id="app.reload",
            tooltip="Re-read the store (after an ingest in another terminal)"),
]

# -- the main screen: panes, search, filters, history, citations ------------------
MAIN_BINDINGS = [
    Binding("1", "show_pane('articles')", "Articles", id="pane.articles", tooltip="Articles pane"),
    Binding("2", "show_pane('officials')", "Officials", id="pane.officials", tooltip="Officials pane"),
    Binding("3", "show_pane('timeline')", "Timeline", id="pane.timeline", tooltip="Timeline pane"),
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

READER_BINDINGS = [
    Binding("o", "paragraph_officials", "Officials here", id="reader.officials",
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
