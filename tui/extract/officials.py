"""Officials: named people with their titles and the country they represent.

Two passes over an article. The first parses every sentence into title
phrases and runs of name-like words and links them by the patterns outlets
use ("Title Name", "Name, Title", "Title, Name,", "Name (Title)"). The
second resolves each name run to a person: full names first, then surnames
and other single words ("Yi", "Bakayev") against the people already found
in the article and the who's-who.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tui.extract.gazetteer import Gazetteer, Person
from tui.extract.sentence import Sentence, TitleChunk
from tui.extract.text import Caseless
from tui.extract.titles import CHUNK_START, parse_chunk, scan_chunk
from tui.extract.units import COUNTRY, DEM, GROUP, HON, NAME, STOP, VOCAB, Unit

# Country evidence, strongest first.
P_STATED, P_AFTER_NAME, P_IMPLIED, P_DELEGATION, P_COUNTERPART, P_WHOSWHO, P_HOST = range(7)

_APPOSITION_FILLERS = frozenset({"the", "a", "an", "also", "currently", "now", "then", "former"})
# "Name, Title", "Name (Title)", "Name — Title —", "Name – Title;"
_DASHES = frozenset({"–", "—", "-"})
_APPOSITION_MARKS = frozenset({",", "(", *_DASHES})
_SENTENCE_START_WORDS = re.compile(r"(?:ing|ed|ly)$")
_DELEGATION = Caseless(
    r"\b(?:delegation|side)\b(?:.*?\b(?:led|headed|represented)\s+by"
    r"|\s+(?:\w+\s+){0,2}?(?:included|includes|comprised|consisted\s+of|was\s+composed\s+of))\b",
    re.DOTALL,
)


@dataclass
class NameRun:
    """Consecutive name-like units, perhaps linked to a title."""

    sentence: Sentence
    a: int
    b: int
    written: str
    start: int
    end: int
    chunks: list[TitleChunk] = field(default_factory=list)
    country_hint: tuple[int, str] | None = None

    @property
    def linked(self) -> bool:
        return bool(self.chunks) or self.country_hint is not None


@dataclass(eq=False)  # one person as found in one article: kept in sets by identity
class PersonFacts:
    """What one article says about one person."""

    name: str
    key: str
    who: Person | None
    tokens: set[str] = field(default_factory=set)  # folded name words
    written: list[str] = field(default_factory=list)
    titles: list[tuple[str, Sentence]] = field(default_factory=list)
    countries: list[tuple[int, str]] = field(default_factory=list)
    mentions: list[tuple[int, int, int, str]] = field(default_factory=list)  # paragraph, start, end, as written
    references: list[tuple[int, int, int, str]] = field(default_factory=list)  # titles said by reference


def parse_sentence(sent: Sentence, g: Gazetteer) -> list[NameRun]:
    """Title phrases and name runs of one sentence, linked where the syntax says so."""
    units = sent.units
    n = len(units)
    elements: list[TitleChunk | NameRun] = []
    k = 0
    while k < n:
        u = units[k]
        if u.kind == NAME:
            b = k
            while b < n and units[b].kind == NAME:
                b += 1
            a = k
            # a capitalised ordinary word opening the sentence ("Addressing", "Established")
            # (not a known person's given name: "Gurbanguly Berdimuhamedov visited ...")
            if a == 0 and _SENTENCE_START_WORDS.search(units[0].norm) and g.lookup_person(units[0].text) is None \
                    and g.lookup_person(" ".join(units[i].text for i in range(a, b))) is None:
                a += 1
            if a < b and b - a <= 4:
                elements.append(NameRun(sent, a, b, sent.text[sent.starts[a] : sent.ends[b - 1]],
                                        sent.starts[a], sent.ends[b - 1]))
            k = b
            continue
        if u.kind in CHUNK_START:
            b = scan_chunk(units, k)
            chunk = parse_chunk(units, k, b, sent) if b > k else None
            if chunk:
                elements.append(chunk)
            elif b - k > 1 and not sent.plural:
                sent.plural = any(units[i].kind == GROUP for i in range(k + 1, b))
            k = max(b, k + 1)
            continue
        if u.kind == GROUP:
            sent.plural = True
        k += 1

    linked_chunks: set[TitleChunk] = set()
    for idx, el in enumerate(elements):
        if not isinstance(el, NameRun):
            continue
        prev = elements[idx - 1] if idx else None
        nxt = elements[idx + 1] if idx + 1 < len(elements) else None
        after = elements[idx + 2] if idx + 2 < len(elements) else None
        # an organisation named after a person ("Nazarbayev University") is no mention
        if el.b < n and units[el.b].kind in VOCAB and units[el.b].kind not in (COUNTRY, DEM) \
                and not (isinstance(nxt, TitleChunk) and nxt.a == el.b):
            el.a = -1
            continue
        # "Title Name" (an honorific may stand between: "Ambassador ... Mr. Liang Shouwen")
        if isinstance(prev, TitleChunk) and (prev.b == el.a or (prev.b == el.a - 1 and units[prev.b].kind == HON)):
            el.chunks.append(prev)
            linked_chunks.add(prev)
            # "Deputy Prime Minister, Minister of Foreign Affairs of Kazakhstan Name":
            # combined roles joined by a comma, the first opening its clause
            first = elements[idx - 2] if idx >= 2 else None
            before_first = elements[idx - 3] if idx >= 3 else None
            if isinstance(first, TitleChunk) and first not in linked_chunks \
                    and _gap(units, first.b, prev.a) == [","] and _title_opens_clause(units, first.a) \
                    and not (first.country and prev.country and first.country != prev.country) \
                    and not (isinstance(before_first, TitleChunk)
                             and [w for w in _gap(units, before_first.b, first.a) if w != "the"] == [","]) \
                    and not (_portfolio_minister(first) and _portfolio_minister(prev)):
                el.chunks.insert(0, first)
                linked_chunks.add(first)
        # "Title, Name," where the title is nobody else's
        elif isinstance(prev, TitleChunk) and prev not in linked_chunks \
                and _gap(units, prev.b, el.a) == [","] and _title_opens_clause(units, prev.a):
            el.chunks.append(prev)
            linked_chunks.add(prev)
        # "Name, [the] Title" / "Name (Title)" unless the title belongs to the next name
        if isinstance(nxt, TitleChunk) and not (isinstance(after, NameRun) and after.a == nxt.b):
            gap = _gap(units, el.b, nxt.a)
            # "... National Unity – Leader of the Nation": a word ending a name of something
            # else is no person with a title between dashes
            dashed = gap and gap[0] in _DASHES
            named_thing = dashed and el.a > 0 and (units[el.a - 1].kind in VOCAB or units[el.a - 1].norm == "of")
            apposition = gap and (gap[0] in _APPOSITION_MARKS and all(w in _APPOSITION_FILLERS for w in gap[1:])
                                  or gap in (["-", "-"], ["-", "-", "the"]))
            if apposition and not named_thing:
                el.chunks.append(nxt)
                linked_chunks.add(nxt)
                # "Name, Title, Title of Country." — titles listed one after another
                for later in range(idx + 2, len(elements)):
                    cur, follow = elements[later - 1], elements[later]
                    if not isinstance(follow, TitleChunk) or _gap(units, cur.b, follow.a) not in ([","], [",", "and"]):
                        break
                    ahead = elements[later + 1] if later + 1 < len(elements) else None
                    if isinstance(ahead, NameRun) and ahead.a == follow.b:
                        break
                    el.chunks.append(follow)
                    linked_chunks.add(follow)
        # "his Chinese counterpart Name"
        if el.a >= 1 and units[el.a - 1].norm in ("counterpart", "counterparts"):
            for back in (2, 3):
                if el.a - back >= 0 and units[el.a - back].kind in (DEM, COUNTRY):
                    el.country_hint = (P_COUNTERPART, units[el.a - back].country)
                    break
            else:
                el.country_hint = el.country_hint or (P_COUNTERPART, "")
        # "Title Name of Country"
        if el.chunks and el.b + 1 < n and units[el.b].norm == "of":
            c = el.b + 1
            if units[c].norm == "the" and c + 1 < n:
                c += 1
            if units[c].kind == COUNTRY:
                el.country_hint = (P_AFTER_NAME, units[c].country)
    if len(linked_chunks) < len(elements):
        sent.loose = [el for el in elements
                      if el.__class__ is TitleChunk and el.country and el not in linked_chunks]
    return [el for el in elements if isinstance(el, NameRun) and el.a >= 0]


_PORTFOLIO_MINISTER = re.compile(r"(?<!Prime )\bMinister\b", re.IGNORECASE)


def _portfolio_minister(chunk: TitleChunk) -> bool:
    """A minister of one portfolio: nobody heads two ("Minister of Energy, Deputy
    Foreign Minister X" lists two people), unlike "Deputy Prime Minister, Minister ..."."""
    return any(_PORTFOLIO_MINISTER.search(t) for t in chunk.titles)


def _gap(units: list[Unit], a: int, b: int) -> list[str]:
    return [u.norm for u in units[a:b]]


def _title_opens_clause(units: list[Unit], a: int) -> bool:
    """A title standing before ", Name," must open its clause: sentence start,
    after "the", "by", "with", "and" or a comma."""
    i = a - 1
    if i >= 0 and units[i].norm in ("the", "a"):
        i -= 1
    return i < 0 or units[i].norm in ("by", "with", "and", ",", "including", "from") or units[i].kind == STOP


def delegation_country(sent: Sentence, earlier: str | None = None) -> tuple[int, str] | None:
    """In "the delegation of the Ministry of Foreign Affairs of Kazakhstan, led by
    ...", the country named before "led by" and the position where "led by" ends.
    ``earlier``: the country of a delegation named before in the paragraph, for
    "The Turkmen delegation was headed by X. The delegation included Y, Z"."""
    m = _DELEGATION.search(sent.text, sent.lowered, sent.start, sent.end)
    if not m:
        return None
    country = earlier if m.group().lower().startswith("delegation") else None
    for u, start in zip(sent.units, sent.starts):
        if start >= m.end():
            break
        if u.kind in (COUNTRY, DEM) or (u.kind == "PLACE" and u.country):
            country = u.country
    return (m.end(), country) if country else None
