"""Citation keys: readable (outlet + year + first title word), stable, unique."""

from __future__ import annotations

import string
import unicodedata
from itertools import count, product
from typing import Iterable

from tui.cite.source import Source
from tui.cite.titles import CHICAGO_SMALL

# Russian and Kazakh Cyrillic, so "Казинформ" keys as "kazinform", not "".
_CYRILLIC = dict(zip(
    "абвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқңөұүһі",
    ["a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p", "r",
     "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya",
     "a", "g", "q", "n", "o", "u", "u", "h", "i"],
))
# Function words and bare numbers make poor keys ("daryo2024the", "daryo202450").
_SKIP = CHICAGO_SMALL


def ascii_slug(text: str) -> str:
    """Lowercase ASCII letters and digits only: ``Xi’an`` → ``xian``."""
    out = []
    for ch in unicodedata.normalize("NFKD", text.lower()):
        ch = _CYRILLIC.get(ch, ch)
        out.append("".join(c for c in ch if c in string.ascii_lowercase or c in string.digits))
    return "".join(out)


def base_key(src: Source) -> str:
    """``daryo2024launch`` — before de-duplication."""
    outlet = src.outlet
    if outlet.lower().startswith("the "):
        outlet = outlet[4:]
    outlet_part = ascii_slug(outlet) or "anon"
    year = str(src.published.year) if src.published else "nd"
    words = [ascii_slug(w) for w in src.title.split()]
    words = [w for w in words if w]
    word = next(
        (w for w in words if w not in _SKIP and not w.isdigit()),
        words[0] if words else "untitled",
    )
    return f"{outlet_part}{year}{word}"


def _suffixes() -> Iterable[str]:
    yield ""
    for n in count(1):
        for letters in product(string.ascii_lowercase, repeat=n):
            yield "".join(letters)


def assign_keys(sources: list[Source]) -> list[str]:
    """One key per source, in order; clashes get ``a``, ``b``… by article id.

    Ordering a clash by id (not by position in a query result) keeps an
    article's key the same whichever subset of the store is exported.
    """
    groups: dict[str, list[int]] = {}
    for i, src in enumerate(sources):
        groups.setdefault(base_key(src), []).append(i)
    keys = [""] * len(sources)
    taken = set(groups)
    for base, idxs in groups.items():
        idxs.sort(key=lambda i: (sources[i].id, i))
        suffixes = _suffixes()
        for i in idxs:
            key = base + next(suffixes)
            while key != base and key in taken:
                key = base + next(suffixes)
            taken.add(key)
            keys[i] = key
    return keys
