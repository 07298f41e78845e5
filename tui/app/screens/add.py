""""Add URL or file…" (palette): one line of web addresses and paths to add to the store."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from tui.app.bindings import PICKER_BINDINGS
from tui.app.display import text
from tui.app.widgets.keybar import KeyBar

NOTE = ("One or more web addresses (https://…) or files and folders (saved pages, .txt, .md), "
        "separated by spaces; quote a path that holds spaces; ~ is your home folder. "
        "enter adds them, esc closes this without adding.")


class AddScreen(ModalScreen[str | None]):
    """The line typed (None: closed without adding)."""

    # Only "close": letters, j and k included, are typed here.
    BINDINGS: ClassVar[list[BindingType]] = [b for b in PICKER_BINDINGS if b.id == "picker.cancel"]

    def __init__(self) -> None:
        super().__init__(classes="picker")

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog add-dialog"):
            yield Static(text("Add URLs or files", "bold"), classes="dialog-title", markup=False)
            yield Input(placeholder="https://…  ~/saved/page.html  notes/", id="add-input", compact=True)
            yield Static(text(NOTE, "$text-muted"), classes="text-note", markup=False)
        yield KeyBar()

    def on_mount(self) -> None:
        box = self.query_one(Input)
        box.cursor_blink = getattr(self.app, "CURSOR_BLINK", True)
        box.focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(event.value if event.value.strip() else None)

    def action_dismiss_none(self) -> None:
        self.dismiss(None)
