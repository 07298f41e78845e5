"""The filters picked with `f`: country, outlet and a date range, shared by all panes."""

from __future__ import annotations

from dataclasses import dataclass, replace


def _quote(value: str) -> str:
    return '"' + value.replace('"', "") + '"'


@dataclass(frozen=True)
class Filters:
    """Active filters; empty strings mean "any"."""

    country: str = ""
    outlet: str = ""
    since: str = ""
    until: str = ""

    @property
    def active(self) -> bool:
        return any((self.country, self.outlet, self.since, self.until))

    def as_query(self) -> str:
        """The filters in the query language, appended to each pane's search text."""
        parts = []
        if self.country:
            parts.append(f"country:{_quote(self.country)}")
        if self.outlet:
            parts.append(f"outlet:{_quote(self.outlet)}")
        if self.since:
            parts.append(f"since:{self.since}")
        if self.until:
            parts.append(f"until:{self.until}")
        return " ".join(parts)

    def describe(self) -> str:
        """One line for the status bar: ``country: Kazakhstan · since 2023``."""
        parts = []
        if self.country:
            parts.append(f"country: {self.country}")
        if self.outlet:
            parts.append(f"outlet: {self.outlet}")
        if self.since and self.until:
            parts.append(f"{self.since} – {self.until}")
        elif self.since:
            parts.append(f"since {self.since}")
        elif self.until:
            parts.append(f"until {self.until}")
        return " · ".join(parts)

    def with_(self, **changes: str) -> Filters:
        return replace(self, **changes)
