"""A gutter and a body wrapped beside it: numbered paragraphs, bullets, the help's keys."""

from __future__ import annotations

from textual.content import Content
from textual.css.styles import RulesMap
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, Visual


class HangingIndent(Visual):
    """A gutter (the paragraph number) and a body wrapped beside it.

    Continuation lines start under the body's first character, not at column 0,
    so a numbered paragraph reads as a block. The body is wrapped on its own, so
    its highlight spans (names, dates, hits) stay on the characters they mark.
    """

    def __init__(self, gutter: Content, body: Content) -> None:
        self.gutter = gutter
        self.body = body
        self.indent = gutter.cell_length

    def __str__(self) -> str:
        return f"{self.gutter.plain}{self.body.plain}"

    def body_width(self, width: int) -> int:
        """The cells the body wraps in when the whole is ``width`` cells wide."""
        return max(width - self.indent, 1)

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return self.indent + self.body.get_optimal_width(rules, self.body_width(container_width))

    def get_minimal_width(self, rules: RulesMap) -> int:
        return self.indent + self.body.get_minimal_width(rules)

    def get_height(self, rules: RulesMap, width: int) -> int:
        return self.body.get_height(rules, self.body_width(width))

    def render_strips(self, width: int, height: int | None, style: Style, options: RenderOptions) -> list[Strip]:
        if width <= self.indent:  # no room beside the gutter: the body alone
            return self.body.render_strips(width, height, style, options)
        rich_style = style.rich_style
        body = self.body.render_strips(width - self.indent, height, style, options)
        gutter = Strip.join(self.gutter.render_strips(self.indent, 1, style, options)[:1])
        gutter = gutter.extend_cell_length(self.indent, rich_style).crop(0, self.indent)
        blank = Strip.blank(self.indent, rich_style)
        return [Strip.join([gutter if i == 0 else blank, row]) for i, row in enumerate(body)]
