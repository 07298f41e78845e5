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
from tui.extract.names import display_order, fold, name_key, name_tokens
from tui.extract.text import NOT_LOWERED, Caseless
from tui.extract.titles import CHUNK_START, TitleChunk, collapse_titles, parse_chunk, scan_chunk
from tui.extract.units import COUNTRY, DEM, HON, NAME, STOP, VOCAB, Unit

# Country evidence, strongest first.
P_STATED, P_AFTER_NAME, P_IMPLIED, P_DELEGATION, P_COUNTERPART, P_WHOSWHO, P_HOST = range(7)

# Offices of a national government: when the text names no country for their
# holder, the article's host side (its first official with a country) is meant,
# as in a ministry's release ("The meeting was attended by Deputy Minister X").
_DOMESTIC_OFFICE = re.compile(
    r"\b(?:Minister|Prime Minister|Presidential Administration|Cabinet|Plenipotentiary Representative of the President"
    r"|Akim|Hokim|Khokim|Governor|Mayor)\b"
)
_MULTILATERAL = re.compile(r"Secretariat|Organi[sz]ation|Union|United Nations|\bSCO\b|\bCICA\b|\bCIS\b|\w-\w")

# bodies of several states: their officers represent none of them
_INTERNATIONAL = re.compile(
    r"\b(?:SCO|CIS|CICA|CSTO|EAEU|EAEC|OTS|UN|ASEAN|BRICS|AIIB|Secretariat|United Nations"
    r"|Commonwealth of Independent States|Shanghai Cooperation Organi[sz]ation|Eurasian Economic (?:Commission|Union)"
    r"|Organi[sz]ation of Turkic States|Collective Security Treaty Organi[sz]ation"
    r"|Asian Infrastructure Investment Bank|Conference on Interaction and Confidence[- ]Building Measures in Asia)\b"
)
_APPOSITION_FILLERS = frozenset({"the", "a", "an", "also", "currently", "now", "then", "former"})
_SENTENCE_START_WORDS = re.compile(r"(?:ing|ed|ly)$")
_DELEGATION = Caseless(
    r"\b(?:delegation|side)\b(?:.*?\b(?:led|headed|represented)\s+by"
    r"|\s+(?:\w+\s+){0,2}?(?:included|includes|comprised|consisted\s+of|was\s+composed\s+of))\b",
    re.DOTALL,
)


@dataclass
class Sentence:
    """One sentence of a paragraph, ready for both extractors."""

    paragraph: int  # 1-based paragraph number
    start: int  # span in the paragraph text
    end: int
    text: str  # the paragraph text (spans index into it)
    units: list[Unit] = field(default_factory=list)
    starts: list[int] = field(default_factory=list)  # character span of each unit
    ends: list[int] = field(default_factory=list)
    # where a date may begin, from the tokens (None: find by a scan)
    date_places: list[tuple[int, str]] | None = None
    lowered: object = NOT_LOWERED  # lower_exact(text)

    @property
    def evidence(self) -> str:
        return self.text[self.start : self.end]


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


