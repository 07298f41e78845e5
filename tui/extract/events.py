"""Events: dated happenings, each with the sentence that states it.

Every explicit day is an event. A month, a year or a relative word ("last
year", "today") only counts when the sentence around it says something
happened (signed, held, visited, ...), so statistics ("trade reached $40
billion in 2023") stay out of the timeline.
"""

from __future__ import annotations

import datetime as dt
import re

from tui.extract.dates import DateMention, find_dates
from tui.extract.officials import PersonFacts, Sentence
from tui.extract.text import Caseless, lowered_span
from tui.extract.units import COUNTRY, PLACE

_OCCURRENCE = Caseless(
    r"\b(?:held|holds?|holding|sign(?:ed|s|ing)?|launch(?:ed|es|ing)?|establish(?:ed|ment)?|founded|open(?:ed|s|ing)"
    r"|inaugurat(?:ed|e|es|ion)|visit(?:ed|s|ing)?|met|meets?|meeting|took\s+place|takes?\s+place|hosted|hosts?"
    r"|adopted|attended|elected|appointed|became|created|announced|agreed|joined|completed|commissioned|started"
    r"|began|begins?|initiated|proposed|put\s+forward|concluded|celebrated|ratified|set\s+up|convened|organi[sz]ed"
    r"|gathered|arrived|departed|talks|summit|forum|ceremony|conference|session|unveiled|approved"
    r"|entered\s+into\s+force|came\s+into\s+force|kicked\s+off|chaired|co-chaired|participated|took\s+part"
    r"|delivered|addressed|received|paid|decided|launched|reached\s+an\s+agreement|(?:was|were)\s+reached|exchanged)\b",
)
_ATTRIBUTION_END = re.compile(
    r",\s*(?:(?:the\s+)?[^,]{0,60}?\s+)?(?:reports?|reported|said|says|informs?|stated|according\s+to[^,]*)\s*[.!]?\s*$",
    re.IGNORECASE,
)
_ATTRIBUTION_START = re.compile(r"^\s*According\s+to\s+[^,]{1,80},\s*", re.IGNORECASE)
_SUMMARY_MAX = 200


def sentence_events(
    sent: Sentence,
    published: dt.date | None,
    participants: list[PersonFacts],
    article_id: str,
) -> list[dict]:
    """The events one sentence states (usually none or one)."""
    mentions = find_dates(sent.text, sent.start, sent.end, published, sent.date_places, sent.lowered)
    if not mentions:
        return []
    evidence = sent.evidence
    occurs: bool | None = None  # looked for only when a date needs it
    # "on Thursday ... this year": the coarser date frames the finer one, it is no event of its own
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
            "summary": summarize(sent, d),
            "place": place,
            "participants": [p.name for p in participants],
            "evidence": [{"article_id": article_id, "paragraph": sent.paragraph, "text": evidence}],
        }
        if d.end_date:
            event["end_date"] = d.end_date
        events.append(event)
    return events


def summarize(sent: Sentence, d: DateMention) -> str:
    """The sentence without its date phrase and attribution, trimmed."""
    text = sent.text
    s, e = d.start, d.end
    # take the preposition with the date: "on March 30, 2024", "in May 2023"
    m = re.search(r"(?:\b(?:on|in|during|of|this|last|next)\s+)$", text[sent.start : s], re.IGNORECASE)
    if m:
        s = sent.start + m.start()
    before = text[sent.start : s].rstrip()
    after = text[e : sent.end]
    if after.startswith(",") and (not before or not before.endswith(",")):
        after = after[1:]
    # end at the clause that holds the date when what precedes it already says enough
    cut = after.find(", ")
    if cut > 0 and len(before.split()) + len(after[:cut].split()) >= 6:
        after = after[:cut]
    out = f"{before} {after.lstrip()}" if before else after.lstrip()
    out = _ATTRIBUTION_START.sub("", out)
    out = _ATTRIBUTION_END.sub("", out)
    out = re.sub(r"\s+([,.;:])", r"\1", re.sub(r"\s+", " ", out)).strip(" ,;:-–—").rstrip(".")
    if out:
        out = out[0].upper() + out[1:]
    if len(out) > _SUMMARY_MAX:
        out = out[: _SUMMARY_MAX].rsplit(" ", 1)[0].rstrip(",;:") + "…"
    return out


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
