"""The store: atomic single writes, the lock, idempotence, ids, corrupt files."""

from __future__ import annotations

import os
import threading

import orjson
import pytest
from filelock import FileLock

from tests.records import make_article
from tui import files
from tui.library import Library, backups, storage
from tui.library.errors import SCHEMA_VERSION, StoreError, StoreLocked
from tui.library.store import Store, unique_id


@pytest.fixture
def store(tmp_path):
    return Library.open(tmp_path / "db.json", seed=False).store


def test_new_store_without_seed_has_meta_and_no_articles(store):
    assert len(store) == 0
    assert store.meta["schema"] == SCHEMA_VERSION
    tree = orjson.loads(store.path.read_bytes())
    assert list(tree["meta"].values())[0]["schema"] == SCHEMA_VERSION


def test_batch_is_written_once_and_atomically(store, monkeypatch):
    writes = []
    real = storage.atomic_write_bytes
    monkeypatch.setattr(storage, "atomic_write_bytes", lambda p, b, *keep: (writes.append(p), real(p, b, *keep)))
    records = [make_article(f"a-{i}", f"Title {i}", [f"Body number {i}."]) for i in range(50)]
    with store.write_batch() as batch:
        added, skipped = batch.add_articles(records)
    assert len(added) == 50 and skipped == []
    assert writes == [store.path]  # one write for fifty articles
    assert len(Library.open(store.path)) == 50


def test_a_batch_rereads_the_file_only_when_another_process_wrote_it(store, monkeypatch):
    import tui.library.store as store_module

    reads = []
    real = store_module.read_tree_stamped
    monkeypatch.setattr(store_module, "read_tree_stamped", lambda p: (reads.append(p), real(p))[1])
    with store.write_batch() as batch:
        batch.add_articles([make_article("mine-1", "Mine 1", ["First of mine."])])
    assert reads == []  # nobody else wrote: memory is the file
    other = Store.open(store.path)  # another writer, as another process would be
    with other.write_batch() as batch:
        batch.add_articles([make_article("theirs", "Theirs", ["Written elsewhere."])])
    reads.clear()
    with store.write_batch() as batch:
        batch.add_articles([make_article("mine-2", "Mine 2", ["Second of mine."])])
    assert len(reads) == 1  # the other version was read under the lock, and kept
    assert sorted(a.id for a in Library.open(store.path, seed=False).articles()) == ["mine-1", "mine-2", "theirs"]


def test_same_text_is_never_stored_twice(store):
    first = make_article("x", "X", ["Same body."])
    again = make_article("y", "Y", ["Same body."])
    with store.write_batch() as batch:
        batch.add_articles([first])
    with store.write_batch() as batch:
        added, skipped = batch.add_articles([again])
    assert added == []
    assert skipped[0][1] == "already stored as x"
    assert len(store) == 1


def test_ids_are_made_unique():
    taken = {"a": 1, "a-2": 1}
    assert unique_id("a", taken) == "a-3"
    assert unique_id("b", taken) == "b"


def test_clashing_id_gets_a_suffix(store):
    with store.write_batch() as batch:
        batch.add_articles([make_article("same", "One", ["First text."])])
        added, _ = batch.add_articles([make_article("same", "Two", ["Second text."])])
    assert added == ["same-2"]


def test_interrupted_write_leaves_old_store_readable(store, monkeypatch):
    with store.write_batch() as batch:
        batch.add_articles([make_article("kept", "Kept", ["Kept text."])])
    before = store.path.read_bytes()

    def crash_before_rename(src, dst):
        # The temp file is fully written; the process dies before the swap.
        raise OSError("disk unplugged")

    monkeypatch.setattr(storage.os, "replace", crash_before_rename)
    with pytest.raises(StoreError, match="cannot write store .*: disk unplugged; the store was left as it was"):
        with store.write_batch() as batch:
            batch.add_articles([make_article("lost", "Lost", ["Lost text."])])
    monkeypatch.undo()
    assert store.path.read_bytes() == before
    assert files.stray_temp_files(store.path) == []
    reopened = Library.open(store.path)
    assert [a.id for a in reopened.articles()] == ["kept"]
    assert store.article("lost") is None  # memory rolled back too