@dataclass
class PersonFacts:
    """What one article says about one person."""

    name: str
    key: str
    who: Person | None
    tokens: set[str] = field(default_factory=set)  # folded name words
    written: list[str] = field(default_factory=list)
    titles: list[tuple[str, Sentence]] = field(default_factory=list)
    countries: list[tuple[int, str]] = field(default_factory=list)
    mentions: list[tuple[int, int, int]] = field(default_factory=list)  # paragraph, start, end


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
            k = max(b, k + 1)
            continue
        k += 1

    linked_chunks: set[int] = set()
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
            linked_chunks.add(id(prev))
            # "Deputy Prime Minister, Minister of Foreign Affairs of Kazakhstan Name":
            # combined roles joined by a comma, the first opening its clause
            first = elements[idx - 2] if idx >= 2 else None
            before_first = elements[idx - 3] if idx >= 3 else None
            if isinstance(first, TitleChunk) and id(first) not in linked_chunks \
                    and _gap(units, first.b, prev.a) == [","] and _title_opens_clause(units, first.a) \
                    and not (first.country and prev.country and first.country != prev.country) \
                    and not (isinstance(before_first, TitleChunk)
                             and [w for w in _gap(units, before_first.b, first.a) if w != "the"] == [","]) \
                    and not (_portfolio_minister(first) and _portfolio_minister(prev)):
                el.chunks.insert(0, first)
                linked_chunks.add(id(first))
        # "Title, Name," where the title is nobody else's
        elif isinstance(prev, TitleChunk) and id(prev) not in linked_chunks \
                and _gap(units, prev.b, el.a) == [","] and _title_opens_clause(units, prev.a):
            el.chunks.append(prev)
            linked_chunks.add(id(prev))
        # "Name, [the] Title" / "Name (Title)" unless the title belongs to the next name
        if isinstance(nxt, TitleChunk) and not (isinstance(after, NameRun) and after.a == nxt.b):
            gap = _gap(units, el.b, nxt.a)
            if gap and (gap[0] in (",", "(") and all(w in _APPOSITION_FILLERS for w in gap[1:])):
                el.chunks.append(nxt)
                linked_chunks.add(id(nxt))
                # "Name, Title, Title of Country." — titles listed one after another
                for later in range(idx + 2, len(elements)):
                    cur, follow = elements[later - 1], elements[later]
                    if not isinstance(follow, TitleChunk) or _gap(units, cur.b, follow.a) not in ([","], [",", "and"]):
                        break
                    ahead = elements[later + 1] if later + 1 < len(elements) else None
                    if isinstance(ahead, NameRun) and ahead.a == follow.b:
                        break
                    el.chunks.append(follow)
                    linked_chunks.add(id(follow))
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


class OfficialResolver:
    """Resolves name runs of one article to people and accumulates their facts."""

    def __init__(self, g: Gazetteer, year: int | None = None) -> None:
        self.g = g
        self.year = year  # the article's publication year: who held an office then
        self.people: list[PersonFacts] = []
        self.by_key: dict[str, PersonFacts] = {}
        self.by_who: dict[str, PersonFacts] = {}

    def run(self, runs: list[NameRun], delegations: dict[int, tuple[int, str]]) -> dict[int, list[PersonFacts]]:
        """Resolve all runs; returns participants per sentence (by ``id(sentence)``)."""
        multi = [r for r in runs if len(r.written.split()) > 1]
        single = [r for r in runs if len(r.written.split()) == 1]
        resolved: list[tuple[NameRun, PersonFacts]] = []
        for r in multi:
            if r.linked:
                resolved.append((r, self._full(r.written, create=True)))
        for r in multi:
            if not r.linked:
                p = self._full(r.written, create=False)
                if p:
                    resolved.append((r, p))
        for r in single:
            p = self._single(r.written, create=r.linked and bool(r.chunks),
                             titles=[t for c in r.chunks for t in c.titles])
            if p:
                resolved.append((r, p))
        per_sentence: dict[int, list[PersonFacts]] = {}
        for r, p in resolved:
            self._record(r, p, delegations.get(id(r.sentence)))
            bucket = per_sentence.setdefault(id(r.sentence), [])
            if p not in bucket:
                bucket.append(p)
        return per_sentence

    def _full(self, written: str, create: bool) -> PersonFacts | None:
        key = name_key(written)
        p = self.by_key.get(key)
        if p:
            return p
        who = self.g.lookup_person(written)
        if who and who.id in self.by_who:
            p = self.by_who[who.id]
            self.by_key[key] = p
            return p
        if not who and not create:
            return None
        display = " ".join(display_order(name_tokens(written)))
        p = PersonFacts(name=who.name if who else display, key=key, who=who)
        self.people.append(p)
        self.by_key[key] = p
        if who:
            self.by_who[who.id] = p
        return p

    def _single(self, written: str, create: bool, titles: list[str] = ()) -> PersonFacts | None:
        f = fold(written)
        hits = [p for p in self.people if f in p.tokens or f in _name_folds(p.name)]
        if len(hits) > 1 and titles:
            # "President Berdimuhamedov" after both Berdimuhamedovs: the one with that title
            hits = [p for p in hits if any(_same_title(t, have) for t in titles for have, _ in p.titles)] \
                or [p for p in hits if p.who and any(p.who.held(t, self.year) for t in titles)]
        if len(hits) == 1:
            return hits[0]
        if len(hits) > 1:
            return None  # two people share the word: do not guess
        cands = self.g.lookup_surname(written)
        if len(cands) > 1 and titles and self.year:
            # the who's-who says who held the title that year
            cands = [c for c in cands if any(c.held(t, self.year) for t in titles)]
        # a bare short surname ("Mao", "Li") is too common to pin on the who's-who;
        # with a title beside it ("President Xi") it is safe
        if len(cands) == 1 and (create or len(written) >= 5):
            who = cands[0]
            if who.id in self.by_who:
                return self.by_who[who.id]
            p = PersonFacts(name=who.name, key=name_key(who.name), who=who)
            self.people.append(p)
            self.by_key[p.key] = p
            self.by_who[who.id] = p
            return p
        if create and not cands:
            key = name_key(written)
            p = self.by_key.get(key)
            if not p:
                p = PersonFacts(name=written, key=key, who=None)
                self.people.append(p)
                self.by_key[key] = p
            return p
        return None

    def _record(self, r: NameRun, p: PersonFacts, deleg: tuple[int, str] | None) -> None:
        sent = r.sentence
        p.tokens.update(fold(t) for t in r.written.split())
        if r.written not in p.written:
            p.written.append(r.written)
        p.mentions.append((sent.paragraph, r.start, r.end))
        stated = False
        for chunk in r.chunks:
            for t in chunk.titles:
                p.titles.append((t, sent))
            if chunk.country:
                p.countries.append((P_STATED, chunk.country))
                stated = True
            elif chunk.implied_country:
                p.countries.append((P_IMPLIED, chunk.implied_country))
        if r.country_hint and r.country_hint[1]:
            p.countries.append(r.country_hint)
        if deleg and not stated and r.start >= deleg[0]:
            p.countries.append((P_DELEGATION, deleg[1]))
        if p.who and p.who.country:
            p.countries.append((P_WHOSWHO, p.who.country))


