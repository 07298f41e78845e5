"""Title phrases: find them, split combined roles, pull out the country.

"Deputy Prime Minister and Minister of Foreign Affairs of Kazakhstan" is one
phrase in the text but two roles held for one country; the country phrase and
a leading nationality word are facts about the person, not part of the title.
"""

from __future__ import annotations

from tui.extract.names import is_patronymic
from tui.extract.sentence import Sentence, TitleChunk
from tui.extract.units import (
    CONN, COUNTRY, DASH, DEM, GROUP, HEAD, LOW, MOD, NAME, NUM, ORG, PLACE, PORT, POSS, VOCAB, Unit,
)

CHUNK_START = frozenset({HEAD, MOD, PORT, ORG, DEM, COUNTRY, PLACE})
_COMPLEMENT_OPENERS = frozenset({"of", "for", "on"})
_STOP_WORDS = frozenset({"of", "the", "for", "and", "to", "on", "in", "&", "a", "an"})
# Words that open the when of a sentence after "in"/"on" ("on January 2", "on Tuesday"):
# a title never goes on into them.
_WHEN_WORDS = frozenset({
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
    "dec", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
})


def scan_chunk(units: list[Unit], k: int) -> int:
    """End (exclusive unit index) of the title-like phrase starting at ``k``."""
    n = len(units)
    j = k
    in_complement = False
    while j < n:
        u = units[j]
        kind = u.kind
        if kind in VOCAB or kind == GROUP or kind == CONN:
            if kind == CONN and u.norm in _COMPLEMENT_OPENERS:
                in_complement = True
            j += 1
            continue
        prev = units[j - 1] if j > k else None
        if in_complement and prev is not None:
            # "of the Communist Party of China (CPC) Central Committee": an acronym in brackets
            if u.norm == "(" and j + 2 < n and units[j + 1].kind == ORG and units[j + 2].norm == ")" \
                    and prev.kind in VOCAB:
                j += 3
                continue
            # "Minister of Ecology, Environmental Protection and Climate Change": a list of portfolios
            if u.norm == "," and prev.kind in (PORT, NAME):
                r = _portfolio_list(units, j)
                if r:
                    j = r
                    continue
            # "deputy director of the Khorgos port administration": lower-case words up to the body's name
            if kind == LOW or (kind == NAME and prev.kind == PLACE):
                r = _lower_body(units, j)
                if r:
                    j = r
                    continue
        if kind == POSS and prev is not None and prev.kind in (COUNTRY, ORG, PLACE):
            j += 1
            continue
        if kind == DASH and j + 1 < n and units[j + 1].kind in VOCAB:
            j += 1
            continue
        if kind == NAME and in_complement and prev is not None and prev.kind in (COUNTRY, PLACE, ORG, PORT, DEM):
            # "of China Harbour Engineering Company": unknown words inside an
            # organisation's name, recognisable by the organisation word closing it
            r = j
            while r < n and units[r].kind == NAME:
                r += 1
            if r < n and units[r].kind == ORG:
                j = r
                continue
            # "Chairman of the State Concern Turkmengaz Maksat Babayev", "of the Board of
            # Kazakh Invest Yerlan Kalymbet": words beyond a person's name length name the body
            person = 3 if any(is_patronymic(units[i].text) for i in range(j, r)) else 2
            if r - j > person:
                j = r - person
            elif r - j == 1 and prev.kind == DEM:
                j = r  # "of the board of Kazakh Invest, ...": one word after a nationality names a body
            break
        if kind == NAME and prev is not None and prev.kind == CONN and prev.norm in _COMPLEMENT_OPENERS | {"the"}:
            # an unknown word after "of": part of the complement ("Minister of
            # Emergency Situations"), unless it is the trailing person's name
            r = j
            while r < n and units[r].kind == NAME:
                r += 1
            if r < n and units[r].kind in VOCAB:
                j = r
                continue
            run = r - j
            if r < n and units[r].kind == CONN and units[r].norm in _COMPLEMENT_OPENERS and run <= 2:
                j = r  # "of the Board of Directors of ...": the complement goes on
                continue
            j = j + (run - 2 if run >= 3 else run)
            break
        break
    # "chairman of the board of the national railway company": a complement cut off
    # inside a lower-case name ends before its unfinished part
    if j < n and units[j].kind == LOW and j > k and units[j - 1].lower is False and units[j - 1].text.islower():
        back = j - 1
        while back > k and not (units[back].kind == CONN and units[back].norm in _COMPLEMENT_OPENERS):
            back -= 1
        if back > k:
            j = back
    j = _before_where_and_when(units, k, j)
    # a phrase never ends on a connector: "Minister of" + name is "Minister" + name
    while j > k and units[j - 1].kind in (CONN, DASH, POSS):
        j -= 1
    return j


