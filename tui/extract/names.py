"""Person-name helpers: transliteration folding, patronymics, name keys.

Central Asian names reach English through several transliteration schemes
(Kulubayev / Kulubaev, Zheenbek / Jeenbek, Sirodjiddin / Sirojiddin), so names
are compared through a folded form rather than as written.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Order matters: longer digraphs first, so "dzh" is not read as "d" + "zh".
_FOLD_RULES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(a), b)
    for a, b in (
        (r"dzh", "j"),
        (r"dj", "j"),
        (r"zh", "j"),
        (r"kh", "h"),
        (r"x", "h"),
        (r"q", "k"),
        (r"w", "v"),
        (r"ou", "u"),
        (r"gh", "g"),
        (r"yev", "ev"),
        (r"^ye", "e"),
        (r"^yo", "o"),
        (r"y", "i"),
        (r"(.)\1", r"\1"),  # Massimov / Masimov, Idrissov / Idrisov
    )
)

_PATRONYMIC = re.compile(
    r"(?:ovich|evich|yevich|ovna|evna|yevna|ich|uly|ulu|kyzy|qizi|ugli|o['’‘ʻ]?g['’‘ʻ]?li)$",
    re.IGNORECASE,
)
_APOSTROPHES = str.maketrans("", "", "'’‘ʻ`")


@lru_cache(maxsize=65536)
def fold(token: str) -> str:
    """A transliteration-insensitive form of one name token."""
    t = unicodedata.normalize("NFKD", token.lower().translate(_APOSTROPHES))
    t = "".join(c for c in t if not unicodedata.combining(c))
    for pattern, repl in _FOLD_RULES:
        t = pattern.sub(repl, t)
    return t


def is_patronymic(token: str) -> bool:
    """True for patronymic forms such as "Moldokanovich" or "Sadvakasuly"."""
    return len(token) > 5 and bool(_PATRONYMIC.search(token))


def name_tokens(name: str) -> list[str]:
    """The name's words, hyphenated parts kept together ("Kassym-Jomart")."""
    return [t for t in re.split(r"\s+", name.strip()) if t]


def display_order(tokens: list[str]) -> list[str]:
    """Reorder a surname-first form with patronymic ("Kulubaev Zheenbek
    Moldokanovich") to given-name-first ("Zheenbek Kulubaev"); other names as is."""
    if len(tokens) == 3 and is_patronymic(tokens[2]) and not is_patronymic(tokens[0]):
        return [tokens[1], tokens[0]]
    return [t for t in tokens if not is_patronymic(t)] or tokens


@lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """Order-insensitive folded key: "Kulubaev Zheenbek Moldokanovich",
    "Zheenbek Kulubaev" and "Jeenbek Kulubayev" share one key."""
    toks = [fold(t) for t in display_order(name_tokens(name))]
    return " ".join(sorted(toks))


@lru_cache(maxsize=65536)  # merging 10,000 articles' events asks for the same words again and again
def slugify(text: str) -> str:
    """A readable ASCII id fragment: "Xi'an Declaration" -> "xian-declaration"."""
    t = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES))
    t = "".join(c for c in t if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", "-", t).strip("-")
