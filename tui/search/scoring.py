"""Scores of the candidate documents of a query, best (most negative) first when sorted.

A word scores ``(1 + log count + 0.5 if the exact token is there) × idf``, a phrase
``(2 + log count) × idf``, summed; a document lacking any term is not a result. Counts
come from the index (postings, per-initial counts, phrase places) or, where the index
cannot give them cheaply, from the document's token string. The common shapes of query
(no text, one word, one phrase) are scored in one pass each.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

from tui.search.documents import TITLE_WEIGHT, Counts

# A word: (word, its weighted counts per document or None to count in the text, the
# documents holding the exact token, its idf). A phrase: (its padded token string,
# counts or None, idf).
TermCounts = Mapping[int, int] | Counts | None
WordTerm = tuple[str, TermCounts, set[int], float]
PhraseTerm = tuple[str, TermCounts, float]


def scored(candidates: set[int], words: list[WordTerm], phrases: list[PhraseTerm],
           titles: Sequence[str], bodies: Sequence[str]) -> list[tuple[float, int]]:
    """``(-score, document)`` for each candidate holding every term."""
    log = math.log
    if not words and not phrases:
        return [(-1.0, i) for i in candidates]
    if len(words) == 1 and not phrases and words[0][1] is not None:
        # The common case, in one pass: a single word scored from its postings.
        _, counts, exact_docs, weight = words[0]
        return [(-(1 + log(counts[i]) + (0.5 if i in exact_docs else 0.0)) * weight, i) for i in candidates]
    if not words and len(phrases) == 1 and phrases[0][1] is not None:
        # A lone phrase, scored from its counts in one pass.
        _, counts, weight = phrases[0]
        return [(-(2 + log(counts[i])) * weight, i) for i in candidates]
    out = []
    for i in candidates:
        score = 0.0
        for word, counts, exact_docs, weight in words:
            if counts is None:
                term = f" {word}"
                count = TITLE_WEIGHT * titles[i].count(term) + bodies[i].count(term)
            else:
                count = counts.get(i, 0)
            if not count:
                break
            score += (1 + log(count) + (0.5 if i in exact_docs else 0.0)) * weight
        else:
            for partial, counts, weight in phrases:
                if counts is None:
                    count = TITLE_WEIGHT * titles[i].count(partial) + bodies[i].count(partial)
                else:
                    count = counts.get(i, 0)
                if not count:
                    break
                score += (2 + log(count)) * weight
            else:
                out.append((-score, i))
    return out
