"""`?` / `f1`: every key, grouped, with the keys the user's keymap actually binds.

Built from the bindings themselves (``tui.app.bindings``: each one's group, tooltip and id),
so a key added there is listed here without another edit."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from tui.app.bindings import HELP_BINDINGS, help_groups, key_label, keymap_of, keys_of
from tui.app.display import line, text
from tui.app.widgets.hanging import HangingIndent
from tui.app.widgets.keybar import KeyBar

KEYS_MIN_BODY = 30  # cells a key's description needs beside its keys
INTRO = (
    "cca-tui explores news about China–Central Asia cooperation. Three panes — Articles, "
    "Officials, Timeline — each a list with a detail view. Citations: {copy} copies the selected "
    "or open article's citation in your default style (config.toml: style = \"apa\"), {choose} picks "
    "the style (APA, MLA, Chicago, BibTeX, RIS, CSL-JSON, Markdown), {quote} in the reader copies the "
    "current paragraph as a quotation with its citation, {history} lists recent copies (copy one again, "
    "or show its text to select by hand). Keys can be changed under [keys] in "
    "config.toml, by the ids shown on the right."
)


def intro(keymap: dict[str, str]) -> str:
    """The help's first paragraph, naming the keys the user has."""
    return INTRO.format_map({name: key_label(keys_of(f"cite.{name}", keymap))
                             for name in ("copy", "choose", "quote", "history")})


def help_entries(keymap: dict[str, str]) -> list[Content | HangingIndent]:
    """The help, one entry a line: the intro, then groups of (keys, what they do, binding id);
    an entry that wraps continues under its description, not under the keys."""
    entries: list[Content | HangingIndent] = [text(intro(keymap)), text("")]
    for title, bindings in help_groups():
        entries.append(text(title, "bold $text-primary"))
        for binding in bindings:
            keys = keymap.get(binding.id or "", binding.key)
            what = binding.tooltip or binding.description
            # Narrow, the keys take a line and the text hangs under them: beside a 20-cell
            # gutter it would be a word a line, its [id] cut in two.
            entries.append(HangingIndent(text(f"  {key_label(keys):<18}", "bold $text-accent"),
                                         line(what, (f"  [{binding.id}]", "$text-muted")),
                                         min_body=KEYS_MIN_BODY, stacked_indent=6))
        entries.append(text(""))
    return entries


class HelpScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = HELP_BINDINGS

    def __init__(self) -> None:
        super().__init__(classes="picker")  # centred, as every dialog is

    def compose(self) -> ComposeResult:
        keymap = dict(keymap_of(self))
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
