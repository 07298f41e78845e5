"""The inverted index: for each folded token, the documents holding it and where.

Built once over a list of articles, extended by more without tokenizing the old ones
again, or made of parts read on demand (``from_parts``: what ``tui.library.index_file``
loads from the file saved beside the store). Everything a query or the index file needs
is public here: the documents, their token strings, each token's postings and places,
and per initial character the counts a one-letter word scores.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections.abc import Callable, Sequence

from tui.search.documents import NO_COUNTS, Counts, DocInfo, Postings, add_document
from tui.search.vectors import numpy

ArticleSource = Callable[[int], "dict | None"]  # document number → its full record, for hit paragraphs


class InvertedIndex:
    """Tokens → documents, weighted counts and places, over one list of articles."""

    def __init__(self, articles: list[dict] | None = None):
        """The index over ``articles`` (none: an empty one)."""
        # Documents are numbered in the order ties rank (newest first, then by id), so a
        # sort by (score, number) is the final order.
        articles = sorted(articles or [], key=lambda a: a["id"])
        articles.sort(key=lambda a: a.get("published") or "", reverse=True)
        docs: list[DocInfo] = []
        titles: list[str] = []
        bodies: list[str] = []
        grouped: dict[str, Postings] = {}
        places: dict[str, array] = {}
        initials: dict[str, Counts] = {}
        for i, article in enumerate(articles):
            add_document(i, article, len(articles), docs, titles, bodies, grouped, places, initials)
        self._fill(docs, titles, bodies, articles.__getitem__, vocab=sorted(grouped), loaded=grouped,
                   places=places, initials=initials)

    def _fill(self, docs: list[DocInfo], titles: Sequence[str], bodies: Sequence[str], article: ArticleSource, *,
              vocab: list[str], loaded: dict[str, Postings], places: dict[str, array], initials: dict[str, Counts],
              read_postings: Callable[[int], Postings] | None = None, read_places: Callable[[int], array] | None = None,
              read_initials: dict[str, Callable[[], array]] | None = None,
              order: Sequence[int] | None = None) -> None:
        self.docs = docs
        self.titles = titles
        self.bodies = bodies
        self.vocab = vocab
        self._article = article
        self._loaded = loaded  # postings read so far (all of them, when built here)
        self._places = places
        self._initials = initials
        self._slot = {tok: i for i, tok in enumerate(vocab)} if read_postings is not None else {}
        self._read_postings = read_postings
        self._read_places = read_places
        self._read_initials = read_initials
        self._set_order(order)

    @classmethod
    def extended(cls, base: InvertedIndex, articles: list[dict]):
        """``base`` with ``articles`` added, without tokenizing ``base``'s documents again.

        The new documents are numbered after the old ones (so every old posting and place
        stays as it is), and the order ties rank in is kept apart (see ``order``)."""
        n_old = len(base.docs)
        n = n_old + len(articles)
        grouped: dict[str, Postings] = {}
        places: dict[str, array] = {}
        for tok in base.vocab:
            docs_of, weights = base.postings(tok)
            grouped[tok] = (array("I", docs_of), array("I", weights))
            places[tok] = array("Q", base.places(tok))
        initials: dict[str, Counts] = {}
        pad = bytes(4 * (n - n_old))
        for letter in base.initial_letters():
            counts = Counts("I", base.initial_counts(letter).tobytes())
            counts.frombytes(pad)
            initials[letter] = counts
        docs = list(base.docs)
        titles = list(base.titles)
        bodies = [base.bodies[i] for i in range(n_old)]
        for k, article in enumerate(articles):
            add_document(n_old + k, article, n, docs, titles, bodies, grouped, places, initials)
        old_article = base.article
        order = sorted(range(n), key=lambda i: docs[i].id)
        order.sort(key=lambda i: docs[i].published, reverse=True)
        index = cls()
        index._fill(docs, titles, bodies, lambda i: old_article(i) if i < n_old else articles[i - n_old],
                    vocab=sorted(grouped), loaded=grouped, places=places, initials=initials, order=order)
        return index

    @classmethod
    def from_parts(cls, docs: list[DocInfo], titles: Sequence[str], bodies: Sequence[str],
                   vocab: list[str], postings: Callable[[int], Postings], places: Callable[[int], array],
                   article: ArticleSource, initials: dict[str, Callable[[], array]] | None = None,
                   order: Sequence[int] | None = None):
        """An index whose postings and places are read on demand (``postings(i)`` for ``vocab[i]``);
        ``initials[c]()`` reads the per-document weighted counts of the tokens starting with ``c``;
        ``order``: where the documents rank on equal scores, when that is not their numbering."""
        index = cls()
        index._fill(docs, titles, bodies, article, vocab=vocab, loaded={}, places={}, initials={},
                    read_postings=postings, read_places=places, read_initials=initials, order=order)
        return index

    def _set_order(self, order: Sequence[int] | None) -> None:
        if order is None or all(i == k for k, i in enumerate(order)):
            self._order = self._rank = None
            return
        self._order = array("I", order)
        rank = array("I", bytes(4 * len(order)))
        for k, i in enumerate(order):
            rank[i] = k
        self._rank = rank

    @property
    def order(self) -> array | None:
        """The document numbers in the order they rank on equal scores (newest first, then by
        id), when that is not their numbering (an extended index); None when it is."""
        return self._order

    @property
    def reads_on_demand(self) -> bool:
        """True for an index of parts read when first needed (``from_parts``)."""
        return self._read_postings is not None

    def read_articles_with(self, article: ArticleSource) -> None:
        """Where hit paragraphs read each document's full record from: ``article(i)``."""
        self._article = article

    def article(self, i: int) -> dict | None:
        """The full record of document ``i`` (for its paragraphs); None when it cannot be read."""
        return self._article(i)

    def __len__(self) -> int:
        return len(self.docs)

    def warm(self) -> None:
        """Read every token's postings now (80 ms at 10,000 articles), and import numpy (70 ms:
        phrases and short prefixes use it), so that no keystroke's search pays for either: a
        short prefix such as ``ra`` expands to hundreds of tokens."""
        numpy()
        for tok in self.vocab:
            self.postings(tok)

    # -- tokens ------------------------------------------------------------------

    def postings(self, token: str) -> Postings | None:
        """Documents holding ``token`` exactly, with its weighted counts."""
        return self._token_part(self._loaded, self._read_postings, token)

    def places(self, token: str) -> array | None:
        """Where ``token`` occurs: sorted ``(document << 32) | place`` values."""
        return self._token_part(self._places, self._read_places, token)

    def _token_part(self, held: dict, read, token: str):
        # What this index holds of ``token``, read from its parts when first asked for.
        found = held.get(token)
        if found is None and read is not None:
            slot = self._slot.get(token)
            if slot is not None:
                found = held[token] = read(slot)
        return found

    def initial_letters(self) -> list[str]:
        """The first characters of the tokens: the initials this index keeps counts for."""
        if self._read_initials is not None:
            return sorted(self._read_initials)
        return sorted(self._initials)

    def initial_counts(self, letter: str) -> Counts | None:
        """Per document (by number): weighted occurrences of the tokens starting with the one
        character ``letter`` — what a one-letter word counts; None if the index cannot say."""
        found = self._initials.get(letter)
        if found is None:
            if self._read_postings is None:
                return NO_COUNTS  # built here: every initial that occurs has its counts
            if self._read_initials is None:
                return None
            read = self._read_initials.get(letter)
            if read is None:
                return NO_COUNTS
            found = self._initials[letter] = read()
        return found

    def prefixed(self, word: str) -> list[str]:
        """Tokens ``word`` starts (only ``word`` itself for one-letter words)."""
        if len(word) < 2:
            return [word] if self.postings(word) is not None else []
        out = []
        for tok in self.vocab[bisect_left(self.vocab, word):]:
            if not tok.startswith(word):
                break
            out.append(tok)
        return out

    def docs_with_prefix(self, word: str) -> set[int]:
        """The documents holding a token ``word`` starts."""
        found: set[int] = set()
        for tok in self.prefixed(word):
            found.update(self.postings(tok)[0])
        return found

    def docs_with(self, word: str) -> set[int]:
        """The documents holding the token ``word`` itself."""
        entry = self.postings(word)
        return set(entry[0]) if entry is not None else set()

    def prefix_counts(self, word: str) -> tuple[dict[int, int] | Counts, set[int]]:
        """Per document: weighted occurrences of tokens ``word`` starts; and the documents
        holding any of them."""
        toks = self.prefixed(word)
        if len(toks) < 2:
            docs, weights = self.postings(toks[0]) if toks else ((), ())
            return dict(zip(docs, weights)), set(docs)
        # A short prefix starts hundreds of tokens (``ra``: 9,000 documents at 10,000
        # articles): summed per document in C, 10 ms -> 1 ms.
        np = numpy()
        postings = [self.postings(t) for t in toks]
        docs = np.concatenate([np.frombuffer(d, dtype=np.uint32) for d, _ in postings])
        weights = np.concatenate([np.frombuffer(w, dtype=np.uint32) for _, w in postings])
        dense = np.bincount(docs, weights=weights, minlength=len(self.docs))
        return Counts("I", dense.astype(np.uint32).tobytes()), set(np.flatnonzero(dense).tolist())
