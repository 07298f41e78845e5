"""The terminal explorer (Textual). ``run_app`` is what ``cca-tui`` without a command runs."""

from tui.app.app import CcaApp, run_app

__all__ = ["CcaApp", "run_app"]
