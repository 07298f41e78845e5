"""What the index knows of each article, and how an article becomes index parts.

A document is an article as the index holds it: its ``DocInfo`` (what filters and ties
need, no body), its title and body as token strings, and for each token it holds, its
weighted count (title occurrences count ``TITLE_WEIGHT`` times) and its places.
"""

from __future__ import annotations

from array import array
from collections import Counter

from tui.search.text import fold, token_string

TITLE_WEIGHT = 3
# Paragraph token strings are joined with this: a phrase (spaces only) never spans it.
PARAGRAPH_BREAK = "\n"
# Token positions, for phrases: (document number << 32) | place. The title's tokens are at
# places 0.., the body's from BODY_START on, with a gap after each paragraph so that a
# phrase never spans two paragraphs or the title and the body.
BODY_START = 1 << 24
REGION_SHIFT = 24  # value >> REGION_SHIFT: (document, region), region 0 the title
REGION_MASK = (1 << (32 - REGION_SHIFT)) - 1

Postings = tuple[array, array]  # (document numbers, weighted counts), in document order


class DocInfo:
    """What filtering and ranking need of one article (no body text)."""

    __slots__ = ("id", "title", "published", "outlet", "countries", "names")

    def __init__(self, id: str, title: str, published: str, outlet: str, countries: frozenset[str],
                 names: list[str]):
        self.id = id
        self.title = title
        self.published = published
        self.outlet = outlet
        self.countries = countries
        self.names = names

    @classmethod
    def of(cls, article: dict) -> DocInfo:
        """What the index keeps of ``article``: outlet, countries and names folded."""
        people = (article.get("facts") or {}).get("officials") or []
        return cls(
            article["id"],
            article.get("title") or "",
            article.get("published") or "",
            fold(article.get("outlet") or ""),
            frozenset(fold(p["country"]) for p in people if p.get("country")),
            [fold(n) for p in people for n in (p.get("name"), *p.get("aliases", ())) if n],
        )


class Counts(array):
    """Per-document counts by document number (uint32), read like the ``dict`` counts (``get``)."""

    def get(self, i: int, default: int = 0) -> int:
        return self[i]


class NoCounts:
    """The counts of an initial no token has: 0 for every document."""

    def __getitem__(self, i: int) -> int:
        return 0

    def get(self, i: int, default: int = 0) -> int:
        return 0


NO_COUNTS = NoCounts()


def add_document(i: int, article: dict, n_docs: int, docs: list[DocInfo], titles: list[str], bodies: list[str],
                 grouped: dict[str, Postings], places: dict[str, array], initials: dict[str, Counts]) -> None:
    """Tokenize ``article`` as document number ``i`` (of ``n_docs``) into the index parts."""
    docs.append(DocInfo.of(article))
    title = token_string(article.get("title") or "")
    paras = [token_string(p["text"]) for p in article.get("paragraphs", [])]
    titles.append(title)
    bodies.append(PARAGRAPH_BREAK.join(paras))
    base = i << 32
    where: dict[str, list[int]] = {}
    title_tokens = title.split()
    for place, tok in enumerate(title_tokens):
        where.setdefault(tok, []).append(base + place)
    place = base + BODY_START
    for para in paras:
        for tok in para.split():
            where.setdefault(tok, []).append(place)
            place += 1
        place += 1
    in_title = Counter(title_tokens)
    by_initial: dict[str, int] = {}
    for tok, at in where.items():
        entry = grouped.get(tok)
        if entry is None:
            entry = grouped[tok] = (array("I"), array("I"))
            places[tok] = array("Q")
        weight = len(at) + (TITLE_WEIGHT - 1) * in_title.get(tok, 0)
        entry[0].append(i)
        entry[1].append(weight)
        places[tok].extend(at)
        by_initial[tok[0]] = by_initial.get(tok[0], 0) + weight
    for initial, weight in by_initial.items():
        counts = initials.get(initial)
        if counts is None:
            counts = initials[initial] = Counts("I", bytes(4 * n_docs))
        counts[i] = weight
