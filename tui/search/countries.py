"""Countries as a query names them, resolved to the names officials are stored with.

``kz``, ``KAZ``, ``Kazakh``, ``Kazakhstani``, ``Qazaqstan`` and ``Republic of Kazakhstan`` all
mean ``Kazakhstan``. The names, other forms, demonyms and ISO codes come from
``data/gazetteer/countries.json`` — the file extraction takes its country names from, so a
resolved name is exactly what an official's ``country`` holds. Read when a query first names
a country, not by every process.
"""

from __future__ import annotations

import json
from bisect import bisect_left
from functools import cache

from tui.paths import data_dir
from tui.search.text import tokens

AMBIGUOUS_SHOWN = 4  # candidates named when a prefix fits several countries


class UnknownCountry(ValueError):
    """A value that names no country, or several; the message is for the user."""


def _key(text: str) -> str:
    """Folded words of a country's name, without a leading "the": ``"the U.S."`` → ``"u s"``."""
    words = tokens(text)
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    return " ".join(words)


@cache
def _table() -> tuple[dict[str, str], list[tuple[str, str]]]:
    """(exact key → country, sorted (key, country) of the names and demonyms, for prefixes:
    the longer forms would make ``rep`` the start of every "Republic of …")."""
    data = json.loads((data_dir() / "gazetteer" / "countries.json").read_text(encoding="utf-8"))
    exact: dict[str, str] = {}
    spelled: set[tuple[str, str]] = set()
    for country in data["countries"]:
        name = country["name"]
        for form in (name, *country.get("demonyms", ())):
            spelled.add((_key(form), name))
        for form in (name, *country.get("forms", ()), *country.get("demonyms", ()), *country.get("codes", ())):
            exact.setdefault(_key(form), name)
    return exact, sorted(spelled)


def canonical_country(value: str) -> str:
    """The country ``value`` names: a name, another form, a demonym or an ISO code (any case),
    or the start of exactly one country's name or demonym (``kyr`` → Kyrgyzstan: the
    search box narrows as you type). Raises ``UnknownCountry`` for none or several."""
    key = _key(value)
    exact, spelled = _table()
    found = exact.get(key)
    if found is not None:
        return found
    candidates: set[str] = set()
    if key:
        for form, country in spelled[bisect_left(spelled, (key, "")):]:
            if not form.startswith(key):
                break
            candidates.add(country)
    if len(candidates) == 1:
        return candidates.pop()
    if candidates:
        named = sorted(candidates)
        more = ", …" if len(named) > AMBIGUOUS_SHOWN else ""
        raise UnknownCountry(f"could be {', '.join(named[:AMBIGUOUS_SHOWN])}{more}: type more of the name")
    raise UnknownCountry("is not a country cca-tui knows (give a name, a code or a demonym: Kazakhstan, KZ, Kazakh)")
