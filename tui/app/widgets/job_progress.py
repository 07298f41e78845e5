"""A line above the status line while articles are being added: what is done now, and a bar."""

from __future__ import annotations

from textual.containers import Horizontal
from textual.widgets import ProgressBar, Static

from tui.app.display import text


class JobProgress(Horizontal):
    """``Fetching feed 1 of 2: steppe  ━━━━━━━━╺━━━━━━━``: mounted for a job, removed after it."""

    DEFAULT_CSS = """
    JobProgress {
        height: 1;
        padding: 0 1;
        background: $panel;
    }
    JobProgress > .job-step {
        width: 1fr;
        height: 1;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    JobProgress > ProgressBar {
        width: auto;
        margin-left: 1;
    }
    JobProgress Bar {
        width: 16;  /* the step (a feed's name, a page's URL) gets the rest */
    }
    """

    def __init__(self, first_step: str) -> None:
        super().__init__()
        self.first_step = first_step

    def compose(self):
        yield Static(text(self.first_step), classes="job-step", markup=False)
        yield ProgressBar(show_eta=False, show_percentage=False)  # the step says "2 of 3"

    @property
    def step(self) -> str:
        """The step shown now (for the tests and the "already running" message)."""
        return str(self.query_one(".job-step", Static).content)

    def show_step(self, step: str, done: int, total: int) -> None:
        """``step`` (names and URLs from the data: shown as text, never markup), ``done`` of ``total``."""
        self.query_one(".job-step", Static).update(text(step))
        self.query_one(ProgressBar).update(total=max(total, 1), progress=done)
