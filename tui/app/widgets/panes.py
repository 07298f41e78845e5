"""The panes: a search box and a virtual list on the left, a detail view beside it
(Articles and Officials here; the Timeline, with its strip, in ``timeline``).

Filtering runs in a thread worker (``exclusive``: a newer keystroke cancels the
older search) after a short debounce, so typing never waits for the list.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial
from typing import ClassVar

from textual import on, work
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Input, Static
from textual.worker import get_current_worker

from tui.app.bindings import PANE_BINDINGS, key_hint, keymap_of
from tui.app.catalog import ArticleMatches, Catalog
from tui.app.filters import Filters
from tui.app.display import line, text
from tui.app.formatting import plural, safe, short_date
from tui.app.widgets.detail import Reader
from tui.app.widgets.official_page import OfficialDetail
from tui.app.widgets.record_list import Column, RecordList, Row
from tui.records import ARTICLE, OFFICIAL
from tui.library import Query, QueryError, parse_query

SEARCH_DEBOUNCE = 0.005  # seconds: a search at 10,000 articles takes < 16 ms and runs in a thread (a newer key
# cancels it), so the pause only gathers keys that arrive together (a paste, key repeat)
DETAIL_DEBOUNCE = 0.05  # holding j through a long list must not rebuild the detail each row


class SearchBox(Input):
    """The pane's search box; the query language of ``tui.search``."""


