"""Small modal pickers: a citation style, an official of a paragraph."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from tui.app import copying
from tui.app.bindings import PICKER_BINDINGS
from tui.app.display import line, text
from tui.app.widgets.keybar import KeyBar
from tui.app.widgets.wrapping import WrappingOptionList
from tui.records import Official


class Picker(ModalScreen[str | None]):
    """A titled list; Enter returns the option id, escape returns None."""

    BINDINGS: ClassVar[list[BindingType]] = PICKER_BINDINGS

    def __init__(self, title: str, options: list[Option]) -> None:
        super().__init__(classes="picker")
        self.title_text = title
        self.options = options

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(text(self.title_text, "bold"), classes="dialog-title", markup=False)
            yield WrappingOptionList(*self.options, markup=False)
        yield KeyBar()  # its own keys, not those of the screen behind

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def action_dismiss_none(self) -> None:
        self.dismiss(None)

    def action_move(self, step: int) -> None:
        option_list = self.query_one(OptionList)
        option_list.action_cursor_down() if step > 0 else option_list.action_cursor_up()


class StylePicker(Picker):
    """`C`: choose the citation style to copy in."""

    def __init__(self, title: str = "Copy the citation as…") -> None:
        default, _ = copying.default_style()
        options = [
            Option(line(s.label, ("  (default)", "$text-muted") if s.name == default else ""), id=s.name)
            for s in copying.styles()
        ]
        super().__init__(title, options)


class OfficialPicker(Picker):
    """`o` in the reader: the officials named in the current paragraph."""

    def __init__(self, officials: list[Official], title: str) -> None:
        options = [
            Option(line(o.name, (f"  {o.country or ''}", "$text-muted")), id=o.id)
            for o in officials
        ]
        super().__init__(title, options)
