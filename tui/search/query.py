"""The query language shared by the CLI and the TUI.

``words`` must all match (case- and accent-blind), ``"exact phrases"``,
``-excluded`` words or phrases, and filters ``outlet:``, ``country:``,
``official:`` (alias ``person:``), ``since:``, ``until:``, and on what the user wrote:
``tag:NAME`` (and ``-tag:NAME``, not tagged so) and ``note:WORD`` (a note holds the word;
``note:"two words"`` the phrase). Filter values may be quoted: ``outlet:"Astana Times"``.
 A ``Query`` is parsed from text (``parse_query``)
or built from values one by one (``conditions``: the filter picker, the CLI's flags);
``a & b`` is the query both narrow to. ``tui.search.match`` says what each condition
asks of an article, an official and an event.

A query is normalized as stored text is (``tui.ingest.sanitize``: no controls,
bidi or zero-width characters, NFC) before it is read, so what can be stored
can be found.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tui.dates import Period, parse_period
from tui.ingest.sanitize import sanitize
from tui.search.countries import UnknownCountry, canonical_country
from tui.search.text import fold, tokens
from tui.tag_names import BadTagName, check_tag, tag_key

FILTERS = ("outlet", "country", "official", "since", "until", "tag", "note")
_ALIASES = {"person": "official"}

# A clause: optional "-", optional "name:", then a quoted string or a bare run.
_CLAUSE = re.compile(r'(-)?(?:([A-Za-z]+):)?(?:"([^"]*)"?|(\S+))?')


class QueryError(ValueError):
    """A query that cannot be understood; the message is for the user."""


@dataclass
class Query:
    """A parsed query. Empty lists/None mean "no constraint".

    Every condition narrows (AND), within a field as across fields. What each asks of an
    article, an official and an event is in ``tui.search.match``; in short, two values of a
    field must both hold: an article has one outlet, so ``outlet:A outlet:B`` finds none
    (unless one name holds the other); an official has one country, so
    ``country:China country:Kazakhstan`` finds no official, but does find the events with
    a Chinese and a Kazakh participant.
    """

    text: str = ""
    words: list[str] = field(default_factory=list)  # folded single tokens
    phrases: list[str] = field(default_factory=list)  # folded token strings " a b "
    excluded_words: list[str] = field(default_factory=list)
    excluded_phrases: list[str] = field(default_factory=list)
    outlets: list[str] = field(default_factory=list)  # folded
    countries: list[str] = field(default_factory=list)  # canonical names ("Kazakhstan" for kz, Kazakh)
    officials: list[str] = field(default_factory=list)  # raw (matched by name words later)
    since: Period | None = None
    until: Period | None = None
    # What the user wrote (``tui.search.annotations`` says what each asks of a record):
    tags: list[str] = field(default_factory=list)  # tag keys (tui.tag_names.tag_key)
    excluded_tags: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # folded terms: " word" (a start), " two words"

    def narrowed(self, other: Query) -> Query:
        """The query that holds where both ``self`` and ``other`` hold: every word, phrase,
        exclusion and filter value of both, the later ``since`` and the earlier ``until``."""
        return Query(
            text=" ".join(t for t in (self.text, other.text) if t),
            words=self.words + other.words,
            phrases=self.phrases + other.phrases,
            excluded_words=self.excluded_words + other.excluded_words,
            excluded_phrases=self.excluded_phrases + other.excluded_phrases,
            outlets=self.outlets + other.outlets,
            countries=self.countries + other.countries,
            officials=self.officials + other.officials,
            since=max((p for p in (self.since, other.since) if p), key=lambda p: p.start, default=None),
            until=min((p for p in (self.until, other.until) if p), key=lambda p: p.end, default=None),
            tags=self.tags + other.tags,
            excluded_tags=self.excluded_tags + other.excluded_tags,
            notes=self.notes + other.notes,
        )

    __and__ = narrowed

    @property
    def is_empty(self) -> bool:
        return not (self.has_text or self.has_filters)

    @property
    def has_text(self) -> bool:
        return bool(self.words or self.phrases or self.excluded_words or self.excluded_phrases)

    @property
    def has_filters(self) -> bool:
        return bool(self.outlets or self.countries or self.officials or self.since or self.until
                    or self.has_user_conditions)

    @property
    def has_user_conditions(self) -> bool:
        """Whether it asks about tags or notes: what the index cannot answer alone."""
        return bool(self.tags or self.excluded_tags or self.notes)

    @property
    def positive_terms(self) -> list[str]:
        """Words and phrases a hit paragraph may contain, as padded token strings."""
        return [f" {w}" for w in self.words] + self.phrases


def parse_query(text: str) -> Query:
    """Parse ``text``.

    Raises ``QueryError`` for unknown filters, bad dates, ``since:`` after ``until:``,
    and text with nothing to search (only punctuation, a lone ``-`` or ``"``); blank
    text is the empty query, which matches everything.
    """
    text = sanitize(text)
    query = Query(text=text)
    for match in _CLAUSE.finditer(text):
        negated, name, quoted, bare = match.groups()
        if not match.group(0):
            continue
        value = quoted if quoted is not None else (bare or "")
        if name is not None:
            key = _ALIASES.get(name.lower(), name.lower())
            if key not in FILTERS:
                known = ", ".join(f"{f}:" for f in (*FILTERS, "person"))
                raise QueryError(f"unknown filter {name}: in query (known filters: {known})")
            if negated and key != "tag":
                raise QueryError(f"filters cannot be negated: -{name}: (only -tag: is)")
            _add_filter(query, key, value, negated=bool(negated))
            continue
        words = tokens(value)
        if not words:
            continue
        if quoted is not None or len(words) > 1:
            # A quoted phrase, or a bare "Xi-Jinping"-like run of several tokens.
            phrase = " " + " ".join(words) + " "
            (query.excluded_phrases if negated else query.phrases).append(phrase)
        else:
            (query.excluded_words if negated else query.words).append(words[0])
    if query.is_empty and text.strip():
        raise QueryError(f"nothing to search in {text.strip()!r}: a query needs a word (letters or digits) or a filter")
    check_window(query)
    return query


def check_window(query: Query) -> Query:
    """``query``, or ``QueryError`` when its ``since:`` comes after its ``until:`` (nothing can match:
    surely a mistake in what was typed or picked)."""
    if query.since and query.until and query.since.start > query.until.end:
        raise QueryError(f"since: {_written(query.since)} comes after until: {_written(query.until)}, so nothing can match")
    return query


def _written(period: Period) -> str:
    start = period.start
    return {"year": f"{start:%Y}", "month": f"{start:%Y-%m}"}.get(period.precision, start.isoformat())


def conditions(*, outlet: str = "", country: str = "", official: str = "", since: str = "",
               until: str = "") -> Query:
    """A query of filters alone, built field by field from values chosen one by one (the filter
    picker's, the CLI's ``--country``/``--since``/… flags): no query text is written or parsed.
    Each value reads as it does after its filter name (``kz`` is Kazakhstan, ``2023-05`` a
    month); empty values add nothing; raises ``QueryError`` naming the filter."""
    query = Query()
    for key, value in (("outlet", outlet), ("country", country), ("official", official), ("since", since),
                       ("until", until)):
        value = sanitize(value or "")
        if value.strip():
            _add_filter(query, key, value)
    return check_window(query)


def _add_filter(query: Query, key: str, value: str, negated: bool = False) -> None:
    value = value.strip()
    if not value:
        raise QueryError(f"filter {key}: needs a value, e.g. {key}:{_EXAMPLES[key]}")
    if key == "tag":
        try:
            check_tag(value)
        except BadTagName as exc:
            raise QueryError(f"tag:{value} is not a tag name: {exc}") from None
        (query.excluded_tags if negated else query.tags).append(tag_key(value))
    elif key == "note":
        words = tokens(value)
        if not words:
            raise QueryError(f"note:{value} has no word to look for (letters or digits)")
        query.notes.append(" " + " ".join(words))
    elif key in ("since", "until"):
        try:
            period = parse_period(value)
        except ValueError as exc:
            raise QueryError(f"{key}: {exc}") from None
        # Two of the same narrow too: the later since, the earlier until.
        if key == "since" and (query.since is None or period.start > query.since.start):
            query.since = period
        elif key == "until" and (query.until is None or period.end < query.until.end):
            query.until = period
    elif key == "outlet":
        query.outlets.append(fold(value))
    elif key == "country":
        try:
            query.countries.append(canonical_country(value))
        except UnknownCountry as exc:
            raise QueryError(f"country:{value} {exc}") from None
    else:
        query.officials.append(value)


_EXAMPLES = {
    "outlet": "Daryo",
    "country": "Kazakhstan",
    "official": "Nurtleu",
    "since": "2023-05",
    "until": "2024",
    "tag": "chapter-3",
    "note": "verify",
}