def _portfolio_list(units: list[Unit], j: int) -> int | None:
    """After the comma at ``j``: where the rest of "A, B and C" ends, if portfolio words
    make it ("of Investment, Industry and Trade"); None when something else follows."""
    n = len(units)
    i = j + 1
    seen_and = False
    while i < n:
        u = units[i]
        # an unknown word may sit inside the list ("Climate Change"), not after its last
        # portfolio, where a person's name begins ("... and Trade Laziz Kudratov")
        if u.kind == PORT or (u.kind == NAME and i > j + 1 and not seen_and):
            i += 1
            continue
        if u.norm == "," and units[i - 1].kind == PORT:
            i += 1
            continue
        if u.norm in ("and", "&") and units[i - 1].kind in (PORT, NAME) and i + 1 < n and units[i + 1].kind == PORT:
            seen_and = True
            i += 1
            continue
        break
    return i if seen_and and units[i - 1].kind in (PORT, NAME) else None


# how many lower-case words may stand inside a body's name before its organisation word
_LOWER_NAME_WORDS = 3


def _lower_body(units: list[Unit], j: int) -> int | None:
    """From ``j``: one past the organisation word closing a name written partly in lower
    case ("port administration", "railway company"), within a few words; else None."""
    for i in range(j, min(len(units), j + _LOWER_NAME_WORDS + 1)):
        u = units[i]
        if u.kind == ORG and u.text.islower():
            return i + 1
        if u.kind not in (LOW, NAME) or not u.is_word:
            return None
    return None


def _before_where_and_when(units: list[Unit], k: int, j: int) -> int:
    """End of the phrase ``units[k:j]`` before a date ("... of Kyrgyzstan in Beijing on
    January 2", "on Tuesday", "in 2019") and the meeting place right before it."""
    for i in range(k + 1, j):
        u = units[i]
        if u.kind != CONN or u.norm not in ("in", "on") or i + 1 >= len(units):
            continue
        nxt = units[i + 1]
        if nxt.kind == NUM or nxt.norm.lower().rstrip(".") in _WHEN_WORDS:
            if i - 2 > k and units[i - 1].kind == PLACE and units[i - 2].kind == CONN and units[i - 2].norm == "in":
                return i - 2
            return i
    return j


def _starts_unit(units: list[Unit], i: int, b: int) -> bool:
    """Does a new title begin at ``i``? (Modifiers then a head: "Minister",
    "Deputy Prime Minister"; not "Foreign Affairs".)"""
    while i < b:
        kind = units[i].kind
        if kind == HEAD:
            return True
        if kind in (MOD, DEM):
            i += 1
            continue
        return False
    return False


def parse_chunk(units: list[Unit], a: int, b: int, sent: Sentence) -> TitleChunk | None:
    """Split the phrase ``units[a:b]`` into titles; None if it names no title."""
    for i in range(a, b):
        if units[i].kind == HEAD:
            break
    else:
        return None
    if units[b - 1].kind == GROUP and not any(units[i].norm in _COMPLEMENT_OPENERS for i in range(a, b)):
        # "Deputy Foreign Ministers X and Y": a plural title, shared by a list (see lists.py);
        # not "Chairman of the Cabinet of Ministers"
        return None
    chunk = TitleChunk(a, b)
    segments: list[tuple[int, int]] = []
    s = a
    for i in range(a, b):
        u = units[i]
        if (u.kind == DASH or (u.kind == CONN and u.norm in ("and", "&"))) and i > s \
                and _starts_unit(units, i + 1, b):
            segments.append((s, i))
            s = i + 1
    segments.append((s, b))
    for sa, sb in segments:
        title, country, implied = _segment(units, sa, sb, sent)
        if title:
            chunk.titles.append(title)
        chunk.country = chunk.country or country
        chunk.implied_country = chunk.implied_country or implied
    return chunk if chunk.titles else None


