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
# month abbreviations are also given names ("Yu Jun."): an abbreviation only before a day
_MONTH_ABBREV = frozenset({"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"})
_SENT_END = re.compile(r"[.!?][\"”’)\]]*\s+(?=[\"“‘(\[]?[A-Z0-9])")
_LAST_WORD = re.compile(r"([A-Za-z.]+)\.$")


# str.lower() and the regex engine's case folding disagree only on these
_CASE_ODD = ("İ", "ı", "ſ")
NOT_LOWERED = object()  # lower_exact(text) not worked out yet


def lower_exact(text: str) -> str | None:
    """``text.lower()`` when it has the same length and offsets as ``text`` and a
    case-sensitive pattern of lower-case words matches it exactly where the
    same pattern with IGNORECASE matches ``text``; None when it would not."""
    if not text.isascii():
        for c in _CASE_ODD:
            if c in text:
                return None
    return text.lower()


def lowered_span(lowered: object, start: int, end: int) -> object:
    """The slice of a ``lower_exact`` result (None and NOT_LOWERED pass through)."""
    return lowered[start:end] if isinstance(lowered, str) else lowered


class Caseless:
    """A case-insensitive pattern of lower-case words, run case-sensitively over
    lower-cased text (several times faster than IGNORECASE in ``re``)."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.folding = re.compile(pattern, flags | re.IGNORECASE)
        self.lowered = re.compile(pattern, flags)

    def search(self, text: str, lowered: object = NOT_LOWERED, pos: int = 0, endpos: int = 2**62) -> re.Match[str] | None:
        """``search`` of the IGNORECASE pattern; ``lowered`` is ``lower_exact(text)`` if known."""
        if lowered is NOT_LOWERED:
            lowered = lower_exact(text)
        if lowered is None:
            return self.folding.search(text, pos, endpos)
        return self.lowered.search(lowered, pos, endpos)  # type: ignore[arg-type]


@dataclass(slots=True)
class Token:
    """One word, number or punctuation mark of a sentence."""

    text: str
    start: int
    end: int
    norm: str  # lower-case, straight apostrophes, no trailing period
    is_word: bool
    is_cap: bool


# A piece is what one regex match contributes, fixed by its spelling alone:
# (offset in the match, length, text, norm, is_word, is_cap). Words and their
# spellings repeat across articles, so the pieces of each spelling are worked
# out once per process.
Piece = tuple[int, int, str, str, bool, bool]
# spelling -> (pieces, pieces when a "." follows (abbreviations) or None)
_PIECES: dict[str, tuple[tuple[Piece, ...], tuple[Piece, ...] | None]] = {}
_PIECES_MAX = 200_000


def _pieces_of(s: str) -> tuple[tuple[Piece, ...], tuple[Piece, ...] | None]:
    first = s[0]
    n = len(s)
    if first.isalpha():
        low = s.lower()
        cap = first.isupper()
        if low.endswith(("'s", "’s")) and n > 2:
            # possessive: "Kazakhstan's" -> "Kazakhstan" + "'s"
            both = ((0, n - 2, s[:-2], low[:-2].replace("’", "'"), True, cap), (n - 2, n, s[-2:], "'s", False, False))
            return both, None
        # "Mr.", "Nov.": the period belongs to the abbreviation
        dotted = ((0, n + 1, s + ".", low, True, cap),) if low in _ABBREV and low not in _MONTH_ABBREV else None
        if "’" in low:
            low = low.replace("’", "'")
        elif low[-1] == ".":
            low = low.rstrip(".")  # initialisms: "u.s."
        return ((0, n, s, low, True, cap),), dotted
    if n == 1 or not first.isdigit():
        return ((0, n, s, s.replace("’", "'").replace("‘", "'").lower(), False, False),), None
    return ((0, n, s, s, False, False),), None


def _scan(text: str) -> list[tuple[int, int, Piece]]:
    out: list[tuple[int, int, Piece]] = []
    append = out.append
    cache = _PIECES
    n = len(text)
    prev_end = -1
    for m in _TOKEN_RE.finditer(text):
        s = m.group()
        got = cache.get(s)
        if got is None:
            got = _pieces_of(s)
            if len(cache) < _PIECES_MAX:
                cache[s] = got
        a = m.start()
        plain, dotted = got
        if dotted is not None:
            b = a + len(s)
            if b < n and text[b] == ".":
                prev_end = b + 1
                append((a, prev_end, dotted[0]))
                continue
        elif s == "." and prev_end == a + 1:
            continue  # already glued to its abbreviation
        for p in plain:
            prev_end = a + p[1]
            append((a + p[0], prev_end, p))
    return out


# whitespace-free chunk -> its tokens, spans relative to the chunk
_CHUNKS: dict[str, tuple[tuple[int, int, Piece], ...]] = {}
SPACE_RUN = re.compile(r"\S+")


def chunk_tokens(chunk: str) -> tuple[tuple[int, int, Piece], ...]:
    """Tokens of a run of non-space characters (no token spans whitespace, and
    none depends on anything beyond its run), cached per spelling."""
    got = _CHUNKS.get(chunk)
    if got is None:
        got = tuple(_scan(chunk))
        if len(_CHUNKS) < _PIECES_MAX:
            _CHUNKS[chunk] = got
    return got


def chunks(text: str) -> list[tuple[int, str]]:
    """``(start, run)`` of each run of non-space characters."""
    parts = text.split()
    if " ".join(parts) == text:  # the usual, normalised paragraph: positions by counting
        out = []
        pos = 0
        for part in parts:
            out.append((pos, part))
            pos += len(part) + 1
        return out
    return [(m.start(), m.group()) for m in SPACE_RUN.finditer(text)]


def token_pieces(text: str) -> list[tuple[int, int, Piece]]:
    """``(start, end, piece)`` of every token of ``text``: what ``tokenize``
    returns, without building a ``Token`` per word."""
    out: list[tuple[int, int, Piece]] = []
    append = out.append
    for pos, chunk in chunks(text):
        for a, b, p in chunk_tokens(chunk):
            append((pos + a, pos + b, p))
    return out


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """Split ``text`` into tokens; spans are shifted by ``offset``."""
    return [Token(p[2], offset + a, offset + b, p[3], p[4], p[5]) for a, b, p in token_pieces(text)]


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans ``(start, end)`` of a paragraph."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _SENT_END.finditer(text):
        # "Jan. 5", "U.S. officials", initials such as "A. Smith" do not end a sentence
        word = _LAST_WORD.search(text, start, m.start() + 1)
        if word and (word.group(1).lower() in _ABBREV or len(word.group(1)) == 1):
            if not (word.group(1).lower() in _MONTH_ABBREV and not text[m.end() : m.end() + 1].isdigit()):
                continue
        end = m.start() + 1
        while end < len(text) and text[end] in "\"”’)]":
            end += 1
        spans.append((start, end))
        start = m.end()
    if text[start:].strip():
        spans.append((start, len(text.rstrip())))
    return spans
