"""Start-up: the store is read after the first frame, and a slow load still ends with the
focus in the Articles list (a list cannot take the focus while it shows its loading state)."""

from __future__ import annotations

import asyncio
import time

from tests.conftest import SEED_TITLE, screen_text
from tui.app import CcaApp
from tui.app import app as app_module
from tui.app.widgets.record_list import RecordList

SIZE = (120, 36)


async def test_a_slow_load_ends_with_the_focus_in_the_list(seed_store, monkeypatch):
    catalog = app_module.Catalog

    def slow(contents):
        time.sleep(0.4)  # a big store: the first frames show the loading state
        return catalog(contents)

    monkeypatch.setattr(app_module, "Catalog", slow)
    app = CcaApp(store=seed_store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause(0.1)
        assert app.catalog is None
        assert "Loading the store" in screen_text(app)
        for _ in range(200):
            if app.catalog is not None:
                break
            await asyncio.sleep(0.02)
        await pilot.pause(0.1)
        assert isinstance(app.focused, RecordList)
        assert app.focused is app.main.pane("articles").records
        text = screen_text(app)
        assert SEED_TITLE[:24] in text
        assert "Open" in text  # the footer shows the list's keys
        await pilot.press("j", "enter")  # and the keys reach the list
        await pilot.pause(0.2)
        assert app.main.pane("articles").detail_open


# -- no terminal: one line and exit 2, never escape codes or a hang ---------------------------

def _cca(stdin, stdout, stderr, tmp_path):
    import os
    import subprocess
    import sys

    env = {**os.environ, "CCA_TUI_DB": str(tmp_path / "store.json"), "TERM": "xterm-256color"}
    code = "import sys; from tui.cli.main import main; sys.exit(main())"
    return subprocess.run([sys.executable, "-c", code], stdin=stdin, stdout=stdout, stderr=stderr,
                          env=env, timeout=20)


def test_no_terminal_says_so_in_one_line_and_exits_2(tmp_path):
    import subprocess

    done = _cca(subprocess.DEVNULL, subprocess.PIPE, subprocess.PIPE, tmp_path)
    assert done.returncode == 2
    assert done.stdout == b""
    assert done.stderr.decode() == ("cca-tui: the explorer needs a terminal, but stdin, stdout and stderr are not "
                                    "terminals; try `cca-tui --help` for the commands\n")
    assert not (tmp_path / "store.json").exists()  # nothing was opened, let alone written


def test_stdout_piped_away_from_a_terminal_is_refused(tmp_path):
    import os
    import pty
    import subprocess

    main_fd, tty_fd = pty.openpty()  # a real terminal for stdin and stderr
    try:
        done = _cca(tty_fd, subprocess.PIPE, tty_fd, tmp_path)
        os.set_blocking(main_fd, False)
        try:
            said = os.read(main_fd, 4096).decode()
        except BlockingIOError:
            said = ""
    finally:
        os.close(tty_fd)
        os.close(main_fd)
    assert done.returncode == 2
    assert done.stdout == b""
    assert said.strip() == ("cca-tui: the explorer needs a terminal, but stdout is not one; "
                            "try `cca-tui --help` for the commands")
