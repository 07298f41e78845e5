"""Phrases, from the places of their words: sorted arrays intersected with numpy.

A place is ``(document << 32) | position``; a phrase of words w0 w1 … starts where w0 is
at p, w1 at p + 1, and so on. Vectorized, a place costs ~10 ns where scanning a
document's token string costs ~2 µs, so the text is scanned only when a short prefix
starts so many tokens that their places outnumber it (the functions then return None).
"""

from __future__ import annotations

from tui.search.documents import REGION_MASK, REGION_SHIFT, TITLE_WEIGHT
from tui.search.inverted import InvertedIndex
from tui.search.vectors import as_int64, numpy


def phrase_starts(index: InvertedIndex, words: list[str], last_is_prefix: bool):
    """Where the phrase ``words`` starts (its last word a prefix if ``last_is_prefix``), as a
    sorted numpy array of places; None when counting in the documents' text is cheaper."""
    last = words[-1]
    if last_is_prefix and len(last) < 2:
        return None
    np = numpy()
    lists = []
    for j, w in enumerate(words):
        if j == len(words) - 1 and last_is_prefix:
            found = [index.places(t) for t in index.prefixed(last)]
            if len(found) == 1:
                at = as_int64(found[0])
            else:
                # Different tokens never share a place: the union is a sorted merge.
                at = np.sort(np.concatenate([as_int64(a) for a in found])) if found else as_int64(None)
        else:
            at = as_int64(index.places(w))
        if not len(at):
            return np.empty(0, dtype=np.int64)
        lists.append(at - j if j else at)
    # Only a prefix that starts a great many tokens tips the balance towards the text.
    if sum(len(at) for at in lists) > 200 * min(len(index.postings(w)[0]) for w in words[:-1] or words):
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


def phrase_counts(index: InvertedIndex, words: list[str]) -> dict[int, int] | None:
    """Per document: weighted occurrences of the phrase ``words`` (last word a prefix),
    as ``str.count`` on the token strings counts them; None: count in the text instead."""
    last = words[-1]
    if len(set(words[:-1])) < len(words) - 1 or any(w.startswith(last) for w in words[:-1]):
        return None  # the phrase could overlap itself, where str.count would not count twice
    starts = phrase_starts(index, words, last_is_prefix=True)
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
