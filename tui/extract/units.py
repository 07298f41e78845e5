"""Classify a sentence's tokens into units: names, title words, places, ...

A unit is one token, or several when a multi-word country or place name
("People's Republic of China", "Inner Mongolia") matches the gazetteer.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from tui.extract.dates import anchor_families
from tui.extract.gazetteer import Gazetteer
from tui.extract.text import SPACE_RUN, Piece, chunk_tokens

# kinds
NAME = "NAME"  # capitalised word that is no vocabulary word: maybe part of a person's name
HEAD = "HEAD"  # singular title head: Minister, President, member (lower-case allowed)
GROUP = "GROUP"  # plural title head: Ministers, Leaders
MOD = "MOD"  # title modifier: Deputy, Vice, Prime, Foreign
PORT = "PORT"  # portfolio word: Affairs, Energy, Trade
ORG = "ORG"  # organisation word or acronym: Ministry, Committee, CPC
DEM = "DEM"  # nationality word: Chinese, Kazakh
COUNTRY = "COUNTRY"
PLACE = "PLACE"
STOP = "STOP"  # capitalised function word: The, He, Meanwhile
HON = "HON"  # Mr., Mrs., H.E.: transparent between a title and a name
OCC = "OCC"  # occupation: Engineer, Professor (neither a name nor an office)
CONN = "CONN"  # of, the, for, to, on, and, &
DASH = "DASH"  # – — or a free-standing hyphen
POSS = "POSS"  # 's
LOW = "LOW"  # any other lower-case word
PUNCT = "PUNCT"
NUM = "NUM"

VOCAB = frozenset({HEAD, MOD, PORT, ORG, DEM, COUNTRY, PLACE})
_CONNECTORS = frozenset({"of", "the", "for", "to", "on", "and", "&", "in"})
_LOWER_MODS = frozenset({
    "deputy", "vice", "foreign", "prime", "first", "executive", "special", "state", "acting",
    "senior", "assistant", "general", "chief", "permanent", "party", "ministry",
})
_HONORIFICS = frozenset({"mr", "mrs", "ms", "h.e", "dr", "madam", "mister", "sir"})


@dataclass(slots=True, eq=False)
class Unit:
    """A classified token or multi-token gazetteer match.

    Units carry no position: one ``Unit`` serves every occurrence of a spelling
    (so a sentence's units are a list slice, not hundreds of new objects); the
    character spans live beside them in ``Sentence.starts`` / ``Sentence.ends``.
    """

    kind: str
    text: str
    norm: str
    country: str | None = None  # for COUNTRY / PLACE / DEM
    canonical: str | None = None  # for COUNTRY / PLACE
    lower: bool = False  # written in lower case (member, foreign minister)
    is_word: bool = True
    sizes: tuple[int, ...] | None = None  # lengths of gazetteer phrases it may open
    anchors: tuple[tuple[int, str], ...] = ()  # where a date may begin in it (dates.anchor_families)


_CACHE_MAX = 200_000


@dataclass(slots=True)
class ParagraphTokens:
    """The classified tokens of a paragraph as parallel lists."""

    units: list[Unit]
    starts: list[int]
    ends: list[int]
    openers: list[int]  # indices of tokens that may open a gazetteer phrase
    anchored: list[int]  # indices of tokens where a date may begin


def paragraph_tokens(text: str, g: Gazetteer) -> ParagraphTokens:
    """Every token of a paragraph, classified.

    Tokenization and classification depend only on each run of non-space
    characters, so both are cached per run on the gazetteer: a run of one plain
    word (most runs) as its ``Unit``, any other as ``(start, end, unit)`` triples."""
    cache = g.word_cache
    units: list[Unit] = []
    starts: list[int] = []
    ends: list[int] = []
    openers: list[int] = []
    anchored: list[int] = []
    add_unit, add_start, add_end = units.append, starts.append, ends.append
    runs = text.split()
    places = None
    if " ".join(runs) != text:  # not single-spaced: positions from a scan
        found = list(SPACE_RUN.finditer(text))
        runs = [m.group() for m in found]
        places = [m.start() for m in found]
    pos = 0
    for i, run in enumerate(runs):
        if places is not None:
            pos = places[i]
        got = cache.get(run)
        if got is None:
            got = _run_units(run, g)
            if len(cache) >= _CACHE_MAX:
                cache.clear()  # a bound, not a policy: it refills from the next articles
            cache[run] = got
        if got.__class__ is Unit:
            add_unit(got)
            add_start(pos)
            pos += len(run)
            add_end(pos)
            pos += 1
            continue
        for a, b, u in got:
            if u.sizes:
                openers.append(len(units))
            if u.anchors:
                anchored.append(len(units))
            add_unit(u)
            add_start(pos + a)
            add_end(pos + b)
        pos += len(run) + 1
    return ParagraphTokens(units, starts, ends, openers, anchored)


def _run_units(run: str, g: Gazetteer) -> Unit | tuple[tuple[int, int, Unit], ...]:
    got = tuple((a, b, _unit(p, g)) for a, b, p in chunk_tokens(run))
    if len(got) == 1 and got[0][:2] == (0, len(run)) and not got[0][2].sizes and not got[0][2].anchors:
        return got[0][2]
    return got


def _unit(p: Piece, g: Gazetteer) -> Unit:
    _, _, text, norm, is_word, is_cap = p
    kind, country, lower = _kind(text, norm, is_word, is_cap, g)
    return Unit(kind, text, norm, country, None, lower, is_word, g.phrase_sizes.get(norm) if is_cap else None,
                anchor_families(text))


def date_places(tokens: ParagraphTokens, t: int, u: int) -> list[tuple[int, str]]:
    """``(position, family)`` where a date may begin among tokens ``t:u``."""
    anchored = tokens.anchored
    lo = bisect_left(anchored, t)
    hi = bisect_left(anchored, u, lo)
    units, starts = tokens.units, tokens.starts
    return [(starts[k] + off, family) for k in anchored[lo:hi] for off, family in units[k].anchors]


def sentence_units(tokens: ParagraphTokens, t: int, u: int, g: Gazetteer) -> tuple[list[Unit], list[int], list[int]]:
    """The units of tokens ``t:u`` (one sentence) with their spans, longest
    gazetteer phrase first."""
    units, starts, ends = tokens.units[t:u], tokens.starts[t:u], tokens.ends[t:u]
    openers = tokens.openers
    lo = bisect_left(openers, t)
    hi = bisect_left(openers, u, lo)
    if lo == hi:
        return units, starts, ends
    phrases = g.phrases
    merged: list[tuple[int, int, Unit]] = []  # (first, one past last, unit), sentence-relative
    free = 0
    n = u - t
    for idx in range(lo, hi):
        k = openers[idx] - t
        if k < free:
            continue  # inside a phrase already matched
        for size in units[k].sizes:
            if size > n - k:
                continue
            key = tuple([x.norm for x in units[k : k + size]])
            found = phrases.get(key)
            if found and units[k + size - 1].is_word:
                kind, canonical, country = found
                span = units[k : k + size]
                kind = {"country": COUNTRY, "place": PLACE}.get(kind, ORG)  # institutions are ORG
                merged.append((k, k + size, Unit(kind, " ".join(x.text for x in span), " ".join(key),
                                                 country, canonical)))
                free = k + size
                break
    for a, b, unit in reversed(merged):
        units[a:b] = [unit]
        starts[a:b] = [starts[a]]
        ends[a:b] = [ends[b - 1]]
    return units, starts, ends


def _kind(text: str, n: str, is_word: bool, is_cap: bool, g: Gazetteer) -> tuple[str, str | None, bool]:
    """(kind, country, written in lower case) of one token."""
    if not is_word:
        if n in ("–", "—", "-"):
            return DASH, None, False
        if n == "'s":
            return POSS, None, False
        if n == "&":
            return CONN, None, False
        if n[0].isdigit():
            return NUM, None, False
        return PUNCT, None, False
    if not is_cap:
        if n in g.lower_heads:
            return HEAD, None, True
        if n in _LOWER_MODS:
            return MOD, None, True
        if n in g.lower_org_words:
            return ORG, None, False
        if n in _CONNECTORS:
            return CONN, None, False
        if n in g.group_words:
            return GROUP, None, True  # "the foreign ministers of ...": a plural title
        return LOW, None, False
    if len(text) > 4 and text.isupper() and n in g.outlets:
        return STOP, None, False  # "ASTANA. KAZINFORM Chinese ...": an outlet's name is no part of a title
    if n in g.demonyms:
        return DEM, g.demonyms[n], False
    if n in g.heads:
        return HEAD, None, False
    if n in g.group_words:
        return GROUP, None, False
    if n in g.modifiers:
        return MOD, None, False
    if n in g.portfolios:
        return PORT, None, False
    if n in g.org_words:
        return ORG, None, False
    if n in _HONORIFICS:
        return HON, None, False
    if n in g.occupations:
        return OCC, None, False
    if n in g.stop_words:
        return STOP, None, False
    if "-" in n and _hyphen_vocab(n, g):
        return (HEAD if n in g.heads else ORG), None, False
    if len(text) > 1 and text.isupper():
        return ORG, None, False  # acronyms: MFA, CPC, SCO
    if "." in text:
        return STOP, None, False  # initials and abbreviations are not handled as names
    return NAME, None, False


def _hyphen_vocab(n: str, g: Gazetteer) -> bool:
    """"China-Central", "Kazakhstan-China", "Vice-Premier": a hyphenated word with a
    vocabulary part is an organisation or title word, never a person's name."""
    for part in n.split("-"):
        if (part,) in g.phrases or part in g.demonyms or part in g.org_words or part in g.heads \
                or part in g.modifiers:
            return True
    return False
