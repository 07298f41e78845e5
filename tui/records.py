"""The records cca-tui shows: articles with their paragraphs, officials with their roles and
mentions, dated events with their evidence, the news feeds a store follows, and what the
user writes: tags (on articles, officials and events) and notes (on an article or one of
its paragraphs).

What the library hands the faces, citations and search matching: typed, so a misspelled
field is an error where it is written rather than an empty value at run time. They are
made from the stored documents (and turned back into them) in one place,
``tui.library.codec``; a field the store does not have yet is its default here.
Slotted dataclasses: a 10,000-article store makes about 150,000 of them when the
explorer starts (about 40 ms).
"""

from __future__ import annotations

from dataclasses import dataclass

HEADING, PARA = "heading", "para"


@dataclass(slots=True)
class Paragraph:
    """One numbered block of an article's body."""

    n: int  # 1-based; headings are numbered too
    kind: str  # HEADING or PARA
    text: str

    @property
    def is_heading(self) -> bool:
        return self.kind == HEADING


@dataclass(slots=True)
class Article:
    """A stored article: its metadata and, unless read as a heading only, its paragraphs."""

    id: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: str | None = None  # ISO date: YYYY-MM-DD, YYYY-MM or YYYY
    authors: tuple[str, ...] = ()
    language: str | None = None
    place: str | None = None  # where the story was filed, from a wire dateline
    source_path: str | None = None
    ingested: str | None = None  # when it was stored (UTC, ISO)
    # None: a heading (the record read without its body, for lists); see ``Contents.article``.
    paragraphs: tuple[Paragraph, ...] | None = None

    def paragraph(self, n: int) -> Paragraph | None:
        """Paragraph number ``n``, or None."""
        return next((p for p in self.paragraphs or () if p.n == n), None)


@dataclass(slots=True)
class Mention:
    """An official's name written at ``start:end`` of a paragraph."""

    article_id: str | None
    paragraph: int
    start: int
    end: int
    text: str | None = None  # as the article writes it ("Zheenbek Kulubaev")
    reference: bool = False  # a title said by reference ("the minister"), not the name


@dataclass(slots=True)
class Role:
    """A title an official held, as one article states it."""

    title: str
    article_id: str | None = None
    paragraph: int | None = None
    date: str | None = None  # the article's date
    evidence: str | None = None  # the words that state it


@dataclass(slots=True)
class Official:
    """A person named in the articles, merged across them."""

    id: str
    name: str
    aliases: tuple[str, ...] = ()
    country: str | None = None
    titles: tuple[str, ...] = ()
    roles: tuple[Role, ...] = ()
    mentions: tuple[Mention, ...] = ()
    article_ids: tuple[str, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        """The name and its aliases."""
        return (self.name, *self.aliases)


@dataclass(slots=True)
class Evidence:
    """The sentence that states an event, where it stands."""

    article_id: str | None
    paragraph: int | None
    text: str | None


@dataclass(slots=True)
class Event:
    """A dated happening on the timeline, merged across the articles that state it."""

    id: str
    date: str  # ISO, cut to its precision
    precision: str  # "day", "month" or "year"
    summary: str | None = None
    place: str | None = None
    participants: tuple[str, ...] = ()
    article_ids: tuple[str, ...] = ()
    evidence: tuple[Evidence, ...] = ()
    end_date: str | None = None  # the last day of a span of days ("17–18 May")
    planned: bool = False  # announced for later, not reported as done


@dataclass(slots=True)
class Feed:
    """A news feed the store follows."""

    name: str
    url: str
    added: str | None = None  # when it was followed (UTC, ISO)
    fetched: str | None = None  # when it was last fetched; None: never
    seen: int = 0  # how many of its entries are known already


# -- what the user writes ---------------------------------------------------------------

ARTICLE, OFFICIAL, EVENT = "article", "official", "event"
KINDS = (ARTICLE, OFFICIAL, EVENT)


@dataclass(slots=True)
class Ref:
    """What a tag is on, said so that it is found again after re-extraction.

    An article by its id (ingest and repair keep it). Officials and events are remade by
    every merge, and their ids can shift (``-2`` suffixes, a country added when a namesake
    arrives): an official is found again by its name and country, an event by the
    sentences that state it (article and text) and its date; ``id`` is only a hint then.
    """

    kind: str  # ARTICLE, OFFICIAL or EVENT
    id: str  # the article's id; the official's or event's id when the tag was written
    name: str | None = None  # an official's name
    country: str | None = None  # an official's country
    date: str | None = None  # an event's date
    evidence: tuple[Evidence, ...] = ()  # an event's sentences


@dataclass(slots=True)
class Tag:
    """One tag on one article, official or event (a tag is also a collection of them)."""

    tag: str  # as first written ("chapter-3"); tags compare case-blind
    on: Ref
    added: str | None = None  # when (UTC, ISO)
    label: str | None = None  # what it was on, as shown then (title, name, summary)


@dataclass(slots=True)
class Note:
    """A note the user wrote on an article, or on one paragraph of it."""

    article_id: str
    text: str
    paragraph: int | None = None  # None: on the article as a whole
    # The paragraph's text when the note was written: if the article's text changes (a
    # re-read page), the note is still shown, by the paragraph that still reads so, or
    # flagged where it was.
    quoted: str | None = None
    created: str | None = None  # (UTC, ISO)
    updated: str | None = None
