"""A virtual list of records: renders only the visible rows, so 10,000 rows cost nothing.

Swapping the rows (a new search result) is one list assignment and a refresh; no
widget per row, no per-row measurement. Rows are plain strings shown literally.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from typing import ClassVar

from rich.cells import cell_len
from rich.segment import Segment
from textual import events
from textual.binding import BindingType
from textual.content import Content
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tui.app.bindings import LIST_BINDINGS
from tui.app.display import text
from tui.app.widgets.marginalia import row_tags
from tui.app.widgets.readable import ReadableLines


MARK = "✓"  # in the gutter of a marked row
GUTTER = 2  # cells: the mark and a space


@dataclass(frozen=True)
class Column:
    """A column: fixed ``width`` cells, or flexible (``width=None``) sharing the rest."""

    label: str
    width: int | None = None
    align: str = "left"
    style: str = ""
    min_width: int = 8
    fit: int | None = None  # a fixed column that widens to fit its cells (see ``fit_widths``), up to this many


@dataclass(frozen=True)
class Row:
    """One line: ``key`` identifies the record; group rows are headings, not selectable.
    ``tags``: the record's tags, shown before the flexible column's text as its width allows."""

    key: str | None
    cells: tuple[str, ...]
    group: bool = False
    tags: tuple[str, ...] = ()


FIT_SHARE = 0.95  # a fitted column fits this share of its cells whole; the longer rest end in "…"


def fit_widths(columns: list[Column], rows: list[Row]) -> list[int | None]:
    """The width of each column for ``rows``: a fixed column as given, a fitted one
    (``Column.fit``) widened to its 95th-percentile cell, at most ``fit`` cells.

    One long cell (a range of days across two years) does not widen the column for every
    row: it is cut with "…" in the list, and shown whole in the detail. A pass over every
    row, so the panes run it in their search worker, never on the UI thread."""
    widths: list[int | None] = []
    for i, column in enumerate(columns):
        if not (column.fit and column.width is not None):
            widths.append(column.width)
            continue
        cells = Counter(r.cells[i] for r in rows if not r.group and i < len(r.cells))
        lengths: Counter[int] = Counter()
        for cell, count in cells.items():  # the same dates come again and again: measure each once
            lengths[cell_len(cell)] += count
        wanted = math.ceil(FIT_SHARE * sum(lengths.values()))  # nearest rank: this many cells fit whole
        seen, fitted = 0, 0
        for length in sorted(lengths):
            seen += lengths[length]
            fitted = length
            if seen >= wanted:
                break
        widths.append(max(column.width, min(column.fit, fitted)))
    return widths


class _ListMessage(Message):
    """What a list tells its pane about one record: the list, and the record's ``key``."""

    def __init__(self, record_list: RecordList, key: str | None) -> None:
        super().__init__()
        self.record_list = record_list
        self.key = key

    @property
    def control(self) -> RecordList:
        return self.record_list


