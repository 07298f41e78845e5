"""Ranked article search over an inverted index of folded tokens.

A word matches any token it starts (``kulub`` finds Kulubayev), so typing in
the TUI narrows the list letter by letter; exact tokens score higher.

The index keeps, per token, the documents holding it and a weighted count
(title occurrences count ``TITLE_WEIGHT`` times), so words are scored from the
postings alone; phrases are found by intersecting their words' token places (sorted
arrays, vectorized with numpy), or — for a one-letter last word, or overlapping words —
counted in each candidate's token string (one C-level ``str.count``). Hit paragraphs
are worked out only for the results someone looks at (``Result.hits`` is computed on
first access). The same index can be saved beside the store and loaded without the
articles (``tui.library.index_file``).
"""

from __future__ import annotations

import math
from array import array
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Sequence

from tui.search.match import name_matches, outlet_matches
from tui.search.query import Query, parse_query
from tui.search.text import fold, token_string, tokens

TITLE_WEIGHT = 3
# Paragraph token strings are joined with this: a phrase (spaces only) never spans it.
PARAGRAPH_BREAK = "\n"
# Token positions, for phrases: (document number << 32) | place. The title's tokens are at
# places 0.., the body's from BODY_START on, with a gap after each paragraph so that a
# phrase never spans two paragraphs or the title and the body.
BODY_START = 1 << 24
REGION_SHIFT = 24  # value >> REGION_SHIFT: (document, region), region 0 the title
REGION_MASK = (1 << (32 - REGION_SHIFT)) - 1


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
                 source: tuple[SearchIndex, int, list[str]] | None = None):
        self.article_id = article_id
        self.title = title
        self.score = score
        self._hits = hits
        self._source = source  # (index, document number, terms) to find the hits with

    @property
    def hits(self) -> list[Hit]:
        if self._hits is None:
            self._hits = self._source[0]._hits(*self._source[1:]) if self._source is not None else []
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

    def __init__(self, index: SearchIndex, scored: list[tuple[float, int]], terms: list[str]):
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
        people = (article.get("facts") or {}).get("officials") or []
        return cls(
            article["id"],
            article.get("title") or "",
            article.get("published") or "",
            fold(article.get("outlet") or ""),
            frozenset(fold(p["country"]) for p in people if p.get("country")),
            [fold(n) for p in people for n in (p.get("name"), *p.get("aliases", ())) if n],
        )


Postings = tuple[array, array]  # (document numbers, weighted counts), in document order