def test_stray_temp_files_are_removed_on_open_unless_a_writer_is_live(store):
    stray = store.path.parent / f".{store.path.name}.dead01.tmp"
    stray.write_bytes(b'{"half": ')
    held = FileLock(str(store.lock_path))
    held.acquire()
    try:
        Library.open(store.path)
        assert stray.exists()  # a live writer may own it
    finally:
        held.release()
    Library.open(store.path)
    assert not stray.exists()


def test_stray_temp_files_are_removed_by_the_next_write(store):
    stray = store.path.parent / f".{store.path.name}.abc123.tmp"
    stray.write_bytes(b'{"half": ')
    with store.write_batch() as batch:
        batch.add_articles([make_article("a", "A", ["Text."])])
    assert not stray.exists()


def test_lock_timeout_is_a_clear_error(store, monkeypatch):
    monkeypatch.setenv("CCA_TUI_LOCK_TIMEOUT", "0.2")
    held = FileLock(str(store.lock_path))
    held.acquire()
    try:
        with pytest.raises(StoreLocked, match="is locked by another cca-tui process"):
            with store.write_batch() as batch:
                batch.add_articles([make_article("a", "A", ["Text."])])
    finally:
        held.release()
    assert len(Library.open(store.path)) == 0


def test_concurrent_writers_lose_nothing(tmp_path):
    path = tmp_path / "db.json"
    Library.open(path, seed=False)

    def writer(prefix):
        s = Store.open(path)  # each opened before the other wrote
        for i in range(10):
            with s.write_batch() as batch:
                batch.add_articles([make_article(f"{prefix}-{i}", "T", [f"{prefix} text {i}."])])

    threads = [threading.Thread(target=writer, args=(p,)) for p in ("left", "right")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(Library.open(path)) == 20


@pytest.mark.parametrize(
    "content, reason",
    [
        (b"{not json", "is not valid JSON"),
        (b"[1, 2, 3]", "is JSON but not a TinyDB document store"),
        (b'{"articles": {"1": {"id": "a"}}}', "has no cca-tui meta record"),
        (b'{"meta": {"1": {"schema": 99}}}', "written by a newer cca-tui \\(schema 99"),
    ],
)
def test_unreadable_store_is_reported_and_untouched(tmp_path, content, reason):
    path = tmp_path / "db.json"
    path.write_bytes(content)
    with pytest.raises(StoreError, match=reason) as err:
        Library.open(path)
    assert str(path) in str(err.value)
    assert path.read_bytes() == content


def test_articles_are_newest_first_undated_last(store):
    with store.write_batch() as batch:
        batch.add_articles([
            make_article("old", "Old", ["Old text."], published="2023-05-18"),
            make_article("none", "Undated", ["No date text."], published=None),
            make_article("new", "New", ["New text."], published="2024-03-31"),
        ])
    assert [a["id"] for a in store.articles()] == ["new", "old", "none"]


def test_rotating_backups_keep_the_previous_states(store, monkeypatch):
    monkeypatch.setenv("CCA_TUI_BACKUPS", "2")
    states = []
    for i in range(4):
        states.append(store.path.read_bytes())
        with store.write_batch() as batch:
            batch.add_articles([make_article(f"a-{i}", "T", [f"Text {i}."])])
    kept = backups.backups(store.path)
    assert len(kept) == 2
    # Newest backup = the state just before the last write.
    assert [p.read_bytes() for p in kept] == [states[3], states[2]]


def test_backups_can_be_turned_off(store, monkeypatch):
    monkeypatch.setenv("CCA_TUI_BACKUPS", "0")
    with store.write_batch() as batch:
        batch.add_articles([make_article("a", "T", ["Text."])])
    assert backups.backups(store.path) == []
