"""The main screen: pane bar, the three panes, a status line and the footer."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.actions import SkipAction
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.content import Content
from textual.screen import Screen
from textual.widgets import ContentSwitcher, Input, Static

from tui.app.bindings import MAIN_BINDINGS, key_hint, keymap_of
from tui.app.catalog import Catalog
from tui.app.display import line, text
from tui.app.filters import Filters
from tui.app.history import History, Location
from tui.app.links import ArticleLink, Link, OfficialLink, SearchLink
from tui.app.marks import Marks
from tui.app.messages import CopyCitation, CopyQuotation, Navigate
from tui.app.screens.marking import Marking
from tui.app.widgets.detail import DetailList, Reader
from tui.app.widgets.keybar import KeyBar
from tui.app.widgets.panes import ArticlesPane, Pane
from tui.app.widgets.record_list import RecordList
from tui.app.widgets.timeline import PANES
from tui.records import Article

NARROW = 100  # below this width the detail replaces the list instead of sitting beside it


class MainScreen(Marking, Screen):
    """Articles, Officials and Timeline, with history, search, filters, marks and citations."""

    BINDINGS: ClassVar[list[BindingType]] = MAIN_BINDINGS
    AUTO_FOCUS = "#articles .records"  # the app opens with the focus in the Articles list

    def __init__(self) -> None:
        super().__init__()
        self.history = History()
        self.filters = Filters()
        self.marks = Marks()  # marked rows per pane (tui.app.screens.marking)
        self.catalog: Catalog | None = None  # None until the store is loaded
        self.loading_message: str | None = "Loading the store…"
        self.kind = "articles"  # the pane shown (ContentSwitcher.current is unset until mounted)
        self._ready = False
        self._pending_catalog = None

    def compose(self) -> ComposeResult:
        yield Static(id="pane-bar")
        with ContentSwitcher(initial="articles", id="panes"):
            for pane in PANES:
                yield pane()
        yield Static(id="status")
        yield KeyBar()

    def on_mount(self) -> None:
        for box in self.query(Input):
            box.cursor_blink = getattr(self.app, "CURSOR_BLINK", True)
        if self.loading_message is not None:
            for records in self.query(RecordList):
                records.loading = True
        self._update_pane_bar()
        self.update_status()
        self.set_focus(self.current_pane.records)
        self._ready = True
        if self._pending_catalog is not None:
            self.call_after_refresh(self.set_catalog, self._pending_catalog)

    def on_resize(self) -> None:
        self.set_class(self.size.width < NARROW, "-narrow")
        self._update_pane_bar()

    # -- panes -------------------------------------------------------------------

    @property
    def panes(self) -> list[Pane]:
        return list(self.query(Pane))

    @property
    def current_pane(self) -> Pane:
        return self.query_one(f"#{self.kind}", Pane)

    def pane(self, kind: str) -> Pane:
        return self.query_one(f"#{kind}", Pane)

    def set_catalog(self, catalog: Catalog) -> None:
        """The store is loaded: fill every pane (once the panes exist)."""
        if not self._ready:
            self._pending_catalog = catalog
            return
        self._pending_catalog = None
        reloaded = self.catalog is not None
        self.catalog = catalog
        self.loading_message = None
        for pane in self.panes:
            pane.records.loading = False
            pane.set_catalog(catalog)
        self.keep_marks(catalog)
        if reloaded:  # (the reader shows the new version by itself, where it was)
            from tui.app.workbench import refresh_pages

            refresh_pages(self)
        if self.focused is None:
            # A list cannot take the focus while it shows its loading state, so when the
            # store took longer than the first frame the app opens with the focus here.
            self.set_focus(self.current_pane.records)
        # The footer worked out its keys while the focused list was loading (and so had
        # none): show the list's keys now.
        self.refresh_bindings()
        self.update_status()

    def _update_pane_bar(self) -> None:
        """`` cca-tui  1 Articles  2 Officials  3 Timeline``: the panes and their keys (the footer
        leaves them out); narrower, without the name, then with the titles cut to 3 letters."""
        width = self.size.width or self.app.size.width
        name = text(" cca-tui", "bold $accent")
        keys = [self.key_hint(f"pane.{pane.kind}") for pane in PANES]
        for short in (False, True):
            parts = [
                text(f" {key} {pane.title[:3] if short else pane.title} ",
                     "bold reverse $primary" if pane.kind == self.kind else "$text-muted")
                for key, pane in zip(keys, PANES)
            ]
            for bar in (Content(" ").join([name, *parts]), Content(" ").join(parts)):
                if bar.cell_length <= width:
                    break
            if bar.cell_length <= width:
                break
        self.query_one("#pane-bar", Static).update(bar)

    def key_hint(self, binding_id: str) -> str:
        """The key that runs ``binding_id`` now, for the pane bar and the status line."""
        return key_hint(binding_id, keymap_of(self))

    def update_status(self) -> None:
        """Active filters on the left; counts or loading/searching state on the right."""
        pane = self.current_pane
        if self.filters.active:
            left = line(("Filters: ", "bold $text-warning"), self.filters.describe(),
                        (f"  ({self.key_hint('filters.clear')} clears)", "$text-muted"))
        else:
            left = text(f"No filters ({self.key_hint('filters.pick')} to add)", "$text-muted")
        if self.loading_message:
            right = self.loading_message
        elif pane.searching:
            right = "Searching…"
        else:
            right = pane.summary()
            if pane.search_box.value.strip():
                right = f"{right} for “{pane.search_box.value.strip()}”"
            if self.marks_status(pane.kind):
                right = f"{right} · {self.marks_status(pane.kind)}"
        self.query_one("#status", Static).update(line(left, ("  ·  ", "$text-muted"), right))

    def action_show_pane(self, kind: str) -> None:
        """``1`` ``2`` ``3``: the pane's list, with the focus in it.

        The pane keeps what its detail showed (beside the list when there is room),
        so Enter, or moving back to that row, returns to it.
        """
        if self.kind != kind:
            self._switch(kind)
        self._focus_side(self.current_pane, "list")
        self.update_status()

    def action_cycle_pane(self, step: int) -> None:
        kinds = [p.kind for p in PANES]
        index = kinds.index(self.kind)
        self.action_show_pane(kinds[(index + step) % len(kinds)])

    # -- focus and history -----------------------------------------------------------

    def _focus_side(self, pane: Pane, side: str) -> None:
        pane.set_class(side == "detail", "-detail-open")
        if side == "detail":
            self.set_focus(pane.detail_focus_target)
        elif side == "search":
            self.set_focus(pane.search_box)
        else:
            self.set_focus(pane.records)

    def here(self) -> Location:
        pane = self.current_pane
        focused = self.focused
        side = "list"
        if focused is pane.search_box:
            side = "search"
        elif pane.detail_open or (focused is not None and pane.detail in focused.ancestors_with_self):
            side = "detail"
        target = pane.detail_focus_target
        index = target.highlighted if isinstance(target, DetailList) else None
        return Location(pane.kind, pane.detail_key or pane.records.current_key, side, index)

    def _switch(self, kind: str) -> None:
        self.kind = kind
        self.query_one(ContentSwitcher).current = kind
        self._update_pane_bar()

    def restore(self, location: Location) -> None:
        self._switch(location.pane)
        pane = self.current_pane
        if location.key is not None:
            pane.show_now(location.key)
            target = pane.detail_focus_target
            if location.detail_index is not None and isinstance(target, DetailList):
                if location.detail_index < target.option_count:
                    target.highlighted = location.detail_index
                    target.scroll_to_highlight()
        self._focus_side(pane, location.focus)
        self.update_status()

    @on(RecordList.Selected)
    def _open(self, event: RecordList.Selected) -> None:
        """Enter on a list row: open the item's detail (the reader, for articles)."""
        event.stop()
        pane = self.current_pane
        self.history.push(self.here())
        pane.show_now(event.key)
        self._focus_side(pane, "detail")

    @on(Navigate)
    def _navigate(self, event: Navigate) -> None:
        event.stop()
        self.go(event.link)

    @on(Pane.StatusChanged)
    def _pane_status(self, event: Pane.StatusChanged) -> None:
        event.stop()
        self.update_status()

    def go(self, link: Link) -> None:
        """Follow ``link`` to an article (at a paragraph), an official or an event, or to a pane's
        list searched for a query; remembered for `back`."""
        self.history.push(self.here())
        self._switch(link.pane)
        pane = self.current_pane
        if isinstance(link, SearchLink):
            pane.set_class(False, "-detail-open")
            pane.search_box.value = link.query
            pane.refilter(immediate=True)
            self._focus_side(pane, "list")
        else:
            if isinstance(link, ArticleLink):
                pane.show_now(link.key, link.paragraph, link.sentence)
            else:
                pane.show_now(link.key)
            self._focus_side(pane, "detail")
        self.update_status()

    def action_back(self) -> None:
        """Escape/backspace: clear the search box, then leave it; else go back in history,
        else back to the list."""
        pane = self.current_pane
        if self.focused is pane.search_box:
            if pane.search_box.value:
                pane.search_box.value = ""  # the list follows (Input.Changed)
            else:
                self.set_focus(pane.records)
            return
        location = self.history.pop()
        if location is not None:
            self.restore(location)
        elif pane.detail_open or (self.focused is not None and pane.detail in self.focused.ancestors):
            self._focus_side(pane, "list")

    # -- search and filters -------------------------------------------------------------

    def action_search(self) -> None:
        pane = self.current_pane
        if isinstance(self.focused, Input):
            raise SkipAction()  # in a text box the key is text (the binding sees it first)
        pane.set_class(False, "-detail-open")
        self.set_focus(pane.search_box)

    def action_filters(self) -> None:
        from tui.app.screens.filters import FilterScreen

        if self.catalog is None:
            self.notify("The store is still loading.", severity="warning")
            return
        self.app.push_screen(FilterScreen(self.catalog, self.filters), self.set_filters)

    def set_filters(self, filters: Filters | None) -> None:
        """Apply ``filters`` to all three panes (None: the picker was cancelled)."""
        if filters is None:
            return
        self.filters = filters
        for pane in self.panes:
            pane.set_filters(filters)
        self.update_status()

    def action_clear_filters(self) -> None:
        if self.filters.active:
            self.set_filters(Filters())
            self.notify("Filters cleared.")

    # -- citations --------------------------------------------------------------------------

    def listed(self, kind: str) -> list[str]:
        """The keys of the records the ``kind`` pane lists now, in its order."""
        return [r.key for r in self.pane(kind).records.rows if r.key and not r.group]

    def current_article(self) -> Article | None:
        """The open article, else the selected one, else an article link under the cursor."""
        catalog = self.catalog
        if catalog is None:
            return None
        pane = self.current_pane
        if isinstance(pane, ArticlesPane):
            key = pane.detail_key if pane.detail_open else (pane.records.current_key or pane.detail_key)
            return catalog.article(key) if key else None
        target = pane.detail_focus_target
        if isinstance(target, DetailList) and self.focused is target:
            link = target.current_link
            if isinstance(link, ArticleLink):
                return catalog.article(link.article_id)
        return None

    def action_copy_citation(self, style: str | None = None) -> None:
        if self.copy_marked(style):
            return
        article = self.current_article()
        if article is None:
            self.notify("Select an article to cite (or an article link in a detail view).", severity="warning")
            return
        self.post_message(CopyCitation(article, style))

    def action_choose_style(self) -> None:
        from tui.app.screens.pickers import StylePicker

        if self.choose_style_for_marked():
            return
        article = self.current_article()
        if article is None:
            self.notify("Select an article to cite.", severity="warning")
            return
        self.app.push_screen(StylePicker(), lambda style: style and self.post_message(CopyCitation(article, style)))

    # -- tags and notes (tui.app.workbench) ------------------------------------------------

    def tag_targets(self) -> list:
        """What `t` tags now: the marked rows, else the selected (or open) article, official or event."""
        from tui.app.workbench import tag_targets

        return tag_targets(self)

    def action_tag(self) -> None:
        from tui.app.workbench import open_tagger

        open_tagger(self, self.tag_targets())

    def action_note(self) -> None:
        from tui.app.workbench import open_note

        open_note(self)

    @on(Reader.QuoteParagraph)
    def _quote(self, event: Reader.QuoteParagraph) -> None:
        event.stop()
        article = self.catalog.article(event.article_id) if self.catalog else None
        if article:
            self.post_message(CopyQuotation(article, event.paragraph))

    @on(Reader.ParagraphOfficials)
    def _paragraph_officials(self, event: Reader.ParagraphOfficials) -> None:
        from tui.app.screens.pickers import OfficialPicker

        event.stop()
        if self.catalog is None:
            return
        officials = self.catalog.officials_in(event.article_id, event.paragraph)
        if not officials:
            self.notify(f"No officials named in paragraph {event.paragraph}.")
            return
        self.app.push_screen(
            OfficialPicker(officials, f"Officials in paragraph {event.paragraph}"),
            lambda official_id: official_id and self.go(OfficialLink(official_id)),
        )
