"""Readable text on whatever background it sits on: WCAG contrast, computed per cell run.

A name styled ``$text-secondary`` reads well on the reader's surface and vanishes on the
cursor's bright blue (grey-blue on blue; pale on pale in ``nord``): a span's colour cannot be
chosen without knowing the background, and the background depends on the row's state
(cursor, blurred cursor, hover) and the theme. So the widgets that show data pass their
rendered lines through :func:`readable_segments`, which keeps every colour that reaches
:data:`MINIMUM` against its own background and moves the others towards white or black
(their hue kept) just far enough. Pure colour maths on rich styles; no Textual import.
"""

from __future__ import annotations

from functools import lru_cache

from rich.color import Color
from rich.segment import Segment
from rich.style import Style

MINIMUM = 4.5  # WCAG 2 AA for body text
_WHITE = (255, 255, 255)
_BLACK = (0, 0, 0)
# In an ANSI theme the terminal owns the palette: replacements stay ANSI colours.
_ANSI_BLACK, _ANSI_WHITE = Color.from_ansi(0), Color.from_ansi(15)


def luminance(rgb: tuple[int, int, int]) -> float:
    """WCAG relative luminance of an sRGB colour."""

    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = rgb
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def ratio(a: tuple[int, int, int], b: tuple[int, int, int]) -> float:
    """WCAG contrast ratio of two colours (1 to 21)."""
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def _blend(a: tuple[int, int, int], b: tuple[int, int, int], t: float) -> tuple[int, int, int]:
    return tuple(round(x + (y - x) * t) for x, y in zip(a, b))  # type: ignore[return-value]


@lru_cache(maxsize=4096)
def readable(fg: tuple[int, int, int], bg: tuple[int, int, int], minimum: float = MINIMUM) -> tuple[int, int, int]:
    """``fg``, or the least change of it towards white or black that reaches ``minimum``
    against ``bg`` (always possible: white or black reach 4.58 or more on any background)."""
    if ratio(fg, bg) >= minimum:
        return fg
    # The way the colour already leans (lighter or darker than the background), if that way
    # reaches the minimum: a light name on a mid blue turns whiter, not black.
    ends = (_WHITE, _BLACK) if luminance(fg) >= luminance(bg) else (_BLACK, _WHITE)
    target = next((end for end in ends if ratio(end, bg) >= minimum), max(ends, key=lambda end: ratio(end, bg)))
    low, high = 0.0, 1.0
    for _ in range(16):  # bisect the blend; colours are whole numbers, so check the result
        middle = (low + high) / 2
        if ratio(_blend(fg, target, middle), bg) >= minimum:
            high = middle
        else:
            low = middle
    return _blend(fg, target, high)


def _rgb(color: Color) -> tuple[int, int, int]:
    triplet = color.get_truecolor()
    return (triplet.red, triplet.green, triplet.blue)


@lru_cache(maxsize=4096)
def readable_style(style: Style) -> Style:
    """``style`` with its visible foreground made readable on its visible background."""
    fg, bg = (style.bgcolor, style.color) if style.reverse else (style.color, style.bgcolor)
    if fg is None or bg is None or fg.is_default or bg.is_default:
        return style  # the terminal's own colours, paired by the terminal
    if ratio(_rgb(fg), _rgb(bg)) >= MINIMUM:
        return style
    if fg.is_system_defined:  # ANSI: the darker or lighter end of the terminal's palette
        better = max((_ANSI_BLACK, _ANSI_WHITE), key=lambda c: ratio(_rgb(c), _rgb(bg)))
    else:
        better = Color.from_rgb(*readable(_rgb(fg), _rgb(bg)))
    return style + (Style(bgcolor=better) if style.reverse else Style(color=better))


def readable_segments(segments):
    """Segments with every style made readable (control segments untouched)."""
    for segment in segments:
        text, style, control = segment
        if style is None or control:
            yield segment
        else:
            fixed = readable_style(style)
            yield segment if fixed is style else Segment(text, fixed, control)
