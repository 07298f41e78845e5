"""Reading the extracted facts for display, the same in both faces.

(Dates and ranges of days are written by ``tui.dates``.)
"""

from __future__ import annotations

from tui.records import Official


def spellings_by_article(official: Official) -> dict[str, list[str]]:
    """Each article's own spellings of the official's name, as its mentions write them
    ("Zheenbek Kulubaev" for Jeenbek Kulubayev), in order, without titles said by reference."""
    out: dict[str, list[str]] = {}
    for m in official.mentions:
        text = m.text
        if not text or m.reference:
            continue
        forms = out.setdefault(m.article_id or "", [])
        if text not in forms:
            forms.append(text)
    return out


def other_spellings(official: Official, article_id: str) -> list[str]:
    """How one article writes the official's name where that differs from the name shown."""
    name = official.name
    return [w for w in spellings_by_article(official).get(article_id, []) if w != name]
