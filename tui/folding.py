"""Text folded for comparing and for naming: shared by every layer, pure functions.

``fold`` is how search, the index and the explorer compare words and names (case and
accents aside: "Öskemen" meets "oskemen"); ``slugify`` is how ids and file names are
written (ASCII, Cyrillic transliterated by our table and other scripts by anyascii:
"Central Asia–China" → "central-asia-china").
"""

from __future__ import annotations

import re
import unicodedata

# Apostrophes inside a word vanish so "Xi’an", "Xi'an" and "Xian" meet.
_INNER_APOSTROPHE = re.compile(r"(?<=\w)['’ʼ‘`](?=\w)")


def fold(text: str) -> str:
    """Casefold and strip accents: ``"Öskemen"`` → ``"oskemen"``."""
    if text.isascii():  # most text: nothing to decompose or strip
        return _INNER_APOSTROPHE.sub("", text.casefold())
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _INNER_APOSTROPHE.sub("", stripped.casefold())


# Cyrillic letters of Russian and the Central Asian languages, so their titles
# give readable ids instead of none.
_CYRILLIC = dict(
    zip(
        "абвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқңөұүһіӣӯҳҷў",
        "a b v g d e e zh z i y k l m n o p r s t u f kh ts ch sh shch _ y _ e yu ya a g q n o u u h i i u h j u".split(),
    )
)
_SPECIAL = {"ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i", "ə": "e", "ŋ": "n"}
_APOSTROPHES = re.compile(r"['’ʻʼ`´‘]")
_STOP = {"a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "or", "with", "by", "from", "as"}
_MAX_WORD = 30


def ascii_fold(text: str) -> str:
    """Lower-case ASCII approximation: accents dropped, Cyrillic transliterated by our
    table, every other script (Chinese, Arabic, Greek, Korean, …) by anyascii."""
    out = []
    # Look letters up before decomposing: NFKD would turn й into и + breve.
    for ch in unicodedata.normalize("NFC", text.casefold()):
        if ch.isascii():
            out.append(ch)
        elif ch in _CYRILLIC:
            out.append(_CYRILLIC[ch].strip("_"))
        elif ch in _SPECIAL:
            out.append(_SPECIAL[ch])
        else:
            base = "".join(c for c in unicodedata.normalize("NFKD", ch) if c.isascii())
            out.append(base or _transliterate(ch))
    return "".join(out)


def _transliterate(ch: str) -> str:
    """One character of a script without accents to drop: its romanization ("中" →
    "zhong"), a Chinese character as a word of its own (Chinese writes no spaces, so a
    title would otherwise be one word of 30 letters); a space when there is none."""
    from anyascii import anyascii

    roman = anyascii(ch).lower()
    if not roman:
        return " "
    return f" {roman} " if unicodedata.name(ch, "").startswith("CJK") else roman


def slug_words(text: str | None) -> list[str]:
    """Words of ``text`` for an id: ASCII-folded, apostrophes dropped (Xi’an → xian)."""
    if not text:
        return []
    folded = ascii_fold(_APOSTROPHES.sub("", unicodedata.normalize("NFC", text)))
    return [w[:_MAX_WORD] for w in re.split(r"[^a-z0-9]+", folded) if w]


def slugify(text: str | None, max_words: int | None = None) -> str:
    """``Central Asia–China`` → ``central-asia-china``; ``max_words`` keeps the
    first words, without leading articles or trailing stop words."""
    words = slug_words(text)
    if max_words is not None:
        while words and words[0] in ("a", "an", "the") and len(words) > 1:
            words = words[1:]
        words = words[:max_words]
        while len(words) > 1 and words[-1] in _STOP:
            words = words[:-1]
    return "-".join(words)
