"""Classify a sentence's tokens into units: names, title words, places, ...

A unit is one token, or several when a multi-word country or place name
("People's Republic of China", "Inner Mongolia") matches the gazetteer.
"""

from __future__ import annotations

from dataclasses import dataclass

from tui.extract.gazetteer import Gazetteer
from tui.extract.text import Token

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


@dataclass(slots=True)
class Unit:
    """A classified token or multi-token gazetteer match."""

    kind: str
    i: int  # first token index
    j: int  # one past the last token index
    start: int  # character span in the paragraph
    end: int
    text: str
    norm: str
    country: str | None = None  # for COUNTRY / PLACE / DEM
    canonical: str | None = None  # for COUNTRY / PLACE
    lower: bool = False  # written in lower case (member, foreign minister)


def classify(tokens: list[Token], g: Gazetteer) -> list[Unit]:
    """Turn tokens into units, longest gazetteer phrase first."""
    units: list[Unit] = []
    n = len(tokens)
    k = 0
    while k < n:
        tok = tokens[k]
        sizes = g.phrase_sizes.get(tok.norm) if tok.is_cap else None
        if sizes:
            hit = None
            for size in sizes:
                if size > n - k:
                    continue
                key = tuple(t.norm for t in tokens[k : k + size])
                found = g.phrases.get(key)
                if found and tokens[k + size - 1].is_word:
                    hit = (size, found)
                    break
            if hit:
                size, (kind, canonical, country) = hit
                last = tokens[k + size - 1]
                kind = {"country": COUNTRY, "place": PLACE}.get(kind, ORG)  # institutions are ORG
                units.append(Unit(kind, k, k + size, tok.start,
                                  last.end, " ".join(t.text for t in tokens[k : k + size]), key_text(tokens[k : k + size]), country, canonical))
                k += size
                continue
        # a word's kind depends only on its spelling and case: classify each once
        ck = (tok.norm, tok.is_cap, tok.is_word, tok.text.isupper())
        kind_info = _KIND_CACHE.get(ck)
        if kind_info is None:
            u = _one(tok, k, g)
            if len(_KIND_CACHE) < 200_000:
                _KIND_CACHE[ck] = (u.kind, u.country, u.lower)
            units.append(u)
        else:
            units.append(Unit(kind_info[0], k, k + 1, tok.start, tok.end, tok.text, tok.norm,
                              kind_info[1], None, kind_info[2]))
        k += 1
    return units


# (norm, is_cap, is_word, is_upper) -> (kind, country, lower). The gazetteer is
# loaded once per process, so the cache never needs invalidating.
_KIND_CACHE: dict[tuple[str, bool, bool, bool], tuple[str, str | None, bool]] = {}


def key_text(tokens: list[Token]) -> str:
    return " ".join(t.norm for t in tokens)


def _one(tok: Token, k: int, g: Gazetteer) -> Unit:
    n = tok.norm
    u = Unit(PUNCT, k, k + 1, tok.start, tok.end, tok.text, n)
    if not tok.is_word:
        if n in ("–", "—", "-"):
            u.kind = DASH
        elif n in ("'s",):
            u.kind = POSS
        elif n == "&":
            u.kind = CONN
        elif n[0].isdigit():
            u.kind = NUM
        return u
    if not tok.is_cap:
        if n in g.lower_heads:
            u.kind, u.lower = HEAD, True
        elif n in _LOWER_MODS:
            u.kind, u.lower = MOD, True
        elif n in g.lower_org_words:
            u.kind = ORG
        elif n in _CONNECTORS:
            u.kind = CONN
        else:
            u.kind = LOW
        return u
    if n in g.demonyms:
        u.kind, u.country = DEM, g.demonyms[n]
    elif n in g.heads:
        u.kind = HEAD
    elif n in g.group_words:
        u.kind = GROUP
    elif n in g.modifiers:
        u.kind = MOD
    elif n in g.portfolios:
        u.kind = PORT
    elif n in g.org_words:
        u.kind = ORG
    elif n in _HONORIFICS:
        u.kind = HON
    elif n in g.stop_words:
        u.kind = STOP
    elif "-" in n and _hyphen_vocab(n, g):
        u.kind = HEAD if n in g.heads else ORG
    elif len(tok.text) > 1 and tok.text.isupper():
        u.kind = ORG  # acronyms: MFA, CPC, SCO
    elif "." in tok.text:
        u.kind = STOP  # initials and abbreviations are not handled as names
    else:
        u.kind = NAME
    return u


def _hyphen_vocab(n: str, g: Gazetteer) -> bool:
    """"China-Central", "Kazakhstan-China", "Vice-Premier": a hyphenated word with a
    vocabulary part is an organisation or title word, never a person's name."""
    for part in n.split("-"):
        if (part,) in g.phrases or part in g.demonyms or part in g.org_words or part in g.heads \
                or part in g.modifiers:
            return True
    return False
