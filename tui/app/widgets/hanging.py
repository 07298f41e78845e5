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

    def __init__(self, gutter: Content, body: Content, *, min_body: int = 0, stacked_indent: int = 0) -> None:
        """``min_body``: when the body would get fewer cells than this beside the gutter, the
        gutter takes a line of its own and the body hangs under it at ``stacked_indent``
        (the help's keys at 40 columns), rather than a column of one word a line."""
        self.gutter = gutter
        self.body = body
        self.min_body = min_body
        self.stacked_indent = stacked_indent
        self.indent = gutter.cell_length

    def __str__(self) -> str:
        return f"{self.gutter.plain}{self.body.plain}"

    def _stacked(self, width: int) -> bool:
        return width - self.indent < self.min_body and width > self.stacked_indent

    def _indent(self, width: int) -> int:
        return self.stacked_indent if self._stacked(width) else self.indent

    def body_width(self, width: int) -> int:
        """The cells the body wraps in when the whole is ``width`` cells wide."""
        return max(width - self._indent(width), 1)

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return self.indent + self.body.get_optimal_width(rules, max(container_width - self.indent, 1))

    def get_minimal_width(self, rules: RulesMap) -> int:
        return self.indent + self.body.get_minimal_width(rules)

    def get_height(self, rules: RulesMap, width: int) -> int:
        return self.body.get_height(rules, self.body_width(width)) + self._stacked(width)

    def render_strips(self, width: int, height: int | None, style: Style, options: RenderOptions) -> list[Strip]:
        rich_style = style.rich_style
        if self._stacked(width):
            gutter = self.gutter.rstrip().render_strips(width, None, style, options)
            indent = self.stacked_indent
            body = self.body.render_strips(width - indent, None, style, options)
            blank = Strip.blank(indent, rich_style)
            return [*gutter, *(Strip.join([blank, row]) for row in body)]
        if width <= self.indent:  # no room beside the gutter: the body alone
            return self.body.render_strips(width, height, style, options)
        body = self.body.render_strips(width - self.indent, height, style, options)
        gutter = Strip.join(self.gutter.render_strips(self.indent, 1, style, options)[:1])
        gutter = gutter.extend_cell_length(self.indent, rich_style).crop(0, self.indent)
        blank = Strip.blank(self.indent, rich_style)
        return [Strip.join([gutter if i == 0 else blank, row]) for i, row in enumerate(body)]
