"""What a search returns: ranked articles, each with the paragraphs that match.

Results are made when read, and a result's hit paragraphs when first asked for: a query
that matches 9,000 articles costs nothing for the 8,980 nobody looks at.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from tui.search.documents import DocInfo


class HitSource(Protocol):
    """The index a result came from: its documents, and their hit paragraphs."""

    docs: Sequence[DocInfo]

    def hits(self, i: int, terms: list[str]) -> list[Hit]:
        """The paragraphs of document ``i`` holding any of ``terms``."""
        ...


class Hit:
    """A paragraph of an article that matches the query."""

    __slots__ = ("paragraph", "text")

    def __init__(self, paragraph: int, text: str):
        self.paragraph = paragraph
        self.text = text

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Hit) and (self.paragraph, self.text) == (other.paragraph, other.text)

    def __repr__(self) -> str:
        return f"Hit(paragraph={self.paragraph!r}, text={self.text!r})"


class Result:
    """One matching article; ``hits`` (its matching paragraphs) are computed when first read."""

    __slots__ = ("article_id", "title", "score", "_hits", "_source")

    def __init__(self, article_id: str, title: str, score: float, hits: list[Hit] | None = None,
                 source: tuple[HitSource, int, list[str]] | None = None):
        self.article_id = article_id
        self.title = title
        self.score = score
        self._hits = hits
        self._source = source  # (index, document number, terms) to find the hits with

    @property
    def hits(self) -> list[Hit]:
        """The article's paragraphs holding any of the query's words or phrases."""
        if self._hits is None:
            self._hits = self._source[0].hits(*self._source[1:]) if self._source is not None else []
            self._source = None
        return self._hits

    def as_json(self) -> dict:
        return {
            "article_id": self.article_id,
            "title": self.title,
            "score": round(self.score, 4),
            "hits": [{"paragraph": h.paragraph, "text": h.text} for h in self.hits],
        }

    def __repr__(self) -> str:
        return f"Result({self.article_id!r}, score={self.score:.4f})"


class Results(Sequence[Result]):
    """Search results, best first: a read-only list whose ``Result`` objects are made when
    read, so a query matching 9,000 articles costs nothing for the 8,980 nobody looks at."""

    __slots__ = ("_index", "_scored", "_terms", "_made")

    def __init__(self, index: HitSource, scored: list[tuple[float, int]], terms: list[str]):
        self._index = index
        self._scored = scored  # (-score, document number)
        self._terms = terms
        self._made: dict[int, Result] = {}

    def __len__(self) -> int:
        return len(self._scored)

    def _make(self, k: int) -> Result:
        made = self._made.get(k)
        if made is None:
            neg, i = self._scored[k]
            doc = self._index.docs[i]
            made = self._made[k] = Result(doc.id, doc.title, -neg, source=(self._index, i, self._terms))
        return made

    def __getitem__(self, k):
        if isinstance(k, slice):
            return [self._make(j) for j in range(*k.indices(len(self._scored)))]
        if k < 0:
            k += len(self._scored)
        if not 0 <= k < len(self._scored):
            raise IndexError("result index out of range")
        return self._make(k)

    def __iter__(self):
        return (self._make(k) for k in range(len(self._scored)))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, (list, tuple, Results)):
            return len(self) == len(other) and all(a is b or a == b for a, b in zip(self, other))
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"Results({len(self)} articles)"

    def article_ids(self) -> list[str]:
        """The articles' ids in order, without making ``Result`` objects."""
        docs = self._index.docs
        return [docs[i].id for _, i in self._scored]
