"""`t`: tag the selected or open record(s) — add tags, or remove them with ``-name``."""

from __future__ import annotations

import re
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.suggester import Suggester
from textual.widgets import Input, Static

from tui.app.bindings import PICKER_BINDINGS, TAG_INPUT_BINDINGS, key_hint, keymap_of
from tui.app.display import line, text
from tui.app.messages import WriteTags
from tui.app.screens.write_dialog import WriteDialog
from tui.app.widgets.keybar import KeyBar
from tui.tag_names import BadTagName, check_tag, tag_key

_SEPARATORS = re.compile(r"[\s,]+")
KNOWN_SHOWN = 12  # tags listed under the box; the rest by completion


class TagSuggester(Suggester):
    """Completes the word being typed (the last one) from the tags known: a tag to add from
    every tag in the store, a ``-tag`` to remove from those on the record(s)."""

    def __init__(self, known: list[str], present: list[str]) -> None:
        super().__init__(use_cache=False, case_sensitive=True)  # case-blind by hand, keeping what was typed
        self.known = known
        self.present = present

    async def get_suggestion(self, value: str) -> str | None:
        word = _SEPARATORS.split(value)[-1]
        removing = word.startswith("-")
        raw = word[1:] if removing else word
        stem = tag_key(raw)
        if not stem:
            return None
        typed = {tag_key(w.lstrip("-")) for w in _SEPARATORS.split(value)[:-1]}
        for tag in self.present if removing else self.known:
            key = tag_key(tag)
            if key.startswith(stem) and key != stem and key not in typed:
                return value + tag[len(raw):]
        return None


class TagInput(Input):
    """The tag dialog's box: tab takes the completion shown."""

    BINDINGS: ClassVar[list[BindingType]] = TAG_INPUT_BINDINGS

    def action_complete(self) -> None:
        if self._suggestion and self.cursor_at_end:
            self.value = self._suggestion
            self.cursor_position = len(self.value)


def read_tags(typed: str) -> tuple[list[str], list[str]]:
    """(tags to add, tags to remove) of what was typed: words apart by spaces or commas,
    ``-name`` to remove; raises ``BadTagName`` naming the first bad one."""
    add, remove = [], []
    for word in (w for w in _SEPARATORS.split(typed) if w):
        name = word[1:] if word.startswith("-") else word
        try:
            checked = check_tag(name)
        except BadTagName as exc:
            raise BadTagName(f"bad tag name {name!r}: {exc}") from None
        (remove if word.startswith("-") else add).append(checked)
    return add, remove


class TagScreen(WriteDialog):
    """The tags of ``targets`` (articles, officials or events): type ``chapter-3 -draft``,
    enter. Dismissed with True once written, False when cancelled."""

    BINDINGS: ClassVar[list[BindingType]] = PICKER_BINDINGS[:1]  # escape: picker.cancel
    BOX = TagInput
    ERROR_ID = "tag-error"

    def __init__(self, targets: list, heading: str, present: list[str], known: list[str]) -> None:
        super().__init__(classes="picker")
        self.targets = targets
        self.heading = heading
        self.present = present
        self.known = known

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog tag-dialog"):
            yield Static(text(f"Tag {self.heading}", "bold"), classes="dialog-title", markup=False)
            now = ", ".join(self.present) if self.present else "none"
            yield Static(line(("Tags now: ", "$text-muted"), now), classes="tag-present", markup=False)
            yield TagInput(placeholder="chapter-3 to-verify   (-name removes a tag)", compact=True,
                           suggester=TagSuggester(self.known, self.present), id="tag-input")
            others = self.known[:KNOWN_SHOWN]
            more = f" … and {len(self.known) - KNOWN_SHOWN} more" if len(self.known) > KNOWN_SHOWN else ""
            known = (", ".join(others) + more) if others else "none yet"
            yield Static(line(("Tags in the store: ", "$text-muted"), known), classes="tag-known", markup=False)
            complete, cancel = (key_hint(i, keymap_of(self)) for i in ("tags.complete", "picker.cancel"))
            yield Static(text(f"enter saves · {complete} completes · -name removes · {cancel} cancels", "$text-muted"),
                         classes="tag-hint", markup=False)
            yield self.error_line()
        yield KeyBar()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        try:
            add, remove = read_tags(event.value)
        except BadTagName as exc:
            self._say(str(exc))
            return
        if not add and not remove:
            self.dismiss(False)
            return
        self.query_one(TagInput).disabled = True
        self._say("Saving…", "$text-muted")
        self.post_message(WriteTags(self.targets, add, remove, self._written))

    def _give_back(self) -> TagInput:
        box = self.query_one(TagInput)
        box.disabled = False
        return box

    def action_dismiss_none(self) -> None:
        self.dismiss(False)
