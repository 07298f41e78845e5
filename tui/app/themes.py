"""The explorer's colour themes: the one it starts in, and the picker that saves its choice."""

from __future__ import annotations

import os
from functools import partial

from textual.theme import ThemeProvider


class SavedThemeProvider(ThemeProvider):
    """Textual's theme list; the theme picked is also saved for the next start."""

    @property
    def commands(self):
        app = self.app

        def pick(name: str) -> None:
            app.theme = name
            save = getattr(app, "save_theme", None)
            if save is not None:
                save(name)

        return [(name, partial(pick, name)) for name, _ in super().commands]


def preferred_theme(env: dict[str, str] | None = None) -> str:
    """``textual-light`` when the terminal says its background is light (``COLORFGBG``), else dark.

    Textual cannot ask the terminal for its colours, but many terminals export
    ``COLORFGBG="fg;bg"``; background 7 or 15 means a light background.
    """
    env = os.environ if env is None else env
    parts = env.get("COLORFGBG", "").split(";")
    if parts and parts[-1].strip() in {"7", "15"}:
        return "textual-light"
    return "textual-dark"
