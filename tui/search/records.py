"""The query language applied to officials and timeline events (lists in the CLI and TUI)."""

from __future__ import annotations

from tui.dates import parse_period
from tui.search.match import name_matches
from tui.search.query import Query
from tui.search.text import fold, token_string


def _text_matches(haystack: str, query: Query) -> bool:
    if any(f" {w} " in haystack for w in query.excluded_words):
        return False
    if any(p in haystack for p in query.excluded_phrases):
        return False
    return all(f" {w}" in haystack for w in query.words) and all(
        p.rstrip() in haystack for p in query.phrases
    )


def official_matches(official: dict, query: Query) -> bool:
    """Words match the name, aliases (fuzzily), titles or country; filters apply too."""
    names = [fold(n) for n in (official.get("name"), *official.get("aliases", ())) if n]
    if query.countries and not any(fold(official.get("country") or "") == fold(c) for c in query.countries):
        return False
    if query.officials and not all(name_matches(o, names) for o in query.officials):
        return False
    if not query.has_text:
        return True
    haystack = token_string(" ".join([*names, *official.get("titles", ()), official.get("country") or ""]))
    if _text_matches(haystack, query):
        return True
    # "Kulubaev" finds Kulubayev: a lone name-like word may match fuzzily.
    return (
        not query.excluded_words
        and not query.phrases
        and all(name_matches(w, names) for w in query.words)
    )


def event_overlaps(event: dict, query: Query) -> bool:
    """Whether the event's day/month/year overlaps the since/until window."""
    if not (query.since or query.until):
        return True
    try:
        period = parse_period(event["date"])
    except (KeyError, ValueError):
        return False
    if query.since and period.end < query.since.start:
        return False
    if query.until and period.start > query.until.end:
        return False
    return True


def event_matches(event: dict, query: Query, countries_of: dict[str, str | None]) -> bool:
    """Words match the summary, place or evidence; filters on date, participants, country."""
    if not event_overlaps(event, query):
        return False
    participants = event.get("participants") or []
    if query.officials and not all(name_matches(o, [fold(p) for p in participants]) for o in query.officials):
        return False
    if query.countries:
        have = {fold(countries_of.get(p) or "") for p in participants}
        if not all(fold(c) in have for c in query.countries):
            return False
    if not query.has_text:
        return True
    evidence = " ".join(e.get("text", "") for e in event.get("evidence", []))
    haystack = token_string(" ".join([event.get("summary") or "", event.get("place") or "", evidence, *participants]))
    return _text_matches(haystack, query)