class RecordList(ReadableLines, ScrollView, can_focus=True):
    """A header line and a scrolling, keyboard-driven list of rows."""

    BINDINGS: ClassVar[list[BindingType]] = LIST_BINDINGS

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "record-list--header",
        "record-list--row",
        "record-list--group",
        "record-list--cursor",
        "record-list--mark",
    }

    DEFAULT_CSS = """
    RecordList {
        background: $surface;
        overflow-x: hidden;  /* rows are cut to the width: never a horizontal scrollbar */
        & > .record-list--header { color: $text-muted; text-style: bold; }
        & > .record-list--group { color: $accent; text-style: bold; }
        & > .record-list--mark { color: $text-accent; text-style: bold; }
        & > .record-list--cursor {
            color: $block-cursor-blurred-foreground;
            background: $block-cursor-blurred-background;
            text-style: $block-cursor-blurred-text-style;
        }
        &:focus > .record-list--cursor {
            color: $block-cursor-foreground;
            background: $block-cursor-background;
            text-style: $block-cursor-text-style;
        }
    }
    """

    class Highlighted(_ListMessage):
        """The cursor moved to the record ``key`` (None when the list is empty)."""

    class Selected(_ListMessage):
        """Enter (or a click on the current row) on the record ``key`` (never None)."""

    def __init__(self, columns: list[Column], *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.columns = columns
        self._fixed = [c.width for c in columns]  # fixed widths, fitted to the rows shown
        self.rows: list[Row] = []
        self._row_of_key: dict[str, int] = {}
        self.cursor: int | None = None
        self.marked: frozenset[str] = frozenset()  # keys shown with MARK in the gutter

    # -- data ----------------------------------------------------------------

    def set_rows(self, rows: list[Row], keep: str | None = None, widths: list[int | None] | None = None) -> None:
        """Show ``rows``; put the cursor on ``keep`` if present, else on the first record.

        ``widths``: the columns' widths fitted to ``rows`` (``fit_widths``, worked out off the
        UI thread); without them the columns keep their given widths."""
        self.rows = rows
        self._fixed = list(widths) if widths is not None else [c.width for c in self.columns]
        self._row_of_key = {r.key: i for i, r in enumerate(rows) if r.key is not None and not r.group}
        self.virtual_size = Size(self.size.width, len(rows) + 1)
        target = self._row_of_key.get(keep) if keep is not None else None
        if target is None:
            target = self._next_selectable(0, 1)
        self.cursor = None
        self._move_cursor(target, force_message=True)
        self.refresh()

    def set_marked(self, keys: frozenset[str]) -> None:
        """Show ``keys`` as marked. While any key is marked (shown or not) every line gets a
        two-cell gutter, so the marks line up and the columns stay where they are."""
        self.marked = keys
        self.refresh()

    @property
    def shown_keys(self) -> list[str]:
        """The keys of the records listed now (not the group headings), in order."""
        return list(self._row_of_key)

    @property
    def current_key(self) -> str | None:
        if self.cursor is None or not self.rows:
            return None
        return self.rows[self.cursor].key

    @property
    def record_count(self) -> int:
        return len(self._row_of_key)

    def row_of(self, key: str) -> int | None:
        """The row index of the record ``key`` (None: not listed)."""
        return self._row_of_key.get(key)

    def select_key(self, key: str) -> bool:
        """Move the cursor to ``key``; False when it is not listed."""
        index = self._row_of_key.get(key)
        if index is None:
            return False
        self._move_cursor(index)
        return True

    # -- cursor --------------------------------------------------------------

    def _next_selectable(self, start: int, step: int) -> int | None:
        index = start
        while 0 <= index < len(self.rows):
            if not self.rows[index].group:
                return index
            index += step
        return None

    def _move_cursor(self, index: int | None, force_message: bool = False) -> None:
        old = self.cursor
        self.cursor = index
        if index is not None:
            self._scroll_to_row(index)
        if old != index or force_message:
            if old is not None:
                self.refresh_lines(old + 1 - int(self.scroll_offset.y))
            if index is not None:
                self.refresh_lines(index + 1 - int(self.scroll_offset.y))
            self.post_message(self.Highlighted(self, self.current_key))

    def _scroll_to_row(self, index: int) -> None:
        visible = max(self.scrollable_content_region.height - 1, 1)
        top = int(self.scroll_offset.y)
        # Keep a group heading right above the cursor in view when moving up.
        wanted_top = index - 1 if index > 0 and self.rows[index - 1].group else index
        if wanted_top < top:
            self.scroll_to(y=wanted_top, animate=False, immediate=True)
        elif index >= top + visible:
            self.scroll_to(y=index - visible + 1, animate=False, immediate=True)
        self.refresh()

    def _step(self, step: int) -> None:
        if self.cursor is None:
            self._move_cursor(self._next_selectable(0, 1))
            return
        target = self._next_selectable(self.cursor + step, 1 if step > 0 else -1)
        if target is None:  # only headings beyond: stay
            return
        self._move_cursor(target)

    def action_cursor_down(self) -> None:
        self._step(1)

    def action_cursor_up(self) -> None:
        self._step(-1)

    def action_page_down(self) -> None:
        page = max(self.scrollable_content_region.height - 2, 1)
        if self.cursor is not None:
            target = min(self.cursor + page, len(self.rows) - 1)
            self._move_cursor(self._next_selectable(target, 1) or self._next_selectable(target, -1))

    def action_page_up(self) -> None:
        page = max(self.scrollable_content_region.height - 2, 1)
        if self.cursor is not None:
            target = max(self.cursor - page, 0)
            found = self._next_selectable(target, -1)
            self._move_cursor(found if found is not None else self._next_selectable(target, 1))

    def action_first(self) -> None:
        self._move_cursor(self._next_selectable(0, 1))

    def action_last(self) -> None:
        self._move_cursor(self._next_selectable(len(self.rows) - 1, -1))

    def action_select(self) -> None:
        key = self.current_key
        if key is not None:
            self.post_message(self.Selected(self, key))

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None or offset.y == 0:
            return
        index = int(self.scroll_offset.y) + offset.y - 1
        if 0 <= index < len(self.rows) and not self.rows[index].group:
            if index == self.cursor and event.chain >= 2:
                self.action_select()
            self._move_cursor(index)

    # -- rendering -------------------------------------------------------------

    def on_resize(self, event: events.Resize) -> None:
        self.virtual_size = Size(self.size.width, len(self.rows) + 1)
        if self.cursor is not None:
            self._scroll_to_row(self.cursor)

    def _widths(self, total: int) -> list[int]:
        gaps = len(self.columns) - 1
        fixed = sum(w or 0 for w in self._fixed)
        flexible = [c for c in self.columns if c.width is None]
        spare = max(total - fixed - gaps, 0)
        share = spare // len(flexible) if flexible else 0
        widths = [w if w is not None else share for w in self._fixed]
        # Too narrow: drop trailing fixed columns before the flexible one vanishes.
        while flexible and share < min(c.min_width for c in flexible) and len(widths) > 1:
            dropped = next((i for i in range(len(widths) - 1, -1, -1) if self.columns[i].width and widths[i]), None)
            if dropped is None:
                break
            spare += widths[dropped] + 1
            widths[dropped] = 0
            share = spare // len(flexible)
            widths = [w if f is not None else share for w, f in zip(widths, self._fixed)]
        return widths

    def _line(self, cells: tuple[str, ...], widths: list[int], styled: bool, tags: tuple[str, ...] = ()) -> Content:
        parts: list[Content] = []
        for column, cell, width in zip(self.columns, cells, widths):
            if width <= 0:
                continue
            if tags and column.width is None:
                cell, tags = row_tags(tags, width) + cell, ()  # (the first flexible column)
            cell_text = text(cell)
            cell_text = cell_text.right(width, ellipsis=True) if column.align == "right" else cell_text.truncate(width, ellipsis=True, pad=True)
            if styled and column.style:
                cell_text = cell_text.stylize(column.style)
            parts.append(cell_text)
        return Content(" ").join(parts)

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        gutter = GUTTER if self.marked else 0
        widths = self._widths(width - gutter)
        mark: Content | None = None
        if y == 0:
            style = self.get_visual_style("record-list--header")
            content = self._line(tuple(c.label for c in self.columns), widths, styled=False)
        else:
            index = int(self.scroll_offset.y) + y - 1
            if not 0 <= index < len(self.rows):
                return Strip.blank(width, self.get_visual_style("record-list--row").rich_style)
            row = self.rows[index]
            if row.group:
                style = self.get_visual_style("record-list--group")
                content = text(" ".join(row.cells)).truncate(width - gutter, ellipsis=True)
            else:
                cursor = index == self.cursor
                style = self.get_visual_style("record-list--row", *(["record-list--cursor"] if cursor else []))
                content = self._line(row.cells, widths, styled=not cursor, tags=row.tags)
                if row.key in self.marked:
                    # A mark is a sign, not only a colour; under the cursor, in the cursor's colours.
                    mark = Content(MARK).stylize("bold") if cursor else Content(MARK).stylize(
                        self.get_visual_style("record-list--mark", partial=True))
        if gutter:
            content = Content.assemble(mark or " ", " " * (gutter - 1), content)
        segments = [Segment(text, s.rich_style if s else None) for text, s in content.render(style, end="")]
        return Strip(segments).adjust_cell_length(width, style.rich_style)
