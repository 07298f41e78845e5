""""Add URL or file…" (palette): one line of web addresses and paths to add to the store."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import BindingType

from tui.app.bindings import PICKER_BINDINGS
from tui.app.screens.prompt import LinePrompt

NOTE = ("One or more web addresses (https://…) or files and folders (saved pages, .txt, .md), "
        "separated by spaces; quote a path that holds spaces; ~ is your home folder. "
        "enter adds them, esc closes this without adding.")


class AddScreen(LinePrompt):
    """The line typed (None: closed without adding)."""

    # Only "close": letters, j and k included, are typed here.
    BINDINGS: ClassVar[list[BindingType]] = [b for b in PICKER_BINDINGS if b.id == "picker.cancel"]
    DIALOG_CLASSES = "dialog add-dialog"
    NOTE_CLASSES = "text-note"

    def __init__(self) -> None:
        super().__init__("Add URLs or files", "", NOTE, placeholder="https://…  ~/saved/page.html  notes/",
                         input_id="add-input")

    def answer(self, typed: str) -> str | None:
        return typed if typed.strip() else None

    def action_dismiss_none(self) -> None:
        self.dismiss(None)
