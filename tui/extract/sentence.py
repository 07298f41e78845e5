"""A sentence as both extractors read it, and the title phrases found in it.

Kept apart from the officials and titles passes, which both use them. Both are compared
and hashed by identity (``eq=False``): what the passes find per sentence or per title
phrase is kept in dicts and sets keyed by the object itself.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from tui.extract.text import NOT_LOWERED
from tui.extract.units import Unit


@dataclass(eq=False)
class TitleChunk:
    """A title phrase found in a sentence: unit span, split titles, country."""

    a: int
    b: int
    titles: list[str] = field(default_factory=list)
    country: str | None = None  # stated: nationality word, "of Country", "Country's"
    implied_country: str | None = None  # from a place or nationality inside the complement
    detached: bool = False  # shared by a list of names, not written beside this one (no summary cut)


@dataclass(eq=False)
class Sentence:
    """One sentence of a paragraph, ready for both extractors."""

    paragraph: int  # 1-based paragraph number
    start: int  # span in the paragraph text
    end: int
    text: str  # the paragraph text (spans index into it)
    units: list[Unit] = field(default_factory=list)
    starts: list[int] = field(default_factory=list)  # character span of each unit
    ends: list[int] = field(default_factory=list)
    # where a date may begin, from the tokens (None: find by a scan)
    date_places: list[tuple[int, str]] | None = None
    lowered: object = NOT_LOWERED  # lower_exact(text)
    # title phrases with a country and no name beside them ("the Kazakh Foreign Minister")
    loose: list[TitleChunk] = field(default_factory=list)
    plural: bool = False  # a plural title ("foreign ministers") outside any title: maybe a list

    @property
    def evidence(self) -> str:
        return self.text[self.start : self.end]