class Pane(Horizontal):
    """One pane. Subclasses say what the rows are and how the detail shows a record."""

    BINDINGS: ClassVar[list[BindingType]] = PANE_BINDINGS
    kind: ClassVar[str] = ""
    title: ClassVar[str] = ""
    noun: ClassVar[str] = "item"  # singular: counts say "1 article", "2 articles"
    columns: ClassVar[list[Column]] = []
    placeholder: ClassVar[str] = "search"  # after the key that focuses the box: "/ search"

    class StatusChanged(Message):
        """The pane's count or searching state changed: the screen's status line shows it."""

    def __init__(self, **kwargs) -> None:
        super().__init__(id=self.kind, classes="pane", **kwargs)
        self.catalog: Catalog | None = None
        self.filters = Filters()
        self.error: str | None = None
        self.searching = False
        self._search_timer: Timer | None = None
        self._detail_timer: Timer | None = None

    def compose(self):
        with Vertical(classes="list-side"):
            yield SearchBox(placeholder=f"{key_hint('search.focus', keymap_of(self))} {self.placeholder}",
                            classes="search", compact=True)
            yield from self.above_list()
            yield RecordList(self.columns, classes="records")
            yield Static("", classes="empty", markup=False)
        yield self.make_detail()

    def make_detail(self) -> Widget:
        raise NotImplementedError

    def above_list(self) -> Iterable[Widget]:
        """Widgets between the search box and the list (the Timeline's strip)."""
        return ()

    # -- parts -----------------------------------------------------------------

    @property
    def records(self) -> RecordList:
        return self.query_one(RecordList)

    @property
    def search_box(self) -> SearchBox:
        return self.query_one(SearchBox)

    @property
    def detail(self) -> Widget:
        return self.query_one(".detail")

    @property
    def detail_focus_target(self) -> Widget:
        return self.detail

    @property
    def detail_key(self) -> str | None:
        return getattr(self.detail, "key", None)

    @property
    def detail_open(self) -> bool:
        return self.has_class("-detail-open")

    # -- data ------------------------------------------------------------------

    def set_catalog(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self.refilter(immediate=True)

    def set_filters(self, filters: Filters) -> None:
        self.filters = filters
        self.refilter(immediate=True)

    @on(Input.Changed, ".search")
    def _typed(self, event: Input.Changed) -> None:
        event.stop()
        self.refilter()

    @on(Input.Submitted, ".search")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.records.focus()

    def refilter(self, immediate: bool = False) -> None:
        """Filter again (after a short pause in typing unless ``immediate``)."""
        if self.catalog is None:
            return
        if self._search_timer is not None:
            self._search_timer.stop()
        self.searching = True
        self._notify_status()
        if immediate:
            self._run_search(self.search_box.value)
        else:
            text = self.search_box.value
            self._search_timer = self.set_timer(SEARCH_DEBOUNCE, lambda: self._run_search(text))

    def _run_search(self, text: str) -> None:
        self._search_worker(self.catalog, text, self.filters)

    @work(thread=True, exclusive=True, group="search")
    def _search_worker(self, catalog: Catalog, text: str, filters: Filters) -> None:
        worker = get_current_worker()
        try:
            # One query: what is typed, narrowed by the picker's filters (every condition holds).
            result = self.compute(catalog, parse_query(text) & filters.query)
            error = None
        except QueryError as exc:
            result, error = None, str(exc)
        if not worker.is_cancelled:
            self.app.call_from_thread(self._apply, result, error, text)

    def compute(self, catalog: Catalog, query: Query):
        """The rows for ``query`` (runs in a thread)."""
        raise NotImplementedError

    def _apply(self, result, error: str | None, typed: str) -> None:
        self.searching = False
        self.error = error
        if result is not None:
            self.apply_result(result)
        count = self.records.record_count
        if error or count == 0:
            heading, tips = self.empty_state(typed, error)
            clear = key_hint("filters.clear", keymap_of(self))
            keys = [k for k, on in (("ctrl+u clears the search", typed.strip()),
                                    (f"{clear} clears the filters", self.filters.active)) if on]
            self.query_one(".empty", Static).update(
                line(heading, *((Content("\n"), text(" · ".join(keys), "$text-muted")) if keys else ()))
            )
            self.detail.show_empty(heading, tips)
        self.set_class(bool(error) or count == 0, "-empty")
        self._notify_status()

    def empty_state(self, typed: str, error: str | None) -> tuple[Content, list[Content]]:
        """What the list and the detail say when nothing is listed: a heading and tips."""
        nouns = plural(2, self.noun).split(" ", 1)[1]
        query = safe(typed.strip())
        if error:
            heading = line(("Query not understood: ", "bold $text-warning"), error)
        elif query:
            heading = line((f"No {nouns} match ", "bold $text-warning"), (f"“{query}”", "bold"),
                           (".", "bold $text-warning"))
        elif self.filters.active:
            heading = text(f"No {nouns} with the active filters.", "bold $text-warning")
        else:
            heading = text(f"No {nouns} in the store yet.", "bold $text-warning")
        back, clear = (key_hint(i, keymap_of(self)) for i in ("nav.back", "filters.clear"))
        tips: list[str] = []
        if query or error:
            tips.append("Every word must appear; try fewer words, or check the spelling.")
            tips += self.search_tips
            tips.append(f"{back} in the search box clears it, and again returns to the list (ctrl+u clears it too).")
        if self.filters.active:
            tips.append(f"{clear} clears the filters ({self.filters.describe()}).")
        if not query and not error and not self.filters.active and self.kind == "articles":
            tips.append("Add articles from the command line: cca-tui ingest FOLDER")
        return heading, [text(tip) for tip in tips]

    search_tips: ClassVar[list[str]] = [
        'Query language: words, "exact phrases", -excluded, outlet: country: official: since: until:, '
        'tag: -tag: note:',
    ]

    def apply_result(self, result) -> None:
        self.records.set_rows(result, keep=self.records.current_key)

    def action_quote_needs_reader(self) -> None:
        """`y` outside the reader: a quotation is of a paragraph, which only the reader has."""
        opens = key_hint("list.open", keymap_of(self))
        self.notify(f"Open an article to quote a paragraph ({opens} opens the selected one).")

    def _notify_status(self) -> None:
        self.post_message(self.StatusChanged())

    # -- detail ------------------------------------------------------------------

    @on(RecordList.Highlighted)
    def _highlighted(self, event: RecordList.Highlighted) -> None:
        event.stop()
        if self._detail_timer is not None:
            self._detail_timer.stop()
        key = event.key
        self.cursor_moved(key)
        if key == self.detail_key:
            return
        self._detail_timer = self.set_timer(DETAIL_DEBOUNCE, lambda: self.show_detail(key))

    def cursor_moved(self, key: str | None) -> None:
        """The list cursor is on ``key`` now (the detail follows after a pause)."""

    def show_detail(self, key: str | None, paragraph: int | None = None, force: bool = False,
                    sentence: str | None = None) -> None:
        """Show ``key`` in the detail view (``paragraph``: where the reader starts; ``sentence``:
        the words of it to mark)."""
        raise NotImplementedError

    def show_now(self, key: str, paragraph: int | None = None, sentence: str | None = None) -> None:
        """Show ``key`` at once and put the list cursor on it if it is listed."""
        if self._detail_timer is not None:
            self._detail_timer.stop()
        self.show_detail(key, paragraph, force=True, sentence=sentence)
        self.records.select_key(key)

    def summary(self) -> str:
        """``3 of 120 articles``, ``1 article`` for the status line."""
        total = self.total()
        shown = 0 if self.error else self.records.record_count  # the list is hidden behind the error
        return f"{shown} of {plural(total, self.noun)}" if shown != total else plural(total, self.noun)

    def total(self) -> int:
        return 0


# -- Articles ---------------------------------------------------------------------------------


class ArticlesPane(Pane):
    kind = "articles"
    title = "Articles"
    noun = "article"
    placeholder = "search articles: words \"phrase\" -word outlet: country: official: since: until: tag: note:"
    columns = [
        Column("Date", 10, style="$text-muted"),
        Column("Outlet", 12, style="$text-secondary"),
        Column("Title", None, min_width=12),
        Column("Off.", 4, align="right", style="$text-muted"),
    ]

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.matches = ArticleMatches([])
        self._rows: dict[str, Row] = {}
        self._hits_timer: Timer | None = None

    def make_detail(self) -> Widget:
        return Reader(classes="detail")

    @property
    def reader(self) -> Reader:
        return self.query_one(Reader)

    @property
    def detail_focus_target(self) -> Widget:
        return self.reader.paragraphs

    def set_catalog(self, catalog: Catalog) -> None:
        # Rows are built once per store load; a search only picks from them.
        self._rows = {
            a.id: Row(a.id, (short_date(a.published), a.outlet or "", a.title or "Untitled",
                             str(catalog.official_count(a))), tags=tuple(catalog.tags_of(ARTICLE, a.id)))
            for a in catalog.articles
        }
        super().set_catalog(catalog)

    def compute(self, catalog: Catalog, query: Query):
        matches = catalog.match_articles(query)
        return matches, [self._rows[i] for i in matches.ids if i in self._rows]

    def apply_result(self, result) -> None:
        self.matches, rows = result
        super().apply_result(rows)
        if self.detail_key is not None:
            # New hits to highlight in the open article, once the results stop changing:
            # rebuilding the reader for every keystroke's results would hold up the next.
            if self._hits_timer is not None:
                self._hits_timer.stop()
            self._hits_timer = self.set_timer(DETAIL_DEBOUNCE, partial(self._refresh_hits, self.detail_key))

    def _refresh_hits(self, key: str) -> None:
        self._hits_timer = None
        if key == self.detail_key:
            self.show_detail(key, self.reader.current_paragraph, force=True, sentence=self.reader.sentence)

    def show_detail(self, key: str | None, paragraph: int | None = None, force: bool = False,
                    sentence: str | None = None) -> None:
        if self.catalog is None or (key == self.detail_key and not force and paragraph is None):
            return
        article = self.catalog.article(key) if key else None
        hits = self.matches.hits.get(key) if key else None
        self.reader.show(article, self.catalog, self.matches.query, hits, paragraph, sentence)

    def total(self) -> int:
        return len(self.catalog.articles) if self.catalog else 0


# -- Officials --------------------------------------------------------------------------------


class OfficialsPane(Pane):
    kind = "officials"
    title = "Officials"
    noun = "official"
    placeholder = "search officials: name (fuzzy), title, country:, tag:…"
    columns = [
        Column("Name", 22),
        Column("Country", 12, style="$text-secondary"),
        Column("Latest title", None, min_width=10, style="$text-muted"),
        Column("Art.", 4, align="right", style="$text-muted"),
    ]

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self._rows: dict[str, Row] = {}

    search_tips: ClassVar[list[str]] = [
        "Names match fuzzily (“Kulubaev” finds Kulubayev); titles match too; country: outlet: since: until: "
        "tag: -tag: note: narrow.",
    ]

    def make_detail(self) -> Widget:
        return OfficialDetail(classes="detail")

    def set_catalog(self, catalog: Catalog) -> None:
        self._rows = {
            o.id: Row(o.id, (o.name, o.country or "—", catalog.latest_title(o), str(len(o.article_ids))),
                      tags=tuple(catalog.tags_of(OFFICIAL, o.id)))
            for o in catalog.officials
        }
        super().set_catalog(catalog)

    def compute(self, catalog: Catalog, query: Query):
        return [self._rows[i] for i in catalog.match_officials(query) if i in self._rows]

    def show_detail(self, key: str | None, paragraph: int | None = None, force: bool = False,
                    sentence: str | None = None) -> None:
        if self.catalog is None or (key == self.detail_key and not force):
            return
        detail = self.detail
        assert isinstance(detail, OfficialDetail)
        detail.show(self.catalog.official_by_id.get(key) if key else None, self.catalog)

    def total(self) -> int:
        return len(self.catalog.officials) if self.catalog else 0