def host_country_fallback(people: list[PersonFacts], context: tuple[str | None, ...] = ()) -> None:
    """Give holders of national offices with no stated country the host side's,
    when the context says which side that is: the country of the outlet or the
    dateline (``context``, in that order) if an official of it takes part, else
    the one country every official with a known country represents. An article
    with several sides and no such clue leaves the country unknown."""
    present = []
    for p in people:
        if p.countries and p.mentions:
            best = min(p.countries)[1]
            if best not in present:
                present.append(best)
    host = next((c for c in context if c and c in present), None)
    if host is None and len(present) == 1:
        host = present[0]
    if not host:
        return
    for p in people:
        titles = [t for t, _ in p.titles]
        if not p.countries and titles and all(
            _DOMESTIC_OFFICE.search(t) and not _MULTILATERAL.search(t) for t in titles
        ):
            p.countries.append((P_HOST, host))


def _same_title(a: str, b: str) -> bool:
    """"President" and "President" or "Chairman of the Halk Maslahaty" and "Chairman"."""
    a, b = a.casefold(), b.casefold()
    return a == b or a.startswith(b + " of ") or b.startswith(a + " of ")


def _name_folds(name: str) -> set[str]:
    return {fold(t) for t in name.split()}


def person_record(p: PersonFacts, article_id: str, published: str | None) -> dict:
    """The JSON-ready official of one article."""
    titles = collapse_titles([t for t, _ in p.titles])
    first_sentence: dict[str, Sentence] = {}
    for t, s in p.titles:
        first_sentence.setdefault(t, s)
    country = min(p.countries, key=lambda c: c[0])[1] if p.countries else None
    # "SCO Secretary-General Zhang Ming" acts for the organisation: a nationality
    # known only from the who's-who or the host side is not the one he represents
    if country and titles and all(_INTERNATIONAL.search(t) for t in titles) \
            and min(c[0] for c in p.countries) >= P_WHOSWHO:
        country = None
    return {
        "name": p.name,
        "aliases": [w for w in p.written if w != p.name],
        "country": country,
        "titles": titles,
        "roles": [
            {
                "title": t,
                "article_id": article_id,
                "paragraph": first_sentence[t].paragraph,
                "date": published,
                "evidence": first_sentence[t].evidence,
            }
            for t in titles
        ],
        "mentions": [
            {"article_id": article_id, "paragraph": para, "start": s, "end": e}
            for para, s, e in sorted(p.mentions)
        ],
    }
