"""``[keys]`` of config.toml held against the explorer's bindings.

Textual takes any string as a key and any id in a keymap, and silently does nothing with
one it does not know: ``"app.palete" = "ctrl+k"`` or ``"cite.copy" = "ctrl+"`` would leave
the user wondering. Here each entry is checked: its id names a binding
(``tui.app.bindings``), and each of its keys is one Textual can report (``ctrl+k``, ``f5``,
``Y``, ``question_mark`` or ``?``). An entry that fails is left out, so the default keys
stay, and gives one line naming the file and the id.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from textual.keys import REPLACED_KEYS, Keys, _character_to_key, key_to_character

from tui.paths import one_line

MODIFIERS = ("ctrl", "shift", "alt", "meta", "super", "hyper")
# Keys with a name of their own (escape, f1…f24, pagedown, space…); "<any>" and the like are
# Textual's internal events, not keys.
_NAMED = {k.value for k in Keys if "+" not in k.value and k.value.isidentifier()}


def _is_key_name(name: str) -> bool:
    if len(name) == 1:
        return name.isprintable()
    if name in _NAMED or name in REPLACED_KEYS:  # "slash", "minus", "at"…
        return True
    # A character's name, as Textual reports the key that types it ("question_mark", "comma").
    character = key_to_character(name)
    return character is not None and _character_to_key(character) == name


def key_problem(key: str) -> str | None:
    """Why ``key`` (one key: ``ctrl+k``) cannot be pressed, or None when it can."""
    if len(key) == 1:
        return None if key.isprintable() else f"{one_line(key)!r} is not a key"
    *modifiers, name = key.split("+")
    for modifier in modifiers:
        if modifier not in MODIFIERS:
            return f"{one_line(modifier)!r} is not a modifier ({', '.join(MODIFIERS)})"
    if not _is_key_name(name):
        return f"{one_line(name)!r} is not a key name (such as k, K, f5, escape, pagedown, question_mark)"
    return None


def _part_problem(part: str) -> str | None:
    if not part:
        return "an empty key between commas"
    return key_problem(part)


def check_keymap(keys: Mapping[str, str], known: Iterable[str], where: str) -> tuple[dict[str, str], list[str]]:
    """The entries of ``keys`` (binding id → comma-separated keys) that can be used, and one
    warning line for each that cannot, naming ``where`` (the config file) and the id."""
    known = sorted(known)
    keymap: dict[str, str] = {}
    warnings: list[str] = []
    for binding_id, value in keys.items():
        shown = one_line(binding_id)
        if binding_id not in known:
            import difflib  # only for a misspelt id

            close = difflib.get_close_matches(binding_id, known, n=1)
            hint = f"did you mean \"{close[0]}\"?" if close else "the help lists every id"
            warnings.append(f"{where}: [keys] \"{shown}\" is not a key id ({hint})")
            continue
        parts = [part.strip() for part in value.split(",")]
        why = next((p for p in map(_part_problem, parts) if p), None)
        if why is not None:
            warnings.append(f"{where}: [keys] \"{shown}\" = \"{one_line(value)}\": {why}; its default key stays")
            continue
        keymap[binding_id] = ",".join(parts)
    return keymap, warnings
