"""What the explorer's parts ask of the parts above them: messages up, calls down.

Widgets and the palette post these; they bubble from the widget to its screen and on to
the app, and whichever owns the job handles it (``on_navigate`` on the main screen,
``on_copy_citation`` on the app). So no widget imports its screen and no screen its app.
"""

from __future__ import annotations

from textual.message import Message

from tui.app.links import Link


class Navigate(Message):
    """Follow ``link`` (remembered for back): Enter on a link, a name picked in the palette."""

    def __init__(self, link: Link) -> None:
        super().__init__()
        self.link = link


class CopyCitation(Message):
    """Copy the citation of ``article`` in ``style`` (None: the default style)."""

    def __init__(self, article: dict, style: str | None = None) -> None:
        super().__init__()
        self.article = article
        self.style = style


class CopyQuotation(Message):
    """Copy paragraph ``paragraph`` of ``article`` as a quotation with its citation."""

    def __init__(self, article: dict, paragraph: int, style: str | None = None) -> None:
        super().__init__()
        self.article = article
        self.paragraph = paragraph
        self.style = style


class ShowCitation(Message):
    """Show the citation of ``article`` whole, to be selected by hand (nothing is copied)."""

    def __init__(self, article: dict, style: str | None = None) -> None:
        super().__init__()
        self.article = article
        self.style = style


class ExportList(Message):
    """Save the records ``keys`` listed in ``pane`` now to a file, in ``fmt``."""

    def __init__(self, pane: str, fmt: str, keys: list[str]) -> None:
        super().__init__()
        self.pane = pane
        self.fmt = fmt
        self.keys = keys


class FetchFeeds(Message):
    """Fetch the followed feeds' new entries into the store (in the background)."""


class AddSources(Message):
    """Ask for URLs and paths, then add them to the store (in the background)."""
