"""Where a link on a page goes: typed values, carried by the options that show them.

A detail page's links (an article's paragraph, an official, an event, a pane's list
searched for a query) are these values, never strings to be parsed back; following
one is ``MainScreen.go(link)``.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ArticleLink:
    """An article in the reader, at ``paragraph`` (None: its first paragraph or first hit);
    ``sentence``: the words of that paragraph to mark (an event's evidence)."""

    article_id: str
    paragraph: int | None = None
    sentence: str | None = None

    pane = "articles"

    @property
    def key(self) -> str:
        return self.article_id


@dataclass(frozen=True)
class OfficialLink:
    """An official's page."""

    official_id: str

    pane = "officials"

    @property
    def key(self) -> str:
        return self.official_id


@dataclass(frozen=True)
class EventLink:
    """An event's page."""

    event_id: str

    pane = "timeline"

    @property
    def key(self) -> str:
        return self.event_id


@dataclass(frozen=True)
class SearchLink:
    """A pane's list, searched for ``query`` (``official:"Murat Nurtleu"``)."""

    pane: str
    query: str


Link = ArticleLink | OfficialLink | EventLink | SearchLink
