"""The explorer's writes: tags and notes, through the library, off the UI thread.

The explorer reads its store through a snapshot (no ``Library`` open); the first write
opens one (parsing the store: up to a second at 10,000 articles, in a thread) and keeps
it. A write is one locked, atomic write of the store (``Library.tag`` and the others);
then the store is read again the usual way (``load_store(reload=True)``), so every pane
shows what was written. The dialog that asked stays open until the write is done, and
gets the error if it failed: what the user typed is still in it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

from textual.app import App

from tui.app.formatting import plural
from tui.library import Library, StoreError
from tui.library.userdata import UserDataError
from tui.records import Article, Official
from tui.tag_names import BadTagName

if TYPE_CHECKING:
    from tui.app.messages import WriteNote, WriteTags


def what(targets: list) -> str:
    """``the article “…”``, ``the official Wang Yi``, ``3 articles``: what a write is on."""
    if len(targets) == 1:
        record = targets[0]
        if isinstance(record, Article):
            return f"the article “{record.title or record.id}”"
        if isinstance(record, Official):
            return f"the official {record.name}"
        return f"the event “{record.summary or record.id}”"
    kinds = {type(t) for t in targets}
    noun = "article" if kinds == {Article} else "official" if kinds == {Official} else "event" if len(kinds) == 1 else "record"
    return plural(len(targets), noun)


class StoreWriter:
    """Runs the app's writes one at a time, in a thread, and reloads after each."""

    def __init__(self, app: App) -> None:
        # A CcaApp (its library, store_path, seen_write, load_store); typed as Textual's App
        # so that this module, which the app imports, imports nothing of the app's.
        self.app = app
        self._lock = threading.Lock()

    def tags(self, message: WriteTags) -> None:
        targets, add, remove = message.targets, message.add, message.remove

        def job(library: Library) -> str:
            added = library.tag(targets, add) if add else []
            removed = library.untag(targets, remove) if remove else []
            return _tag_summary(targets, added, removed)

        self._run(job, message.done)

    def note(self, message: WriteNote) -> None:
        article, paragraph, text = message.article, message.paragraph, message.text
        where = f"paragraph {paragraph}" if paragraph is not None else "the article"

        def job(library: Library) -> str:
            if not text.strip():
                gone = library.delete_note(article, paragraph)
                return f"Note on {where} deleted." if gone is not None else "No note to save."
            library.note(article, text, paragraph, replace=True)
            return f"Note on {where} saved."

        self._run(job, message.done)

    def _run(self, job: Callable[[Library], str], done: Callable[[str | None], None]) -> None:
        self.app.run_worker(lambda: self._work(job, done), thread=True, group="write", exit_on_error=False)

    def _work(self, job: Callable[[Library], str], done: Callable[[str | None], None]) -> None:
        app = self.app
        said, error, mtime = "", None, 0
        with self._lock:  # one write at a time (the library's lock keeps other processes out)
            try:
                if app.library is None:
                    app.library = Library.open(app.store_path, seed=False, create=False)
                said = job(app.library)
                mtime = app.library.mtime_ns
            except (StoreError, UserDataError, BadTagName, OSError) as exc:
                error = str(exc)
            except Exception as exc:  # noqa: BLE001 — the dialog says so; nothing typed is lost
                error = f"could not write: {exc.__class__.__name__}: {exc}"
        try:
            app.call_from_thread(self._written, said, error, mtime, done)
        except RuntimeError:
            pass  # the app closed meanwhile; the write itself is done (or not) in the file

    def _written(self, said: str, error: str | None, mtime: int, done: Callable[[str | None], None]) -> None:
        done(error)
        if error is not None:
            return
        self.app.seen_write(mtime)
        self.app.notify(said)
        self.app.load_store(reload=True, quiet=True)


def _tag_summary(targets: list, added: list[tuple[str, str, bool]], removed: list[tuple[str, str, bool]]) -> str:
    """One line: what was tagged, untagged, or already so."""
    on = what(targets)
    new = list(dict.fromkeys(t for t, _, changed in added if changed))
    gone = list(dict.fromkeys(t for t, _, changed in removed if changed))
    parts = []
    if new:
        parts.append(f"Tagged {on}: {', '.join(new)}.")
    if gone:
        parts.append(f"Untagged {on}: {', '.join(gone)}.")
    if not parts:
        same = list(dict.fromkeys([t for t, _, _ in added] + [t for t, _, _ in removed]))
        parts.append(f"Nothing to change on {on} ({', '.join(same)}: as asked already).")
    return " ".join(parts)
