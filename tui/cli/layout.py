"""Lines that fit the terminal: widths in cells, text cut at a grapheme with an ellipsis.

Widths are terminal cells, not characters: an East Asian wide character takes two, a
combining accent none. ``rich.cells`` measures them as the explorer (Textual) does.
"""

from __future__ import annotations

import shutil
from collections.abc import Sequence

from rich.cells import cell_len, split_graphemes

from tui.cli.output import safe

ELLIPSIS = "…"
# Narrower than this, a table's columns cannot all show; its lines are then longer.
MIN_WIDTH = 40
# A title is never cut shorter than this; an outlet column, when shown, is at least this.
TITLE_MIN = 10
OUTLET_MIN = 6


def terminal_width() -> int:
    """Columns to fill: ``$COLUMNS`` if set, else the terminal's width, else 80 (piped);
    never less than ``MIN_WIDTH``."""
    return max(MIN_WIDTH, shutil.get_terminal_size((80, 24)).columns)


def cut(text: str, width: int) -> str:
    """``text`` in at most ``width`` cells: cut between graphemes, ending with "…"."""
    if cell_len(text) <= width:
        return text
    if width <= 0:
        return ""
    spans, _ = split_graphemes(text)
    used, end = 0, 0
    for start, stop, cells in spans:
        if used + cells > width - 1:
            break
        used += cells
        end = stop
    return text[:end].rstrip() + ELLIPSIS


def one_line(text: object) -> str:
    """Stored text for one cell: control characters removed, line breaks and tabs as spaces."""
    return safe(text).replace("\n", " ").replace("\t", " ").strip()


def pad(text: str, width: int) -> str:
    """``text`` followed by spaces up to ``width`` cells."""
    return text + " " * max(0, width - cell_len(text))


def fit_row(cells: list[str], widths: list[int], gap: str = "  ") -> str:
    """One line of columns: each cell cut to its width and padded (the last is not)."""
    out = [pad(cut(c, w), w) for c, w in zip(cells[:-1], widths[:-1])]
    out.append(cut(cells[-1], widths[-1]))
    return gap.join(out).rstrip()


def natural_width(header: str, values: list[str]) -> int:
    """The cells a column needs to show its header and every value whole."""
    return max([cell_len(header), *(cell_len(v) for v in values)])


def table_lines(headers: Sequence[str], rows: Sequence[Sequence[object]], width: int, flexible: int = -1) -> list[str]:
    """Rows in aligned columns of ``width`` cells: every column as wide as its widest cell
    but the ``flexible`` one, which gets what is left (at least ``TITLE_MIN``), cut."""
    cells = [[one_line(c) for c in row] for row in rows]
    widths = [natural_width(h, [r[i] for r in cells]) for i, h in enumerate(headers)]
    flex = flexible % len(headers)
    fixed = sum(w for i, w in enumerate(widths) if i != flex) + 2 * (len(headers) - 1)
    widths[flex] = max(TITLE_MIN, min(widths[flex], width - fixed))
    return [fit_row(list(row), widths) for row in [list(headers), *cells]]
