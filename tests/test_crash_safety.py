"""Real processes: kill -9 during an ingest, and two ingests at once."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import pytest

from benchmarks.corpus import write_corpus
from tui.library import Library


def cca(*args, env=None):
    return [sys.executable, "-m", "tui", *args]


@pytest.fixture
def env(tmp_path):
    e = dict(os.environ, CCA_TUI_LOCK_TIMEOUT="120")
    e.pop("CCA_TUI_DB", None)
    return e


@pytest.mark.parametrize("delay", [0.05, 0.4, 0.9, 1.5, 2.5])
def test_kill_9_mid_ingest_leaves_a_sound_store(tmp_path, env, delay):
    db = tmp_path / "db.json"
    corpus = tmp_path / "corpus"
    write_corpus(corpus, 250, seed=7)
    subprocess.run(cca("--db", str(db), "articles", "--json"), env=env, check=True, capture_output=True)
    before = len(Library.open(db))
    proc = subprocess.Popen(cca("--db", str(db), "ingest", str(corpus), "--json"), env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(delay)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    store = Library.open(db)
    assert len(store) in (before, before + 250)
    report = store.check()
    assert report.problems == []
    # Officials and events always arrive with their articles.
    if len(store) > before:
        assert len(store.officials()) >= 8
    # The next write clears any temp file the killed writer left.
    done = subprocess.run(cca("--db", str(db), "ingest", str(corpus), "--json"), env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert len(Library.open(db)) == before + 250
    assert not list(tmp_path.glob(".db.json.*.tmp"))


def test_two_concurrent_ingests_lose_nothing(tmp_path, env):
    db = tmp_path / "db.json"
    write_corpus(tmp_path / "left", 300, seed=1)
    write_corpus(tmp_path / "right", 300, seed=2)
    subprocess.run(cca("--db", str(db), "--no-seed", "articles"), env=env, check=True, capture_output=True)
    procs = [
        subprocess.Popen(cca("--db", str(db), "ingest", str(tmp_path / side), "--json"), env=env,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for side in ("left", "right")
    ]
    outputs = [p.communicate(timeout=300) for p in procs]
    for p, (out, err) in zip(procs, outputs):
        assert p.returncode == 0, err
        assert len(json.loads(out)["added"]) == 300
    store = Library.open(db)
    assert len(store) == 600
    assert store.check().problems == []


def test_lock_timeout_stores_nothing_and_says_so(tmp_path, env):
    from filelock import FileLock

    db = tmp_path / "db.json"
    write_corpus(tmp_path / "c", 3, seed=3)
    subprocess.run(cca("--db", str(db), "--no-seed", "articles"), env=env, check=True, capture_output=True)
    lock = FileLock(str(db) + ".lock")
    lock.acquire()
    try:
        done = subprocess.run(cca("--db", str(db), "ingest", str(tmp_path / "c")),
                              env=dict(env, CCA_TUI_LOCK_TIMEOUT="0.5"), capture_output=True, text=True)
    finally:
        lock.release()
    assert done.returncode == 1
    assert "is locked by another cca-tui process" in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
    assert len(Library.open(db)) == 0