def _segment(units: list[Unit], a: int, b: int, sent: Sentence) -> tuple[str | None, str | None, str | None]:
    seg = list(range(a, b))
    country = implied = None
    while seg and units[seg[0]].kind == CONN:
        seg.pop(0)
    if len(seg) > 1 and units[seg[0]].kind == DEM:
        country = units[seg.pop(0)].country
    elif len(seg) > 1 and units[seg[0]].kind == COUNTRY:
        country = units[seg.pop(0)].country
        if seg and units[seg[0]].kind == POSS:
            seg.pop(0)
    # "of [the] Country" closing the title, or before "to": "Ambassador of China to Kazakhstan"
    for pos, idx in enumerate(seg):
        u = units[idx]
        if u.kind != COUNTRY or pos == 0:
            continue
        of_pos = pos - 1
        if units[seg[of_pos]].norm == "the" and of_pos > 0:
            of_pos -= 1
        if units[seg[of_pos]].norm != "of":
            continue
        nxt = units[seg[pos + 1]] if pos + 1 < len(seg) else None
        if nxt is None or nxt.norm in ("to", "in", "on"):
            country = country or u.country
            del seg[of_pos : pos + 1]
            break
    # "Issyk-Kul Governor", "Shaanxi Party Secretary": the place stays in the title and names its country
    if len(seg) > 1 and units[seg[0]].kind == PLACE:
        implied = units[seg[0]].country
    # a place or nationality inside the complement ties the office to a country
    for pos, idx in enumerate(seg):
        u = units[idx]
        # "of China Railway Group": a country opening a body's name, the body's country
        named_body = u.kind == COUNTRY and pos + 1 < len(seg) and units[seg[pos + 1]].kind == ORG
        if (u.kind in (PLACE, DEM) or named_body) and pos > 0:
            before = units[seg[pos - 1]].norm
            if before == "the" and pos > 1:
                before = units[seg[pos - 2]].norm
            if before in ("of", "for") and not implied:
                implied = u.country
        elif u.kind == ORG and u.country and not implied:
            implied = u.country  # an institution of one country: "NPC Standing Committee"
    if not seg or not any(units[i].kind == HEAD for i in seg):
        return None, country, implied
    return _rebuild(units, seg, sent), country, implied


def _rebuild(units: list[Unit], seg: list[int], sent: Sentence) -> str:
    text, starts, ends = sent.text, sent.starts, sent.ends
    parts: list[str] = []
    for pos, idx in enumerate(seg):
        u = units[idx]
        word = text[starts[idx] : ends[idx]]
        if u.lower or pos == 0:
            word = word[:1].upper() + word[1:]
        if pos:
            prev = seg[pos - 1]
            sep = text[ends[prev] : starts[idx]] if prev == idx - 1 else " "
            parts.append(" " if sep.strip() == "" and sep else sep)
        parts.append(word)
    return "".join(parts).strip()


def _title_parts(title: str) -> tuple[str, frozenset[str]]:
    low = title.lower().replace("’", "'")
    head, _, rest = low.partition(" of ")
    return " ".join(head.split()), frozenset(w for w in rest.split() if w not in _STOP_WORDS)


def collapse_titles(titles: list[str]) -> list[str]:
    """Drop exact repeats, and a title that repeats another with a shortened
    complement ("Executive Director of the Secretariat" after "Executive Director
    of the China-Central Asia Secretariat"). Different heads stay: "Foreign
    Minister" and "Deputy Foreign Minister" are two roles. Keeps first-seen order."""
    seen: list[str] = []
    lowered: set[str] = set()
    for t in titles:
        if t.lower() not in lowered:
            lowered.add(t.lower())
            seen.append(t)
    parts = [_title_parts(t) for t in seen]
    return [
        t
        for i, t in enumerate(seen)
        if not any(
            i != j and parts[i][0] == parts[j][0] and parts[i][1] < parts[j][1] for j in range(len(seen))
        )
    ]
