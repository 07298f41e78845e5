"""`tag:`, `-tag:` and `note:` in the one query language, and what they ask of each record."""

from __future__ import annotations

import pytest

from tui.records import ARTICLE, EVENT, OFFICIAL, Event, Note, Official, Ref, Tag
from tui.search import QueryError, SearchIndex, conditions, event_matches, official_matches, parse_query
from tui.search.annotations import Annotations


def test_the_fields_parse_and_narrow():
    q = parse_query('kazakh tag:Chapter-3 -tag:draft note:verif note:"the MFA"')
    assert (q.words, q.tags, q.excluded_tags, q.notes) == (["kazakh"], ["chapter-3"], ["draft"], [" verif", " the mfa"])
    assert q.has_user_conditions and q.has_filters and not q.is_empty
    both = q & conditions(country="kz")
    assert (both.tags, both.excluded_tags, both.notes, both.countries) == (
        ["chapter-3"], ["draft"], [" verif", " the mfa"], ["Kazakhstan"])
    assert not parse_query("kazakh").has_user_conditions


# The fields' bad forms are rows of tests/test_query.py::test_bad_queries_are_clear_errors.


def _annotations() -> Annotations:
    tags = [Tag("Chapter-3", Ref(ARTICLE, "a1")), Tag("chapter-3", Ref(OFFICIAL, "o1")),
            Tag("draft", Ref(ARTICLE, "a2")), Tag("chapter-3", Ref(EVENT, "e1"))]
    notes = [Note("a2", "Verify the figures with the ministry"), Note("a3", "Nothing to see", 2, "x")]
    return Annotations([(t, t.on.id) for t in tags], notes)


def test_articles_officials_and_events_by_tag_and_note():
    found = _annotations()
    ids = ["a1", "a2", "a3"]
    assert found.articles_passing(parse_query("tag:chapter-3"), ids) == {"a1"}
    assert found.articles_passing(parse_query("-tag:CHAPTER-3"), ids) == {"a2", "a3"}
    assert found.articles_passing(parse_query("note:minist"), ids) == {"a2"}
    assert found.articles_passing(parse_query('note:"the figures"'), ids) == {"a2"}
    assert found.articles_passing(parse_query('note:"figures the"'), ids) == frozenset()
    assert found.articles_passing(parse_query("note:see -tag:draft"), ids) == {"a3"}
    assert found.articles_passing(parse_query("kazakh"), ids) is None  # no such condition: all pass
    official, other = Official("o1", "Wang Yi", article_ids=("a3",)), Official("o2", "Li Qiang", article_ids=("a2",))
    event = Event("e1", "2024-03-30", "day", article_ids=("a1",))
    q = parse_query("tag:chapter-3")
    assert [o.id for o in (official, other) if official_matches(o, q, annotations=found)] == ["o1"]
    # note: reaches officials and events through the articles they are in.
    q = parse_query("note:verify")
    assert [o.id for o in (official, other) if official_matches(o, q, annotations=found)] == ["o2"]
    assert event_matches(event, parse_query("tag:chapter-3"), {}, annotations=found)
    assert not event_matches(event, parse_query("note:nothing"), {}, annotations=found)
    assert found.tags_of(ARTICLE, "a1") == ["Chapter-3"]  # the spelling first written
    assert [(c.tag, c.counts) for c in found.counts()] == [
        ("Chapter-3", {"article": 1, "official": 1, "event": 1}), ("draft", {"article": 1, "official": 0, "event": 0})]


def test_the_index_alone_cannot_answer_them():
    index = SearchIndex([])
    with pytest.raises(ValueError):
        index.search("tag:x")
    with pytest.raises(ValueError):
        official_matches(Official("o1", "Wang Yi"), parse_query("tag:x"))
    assert list(index.search("tag:x", within=frozenset())) == []
