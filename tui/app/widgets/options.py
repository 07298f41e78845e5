"""The parts detail pages are made of: links, headings, plain lines, bullets, and their styles."""

from __future__ import annotations

from textual.content import Content
from textual.visual import VisualType
from textual.widgets.option_list import Option

from tui.app.display import text
from tui.app.links import Link
from tui.app.widgets.hanging import HangingIndent

HEADING = "bold $text-primary"
MUTED = "$text-muted"
DATE = "$text-warning"


class LinkOption(Option):
    """An option that goes somewhere: Enter follows ``link``; without one it is plain text."""

    def __init__(self, prompt: VisualType, link: Link | None) -> None:
        super().__init__(prompt, disabled=link is None)
        self.link = link


def heading(title: str) -> Option:
    """A section heading of a page ("Titles over time")."""
    return Option(text(title, HEADING), disabled=True)


def bullet(tip: Content) -> HangingIndent:
    """``· tip``, wrapped under its first word."""
    return HangingIndent(Content("· ").stylize(MUTED), tip)


def plain(content: Content | str) -> Option:
    """A line of the page that goes nowhere."""
    return Option(content if isinstance(content, Content) else text(content), disabled=True)
