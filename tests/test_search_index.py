"""The indexed engine against the first, scan-everything engine (tests/search_oracle.py):
the same results, scores and hit paragraphs, whether built in memory, loaded from the
index file beside the store, or read by the CLI without opening the store."""

from __future__ import annotations

import random

import pytest

from benchmarks.corpus import VOCABULARY, make_article
from benchmarks.queries import CLI_QUERIES, QUERIES, TYPED
from tests import search_oracle
from tui.ingest.source import parse_source
from tui.library import Library, indexing
from tui.library.derive import with_facts
from tui.library.index_file import index_path, read_index
from tui.library.indexing import saved_for_file
from tui.search import SearchIndex

EXTRA = [
    "a", "t", "k w", "the", "the -zzz", '"the parties"', '"parties agreed to"', '"agreed to k"',
    '-"joint statement"', "-trade", "zzzz", "", "ASTANA", "xi'an", "Öskemen", "since:2030",
    '"rail freight" -"rail freight"', "t -the", "th", '"the the"', '"the th"', 'water -"the the"',
    '"xian the"', '"oskemen and xi"', '"the the the"', '"s"', VOCABULARY[3][:2], f'"{VOCABULARY[0]}"',
]


def typed_prefixes() -> list[str]:
    return [t[:i] for t in TYPED for i in range(1, len(t) + 1)]


@pytest.fixture(scope="module")
def articles() -> list[dict]:
    rng = random.Random(5)
    out = []
    for i in range(120):
        name, text = make_article(rng, i)
        out.append(with_facts(parse_source(text, path=name)))
    # An undated article, one with accents, an empty one.
    out[3] = dict(out[3], published=None)
    out[4]["paragraphs"].append({"n": 99, "kind": "para", "text": "Öskemen and Xi’an: the the the"})
    out[5] = dict(out[5], paragraphs=[], title="")
    return out


def queries() -> list[str]:
    return [*QUERIES, *EXTRA, *typed_prefixes(), *CLI_QUERIES]


def snapshot(results) -> list:
    return [(r.article_id, r.title, r.score, [(h.paragraph, h.text) for h in r.hits]) for r in results]


def oracle_results(articles, q):
    try:
        return snapshot(search_oracle.SearchIndex(articles).search(q))
    except ValueError as exc:
        return type(exc).__name__


def engine_results(index, q):
    """What ``index`` (ours, or the oracle) finds for ``q``, or the name of the error it raises."""
    try:
        return snapshot(index.search(q))
    except ValueError as exc:
        return type(exc).__name__


def test_in_memory_index_matches_the_oracle(articles):
    index = SearchIndex(articles)
    oracle = search_oracle.SearchIndex(articles)
    for q in queries():
        assert engine_results(index, q) == engine_results(oracle, q), q


def test_limit_keeps_the_best(articles):
    index = SearchIndex(articles)
    assert snapshot(index.search("trade", limit=5)) == snapshot(index.search("trade"))[:5]


def _store_with(tmp_path, articles) -> Library:
    store = Library.open(tmp_path / "db.json", seed=False)
    with store.store.write_batch() as batch:
        batch.add_articles([dict(a, content_hash=f"h{i}") for i, a in enumerate(articles)])
    return store


def test_saved_index_and_cli_path_match_the_oracle(tmp_path, articles):
    store = _store_with(tmp_path, articles)
    stored = store.store.articles()
    built = store.index()  # builds and saves
    assert index_path(store.path).exists()
    reopened = Library.open(store.path, seed=False)
    loaded = reopened.index()
    assert loaded is not built and loaded.reads_on_demand  # really read from the file
    from_file = saved_for_file(store.path)
    assert from_file is not None
    oracle = search_oracle.SearchIndex(stored)
    for q in queries():
        want = engine_results(oracle, q)
        assert engine_results(loaded, q) == want, q
        assert engine_results(from_file, q) == want, q


def test_a_stale_index_is_never_used(tmp_path, articles):
    store = _store_with(tmp_path, articles[:10])
    store.index()
    assert saved_for_file(store.path) is not None
    # Another write (a new store version): the saved index no longer describes the file.
    with store.store.write_batch() as batch:
        batch.add_articles([dict(articles[10], content_hash="new")])
    assert saved_for_file(store.path) is None
    assert read_index(index_path(store.path), store.store.file_stamp) is None
    fresh = Library.open(store.path, seed=False).index()
    assert articles[10]["id"] in {r.article_id for r in fresh.search(articles[10]["title"].split()[0])}
    assert saved_for_file(store.path) is not None


def test_a_hand_edited_store_is_searched_without_the_shortcut(tmp_path, articles):
    import json

    store = _store_with(tmp_path, articles[:10])
    tree = json.loads(store.path.read_text(encoding="utf-8"))
    store.path.write_text(json.dumps(tree, indent=1, ensure_ascii=False), encoding="utf-8")
    reopened = Library.open(store.path, seed=False)
    index = reopened.index()
    assert saved_for_file(store.path) is None  # layout unknown: the CLI opens the store
    assert snapshot(index.search("trade")) == snapshot(search_oracle.SearchIndex(reopened.store.articles()).search("trade"))


