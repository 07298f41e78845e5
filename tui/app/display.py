"""Display text built from data: always literal text, never markup.

Titles, outlets, authors, names, paragraphs, settings and copied text are shown as
written, whatever they hold (``[/]``, ``[@click=app.quit]…[/]``, ``$accent``, escapes).
Every widget text built from such values goes through :func:`text` or :func:`line`;
styles come from our code only. The palette's fuzzy highlight (Textual's parses its
candidate as markup) is :func:`fuzzy_highlight`.
"""

from __future__ import annotations

from textual.content import Content
from textual.fuzzy import Matcher

from tui.app.formatting import safe

Part = Content | tuple[object, str] | object


def text(value: object, style: str = "") -> Content:
    """``value`` as one line of literal text (control characters and line breaks made inert),
    in ``style`` (a style of ours, e.g. ``"bold $text-muted"``)."""
    content = Content(safe(value))
    return content.stylize(style) if style else content


def line(*parts: Part) -> Content:
    """Parts joined into one Content: Content as it is, ``(value, style)`` and plain values
    through :func:`text`."""
    pieces: list[Content] = []
    for part in parts:
        if isinstance(part, Content):
            pieces.append(part)
        elif isinstance(part, tuple):
            value, style = part
            pieces.append(text(value, style))
        else:
            pieces.append(text(part))
    return Content.assemble(*pieces)


def fuzzy_highlight(matcher: Matcher, value: str) -> Content:
    """``value`` as literal text with the characters the palette's query matched highlighted."""
    content = text(value)
    score, offsets = matcher.fuzzy_search.match(matcher.query, content.plain)
    if not score:
        return content
    for offset in offsets:
        if not content.plain[offset].isspace():
            content = content.stylize(matcher.match_style, offset, offset + 1)
    return content
