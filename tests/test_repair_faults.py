"""db repair under faults: kill -9 at each step of a real repair, the lock, and the stores
it must leave alone (unreadable, newer schema)."""

from __future__ import annotations

import builtins
import errno
import os
import signal
import subprocess
import sys
from pathlib import Path

import orjson
import pytest

from tests.cli_run import run
from tui.cli import main
from tui.library import Library
from tui.library.backups import backups

FIXTURES = Path(__file__).parent / "fixtures" / "cli"
SEED_ID = "daryo-2024-03-31-launch-of-central-asia-china-secretariat"
DAMAGED = b'{"articles": {"1": {"id": "torn'


def env(**extra: str) -> dict[str, str]:
    e = dict(os.environ, **extra)
    e.pop("CCA_TUI_DB", None)
    return e


@pytest.fixture
def damaged(tmp_path) -> tuple[Path, bytes]:
    """A store whose file was torn, with one backup: the seeded version."""
    db = tmp_path / "store.json"
    Library.open(db)
    assert main(["--db", str(db), "ingest", str(FIXTURES / "astana-water-talks.txt")]) == 0
    newest = backups(db)[0]
    db.write_bytes(DAMAGED)
    return db, newest.read_bytes()


def stopped_at(point: str, db: Path) -> subprocess.Popen:
    """A real `db repair` process, stopped (SIGSTOP) at the named point."""
    proc = subprocess.Popen([sys.executable, "-m", "tui", "--db", str(db), "db", "repair"],
                            env=env(CCA_TUI_STOP_AT=point, CCA_TUI_LOCK_TIMEOUT="60"),
                            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    # Returns when the process stops at the point, or when it ends without reaching it.
    _, status = os.waitpid(proc.pid, os.WUNTRACED)
    if not os.WIFSTOPPED(status):
        proc.returncode = os.waitstatus_to_exitcode(status)
        pytest.fail(f"db repair never reached {point} (exit {proc.returncode})")
    return proc


# Before the rename the damaged file is at the path; from the rename on, the restored one.
POINTS = [("repair.locked", "damaged"), ("repair.kept-aside", "damaged"), ("write.temp-written", "damaged"),
          ("write.replaced", "restored")]


@pytest.mark.parametrize("point, left", POINTS)
def test_kill_9_at_any_step_of_a_repair_leaves_the_old_or_the_restored_store(damaged, point, left):
    db, restored = damaged
    proc = stopped_at(point, db)
    try:
        if point == "repair.locked":
            # The repair holds the writer lock: an ingest meanwhile waits, then gives up.
            done = subprocess.run([sys.executable, "-m", "tui", "--db", str(db), "db", "repair"],
                                  env=env(CCA_TUI_LOCK_TIMEOUT="0.3"), capture_output=True, text=True,
                                  stdin=subprocess.DEVNULL, timeout=60)
            assert done.returncode == 1 and "is locked by another cca-tui process" in done.stderr
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
    assert db.read_bytes() == (DAMAGED if left == "damaged" else restored)
    # The next repair finishes the job.
    done = subprocess.run([sys.executable, "-m", "tui", "--db", str(db), "db", "repair"], env=env(),
                          capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=60)
    assert done.returncode == 0, done.stderr
    store = Library.open(db, seed=False)
    assert [a.id for a in store.articles()] == [SEED_ID]
    assert store.check().sound
    assert not list(db.parent.glob(".store.json.*.tmp"))


def test_a_repair_that_fails_while_writing_leaves_the_damaged_file_in_place(damaged, capsys, monkeypatch):
    db, _ = damaged

    def disk_full(fd):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr("tui.files.os.fsync", disk_full)
    code, _, err = run(capsys, "--db", str(db), "db", "repair")
    monkeypatch.undo()
    assert code == 1 and "No space left on device" in err and "Traceback" not in err
    assert db.read_bytes() == DAMAGED  # the old code had moved it aside already: no store at all


def test_a_store_of_a_newer_schema_is_never_set_aside(capsys, tmp_path):
    db = tmp_path / "store.json"
    Library.open(db)
    assert main(["--db", str(db), "ingest", str(FIXTURES / "astana-water-talks.txt")]) == 0
    capsys.readouterr()
    tree = orjson.loads(db.read_bytes())
    next(iter(tree["meta"].values()))["schema"] = 2
    newer = orjson.dumps(tree)
    db.write_bytes(newer)
    code, out, err = run(capsys, "--db", str(db), "db", "repair")
    assert code == 1 and out == ""
    assert err.count("\n") == 1
    assert "written by a newer cca-tui (schema 2; this one reads schema 1); upgrade cca-tui" in err
    assert "nothing was set aside" in err
    assert db.read_bytes() == newer
    assert not list(tmp_path.glob("store.json.corrupt-*"))


def test_an_unreadable_store_is_never_set_aside(capsys, tmp_path, monkeypatch):
    db = tmp_path / "store.json"
    Library.open(db)
    assert main(["--db", str(db), "ingest", str(FIXTURES / "astana-water-talks.txt")]) == 0
    capsys.readouterr()
    before = db.read_bytes()
    denied = OSError(errno.EACCES, os.strerror(errno.EACCES))

    # As root, chmod 000 does not stop a read: refuse it the way the kernel would for a user.
    real_os_open, real_open = os.open, builtins.open

    def os_open(path, *args, **kwargs):
        if os.fspath(path) == str(db):
            raise PermissionError(*denied.args, str(db))
        return real_os_open(path, *args, **kwargs)

    def py_open(path, *args, **kwargs):
        if isinstance(path, (str, os.PathLike)) and os.fspath(path) == str(db):
            raise PermissionError(*denied.args, str(db))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", os_open)
    monkeypatch.setattr(builtins, "open", py_open)
    code, out, err = run(capsys, "--db", str(db), "db", "repair")
    monkeypatch.undo()
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and "cannot be read (Permission denied)" in err and "nothing was set aside" in err
    assert db.read_bytes() == before
    assert not list(tmp_path.glob("store.json.corrupt-*"))


def test_repair_of_a_missing_store_creates_nothing(capsys, tmp_path):
    db = tmp_path / "nope.json"
    code, _, err = run(capsys, "--db", str(db), "db", "repair")
    assert code == 1 and err == f"cca-tui: cannot repair store {db}: there is no file there; nothing was changed\n"
    assert not db.exists()


def test_repair_lists_the_other_backups(damaged, capsys):
    db, _ = damaged
    code, out, _ = run(capsys, "--db", str(db), "db", "repair")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith(f"{db} could not be used (it is not valid JSON")
    assert lines[1].startswith("restored the newest sound backup store-") and lines[1].endswith("(1 article)")
    assert len(lines) == 2  # the only backup: nothing else to offer


@pytest.mark.parametrize("point, left", [("write.temp-written", "edited"), ("write.previous-staged", "edited"),
                                         ("write.replaced", "rebuilt")])
def test_kill_9_while_repair_rebuilds_a_record_leaves_one_version_or_the_other(tmp_path, point, left):
    db = tmp_path / "store.json"
    Library.open(db)
    tree = orjson.loads(db.read_bytes())
    next(iter(tree["articles"].values()))["title"] = 2024  # a hand edit: the record is set apart
    edited = orjson.dumps(tree)
    db.write_bytes(edited)
    proc = stopped_at(point, db)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    store = Library.open(db, seed=False)
    if left == "edited":
        assert db.read_bytes() == edited and len(store.unusable) == 1
    else:
        assert store.unusable == [] and store.check().sound
        assert store.article(SEED_ID).title == "Launch of Central Asia–China Secretariat takes place in Xi’an"


def test_a_symlinked_store_writes_its_temp_file_beside_the_target(tmp_path):
    target_dir = tmp_path / "target"
    target_dir.mkdir()
    target = target_dir / "cca.json"
    Library.open(target)
    link = tmp_path / "link.json"
    link.symlink_to(target)
    proc = subprocess.Popen([sys.executable, "-m", "tui", "--db", str(link), "ingest",
                             str(FIXTURES / "astana-water-talks.txt")],
                            env=env(CCA_TUI_STOP_AT="write.temp-written"), stdin=subprocess.DEVNULL,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        _, status = os.waitpid(proc.pid, os.WUNTRACED)
        assert os.WIFSTOPPED(status)
        assert len(list(target_dir.glob(".cca.json.*.tmp"))) == 1
        assert sorted(p.name for p in tmp_path.iterdir()) == ["link.json", "target"]
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
    assert link.is_symlink()
