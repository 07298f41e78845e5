"""`n`: write the note on an article or on its current paragraph — never losing what was typed.

ctrl+s saves (the dialog stays open until the store is written, and keeps the text if that
fails); esc closes at once only when nothing was changed, and otherwise asks first. Saving
an emptied note deletes it (the store's backup keeps the version before).
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static, TextArea

from tui.app.bindings import DISCARD_BINDINGS, NOTE_BINDINGS, key_hint, keymap_of
from tui.app.display import line, text
from tui.app.messages import WriteNote
from tui.app.screens.write_dialog import WriteDialog
from tui.app.widgets.keybar import KeyBar
from tui.records import Article

EXCERPT = 240  # characters of the paragraph shown above the box


def excerpt(paragraph: str, limit: int = EXCERPT) -> str:
    """The start of a paragraph, cut at a word, for the dialog's head."""
    if len(paragraph) <= limit:
        return paragraph
    return paragraph[:limit].rsplit(" ", 1)[0] + " …"


class NoteScreen(WriteDialog):
    """The note on ``article`` (at ``paragraph``, or on the article when None); ``original``
    is the note there now ("" when none). Dismissed with True once written, else False."""

    BINDINGS: ClassVar[list[BindingType]] = NOTE_BINDINGS
    BOX = TextArea
    ERROR_ID = "note-error"
    NOT_SAVED = "Not saved (your text is still here)"

    def __init__(self, article: Article, paragraph: int | None, original: str = "",
                 changed_from: str | None = None) -> None:
        super().__init__(classes="picker")
        self.article = article
        self.paragraph = paragraph
        self.original = original
        self.changed_from = changed_from  # how its paragraph read when the note was written, if it differs now
        self.saving = False

    def compose(self) -> ComposeResult:
        where = f"paragraph {self.paragraph}" if self.paragraph is not None else "the article"
        with Vertical(classes="dialog note-dialog"):
            of = " of “" if self.paragraph is not None else " “"  # "the article “…”", not "the article of"
            yield Static(line((f"Note on {where}", "bold"), (of, "$text-muted"),
                              (self.article.title or self.article.id, "$text-muted"), ("”", "$text-muted")),
                         classes="dialog-title", markup=False)
            found = self.article.paragraph(self.paragraph) if self.paragraph is not None else None
            if found is not None:
                yield Static(text(f"“{excerpt(found.text)}”", "$text-muted"), classes="note-quote", markup=False)
            if self.changed_from is not None:
                yield Static(text(f"This paragraph has changed since the note was written; it read: "
                                  f"“{excerpt(self.changed_from)}”", "$text-warning"),
                             classes="note-quote", markup=False)
            yield TextArea(self.original, soft_wrap=True, show_line_numbers=False, id="note-text")
            save, close = (key_hint(i, keymap_of(self)) for i in ("note.save", "note.cancel"))
            yield Static(text(f"{save} saves · {close} closes (asks first if you changed it) · "
                              "an empty note is deleted", "$text-muted"), classes="note-hint", markup=False)
            yield self.error_line()
        yield KeyBar()

    def _ready(self, box: TextArea) -> None:  # type: ignore[override]
        box.move_cursor(box.document.end)

    @property
    def typed(self) -> str:
        return self.query_one(TextArea).text

    def action_save(self) -> None:
        if self.saving:
            return
        if self.typed.strip() == self.original.strip():
            self.dismiss(False)  # nothing to write
            return
        self.saving = True
        self.query_one(TextArea).read_only = True
        self._say("Saving…", "$text-muted")
        self.post_message(WriteNote(self.article, self.paragraph, self.typed, self._written))

    def _written(self, error: str | None) -> None:
        self.saving = False
        super()._written(error)

    def _give_back(self) -> TextArea:
        area = self.query_one(TextArea)
        area.read_only = False
        return area

    def action_cancel(self) -> None:
        if self.saving:
            return
        if self.typed == self.original:
            self.dismiss(False)
            return
        self.app.push_screen(DiscardScreen(), self._asked)

    def _asked(self, discard: bool | None) -> None:
        if discard:
            self.dismiss(False)
        else:
            self.query_one(TextArea).focus()


class DiscardScreen(ModalScreen[bool]):
    """Esc on a note changed and not saved: discard it (y), or go back to it (n, esc)."""

    BINDINGS: ClassVar[list[BindingType]] = DISCARD_BINDINGS

    def __init__(self) -> None:
        super().__init__(classes="picker")

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog discard-dialog"):
            yield Static(text("Discard the note you changed? It is not saved.", "bold"), classes="dialog-title",
                         markup=False)
            discard, keep, save = (key_hint(i, keymap_of(self)) for i in ("note.discard", "note.keep", "note.save"))
            yield Static(text(f"{discard} discards it · {keep} goes back to it (then {save} saves)", "$text-muted"),
                         markup=False)
        yield KeyBar()

    def action_discard(self) -> None:
        self.dismiss(True)

    def action_keep(self) -> None:
        self.dismiss(False)
