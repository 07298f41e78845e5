"""Clipboard paths (OSC 52, tmux, native tool) with fake runners, and the copy history."""

from __future__ import annotations

import base64
import json
import os
import subprocess

import pytest

from tui.clipboard import (
    CopyResult,
    HistoryEntry,
    copy_and_remember,
    copy_text,
    history_path,
    load_history,
    native_command,
    osc52_sequence,
    osc52_to_tty,
    record_copy,
)


class FakeRunner:
    """Records commands; fails for the programs listed in ``fail``."""

    def __init__(self, fail: set[str] | None = None, fail_flag: str | None = None):
        self.calls: list[tuple[list[str], bytes]] = []
        self.fail = fail or set()
        self.fail_flag = fail_flag

    def __call__(self, argv, payload):
        self.calls.append((list(argv), payload))
        if argv[0] in self.fail or (self.fail_flag and self.fail_flag in argv):
            raise subprocess.CalledProcessError(1, argv)


def which_all(name):
    return f"/usr/bin/{name}"


def which_none(name):
    return None


@pytest.fixture
def sent():
    got: list[str] = []
    return got


def test_osc52_only_when_nothing_else_applies(sent):
    runner = FakeRunner()
    result = copy_text("hello", sent.append, env={}, runner=runner, which=which_all, platform="linux")
    assert sent == ["hello"]
    assert runner.calls == []
    assert result.paths == ("OSC 52",) and result.ok
    assert result.message("APA citation of “X”") == "APA citation of “X” copied (OSC 52)"


def test_tmux_gets_load_buffer_w_and_no_osc52_of_ours(sent):
    # -w has tmux pass the buffer on to the outer terminal; our OSC 52 would be a second buffer.
    runner = FakeRunner()
    result = copy_text("héllo", sent.append, env={"TMUX": "/tmp/tmux-0/default,1,0"}, runner=runner, which=which_none)
    assert runner.calls == [(["tmux", "load-buffer", "-w", "-"], "héllo".encode())]
    assert sent == []
    assert result.how() == "tmux"


def test_old_tmux_without_w_falls_back(sent):
    # No -w: tmux cannot forward the buffer, so OSC 52 goes out as well.
    runner = FakeRunner(fail_flag="-w")
    result = copy_text("x", sent.append, env={"TMUX": "1"}, runner=runner, which=which_none)
    assert [c[0] for c in runner.calls] == [["tmux", "load-buffer", "-w", "-"], ["tmux", "load-buffer", "-"]]
    assert sent == ["x"]
    assert result.paths == ("OSC 52", "tmux")


def test_tmux_failing_leaves_osc52(sent):
    result = copy_text("x", sent.append, env={"TMUX": "1"}, runner=FakeRunner(fail={"tmux"}), which=which_none)
    assert sent == ["x"]
    assert result.paths == ("OSC 52",) and [name for name, _ in result.failures] == ["tmux"]


def test_native_tool_on_local_wayland(sent):
    runner = FakeRunner()
    result = copy_text("x", sent.append, env={"WAYLAND_DISPLAY": "wayland-0", "DISPLAY": ":0"}, runner=runner, which=which_all, platform="linux")
    assert runner.calls == [(["wl-copy"], b"x")]
    assert result.paths == ("OSC 52", "wl-copy")


def test_native_choice():
    x11 = {"DISPLAY": ":0"}
    assert native_command(x11, which_all, "linux") == ["xclip", "-selection", "clipboard"]
    assert native_command(x11, lambda n: "/bin/xsel" if n == "xsel" else None, "linux") == ["xsel", "--clipboard", "--input"]
    assert native_command({}, which_all, "darwin") == ["pbcopy"]
    assert native_command({}, which_all, "linux") is None  # headless
    assert native_command(x11, which_none, "linux") is None  # nothing installed
    # Over SSH the native clipboard is the server's: never used, even with X forwarding.
    assert native_command({"DISPLAY": "localhost:10.0", "SSH_CONNECTION": "1 2 3 4"}, which_all, "linux") is None
    assert native_command({"SSH_TTY": "/dev/pts/1"}, which_all, "darwin") is None


def test_all_three_paths_in_tmux_with_display(sent):
    runner = FakeRunner()
    result = copy_text("x", sent.append, env={"TMUX": "1", "DISPLAY": ":0"}, runner=runner, which=which_all, platform="linux")
    assert result.how() == "tmux, xclip"
    result = copy_text("x", sent.append, env={"TMUX": "1", "DISPLAY": ":0"}, runner=FakeRunner(fail_flag="-w"),
                       which=which_all, platform="linux")
    assert result.how() == "OSC 52, tmux, xclip"


