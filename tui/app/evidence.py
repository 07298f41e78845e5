"""Finding an event's evidence sentence in its paragraph, and the wrapped line it starts on."""

from __future__ import annotations

import re

from textual.content import Content

_ELLIPSIS = re.compile(r"\s*(?:…|\.\.\.)\s*")


def sentence_span(paragraph: str, sentence: str) -> tuple[int, int] | None:
    """Where ``sentence`` stands in ``paragraph``: word for word (extraction stores the
    sentence as the paragraph has it), else, when it was quoted with "…" for words left
    out, from its first piece to its last, found in order. None: it is not there."""
    wanted = sentence.strip()
    if not wanted:
        return None
    at = paragraph.find(wanted)
    if at >= 0:
        return at, at + len(wanted)
    pieces = [p for p in _ELLIPSIS.split(wanted) if p]
    if len(pieces) < 2:
        return None
    start = end = paragraph.find(pieces[0])
    if start < 0:
        return None
    end = start + len(pieces[0])
    for piece in pieces[1:]:
        found = paragraph.find(piece, end)
        if found < 0:
            return None
        end = found + len(piece)
    return start, end


def line_starts(body: Content, width: int) -> list[int]:
    """The offset in ``body.plain`` at which each of its lines starts when wrapped to ``width``
    cells, as a widget wraps it (the wrapped lines lose only the spaces at their ends)."""
    plain = body.plain
    starts: list[int] = []
    at = 0
    for wrapped in body.wrap(max(width, 1)):
        piece = wrapped.plain.strip()
        found = plain.find(piece, at) if piece else at
        if found < 0:  # cannot happen with the wrapping above; stay on the last line found
            found = at
        starts.append(found)
        at = found + len(piece)
    return starts or [0]
