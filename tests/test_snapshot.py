"""The explorer's fast start: a view of the store through its saved index (headings,
officials, events; bodies read when opened) must show exactly what parsing the whole
store shows, and must step aside whenever the index cannot vouch for the file."""

from __future__ import annotations

import json
import random
from dataclasses import replace
from pathlib import Path

import pytest

from benchmarks.corpus import make_article
from tests.conftest import screen_text, settle
from tests.test_app_copying import SEED_QUOTE_3
from tui.app import CcaApp
from tui.app.catalog import Catalog
from tui.library import Library
from tui.library.index_file import index_path
from tui.library.snapshot import Snapshot
from tui.search import parse_query

SIZE = (120, 36)


def write_corpus(folder: Path, count: int, seed: int = 11) -> Path:
    rng = random.Random(seed)
    folder.mkdir()
    for i in range(count):
        name, text = make_article(rng, i)
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture
def ingested(tmp_path: Path) -> Library:
    """A store as users get it: the seed plus 40 articles ingested from files (index saved)."""
    store = Library.open(tmp_path / "store.json", seed=True)
    store.add_paths([write_corpus(tmp_path / "in", 40)])
    return Library.open(store.path, seed=False)


def test_snapshot_shows_what_the_store_holds(ingested):
    snapshot = Snapshot.open(ingested.path)
    assert snapshot is not None
    assert len(snapshot) == len(ingested) == 41
    assert snapshot.articles == [replace(a, paragraphs=None) for a in ingested.articles()]
    assert all(a.paragraphs is None for a in snapshot.articles)
    assert snapshot.officials == ingested.officials() and snapshot.officials
    assert snapshot.events == ingested.events() and snapshot.events
    for article in ingested.articles():
        assert snapshot.article(article.id) == article
    assert snapshot.article("no-such-article") is None
    assert snapshot.mtime_ns == ingested.mtime_ns


def test_catalog_from_snapshot_equals_catalog_from_store(ingested):
    fast = Catalog(Snapshot.open(ingested.path))
    slow = Catalog(ingested.contents())
    assert [a.id for a in fast.articles] == [a.id for a in slow.articles]
    assert [fast.official_count(a) for a in fast.articles] == [slow.official_count(a) for a in slow.articles]
    assert sum(fast.official_count(a) for a in fast.articles) > 0
    assert fast.outlets == slow.outlets and fast.countries == slow.countries
    for text in ("", "secretariat", "water -rail", '"foreign affairs"', "wang", "since:2024-01 astana"):
        query = parse_query(text)
        f, s = fast.match_articles(query), slow.match_articles(query)
        assert f.ids == s.ids
        assert dict(f.hits.items()) == dict(s.hits.items())
        assert fast.match_officials(query) == slow.match_officials(query)
        assert fast.match_events(query) == slow.match_events(query)
    for article in slow.articles:
        assert fast.article(article.id) == slow.article(article.id) and fast.article(article.id).paragraphs


def test_no_snapshot_without_a_current_index(ingested):
    path = ingested.path
    index_path(path).unlink()
    assert Snapshot.open(path) is None
    Catalog(Library.open(path, seed=False).contents())  # rebuilds and saves the index
    assert Snapshot.open(path) is not None
    # Another write without an index for it (the index names the old file version).
    with ingested.store.write_batch() as batch:
        batch.update_articles([dict(ingested.store.articles()[0], title="Renamed")])
    assert Snapshot.open(path) is None
    assert Snapshot.open(path.with_name("missing.json")) is None


def test_no_snapshot_for_a_store_edited_by_hand(ingested):
    path = ingested.path
    # Same content, not our layout: spans cannot be known, so the index keeps none.
    path.write_text(json.dumps(json.loads(path.read_text(encoding="utf-8")), indent=1), encoding="utf-8")
    store = Library.open(path, seed=False)
    Catalog(store.contents())
    assert index_path(path).exists()
    assert Snapshot.open(path) is None


def test_snapshot_keeps_reading_its_own_version(ingested, tmp_path):
    snapshot = Snapshot.open(ingested.path)
    first = ingested.articles()[0]
    with ingested.store.write_batch() as batch:
        batch.update_articles([dict(ingested.store.article(first.id), title="Renamed after the snapshot")])
    assert snapshot.article(first.id) == first


def test_unreadable_body_falls_back_to_the_heading(ingested):
    catalog = Catalog(Snapshot.open(ingested.path))
    last = catalog.articles[-1]
    # Truncated in place (never done by cca-tui, which replaces the file): no crash, no garbage.
    with open(ingested.path, "r+b") as f:
        f.truncate(100)
    assert catalog.article(last.id) == last
    assert catalog.article(last.id).paragraphs is None


async def test_explorer_starts_from_the_snapshot(seed_store):
    app = CcaApp(db=str(seed_store.path))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.library is None  # the store itself was never parsed
        assert "Launch of Central Asia–China Secretariat" in screen_text(app)
        await pilot.press("enter", "j", "j")  # the reader, paragraph 3
        await settle(pilot)
        assert "Prominent figures including Wang Yi" in screen_text(app)
        await pilot.press("y")
        await settle(pilot)
        assert app.clipboard == SEED_QUOTE_3


async def test_explorer_without_an_index_parses_the_store(seed_store):
    index_path(seed_store.path).unlink()
    app = CcaApp(db=str(seed_store.path))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.library is not None
        await pilot.press("enter", "j", "j")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert app.clipboard == SEED_QUOTE_3
    assert Snapshot.open(seed_store.path) is not None  # the next start is fast again


async def test_reload_after_another_process_ingests_uses_the_new_snapshot(seed_store):
    import subprocess
    import sys

    fixture = Path(__file__).parent / "fixtures" / "cli" / "astana-water-talks.txt"
    app = CcaApp(db=str(seed_store.path))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert "Kazakh and Uzbek" not in screen_text(app)
        done = subprocess.run(
            [sys.executable, "-m", "tui", "--db", str(seed_store.path), "ingest", str(fixture)],
            capture_output=True, text=True, timeout=60,
        )
        assert done.returncode == 0, done.stderr
        # The app still reads the version it opened (its file is held open), untouched by the write.
        await pilot.press("enter")
        await settle(pilot)
        assert "Prominent figures including Wang Yi" in screen_text(app)
        await pilot.press("escape", "ctrl+r")
        await settle(pilot, 0.3)
        assert app.library is None  # the ingest saved an index for its version: no full parse
        assert "Kazakh and Uzbek" in screen_text(app)
        assert len(app.catalog.articles) == 2


def test_db_rebuild_leaves_a_current_index(seed_store, capsys):
    from tui.cli import main

    assert main(["--db", str(seed_store.path), "db", "rebuild"]) == 0
    snapshot = Snapshot.open(seed_store.path)
    assert snapshot is not None
    assert snapshot.articles == [replace(a, paragraphs=None) for a in Library.open(seed_store.path, seed=False).articles()]


def test_an_article_opened_again_is_not_read_again(ingested, monkeypatch):
    from tui.library.storage import StoreFileVersion

    snapshot = Snapshot.open(ingested.path)
    reads = []
    real = StoreFileVersion.read
    monkeypatch.setattr(StoreFileVersion, "read", lambda self, span: (reads.append(span), real(self, span))[1])
    first, second = (a.id for a in ingested.articles()[:2])
    assert snapshot.article(first) == snapshot.article(first) == ingested.article(first)
    assert len(reads) == 1  # the reader and its hit paragraphs ask in turn
    snapshot.article(second)
    assert len(reads) == 2
