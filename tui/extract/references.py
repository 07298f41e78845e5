"""Titles by reference: "the Kazakh Foreign Minister said", "The President of
Kyrgyzstan today launched …", "the Uzbek leader".

A title phrase with a country and no name beside it points at a person the
article names elsewhere. It goes to the one person of that country it fits
(the same office already stated, or the who's-who's office that year, or the
only one of that country named with no title at all), and to nobody when
none or several fit. The person then takes part in that sentence's events.
"""

from __future__ import annotations

from functools import lru_cache

from tui.extract.officials import PersonFacts, Sentence
from tui.extract.sentence import TitleChunk

_DROP = frozenset({"of", "the", "and", "affairs", "republic"})
# words that name an office without saying which: they find a person but add no title
_GENERIC = frozenset({"minister", "leader", "head", "official", "diplomat", "envoy", "representative"})
_LEADER = frozenset({frozenset({"president"}), frozenset({"head", "state"}), frozenset({"leader"})})


@lru_cache(maxsize=4096)
def _key(title: str) -> frozenset[str]:
    """"Foreign Minister" and "Minister of Foreign Affairs" share one key."""
    return frozenset(w for w in title.casefold().replace("-", " ").split() if w not in _DROP)


def _fits(wanted: str, held: str) -> bool:
    a, b = _key(wanted), _key(held)
    if a == b or (a in _LEADER and b in _LEADER):
        return True
    # "the Kyrgyz minister": any minister's title
    return len(a) == 1 and next(iter(a)) in _GENERIC and a <= b


def _country(p: PersonFacts) -> str | None:
    return min(p.countries)[1] if p.countries else None


def resolve_references(sentences: list[Sentence], people: list[PersonFacts], year: int | None,
                       per_sentence: dict[Sentence, list[PersonFacts]]) -> None:
    """Give each title said by reference to the one person it fits (see the module)."""
    present = [p for p in people if p.mentions]
    for sent in sentences:
        for chunk in sent.loose:
            person = _referent(chunk, present, year)
            if person is None:
                continue
            for title in chunk.titles:
                if _key(title) & _GENERIC and len(_key(title)) == 1:
                    continue
                if not any(_key(title) == _key(t) for t, _ in person.titles):
                    person.titles.append((title, sent))
            start, end = sent.starts[chunk.a], sent.ends[chunk.b - 1]
            person.references.append((sent.paragraph, start, end, sent.text[start:end]))
            bucket = per_sentence.setdefault(sent, [])
            if person not in bucket:
                bucket.append(person)


def _referent(chunk: TitleChunk, people: list[PersonFacts], year: int | None) -> PersonFacts | None:
    same = [p for p in people if _country(p) == chunk.country]
    if not same:
        return None
    wanted = chunk.titles
    stated = [p for p in same if any(_fits(w, t) for w in wanted for t, _ in p.titles)]
    if stated:
        return stated[0] if len(stated) == 1 else None
    held = [p for p in same if p.who and any(p.who.held(w, year) for w in _forms(wanted))]
    if held:
        return held[0] if len(held) == 1 else None
    untitled = [p for p in same if not p.titles and not (p.who and p.who.roles)]
    others = [p for p in same if p not in untitled]
    if len(untitled) == 1 and not others:
        return untitled[0]
    return None


def _forms(titles: list[str]) -> list[str]:
    """The titles as the who's-who may write them: "Foreign Minister" is also
    "Minister of Foreign Affairs"; "leader" is "President"."""
    out = list(titles)
    for t in titles:
        words = t.split()
        if len(words) >= 2 and words[-1] == "Minister" and words[-2] == "Foreign":
            out.append(" ".join([*words[:-2], "Minister of Foreign Affairs"]))
        if _key(t) in _LEADER:
            out.append("President")
    return out
