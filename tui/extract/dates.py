"""Dates in article text, resolved to ISO strings cut to their precision.

Explicit dates ("March 30, 2024", "30 March 2024", "2024-03-30"), month and
year, a year after "in", dates without a year, weekdays and relative words
("last year", "this Saturday", "today") — the last three only when the
article's publication date is known, since that is what they count from.
This module finds them in a sentence and reads their tense; ``date_resolve`` says
which calendar date each one means.
"""

from __future__ import annotations

import datetime as dt
import re

from tui.extract.date_resolve import DAY_KINDS, DateMention, resolve
from tui.extract.text import NOT_LOWERED, Caseless, lower_exact, lowered_span

_MON = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
        r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_DAY = r"(\d{1,2})(?:st|nd|rd|th)?"
_TO = r"\s*(?:-|–|—|to|through|and|until)\s*"
_YEAR = r"((?:19|20)\d{2})"

# (name, pattern); earlier patterns claim their text first
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")),
    ("dotted", re.compile(r"\b(\d{1,2})\.(\d{1,2})\.((?:19|20)\d{2})\b")),
    # "December 28, 2025 to January 3, 2026", "28 December 2025 – 3 January 2026": a range across years
    ("mdymdy", re.compile(rf"\b({_MON})\s+{_DAY},?\s+{_YEAR}{_TO}({_MON})\s+{_DAY},?\s+{_YEAR}\b")),
    ("dmydmy", re.compile(rf"\b{_DAY}\s+({_MON}),?\s+{_YEAR}{_TO}{_DAY}\s+({_MON}),?\s+{_YEAR}\b")),
    ("mdmd", re.compile(rf"\b({_MON})\s+{_DAY}{_TO}({_MON})\s+{_DAY}\b(?:,?\s+{_YEAR}\b)?")),
    ("dmdm", re.compile(rf"\b{_DAY}\s+({_MON}){_TO}{_DAY}\s+({_MON})(?:,?\s+{_YEAR}\b)?")),
    ("md", re.compile(rf"\b({_MON})\s+{_DAY}(?:{_TO}{_DAY})?(?!\d)(?:,?\s+{_YEAR}\b)?")),
    ("dm", re.compile(rf"\b{_DAY}(?:{_TO}{_DAY})?\s+(?:of\s+)?({_MON})(?![a-z])(?:,?\s+{_YEAR}\b)?")),
    ("my", re.compile(rf"\b({_MON})(?:\s+of)?,?\s+{_YEAR}\b")),
    ("mrel", re.compile(rf"\b({_MON})\s+(this|last|next)\s+year\b")),
    # "last September", "this March": the month of that year nearest the article's date
    ("relmon", re.compile(rf"\b([Ll]ast|[Tt]his|[Nn]ext)\s+({_MON})(?![\w-])(?!\s*\d)")),
    ("mon", re.compile(rf"\b(?:[Ii]n|[Dd]uring|[Ss]ince)\s+(?:(?:early|late|mid)[\s-]+)?({_MON})(?![\w-])(?!\s*\d)")),
    ("weekday", re.compile(r"\b(?:(last|this|next|coming|on)\s+)?(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")),
    ("relative", re.compile(
        r"\b(today|yesterday|tomorrow|(?:earlier|later)\s+this\s+(?:month|year)"
        r"|(?:last|this|next)\s+(?:year|month|spring|summer|autumn|fall|winter))\b",
        re.IGNORECASE)),
    # "in 2023", "in early 2024", "in spring 2024", "in the autumn of 2023": a season dates to its year
    ("year", re.compile(
        rf"\b(?:[Ii]n|[Dd]uring)\s+(?:the\s+(?=early|late|mid|spring|summer|autumn|fall|winter))?(?:(?:early|late|mid)[\s-]+)?"
        rf"(?:(?:spring|summer|autumn|fall|winter)(?:\s+of)?\s+)?{_YEAR}\b(?!\s*[-–—/]\s*\d)(?!\s*%)")),
]

_FUTURE = Caseless(
    r"\b(?:will|shall|is\s+(?:scheduled|expected|set|due|planned|to\s+be)|are\s+(?:scheduled|expected|set|due|planned|to\s+be)"
    r"|plans?\s+to|(?:scheduled|slated|planned)\s+(?:for|to)|due\s+(?:to\s+be|for)|upcoming|forthcoming"
    r"|to\s+be\s+held|agreed\s+to|to\s+hold|next\s+(?:meeting|session|round|summit))\b",
)
# what was agreed or planned lies ahead of the agreement, not of every date around it
_WEAK_CUES = ("agreed", "plan", "to hold", "to be held")
# a date after these words is a deadline or a reference point, not an occurrence
_NOT_AN_OCCURRENCE = Caseless(r"(?:\b(?:by|until|till|through|before|as\s+of)\s+(?:the\s+)?(?:end\s+of\s+)?)$")
# "since 2001", "since May": background; "closed since March 3": the day something began
_SINCE = Caseless(r"\bsince\s+$")


