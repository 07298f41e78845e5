"""Lists that pair offices and names apart.

"the foreign ministers of Pakistan and Belarus – Dar and Aleynik",
"Foreign Ministers Lavrov, Saidov and Muhriddin of Russia, Uzbekistan and
Tajikistan respectively", "Culture ministers X, Y and Z": a plural title
shared by a list of names, with a list of countries (before the names or after
them with "respectively") paired in order when the counts agree.
"""

from __future__ import annotations

from tui.extract.gazetteer import Gazetteer
from tui.extract.officials import NameRun, Sentence
from tui.extract.sentence import TitleChunk
from tui.extract.units import CONN, COUNTRY, DEM, HEAD, LOW, MOD, NAME, ORG, PLACE, PORT, Unit

_SEPARATORS = frozenset({",", ":", "–", "—", "-"})
# The last gazetteer asked about (there is one per process) with its singulars: the object
# itself is kept and compared, so a new gazetteer never gets another's table.
_SINGULARS: tuple[Gazetteer, dict[str, str]] | None = None
_LOWER = frozenset({"of", "the", "and", "for", "on", "in", "&"})


def _singulars(g: Gazetteer) -> dict[str, str]:
    """Plural title head -> singular: "ministers" -> "minister", "secretaries" -> "secretary"."""
    global _SINGULARS
    if _SINGULARS is not None and _SINGULARS[0] is g:
        return _SINGULARS[1]
    out: dict[str, str] = {}
    for head in g.heads | g.lower_heads:
        if " " in head:
            continue
        if head.endswith("man"):
            out[head[:-3] + "men"] = head
        elif head.endswith("y") and head[-2:-1] not in ("a", "e", "i", "o", "u"):
            out[head[:-1] + "ies"] = head  # deputy → deputies; but envoy → envoys, attorney → attorneys
        else:
            out[head + "s"] = head
    _SINGULARS = (g, out)
    return out


def pair_lists(sent: Sentence, runs: list[NameRun], g: Gazetteer) -> None:
    """Give each name of a list its share of a plural title (and its country)."""
    if not runs or not sent.plural:
        return
    plurals = _singulars(g)
    units = sent.units
    by_start = {r.a: r for r in runs}
    for k, u in enumerate(units):
        if u.norm in plurals:
            _pair_at(units, k, plurals[u.norm], by_start)


def _pair_at(units: list[Unit], k: int, singular: str, by_start: dict[int, NameRun]) -> None:
    n = len(units)
    a = k
    shared = None  # "Kazakh ministers X and Y": one country for all
    while a > 0 and units[a - 1].kind in (MOD, PORT, DEM, HEAD) and units[a - 1].is_word:
        a -= 1
        if units[a].kind == DEM:
            shared = units[a].country
            break
    words = [_word(units[i]) for i in range(a, k) if units[i].kind != DEM] + [_cap(singular)]
    j = k + 1
    # "of foreign affairs", "of energy and water resources": the office's complement
    while j + 1 < n and units[j].norm == "of" and _complement_word(units[j + 1]):
        words.append("of")
        j += 1
        while j < n and (_complement_word(units[j]) or (units[j].norm == "and" and j + 1 < n
                                                       and _complement_word(units[j + 1]))):
            words.append(_word(units[j]))
            j += 1
    title = " ".join(words)
    countries, j = _countries(units, j)
    if j < n and units[j].norm in _SEPARATORS:
        j += 1
    names: list[NameRun] = []
    while j in by_start:
        run = by_start[j]
        names.append(run)
        j = run.b
        if j < n and units[j].norm == ",":
            j += 1
        if j < n and units[j].norm == "and":
            j += 1
    if not names or (len(names) < 2 and not countries):
        return
    if not countries:
        after, end = _countries(units, names[-1].b)
        if after and end < n and units[end].norm == "respectively":
            countries = after
    if countries and len(countries) != len(names):
        return
    for i, run in enumerate(names):
        if run.chunks:
            continue  # its own title is stated
        country = countries[i] if countries else shared
        run.chunks.append(TitleChunk(k, k + 1, [title], country, detached=True))


def _countries(units: list[Unit], j: int) -> tuple[list[str], int]:
    """"of [the] A, B and C" from ``j``: the countries and where the list ends."""
    n = len(units)
    if not (j < n and units[j].norm == "of"):
        return [], j
    i = j + 1
    if i < n and units[i].norm == "the":
        i += 1
    out: list[str] = []
    while i < n and (units[i].kind in (COUNTRY, DEM) or (units[i].kind == PLACE and units[i].country)):
        out.append(units[i].country)
        i += 1
        if i < n and units[i].norm == ",":
            i += 1
        if i < n and units[i].norm == "and":
            i += 1
    if not out:
        return [], j
    while units[i - 1].kind == CONN or units[i - 1].norm == ",":
        i -= 1
    return out, i


def _complement_word(u: Unit) -> bool:
    return u.is_word and (u.kind in (PORT, ORG, NAME, MOD) or (u.kind == LOW and u.norm.isalpha()))


def _word(u: Unit) -> str:
    return u.text if u.norm in _LOWER else _cap(u.text)


def _cap(word: str) -> str:
    return word[:1].upper() + word[1:]
