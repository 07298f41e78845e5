"""Ids people can type: an article (or any record) named by a unique start of its id.

Ids are long slugs ("daryo-2024-03-31-launch-of-central-asia-china-secretariat"); typing
"daryo" is enough when no other id starts with it. The rules, the same in every face:

- an exact id always wins, even when it is also the start of a longer id;
- otherwise the ids that start with what was typed, letter case aside;
- one such id is the answer; several are ``AmbiguousId``; none is ``UnknownId``.

``short_ids`` gives each id the shortest start that these rules resolve back to it.
Pure functions over strings: the CLI, the library and the explorer share them.
"""

from __future__ import annotations

from collections.abc import Iterable

SHORT_ID_MIN = 6


class IdError(LookupError):
    """What was typed names no id, or more than one."""

    def __init__(self, given: str, candidates: tuple[str, ...] = ()) -> None:
        self.given = given
        self.candidates = candidates
        super().__init__(given)


class UnknownId(IdError):
    """No id is, or starts with, what was typed."""


class AmbiguousId(IdError):
    """Several ids start with what was typed: ``candidates``, sorted."""


def _fold(text: str) -> str:
    """Lower case one character at a time, so positions in the folded text are positions
    in the id (``str.lower`` makes "İ" two characters)."""
    return "".join(c if len(low := c.lower()) != 1 else low for c in text)


def resolve_id(given: str, ids: Iterable[str]) -> str:
    """The one id that ``given`` names: the id itself, or the only id starting with it
    (case-blind); raises ``UnknownId`` or ``AmbiguousId`` (with the candidates, sorted)."""
    ids = ids if isinstance(ids, (set, frozenset, dict)) else list(ids)
    if given in ids:
        return given
    want = _fold(given.strip())
    if not want:
        raise UnknownId(given)
    found = sorted({i for i in ids if _fold(i).startswith(want)})
    if len(found) == 1:
        return found[0]
    if not found:
        raise UnknownId(given)
    raise AmbiguousId(given, tuple(found))


def short_ids(ids: Iterable[str], min_len: int = SHORT_ID_MIN) -> dict[str, str]:
    """Each id's shortest start of at least ``min_len`` characters that ``resolve_id``
    resolves back to it (the whole id when it is short, or when a longer id starts with it).

    Neighbours in sorted (folded) order share the longest starts, so one sort does it."""
    unique = sorted(set(ids), key=lambda i: (_fold(i), i))
    folded = [_fold(i) for i in unique]
    shared = [0] * len(unique)  # longest start shared with any other id
    for k in range(1, len(unique)):
        a, b = folded[k - 1], folded[k]
        n = 0
        limit = min(len(a), len(b))
        while n < limit and a[n] == b[n]:
            n += 1
        shared[k - 1] = max(shared[k - 1], n)
        shared[k] = max(shared[k], n)
    return {i: i[: max(min_len, shared[k] + 1)] for k, i in enumerate(unique)}
