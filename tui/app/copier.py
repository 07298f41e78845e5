"""The explorer's copies to the clipboard, off the UI thread, and the toast that says how.

Every clipboard path is tried (``copying.deliver``); tmux and the native tools are processes
that can take seconds, so they run in a thread, one copy at a time (the history file is read,
then replaced). When no path worked, the text opens in a window to select by hand.
"""

from __future__ import annotations

import threading
from functools import partial

from textual.app import App

from tui.app import copying
from tui.clipboard import CopyResult


class Copier:
    """Delivers the copies of ``app`` (a ``CcaApp``: its ``key_hint`` names keys in the toasts,
    its ``keep_clipboard`` holds what ctrl+v pastes)."""

    def __init__(self, app: App) -> None:
        self.app = app
        self._lock = threading.Lock()

    def deliver(self, copy: copying.Copy) -> None:
        """Copy ``copy`` by every clipboard path, off the UI thread; a toast says how it went."""
        if copy.warning:
            self.app.notify(copy.warning, severity="warning", timeout=8)
        self.app.run_worker(partial(self._deliver, copy), thread=True, group="clipboard")

    def _deliver(self, copy: copying.Copy) -> None:
        app = self.app

        # OSC 52 is written by the app on its own thread, and always tried first.
        def osc52(text: str) -> None:
            app.call_from_thread(app.copy_to_clipboard, text)

        with self._lock:
            result = copying.deliver(copy, osc52)
        try:
            app.call_from_thread(self._delivered, copy, result)
        except RuntimeError:
            pass  # the app closed while the tools ran

    def _delivered(self, copy: copying.Copy, result: CopyResult) -> None:
        app = self.app
        # Textual's own clipboard, which ctrl+v pastes into a text box, is set only by
        # copy_to_clipboard, i.e. with the OSC 52 path; inside tmux that path is skipped
        # (tmux forwards the copy itself), so set it here, whichever paths took the copy.
        app.keep_clipboard(result.text)
        if result.ok:
            message = result.message(copy.what)
            if result.paths == ("OSC 52",):
                # The one path a terminal may silently ignore (macOS Terminal does).
                message += (f"\nNot in your clipboard? {app.key_hint('cite.history')} shows recent "
                            "copies to select by hand.")
            app.notify(message)
            return
        from tui.app.screens.copies import TextScreen

        app.notify(result.message(copy.what), severity="warning", timeout=8)
        app.push_screen(TextScreen(copy.what, result.text,
                                   "No clipboard path worked. Select the text by hand: shift+drag in most "
                                   "terminals, or shift+arrows here.", warning=True))
