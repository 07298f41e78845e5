"""The explorer's one job that adds articles ("Fetch feeds", "Add URL or file…"), in a thread.

``tui.app.adding`` does the work through the library; this runs it off the UI thread (the
explorer stays usable), shows its steps in a ``JobProgress`` line above the status line,
and when it ends says what it did (a summary toast, a toast per failure) and has the
lists read again the way ``ctrl+r`` does, opening the article a URL or file added. One job
at a time: a second is told the first is running.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.app import App

from tui.app import adding
from tui.app.links import ArticleLink
from tui.app.widgets.job_progress import JobProgress
from tui.library import StoreError


class Intake:
    """Runs the adding jobs of ``app`` (a ``CcaApp``), one at a time."""

    def __init__(self, app: App) -> None:
        self.app = app
        self.running: str | None = None  # "Fetching feeds", "Adding" while a job runs
        self.progress: JobProgress | None = None

    def fetch_feeds(self) -> None:
        """Fetch every followed feed's new entries (palette: "add: fetch feeds")."""
        path = self.app.store_path
        self._start("Fetching feeds", "Fetching feeds…", lambda step: adding.fetch_feeds(path, step))

    def add(self, typed: str | None) -> None:
        """Add the URLs and paths in ``typed`` (the "add: URL or file…" dialog's line)."""
        if not typed or not typed.strip():
            return
        try:
            inputs = adding.parse_inputs(typed)
        except ValueError as exc:  # an unclosed quote
            self.app.notify(f"Not added: {exc} in “{typed.strip()}”.", severity="error", timeout=10)
            return
        path = self.app.store_path
        self._start("Adding", f"Adding {inputs[0]}…", lambda step: adding.add_inputs(path, inputs, step),
                    open_added=True)

    # -- the job ------------------------------------------------------------------------

    def _start(self, name: str, first_step: str, job: Callable[[adding.Progress], adding.Outcome], *,
               open_added: bool = False) -> None:
        app = self.app
        if self.running is not None:
            app.notify(f"{self.running} is still running ({self.progress.step if self.progress else ''}); "
                       "this waits until it ends.", severity="warning")
            return
        if getattr(app, "catalog", None) is None:
            app.notify("The store is still loading.", severity="warning")
            return
        self.running = name
        main = app.main
        self.progress = JobProgress(first_step)
        main.mount(self.progress, before=main.query_one("#status"))
        app.run_worker(lambda: self._run(job, open_added), thread=True, group="intake", exit_on_error=False)

    def _run(self, job: Callable[[adding.Progress], adding.Outcome], open_added: bool) -> None:
        """In the worker thread."""
        def step(what: str, done: int, total: int) -> None:
            self._call(self._show_step, what, done, total)

        try:
            outcome = job(step)
        except StoreError as exc:  # the store went away, is locked or damaged: one line
            outcome = adding.Outcome(f"{self.running} stopped: {exc}", problems=[str(exc)])
        except Exception as exc:  # noqa: BLE001 — a bug must not take the explorer down
            outcome = adding.Outcome(f"{self.running} failed: {' '.join(str(exc).split()) or type(exc).__name__}")
        self._call(self._done, outcome, open_added)

    def _call(self, callback, *args) -> None:
        try:
            self.app.call_from_thread(callback, *args)
        except RuntimeError:
            pass  # the explorer closed meanwhile

    def _show_step(self, what: str, done: int, total: int) -> None:
        if self.progress is not None:
            self.progress.show_step(what, done, total)

    def _done(self, outcome: adding.Outcome, open_added: bool) -> None:
        app = self.app
        self.running = None
        if self.progress is not None:
            self.progress.remove()
            self.progress = None
        app.notify(outcome.summary, severity=outcome.severity, timeout=10)
        for line in outcome.notes:
            app.notify(line, timeout=10)
        for line in outcome.problems:
            app.notify(line, severity="error", timeout=15)
        for line in outcome.warnings:
            app.notify(f"warning: {line}", severity="warning", timeout=10)
        if not outcome.wrote:
            return
        first = outcome.added[0] if open_added and outcome.added else None
        app.load_store(reload=True, after=(lambda: app.run_worker(self._open(first))) if first else None,
                       quiet=True)

    async def _open(self, article_id: str) -> None:
        """Open the article added, once the Articles list holds it (its search ran)."""
        app = self.app
        pane = app.main.pane("articles")
        searches = [w for w in app.workers if w.node is pane and w.group == "search"]
        if searches:  # (none given is "every worker", this one too: a DeadlockError that ended the app)
            await app.workers.wait_for_complete(searches)
        app.main.go(ArticleLink(article_id))
