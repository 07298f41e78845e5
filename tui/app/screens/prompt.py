"""A one-line question in a dialog: a file name to save to; the base of every such dialog."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from tui.app.bindings import PROMPT_BINDINGS
from tui.app.display import text
from tui.app.widgets.keybar import KeyBar


class LinePrompt(ModalScreen[str | None]):
    """A title, a box holding ``value`` to edit, a note under it; Enter gives ``answer`` of
    the text. Subclasses set their bindings (escape: None) and the classes their CSS knows."""

    DIALOG_CLASSES: ClassVar[str] = "dialog"
    NOTE_CLASSES: ClassVar[str] = ""

    def __init__(self, title: str, value: str, note: str, *, placeholder: str = "",
                 input_id: str | None = None) -> None:
        super().__init__(classes="picker")
        self.title_text = title
        self.value = value
        self.note = note
        self.placeholder = placeholder
        self.input_id = input_id

    def compose(self) -> ComposeResult:
        with Vertical(classes=self.DIALOG_CLASSES):
            yield Static(text(self.title_text, "bold"), classes="dialog-title", markup=False)
            # A value is selected whole: typing replaces it.
            yield Input(self.value, placeholder=self.placeholder, id=self.input_id, compact=True)
            yield Static(text(self.note, "$text-muted"), classes=self.NOTE_CLASSES, markup=False)
        yield KeyBar()

    def on_mount(self) -> None:
        box = self.query_one(Input)
        box.cursor_blink = getattr(self.app, "CURSOR_BLINK", True)
        box.focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(self.answer(event.value))

    def answer(self, typed: str) -> str | None:
        """What the dialog gives for the line ``typed``."""
        return typed


class PathPrompt(LinePrompt):
    """A title, a box holding ``value`` to edit, a hint; Enter gives the text, escape None."""

    BINDINGS: ClassVar[list[BindingType]] = PROMPT_BINDINGS
    DIALOG_CLASSES = "dialog prompt-dialog"
    NOTE_CLASSES = "prompt-hint"

    def action_cancel(self) -> None:
        self.dismiss(None)
