"""`?` / `f1`: every key, grouped, with the keys the user's keymap actually binds."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from tui.app.bindings import HELP_GROUPS
from tui.app.display import line, text
from tui.app.widgets.hanging import HangingIndent
from tui.app.widgets.keybar import KeyBar

_KEY_NAMES = {"question_mark": "?", "slash": "/", "escape": "esc", "pagedown": "pgdn", "pageup": "pgup"}

INTRO = (
    "cca-tui explores news about China–Central Asia cooperation. Three panes — Articles, "
    "Officials, Timeline — each a list with a detail view. Citations: c copies the selected "
    "or open article's citation in your default style (config.toml: style = \"apa\"), C picks "
    "the style (APA, MLA, Chicago, BibTeX, RIS, CSL-JSON, Markdown), y in the reader copies the "
    "current paragraph as a quotation with its citation, H lists recent copies (copy one again, "
    "or show its text to select by hand). Keys can be changed under [keys] in "
    "config.toml, by the ids shown on the right."
)


def key_label(keys: str) -> str:
    """``"question_mark,f1"`` → ``"? / f1"``."""
    return " / ".join(_KEY_NAMES.get(k.strip(), k.strip()) for k in keys.split(","))


def help_entries(keymap: dict[str, str]) -> list[Content | HangingIndent]:
    """The help, one entry a line: the intro, then groups of (keys, what they do, binding id);
    an entry that wraps continues under its description, not under the keys."""
    entries: list[Content | HangingIndent] = [text(INTRO), text("")]
    for title, bindings in HELP_GROUPS:
        entries.append(text(title, "bold $text-primary"))
        for binding in bindings:
            keys = keymap.get(binding.id or "", binding.key)
            what = binding.tooltip or binding.description
            entries.append(HangingIndent(text(f"  {key_label(keys):<18}", "bold $text-accent"),
                                         line(what, (f"  [{binding.id}]", "$text-muted"))))
        entries.append(text(""))
    return entries


class HelpScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark,f1", "close", "Close", id="help.close", tooltip="Close the help"),
        Binding("j,down", "scroll(1)", "Down", show=False, id="help.down"),
        Binding("k,up", "scroll(-1)", "Up", show=False, id="help.up"),
    ]

    def compose(self) -> ComposeResult:
        keymap = dict(getattr(self.app, "_keymap", {}) or {})
        with Vertical(classes="dialog help-dialog"):
            yield Static(text("Keys", "bold"), classes="dialog-title")
            with VerticalScroll(id="help-text"):
                for entry in help_entries(keymap):
                    yield Static(entry, markup=False)
        yield KeyBar()  # its own keys, not those of the screen behind

    def action_close(self) -> None:
        self.dismiss(None)

    def action_scroll(self, step: int) -> None:
        scroller = self.query_one(VerticalScroll)
        scroller.scroll_relative(y=step, animate=False)
