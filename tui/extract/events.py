"""Events: dated happenings, each with the sentence that states it.

Every explicit day is an event. A month, a year or a relative word ("last
year", "today") only counts when the sentence around it says something
happened (signed, held, visited, ...), so statistics ("trade reached $40
billion in 2023") stay out of the timeline.
"""

from __future__ import annotations

import datetime as dt

from tui.extract.date_resolve import DateMention
from tui.extract.furniture import states_nothing
from tui.extract.officials import PersonFacts, Sentence
from tui.extract.summary import summarize
from tui.extract.text import Caseless, lowered_span
from tui.extract.units import COUNTRY, PLACE, Unit

_OCCURRENCE = Caseless(
    r"\b(?:held|holds?|holding|sign(?:ed|s|ing)?|launch(?:ed|es|ing)?|establish(?:ed|ment|ing)?|found(?:ed|ing)|open(?:ed|s|ing)"
    r"|inaugurat(?:ed|e|es|ion)|visit(?:ed|s|ing)?|met|meets?|meeting|took\s+place|takes?\s+place|hosted|hosts?"
    r"|adopted|attended|elected|appointed|became|created|announced|agreed|joined|completed|commissioned|started"
    r"|began|begins?|initiated|proposed|put\s+forward|concluded|celebrated|ratified|set\s+up|convened|organi[sz]ed"
    r"|gathered|arrived|departed|talks|summit|forum|ceremony|conference|session|unveiled|approved"
    r"|entered\s+into\s+force|came\s+into\s+force|kicked\s+off|chaired|co-chaired|participated|took\s+part"
    r"|delivered|addressed|received|paid|decided|launched|reached\s+an\s+agreement|(?:was|were)\s+reached|exchanged"
    r"|presented|discussed|witnessed|laid|conversation|phone\s+call|left|closed|reopened|resumed|suspended"
    r"|toured|inspected|reviewed|co-hosted|handed\s+over|welcomed)\b",
)

_PLAN = Caseless(
    r"\b(?:due|scheduled|planned|expected|intends?|run|operate|open|start|begin|commence|completion|operation"
    r"|commissioning|take\s+part|participate|attend|meet|hold|pay|sign|host|launch|visit|arrive|travel|depart|leave"
    r"|convene|chair|co-chair|address|deliver|present|receive|discuss|inaugurate|unveil|tour)\b"
)
# "this year marks the 33rd anniversary of ...": a date of the anniversary, not of a happening
_ANNIVERSARY = Caseless(r"\b(?:marks?|celebrates?|is)\s+the\s+\w+\s+anniversary\b")
_PLANNED_SLACK = dt.timedelta(days=2)


def sentence_events(
    sent: Sentence,
    mentions: list[DateMention],
    published: dt.date | None,
    participants: list[PersonFacts],
    article_id: str,
    cuts: list[tuple[int, int]] | None = None,
) -> list[dict]:
    """The events one sentence states (usually none or one), from its dates ``mentions``."""
    if not mentions:
        return []
    evidence = sent.evidence
    if states_nothing(evidence):
        return []
    occurs: bool | None = None  # looked for only when a date needs it
    # "on Thursday ... this year": the coarser date frames the finer one, it is no event of its own
    found = mentions
    if len(mentions) > 1:
        mentions = [d for d in mentions if not any(o is not d and o.date.startswith(d.date + "-") for o in mentions)]
    events = []
    dated: set[tuple[str, str | None]] = set()
    for d in mentions:
        if (d.date, d.end_date) in dated:
            continue  # "tomorrow, January 24": one day written twice
        if not (d.precision == "day" and d.explicit) and not d.began:
            lowered = lowered_span(sent.lowered, sent.start, sent.end)
            if occurs is None:
                occurs = _OCCURRENCE.search(evidence, lowered) is not None
            if not occurs and not (d.future and _PLAN.search(evidence, lowered)):
                continue
            if d.precision == "year" and not d.explicit and _ANNIVERSARY.search(evidence):
                continue
        dated.add((d.date, d.end_date))
        event = {
            "date": d.date,
            "precision": d.precision,
            "summary": summarize(sent, d, found, cuts or []),
            "place": place_of(sent, d.start),
            "participants": [p.name for p in participants],
            "evidence": [{"article_id": article_id, "paragraph": sent.paragraph, "text": evidence}],
            "planned": d.future and not (published and _before(d, published - _PLANNED_SLACK)),
        }
        if d.end_date:
            event["end_date"] = d.end_date
        events.append(event)
    return events


def _before(d: DateMention, day: dt.date) -> bool:
    """Did the whole of ``d`` (a day, month or year) end before ``day``?"""
    last = d.end_date or d.date
    return last < day.isoformat()[: len(last)]


_VISITED = frozenset({"visited", "visit", "visits", "visiting", "toured", "reached"})
_CLAUSE_MARKS = frozenset({",", ";"})
_HOSTED = frozenset({"hosted", "hosts", "welcomed"})


def place_of(sent: Sentence, at: int | None = None) -> str | None:
    """Where it happened: a city or region after "in"/"at" (or "visited"), else a
    country; one in the clause holding the date at ``at`` first, else the first."""
    units, starts = sent.units, sent.starts
    found: list[tuple[int, Unit]] = []
    for k, u in enumerate(units):
        if u.kind not in (PLACE, COUNTRY):
            continue
        if k == 0:
            # "Tashkent hosted the meeting": the host city opening its sentence
            if u.kind == PLACE and len(units) > 1 and units[1].norm in _HOSTED:
                found.append((k, u))
            continue
        prev = units[k - 1].norm
        if prev == "of" and k >= 2 and units[k - 2].norm in ("city", "capital"):
            prev = "in"
        if prev not in ("in", "at") and prev not in _VISITED:
            continue
        if k + 1 < len(units) and units[k + 1].kind in ("ORG", "POSS"):
            continue  # "in Xi'an Declaration"-like names are not places
        found.append((k, u))
    if not found:
        return None
    if at is not None and len(found) > 1:
        lo, hi = 0, len(units)
        for k, u in enumerate(units):
            if u.norm in _CLAUSE_MARKS:
                if starts[k] < at:
                    lo = k
                elif hi == len(units):
                    hi = k
        here = [(k, u) for k, u in found if lo <= k < hi]
        for kind in (PLACE, COUNTRY):
            got = next((u for _, u in here if u.kind == kind), None)
            if got:
                return got.canonical
    for kind in (PLACE, COUNTRY):
        got = next((u for _, u in found if u.kind == kind), None)
        if got:
            return got.canonical
    return None


def merge_same_day(events: list[dict]) -> list[dict]:
    """One article's sentences about one happening are one event with every sentence
    as evidence: the same day (and end) with the same people or the same summary, in
    no two places. Sentences about one day with other people are other happenings."""
    merged: list[dict] = []
    for ev in events:
        got = next(
            (m for m in merged if m["date"] == ev["date"] and m["precision"] == ev["precision"]
             and m.get("end_date") == ev.get("end_date")
             and (not m["place"] or not ev["place"] or m["place"] == ev["place"])
             and (m["evidence"] == ev["evidence"] or m["summary"] == ev["summary"]
                  or (ev["participants"] and set(m["participants"]) == set(ev["participants"])))),
            None,
        )
        if got is None:
            merged.append(ev)
            continue
        for item in ev["evidence"]:
            if item not in got["evidence"]:
                got["evidence"].append(item)
        got["place"] = got["place"] or ev["place"]
        got["planned"] = got["planned"] and ev["planned"]
    return merged
