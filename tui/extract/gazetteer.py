"""The curated knowledge in ``data/gazetteer``, loaded once and indexed.

Everything the extractor needs to tell a title from a name, a country from a
person, or one spelling of a minister from another lives in these JSON files,
so curating them never requires a code change.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from tui.extract.names import fold, name_key, name_tokens
from tui.paths import data_dir


def norm_word(word: str) -> str:
    """Lower-case with typographic apostrophes straightened, for vocabulary lookups."""
    return word.replace("’", "'").replace("‘", "'").lower()


@dataclass(frozen=True)
class Person:
    """One entry of the who's-who."""

    id: str
    name: str
    country: str | None
    family_first: bool
    variants: tuple[str, ...]
    # (title, first year, last year or None while in office) from "President (2007-2022)"
    roles: tuple[tuple[str, int | None, int | None], ...] = ()

    def held(self, title: str, year: int | None) -> bool:
        """Did the who's-who record this person in ``title`` (in ``year``, when given)?"""
        want = norm_word(title)
        for role, first, last in self.roles:
            # a combined role counts for each part: "Deputy Prime Minister - Minister of Foreign Affairs"
            if want not in {norm_word(part).strip() for part in (role, *role.split(" - "))}:
                continue
            if year is None or first is None or (first <= year and (last is None or year <= last)):
                return True
        return False

    @property
    def surname(self) -> str:
        toks = name_tokens(self.name)
        return toks[0] if self.family_first else toks[-1]


@dataclass
class Gazetteer:
    """Indexed lookups over the shipped knowledge files."""

    # multi-word phrase (tuple of norm_word tokens) -> ("country"|"place", canonical, country)
    phrases: dict[tuple[str, ...], tuple[str, str, str]] = field(default_factory=dict)
    max_phrase: int = 1
    # first word -> phrase lengths starting with it, longest first (keeps lookups O(1) per token)
    phrase_sizes: dict[str, tuple[int, ...]] = field(default_factory=dict)
    demonyms: dict[str, str] = field(default_factory=dict)
    heads: set[str] = field(default_factory=set)
    lower_heads: set[str] = field(default_factory=set)
    modifiers: set[str] = field(default_factory=set)
    portfolios: set[str] = field(default_factory=set)
    org_words: set[str] = field(default_factory=set)
    group_words: set[str] = field(default_factory=set)
    stop_words: set[str] = field(default_factory=set)
    lower_org_words: set[str] = field(default_factory=set)
    occupations: set[str] = field(default_factory=set)
    people: list[Person] = field(default_factory=list)
    by_key: dict[str, Person] = field(default_factory=dict)
    by_surname: dict[str, list[Person]] = field(default_factory=dict)
    by_id: dict[str, Person] = field(default_factory=dict)
    country_names: set[str] = field(default_factory=set)
    outlets: dict[str, str] = field(default_factory=dict)  # norm_word(outlet name) -> country
    # run of non-space characters -> its classified tokens (see units.paragraph_tokens)
    word_cache: dict[str, tuple] = field(default_factory=dict, repr=False)

    def lookup_person(self, name: str) -> Person | None:
        """The who's-who entry a full written name refers to, if any."""
        return self.by_key.get(name_key(name))

    def lookup_surname(self, token: str) -> list[Person]:
        """Who's-who entries whose surname matches one written token."""
        return self.by_surname.get(fold(token), [])


def _load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


@cache
def gazetteer() -> Gazetteer:
    """The process-wide gazetteer (built on first use, then cached)."""
    root = data_dir() / "gazetteer"
    g = Gazetteer()

    def add_phrase(text: str, kind: str, canonical: str, country: str) -> None:
        toks = tuple(norm_word(t) for t in _split_phrase(text))
        if toks and toks[0] == "the" and len(toks) > 1:
            toks = toks[1:]
        g.phrases.setdefault(toks, (kind, canonical, country))
        g.max_phrase = max(g.max_phrase, len(toks))

    countries = _load(root / "countries.json")
    for c in countries["countries"]:
        g.country_names.add(c["name"])
        add_phrase(c["name"], "country", c["name"], c["name"])
        for form in c.get("forms", []):
            add_phrase(form, "country", c["name"], c["name"])
        for dem in c.get("demonyms", []):
            g.demonyms.setdefault(norm_word(dem), c["name"])
    for inst in countries.get("institutions", []):
        for form in [inst["name"], *inst.get("forms", [])]:
            add_phrase(form, "institution", inst["name"], inst["country"])
    for p in _load(root / "places.json")["places"]:
        for form in [p["name"], *p.get("forms", [])]:
            add_phrase(form, "place", p["name"], p["country"])

    sizes: dict[str, set[int]] = {}
    for toks in g.phrases:
        sizes.setdefault(toks[0], set()).add(len(toks))
    g.phrase_sizes = {w: tuple(sorted(s, reverse=True)) for w, s in sizes.items()}

    t = _load(root / "titles.json")
    g.heads = {norm_word(w) for w in t["heads"]}
    g.lower_heads = {norm_word(w) for w in t["lower_heads"]}
    g.modifiers = {norm_word(w) for w in t["modifiers"]}
    g.portfolios = {norm_word(w) for w in t["portfolios"]}
    g.org_words = {norm_word(w) for w in t["org_words"]}
    g.group_words = {norm_word(w) for w in t["group_words"]}
    g.stop_words = {norm_word(w) for w in t["stop_words"]}
    g.lower_org_words = {norm_word(w) for w in t.get("lower_org_words", [])}
    g.occupations = {norm_word(w) for w in t.get("occupations", [])}

    outlets = root / "outlets.json"
    for o in _load(outlets)["outlets"] if outlets.exists() else []:
        for form in [o["name"], *o.get("forms", [])]:
            g.outlets[norm_word(form)] = o["country"]

    for raw in _load(root / "people.json")["people"]:
        person = Person(
            id=raw["id"],
            name=raw["name"],
            country=raw.get("country"),
            family_first=bool(raw.get("family_first")),
            variants=tuple(raw.get("variants", [])),
            roles=tuple(t for r in raw.get("roles", []) for t in _roles(r)),
        )
        g.people.append(person)
        g.by_id[person.id] = person
        for form in (person.name, *person.variants):
            g.by_key.setdefault(name_key(form), person)
            toks = name_tokens(form)
            surname = toks[0] if (person.family_first or _surname_first(toks)) else toks[-1]
            bucket = g.by_surname.setdefault(fold(surname), [])
            if person not in bucket:
                bucket.append(person)
    return g


_ROLE = re.compile(r"^(.*?)\s*\(([\d\s,-]+)\)\s*$")


def _roles(text: str) -> list[tuple[str, int | None, int | None]]:
    """"President (2007-2022)" -> [("President", 2007, 2022)]; "(2013-2022, 2023-)" gives
    one entry per term, "-)" leaves the end open; "Ambassador to China" has no years."""
    m = _ROLE.match(text)
    if not m:
        return [(text.strip(), None, None)]
    out: list[tuple[str, int | None, int | None]] = []
    for term in m.group(2).split(","):
        first, dash, last = term.strip().partition("-")
        if first.isdigit():
            out.append((m.group(1), int(first), int(last) if last.isdigit() else (None if dash else int(first))))
    return out or [(m.group(1), None, None)]


def _surname_first(tokens: list[str]) -> bool:
    from tui.extract.names import is_patronymic

    return len(tokens) == 3 and is_patronymic(tokens[2])


def _split_phrase(text: str) -> list[str]:
    from tui.extract.text import tokenize

    return [tok.text for tok in tokenize(text)]
