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


def help_content(keymap: dict[str, str]) -> Content:
    """The help text: groups of (keys, what they do, binding id)."""
    lines: list[Content] = [text(INTRO), text("")]
    for title, bindings in HELP_GROUPS:
        lines.append(text(title, "bold $text-primary"))
        for binding in bindings:
            keys = keymap.get(binding.id or "", binding.key)
            what = binding.tooltip or binding.description
            lines.append(line(
                (f"  {key_label(keys):<18}", "bold $text-accent"), f"{what}", (f"  [{binding.id}]", "$text-muted"),
            ))
        lines.append(text(""))
    return Content("\n").join(lines)


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
            with VerticalScroll():
                yield Static(help_content(keymap), id="help-text")

    def action_close(self) -> None:
        self.dismiss(None)

    def action_scroll(self, step: int) -> None:
        scroller = self.query_one(VerticalScroll)
        scroller.scroll_relative(y=step, animate=False)
