"""The footer: the keys that matter most where the focus is, as many as fit the width.

Textual's Footer lists every shown key in binding order and cuts the line at the edge:
at 80 columns Help, Back and Quit fell off, in the reader at 120 Cite, Quit and Help.
Here keys are chosen by importance (``FOOTER_RANK``) until the next one would not fit,
then shown in a fixed reading order (``FOOTER_ORDER``); ``?`` lists every key.
"""

from __future__ import annotations

from textual import events
from textual.binding import Binding
from textual.keys import _character_to_key
from textual.widgets import Footer, Input
from textual.widgets._footer import FooterKey

from tui.app.bindings import FOOTER_ORDER, FOOTER_RANK, PALETTE
# Key names of the characters a text box takes ("slash" is "/", "question_mark" "?").
_TYPED = {_character_to_key(chr(code)): chr(code) for code in range(32, 127)}


def is_typed(key: str) -> bool:
    """Whether ``key`` (a binding's key name) types a character into a text box."""
    return key in _TYPED or (len(key) == 1 and key.isprintable())


def key_width(key_display: str, description: str) -> int:
    """Cells a FooterKey takes: `` key `` then ``description `` (its default CSS padding)."""
    return len(key_display) + 2 + len(description) + 1


PALETTE_EXTRA = 2  # the palette key is docked right with a border and one more cell of padding


def choose(keys: list[tuple[str, str, str]], width: int) -> list[str]:
    """The ids of ``keys`` (id, key display, description) to show in ``width`` cells: by rank,
    as long as the next fits; then in reading order."""
    by_id = {key_id: (display, description) for key_id, display, description in keys}
    chosen: list[str] = []
    used = 0
    for key_id in sorted(by_id, key=lambda k: FOOTER_RANK.get(k, len(FOOTER_RANK))):
        cost = key_width(*by_id[key_id]) + (PALETTE_EXTRA if key_id == PALETTE else 0)
        if used + cost > width:
            break
        chosen.append(key_id)
        used += cost
    return sorted(chosen, key=lambda k: FOOTER_ORDER.get(k, len(FOOTER_ORDER)))


class KeyBar(Footer):
    """A one-line footer of the most important keys that fit."""

    def compose(self):
        if not self._bindings_ready:
            return
        app = self.app
        # In a text box a letter (or ? or /) is typed, not a key for the app: show the
        # keys that still work there (f1 for help, ctrl+q to quit).
        typing = isinstance(self.screen.focused, Input)
        candidates: dict[str, list[tuple[Binding, bool, str]]] = {}
        for _node, binding, enabled, tooltip in self.screen.active_bindings.values():
            if binding.id == PALETTE and app.ENABLE_COMMAND_PALETTE:
                candidates.setdefault(PALETTE, []).append((binding, enabled, tooltip))
            elif binding.show and not (typing and is_typed(binding.key)):
                candidates.setdefault(binding.action, []).append((binding, enabled, tooltip))
        # One entry per action (`?` and `f1`, `q` and `ctrl+q` are one key to a reader): the
        # first bound without a modifier.
        shown: dict[str, tuple[Binding, bool, str]] = {}
        for action, found in candidates.items():
            binding, enabled, tooltip = min(found, key=lambda c: "+" in c[0].key)
            shown[PALETTE if action == PALETTE else binding.id or action] = (binding, enabled, tooltip)
        keys = [(key_id, app.get_key_display(b), b.description) for key_id, (b, _, _) in shown.items()]
        width = self.size.width or self.screen.size.width
        for key_id in choose(keys, width):
            binding, enabled, tooltip = shown[key_id]
            yield FooterKey(
                binding.key, app.get_key_display(binding), binding.description, binding.action,
                disabled=not enabled, tooltip=tooltip or binding.tooltip or binding.description,
                classes="-command-palette" if key_id == PALETTE else "",
            ).data_bind(compact=Footer.compact)

    _composed_width = 0

    def on_resize(self, event: events.Resize) -> None:
        # Another width fits other keys: choose again.
        if event.size.width != self._composed_width:
            self._composed_width = event.size.width
            self.call_after_refresh(self.recompose)
