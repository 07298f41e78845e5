"""Text normalization shared by indexing and querying: case- and accent-blind tokens."""

from __future__ import annotations

import re
import unicodedata

# Apostrophes inside a word vanish so "Xi’an", "Xi'an" and "Xian" meet.
_INNER_APOSTROPHE = re.compile(r"(?<=\w)['’ʼ‘`](?=\w)")
_TOKEN = re.compile(r"\w+")


def fold(text: str) -> str:
    """Casefold and strip accents: ``"Öskemen"`` → ``"oskemen"``."""
    if text.isascii():  # most text: nothing to decompose or strip
        return _INNER_APOSTROPHE.sub("", text.casefold())
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _INNER_APOSTROPHE.sub("", stripped.casefold())


def tokens(text: str) -> list[str]:
    """Folded word tokens of ``text``."""
    return _TOKEN.findall(fold(text))


def token_string(text: str) -> str:
    """Tokens joined by single spaces, padded: phrases match as `` a b `` substrings."""
    return " " + " ".join(tokens(text)) + " "
