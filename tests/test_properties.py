"""Property tests: extraction, the query language, search and citations never raise on any text."""

from __future__ import annotations

import re
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tui.cite import STYLES, format_citation, format_many, format_quotation
from tui.extract import extract_article, merge
from tui.library import codec
from tui.search import QueryError, SearchIndex, parse_query
from tui.search.query import Query

# Words that steer the extractor and the query parser into their interesting paths.
_WORDS = st.sampled_from([
    "Minister", "of", "Foreign", "Affairs", "Kazakhstan", "Chinese", "Deputy", "Prime", "President",
    "Wang", "Yi", "Murat", "Nurtleu", "Kulubaev", "Zheenbek", "Moldokanovich", "–", "-", ",", "and",
    "including", "on", "March", "30", "2024", "in", "May", "2023", "last", "year", "Tuesday", "today",
    "June", "16-17", "Xi’an", "Shaanxi", "Province", "the", "delegation", "led", "by", "met", ".",
    "\"", "'s", "outlet:", "country:", "since:", "until:", "person:", "-", "[bold]", "\x1b[31m",
])
_SENTENCE = st.lists(st.one_of(_WORDS, st.text(max_size=12)), max_size=30).map(" ".join)
_FORBIDDEN = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _article(paragraphs: list[str], published: date | None) -> dict:
    return {
        "id": "prop",
        "title": paragraphs[0] if paragraphs else "",
        "outlet": "Prop Wire",
        "url": "https://example.test/prop",
        "published": published.isoformat() if published else None,
        "authors": [],
        "language": "en",
        "paragraphs": [
            {"n": i, "kind": "heading" if len(p) < 20 else "para", "text": p} for i, p in enumerate(paragraphs, 1)
        ],
    }


_PUBLISHED = st.one_of(st.none(), st.dates(min_value=date(1990, 1, 1), max_value=date(2040, 12, 31)))


@given(st.lists(_SENTENCE, min_size=1, max_size=6), _PUBLISHED)
@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
def test_extraction_and_merge_never_raise(paragraphs, published):
    article = _article(paragraphs, published)
    facts = extract_article(article)
    officials, events = merge([("prop", facts), ("prop2", facts)])
    for official in officials:
        assert official["name"] and official["article_ids"]
    for event in events:
        assert re.fullmatch(r"\d{4}(-\d{2}){0,2}", event["date"])


@given(_SENTENCE)
@settings(max_examples=500)
def test_query_parser_raises_only_query_errors_and_search_never_raises(text):
    try:
        query = parse_query(text)
    except QueryError as err:
        assert "\n" not in str(err)
        return
    assert isinstance(query, Query)
    index = SearchIndex([_article(["Wang Yi met Murat Nurtleu in Xi’an on March 30, 2024."], date(2024, 3, 31))])
    for result in index.search(query):
        assert result.article_id == "prop"


_AUTHORS = st.lists(st.one_of(_SENTENCE, st.text(max_size=30)), max_size=4)


@given(_SENTENCE, _AUTHORS, _PUBLISHED, st.one_of(st.none(), st.text(max_size=40)), st.sampled_from(sorted(STYLES)))
@settings(max_examples=400)
def test_citations_never_raise_and_never_carry_control_characters(title, authors, published, url, style):
    article = _article([title or "Untitled", "Ministers met in Astana. They agreed on water."], published)
    article.update(title=title, authors=authors, url=url)
    article = codec.article(article)
    for text in (
        format_citation(article, style, accessed=date(2026, 1, 2)),
        format_quotation(article, 2, style, accessed=date(2026, 1, 2)),
    ):
        # Tabs and newlines are layout (RIS, BibTeX); nothing else may steer a terminal.
        assert not _FORBIDDEN.search(text)
    for fmt in ("bibtex", "ris", "csl-json", "markdown", "json", "csv"):
        assert not _FORBIDDEN.search(format_many([article], fmt, accessed=date(2026, 1, 2)))
