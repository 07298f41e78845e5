"""`f`: the filter picker — country, outlet and a date range, applied to every pane."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static

from tui.app.bindings import FILTER_BINDINGS
from tui.app.catalog import Catalog
from tui.app.display import text
from tui.app.filters import Filters
from tui.app.widgets.keybar import KeyBar
from tui.library import QueryError


class FilterScreen(ModalScreen[Filters | None]):
    """Returns the new filters, or None when cancelled."""

    AUTO_FOCUS = ""  # on_mount focuses the country (Textual's auto focus would scroll past the title)

    BINDINGS: ClassVar[list[BindingType]] = FILTER_BINDINGS

    def __init__(self, catalog: Catalog, filters: Filters) -> None:
        super().__init__(classes="picker")
        self.catalog = catalog
        self.filters = filters

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog filters-dialog"):
            yield Static(text("Filters — apply to all panes", "bold"), classes="dialog-title")
            yield Label("Country (of the officials named)")
            yield Select(
                [(text(c), c) for c in self.catalog.countries],
                prompt="any country", value=self.filters.country or Select.NULL, id="country", compact=True,
            )
            yield Label("Outlet")
            yield Select(
                [(text(o), o) for o in self.catalog.outlets],
                prompt="any outlet", value=self.filters.outlet or Select.NULL, id="outlet", compact=True,
            )
            yield Label("Date range (2023, 2023-05, 12 May 2023)")
            with Horizontal(classes="dates"):
                yield Input(self.filters.since, placeholder="since", id="since", compact=True)
                yield Input(self.filters.until, placeholder="until", id="until", compact=True)
            yield Static("", id="filter-error", markup=False)
            with Horizontal(classes="buttons"):
                yield Button("Apply", variant="primary", id="apply", compact=True)
                yield Button("Clear all", id="clear", compact=True)
                yield Button("Cancel", id="cancel", compact=True)
        yield KeyBar()  # its own keys, not those of the screen behind

    def on_mount(self) -> None:
        for box in self.query(Input):
            box.cursor_blink = getattr(self.app, "CURSOR_BLINK", True)
        # Not scrolled into view: in a short dialog that would hide its title and the label.
        self.query_one("#country", Select).focus(scroll_visible=False)

    def _value(self, select_id: str) -> str:
        value = self.query_one(f"#{select_id}", Select).value
        return value if isinstance(value, str) else ""

    def _chosen(self) -> Filters | None:
        chosen = Filters(country=self._value("country"), outlet=self._value("outlet"),
                         since=self.query_one("#since", Input).value.strip(),
                         until=self.query_one("#until", Input).value.strip())
        try:
            _ = chosen.query  # each value read as its filter reads it in a typed query
        except QueryError as exc:
            self.query_one("#filter-error", Static).update(text(str(exc), "$text-error"))
            return None
        return chosen

    def action_apply(self) -> None:
        chosen = self._chosen()
        if chosen is not None:
            self.dismiss(chosen)

    def action_cancel(self) -> None:
        self.dismiss(None)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_apply()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "apply":
            self.action_apply()
        elif event.button.id == "clear":
            self.dismiss(Filters())
        else:
            self.dismiss(None)
