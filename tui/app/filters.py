"""The filters picked with `f`: country, outlet and a date range, shared by all panes."""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cached_property

from tui.library import Query, conditions


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

    @cached_property
    def query(self) -> Query:
        """The filters as a ``Query``, built field by field (no query text): each pane narrows
        its typed query with it (``typed & filters.query``). Raises ``QueryError``."""
        return conditions(country=self.country, outlet=self.outlet, since=self.since, until=self.until)

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
