"""Tokens and sentences with character offsets into the paragraph text.

Offsets are kept everywhere because every fact must point back at its
evidence: mentions are character spans, evidence is the sentence itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# A word may carry inner hyphens (Kassym-Jomart) and inner apostrophes (Xi’an);
# a trailing possessive "'s" is split off afterwards so "Kazakhstan's" reads as
# the country plus a possessive marker. Initialisms ("U.S.") stay one token.
_TOKEN_RE = re.compile(r"(?:[A-Z]\.){2,}|[^\W\d_]+(?:[-'’][^\W\d_]+)*|\d+(?:[.,:/]\d+)*|\S")
_ABBREV = {
    "h.e", "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "st", "no", "nos", "jan", "feb", "mar",
    "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "e.g", "i.e", "etc", "vs",
    "u.s", "u.n", "p.r", "inc", "ltd", "co", "corp", "jr", "sr", "mt",
}
_SENT_END = re.compile(r"[.!?][\"”’)\]]*\s+(?=[\"“‘(\[]?[A-Z0-9])")


@dataclass(slots=True)
class Token:
    """One word, number or punctuation mark of a sentence."""

    text: str
    start: int
    end: int
    norm: str  # lower-case, straight apostrophes, no trailing period
    is_word: bool
    is_cap: bool


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """Split ``text`` into tokens; spans are shifted by ``offset``."""
    out: list[Token] = []
    append = out.append
    n = len(text)
    for m in _TOKEN_RE.finditer(text):
        s = m.group()
        a, b = m.span()
        first = s[0]
        if first.isalpha():
            low = s.lower()
            if low.endswith(("'s", "’s")) and len(s) > 2:
                # possessive: "Kazakhstan's" -> "Kazakhstan" + "'s"
                append(Token(s[:-2], offset + a, offset + b - 2, low[:-2].replace("’", "'"), True, first.isupper()))
                append(Token(s[-2:], offset + b - 2, offset + b, "'s", False, False))
                continue
            if b < n and text[b] == "." and low in _ABBREV:
                # "Mr.", "Nov.": the period belongs to the abbreviation
                append(Token(s + ".", offset + a, offset + b + 1, low, True, first.isupper()))
                continue
            if "’" in low:
                low = low.replace("’", "'")
            elif low[-1] == ".":
                low = low.rstrip(".")  # initialisms: "u.s."
            append(Token(s, offset + a, offset + b, low, True, first.isupper()))
        elif b - a == 1 or not first.isdigit():
            if s == "." and out and out[-1].end == offset + b and out[-1].text[-1] == ".":
                continue  # already glued to its abbreviation
            append(Token(s, offset + a, offset + b, s.replace("’", "'").replace("‘", "'").lower(), False, False))
        else:
            append(Token(s, offset + a, offset + b, s, False, False))
    return out


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans ``(start, end)`` of a paragraph."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _SENT_END.finditer(text):
        # "Jan. 5", "U.S. officials", initials such as "A. Smith" do not end a sentence
        before = text[start : m.start() + 1]
        word = re.search(r"([A-Za-z.]+)\.$", before)
        if word and (word.group(1).lower() in _ABBREV or len(word.group(1)) == 1):
            continue
        end = m.start() + 1
        while end < len(text) and text[end] in "\"”’)]":
            end += 1
        spans.append((start, end))
        start = m.end()
    if text[start:].strip():
        spans.append((start, len(text.rstrip())))
    return spans
