"""Widgets whose text stays readable on every background it is drawn on (tui.app.contrast)."""

from __future__ import annotations

from textual.geometry import Region
from textual.strip import Strip

from tui.app.contrast import readable_segments


def readable_strip(strip: Strip) -> Strip:
    """``strip`` with every run of text at a contrast of at least 4.5:1 on its background."""
    return Strip(list(readable_segments(strip)), strip.cell_length)


class ReadableLines:
    """Mixin (before the widget class): its rendered lines go through :func:`readable_strip`,
    whatever state (cursor, blurred cursor, hover) or theme gave them their colours."""

    def render_lines(self, crop: Region) -> list[Strip]:
        return [readable_strip(strip) for strip in super().render_lines(crop)]  # type: ignore[misc]