def test_failures_are_reported_never_raised():
    def broken(text):
        raise RuntimeError("no driver")

    runner = FakeRunner(fail={"tmux", "xclip"})
    result = copy_text("x", broken, env={"TMUX": "1", "DISPLAY": ":0"}, runner=runner, which=which_all, platform="linux")
    assert not result.ok
    assert [name for name, _ in result.failures] == ["OSC 52", "tmux", "xclip"]
    assert result.message("MLA citation of “X”") == (
        "MLA citation of “X” not copied: no clipboard path worked; select the text by hand"
    )


def test_missing_tool_binary_is_not_an_error(sent):
    def runner(argv, payload):
        raise FileNotFoundError(argv[0])

    result = copy_text("x", sent.append, env={"TMUX": "1"}, runner=runner, which=which_none)
    assert result.paths == ("OSC 52",)


def test_payload_is_stripped_of_escape_sequences(sent):
    runner = FakeRunner(fail_flag="-w")  # OSC 52 and the tmux buffer both
    evil = "Title\x1b]52;c;ZXZpbA==\x07 ok\x1b[2J\nline two\x9b"
    result = copy_text(evil, sent.append, env={"TMUX": "1"}, runner=runner, which=which_none)
    assert sent == ["Title ok\nline two"]
    assert runner.calls[0][1] == b"Title ok\nline two"
    assert result.text == "Title ok\nline two"


def test_osc52_sequence():
    seq = osc52_sequence("Xi’an")
    assert seq.startswith("\x1b]52;c;") and seq.endswith("\a")
    assert base64.b64decode(seq[7:-1]).decode() == "Xi’an"


def test_osc52_to_a_real_pty():
    master, slave = os.openpty()
    try:
        osc52_to_tty(os.ttyname(slave))("copy me")
        assert os.read(master, 1024) == osc52_sequence("copy me").encode()
    finally:
        os.close(master)
        os.close(slave)


def test_osc52_to_tty_refuses_a_non_terminal(tmp_path):
    target = tmp_path / "not-a-tty"
    target.write_text("")
    with pytest.raises(OSError, match="not a terminal"):
        osc52_to_tty(str(target))("x")
    assert target.read_text() == ""


def test_cli_copy_without_a_terminal_reports_no_osc52(tmp_path):
    target = tmp_path / "not-a-tty"
    target.write_text("")
    result = copy_text("x", osc52_to_tty(str(target)), env={}, runner=FakeRunner(), which=which_none)
    assert result.paths == () and result.failures[0][0] == "OSC 52"


# ---- history ---------------------------------------------------------------------

@pytest.fixture
def data_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("CCA_TUI_DATA_DIR", str(tmp_path / "data"))
    return tmp_path / "data"


def test_history_lives_in_the_user_data_dir(data_dir):
    assert history_path() == data_dir / "copy-history.json"
    assert load_history() == []


def test_record_newest_first_dedup_and_cap(data_dir):
    for i in range(5):
        record_copy(HistoryEntry(text=f"t{i}", label=f"L{i}"), limit=3)
    assert [e.text for e in load_history()] == ["t4", "t3", "t2"]
    record_copy(HistoryEntry(text="t2", label="again"), limit=3)
    assert [(e.text, e.label) for e in load_history()] == [("t2", "again"), ("t4", "L4"), ("t3", "L3")]
    raw = json.loads((data_dir / "copy-history.json").read_text(encoding="utf-8"))
    assert raw[0]["text"] == "t2" and isinstance(raw[0]["paths"], list)
    # Written through a temp file: nothing stray left beside it.
    assert sorted(p.name for p in data_dir.iterdir()) == ["copy-history.json"]


def test_damaged_history_is_empty_not_an_error(data_dir):
    data_dir.mkdir(parents=True)
    (data_dir / "copy-history.json").write_text("{not json", encoding="utf-8")
    assert load_history() == []
    record_copy(HistoryEntry(text="fresh"))
    assert [e.text for e in load_history()] == ["fresh"]


def test_history_never_returns_control_characters(data_dir):
    data_dir.mkdir(parents=True)
    (data_dir / "copy-history.json").write_text(json.dumps([{"text": "a\x1b[31mb", "label": "\x07x"}]), encoding="utf-8")
    [entry] = load_history()
    assert entry.text == "ab" and entry.label == "x"


