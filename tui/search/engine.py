"""Ranked article search over an inverted index of folded tokens.

A word matches any token it starts (``kulub`` finds Kulubayev), so typing in
the TUI narrows the list letter by letter; exact tokens score higher.

A query is answered in three steps: the candidates (the documents holding every word
and phrase and passing every filter, less the excluded ones), their scores
(``scoring``), and the order (best first; ties newest first). Words are counted from
the postings alone; phrases from their words' token places (``phrases``), or — for a
one-letter last word, or overlapping words — in each candidate's token string (one
C-level ``str.count``). Hit paragraphs are worked out only for the results someone
looks at (``Result.hits``). The same index can be saved beside the store and loaded
without the articles (``tui.library.index_file``).
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from functools import cached_property

from tui.search.documents import PARAGRAPH_BREAK
from tui.search.filters import FilterSets
from tui.search.inverted import InvertedIndex
from tui.search.phrases import phrase_counts, phrase_starts
from tui.search.query import Query, parse_query
from tui.search.results import Hit, Result, Results
from tui.search.scoring import PhraseTerm, TermCounts, WordTerm, scored
from tui.search.text import tokens


class SearchIndex(InvertedIndex):
    """Built once over a list of articles (or loaded from disk); answers many queries."""

    @cached_property
    def _filters(self) -> FilterSets:
        return FilterSets(self.docs)  # prepared once: the index never changes

    @cached_property
    def _number_of(self) -> dict[str, int]:
        return {d.id: i for i, d in enumerate(self.docs)}

    def search(self, query: Query | str, limit: int | None = None,
               within: Iterable[str] | None = None) -> Results:
        """Articles matching ``query``, best first, each with its hit paragraphs.

        ``within``: the ids of the articles meeting the query's tag and note conditions
        (``tui.search.annotations``: the user's data is not in the index), which a query
        with such conditions needs."""
        if isinstance(query, str):
            query = parse_query(query)
        if query.has_user_conditions and within is None:
            raise ValueError("tag: and note: need the articles meeting them (within=)")
        prefix_sets: dict[str, set[int]] = {}

        def with_prefix(word: str) -> set[int]:
            if word not in prefix_sets:
                prefix_sets[word] = self.docs_with_prefix(word)
            return prefix_sets[word]

        # Weighted occurrences of the tokens each word starts; None: count in the text
        # (a one-letter word finds documents by its exact token, but counts every token it
        # starts: the index keeps those counts per initial).
        word_counts: dict[str, TermCounts] = {}
        for w in dict.fromkeys(query.words):
            if len(w) < 2:
                word_counts[w] = self.initial_counts(w)
            else:
                word_counts[w], prefix_sets[w] = self.prefix_counts(w)
        idf = self._idf(query, prefix_sets, with_prefix)
        sets = [with_prefix(w) for w in query.words]
        counted: dict[str, TermCounts] = {}
        holding: dict[str, set[int]] = {}
        for phrase in query.phrases:
            words = phrase.split()
            if phrase not in counted:
                counted[phrase], holding[phrase] = self._phrase(words)
            if counted[phrase] is not None:
                sets.append(holding[phrase])  # the documents holding the phrase
            else:
                sets.extend(with_prefix(w) if i == len(words) - 1 else self.docs_with(w) for i, w in enumerate(words))
        if query.has_filters:
            sets.extend(self._filters.sets(query))
        if within is not None:
            number_of = self._number_of
            sets.append({number_of[i] for i in within if i in number_of})
        candidates = self._excluding(query, _intersection(sets, len(self.docs)))
        words_scored: list[WordTerm] = [(w, word_counts[w], self.docs_with(w), idf[f" {w}"]) for w in query.words]
        phrases_scored: list[PhraseTerm] = [(p.rstrip(), counted[p], idf[p]) for p in query.phrases]
        found = scored(candidates, words_scored, phrases_scored, self.titles, self.bodies)
        terms = [f" {w}" for w in query.words] + [p.rstrip() for p in query.phrases]
        return Results(self, self._ranked(found, limit), terms)

    def _idf(self, query: Query, prefix_sets: dict[str, set[int]], with_prefix) -> dict[str, float]:
        """Each positive term's weight: rarer first words weigh more."""
        n_docs = max(len(self.docs), 1)

        def doc_count(word: str) -> int:
            # How many documents hold a token ``word`` starts (only ``word`` itself if one letter).
            if word in prefix_sets:
                return len(prefix_sets[word])
            toks = self.prefixed(word)
            if len(toks) == 1:
                return len(self.postings(toks[0])[0])
            return len(with_prefix(word))

        return {term: math.log(1 + n_docs / max(doc_count(term.split()[0]), 1)) for term in query.positive_terms}

    def _phrase(self, words: list[str]) -> tuple[TermCounts, set[int]]:
        """A phrase's counts per document and the documents holding it; (None, …) when it is
        to be counted in the text."""
        if len(words) > 1:
            counts = phrase_counts(self, words)
            return counts, set(counts) if counts is not None else set()
        if len(words[0]) > 1:
            return self.prefix_counts(words[0])
        return None, set()

    def _excluding(self, query: Query, candidates: set[int]) -> set[int]:
        """``candidates`` without the documents holding an excluded word or phrase."""
        for w in query.excluded_words:
            candidates -= self.docs_with(w)
        titles, bodies = self.titles, self.bodies
        for p in query.excluded_phrases:
            starts = phrase_starts(self, p.split(), last_is_prefix=False)
            if starts is None:
                # Only documents holding every word of the phrase can hold the phrase.
                suspects = candidates.intersection(*(self.docs_with(w) for w in p.split()))
                candidates -= {i for i in suspects if p in bodies[i] or p in titles[i]}
            else:
                candidates.difference_update((starts >> 32).tolist())
        return candidates

    def _ranked(self, found: list[tuple[float, int]], limit: int | None) -> list[tuple[float, int]]:
        """Best (most negative) first; ties by document number: newest first, then by id
        (or by rank, in an index extended with documents numbered after the old ones)."""
        rank = self._rank
        if rank is not None:
            found = [(s, rank[i]) for s, i in found]
        found.sort()
        if limit:
            found = found[:limit]
        if rank is not None:
            order = self._order
            found = [(s, order[r]) for s, r in found]
        return found

    def hits(self, i: int, terms: list[str]) -> list[Hit]:
        """The paragraphs of document ``i`` holding any of ``terms``."""
        if not terms:
            return []
        article = self.article(i)
        if article is None:
            return []
        paragraphs = article.get("paragraphs", [])
        para_tokens = self.bodies[i].split(PARAGRAPH_BREAK) if paragraphs else []
        return [
            Hit(p["n"], p["text"])
            for p, toks in zip(paragraphs, para_tokens)
            if any(t in toks for t in terms)
        ]


def _intersection(sets: list[set[int]], n_docs: int) -> set[int]:
    """The documents in every one of ``sets`` (smallest first); all of them when there are none."""
    if not sets:
        return set(range(n_docs))
    sets.sort(key=len)
    candidates = sets[0].copy()
    for s in sets[1:]:
        candidates &= s
        if not candidates:
            break
    return candidates


__all__ = ["Hit", "Result", "Results", "SearchIndex", "tokens"]
