"""Reading the extracted facts for display, the same in both faces.

(Dates and ranges of days are written by ``tui.dates``.)
"""

from __future__ import annotations


def spellings_by_article(official: dict) -> dict[str, list[str]]:
    """Each article's own spellings of the official's name, as its mentions write them
    ("Zheenbek Kulubaev" for Jeenbek Kulubayev), in order, without titles said by reference."""
    out: dict[str, list[str]] = {}
    for m in official.get("mentions") or ():
        text = m.get("text")
        if not text or m.get("reference"):
            continue
        forms = out.setdefault(m.get("article_id") or "", [])
        if text not in forms:
            forms.append(text)
    return out


def other_spellings(official: dict, article_id: str) -> list[str]:
    """How one article writes the official's name where that differs from the name shown."""
    name = official.get("name")
    return [w for w in spellings_by_article(official).get(article_id, []) if w != name]
