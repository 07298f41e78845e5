"""What the store survives: an emptied file, special files, symlinks, failed writes."""

from __future__ import annotations

import errno
import os
import resource
import signal
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli_run import run
from tui.library import Library
from tui.library.backups import backups

FIXTURES = Path(__file__).parent / "fixtures" / "cli"
SEED_ID = "daryo-2024-03-31-launch-of-central-asia-china-secretariat"
WATER = FIXTURES / "astana-water-talks.txt"


def cca(*argv: str, timeout: float = 60, **kwargs) -> subprocess.CompletedProcess:
    env = dict(os.environ)
    env.pop("CCA_TUI_DB", None)
    return subprocess.run([sys.executable, "-m", "tui", *argv], env=env, capture_output=True, text=True,
                          timeout=timeout, stdin=subprocess.DEVNULL, **kwargs)


def article_ids(db: Path) -> list[str]:
    return [a.id for a in Library.open(db, seed=False).articles()]


# -- an emptied store ------------------------------------------------------------------------

EMPTIED = [b"", b"  \n\t \n", b"{}", b"[]", b'"a store"', b'{"meta": {}}', b'{"articles": {}, "officials": {}}',
           b'{"_default": {}}']


@pytest.mark.parametrize("content", EMPTIED, ids=repr)
def test_an_emptied_store_is_reported_by_every_command_and_never_written_over(capsys, tmp_path, content):
    db = tmp_path / "store.json"
    assert run(capsys, "--db", str(db), "articles")[0] == 0  # created and seeded
    assert run(capsys, "--db", str(db), "ingest", str(WATER))[0] == 0  # the seeded version is now a backup
    db.write_bytes(content)
    commands = [["db", "check"], ["db", "check", "--json"], ["articles"], ["article", SEED_ID], ["search", "Xi"],
                ["cite", SEED_ID], ["export", "--format", "json"], ["officials"], ["timeline"],
                ["ingest", str(FIXTURES / "front-matter-note.md")], ["db", "rebuild"]]
    for argv in commands:
        code, out, err = run(capsys, "--db", str(db), *argv)
        assert code == 1, argv
        assert out == "", argv
        assert err.count("\n") == 1 and err.startswith(f"cca-tui: cannot open store {db}: it "), (argv, err)
        assert "`cca-tui db repair` restores the newest sound one of 1 backup(s)" in err, argv
        assert db.read_bytes() == content, argv  # never re-seeded, never replaced
    code, out, err = run(capsys, "--db", str(db), "db", "repair")
    assert code == 0, err
    assert "restored the newest sound backup" in out and "(1 article)" in out
    assert article_ids(db) == [SEED_ID]
    (kept,) = tmp_path.glob("store.json.corrupt-*")
    assert kept.read_bytes() == content


async def test_the_explorer_on_an_emptied_store_exits_with_the_error(tmp_path):
    from tui.app.app import CcaApp

    db = tmp_path / "store.json"
    Library.open(db)
    db.write_bytes(b"")
    app = CcaApp(db=str(db))
    async with app.run_test() as pilot:
        # The loader starts after the first frame: wait for it (bounded), not for workers
        # that may not have started yet.
        for _ in range(300):
            if app.startup_error is not None:
                break
            await pilot.pause(0.01)
    assert app.startup_error is not None and f"cannot open store {db}: it is empty" in app.startup_error
    assert db.read_bytes() == b""


def test_a_new_store_says_so_in_one_line(capsys, tmp_path):
    typo = tmp_path / "sotre.json"
    code, out, err = run(capsys, "--db", str(typo), "articles", "--json")
    assert code == 0 and SEED_ID in out
    assert err == f"cca-tui: created a new store at {typo} (seeded with 1 article)\n"
    code, _, err = run(capsys, "--db", str(typo), "articles")
    assert (code, err) == (0, "")  # only when it is new
    empty = tmp_path / "empty.json"
    code, _, err = run(capsys, "--db", str(empty), "--no-seed", "search", "Xi")
    assert (code, err) == (0, f"cca-tui: created a new store at {empty} (empty)\n")


def test_a_new_store_has_no_backup_of_an_empty_store(tmp_path):
    db = tmp_path / "store.json"
    Library.open(db)
    assert backups(db) == []  # created and seeded in one write


# -- special files ------------------------------------------------------------------------------

FIFO_COMMANDS = [["articles"], ["search", "Xi"], ["db", "check"], ["db", "repair"], ["ingest", str(WATER)],
                 ["cite", SEED_ID]]


@pytest.mark.parametrize("argv", FIFO_COMMANDS, ids=" ".join)
def test_a_fifo_as_the_store_is_refused_at_once(tmp_path, argv):
    fifo = tmp_path / "store.fifo"
    os.mkfifo(fifo)
    done = cca("--db", str(fifo), *argv, timeout=30)  # the old code blocked here for ever
    assert done.returncode == 1
    assert done.stdout == ""
    assert done.stderr.count("\n") == 1 and str(fifo) in done.stderr
    assert "is a FIFO (named pipe), not a store file" in done.stderr
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["store.fifo"]  # no lock, index or backups beside it


def test_a_character_device_is_never_replaced(capsys, tmp_path):
    device = tmp_path / "null"
    try:
        os.mknod(device, stat.S_IFCHR | 0o666, os.makedev(1, 3))  # what /dev/null is
    except (PermissionError, OSError) as exc:
        pytest.skip(f"cannot make a device node here: {exc}")
    for argv in (["articles"], ["ingest", str(WATER)], ["db", "repair"]):
        code, out, err = run(capsys, "--db", str(device), *argv)
        assert code == 1 and out == ""
        assert err.count("\n") == 1 and "is a character device, not a store file" in err
        assert stat.S_ISCHR(os.lstat(device).st_mode)


