"""Copy text to every clipboard path that can work, and say which were used.

A terminal program cannot know whether a copy arrived, so it tries them all:
inside tmux, ``tmux load-buffer -w -`` (one tmux buffer, passed on by tmux to the
outer terminal's clipboard); OSC 52 otherwise, or when tmux has no ``-w`` (reaches
the local clipboard through SSH in most terminals); a native tool (wl-copy, xclip,
xsel, pbcopy) when a local display is present and we are not over SSH. A missing
tool never fails the copy. No Textual import: the TUI passes its
``App.copy_to_clipboard`` as ``osc52``; the CLI lets us write to /dev/tty.

Recent copies are kept in ``copy-history.json`` in the user data dir.
"""

from __future__ import annotations

import base64
import json
import os
import shutil
import subprocess
import sys
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable, Mapping, Sequence

from tui.cite.sanitize import clean_text
from tui.paths import user_data_dir
from tui.files import atomic_write_bytes

#: Runs ``argv`` with ``payload`` on stdin; raises (OSError, CalledProcessError, TimeoutExpired) on failure.
Runner = Callable[[Sequence[str], bytes], None]

HISTORY_FILE = "copy-history.json"
HISTORY_LIMIT = 50
# Bigger texts (a whole export) are copied but not kept in the history file.
HISTORY_MAX_CHARS = 100_000


@dataclass(frozen=True)
class CopyResult:
    """What a copy did: the text sent and the paths that accepted it."""

    text: str
    paths: tuple[str, ...] = ()
    failures: tuple[tuple[str, str], ...] = ()

    @property
    def ok(self) -> bool:
        """At least one path took the text (OSC 52 counts: we cannot see further)."""
        return bool(self.paths)

    def how(self) -> str:
        """``OSC 52, tmux`` — or ``no clipboard path worked``."""
        return ", ".join(self.paths) if self.paths else "no clipboard path worked"

    def message(self, what: str) -> str:
        """The toast: ``APA citation of “…” copied (OSC 52, tmux)``."""
        if self.ok:
            return f"{what} copied ({self.how()})"
        return f"{what} not copied: no clipboard path worked; select the text by hand"


def osc52_sequence(text: str) -> str:
    """``ESC ] 52 ; c ; <base64> BEL`` — the clipboard-set request terminals know."""
    payload = base64.b64encode(text.encode("utf-8")).decode("ascii")
    return f"\x1b]52;c;{payload}\a"


def osc52_to_tty(tty_path: str = "/dev/tty") -> Callable[[str], None]:
    """An ``osc52`` callable for the CLI: writes the sequence to the controlling terminal.

    Raises ``OSError`` when ``tty_path`` cannot be opened or is not a terminal
    (a pipe or a cron job): then OSC 52 is reported as not used.
    """

    def send(text: str) -> None:
        fd = os.open(tty_path, os.O_WRONLY | os.O_NOCTTY)
        try:
            if not os.isatty(fd):
                raise OSError(f"{tty_path} is not a terminal")
            os.write(fd, osc52_sequence(text).encode("ascii"))
        finally:
            os.close(fd)

    return send


def run_command(argv: Sequence[str], payload: bytes) -> None:
    """The default runner: feed ``payload`` to ``argv``, fail on a non-zero exit.

    Output goes to /dev/null: xclip and wl-copy fork a child that keeps the
    selection alive, and a pipe held by it would block us until the timeout.
    """
    subprocess.run(
        list(argv), input=payload, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        check=True, timeout=3,
    )


def native_command(env: Mapping[str, str], which: Callable[[str], str | None] = shutil.which, platform: str = sys.platform) -> list[str] | None:
    """The native clipboard tool to use here, or None (remote, headless or none installed)."""
    if any(env.get(v) for v in ("SSH_CONNECTION", "SSH_CLIENT", "SSH_TTY")):
        return None  # the native clipboard would be the server's, not the user's
    candidates: list[list[str]] = []
    if platform == "darwin":
        candidates.append(["pbcopy"])
    if env.get("WAYLAND_DISPLAY"):
        candidates.append(["wl-copy"])
    if env.get("DISPLAY"):
        candidates += [["xclip", "-selection", "clipboard"], ["xsel", "--clipboard", "--input"]]
    for argv in candidates:
        if which(argv[0]):
            return argv
    return None


