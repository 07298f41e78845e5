"""Author names as bylines give them: "First Last", "Last, First", or an organization."""

from __future__ import annotations

import re
from dataclasses import dataclass

from tui.cite.sanitize import clean_field

# Lowercase particles that belong to the family name ("Ludwig van Beethoven").
_PARTICLES = {"van", "von", "der", "den", "de", "del", "della", "di", "da", "du", "la", "le", "bin", "ibn", "al", "el", "ter", "ten"}
_SUFFIXES = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"}
# A byline containing one of these words names a body, not a person.
_ORG_WORDS = {
    "agency", "association", "bank", "bureau", "center", "centre", "committee", "council",
    "department", "desk", "editorial", "editors", "government", "group", "inc", "inc.",
    "institute", "ltd", "ltd.", "media", "ministry", "mfa", "news", "newsroom", "office",
    "organization", "organisation", "press", "radio", "reporters", "secretariat", "service",
    "staff", "team", "times", "tv", "university", "wire", "of", "&", "and",
}


@dataclass(frozen=True)
class Name:
    """A parsed author. ``literal`` is set for organizations and single names."""

    family: str = ""
    given: str = ""
    suffix: str = ""
    literal: str = ""

    @property
    def is_literal(self) -> bool:
        return bool(self.literal)

    def last(self) -> str:
        """What in-text citations use: the family name, or the whole literal name."""
        return self.literal or self.family

    def inverted(self) -> str:
        """``Last, First, Jr.`` (MLA, Chicago first author, BibTeX)."""
        if self.literal:
            return self.literal
        out = self.family
        if self.given:
            out += f", {self.given}"
        if self.suffix:
            out += f", {self.suffix}"
        return out

    def natural(self) -> str:
        """``First Last Jr.``."""
        if self.literal:
            return self.literal
        return " ".join(p for p in (self.given, self.family, self.suffix) if p)

    def initials(self) -> str:
        """APA initials: ``Jean-Paul Marie`` → ``J.-P. M.``."""
        out = []
        for word in self.given.split():
            parts = [p for p in word.split("-") if p]
            inits = []
            for p in parts:
                letters = [c for c in p if c.isalpha()]
                if letters:
                    inits.append(letters[0].upper() + ".")
            if inits:
                out.append("-".join(inits))
        return " ".join(out)

    def apa(self) -> str:
        """``Last, F. M., Jr.`` or the organization's name."""
        if self.literal:
            return self.literal
        out = self.family
        initials = self.initials()
        if initials:
            out += f", {initials}"
        if self.suffix:
            out += f", {self.suffix}"
        return out


def parse_name(raw: object) -> Name | None:
    """Parse one byline entry; None for an empty one.

    ``{Xinhua News Agency}`` (BibTeX-style braces) forces an organization;
    a comma means ``Last, First[, Suffix]``; otherwise the last word is the
    family name, with lowercase particles and a trailing Jr./III kept apart.
    """
    text = clean_field(raw)
    text = re.sub(r"^by\s+", "", text, flags=re.IGNORECASE).strip()
    if not text:
        return None
    if text.startswith("{") and text.endswith("}"):
        inner = text[1:-1].strip()
        return Name(literal=inner) if inner else None
    if "," in text:
        parts = [p.strip() for p in text.split(",")]
        family, given = parts[0], parts[1] if len(parts) > 1 else ""
        suffix = ", ".join(p for p in parts[2:] if p)
        # "John Smith, Jr." is natural order with a suffix, not "Last, First".
        if given.lower() in _SUFFIXES and not suffix:
            base = parse_name(family)
            if base and not base.is_literal:
                return Name(family=base.family, given=base.given, suffix=given)
        if not family:
            return Name(literal=given) if given else None
        return Name(family=family, given=given, suffix=suffix)
    words = text.split()
    if len(words) == 1 or any(w.lower() in _ORG_WORDS for w in words):
        return Name(literal=text)
    suffix = ""
    if words[-1].lower() in _SUFFIXES and len(words) > 2:
        suffix = words.pop()
    i = len(words) - 1
    while i > 1 and words[i - 1] in _PARTICLES:
        i -= 1
    return Name(family=" ".join(words[i:]), given=" ".join(words[:i]), suffix=suffix)


def parse_names(raw: object) -> list[Name]:
    """All authors of an article (a list, or a single string)."""
    if raw is None:
        return []
    if isinstance(raw, str):
        raw = [raw]
    return [n for n in (parse_name(r) for r in raw) if n is not None]
