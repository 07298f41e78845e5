"""What the faces read of one version of a store: its lists, its index, and what a query finds.

The CLI and the explorer read a store only through this: the articles (newest first), the
officials and events tables, the user's tags and notes, the search index, and the
matching of one ``Query`` against articles (through the index, narrowed by the tags and
notes), officials and events (record by record), so both faces find the same rows for
the same query.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cached_property

from tui.library.userdata import PlacedNote, place_notes
from tui.records import Article, Event, Official
from tui.search import ArticleSources, Query, Results, SearchIndex, event_matches, official_matches
from tui.search.annotations import NONE, Annotations


class Contents:
    """Articles, officials, events and the search index of one store version.

    ``articles`` are headings (``paragraphs`` None: what a list shows); ``article(id)``
    reads the full record."""

    def __init__(self, articles: list[Article], officials: list[Official], events: list[Event],
                 index: SearchIndex | Callable[[], SearchIndex], article: Callable[[str], Article | None],
                 mtime_ns: int = 0, annotations: Annotations | Callable[[], Annotations] = NONE):
        self.articles = articles  # newest first (undated last), then by title
        self.officials = officials
        self.events = events  # oldest first
        self._index = index
        self._article = article
        self._annotations = annotations
        self.mtime_ns = mtime_ns  # of the file version shown, to notice writes by others

    @cached_property
    def index(self) -> SearchIndex:
        """The search index over the articles (built or loaded when first asked for)."""
        return self._index if isinstance(self._index, SearchIndex) else self._index()

    @cached_property
    def annotations(self) -> Annotations:
        """The user's tags and notes, each tag on the current id of its record."""
        found = self._annotations
        return found if isinstance(found, Annotations) else found()

    def tags_of(self, kind: str, record_id: str) -> list[str]:
        """The tags on one article, official or event (``tui.records.ARTICLE`` …), sorted."""
        return self.annotations.tags_of(kind, record_id)

    def notes_in(self, article: Article) -> list[PlacedNote]:
        """The notes on ``article`` (read with its paragraphs) and where each shows."""
        return place_notes(article, self.annotations.notes_of(article.id))

    def article(self, article_id: str) -> Article | None:
        """The full record of an article (its paragraphs too); None when there is none or it
        cannot be read."""
        return self._article(article_id)

    def __len__(self) -> int:
        return len(self.articles)

    # -- one query, three kinds of record -------------------------------------------------

    @cached_property
    def sources(self) -> ArticleSources:
        """Outlets and dates of the articles, for the officials' and events' outlet/date conditions."""
        return ArticleSources(self.articles)

    @cached_property
    def countries_of(self) -> dict[str, str | None]:
        """Each official's country by name: what ``country:`` asks of an event's participants."""
        return {o.name: o.country for o in self.officials}

    def find_articles(self, query: Query | str, limit: int | None = None) -> Results:
        """Articles meeting ``query``, best first, each with its hit paragraphs."""
        if isinstance(query, str):
            from tui.search import parse_query

            query = parse_query(query)
        within = self.annotations.articles_passing(query, (a.id for a in self.articles))
        return self.index.search(query, limit=limit, within=within)

    def official_matches(self, official: Official, query: Query) -> bool:
        """Whether ``official`` meets every condition of ``query``."""
        return official_matches(official, query, self.sources, self.annotations)

    def event_matches(self, event: Event, query: Query) -> bool:
        """Whether ``event`` meets every condition of ``query``."""
        return event_matches(event, query, self.countries_of, self.sources, self.annotations)

    def find_officials(self, query: Query) -> list[Official]:
        """The officials meeting ``query``, in stored order."""
        return [o for o in self.officials if self.official_matches(o, query)]

    def find_events(self, query: Query) -> list[Event]:
        """The events meeting ``query``, oldest first."""
        return [e for e in self.events if self.event_matches(e, query)]

