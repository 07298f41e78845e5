"""Small pieces the prose styles share."""

from __future__ import annotations

import re


def end_with(text: str, mark: str = ".") -> str:
    """``text`` ending in ``mark`` without doubling a period already there."""
    if not text:
        return text
    if text.endswith(("?", "!")) or text.endswith(mark):
        return text
    return text + mark


def join_list(items: list[str], conj: str = "and", serial: bool = True) -> str:
    """``A``, ``A and B``, ``A, B, and C`` (serial comma by default)."""
    if len(items) <= 1:
        return "".join(items)
    if len(items) == 2:
        return f"{items[0]} {conj} {items[1]}"
    comma = "," if serial else ""
    return f"{', '.join(items[:-1])}{comma} {conj} {items[-1]}"


def strip_scheme(url: str) -> str:
    """MLA drops ``http://`` and ``https://``."""
    return re.sub(r"^https?://", "", url)
