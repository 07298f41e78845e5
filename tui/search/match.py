"""What a ``Query`` asks of each kind of record: one matching for articles, officials and events.

Articles are matched through the index (``tui.search.engine``), which checks each distinct
outlet and name with the predicates here; officials and events are matched here, record by
record. Every condition narrows (AND):

===================  ==============================  ==============================  ===========================
condition            an article                      an official                     an event
===================  ==============================  ==============================  ===========================
words, "phrases",    in its title or paragraphs      in the name, aliases, titles    in the summary, place,
-excluded                                            or country (a name word also    participants or evidence
                                                     with a typo, see below)
outlet:X             its outlet's name contains X    named in an article of such     stated in an article of such
                                                     an outlet                       an outlet
country:C            names an official of C          is of C                         has a participant of C
official:N           names N                         is N                            has N among its participants
since:/until:        published in the window         named in an article published   dated in (overlapping) the
                                                     in the window                   window
tag:T, -tag:T,       tagged T (or not); a note on    tagged T (or not); named in an  tagged T (or not); stated in
note:W               it holds W                      article with such a note        an article with such a note
===================  ==============================  ==============================  ===========================

Tags and notes are the user's (``tui.search.annotations``); an article's are applied as a
set of article ids the index search narrows to, never put in the index.

Two values of one field must both hold: ``outlet:A outlet:B`` needs an outlet whose name holds
both; ``country:A country:B`` finds no official (each has one country) but the events with
participants of both. An official's outlet and date conditions hold in one and the same
article (the officials named in the articles the Articles pane lists for them).

Names (``official:``, and typed words in the Officials pane) match word by word: each word of
the value starts a word of one name or alias (``wan`` → Wang Yi, ``Wang Yi`` → Wang Yi), or, a
word of ``FUZZY_MIN`` letters or more, is that word with a typo (same first letter, one edit,
two from nine letters: ``Kulubaev`` → Kulubayev) — never a likeness to the whole name, so
``wang`` does not find Li Qiang or Ding Xuexiang.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import TYPE_CHECKING

from tui.dates import parse_period
from tui.records import Article, Event, Official
from tui.search.query import Query
from tui.search.text import fold, token_string, tokens

if TYPE_CHECKING:
    from tui.search.annotations import Annotations

FUZZY_MIN = 6  # shorter words (Wang, Qiang, Li) are too alike to forgive a typo in
FUZZY_LONG = 9  # from this many letters, two edits are forgiven


# -- one field at a time: shared with the index --------------------------------------------


def outlet_matches(wanted: str, outlet: str) -> bool:
    """An ``outlet:`` value (folded) against a folded outlet name: a part of it."""
    return wanted in outlet


def published_within(published: str, query: Query) -> bool:
    """Whether an article published on ``published`` (ISO date) falls in the since/until window."""
    if query.since and (not published or published < query.since.start.isoformat()):
        return False
    if query.until and (not published or published > query.until.end.isoformat()):
        return False
    return True


def same_country(wanted: str, country: str | None) -> bool:
    """A canonical ``country:`` value against a stored country."""
    return bool(country) and fold(wanted) == fold(country)


@lru_cache(maxsize=8192)
def _name_words(name: str) -> tuple[str, ...]:
    return tuple(tokens(name))


def _word_matches(word: str, token: str) -> bool:
    if token.startswith(word):
        return True
    if len(word) < FUZZY_MIN or word[0] != token[0] or not word.isalpha():
        return False
    allowed = 2 if len(word) >= FUZZY_LONG else 1
    if abs(len(token) - len(word)) > allowed:
        return False
    from rapidfuzz.distance import Levenshtein  # only names need it: ~25 ms off every start

    return Levenshtein.distance(word, token, score_cutoff=allowed) <= allowed


def name_matches(wanted: str, names: Iterable[str]) -> bool:
    """Whether ``wanted`` names one of ``names`` (folded names and aliases): each of its words
    starts a word of that name or is it with a typo (see the module's docstring)."""
    want = _name_words(wanted)  # the index asks this of every distinct name: tokenize once
    if not want:
        return True
    for name in names:
        words = _name_words(name)
        if all(any(_word_matches(w, t) for t in words) for w in want):
            return True
    return False


def period_overlaps(date_text: str | None, query: Query) -> bool:
    """Whether a day, month or year (``2023-05``) overlaps the since/until window."""
    if not (query.since or query.until):
        return True
    try:
        period = parse_period(date_text or "")
    except ValueError:
        return False
    if query.since and period.end < query.since.start:
        return False
    if query.until and period.start > query.until.end:
        return False
    return True


# -- the articles officials and events come from -------------------------------------------


class ArticleSources:
    """Each article's outlet and publication date by id: what ``outlet:``, ``since:`` and
    ``until:`` ask of the articles an official is named in or an event is stated in.

    ``articles`` (records or headings, or a function giving them) is read when a query first
    has such a condition; the articles passing each distinct condition are kept."""

    def __init__(self, articles: Iterable[Article] | Callable[[], Iterable[Article]]):
        self._articles = articles
        self._rows: list[tuple[str, str, str]] | None = None
        self._passing: dict[tuple, frozenset[str]] = {}

    def passing(self, query: Query, dates: bool = True) -> frozenset[str] | None:
        """Ids of the articles meeting the query's outlet (and, if ``dates``, since/until)
        conditions together; None when it has none."""
        since, until = (query.since, query.until) if dates else (None, None)
        if not (query.outlets or since or until):
            return None
        key = (tuple(query.outlets), since, until)
        found = self._passing.get(key)
        if found is None:
            if self._rows is None:
                articles = self._articles() if callable(self._articles) else self._articles
                self._rows = [(a.id, fold(a.outlet or ""), a.published or "") for a in articles]
            window = Query(since=since, until=until)
            found = frozenset(
                article_id for article_id, outlet, published in self._rows
                if all(outlet_matches(o, outlet) for o in query.outlets) and published_within(published, window)
            )
            if len(self._passing) > 32:  # typing makes few distinct conditions; never grow unbounded
                self._passing.clear()
            self._passing[key] = found
        return found


def _from_passing(article_ids: Iterable[str] | None, passing: frozenset[str] | None) -> bool:
    return passing is None or not passing.isdisjoint(article_ids or ())


def _text_matches(haystack: str, query: Query, names: list[str] | None = None) -> bool:
    if any(f" {w} " in haystack for w in query.excluded_words):
        return False
    if any(p in haystack for p in query.excluded_phrases):
        return False
    if not all(p.rstrip() in haystack for p in query.phrases):
        return False
    # Each word starts a word of the text, or (``names`` given) is a name word with a typo.
    return all(f" {w}" in haystack or (names is not None and name_matches(w, names)) for w in query.words)


# -- officials and events -------------------------------------------------------------------


def official_matches(official: Official, query: Query, sources: ArticleSources | None = None,
                     annotations: Annotations | None = None) -> bool:
    """Whether ``official`` meets every condition of ``query`` (the table in the module's
    docstring); ``sources`` is needed when the query has outlet or date conditions,
    ``annotations`` when it has tag or note conditions."""
    if query.has_user_conditions and not _annotations(annotations).official_passes(
            official.id, official.article_ids, query):
        return False
    if query.countries and not all(same_country(c, official.country) for c in query.countries):
        return False
    names = [fold(n) for n in official.names if n]
    if query.officials and not all(name_matches(o, names) for o in query.officials):
        return False
    if (query.outlets or query.since or query.until) and not _from_passing(
            official.article_ids, _sources(sources).passing(query)):
        return False
    if not query.has_text:
        return True
    haystack = token_string(" ".join([*names, *official.titles, official.country or ""]))
    return _text_matches(haystack, query, names)


def event_matches(event: Event, query: Query, countries_of: dict[str, str | None],
                  sources: ArticleSources | None = None, annotations: Annotations | None = None) -> bool:
    """Whether ``event`` meets every condition of ``query`` (the table in the module's
    docstring); ``countries_of`` maps participants' names to their countries, ``sources``
    is needed when the query has an outlet condition, ``annotations`` when it has tag or
    note conditions."""
    if query.has_user_conditions and not _annotations(annotations).event_passes(event.id, event.article_ids, query):
        return False
    if not period_overlaps(event.date, query):
        return False
    participants = event.participants
    folded = [fold(p) for p in participants]
    if query.officials and not all(name_matches(o, folded) for o in query.officials):
        return False
    if query.countries and not all(any(same_country(c, countries_of.get(p)) for p in participants)
                                   for c in query.countries):
        return False
    if query.outlets and not _from_passing(event.article_ids, _sources(sources).passing(query, dates=False)):
        return False
    if not query.has_text:
        return True
    evidence = " ".join(e.text or "" for e in event.evidence)
    haystack = token_string(" ".join([event.summary or "", event.place or "", evidence, *participants]))
    return _text_matches(haystack, query)


def _annotations(annotations: Annotations | None) -> Annotations:
    if annotations is None:
        raise ValueError("tag: and note: need the user's tags and notes (Annotations)")
    return annotations


def _sources(sources: ArticleSources | None) -> ArticleSources:
    if sources is None:
        raise ValueError("outlet:, since: and until: need the articles' sources (ArticleSources)")
    return sources