class SearchIndex:
    """Built once over a list of articles (or loaded from disk); answers many queries."""

    def __init__(self, articles: list[dict] | None = None):
        if articles is None:
            return  # filled by from_parts or extended
        # Documents are numbered in the order ties rank (newest first, then by id), so a
        # sort by (score, number) is the final order.
        articles = sorted(articles, key=lambda a: a["id"])
        articles.sort(key=lambda a: a.get("published") or "", reverse=True)
        docs: list[DocInfo] = []
        titles: list[str] = []
        bodies: list[str] = []
        grouped: dict[str, tuple[array, array]] = {}
        places: dict[str, array] = {}
        initials: dict[str, _Counts] = {}
        for i, article in enumerate(articles):
            _add_document(i, article, len(articles), docs, titles, bodies, grouped, places, initials)
        self._setup(docs, titles, bodies, grouped, places, articles.__getitem__)
        self._initials = initials

    @classmethod
    def extended(cls, base: SearchIndex, articles: list[dict]) -> SearchIndex:
        """``base`` with ``articles`` added, without tokenizing ``base``'s documents again.

        The new documents are numbered after the old ones (so every old posting and place
        stays as it is), and the order ties rank in is kept apart (see ``_order``)."""
        n_old = len(base.docs)
        n = n_old + len(articles)
        grouped: dict[str, tuple[array, array]] = {}
        places: dict[str, array] = {}
        for tok in base.vocab:
            docs_of, weights = base.postings(tok)
            grouped[tok] = (array("I", docs_of), array("I", weights))
            places[tok] = array("Q", base.places(tok))
        initials: dict[str, _Counts] = {}
        pad = bytes(4 * (n - n_old))
        for letter in base.initial_letters():
            counts = _Counts("I", base.initial_counts(letter).tobytes())
            counts.frombytes(pad)
            initials[letter] = counts
        docs = list(base.docs)
        titles = list(base.titles)
        bodies = [base.bodies[i] for i in range(n_old)]
        for k, article in enumerate(articles):
            _add_document(n_old + k, article, n, docs, titles, bodies, grouped, places, initials)
        index = cls()
        old_article = base._article
        index._setup(docs, titles, bodies, grouped, places,
                     lambda i: old_article(i) if i < n_old else articles[i - n_old])
        index._initials = initials
        order = sorted(range(n), key=lambda i: docs[i].id)
        order.sort(key=lambda i: docs[i].published, reverse=True)
        index._set_order(order)
        return index

    def _set_order(self, order: Sequence[int] | None) -> None:
        """Where the documents rank on equal scores (newest first, then by id), when that is not
        their numbering (``None``: it is)."""
        if order is None or all(i == k for k, i in enumerate(order)):
            self._order = self._rank = None
            return
        self._order = array("I", order)
        rank = array("I", bytes(4 * len(order)))
        for k, i in enumerate(order):
            rank[i] = k
        self._rank = rank

    def warm(self) -> None:
        """Read every token's postings now (80 ms at 10,000 articles), and import numpy (70 ms:
        phrases and short prefixes use it), so that no keystroke's search pays for either: a
        short prefix such as ``ra`` expands to hundreds of tokens."""
        numpy()
        for tok in self.vocab:
            self.postings(tok)

    def initial_letters(self) -> list[str]:
        """The first characters of the tokens: the initials this index keeps counts for."""
        if self._read_initials is not None:
            return sorted(self._read_initials)
        return sorted(self._initials)

    @classmethod
    def from_parts(cls, docs: list[DocInfo], titles: Sequence[str], bodies: Sequence[str],
                   vocab: list[str], postings: Callable[[int], Postings], places: Callable[[int], array],
                   article: Callable[[int], dict | None],
                   initials: dict[str, Callable[[], array]] | None = None) -> SearchIndex:
        """An index whose postings and places are read on demand (``postings(i)`` for ``vocab[i]``);
        ``initials[c]()`` reads the per-document weighted counts of the tokens starting with ``c``."""
        index = cls()
        index.docs = docs
        index.titles = titles
        index.bodies = bodies
        index.vocab = vocab
        index._slot = {tok: i for i, tok in enumerate(vocab)}
        index._read_postings = postings
        index._loaded: dict[str, Postings] = {}
        index._read_places = places
        index._places: dict[str, array] = {}
        index._article = article
        index._prep = None
        index._initials = {}
        index._read_initials = initials
        index._order = index._rank = None
        return index

    def _setup(self, docs, titles, bodies, grouped, places, article) -> None:
        self.docs = docs
        self.titles = titles
        self.bodies = bodies
        self.vocab = sorted(grouped)
        self._slot = {}
        self._read_postings = None
        self._loaded = grouped
        self._read_places = None
        self._places = places
        self._article = article
        self._prep = None
        self._initials = {}
        self._read_initials = None
        self._order = self._rank = None

    def __len__(self) -> int:
        return len(self.docs)

    # -- filters and order, prepared once (the index never changes) -----------------

    def _prepared(self) -> _Prepared:
        if self._prep is None:
            self._prep = _Prepared(self.docs)
        return self._prep

    # -- postings ----------------------------------------------------------------

    def postings(self, token: str) -> Postings | None:
        """Documents holding ``token`` exactly, with its weighted counts."""
        found = self._loaded.get(token)
        if found is None and self._read_postings is not None:
            slot = self._slot.get(token)
            if slot is not None:
                found = self._loaded[token] = self._read_postings(slot)
        return found

    def places(self, token: str) -> array | None:
        """Where ``token`` occurs: sorted ``(document << 32) | place`` values."""
        found = self._places.get(token)
        if found is None and self._read_places is not None:
            slot = self._slot.get(token)
            if slot is not None:
                found = self._places[token] = self._read_places(slot)
        return found

    def _phrase_starts(self, words: list[str], last_is_prefix: bool):
        """Where the phrase ``words`` starts (its last word a prefix if ``last_is_prefix``), as a
        sorted numpy array of places; None when counting in the documents' text is cheaper."""
        last = words[-1]
        if last_is_prefix and len(last) < 2:
            return None
        np = numpy()
        lists = []
        for j, w in enumerate(words):
            if j == len(words) - 1 and last_is_prefix:
                found = [self.places(t) for t in self._prefixed(last)]
                if len(found) == 1:
                    at = _as_int64(found[0])
                else:
                    # Different tokens never share a place: the union is a sorted merge.
                    at = np.sort(np.concatenate([_as_int64(a) for a in found])) if found else _as_int64(None)
            else:
                at = _as_int64(self.places(w))
            if not len(at):
                return np.empty(0, dtype=np.int64)
            lists.append(at - j if j else at)
        # Vectorized, a place costs ~10 ns; a document's text ~2 µs to scan. Only a prefix
        # that starts a great many tokens tips the balance towards the text.
        if sum(len(at) for at in lists) > 200 * min(len(self.postings(w)[0]) for w in words[:-1] or words):
            return None
        lists.sort(key=len)
        starts = lists[0]
        for at in lists[1:]:
            if not len(starts):
                break
            k = np.searchsorted(at, starts)
            k[k == len(at)] = 0
            starts = starts[at[k] == starts]
        return starts

    def _phrase_counts(self, words: list[str]) -> dict[int, int] | None:
        """Per document: weighted occurrences of the phrase ``words`` (last word a prefix),
        as ``str.count`` on the token strings counts them; None: count in the text instead."""
        last = words[-1]
        if len(set(words[:-1])) < len(words) - 1 or any(w.startswith(last) for w in words[:-1]):
            return None  # the phrase could overlap itself, where str.count would not count twice
        starts = self._phrase_starts(words, last_is_prefix=True)
        if starts is None:
            return None
        if not len(starts):
            return {}
        np = numpy()
        # Per (document, region), region 0 the title (weighted); then summed per document.
        keys, n = np.unique(starts >> REGION_SHIFT, return_counts=True)
        weighted = np.where(keys & REGION_MASK, n, n * TITLE_WEIGHT)
        docs = keys >> (32 - REGION_SHIFT)
        firsts = np.flatnonzero(np.r_[True, docs[1:] != docs[:-1]])
        return dict(zip(docs[firsts].tolist(), np.add.reduceat(weighted, firsts).tolist()))

    def initial_counts(self, letter: str) -> array | None:
        """Per document (by number): weighted occurrences of the tokens starting with the one
        character ``letter`` — what a one-letter word counts; None if the index cannot say."""
        found = self._initials.get(letter)
        if found is None:
            if self._read_postings is None:
                return _NO_COUNTS  # built here: every initial that occurs has its counts
            if self._read_initials is None:
                return None
            read = self._read_initials.get(letter)
            if read is None:
                return _NO_COUNTS
            found = self._initials[letter] = read()
        return found

    def _prefixed(self, word: str) -> list[str]:
        """Tokens ``word`` starts (only ``word`` itself for one-letter words)."""
        if len(word) < 2:
            return [word] if self.postings(word) is not None else []
        out = []
        for tok in self.vocab[bisect_left(self.vocab, word):]:
            if not tok.startswith(word):
                break
            out.append(tok)
        return out

    def _with_prefix(self, word: str) -> set[int]:
        found: set[int] = set()
        for tok in self._prefixed(word):
            found.update(self.postings(tok)[0])
        return found

    def _exact(self, word: str) -> set[int]:
        entry = self.postings(word)
        return set(entry[0]) if entry is not None else set()

    def _prefix_counts(self, word: str) -> tuple[dict[int, int] | _Counts, set[int]]:
        """Per document: weighted occurrences of tokens ``word`` starts; and the documents
        holding any of them."""
        toks = self._prefixed(word)
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
        return _Counts("I", dense.astype(np.uint32).tobytes()), set(np.flatnonzero(dense).tolist())

    # -- matching ----------------------------------------------------------------

    def search(self, query: Query | str, limit: int | None = None) -> Results:
        """Articles matching ``query``, best first, each with its hit paragraphs."""
        if isinstance(query, str):
            query = parse_query(query)
        n_docs = max(len(self.docs), 1)
        prefix_sets: dict[str, set[int]] = {}

        def with_prefix(word: str) -> set[int]:
            if word not in prefix_sets:
                prefix_sets[word] = self._with_prefix(word)
            return prefix_sets[word]

        # Weighted occurrences of the tokens each word starts; None: count in the text
        # (a one-letter word finds documents by its exact token, but counts every token it
        # starts: the index keeps those counts per initial).
        word_counts: dict[str, dict[int, int] | _Counts | None] = {}
        for w in dict.fromkeys(query.words):
            if len(w) < 2:
                word_counts[w] = self.initial_counts(w)
            else:
                word_counts[w], prefix_sets[w] = self._prefix_counts(w)

        def doc_count(word: str) -> int:
            # How many documents hold a token ``word`` starts (only ``word`` itself if one letter).
            if word in prefix_sets:
                return len(prefix_sets[word])
            tokens = self._prefixed(word)
            if len(tokens) == 1:
                return len(self.postings(tokens[0])[0])
            return len(with_prefix(word))

        idf = {
            term: math.log(1 + n_docs / max(doc_count(term.split()[0]), 1))
            for term in query.positive_terms
        }
        sets = [with_prefix(w) for w in query.words]
        phrase_counts: dict[str, dict[int, int] | _Counts | None] = {}
        phrase_docs: dict[str, set[int]] = {}
        for phrase in query.phrases:
            words = phrase.split()
            if phrase not in phrase_counts:
                if len(words) > 1:
                    counts = self._phrase_counts(words)
                    if counts is not None:
                        phrase_docs[phrase] = set(counts)
                elif len(words[0]) > 1:
                    counts, phrase_docs[phrase] = self._prefix_counts(words[0])
                else:
                    counts = None
                phrase_counts[phrase] = counts
            if phrase_counts[phrase] is not None:
                # The documents holding the phrase (a subset of those holding its words).
                sets.append(phrase_docs[phrase])
            else:
                sets.extend(with_prefix(w) if i == len(words) - 1 else self._exact(w) for i, w in enumerate(words))
        if query.has_filters:
            sets.extend(self._prepared().filter_sets(query))
        if sets:
            sets.sort(key=len)
            candidates = sets[0].copy()
            for s in sets[1:]:
                candidates &= s
                if not candidates:
                    break
        else:
            candidates = set(range(len(self.docs)))
        for w in query.excluded_words:
            candidates -= self._exact(w)
        titles, bodies = self.titles, self.bodies
        for p in query.excluded_phrases:
            starts = self._phrase_starts(p.split(), last_is_prefix=False)
            if starts is None:
                # Only documents holding every word of the phrase can hold the phrase.
                suspects = candidates.intersection(*(self._exact(w) for w in p.split()))
                candidates -= {i for i in suspects if p in bodies[i] or p in titles[i]}
            else:
                candidates.difference_update((starts >> 32).tolist())

        exact = {w: self._exact(w) for w in dict.fromkeys(query.words)}
        word_terms = [(w, word_counts[w], exact[w], idf[f" {w}"]) for w in query.words]
        phrase_terms = [(p.rstrip(), phrase_counts[p], idf[p]) for p in query.phrases]
        log = math.log
        if not query.positive_terms:
            scored = [(-1.0, i) for i in candidates]
        elif len(word_terms) == 1 and not phrase_terms and word_terms[0][1] is not None:
            # The common case, in one pass: a single word scored from its postings.
            _, counts, exact_docs, weight = word_terms[0]
            scored = [(-(1 + log(counts[i]) + (0.5 if i in exact_docs else 0.0)) * weight, i)
                      for i in candidates]
        elif not word_terms and len(phrase_terms) == 1 and phrase_terms[0][1] is not None:
            # A lone phrase, scored from its counts in one pass.
            _, counts, weight = phrase_terms[0]
            scored = [(-(2 + log(counts[i])) * weight, i) for i in candidates]
        else:
            scored = []
            for i in candidates:
                score = 0.0
                for word, counts, exact_docs, weight in word_terms:
                    if counts is None:
                        term = f" {word}"
                        count = TITLE_WEIGHT * titles[i].count(term) + bodies[i].count(term)
                    else:
                        count = counts.get(i, 0)
                    if not count:
                        break
                    score += (1 + log(count) + (0.5 if i in exact_docs else 0.0)) * weight
                else:
                    for partial, counts, weight in phrase_terms:
                        if counts is None:
                            count = TITLE_WEIGHT * titles[i].count(partial) + bodies[i].count(partial)
                        else:
                            count = counts.get(i, 0)
                        if not count:
                            break
                        score += (2 + log(count)) * weight
                    else:
                        scored.append((-score, i))
        # Best (most negative) first; ties by document number: newest first, then by id
        # (or by rank, in an index extended with documents numbered after the old ones).
        rank = self._rank
        if rank is not None:
            scored = [(s, rank[i]) for s, i in scored]
        scored.sort()
        if limit:
            scored = scored[:limit]
        if rank is not None:
            order = self._order
            scored = [(s, order[r]) for s, r in scored]
        terms = [f" {w}" for w in query.words] + [p.rstrip() for p in query.phrases]
        return Results(self, scored, terms)

    def _hits(self, i: int, terms: list[str]) -> list[Hit]:
        """The paragraphs of document ``i`` holding any of ``terms``."""
        if not terms:
            return []
        article = self._article(i)
        if article is None:
            return []
        paragraphs = article.get("paragraphs", [])
        para_tokens = self.bodies[i].split(PARAGRAPH_BREAK) if paragraphs else []
        return [
            Hit(p["n"], p["text"])
            for p, toks in zip(paragraphs, para_tokens)
            if any(t in toks for t in terms)
        ]


