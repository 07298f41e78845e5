"""What was copied: the text itself (to select by hand) and the copy history."""

from __future__ import annotations

from datetime import datetime
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static, TextArea
from textual.widgets.option_list import Option

from tui.app.bindings import COPIES_BINDINGS, TEXT_BINDINGS
from tui.app.display import line, text
from tui.app.formatting import safe
from tui.app.widgets.keybar import KeyBar
from tui.app.widgets.wrapping import WrappingOptionList
from tui.clipboard import HistoryEntry

HAND_SELECT_HINT = "Select it by hand: shift+drag in most terminals (option+drag in iTerm2), or shift+arrows here."


class TextScreen(ModalScreen[None]):
    """A copied (or copyable) text, shown whole so it can be selected by hand.

    Shown by itself when no clipboard path took a copy, and on demand from the
    palette and the copy history. A read-only text area: the keyboard selects
    (shift+arrows, ctrl+c copies the selection through OSC 52) and the
    terminal's own selection gets the text without decoration around it.
    """

    BINDINGS: ClassVar[list[BindingType]] = TEXT_BINDINGS

    def __init__(self, title: str, text: str, note: str = HAND_SELECT_HINT, *, warning: bool = False) -> None:
        super().__init__(classes="picker")
        self.title_text = title
        self.text = text
        self.note = note
        self.warning = warning

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog text-dialog"):
            yield Static(text(self.title_text, "bold"), classes="dialog-title", markup=False)
            yield TextArea(self.text, read_only=True, soft_wrap=True, show_cursor=True,
                           classes="copy-text", compact=True)
            yield Static(text(self.note, "$text-warning" if self.warning else "$text-muted"),
                         classes="text-note", markup=False)
        yield KeyBar()

    def on_mount(self) -> None:
        area = self.query_one(TextArea)
        area.cursor_blink = getattr(self.app, "CURSOR_BLINK", True)
        area.focus()
        area.select_all()

    def action_close(self) -> None:
        self.dismiss(None)


def _when(entry: HistoryEntry) -> str:
    try:
        return datetime.fromisoformat(entry.copied_at).astimezone().strftime("%d %b %H:%M")
    except ValueError:
        return ""


def _preview(text: str, width: int = 90) -> str:
    flat = " ".join(safe(text).split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


class CopyHistoryScreen(ModalScreen[HistoryEntry | None]):
    """Recent copies, newest first: Enter copies one again, ``v`` shows its whole text."""

    BINDINGS: ClassVar[list[BindingType]] = COPIES_BINDINGS

    def __init__(self, entries: list[HistoryEntry]) -> None:
        super().__init__(classes="picker")
        self.entries = entries

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog copies-dialog"):
            yield Static(line(
                (f"Recent copies ({len(self.entries)})", "bold"),
                ("  enter copies again · v shows the text · esc closes", "$text-muted"),
            ), classes="dialog-title", markup=False)
            yield WrappingOptionList(*(self._option(i, e) for i, e in enumerate(self.entries)), markup=False)
        yield KeyBar()

    @staticmethod
    def _option(index: int, entry: HistoryEntry) -> Option:
        how = ", ".join(entry.paths) if entry.paths else "no clipboard path"
        meta = " · ".join(p for p in (_when(entry), how) if p)
        return Option(line(
            (entry.label or _preview(entry.text, 60), "bold"), Content("\n"),
            (f"  {meta}", "$text-muted"), Content("\n"),
            (f"  {_preview(entry.text)}", "$text-secondary"),
        ), id=str(index))

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    @property
    def current(self) -> HistoryEntry | None:
        index = self.query_one(OptionList).highlighted
        return self.entries[index] if index is not None and 0 <= index < len(self.entries) else None

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(self.entries[int(event.option.id or 0)])

    def action_show_text(self) -> None:
        entry = self.current
        if entry is not None:
            self.app.push_screen(TextScreen(entry.label or "Copied text", entry.text))

    def action_close(self) -> None:
        self.dismiss(None)

    def action_move(self, step: int) -> None:
        option_list = self.query_one(OptionList)
        option_list.action_cursor_down() if step > 0 else option_list.action_cursor_up()
