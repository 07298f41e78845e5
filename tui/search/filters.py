"""The filters of a query (outlet, country, official, dates) as sets of document numbers.

Filter values repeat (a few outlets, countries and officials; dates sort), so each
filter is checked once per distinct value rather than once per document.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable

from tui.search.documents import DocInfo
from tui.search.match import name_matches, outlet_matches
from tui.search.query import Query
from tui.search.text import fold, tokens


class FilterSets:
    """The documents of one index grouped by outlet, country, official and date."""

    def __init__(self, docs: list[DocInfo]):
        self.by_outlet = _group((d.outlet,) for d in docs)
        self.by_country = _group(d.countries for d in docs)
        self.by_name = _group(d.names for d in docs)
        dated = sorted((d.published, i) for i, d in enumerate(docs) if d.published)
        self.dates = [p for p, _ in dated]
        self.dated = [i for _, i in dated]

    def sets(self, query: Query) -> list[set[int]]:
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


def _group(keys_per_doc: Iterable[Iterable[str]]) -> dict[str, set[int]]:
    groups: dict[str, set[int]] = {}
    for i, keys in enumerate(keys_per_doc):
        for key in keys:
            groups.setdefault(key, set()).add(i)
    return groups


def _union(sets: Iterable[set[int]]) -> set[int]:
    out: set[int] = set()
    for s in sets:
        out |= s
    return out