def _add_document(i: int, article: dict, n_docs: int, docs: list[DocInfo], titles: list[str], bodies: list[str],
                  grouped: dict[str, tuple[array, array]], places: dict[str, array],
                  initials: dict[str, _Counts]) -> None:
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
            counts = initials[initial] = _Counts("I", bytes(4 * n_docs))
        counts[i] = weight


class _Counts(array):
    """Per-document counts by document number, read like the ``dict`` counts (``get``)."""

    def get(self, i: int, default: int = 0) -> int:
        return self[i]


class _NoCounts:
    """Counts of an initial no token has."""

    def __getitem__(self, i: int) -> int:
        return 0

    def get(self, i: int, default: int = 0) -> int:
        return 0


_NO_COUNTS = _NoCounts()


class _Prepared:
    """Filters as sets of document numbers, for a whole index.

    Filter values repeat (a few outlets, countries and officials; dates sort), so each
    filter is checked once per distinct value rather than once per document.
    """

    def __init__(self, docs: list[DocInfo]):
        self.by_outlet = _group((d.outlet,) for d in docs)
        self.by_country = _group(d.countries for d in docs)
        self.by_name = _group(d.names for d in docs)
        dated = sorted((d.published, i) for i, d in enumerate(docs) if d.published)
        self.dates = [p for p, _ in dated]
        self.dated = [i for _, i in dated]

    def filter_sets(self, query: Query) -> list[set[int]]:
        """One set per filter of ``query``: the documents that pass it."""
        sets = []
        # Every value narrows (``tui.search.match``): one set per outlet, country and official.
        for o in query.outlets:
            sets.append(_union(docs for outlet, docs in self.by_outlet.items() if outlet_matches(o, outlet)))
        for c in query.countries:
            sets.append(self.by_country.get(fold(c), set()))  # canonical at parse time
        for want in query.officials:
            if not tokens(want):
                continue  # matches every document, named officials or not
            sets.append(_union(docs for name, docs in self.by_name.items() if name_matches(want, [name])))
        if query.since or query.until:
            lo = bisect_left(self.dates, query.since.start.isoformat()) if query.since else 0
            hi = bisect_right(self.dates, query.until.end.isoformat()) if query.until else len(self.dates)
            sets.append(set(self.dated[lo:hi]))
        return sets


def _group(keys_per_doc) -> dict[str, set[int]]:
    groups: dict[str, set[int]] = {}
    for i, keys in enumerate(keys_per_doc):
        for key in keys:
            groups.setdefault(key, set()).add(i)
    return groups


def numpy():
    """numpy, imported when first needed: only phrases and short prefixes use it, and it
    takes ~70 ms to import."""
    import numpy as np

    return np


def _as_int64(places: array | None):
    """Token places as a numpy array, without copying (every place is below 2**63)."""
    np = numpy()
    return np.frombuffer(places, dtype=np.int64) if places is not None and len(places) else np.empty(0, dtype=np.int64)


def _union(sets) -> set[int]:
    out: set[int] = set()
    for s in sets:
        out |= s
    return out


__all__ = ["Hit", "Result", "Results", "SearchIndex", "tokens"]
