"""Events: dated happenings, each with the sentence that states it.

Every explicit day is an event. A month, a year or a relative word ("last
year", "today") only counts when the sentence around it says something
happened (signed, held, visited, ...), so statistics ("trade reached $40
billion in 2023") stay out of the timeline.
"""

from __future__ import annotations

import datetime as dt

from tui.extract.dates import find_dates
from tui.extract.officials import PersonFacts, Sentence
from tui.extract.summary import summarize
from tui.extract.text import Caseless, lowered_span
from tui.extract.units import COUNTRY, PLACE

_OCCURRENCE = Caseless(
    r"\b(?:held|holds?|holding|sign(?:ed|s|ing)?|launch(?:ed|es|ing)?|establish(?:ed|ment|ing)?|found(?:ed|ing)|open(?:ed|s|ing)"
    r"|inaugurat(?:ed|e|es|ion)|visit(?:ed|s|ing)?|met|meets?|meeting|took\s+place|takes?\s+place|hosted|hosts?"
    r"|adopted|attended|elected|appointed|became|created|announced|agreed|joined|completed|commissioned|started"
    r"|began|begins?|initiated|proposed|put\s+forward|concluded|celebrated|ratified|set\s+up|convened|organi[sz]ed"
    r"|gathered|arrived|departed|talks|summit|forum|ceremony|conference|session|unveiled|approved"
    r"|entered\s+into\s+force|came\s+into\s+force|kicked\s+off|chaired|co-chaired|participated|took\s+part"
    r"|delivered|addressed|received|paid|decided|launched|reached\s+an\s+agreement|(?:was|were)\s+reached|exchanged)\b",
)

def sentence_events(
    sent: Sentence,
    published: dt.date | None,
    participants: list[PersonFacts],
    article_id: str,
    cuts: list[tuple[int, int]] | None = None,
) -> list[dict]:
    """The events one sentence states (usually none or one)."""
    mentions = find_dates(sent.text, sent.start, sent.end, published, sent.date_places, sent.lowered)
    if not mentions:
        return []
    evidence = sent.evidence
    occurs: bool | None = None  # looked for only when a date needs it
    # "on Thursday ... this year": the coarser date frames the finer one, it is no event of its own
    found = mentions
    if len(mentions) > 1:
        mentions = [d for d in mentions if not any(o is not d and o.date.startswith(d.date + "-") for o in mentions)]
    events = []
    place = None
    for d in mentions:
        if not (d.precision == "day" and d.explicit):
            if occurs is None:
                occurs = _OCCURRENCE.search(evidence, lowered_span(sent.lowered, sent.start, sent.end)) is not None
            if not occurs:
                continue
        if not events:
            place = place_of(sent)
        event = {
            "date": d.date,
            "precision": d.precision,
            "summary": summarize(sent, d, found, cuts or []),
            "place": place,
            "participants": [p.name for p in participants],
            "evidence": [{"article_id": article_id, "paragraph": sent.paragraph, "text": evidence}],
        }
        if d.end_date:
            event["end_date"] = d.end_date
        events.append(event)
    return events


def place_of(sent: Sentence) -> str | None:
    """Where it happened: the first city or region after "in"/"at", else a country."""
    units = sent.units
    country = None
    for k, u in enumerate(units):
        if u.kind not in (PLACE, COUNTRY) or k == 0:
            continue
        prev = units[k - 1].norm
        if prev == "of" and k >= 2 and units[k - 2].norm in ("city", "capital"):
            prev = "in"
        if prev not in ("in", "at"):
            continue
        if k + 1 < len(units) and units[k + 1].kind in ("ORG", "POSS"):
            continue  # "in Xi'an Declaration"-like names are not places
        if u.kind == PLACE:
            return u.canonical
        country = country or u.canonical
    return country


def merge_same_day(events: list[dict]) -> list[dict]:
    """One article's sentences about one date are one event with every sentence as
    evidence — unless they name different places (two happenings that day)."""
    merged: list[dict] = []
    for ev in events:
        got = next(
            (m for m in merged if m["date"] == ev["date"] and m["precision"] == ev["precision"]
             and (not m["place"] or not ev["place"] or m["place"] == ev["place"])),
            None,
        )
        if got is None:
            merged.append(ev)
            continue
        for item in ev["evidence"]:
            if item not in got["evidence"]:
                got["evidence"].append(item)
        for name in ev["participants"]:
            if name not in got["participants"]:
                got["participants"].append(name)
        got["place"] = got["place"] or ev["place"]
    return merged
