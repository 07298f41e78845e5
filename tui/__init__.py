"""cca-tui: a keyboard-first terminal explorer for news about China–Central Asia cooperation."""

__version__ = "0.1.0"
