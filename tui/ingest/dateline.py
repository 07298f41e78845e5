"""Wire datelines: "ASTANA, May 17 (Kazinform) --", "BEIJING, Jan. 12 (Xinhua) --",
"DUSHANBE, (NIAT Khovar) –", "ASTANA. KAZINFORM –".

Agency copy names its place, often its date and its outlet before the first
sentence.  They are metadata the body already shows; the text stays as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from tui.ingest.dates import parse_date

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12, "january": 1, "february": 2, "march": 3, "april": 4, "june": 6,
    "july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
}
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
_UPPER = "A-ZÀ-ÖØ-ÞА-ЯЁӘҒҚҢӨҰҮҺІЎҲҶӢ"
_DATE = (
    rf"(?P<month>(?i:{_MONTH}))\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<year>\d{{4}}))?"
    rf"|(?P<day2>\d{{1,2}})\s+(?P<month2>(?i:{_MONTH}))\.?(?:,?\s+(?P<year2>\d{{4}}))?"
    r"|(?P<dotted>\d{1,2}\.\d{1,2}\.\d{4})|(?P<iso>\d{4}-\d{2}-\d{2})"
)
_DATELINE = re.compile(
    rf"^(?P<place>[{_UPPER}][{_UPPER}'’\-]+(?:[ -][{_UPPER}][{_UPPER}'’\-]+){{0,2}})"
    rf"(?:,\s*(?!(?i:{_MONTH})\b)(?P<region>[{_UPPER}][a-zа-яё]+(?:\s[{_UPPER}][a-zа-яё]+)?))?"
    rf"(?:,?\s*(?:{_DATE}))?"
    rf"(?:\s*,?\s*\((?P<outlet>[^()\n]{{2,40}})\)|\.\s+(?P<agency>[{_UPPER}][{_UPPER}.\- ]{{2,30}}?))?"
    r"\s*(?P<dash>--|[–—-]|\.(?=\s))\s+"
)
# Agencies as they sign their copy → the name the rest of cca-tui uses.
AGENCIES = {
    "kazinform": "Kazinform", "mia kazinform": "Kazinform", "xinhua": "Xinhua", "niat khovar": "Khovar",
    "khovar": "Khovar", "kabar": "Kabar", "akipress": "AKIpress", "trend": "Trend", "uza": "UzA",
    "tass": "TASS", "reuters": "Reuters", "afp": "AFP", "ap": "AP", "sputnik": "Sputnik", "cgtn": "CGTN",
    "24.kg": "24.kg", "nca": "NCA", "tdh": "TDH", "anadolu": "Anadolu", "aa": "Anadolu", "xinhuanet": "Xinhua",
    "people's daily": "People's Daily", "казинформ": "Kazinform", "мia казинформ": "Kazinform",
}


@dataclass
class Dateline:
    """What a dateline says; ``published`` only when its year is known."""

    place: str
    outlet: str | None = None
    month: int | None = None
    day: int | None = None
    year: int | None = None
    text: str = ""  # the dateline as written, for messages

    def date(self, url: str | None = None) -> str | None:
        """ISO date when the year is known: the dateline's own, else the URL path's."""
        if not (self.month and self.day):
            return None
        year = self.year or _url_year(url, self.month)
        if not year:
            return None
        try:
            return parse_date(f"{year:04d}-{self.month:02d}-{self.day:02d}")
        except ValueError:
            return None


def read_dateline(text: str) -> Dateline | None:
    """The dateline opening ``text`` (the first paragraph), or ``None``."""
    m = _DATELINE.match(text[:200])
    if not m:
        return None
    place = m.group("place")
    if sum(c.isalpha() for c in place) < 4 or not place.isupper():
        return None  # "UN –", or a capitalized word that is no wire place
    outlet = m.group("outlet") or m.group("agency")
    if not (outlet or m.group("month") or m.group("month2") or m.group("dotted") or m.group("iso")) and m.group("dash") == ".":
        return None  # "ASTANA. The ..." is a sentence, not a dateline
    line = Dateline(place=_title(place), outlet=agency_name(outlet) if outlet else None, text=m.group(0).strip())
    if m.group("dotted") or m.group("iso"):
        try:
            iso = parse_date(m.group("dotted") or m.group("iso"))
        except ValueError:
            iso = None
        if iso:
            line.year, line.month, line.day = int(iso[:4]), int(iso[5:7]), int(iso[8:10])
    else:
        month = m.group("month") or m.group("month2")
        day = m.group("day") or m.group("day2")
        year = m.group("year") or m.group("year2")
        if month and day and 1 <= int(day) <= 31:
            line.month, line.day = _MONTHS[month.lower()], int(day)
            line.year = int(year) if year else None
    return line


def agency_name(name: str) -> str:
    """``NIAT Khovar`` → ``Khovar``, ``KAZINFORM`` → ``Kazinform``; unknown names as written."""
    clean = " ".join(name.split()).strip(" .,")
    known = AGENCIES.get(clean.casefold())
    if known:
        return known
    return _title(clean) if clean.isupper() and len(clean) > 4 else clean


def _title(text: str) -> str:
    """``XI'AN`` → ``Xi'an``, ``NUR-SULTAN`` → ``Nur-Sultan``, ``АСТАНА`` → ``Астана``."""
    return re.sub(r"[^\s\-]+", lambda m: m.group().capitalize(), text)


_URL_YEAR = re.compile(r"(?<!\d)(20\d{2}|19\d{2})(?:[/-]?(0[1-9]|1[0-2]))?(?!\d)")


def _url_year(url: str | None, month: int) -> int | None:
    """The year in a URL's path; a December dateline on a January URL is the year before."""
    if not url:
        return None
    try:
        path = urlsplit(url).path
    except ValueError:
        return None
    m = _URL_YEAR.search(path)
    if not m:
        return None
    year = int(m.group(1))
    if m.group(2) and int(m.group(2)) == 1 and month == 12:
        return year - 1
    return year
