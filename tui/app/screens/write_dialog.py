"""What the tag and the note dialogs share: they ask the app to write, and wait for the answer."""

from __future__ import annotations

from typing import ClassVar

from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Static

from tui.app.display import text


class WriteDialog(ModalScreen[bool]):
    """A dialog that stays open until its write is done: dismissed with True once written; on
    an error its box is given back, to edit what is still typed in it, and the error said."""

    BOX: ClassVar[type[Widget]] = Widget  # what the user types in
    ERROR_ID: ClassVar[str] = ""  # the line under the box: "Saving…", or what went wrong
    NOT_SAVED: ClassVar[str] = "Not saved"

    def error_line(self) -> Static:
        """The (empty) line that ``_say`` writes in."""
        return Static("", id=self.ERROR_ID, markup=False)

    def on_mount(self) -> None:
        for box in self.query(self.BOX):  # (none when the app quits as the dialog opens)
            box.cursor_blink = getattr(self.app, "CURSOR_BLINK", True)  # type: ignore[attr-defined]
            box.focus()
            self._ready(box)

    def _ready(self, box: Widget) -> None:
        """The box has the focus: anything more it needs to be typed in."""

    def _written(self, error: str | None) -> None:
        if error is None:
            self.dismiss(True)
            return
        self._give_back().focus()
        self._say(f"{self.NOT_SAVED}: {error}")

    def _give_back(self) -> Widget:
        """The box typed in, made editable again after a write that failed."""
        raise NotImplementedError

    def _say(self, message: str, style: str = "$text-error") -> None:
        self.query_one(f"#{self.ERROR_ID}", Static).update(text(message, style))
