"""The acceptance run in a real terminal: cca-tui in tmux (120×36), keys sent with send-keys.

An isolated tmux server (its own socket, a config of one line) and isolated cca-tui
dirs, so neither the developer's tmux nor their store is touched.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from tests.pilot import detail_side, list_side

pytestmark = pytest.mark.tmux

KEY_GAP = 0.08  # seconds between keys, faster than a person types
SEED_URL = "https://daryo.uz/en/2024/03/31/launch-of-central-asiachina-secretariat-takes-place-in-xian"


def _cca_command() -> list[str]:
    """The installed ``cca-tui`` script; the module through this Python when the script is absent."""
    script = Path(sys.executable).with_name("cca-tui")
    if script.exists():
        return [str(script)]
    found = shutil.which("cca-tui")
    if found:
        return [found]
    return [sys.executable, "-c", "import sys; from tui.cli.main import main; sys.exit(main())"]


class Tmux:
    def __init__(self, socket: str, config: Path) -> None:
        self.base = ["tmux", "-L", socket, "-f", str(config)]

    def run(self, *args: str, check: bool = True) -> str:
        done = subprocess.run([*self.base, *args], capture_output=True, text=True, timeout=10)
        if check and done.returncode != 0:
            raise AssertionError(f"tmux {' '.join(args)} failed: {done.stderr}")
        return done.stdout

    def screen(self) -> str:
        return self.run("capture-pane", "-p", "-t", "cca")

    def keys(self, *keys: str) -> None:
        """Press keys at a brisk human pace: Textual hands each key to the widget focused
        when it arrives, so a key that moves the focus needs a moment before the next."""
        for key in keys:
            self.run("send-keys", "-t", "cca", key)
            time.sleep(KEY_GAP)

    def type(self, text: str) -> None:
        self.run("send-keys", "-t", "cca", "-l", text)
        time.sleep(KEY_GAP)

    def wait_for(self, predicate, what: str, timeout: float = 15.0) -> str:
        deadline = time.monotonic() + timeout
        screen = ""
        while time.monotonic() < deadline:
            screen = self.screen()
            if predicate(screen):
                return screen
            time.sleep(0.1)
        raise AssertionError(f"timed out waiting for {what}; screen was:\n{screen}")


@pytest.fixture
def tmux(tmp_path: Path):
    if shutil.which("tmux") is None:
        pytest.skip("tmux is not installed")
    config = tmp_path / "tmux.conf"
    config.write_text("set -g set-clipboard on\nset -g default-terminal tmux-256color\n")
    server = Tmux(f"cca-test-{os.getpid()}-{uuid.uuid4().hex[:8]}", config)
    yield server
    server.run("kill-server", check=False)


def _footer(screen: str) -> str:
    lines = [line for line in screen.splitlines() if line.strip()]
    return lines[-1] if lines else ""


def launch(tmux: Tmux, tmp_path: Path, width: int, height: int, *, fresh: bool = True) -> Path:
    """cca-tui on the seeded store in a new tmux session ``cca`` of that size; returns the
    file its exit status is written to. ``fresh``: the explorer creates the store (and says so
    in a toast); else the store exists already, as on every start after the first."""
    home = tmp_path / "home"
    db = home / "store.json"
    status = tmp_path / "status"
    env = {
        "CCA_TUI_DB": str(db),
        "CCA_TUI_DATA_DIR": str(home / "data"),
        "CCA_TUI_CONFIG_DIR": str(home / "config"),
        "TERM": "tmux-256color",
    }
    if not fresh:
        subprocess.run([*_cca_command(), "--db", str(db), "articles"], capture_output=True, check=True, timeout=60,
                       env={**os.environ, **env})
    command = " ".join(shlex.quote(c) for c in [*_cca_command(), "--db", str(db)])
    # The test process may export COLUMNS/LINES (80x24), which would override the pane size.
    shell = f"unset COLUMNS LINES; cd {shlex.quote(str(Path(__file__).parent.parent))}; {command}; echo $? > {shlex.quote(str(status))}; sleep 30"
    tmux.run("new-session", "-d", "-s", "cca", "-x", str(width), "-y", str(height),
             *[a for k, v in env.items() for a in ("-e", f"{k}={v}")], shell)
    return status


def test_acceptance_keys_in_tmux(tmux: Tmux, tmp_path: Path) -> None:
    status = launch(tmux, tmp_path, 120, 36)

    # A fresh store: seeded, and the first screen shows the seed's title.
    tmux.wait_for(lambda s: "Launch of Central Asia" in s and "1 article" in s and "1 articles" not in s, "the seed article", timeout=60)

    tmux.keys("2")
    screen = tmux.wait_for(lambda s: "Nurtleu" in list_side(s) and "officials" in s, "the Officials pane")
    assert "Kazakhstan" in next(line for line in list_side(screen).splitlines() if "Nurtleu" in line)

    tmux.keys("3")
    tmux.wait_for(lambda s: "2023" in list_side(s) and "2024" in list_side(s) and "events" in s, "the Timeline")

    tmux.keys("1")
    tmux.wait_for(lambda s: "⏎ Open" in _footer(s), "the Articles list focused")
    tmux.keys("/")
    # Keys typed before the focus reaches the box go to the list; a person sees the box
    # take the focus (the footer drops the list's keys) before typing, and so does this test.
    tmux.wait_for(lambda s: "⏎ Open" not in _footer(s) and "esc Back" in _footer(s), "the search box focused")
    tmux.type("Kulubayev")
    tmux.wait_for(lambda s: "for “Kulubayev”" in s and "Launch of Central" in list_side(s), "Kulubayev keeps the seed")
    tmux.type(" zzqx")
    tmux.wait_for(lambda s: "No articles match “Kulubayev zzqx”" in list_side(s) and "0 of 1 article" in s and "0 of 1 articles" not in s, "an empty list")
    tmux.keys(*["BSpace"] * len("Kulubayev zzqx"))
    tmux.wait_for(lambda s: "No articles match" not in s and "Launch of Central" in list_side(s) and "1 article" in s and "1 articles" not in s and "of 1" not in s,
                  "the list back")

    tmux.keys("Escape")
    time.sleep(0.3)
    tmux.keys("c")
    tmux.wait_for(lambda s: "copied (tmux)" in s, "the copy toast")
    # One copy, one tmux buffer: `load-buffer -w` forwards it to the terminal, no OSC 52 of ours.
    assert len(tmux.run("list-buffers").splitlines()) == 1
    buffer = tmux.run("show-buffer")
    # The default style is APA: the whole reference, exactly.
    assert buffer.strip() == f"Launch of Central Asia–China Secretariat takes place in Xi’an. (2024, March 31). Daryo. {SEED_URL}"

    tmux.keys("Enter")
    tmux.wait_for(lambda s: "Distinguished officials" in s and "y Quote" in _footer(s), "the reader")

    tmux.keys("?")
    tmux.wait_for(lambda s: "Citations" in s, "help mentioning citations")
    tmux.keys("Escape")
    time.sleep(0.3)

    tmux.keys("q")
    deadline = time.monotonic() + 15
    while not status.exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert status.read_text().strip() == "0"


@pytest.mark.parametrize("width", [100, 120])
def test_reader_shows_the_last_line_of_each_paragraph(tmux: Tmux, tmp_path: Path, width: int) -> None:
    # Seen at 100 and 120 columns: paragraph 1 ended "…between China and the Central" and
    # paragraph 4 "…Secretariat Wu", their last lines never drawn.
    launch(tmux, tmp_path, width, 36, fresh=False)  # no "created a new store" toast over the reader
    tmux.wait_for(lambda s: "Launch of Central Asia" in s and "1 article" in s, "the seed article", timeout=60)
    tmux.keys("Enter")
    screen = tmux.wait_for(lambda s: "Distinguished officials" in s and "y Quote" in _footer(s), "the reader")
    reader = " ".join(detail_side(screen).split())  # the words in order, wherever the lines break
    assert "between China and the Central Asian nations. 2 Congratulations" in reader, screen
    assert "on the commencement of the secretariat. 4 The opening" in reader, screen  # no cursor on it
    tmux.keys("j", "j", "j")  # the cursor on paragraph 4: the reader scrolls it into view
    screen = tmux.wait_for(lambda s: "Yingqin" in s or "Significance of" in s, "paragraph 4 in view")
    reader = " ".join(detail_side(screen).split())
    assert "China-Central Asia Secretariat Wu Yingqin." in reader, screen
    tmux.keys("q")
