"""The ``cca-tui`` command line: thin commands over the library (``tui.library``) and citations."""

from tui.cli.main import main

__all__ = ["main"]
