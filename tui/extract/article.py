"""``extract_article``: officials and events of one article record."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from bisect import bisect_left, bisect_right

from tui.extract.dates import find_dates
from tui.extract.events import merge_same_day, sentence_events
from tui.extract.furniture import dateline_end
from tui.extract.gazetteer import Gazetteer, gazetteer, norm_word
from tui.extract.lists import pair_lists
from tui.extract.officials import Sentence, delegation_country, parse_sentence
from tui.extract.people import OfficialResolver, holds_office, host_country_fallback, person_record
from tui.extract.references import resolve_references
from tui.extract.relative import Anchors
from tui.extract.summary import title_cuts
from tui.extract.text import lower_exact, sentences
from tui.extract.units import COUNTRY, DEM, PLACE, date_places, paragraph_tokens, sentence_units


def _published(value: object) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and len(value) >= 10:
        try:
            return dt.date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


# /2024/04/ or /2024/04/13/ in an article's address: when it was published
_URL_DATE = re.compile(r"/((?:19|20)\d\d)[/-](0[1-9]|1[0-2])(?:[/-](0[1-9]|[12]\d|3[01]))?(?=[/-])")


def reference_date(article: dict) -> tuple[dt.date | None, bool]:
    """What the article's undated and relative dates count from, and whether it is
    only approximate: the publication day, else the day or the month's last day its
    URL gives (approximate: a year for "on April 12", no day for "today")."""
    published = _published(article.get("published"))
    if published:
        return published, False
    url = article.get("url")
    m = _URL_DATE.search(url) if isinstance(url, str) else None
    if not m:
        return None, False
    year, month = int(m.group(1)), int(m.group(2))
    if m.group(3):
        try:
            return dt.date(year, month, int(m.group(3))), False
        except ValueError:
            pass
    return dt.date(year, month, calendar.monthrange(year, month)[1]), True


def _is_place(word: str) -> bool:
    got = gazetteer().phrases.get((norm_word(word),))
    return got is not None and got[0] in ("place", "country")


def article_sentences(article: dict) -> list[Sentence]:
    """Sentences of the article's body paragraphs (headings skipped; the
    dateline or publication stamp opening the first paragraph left out)."""
    g = gazetteer()
    out: list[Sentence] = []
    first = True
    for para in article.get("paragraphs", []):
        if para.get("kind") == "heading":
            continue
        text = para.get("text") or ""
        skip = dateline_end(text, _is_place) if first else 0
        first = False
        tokens = paragraph_tokens(text, g)
        lowered = lower_exact(text)
        starts, ends = tokens.starts, tokens.ends
        t = 0
        for s, e in sentences(text[skip:]):
            s, e = s + skip, e + skip
            t = bisect_left(starts, s, t)  # tokens of the dateline are left out
            u = bisect_right(ends, e, t)
            units, unit_starts, unit_ends = sentence_units(tokens, t, u, g)
            sent = Sentence(para["n"], s, e, text, units, unit_starts, unit_ends)
            sent.lowered = lowered
            # a token cut by the dateline leaves characters no token of the sentence holds
            if not (t and ends[t - 1] > s):
                sent.date_places = date_places(tokens, t, u)
            out.append(sent)
            t = u
    return out


def _first_country(text: str, g: Gazetteer) -> str | None:
    tokens = paragraph_tokens(text, g)
    units, _, _ = sentence_units(tokens, 0, len(tokens.units), g)
    return next((u.country for u in units if u.kind in (COUNTRY, DEM, PLACE) and u.country), None)


def outlet_country(outlet: object, g: Gazetteer) -> str | None:
    """The country an outlet is based in: from the outlets list, else a country
    named in its name ("Ministry of Foreign Affairs of the Republic of Tajikistan")."""
    if not isinstance(outlet, str) or not outlet.strip():
        return None
    name = " ".join(outlet.split())
    return g.outlets.get(norm_word(name)) or _first_country(name, g)


def dateline_country(article: dict, g: Gazetteer) -> str | None:
    """The country of the place in the dateline opening the body ("ASTANA, June 3 (Xinhua) --")."""
    for para in article.get("paragraphs", []):
        if para.get("kind") == "heading":
            continue
        text = para.get("text") or ""
        end = dateline_end(text, _is_place)
        # datelines are written in capitals: "ASTANA" is the place the gazetteer spells "Astana"
        return _first_country(text[:end].title(), g) if end else None
    return None


def extract_article(article: dict) -> dict:
    """Officials and events stated in one article.

    ``article`` is an ingest record: ``id``, ``published`` (ISO day or None) and
    ``paragraphs`` (``n``, ``kind``, ``text``). Returns ``{"officials": [...],
    "events": [...]}`` of plain JSON-ready dicts; officials in order of first
    mention, events in date order.
    """
    g = gazetteer()
    article_id = article.get("id", "")
    published = _published(article.get("published"))
    published_iso = published.isoformat() if published else None
    reference, approx = reference_date(article)
    sents = article_sentences(article)
    runs = []
    delegations: dict[Sentence, tuple[int, str]] = {}
    earlier: tuple[int, str] | None = None  # (paragraph, country) of the last delegation named
    for sent in sents:
        found = parse_sentence(sent, g)
        pair_lists(sent, found, g)
        runs.extend(found)
        d = delegation_country(sent, earlier[1] if earlier and earlier[0] == sent.paragraph else None)
        if d:
            delegations[sent] = d
            earlier = (sent.paragraph, d[1])
    resolver = OfficialResolver(g, reference.year if reference else None)
    per_sentence = resolver.run(runs, delegations)
    cuts = title_cuts(runs)
    # people who hold no public office are no officials, nor a clue to the host side
    people = sorted((p for p in resolver.people if p.mentions and holds_office(p)), key=lambda p: min(p.mentions))
    host_country_fallback(people, (outlet_country(article.get("outlet"), g), dateline_country(article, g)))
    resolve_references(sents, people, resolver.year, per_sentence)
    officials = [person_record(p, article_id, published_iso) for p in people]
    officials_of = set(people)
    events: list[dict] = []
    anchors = Anchors(None if approx else reference)
    for sent in sents:
        mentions = find_dates(sent.text, sent.start, sent.end, reference, sent.date_places, sent.lowered, approx)
        relative = anchors.resolve(sent.text, sent.start, sent.end, mentions, sent.lowered)
        if relative:
            mentions = sorted(mentions + relative, key=lambda d: d.start)
        if not mentions:
            continue
        anchors.update(sent.text, sent.start, sent.end, mentions)
        takers = [p for p in per_sentence.get(sent, ()) if p in officials_of]
        events.extend(sentence_events(sent, mentions, reference, takers, article_id, cuts.get(sent)))
    events = merge_same_day(events)
    events.sort(key=lambda e: e["date"])
    return {"officials": officials, "events": events}
