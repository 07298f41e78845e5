"""What the explorer's parts ask of the parts above them: messages up, calls down.

Widgets and the palette post these; they bubble from the widget to its screen and on to
the app, and whichever owns the job handles it (``on_navigate`` on the main screen,
``on_copy_citation`` on the app). So no widget imports its screen and no screen its app.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.message import Message

from tui.app.links import Link
from tui.records import Article


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


class CopyReferences(Message):
    """Copy ``articles`` (the marked ones) as one reference list in ``style`` (None: the default)."""

    def __init__(self, articles: list, style: str | None = None) -> None:
        super().__init__()
        self.articles = articles
        self.style = style


class WriteTags(Message):
    """Put the tags ``add`` on ``targets`` (articles, officials or events) and take ``remove``
    off them, in one write; ``done(error)`` is called when written (error None) or not."""

    def __init__(self, targets: list, add: list[str], remove: list[str], done: Callable[[str | None], None]) -> None:
        super().__init__()
        self.targets = targets
        self.add = add
        self.remove = remove
        self.done = done


class WriteNote(Message):
    """Make ``text`` the note on ``article`` (on its paragraph ``paragraph``, or on the whole
    article when None); empty ``text`` deletes the note there. ``done(error)`` as for WriteTags."""

    def __init__(self, article: Article, paragraph: int | None, text: str, done: Callable[[str | None], None]) -> None:
        super().__init__()
        self.article = article
        self.paragraph = paragraph
        self.text = text
        self.done = done


class FetchFeeds(Message):
    """Fetch the followed feeds' new entries into the store (in the background)."""


class AddSources(Message):
    """Ask for URLs and paths, then add them to the store (in the background)."""
