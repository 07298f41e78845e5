"""Publication dates that may be partial, and how each style writes them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)
# MLA 9 abbreviates months of more than four letters; June and July stay whole.
MLA_MONTHS = (
    "Jan.", "Feb.", "Mar.", "Apr.", "May", "June",
    "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.",
)

_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


@dataclass(frozen=True)
class PartialDate:
    """A date known to the year, the month or the day."""

    year: int
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, value: object) -> PartialDate | None:
        """``"2024-03-31"``, ``"2024-03"``, ``"2024"`` (or a datetime string) → date; else None.

        Invalid dates give None rather than an error: a citation without a date
        is better than no citation.
        """
        if isinstance(value, date):
            return cls(value.year, value.month, value.day)
        if not isinstance(value, str):
            return None
        m = _ISO.match(value.strip())
        if not m:
            return None
        year = int(m.group(1))
        month = int(m.group(2)) if m.group(2) else None
        day = int(m.group(3)) if m.group(3) else None
        try:
            date(year, month or 1, day or 1)
        except ValueError:
            return None
        return cls(year, month, day)

    def _written(self, months: tuple[str, ...], month_form: str, day_form: str) -> str:
        """The year alone, else ``month_form`` or ``day_form`` filled with ``{y}``, ``{m}``
        (the month's name from ``months``) and ``{d}``: each style's order in one place."""
        if self.month is None:
            return str(self.year)
        name = months[self.month - 1]
        if self.day is None:
            return month_form.format(y=self.year, m=name)
        return day_form.format(y=self.year, m=name, d=self.day)

    # Long form: "March 31, 2024" (Chicago, APA's "2024, March 31").
    def us(self) -> str:
        """``March 31, 2024`` / ``March 2024`` / ``2024``."""
        return self._written(MONTHS, "{m} {y}", "{m} {d}, {y}")

    def apa(self) -> str:
        """``2024, March 31`` as inside APA's parentheses."""
        return self._written(MONTHS, "{y}, {m}", "{y}, {m} {d}")

    def mla(self) -> str:
        """``31 Mar. 2024``."""
        return self._written(MLA_MONTHS, "{m} {y}", "{d} {m} {y}")

    def day_month_year(self) -> str:
        """``31 March 2024`` (Markdown)."""
        return self._written(MONTHS, "{m} {y}", "{d} {m} {y}")

    def iso(self, sep: str = "-") -> str:
        """``2024-03-31`` (or with another separator, e.g. RIS's ``/``)."""
        parts = [f"{self.year:04d}"]
        if self.month is not None:
            parts.append(f"{self.month:02d}")
            if self.day is not None:
                parts.append(f"{self.day:02d}")
        return sep.join(parts)

    def parts(self) -> list[int]:
        """CSL-JSON ``date-parts`` row."""
        return [p for p in (self.year, self.month, self.day) if p is not None]
