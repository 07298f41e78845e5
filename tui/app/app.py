"""The cca-tui explorer application."""

from __future__ import annotations

import gc
import json
from collections.abc import Callable, Iterable
from datetime import datetime
from pathlib import Path
from typing import ClassVar

from textual import events, work
from textual.app import App, SystemCommand
from textual.binding import BindingType
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.worker import get_current_worker

from tui import collector
from tui.app import copying, idle_gc
from tui.app.bindings import APP_BINDINGS, key_hint
from tui.app.catalog import Catalog
from tui.app.commands import CcaCommands
from tui.app.copier import Copier
from tui.app.formatting import plural
from tui.app.intake import Intake
from tui.app.messages import (AddSources, CopyCitation, CopyQuotation, CopyReferences, ExportList, FetchFeeds,
                              ShowCitation, WriteNote, WriteTags)
from tui.app.screens.main import MainScreen
from tui.app.settings import Settings, SettingsError, load_settings, save_theme
from tui.app.themes import SavedThemeProvider, preferred_theme
from tui.app.writing import StoreWriter
from tui.clipboard import HistoryEntry
from tui.library import Library, StoreError, check_path, snapshot
from tui.library.codec import document
from tui.paths import default_db_path, user_data_dir

STORE_POLL_SECONDS = 2.0
NOUNS = {"articles": "article", "officials": "official", "timeline": "event"}