def test_a_folder_as_the_store_is_refused(capsys, tmp_path):
    folder = tmp_path / "store.json"
    folder.mkdir()
    code, _, err = run(capsys, "--db", str(folder), "articles")
    assert code == 1 and err == (f"cca-tui: cannot open store {folder}: it is a folder, not a store file; "
                                 "the file was left untouched\n")


def test_the_explorer_refuses_a_fifo_before_taking_the_screen(capsys, tmp_path, monkeypatch):
    from tui.app import app as app_module

    fifo = tmp_path / "store.fifo"
    os.mkfifo(fifo)

    def must_not_run(self, *args, **kwargs):
        raise AssertionError("the explorer started on a FIFO")

    monkeypatch.setattr(app_module.CcaApp, "run", must_not_run)
    assert app_module.run_app(db=str(fifo), seed=True) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "is a FIFO (named pipe), not a store file" in err


def test_a_symlinked_store_keeps_its_link_and_writes_its_target(capsys, tmp_path):
    real = tmp_path / "synced"
    real.mkdir()
    target = real / "cca.json"
    link = tmp_path / "store.json"
    link.symlink_to(target)
    code, _, err = run(capsys, "--db", str(link), "articles")
    assert code == 0
    assert run(capsys, "--db", str(link), "ingest", str(WATER))[0] == 0
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert err == f"cca-tui: created a new store at {target} (seeded with 1 article)\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["store.json", "synced"]  # nothing beside the link
    assert sorted(p.name for p in real.iterdir()) == ["cca.json", "cca.json.backups", "cca.json.index",
                                                      "cca.json.lock"]
    assert len(backups(target)) == 1
    assert len(article_ids(link)) == 2
    code, out, _ = run(capsys, "--db", str(link), "search", "transboundary", "--json")
    assert code == 0 and "2025-02-12-kazakh-and-uzbek-ministers-discuss-water" in out


# -- failed writes and the backups ------------------------------------------------------------------


def _fill(capsys, db: Path, n: int) -> None:
    folder = db.parent / "sources"
    folder.mkdir(exist_ok=True)
    for i in range(n):
        src = folder / f"note-{i}.txt"
        src.write_text(f"Note {i}\n\nThe working group on water met for the {i + 1}th time in Tashkent.\n",
                       encoding="utf-8")
        assert run(capsys, "--db", str(db), "ingest", str(src))[0] == 0


def _backup_state(db: Path) -> dict[str, tuple[int, bytes]]:
    return {b.name: (b.stat().st_ino, b.read_bytes()) for b in backups(db)}


def test_failed_writes_add_no_backup_and_prune_none(capsys, tmp_path, monkeypatch):
    db = tmp_path / "store.json"
    Library.open(db)
    _fill(capsys, db, 6)  # five backups: the versions before the last five writes
    before = _backup_state(db)
    assert len(before) == 5
    live = db.read_bytes()

    def disk_full(fd):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr("tui.files.os.fsync", disk_full)
    failures = []
    for i in range(6):
        src = tmp_path / f"new-{i}.txt"
        src.write_text(f"New {i}\n\nDelegates from Bishkek signed memorandum number {i}.\n", encoding="utf-8")
        failures.append(run(capsys, "--db", str(db), "ingest", str(src)))
    monkeypatch.undo()
    assert _backup_state(db) == before  # none added, none pruned
    for code, _, err in failures:
        assert code == 1
        assert err == (f"cca-tui: cannot write store {db}: No space left on device; "
                       "the store was left as it was\n")
    assert db.read_bytes() == live
    assert all(ino != db.stat().st_ino for ino, _ in before.values())
    assert not list(tmp_path.glob(".store.json.*.tmp"))
    assert not list((tmp_path / "store.json.backups").glob(".pending-*"))
    # Damage in place: the backups do not share the live file's bytes.
    with open(db, "r+b") as f:
        f.truncate(0)
    assert _backup_state(db) == before
    code, out, _ = run(capsys, "--db", str(db), "db", "repair")
    assert code == 0
    newest = backups(db)[0]
    assert f"restored the newest sound backup {newest.name} (6 articles)" in out
    assert len(article_ids(db)) == 6  # the version before the last good write: seed + 5 notes


def test_a_real_process_that_cannot_write_keeps_the_backups(tmp_path):
    db = tmp_path / "store.json"
    assert cca("--db", str(db), "articles").returncode == 0
    for name in ("astana-water-talks.txt", "front-matter-note.md"):
        assert cca("--db", str(db), "ingest", str(FIXTURES / name)).returncode == 0
    before = _backup_state(db)
    assert before
    size = db.stat().st_size

    def small_files() -> None:
        # Writes past this size fail with EFBIG, as on a full disk (the signal would kill instead).
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (size // 2, size // 2))

    big = tmp_path / "big.txt"
    big.write_text("Long report\n\n" + "Officials from Dushanbe reviewed the corridor plans. " * 200 + "\n",
                   encoding="utf-8")
    failures = [cca("--db", str(db), "ingest", str(big), preexec_fn=small_files) for _ in range(6)]
    assert _backup_state(db) == before
    for done in failures:
        assert done.returncode == 1 and "Traceback" not in done.stderr
        assert f"cannot write store {db}: File too large; the store was left as it was" in done.stderr
    with open(db, "r+b") as f:
        f.truncate(10)
    done = cca("--db", str(db), "db", "repair")
    assert done.returncode == 0, done.stderr
    assert len(article_ids(db)) == 2  # seed + water: the version the last good write replaced