_PAST_BEFORE = Caseless(
    r"\b(?:said|met|held|told|took|made|gave|sent|signed|was|were|began|\w+ed)\s+(?:\w+\s+){0,4}(?:on|in)?\s*$",
)


_CLAUSE_BREAK = re.compile(r"[,;]")
# participles of planning read as past verbs by _PAST_BEFORE ("the summit scheduled for July 3")
_FUTURE_NEAR = Caseless(r"\b(?:will|shall|to\s+be|is\s+to|are\s+to|scheduled|slated|planned|expected|due)\b")


# Cheap gates: most sentences hold no date, and each pattern needs one of these.
_GATE = re.compile(
    r"\b(?:(?:19|20)\d\d|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Monday|Tuesday|Wednesday|Thursday"
    r"|Friday|Saturday|Sunday|[Tt]oday|[Tt]omorrow|[Yy]esterday|year|month|spring|summer|autumn|fall|winter)|\d\.\d"
)
_HAS_MONTH = re.compile(
    r"\b(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?"
    r"|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\b"
)
_HAS_WEEKDAY = re.compile(r"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b")
_HAS_RELATIVE = re.compile(r"\b(?:today|tomorrow|yesterday|year|month|spring|summer|autumn|fall|winter)\b", re.IGNORECASE)
_HAS_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_HAS_DOTTED = re.compile(r"\d\.\d")
_NEEDS = {
    "iso": _HAS_YEAR, "dotted": _HAS_DOTTED, "mdymdy": _HAS_MONTH, "dmydmy": _HAS_MONTH, "relmon": _HAS_MONTH,
    "mdmd": _HAS_MONTH, "dmdm": _HAS_MONTH, "md": _HAS_MONTH,
    "dm": _HAS_MONTH, "my": _HAS_MONTH, "mrel": _HAS_MONTH, "mon": _HAS_MONTH, "weekday": _HAS_WEEKDAY,
    "relative": _HAS_RELATIVE, "year": _HAS_YEAR,
}


# Every pattern's match starts at a word of one of these families, so a sentence
# is scanned once for them and each pattern is tried only where its family
# begins ("last"/"this"/"next" in lower case open weekdays and relative dates).
_ANCHOR = re.compile(
    r"\b(?:(?P<d>\d)|(?P<m>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)|(?P<i>[Ii]n|[Dd]uring|[Ss]ince)"
    r"|(?P<w>coming|on|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|(?P<lt>last|this|next)"
    r"|(?P<r>(?i:today|yesterday|tomorrow|earlier|later|last|this|next)))"
)
_FAMILY = {
    "iso": "d", "dotted": "d", "mdymdy": "m", "dmydmy": "d", "relmon": "r", "mdmd": "m", "dmdm": "d", "md": "m", "dm": "d", "my": "m", "mrel": "m",
    "mon": "i", "weekday": "w", "relative": "r", "year": "i",
}
# gates that hold exactly when they match where their family begins
_GATE_FAMILY = {_HAS_MONTH: "m", _HAS_YEAR: "d", _HAS_WEEKDAY: "w"}
_WORD_START = re.compile(r"\b\w")
# _GATE needs one of these, or a digit
_GATE_WORDS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "day", "omorrow",
               "year", "month", "spring", "summer", "autumn", "fall", "winter")
_GATE_WORD = re.compile("|".join(_GATE_WORDS))  # any of them as a substring, in one scan
_DIGIT = re.compile(r"\d")
_YEAR_OR_MONTH = re.compile(r"\b(?:year|month|spring|summer|autumn|fall|winter)\b")
_SEASON_WORDS = ("spring", "summer", "autumn", "fall", "winter")

Anchors = dict[str, list[int]]


def anchor_families(word: str) -> tuple[tuple[int, str], ...]:
    """``(offset, family)`` of every place in one token where a date may begin
    (a token is a run of letters or digits, so only its own characters matter)."""
    out = []
    for w in _WORD_START.finditer(word):
        a = _ANCHOR.match(word, w.start())
        if a:
            out.append((w.start(), a.lastgroup))
    return tuple(out)


