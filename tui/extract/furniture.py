"""The article's furniture: datelines, release and source lines, photo credits.

These carry dates and names of places and outlets, but state no happening:
"ASTANA, May 17 (Kazinform) --" opens a report, "///MFA China, 12 January
2024" closes a release, "… in Astana, July 2, 2024. /Xinhua" captions a
photo. None of them may become a title, a summary or an event.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from tui.extract.dates import _MON

_DASH = r"(?:--|—|–|-)"
_DATELINES = [
    # ASTANA, May 12 (Xinhua) --   /   BAKU, Azerbaijan, May 12.   /   BEIJING, 12 May 2024 —
    re.compile(
        rf"^\s*[A-Z][A-Z .'’-]+(?:,\s*[A-Z][A-Za-z .'’-]+)?,\s*(?:{_MON}\s+\d{{1,2}}|\d{{1,2}}\s+{_MON})"
        rf"(?:,?\s*\d{{4}})?\s*(?:\([^)]{{1,40}}\))?\s*(?:{_DASH}|:|\.)\s*"
    ),
    # Dushanbe, 19 December 2023 —
    re.compile(
        rf"^\s*[A-Z][a-z'’]+(?:[ -][A-Z][a-z'’]+)?,\s*(?:{_MON}\s+\d{{1,2}},?|\d{{1,2}}\s+{_MON})\s*\d{{4}}"
        rf"\s*(?:{_DASH}|:|\.)\s*"
    ),
    # Tashkent, June 12 (UzA).   /   Bishkek, March 15 / Kabar /.  (the outlet in brackets or slashes)
    re.compile(
        rf"^\s*[A-Z][a-z'’]+(?:[ -][A-Z][a-z'’]+)?,\s*(?:{_MON}\s+\d{{1,2}}|\d{{1,2}}\s+{_MON})(?:,?\s*\d{{4}})?"
        rf"\s*(?:\([^)]{{1,40}}\)|/[^/]{{1,30}}/)\s*(?:{_DASH}|:|\.)?\s*"
    ),
    # ASTANA. KAZINFORM –   /   BISHKEK (AKIpress) -   /   DUSHANBE, (NIAT Khovar) –   /   ASTANA –
    re.compile(
        rf"^\s*[A-Z][A-Z'’-]+(?:\s[A-Z][A-Z'’-]+)*(?:\s*[.,]\s*[A-Z][A-Za-z]+)?\s*,?\s*(?:\([^)]{{1,40}}\))?"
        rf"\s*{_DASH}\s+"
    ),
    # ASTANA. KAZINFORM Chinese ...: the outlet's name in capitals, no dash after it
    re.compile(r"^\s*[A-Z][A-Z'’-]+(?:\s[A-Z][A-Z'’-]+)*\s*[.,]\s*[A-Z]{3,}\b\s*"),
    # 12.05.2024, 14:30   /   May 12, 2024 —
    re.compile(rf"^\s*\d{{1,2}}[./]\d{{1,2}}[./]\d{{4}}(?:[,\s]+\d{{1,2}}:\d{{2}})?\s*(?:{_DASH}|\|)?\s*"),
    re.compile(rf"^\s*{_MON}\s+\d{{1,2}},\s*\d{{4}}\s*(?:{_DASH}|\|)\s*"),
]
# Beijing – On October 25, ...: a place in ordinary case, then a dash (the place must be known)
_PLACE_DASH = re.compile(rf"^\s*([A-Z][a-z'’]+(?:[ -][A-Z][a-z'’]+)?)\s*(?:\([^)]{{1,40}}\))?\s+(?:--|—|–)\s+")


def dateline_end(text: str, is_place: Callable[[str], bool] | None = None) -> int:
    """Length of a dateline or publication stamp opening the first paragraph (0 if none).

    ``is_place`` says whether a word is a city or country, for datelines written in
    ordinary case ("Beijing – ..."); without it those are not recognised."""
    for pattern in _DATELINES:
        m = pattern.match(text)
        if m:
            return m.end()
    if is_place is not None:
        m = _PLACE_DASH.match(text)
        if m and is_place(m.group(1)):
            return m.end()
    return 0


_STAMP_DATE = rf"(?:\d{{1,2}}[./]\d{{1,2}}[./]\d{{4}}|\d{{1,2}}\s+{_MON}\s+\d{{4}}|{_MON}\s+\d{{1,2}},?\s+\d{{4}})"
# ///MFA China, 12 January 2024   /   Source: ...   /   Published: 12.06.2025   /   Archive photo of ...
_OPENING = re.compile(
    r"^\W*(?:/{2,}|(?:source|sources|published|updated|posted|photo|photos|image|images)\s*:"
    r"|(?:(?:archive|file|cover)\s+(?:photo|picture|image)s?|(?:photo|picture|image)s?\s*(?:by|of|credit|courtesy))\b)",
    re.IGNORECASE,
)
# ... in Astana, July 2, 2024. /Xinhua   /   ... May 12, 2023 / Ministry of ... press service   /   (Photo: ...)
_CREDIT = re.compile(r"\s/\s?[A-Z][^/.!?]{0,80}$|\(\s*(?:photo|image)s?\b[^)]*\)\s*$", re.IGNORECASE)
# Press Service of the Ministry of Foreign Affairs of the Kyrgyz Republic, 15.03.2024
_SIGNATURE = re.compile(rf"^\W*(?:(?:[A-Z][\w'’.&-]*|of|the|and|for|on|in|at|de)[\s,]+)+{_STAMP_DATE}\W*$")


_DIGITS = tuple("0123456789")


def states_nothing(sentence: str) -> bool:
    """A release line, source line, publication stamp or photo credit: dated, but no event."""
    if _OPENING.match(sentence):
        return True
    if ("/" in sentence or "(" in sentence) and _CREDIT.search(sentence):
        return True
    return sentence.rstrip(" .").endswith(_DIGITS) and _SIGNATURE.match(sentence) is not None