class CcaApp(App[None]):
    """Articles, Officials and Timeline over one store."""

    TITLE = "cca-tui"
    CSS_PATH = "cca.tcss"
    BINDINGS: ClassVar[list[BindingType]] = APP_BINDINGS
    COMMANDS = App.COMMANDS | {CcaCommands}
    CURSOR_BLINK: ClassVar[bool] = True  # tests turn it off for stable snapshots
    POLL_STORE: ClassVar[bool] = True

    def __init__(self, store: Library | None = None, *, db: str | None = None, seed: bool = True,
                 settings: Settings | None = None) -> None:
        """The explorer on the store at ``db`` (read through its snapshot when it can be), or
        on ``store``, a library opened already (tests hand one in)."""
        super().__init__()
        self.library = store
        self._store_given = store is not None
        self.store_path = store.path if store is not None else (Path(db) if db else default_db_path())
        self.seed = seed
        self.settings = settings if settings is not None else load_settings()
        self.catalog: Catalog | None = None
        self.startup_error: str | None = None
        self._seen_mtime = 0
        self.copier = Copier(self)  # citations and quotations to the clipboard
        self._idle_gc = idle_gc.IdleCollector()
        self._idle_gc_running = False
        self.writer = StoreWriter(self)  # tags and notes
        self.intake = Intake(self)  # "Fetch feeds", "Add URL or file…"
        if self.settings.keymap:
            self.set_keymap(self.settings.keymap)
        self.theme = self._initial_theme()

    def notify(self, message: str, *, title: str = "", severity: SeverityLevel = "information",
               timeout: float | None = None, markup: bool = False) -> None:
        """A toast. Never markup: messages carry titles, paths and settings as written, so
        ``markup`` is ignored (Textual's default, and every widget's ``notify``, pass True)."""
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=False)

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.InputEvent):
            self._idle_gc.input_seen()
        await super().on_event(event)

    def _initial_theme(self) -> str:
        wanted = self.settings.theme
        if wanted and wanted in self.available_themes:
            return wanted
        if wanted:
            self.settings.warnings.append(f"unknown theme {wanted!r}; using the default")
        return preferred_theme()

    @property
    def main(self) -> MainScreen:
        for screen in self.screen_stack:
            if isinstance(screen, MainScreen):
                return screen
        raise LookupError("no main screen")

    def key_hint(self, binding_id: str) -> str:
        """The key that runs ``binding_id`` (the user's, else the default), for a message."""
        return key_hint(binding_id, self.settings.keymap)

    def on_mount(self) -> None:
        self.push_screen(MainScreen())
        for warning in self.settings.warnings:
            self.notify(warning, severity="warning", timeout=8)
        # Read the store once the first frame is on screen: the loader thread holds the
        # GIL for most of its parse, and would otherwise delay that frame.
        self.call_after_refresh(self._start_loading)
        if self.POLL_STORE:
            self.set_interval(STORE_POLL_SECONDS, self._check_store)

    # -- loading ---------------------------------------------------------------------

    def _start_loading(self) -> None:
        self.load_store()

    @work(thread=True, exclusive=True, group="load")
    def load_store(self, reload: bool = False, after: Callable[[], object] | None = None,
                   quiet: bool = False) -> None:
        """Open (or re-read) the store and index it, off the UI thread; then ``after``
        (``quiet``: no "Reloaded" toast, the caller says what changed)."""
        worker = get_current_worker()
        try:
            # Long-lived from here on: built without collections (half the time at 10,000
            # articles), then kept out of the full passes that would otherwise pause the UI
            # thread for tens of ms, mid-keystroke.
            with collector.loading():
                catalog, mtime = self._read_catalog(reload)
        except StoreError as exc:
            if not reload:
                self.startup_error = str(exc)
                self.call_from_thread(self.exit, None, 1)
            else:
                self.call_from_thread(self.notify, str(exc), severity="error")
            return
        if not worker.is_cancelled:
            self.call_from_thread(self._loaded, catalog, mtime, reload, quiet)
            if after is not None:
                self.call_from_thread(after)

    def _read_catalog(self, reload: bool) -> tuple[Catalog, int]:
        """The catalog of the store as it is now, and the file's modification time."""
        if not self._store_given:
            # Through the saved index: headings and tables only, bodies when opened.
            contents = snapshot(self.store_path)
            if contents is not None:
                return Catalog(contents), contents.mtime_ns
        # No usable index (a new store, an old index, a file edited by hand): parse it all.
        if self.library is None:
            self.library = Library.open(self.store_path, seed=self.seed)
        elif reload:
            self.library.reload()
        contents = self.library.contents()
        return Catalog(contents), contents.mtime_ns

    def _loaded(self, catalog: Catalog, mtime: int, reload: bool, quiet: bool = False) -> None:
        self.catalog = catalog
        self._seen_mtime = mtime
        self.main.set_catalog(catalog)
        # The panes' rows (10,000 of them at 10,000 articles) live as long as the catalog:
        # out of the collector's passes too; and full passes wait for the user to pause.
        gc.freeze()
        if not self._idle_gc_running:
            self._idle_gc_running = True
            self._idle_gc.start()
            self.set_interval(idle_gc.CHECK_SECONDS, self._idle_gc.tick)
        self._warm_up(catalog)
        if reload and not quiet:
            self.notify(f"Reloaded: {plural(len(catalog.articles), 'article')}.")
        if self.library is not None and not self._store_given and not quiet:
            # A new store (a typo in --db?) and records set apart: plain text, never markup.
            for line in self.library.notices():
                self.notify(line, severity="warning", timeout=12, markup=False)

    @work(thread=True, group="warm-up")
    def _warm_up(self, catalog: Catalog) -> None:
        """Once the list is shown: what the first searches would otherwise wait for."""
        catalog.index.warm()
        catalog.short_id("")  # the short ids, which the reader's header shows

    def _check_store(self) -> None:
        # Another process (an ingest) wrote the store: offer a reload, do not force one.
        if self.catalog is None:
            return
        try:
            mtime = self.store_path.stat().st_mtime_ns
        except OSError:
            return
        if mtime and mtime != self._seen_mtime:
            self._seen_mtime = mtime
            self.notify(f"The store changed on disk. Press {self.key_hint('app.reload')} to reload.",
                        title="Store changed", timeout=10)

    def seen_write(self, mtime: int) -> None:
        """The explorer wrote the store itself (file version ``mtime``): no "changed on disk"."""
        self._seen_mtime = mtime

    def on_write_tags(self, message: WriteTags) -> None:
        self.writer.tags(message)

    def on_write_note(self, message: WriteNote) -> None:
        self.writer.note(message)

    def action_reload(self) -> None:
        if self.catalog is not None:
            self.main.loading_message = "Reloading…"
            self.main.update_status()
            self.load_store(reload=True)

    # -- actions ---------------------------------------------------------------------

    def action_help(self) -> None:
        from tui.app.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_copy_history(self) -> None:
        """The copy history: Enter copies an entry again, ``v`` shows its text."""
        from tui.app.screens.copies import CopyHistoryScreen

        entries = copying.history()
        if not entries:
            self.notify(f"Nothing copied yet: {self.key_hint('cite.copy')} copies a citation, "
                        f"{self.key_hint('cite.quote')} a quotation.")
            return
        self.push_screen(CopyHistoryScreen(entries), self._recopy)

    def _recopy(self, entry: HistoryEntry | None) -> None:
        if entry is not None:
            self.deliver(copying.Copy(entry.text, entry.label or "text", entry.style, entry.article_id))

    def show_text(self, title: str, text: str) -> None:
        """The "show the text" modal: ``text`` whole, to be selected by hand."""
        from tui.app.screens.copies import TextScreen

        self.push_screen(TextScreen(title, text))

    def deliver(self, copy: copying.Copy) -> None:
        """Copy ``copy`` by every clipboard path, off the UI thread; a toast says how it went."""
        self.copier.deliver(copy)

    def keep_clipboard(self, text: str) -> None:
        """Make ``text`` what ctrl+v pastes into a text box here (Textual's own clipboard)."""
        self._clipboard = text

    def on_copy_citation(self, message: CopyCitation) -> None:
        """Copy the citation of an article (default style) and say how it was copied."""
        self.deliver(copying.citation(message.article, message.style))

    def on_copy_references(self, message: CopyReferences) -> None:
        """Copy the marked articles as one reference list (default style) and say how many."""
        self.deliver(copying.reference_list(message.articles, message.style))

    def on_copy_quotation(self, message: CopyQuotation) -> None:
        """Copy a paragraph of an article as a quotation with its citation."""
        self.deliver(copying.quotation(message.article, message.paragraph, message.style))

    def on_show_citation(self, message: ShowCitation) -> None:
        """Show the citation of an article without copying it (to select by hand)."""
        copy = copying.citation(message.article, message.style)
        if copy.warning:
            self.notify(copy.warning, severity="warning", timeout=8)
        self.show_text(copy.what[:1].upper() + copy.what[1:], copy.text)

    # -- theme -----------------------------------------------------------------------

    def search_themes(self) -> None:
        """The theme picker (palette: "theme"); the theme chosen is saved in config.toml."""
        from textual.command import CommandPalette

        self.push_screen(CommandPalette(providers=[SavedThemeProvider], placeholder="Search for themes…"))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Textual's own palette commands, less its "Theme": ours ("theme: change theme") opens
        the same picker, and one command for one thing is what the palette should list."""
        for command in super().get_system_commands(screen):
            if command.callback != self.action_change_theme:
                yield command

    def save_theme(self, theme: str) -> None:
        """Remember ``theme`` for the next start (the ``theme`` line of config.toml)."""
        try:
            path = save_theme(theme)
        except (SettingsError, OSError) as exc:
            self.notify(f"Theme not saved: {' '.join(str(exc).split())}", severity="warning", timeout=8)
            return
        self.notify(f"Theme {theme} saved in {path}")

    def on_fetch_feeds(self, message: FetchFeeds) -> None:
        self.intake.fetch_feeds()

    def on_add_sources(self, message: AddSources) -> None:
        from tui.app.screens.add import AddScreen

        self.push_screen(AddScreen(), self.intake.add)

    def on_export_list(self, message: ExportList) -> None:
        """Save the records a pane listed to a file in the user data dir."""
        if self.catalog is None:
            return
        pane, fmt, keys = message.pane, message.fmt, message.keys
        try:
            if pane == "articles":
                text = copying.export_articles([self.catalog.article(k) for k in keys], fmt)
            else:
                source = self.catalog.official_by_id if pane == "officials" else self.catalog.event_by_id
                text = json.dumps([document(source[k]) for k in keys], ensure_ascii=False, indent=2) + "\n"
        except Exception as exc:  # noqa: BLE001
            self.notify(f"Export failed: {exc}", severity="error")
            return
        suffix = copying.export_suffix(fmt)
        folder = user_data_dir() / "exports"
        path = folder / f"{pane}-{datetime.now():%Y%m%d-%H%M%S}.{suffix}"
        try:
            folder.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        except OSError as exc:
            self.notify(f"Export failed: {exc}", severity="error")
            return
        self.notify(f"Exported {plural(len(keys), NOUNS[pane])} to {path}")


def run_app(db: str | None, seed: bool) -> int:
    """Run the explorer on the store at ``db``; returns the exit status."""
    import sys

    try:
        # A FIFO, a device, a folder: refused at once, before the screen is taken over.
        check_path(Path(db) if db else default_db_path())
    except StoreError as exc:
        print(f"cca-tui: {exc}", file=sys.stderr)
        return 1
    app = CcaApp(db=db, seed=seed)
    app.run()
    if app.library is not None and app.library.created:
        print(f"cca-tui: {app.library.notices()[0]}", file=sys.stderr)
    if app.startup_error:
        print(f"cca-tui: {app.startup_error}", file=sys.stderr)
        return 1
    return app.return_code or 0


__all__ = ["CcaApp", "preferred_theme", "run_app"]
