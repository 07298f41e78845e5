"""A URL wrapped where a URL may break: after ``/``, ``?``, ``&``, ``=`` and ``-``.

Word wrapping sees a URL as one long word and folds it at the last cell that fits, in
the middle of a word ("…-takes" / "-place"); here a line ends after a slash or a hyphen,
and folds at the width only where a part between break points is wider than the line.
Every character stays, in order, with nothing added: the lines joined are the URL.
"""

from __future__ import annotations

from rich.cells import get_character_cell_size
from textual.content import Content
from textual.css.styles import RulesMap
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, Visual

BREAK_AFTER = frozenset("/?&=-")


def url_breaks(url: str, width: int) -> list[int]:
    """Offsets to cut ``url`` at so each line is at most ``width`` cells: the last break
    point that fits (never inside ``//``), else the width itself."""
    width = max(width, 1)
    cuts: list[int] = []
    start = 0
    while True:
        cells, end, last_break = 0, start, None
        while end < len(url):
            size = get_character_cell_size(url[end])
            if cells + size > width:
                break
            cells += size
            end += 1
            if url[end - 1] in BREAK_AFTER and not (url[end - 1] == "/" and url[end:end + 1] == "/"):
                last_break = end
        if end >= len(url):
            return cuts
        cut = last_break if last_break is not None and last_break > start else max(end, start + 1)
        cuts.append(cut)
        start = cut


class UrlLines(Visual):
    """``content`` (a URL, styled) wrapped at the URL's own break points."""

    def __init__(self, content: Content) -> None:
        self.content = content

    def __str__(self) -> str:
        return self.content.plain

    def _lines(self, width: int) -> list[Content]:
        cuts = url_breaks(self.content.plain, width)
        return self.content.divide(cuts) if cuts else [self.content]

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return min(self.content.cell_length, container_width)

    def get_minimal_width(self, rules: RulesMap) -> int:
        return 1

    def get_height(self, rules: RulesMap, width: int) -> int:
        return len(self._lines(width))

    def render_strips(self, width: int, height: int | None, style: Style, options: RenderOptions) -> list[Strip]:
        strips: list[Strip] = []
        for line in self._lines(width):
            strips += line.render_strips(width, 1, style, options)[:1]
        return strips
