"""A one-line question in a dialog: a file name to save to."""

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


class PathPrompt(ModalScreen[str | None]):
    """A title, a box holding ``value`` to edit, a hint; Enter gives the text, escape None."""

    BINDINGS: ClassVar[list[BindingType]] = PROMPT_BINDINGS

    def __init__(self, title: str, value: str, hint: str) -> None:
        super().__init__(classes="picker")
        self.title_text = title
        self.value = value
        self.hint = hint

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog prompt-dialog"):
            yield Static(text(self.title_text, "bold"), classes="dialog-title", markup=False)
            yield Input(self.value, compact=True)  # selected whole: typing replaces it
            yield Static(text(self.hint, "$text-muted"), classes="prompt-hint", markup=False)
        yield KeyBar()

    def on_mount(self) -> None:
        box = self.query_one(Input)
        box.cursor_blink = getattr(self.app, "CURSOR_BLINK", True)
        box.focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        self.dismiss(None)
