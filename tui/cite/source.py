"""The article as the formatters see it: cleaned fields, parsed names and dates."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from tui.cite.common import citable_url, web_link
from tui.cite.dates import PartialDate
from tui.cite.names import Name, parse_names
from tui.cite.sanitize import clean_field
from tui.records import Article


@dataclass(frozen=True)
class Source:
    """One article on a news website, ready to be cited."""

    id: str
    title: str
    outlet: str
    url: str  # only a web address (or one without a scheme): see ``citable_url``
    published: PartialDate | None
    authors: tuple[Name, ...]
    language: str
    accessed: PartialDate | None

    @classmethod
    def from_article(cls, article: Article, accessed: date | None = None) -> Source:
        """Build from a stored article; ``accessed``: when it was read (default: today)."""
        return cls(
            id=clean_field(article.id),
            title=clean_field(article.title) or "Untitled",
            outlet=clean_field(article.outlet),
            url=citable_url(clean_field(article.url).replace(" ", "%20")),
            published=PartialDate.parse(article.published),
            authors=tuple(parse_names(list(article.authors))),
            language=clean_field(article.language),
            accessed=PartialDate.parse(accessed) if accessed else None,
        )

    @property
    def link(self) -> str:
        """The URL when it may be a clickable link (``http(s)://host…``), else ``""``."""
        return web_link(self.url)

    def access_date(self) -> PartialDate:
        """When the page was read: the given access date, else today."""
        if self.accessed is not None:
            return self.accessed
        return PartialDate.parse(date.today())  # type: ignore[return-value]

    @property
    def signed(self) -> bool:
        """True when a byline names someone other than the outlet itself."""
        return bool(self.authors) and not self.outlet_is_author

    @property
    def outlet_is_author(self) -> bool:
        """A single organizational author that is the outlet (Daryo by Daryo)."""
        return (
            len(self.authors) == 1
            and self.authors[0].is_literal
            and self.authors[0].literal.casefold() == self.outlet.casefold()
        )
