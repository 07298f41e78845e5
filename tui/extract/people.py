"""People of one article: name runs resolved to persons, with their facts.

Full names first, then surnames and other single words ("Yi", "Bakayev")
against the people already found in the article and the who's-who; then the
host side's country for national offices named without one, and the
JSON-ready record of each person.
"""

from __future__ import annotations

import re

from tui.extract.gazetteer import Gazetteer
from tui.extract.names import display_order, fold, name_key, name_tokens
from tui.extract.officials import (
    P_DELEGATION, P_HOST, P_IMPLIED, P_STATED, P_WHOSWHO, NameRun, PersonFacts, Sentence,
)
from tui.extract.titles import collapse_titles

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

# bodies whose officers hold no public office: "Secretary of the Association of Road Carriers"
_NON_OFFICE = re.compile(
    r"\b(?:[Aa]ssociation|[Aa]lliance|[Cc]lub|[Ss]ociety|[Ff]ederation|[Cc]onfederation|[Gg]uild"
    r"|Union of (?:Entrepreneurs|Employers|Industrialists|Journalists|Writers|Artists|Architects|Designers))\b"
)


def holds_office(p: PersonFacts) -> bool:
    """Is the person an official? Not when every title they are given is an office of a
    non-governmental body (the who's-who's people always are)."""
    titles = [t for t, _ in p.titles]
    return p.who is not None or not titles or not all(_NON_OFFICE.search(t) for t in titles)


class OfficialResolver:
    """Resolves name runs of one article to people and accumulates their facts."""

    def __init__(self, g: Gazetteer, year: int | None = None) -> None:
        self.g = g
        self.year = year  # the article's publication year: who held an office then
        self.people: list[PersonFacts] = []
        self.by_key: dict[str, PersonFacts] = {}
        self.by_who: dict[str, PersonFacts] = {}

    def run(self, runs: list[NameRun],
            delegations: dict[Sentence, tuple[int, str]]) -> dict[Sentence, list[PersonFacts]]:
        """Resolve all runs; returns the participants of each sentence."""
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
        per_sentence: dict[Sentence, list[PersonFacts]] = {}
        for r, p in resolved:
            self._record(r, p, delegations.get(r.sentence))
            bucket = per_sentence.setdefault(r.sentence, [])
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
        p.mentions.append((sent.paragraph, r.start, r.end, r.written))
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
    # "Chinese leader Xi Jinping": "leader" alone describes, it is no office
    titles = collapse_titles([t for t, _ in p.titles if t.casefold() != "leader"])
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
        "mentions": sorted(
            [{"article_id": article_id, "paragraph": para, "start": s, "end": e, "text": text}
             for para, s, e, text in p.mentions]
            + [{"article_id": article_id, "paragraph": para, "start": s, "end": e, "text": text, "reference": True}
               for para, s, e, text in p.references],
            key=lambda m: (m["paragraph"], m["start"]),
        ),
    }