def test_copy_and_remember(data_dir, sent):
    result = copy_and_remember(
        "APA text", "APA citation of “X”", sent.append, style="apa", article_id="a1",
        env={"TMUX": "1"}, runner=FakeRunner(), which=which_none,
    )
    assert isinstance(result, CopyResult) and result.paths == ("tmux",)
    [entry] = load_history()
    assert (entry.text, entry.label, entry.style, entry.article_id, entry.paths) == (
        "APA text", "APA citation of “X”", "apa", "a1", ("tmux",),
    )
    assert entry.copied_at.endswith("+00:00")


def test_unwritable_history_does_not_fail_the_copy(tmp_path, monkeypatch, sent):
    blocker = tmp_path / "file"
    blocker.write_text("")
    monkeypatch.setenv("CCA_TUI_DATA_DIR", str(blocker / "sub"))  # a dir under a file: cannot exist
    result = copy_and_remember("x", "label", sent.append, env={}, runner=FakeRunner(), which=which_none)
    assert result.ok


@pytest.mark.tmux
def test_real_tmux_buffer_receives_the_copy(tmp_path, monkeypatch, sent):
    import shutil

    if not shutil.which("tmux"):
        pytest.skip("tmux not installed")
    sock = tmp_path / "tmux.sock"
    subprocess.run(["tmux", "-S", str(sock), "-f", "/dev/null", "new-session", "-d", "-s", "cite"], check=True)
    try:
        pid = subprocess.run(["tmux", "-S", str(sock), "display-message", "-p", "#{pid}"], capture_output=True, text=True, check=True).stdout.strip()
        monkeypatch.setenv("TMUX", f"{sock},{pid},0")  # what tmux sets inside a pane
        text = "Launch of Central Asia–China Secretariat takes place in Xi’an. (2024, March 31). Daryo."
        result = copy_text(text, sent.append, which=which_none)
        assert "tmux" in result.paths
        shown = subprocess.run(["tmux", "-S", str(sock), "show-buffer"], capture_output=True, check=True).stdout
        assert shown.decode("utf-8") == text
    finally:
        subprocess.run(["tmux", "-S", str(sock), "kill-server"], check=False)


@pytest.mark.tmux
def test_one_copy_in_tmux_makes_one_tmux_buffer(tmp_path):
    """`cca-tui cite --copy` in a real tmux pane (set-clipboard on, as many users have it):
    the copy adds exactly one buffer, holding the citation."""
    import shlex
    import shutil
    import sys

    from tui.library import Library

    if not shutil.which("tmux"):
        pytest.skip("tmux not installed")
    db = tmp_path / "db.json"
    Library.open(db)  # seeded
    conf = tmp_path / "tmux.conf"
    conf.write_text("set -g set-clipboard on\n")
    tmux = ["tmux", "-S", str(tmp_path / "tmux.sock"), "-f", str(conf)]
    subprocess.run([*tmux, "new-session", "-d", "-s", "cite", "-x", "100", "-y", "20", "sleep 120"], check=True)
    try:
        def buffers() -> list[str]:
            done = subprocess.run([*tmux, "list-buffers", "-F", "#{buffer_name}"], capture_output=True, text=True)
            return done.stdout.split()

        before = buffers()
        status = tmp_path / "status"
        seed_id = "daryo-2024-03-31-launch-of-central-asia-china-secretariat"
        command = " ".join(shlex.quote(c) for c in [sys.executable, "-m", "tui", "--db", str(db), "cite", seed_id, "--copy"])
        env = {"CCA_TUI_DATA_DIR": str(tmp_path / "data"), "CCA_TUI_CONFIG_DIR": str(tmp_path / "config")}
        subprocess.run([*tmux, "new-window", "-d", *[a for k, v in env.items() for a in ("-e", f"{k}={v}")],
                        f"{command} > /dev/null 2>&1; echo $? > {shlex.quote(str(status))}; tmux wait-for -S copied"],
                       check=True)
        subprocess.run([*tmux, "wait-for", "copied"], check=True, timeout=60)
        assert status.read_text().strip() == "0"
        after = buffers()
        assert len(after) == len(before) + 1, after
        shown = subprocess.run([*tmux, "show-buffer"], capture_output=True, check=True).stdout.decode("utf-8")
        assert shown == (
            "Launch of Central Asia–China Secretariat takes place in Xi’an. (2024, March 31). Daryo. "
            "https://daryo.uz/en/2024/03/31/launch-of-central-asiachina-secretariat-takes-place-in-xian"
        )
    finally:
        subprocess.run([*tmux, "kill-server"], check=False)
