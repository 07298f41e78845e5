"""The explorer's catalog answers searches from the saved index, hit paragraphs on demand,
exactly as computing every result's hits up front would."""

from __future__ import annotations

import random

from benchmarks.corpus import make_article
from benchmarks.queries import TYPED
from tui.app.catalog import Catalog, HitParagraphs
from tui.ingest.source import parse_source
from tui.library import Library
from tui.library.derive import with_facts
from tui.library.index_file import index_path
from tui.search import SearchIndex, parse_query


def _store(tmp_path) -> Library:
    rng = random.Random(11)
    records = []
    for i in range(60):
        name, text = make_article(rng, i)
        records.append(with_facts(parse_source(text, path=name)))
    store = Library.open(tmp_path / "db.json", seed=False)
    with store.store.write_batch() as batch:
        batch.add_articles(records)
    return store


def test_matches_and_hits_equal_the_eager_answer(tmp_path):
    store = _store(tmp_path)
    catalog = Catalog(store.contents())
    assert index_path(store.path).exists()  # built once, saved for the next start
    eager = SearchIndex(store.store.articles())
    queries = ["water", '"rail freight"', "kulub", "trade -irrigation", "Nurtleu since:2021",
               *(t[:i] for t in TYPED for i in range(1, len(t) + 1))]
    for text in queries:
        try:
            matches = catalog.match_articles(parse_query(text))
        except ValueError:
            continue
        results = eager.search(text)
        if not matches.query.has_text:  # everything, or filters alone: listed newest first
            assert set(matches.ids) == {r.article_id for r in results}, text
            continue
        assert matches.ids == [r.article_id for r in results], text
        assert isinstance(matches.hits, HitParagraphs)
        assert {k: matches.hits[k] for k in matches.ids} == {
            r.article_id: {h.paragraph for h in r.hits} for r in results
        }, text
        assert matches.hits.get("no-such-article") is None


def test_a_reopened_store_loads_the_saved_index(tmp_path):
    store = _store(tmp_path)
    Catalog(store.contents())
    catalog = Catalog(Library.open(store.path, seed=False).contents())
    assert catalog.index.reads_on_demand  # read from store.json.index, not rebuilt
    assert catalog.match_articles(parse_query("water")).ids
