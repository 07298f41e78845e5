"""The records cca-tui shows: articles with their paragraphs, officials with their roles and
mentions, dated events with their evidence, and the news feeds a store follows.

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
