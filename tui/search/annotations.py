"""The user's tags and notes as one store version's records carry them: what ``tag:``,
``-tag:`` and ``note:`` ask, and what the faces show beside a row.

Built by the library (``tui.library.userdata``), which finds each tag's official or event
again in the tables of the version (their ids can shift when articles are added); here
every tag is already on a current id. Tags compare case-blind (``tui.tag_names.tag_key``)
and show in the spelling first written.

What each condition asks:

=============  ==========================  ==============================  ============================
condition      an article                  an official                     an event
=============  ==========================  ==============================  ============================
tag:T          tagged T                    tagged T                        tagged T
-tag:T         not tagged T                not tagged T                    not tagged T
note:W         a note on it (or on one     named in an article with such   stated in an article with
               of its paragraphs) holds W  a note                          such a note
=============  ==========================  ==============================  ============================

Officials and events have no notes of their own (notes are written in an article's
margin), so ``note:`` reaches them through their articles, as ``outlet:`` does. ``W`` is
read as words of the text are: case- and accent-blind, and a word matches the longer
words it starts; ``note:"two words"`` is a phrase.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from tui.records import ARTICLE, EVENT, KINDS, OFFICIAL, Note, Tag
from tui.search.query import Query
from tui.search.text import token_string
from tui.tag_names import tag_key


@dataclass
class TagCount:
    """One tag: how many articles, officials and events carry it, and how many of its records
    are on an official or event no longer found (kept, never dropped)."""

    tag: str
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(KINDS, 0))
    unplaced: int = 0

    @property
    def total(self) -> int:
        return sum(self.counts.values()) + self.unplaced


class Annotations:
    """Tags by kind and record id, notes by article id, and the tags whose record is gone."""

    def __init__(self, placed: Iterable[tuple[Tag, str | None]] = (), notes: Iterable[Note] = ()):
        """``placed``: each stored tag with the current id of what it is on (None: not found)."""
        self.spelling: dict[str, str] = {}  # tag key → the spelling first written
        self._by_kind: dict[str, dict[str, dict[str, str]]] = {k: {} for k in KINDS}  # kind → id → key → spelling
        self.unplaced: list[Tag] = []
        self.tags: list[Tag] = []
        for tag, current in placed:
            self.tags.append(tag)
            key = tag_key(tag.tag)
            spelling = self.spelling.setdefault(key, tag.tag)
            if current is None:
                self.unplaced.append(tag)
            else:
                self._by_kind.setdefault(tag.on.kind, {}).setdefault(current, {})[key] = spelling
        self.notes: dict[str, list[Note]] = {}
        for note in notes:
            self.notes.setdefault(note.article_id, []).append(note)
        self._note_tokens: dict[str, list[str]] | None = None
        self._noted: dict[tuple[str, ...], set[str]] = {}  # by note: terms (typing makes few)

    def __bool__(self) -> bool:
        return bool(self.tags or self.notes)

    # -- what a face shows -----------------------------------------------------------------

    def tags_of(self, kind: str, record_id: str) -> list[str]:
        """The tags on one article, official or event, sorted (case-blind)."""
        found = self._by_kind.get(kind, {}).get(record_id)
        return sorted(found.values(), key=str.casefold) if found else []

    def notes_of(self, article_id: str) -> list[Note]:
        """The notes on an article and its paragraphs, as stored."""
        return self.notes.get(article_id, [])

    def tagged(self, kind: str) -> Mapping[str, dict[str, str]]:
        """Record id → its tags (key → spelling), for one kind."""
        return self._by_kind.get(kind, {})

    def counts(self) -> list[TagCount]:
        """Every tag with its counts by kind, sorted by name (case-blind)."""
        out: dict[str, TagCount] = {}
        for kind, records in self._by_kind.items():
            for tags in records.values():
                for key in tags:
                    out.setdefault(key, TagCount(self.spelling[key])).counts[kind] += 1
        for tag in self.unplaced:
            key = tag_key(tag.tag)
            out.setdefault(key, TagCount(self.spelling[key])).unplaced += 1
        return sorted(out.values(), key=lambda c: c.tag.casefold())

    def known_tags(self) -> list[str]:
        """Every tag name, sorted (case-blind): what completion offers."""
        return sorted(self.spelling.values(), key=str.casefold)

    # -- what a query asks (the table in the module's docstring) ------------------------------

    def _has_tags(self, kind: str, record_id: str, query: Query) -> bool:
        tags = self._by_kind.get(kind, {}).get(record_id) or {}
        return all(t in tags for t in query.tags) and not any(t in tags for t in query.excluded_tags)

    def _articles_with_notes(self, query: Query) -> set[str] | None:
        """Articles with a note holding every ``note:`` term; None when the query has none."""
        if not query.notes:
            return None
        terms = tuple(query.notes)
        found = self._noted.get(terms)
        if found is None:
            if self._note_tokens is None:
                self._note_tokens = {aid: [token_string(n.text) for n in notes] for aid, notes in self.notes.items()}
            found = {aid for aid, texts in self._note_tokens.items()
                     if all(any(term in t for t in texts) for term in terms)}
            if len(self._noted) > 32:
                self._noted.clear()
            self._noted[terms] = found
        return found

    def articles_passing(self, query: Query, article_ids: Iterable[str]) -> frozenset[str] | None:
        """Of ``article_ids``, those meeting the query's tag and note conditions; None when it
        has none (every article passes)."""
        if not query.has_user_conditions:
            return None
        noted = self._articles_with_notes(query)
        if query.tags:  # few articles are tagged: start from them
            pool: Iterable[str] = self._by_kind[ARTICLE]
        elif noted is not None:
            pool = noted
        else:
            pool = article_ids
        return frozenset(a for a in pool if self._has_tags(ARTICLE, a, query) and (noted is None or a in noted))

    def official_passes(self, official_id: str, article_ids: Iterable[str], query: Query) -> bool:
        """Whether an official (named in ``article_ids``) meets the tag and note conditions."""
        return self._passes(OFFICIAL, official_id, article_ids, query)

    def event_passes(self, event_id: str, article_ids: Iterable[str], query: Query) -> bool:
        """Whether an event (stated in ``article_ids``) meets the tag and note conditions."""
        return self._passes(EVENT, event_id, article_ids, query)

    def _passes(self, kind: str, record_id: str, article_ids: Iterable[str], query: Query) -> bool:
        if not self._has_tags(kind, record_id, query):
            return False
        if query.notes:
            noted = self._articles_with_notes(query) or set()
            return not noted.isdisjoint(article_ids)
        return True


NONE = Annotations()
