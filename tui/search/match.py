"""What a ``Query`` asks of each kind of record: matching shared by articles, officials and events.

Names (``official:``, and typed words in the Officials pane) match word by word: each word of
the value starts a word of one name or alias (``wan`` → Wang Yi, ``Wang Yi`` → Wang Yi), or, a
word of ``FUZZY_MIN`` letters or more, is that word with a typo (same first letter, one edit,
two from nine letters: ``Kulubaev`` → Kulubayev) — never a likeness to the whole name, so
``wang`` does not find Li Qiang or Ding Xuexiang.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from tui.search.text import tokens

FUZZY_MIN = 6  # shorter words (Wang, Qiang, Li) are too alike to forgive a typo in
FUZZY_LONG = 9  # from this many letters, two edits are forgiven


@lru_cache(maxsize=8192)
def _name_words(name: str) -> tuple[str, ...]:
    return tuple(tokens(name))


def _word_matches(word: str, token: str) -> bool:
    if token.startswith(word):
        return True
    if len(word) < FUZZY_MIN or word[0] != token[0] or not word.isalpha():
        return False
    allowed = 2 if len(word) >= FUZZY_LONG else 1
    if abs(len(token) - len(word)) > allowed:
        return False
    from rapidfuzz.distance import Levenshtein  # only names need it: ~25 ms off every start

    return Levenshtein.distance(word, token, score_cutoff=allowed) <= allowed


def name_matches(wanted: str, names: Iterable[str]) -> bool:
    """Whether ``wanted`` names one of ``names`` (folded names and aliases): each of its words
    starts a word of that name or is it with a typo (see the module's docstring)."""
    want = _name_words(wanted)  # the index asks this of every distinct name: tokenize once
    if not want:
        return True
    for name in names:
        words = _name_words(name)
        if all(any(_word_matches(w, t) for t in words) for w in want):
            return True
    return False
