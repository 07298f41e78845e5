"""What the user wrote, as the reader and the lists show it: tags and notes.

In the reader, the article's tags and its own notes sit in the header; a paragraph with a
note carries ``✎`` in its gutter and the note shows below it, flagged when the paragraph no
longer reads as it did when the note was written. Rows show their tags compactly, before
the text of their widest column (where they are not cut off by a long title), never taking
more than half of it (``row_tags``).
"""

from __future__ import annotations

from rich.cells import cell_len, set_cell_size
from textual.content import Content
from textual.widgets.option_list import Option

from tui.app.display import line, text
from tui.app.widgets.hanging import HangingIndent
from tui.library.userdata import PlacedNote
from tui.records import ARTICLE

NOTE_MARK = "✎"
NOTE = "italic $text-success"
TAG = "$text-accent"
ROW_TAGS_SHOWN = 1  # then "+N": the title needs the room
ROW_TAGS_SHARE = 2  # the tags take at most 1/2 of the cell; the title keeps the rest


def row_tags(tags: tuple[str, ...], width: int) -> str:
    """The tags a row shows before its widest cell, ``width`` cells wide: ``#chapter-3 +1  ``
    while that leaves the title half the cell, else the first tag cut (``#chap… +1 ``), else
    ``#… `` — a narrow column keeps the title, which says what the row is (the detail beside
    or behind it shows every tag whole)."""
    if not tags or width < 8:
        return ""
    more = f" +{len(tags) - ROW_TAGS_SHOWN}" if len(tags) > ROW_TAGS_SHOWN else ""
    first = " ".join(f"#{t}" for t in tags[:ROW_TAGS_SHOWN])
    budget = width // ROW_TAGS_SHARE
    if cell_len(f"{first}{more}  ") <= budget:
        return f"{first}{more}  "
    if cell_len(f"{first}{more} ") <= budget:
        return f"{first}{more} "
    room = budget - cell_len(more) - 3  # "#", "…" and the space after
    if room >= 2:
        return f"#{set_cell_size(tags[0], room).rstrip()}…{more} "  # (rstrip: a wide character cut in two)
    return "#… "


def _note_text(placed: PlacedNote) -> Content:
    note = placed.note
    body = Content("\n").join(text(part, NOTE) for part in note.text.split("\n"))  # its own lines kept
    if not placed.changed:
        return body
    where = f"paragraph {note.paragraph}" if note.paragraph is not None else "the article"
    flag = text(f"(written on {where}, which read then: “{note.quoted or ''}”)", "$text-warning")
    return line(flag, Content("\n"), body)


def header_options(tags: list[str], notes: list[PlacedNote]) -> list[Option]:
    """The reader header's lines for the article's tags and for the notes shown on it (its
    own, and paragraph notes whose paragraph is gone)."""
    options = []
    if tags:
        options.append(Option(line(text("Tags: ", "$text-muted"), text("  ".join(f"#{t}" for t in tags), TAG)),
                              disabled=True))
    for placed in notes:
        options.append(Option(HangingIndent(text(f"{NOTE_MARK} ", NOTE), _note_text(placed)), disabled=True))
    return options


def marginalia(catalog, article) -> tuple[list[Option], dict[int, list[PlacedNote]]]:
    """What the reader shows of the user's writing on ``article`` (read with its paragraphs):
    the header's lines (tags; notes on the article) and the notes under each paragraph."""
    notes = catalog.notes_in(article)
    by_paragraph: dict[int, list[PlacedNote]] = {}
    for placed in notes:
        if placed.paragraph is not None:
            by_paragraph.setdefault(placed.paragraph, []).append(placed)
    on_article = header_options(catalog.tags_of(ARTICLE, article.id), [n for n in notes if n.paragraph is None])
    return on_article, by_paragraph


def note_option(placed: PlacedNote, indent: int) -> Option:
    """A paragraph's note, under it: indented as the paragraph's text, after ``✎``."""
    gutter = Content(" " * (indent - 2) + f"{NOTE_MARK} ").stylize(NOTE)
    return Option(HangingIndent(gutter, _note_text(placed)), disabled=True)