def copy_text(
    text: str,
    osc52: Callable[[str], None] | None = None,
    *,
    env: Mapping[str, str] | None = None,
    runner: Runner = run_command,
    which: Callable[[str], str | None] = shutil.which,
    platform: str = sys.platform,
) -> CopyResult:
    """Copy ``text`` by every path that can work here; never raises for a failed path.

    ``osc52`` is the TUI's ``app.copy_to_clipboard``; None (the CLI) writes the
    sequence to /dev/tty. It is not called inside tmux when ``load-buffer -w`` took
    the text (tmux forwards it: one copy, one buffer). Control characters are
    stripped first: article text must not smuggle escape sequences into the terminal
    or the clipboard.
    """
    env = os.environ if env is None else env
    text = clean_text(text)
    payload = text.encode("utf-8")
    used: list[str] = []
    failed: list[tuple[str, str]] = []

    # Inside tmux, one `tmux load-buffer -w` makes the one tmux buffer and has tmux pass
    # the text on to the outer terminal's clipboard (OSC 52, as its set-clipboard option
    # allows). Our own OSC 52 as well would make tmux (set-clipboard on) add a second
    # buffer for the same copy, so it is sent only when -w is not there to do it.
    forwarded = False
    if env.get("TMUX"):
        try:
            runner(["tmux", "load-buffer", "-w", "-"], payload)
            used.append("tmux")
            forwarded = True
        except Exception:  # noqa: BLE001
            # tmux before 3.2 has no -w (forward to the outer terminal): buffer only.
            try:
                runner(["tmux", "load-buffer", "-"], payload)
                used.append("tmux")
            except Exception as exc:  # noqa: BLE001
                failed.append(("tmux", str(exc) or type(exc).__name__))

    if not forwarded:
        try:
            (osc52 or osc52_to_tty())(text)
            used.insert(0, "OSC 52")
        except Exception as exc:  # noqa: BLE001 — any failure is reported, never raised
            failed.insert(0, ("OSC 52", str(exc) or type(exc).__name__))

    argv = native_command(env, which, platform)
    if argv:
        try:
            runner(argv, payload)
            used.append(argv[0])
        except Exception as exc:  # noqa: BLE001
            failed.append((argv[0], str(exc) or type(exc).__name__))

    return CopyResult(text=text, paths=tuple(used), failures=tuple(failed))


# ---- history -------------------------------------------------------------


@dataclass(frozen=True)
class HistoryEntry:
    """One remembered copy, newest first in the history."""

    text: str
    label: str = ""
    style: str = ""
    article_id: str = ""
    paths: tuple[str, ...] = ()
    copied_at: str = field(default_factory=lambda: datetime.now(timezone.utc).isoformat(timespec="seconds"))


def history_path() -> Path:
    """``copy-history.json`` in the user data dir (``$CCA_TUI_DATA_DIR`` in tests)."""
    return user_data_dir() / HISTORY_FILE


def load_history(path: Path | None = None) -> list[HistoryEntry]:
    """The remembered copies, newest first; a missing or damaged file is an empty history."""
    path = path or history_path()
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    entries = []
    for item in raw if isinstance(raw, list) else []:
        if not isinstance(item, dict) or not isinstance(item.get("text"), str):
            continue
        entries.append(
            HistoryEntry(
                text=clean_text(item["text"]),
                label=clean_text(str(item.get("label", ""))),
                style=str(item.get("style", "")),
                article_id=str(item.get("article_id", "")),
                paths=tuple(str(p) for p in item.get("paths") or ()),
                copied_at=str(item.get("copied_at", "")),
            )
        )
    return entries


def record_copy(entry: HistoryEntry, path: Path | None = None, limit: int = HISTORY_LIMIT) -> list[HistoryEntry]:
    """Put ``entry`` at the top of the history (an identical text moves up), keep ``limit``.

    The file is replaced atomically, so a crash never leaves half a history.
    Returns the new history.
    """
    path = path or history_path()
    entry = HistoryEntry(**{**asdict(entry), "text": clean_text(entry.text), "paths": tuple(entry.paths)})
    history = [e for e in load_history(path) if e.text != entry.text]
    if len(entry.text) <= HISTORY_MAX_CHARS:
        history.insert(0, entry)
    history = history[:limit]
    data = [{**asdict(e), "paths": list(e.paths)} for e in history]
    atomic_write_bytes(path, json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8"))
    return history


def copy_and_remember(
    text: str,
    label: str,
    osc52: Callable[[str], None] | None = None,
    *,
    style: str = "",
    article_id: str = "",
    history: Path | None = None,
    **copy_kwargs,
) -> CopyResult:
    """``copy_text`` then ``record_copy``; a history that cannot be written does not fail the copy."""
    result = copy_text(text, osc52, **copy_kwargs)
    try:
        record_copy(HistoryEntry(result.text, label, style, article_id, result.paths), history)
    except OSError:
        pass
    return result
