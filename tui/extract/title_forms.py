"""One office, one title: "Foreign Minister" and "Minister of Foreign Affairs" are the same.

Articles name an office in several words; a person's list of titles should not. The
table (``data/gazetteer/title_forms.json``) groups the forms of an office, the official
one first; ``canonical_title`` rewrites a title to it, words such as "Deputy" kept in
front. Only the titles shown change: the evidence of a role keeps the article's words.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache

from tui.paths import data_dir


@dataclass(frozen=True)
class TitleForms:
    """Folded form → canonical title, and the words a form may follow."""

    canonical: dict[str, str]
    before: frozenset[str]


def _fold(text: str) -> str:
    return " ".join(text.replace("’", "'").split()).casefold()


@cache
def title_forms() -> TitleForms:
    """The shipped table, read once (no file: no equivalences)."""
    path = data_dir() / "gazetteer" / "title_forms.json"
    if not path.exists():
        return TitleForms({}, frozenset())
    raw = json.loads(path.read_text(encoding="utf-8"))
    canonical = {}
    for group in raw.get("equivalents", []):
        for form in group:
            canonical.setdefault(_fold(form), group[0])
    return TitleForms(canonical, frozenset(_fold(w) for w in raw.get("before", [])))


def canonical_title(title: str, forms: TitleForms | None = None) -> str:
    """``title`` in its office's official wording: "Deputy Foreign Minister" → "Deputy
    Minister of Foreign Affairs"; a title the table does not know is returned as it is."""
    forms = forms or title_forms()
    words = title.split()
    for k in range(len(words)):
        if k and _fold(words[k - 1]) not in forms.before:
            break  # only known words may stand before a form
        found = forms.canonical.get(_fold(" ".join(words[k:])))
        if found is not None:
            return " ".join([*words[:k], found])
    return title
