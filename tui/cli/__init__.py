"""The ``cca-tui`` command line: thin commands over the store, search and extraction."""

from tui.cli.main import main

__all__ = ["main"]