def test_a_corrupt_index_file_is_ignored(tmp_path, articles):
    store = _store_with(tmp_path, articles[:10])
    store.index()
    path = index_path(store.path)
    path.write_bytes(path.read_bytes()[:100])
    assert saved_for_file(store.path) is None
    assert len(Library.open(store.path, seed=False).index()) == 10


def test_the_oracle_comparison_is_not_vacuous(articles):
    index = SearchIndex(articles)
    found = [q for q in queries() if isinstance(engine_results(index, q), list) and index.search(q)]
    assert len(found) > 0.7 * len(queries())
    assert any(r.hits for q in QUERIES for r in index.search(q)[:3])


def test_store_bytes_and_spans(tmp_path, articles):
    import orjson

    from tui.library.storage import serialize_tree

    store = _store_with(tmp_path, articles[:5])
    raw = store.path.read_bytes()
    tree = orjson.loads(raw)
    payload, spans, tables = serialize_tree(tree)
    assert payload == orjson.dumps(tree) == raw
    for doc_id, (start, end) in spans["articles"].items():
        assert orjson.loads(raw[start:end]) == tree["articles"][doc_id]
    assert set(tables) == set(tree) and "articles" in tables
    for name, (start, end) in tables.items():
        assert orjson.loads(raw[start:end]) == tree[name]
    assert store.store.article_spans is not None and len(store.store.article_spans) == 5
    assert store.store.table_spans == tables


def _oracle_for(articles):
    oracle = search_oracle.SearchIndex(articles)

    def want(q):
        try:
            return snapshot(oracle.search(q))
        except ValueError as exc:
            return type(exc).__name__
    return want


def test_an_extended_index_matches_the_oracle(articles):
    # New articles interleave with the old in date order, as a user's additions do.
    rng = random.Random(3)
    shuffled = articles[:]
    rng.shuffle(shuffled)
    first, second, third = shuffled[:70], shuffled[70:100], shuffled[100:]
    once = SearchIndex.extended(SearchIndex(first), second)
    twice = SearchIndex.extended(once, third)
    assert once.order is not None and twice.order is not None  # numbering is not rank order
    want_once, want_all = _oracle_for(first + second), _oracle_for(articles)
    for q in queries():
        assert engine_results(once, q) == want_once(q), q
        assert engine_results(twice, q) == want_all(q), q
    assert snapshot(twice.search("trade", limit=5)) == snapshot(twice.search("trade"))[:5]


def test_adding_articles_extends_the_saved_index(tmp_path, articles, monkeypatch):
    store = _store_with(tmp_path, articles[:80])
    store.index()  # the saved index of that version
    builds = []
    real_init = SearchIndex.__init__
    monkeypatch.setattr(SearchIndex, "__init__", lambda self, a=None: (builds.append(a is not None), real_init(self, a))[1])
    with store.store.write_batch() as batch:
        previous = indexing.current(store.store)
        added, _ = batch.add_articles([dict(a, content_hash=f"n{i}") for i, a in enumerate(articles[80:])])
    assert previous is not None and len(added) == 40
    assert indexing.save(store.store, indexing.index_after_adding(store.store, previous, added))
    assert True not in builds  # extended, never rebuilt
    found = saved_for_file(store.path)
    assert found is not None and len(found) == 120
    assert found.order is not None  # the rank order was saved and read back
    want = _oracle_for(store.store.articles())
    for q in queries():
        assert engine_results(found, q) == want(q), q


def test_an_index_that_does_not_describe_the_other_articles_is_rebuilt(tmp_path, articles):
    store = _store_with(tmp_path, articles[:30])
    store.index()
    with store.store.write_batch() as batch:
        previous = indexing.current(store.store)
        added, _ = batch.add_articles([dict(articles[30], content_hash="n")])
    # Claim fewer additions than were made: the previous index cannot account for the store.
    rebuilt = indexing.index_after_adding(store.store, previous, [])
    assert rebuilt.order is None and len(rebuilt) == 31
    assert indexing.index_after_adding(store.store, None, added).order is None


def test_the_first_ingest_into_a_new_store_builds_its_index_in_rank_order(tmp_path):
    # An index extended from the empty one of a new store would number its documents in the
    # order they were added, and every search would map them to rank order.
    rng = random.Random(5)
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(12):
        name, text = make_article(rng, i)
        (folder / name).write_text(text, encoding="utf-8")
    library = Library.open(tmp_path / "db.json", seed=False)
    assert len(library.add_paths([folder]).added) == 12
    saved = saved_for_file(library.path)
    assert saved is not None and len(saved) == 12
    assert saved.order is None
    published = [d.published for d in saved.docs]
    assert published == sorted(published, reverse=True)
