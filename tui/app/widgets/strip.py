"""The Timeline strip: how the events listed spread over time (``tui.app.chart`` draws it).

``StripVisual`` is the picture for any width, so the Timeline pane (``TimelineStrip``,
above its list) and an official's page (one option of the page) show the same strip.
"""

from __future__ import annotations

from textual import events
from textual.content import Content
from textual.css.styles import RulesMap
from textual.geometry import Size
from textual.message import Message
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, Visual
from textual.widget import Widget

from tui.app.bindings import key_hint, keymap_of
from tui.app.chart import Chart, StripLayout, bar_rows_for
from tui.app.widgets.readable import ReadableLines


class StripVisual(Visual):
    """``chart`` drawn with ``bar_rows`` rows of bars (0: one line), ``chosen`` marked."""

    def __init__(self, chart: Chart, chosen: int | None, bar_rows: int, hint: str = "") -> None:
        self.chart = chart
        self.chosen = chosen
        self.bar_rows = bar_rows
        self.hint = hint
        self._width = 80  # the width it was last drawn at

    def layout(self, width: int) -> StripLayout:
        return StripLayout(self.chart, self.chosen, width, self.bar_rows, self.hint)

    def __str__(self) -> str:
        """The strip's text as last drawn."""
        return "\n".join(line.plain for line in self.layout(self._width).lines())

    def render_strips(self, width: int, height: int | None, style: Style, options: RenderOptions) -> list[Strip]:
        self._width = width
        strips = []
        for line in self.layout(width).lines():
            rendered = line.render_strips(width, 1, style, options)
            strip = Strip.join(rendered[:1]) if rendered else Strip.blank(0)
            strips.append(strip.extend_cell_length(width, style.rich_style).crop(0, width))
        return strips[:height] if height is not None else strips

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return container_width

    def get_height(self, rules: RulesMap, width: int) -> int:
        return self.layout(width).height


def strip_hint(node: Widget) -> str:
    """``"[ ] periods"``: the keys that move along the strip, as the user bound them."""
    keymap = keymap_of(node)
    return f"{key_hint('strip.previous', keymap)} {key_hint('strip.next', keymap)} periods"


class TimelineStrip(ReadableLines, Widget):
    """The strip above the Timeline list: one line on a short terminal, more rows of bars
    on a taller one; a click on a bar chooses its period."""

    DEFAULT_CSS = """
    TimelineStrip {
        height: auto;
        background: $surface;
    }
    """

    class Chosen(Message):
        """A period was clicked (``index`` into the chart's buckets)."""

        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.chart = Chart()
        self.chosen: int | None = None
        self._loaded = False

    def set_chart(self, chart: Chart, key: str | None = None) -> None:
        """Draw ``chart``, the period of the event ``key`` chosen."""
        self.chart = chart
        self._loaded = True
        self.chosen = chart.bucket_of.get(key) if key is not None else None
        self.refresh(layout=True)

    def follow(self, key: str | None) -> None:
        """The list cursor is on the event ``key``: choose its period (none if no bar holds it)."""
        chosen = self.chart.bucket_of.get(key) if key is not None else None
        if chosen != self.chosen:
            self.chosen = chosen
            self.refresh()

    def choose(self, index: int | None) -> None:
        self.chosen = index
        self.refresh()

    def _visual(self, height: int) -> StripVisual:
        rows = bar_rows_for(height)
        return StripVisual(self.chart, self.chosen, rows, strip_hint(self))

    def render(self) -> Visual | Content:
        if not self._loaded:
            return Content("")  # the store is loading: the list says so
        return self._visual(self.app.size.height)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        if not self._loaded or not width:
            return 1
        return self._visual(viewport.height).get_height(self.styles, width)

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        index = self._visual(self.app.size.height).layout(self.size.width).bucket_at(offset.x, offset.y)
        if index is not None:
            self.post_message(self.Chosen(index))
