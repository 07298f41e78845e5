"""Stored documents ⇄ records (tui/library/codec.py): what the store holds comes back whole."""

from __future__ import annotations

from tui.library import Library, codec
from tui.records import Event, Evidence, Official

# Kept in article documents for the library's own use (re-extraction, dedupe, derived tables).
LIBRARY_FIELDS = {"raw", "content_hash", "facts"}


def test_officials_and_events_of_the_seed_come_back_as_stored(seed_store):
    store = seed_store.store
    assert store.officials() and store.events()
    for doc in store.officials():
        assert codec.document(codec.official(doc)) == {**doc, "mentions": [
            {**m, "text": m.get("text"), "reference": bool(m.get("reference"))} for m in doc["mentions"]]}
    for doc in store.events():
        assert codec.document(codec.event(doc)) == {"end_date": None, "planned": False, **doc}


def test_an_article_comes_back_but_for_the_library_fields(seed_store):
    [doc] = seed_store.store.articles()
    back = codec.document(codec.article(doc))
    assert back == {k: v for k, v in doc.items() if k not in LIBRARY_FIELDS}
    assert "paragraphs" not in codec.document(codec.heading(doc))


def test_older_documents_get_the_newer_fields_defaults(tmp_path):
    event = codec.event({"id": "e1", "date": "2024-05", "precision": "month", "summary": "Talks",
                         "participants": ["Wang Yi"], "article_ids": ["a"],
                         "evidence": [{"article_id": "a", "paragraph": 2, "text": "In May 2024 …"}]})
    assert event == Event("e1", "2024-05", "month", "Talks", None, ("Wang Yi",), ("a",),
                          (Evidence("a", 2, "In May 2024 …"),), None, False)
    assert codec.official({"id": "o", "name": "Wang Yi"}) == Official("o", "Wang Yi")
    library = Library.open(tmp_path / "db.json", seed=False)
    assert library.officials() == [] and library.events() == []
