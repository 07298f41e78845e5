"""An OptionList whose wrapped options always show every line.

Textual's OptionList measures each option's height once, at the width the list has then,
and keeps those heights (and the rendered lines) when the width its text gets changes
without the widget being resized: a vertical scrollbar appearing takes two cells, a
paragraph then wraps onto one more line, and that last line was never drawn. Every list
of wrapped text in the explorer (reader, detail pages, pickers, copy history) uses this one.
"""

from __future__ import annotations

from textual.widgets import OptionList

from tui.app.widgets.readable import ReadableLines


class WrappingOptionList(ReadableLines, OptionList):
    """An OptionList that measures and renders its options again when its text width changes,
    its text readable on every row state (see ``ReadableLines``)."""

    _measured_width: int | None = None

    def _update_lines(self) -> None:
        region = self.scrollable_content_region
        if region and region.width != self._measured_width:
            if self._measured_width is not None:
                # Heights and lines were worked out at the old width: forget them all.
                self._line_cache.clear()
                self._option_render_cache.clear()
            self._measured_width = region.width
        super()._update_lines()

    def _get_option_render(self, option, style):
        # Lines are cached per option and style, not per width: measure first.
        self._update_lines()
        return super()._get_option_render(option, style)