def anchors_at(places: list[tuple[int, str]]) -> Anchors:
    """Group ``(position, family)`` pairs by family ("lt" counts for both "w" and "r")."""
    anchors: Anchors = {"d": [], "m": [], "i": [], "w": [], "r": []}
    for pos, family in places:
        if family == "lt":
            anchors["w"].append(pos)
            anchors["r"].append(pos)
        else:
            anchors[family].append(pos)
    return anchors


def _any_gate(text: str, places: list[tuple[int, str]], end: int) -> bool:
    match = _GATE.match
    for p, _ in places:
        if match(text, p, end):
            return True
    return False


def find_dates(
    text: str, start: int, end: int, published: dt.date | None, places: list[tuple[int, str]] | None = None,
    lowered: object = NOT_LOWERED, approx: bool = False,
) -> list[DateMention]:
    """Date expressions in ``text[start:end]`` (one sentence), resolved.

    ``places``: where dates may begin, ``(position, family)`` as the tokens of
    the sentence give them (``anchor_families``); found by a scan when None.
    ``lowered``: ``lower_exact(text)`` if the caller has it. ``approx``: the
    ``published`` date is only the end of a month or year the article is known
    to be from (its URL), good for a missing year but not for "today" or "Tuesday".
    """
    sentence = text[start:end]
    # the sentence read as its own string and read in place differ only in
    # whether a word boundary stands at its start
    in_place = start == 0 or not (text[start - 1].isalnum() or text[start - 1] == "_")
    if places is None or not in_place:
        if not _GATE.search(sentence):
            return []
        anchors = anchors_at([(a.start(), a.lastgroup) for a in _ANCHOR.finditer(text, start, end)])
        derived = False
    else:
        if _DIGIT.search(sentence) is None and _GATE_WORD.search(sentence) is None:
            return []
        anchors = anchors_at(places)
        if not (
            _any_gate(text, places, end)
            or (("year" in sentence or "month" in sentence or any(w in sentence for w in _SEASON_WORDS))
                and _YEAR_OR_MONTH.search(sentence))
            or _HAS_DOTTED.search(sentence)
        ):
            return []
        derived = True
    gates: dict[re.Pattern[str], bool] = {}
    cues: list[tuple[int, bool]] | None = None  # where future words begin, and whether they are weak
    taken: list[tuple[int, int]] = []
    out: list[DateMention] = []
    for kind, pattern in _PATTERNS:
        candidates = anchors[_FAMILY[kind]]
        if not candidates:
            continue
        gate = _NEEDS[kind]
        if gate not in gates:
            family = _GATE_FAMILY.get(gate) if derived else None
            if family:
                gates[gate] = any(gate.match(text, p, end) for p in anchors[family])
            else:
                gates[gate] = gate.search(sentence) is not None
        if not gates[gate]:
            continue
        # what ``pattern.finditer(text, start, end)`` yields: leftmost matches, none overlapping
        after = start
        for p in candidates:
            if p < after:
                continue
            m = pattern.match(text, p, end)
            if m is None:
                continue
            s, e = m.span()
            after = e
            if any(s < te and ts < e for ts, te in taken):
                continue
            taken.append((s, e))
            if lowered is NOT_LOWERED:
                lowered = lower_exact(text)
            before = lowered_span(lowered, max(start, s - 24), s)
            if _NOT_AN_OCCURRENCE.search(text[max(start, s - 24) : s], before):
                continue
            began = _SINCE.search(text[max(start, s - 24) : s], before) is not None
            if began and kind not in DAY_KINDS:
                continue
            if cues is None:
                cues = []
                sent_lowered = lowered_span(lowered, start, end)
                at = 0
                while (c := _FUTURE.search(sentence, sent_lowered, at)) is not None:
                    cues.append((start + c.start(), c.group().lower().startswith(_WEAK_CUES)))
                    at = c.end()
            # a future word speaks for a date after it, for one opening the sentence, and
            # for one before it in the same clause: not "... visit to China in January, as
            # well as preparations for the next meeting"; what was agreed or planned is
            # future only after the date of the agreement ("On May 5, they agreed to ...")
            future = any(c < s or (not weak and (s - start <= 20 or not _CLAUSE_BREAK.search(text, e, c)))
                         for c, weak in cues)
            # "will attend ... on June 16, the press service said on Monday": the verb
            # right before a date sets its tense, the sentence's only by default
            near = max(start, s - 40)
            past_here = _PAST_BEFORE.search(text, lowered, near, s) is not None \
                and not _FUTURE_NEAR.search(text, lowered, near, s)
            planned = future and not past_here and not began
            mention = resolve(kind, m, published, planned, approx)
            if mention:
                mention.start, mention.end = s, e
                mention.future, mention.began = planned, began
                out.append(mention)
    out.sort(key=lambda d: d.start)
    return out
