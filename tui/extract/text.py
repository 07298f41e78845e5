"""Tokens and sentences with character offsets into the paragraph text.

Offsets are kept everywhere because every fact must point back at its
evidence: mentions are character spans, evidence is the sentence itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# A word may carry inner hyphens (Kassym-Jomart) and inner apostrophes (Xi’an),
# but a trailing possessive "'s" is its own token so "Kazakhstan's" reads as
# the country plus a possessive marker.
_TOKEN_RE = re.compile(
    r"[^\W\d_](?:[^\W\d_]|-(?=[^\W\d_])|['’](?![sS]\b)(?=[^\W\d_])|\.(?=[^\W\d_]\.))*\.?"
    r"|['’][sS]\b"
    r"|\d+(?:[.,:/]\d+)*"
    r"|\S"
)
_ABBREV = {
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "st", "no", "nos", "jan", "feb", "mar",
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
    for m in _TOKEN_RE.finditer(text):
        s = m.group()
        first = s[0]
        is_word = first.isalpha()
        if is_word and s.endswith(".") and s[:-1].lower() not in _ABBREV and s.count(".") == 1:
            # a sentence-final period glued to a word is punctuation, not part of it
            out.append(Token(s[:-1], offset + m.start(), offset + m.end() - 1,
                             s[:-1].replace("’", "'").lower(), True, first.isupper()))
            out.append(Token(".", offset + m.end() - 1, offset + m.end(), ".", False, False))
            continue
        norm = s.replace("’", "'").replace("‘", "'").lower().rstrip(".") or s
        out.append(Token(s, offset + m.start(), offset + m.end(), norm, is_word, is_word and first.isupper()))
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
