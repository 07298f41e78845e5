"""Ranked search over hand-made articles."""

from __future__ import annotations

import pytest

from tests.records import make_article
from tui.library import codec
from tui.library.codec import official
from tui.search import ArticleSources, SearchIndex, event_matches, name_matches, official_matches, parse_query

NURTLEU = {"name": "Murat Nurtleu", "aliases": ["Nurtleu"], "country": "Kazakhstan"}
KULUBAYEV = {"name": "Jeenbek Kulubayev", "aliases": ["Kulubaev"], "country": "Kyrgyzstan"}

ARTICLES = [
    make_article(
        "wire-2024-astana-talks",
        "Foreign ministers meet in Astana",
        ["# Talks", "Murat Nurtleu received Jeenbek Kulubayev in Astana.", "Trade and water were discussed."],
        outlet="Test Wire",
        published="2024-03-02",
        officials=[NURTLEU, KULUBAYEV],
    ),
    make_article(
        "gazette-2023-xian-summit",
        "Summit in Xi’an ends with a declaration",
        ["Leaders signed the Xi’an Declaration.", "Central Asia and China agreed on water projects."],
        outlet="Steppe Gazette",
        published="2023-05-19",
        officials=[],
    ),
    make_article(
        "wire-undated-water",
        "Water, water everywhere",
        ["Water water water: a note on rivers in Central Asia."],
        outlet="Test Wire",
        published=None,
    ),
]


def ids(results):
    return [r.article_id for r in results]


def test_all_words_must_match_and_hits_are_paragraphs():
    results = SearchIndex(ARTICLES).search("Kulubayev astana")
    assert ids(results) == ["wire-2024-astana-talks"]
    assert [(h.paragraph, h.text) for h in results[0].hits] == [
        (2, "Murat Nurtleu received Jeenbek Kulubayev in Astana.")
    ]


def test_ranking_prefers_more_occurrences_and_title_then_newest():
    # Title + three body hits first; the other two tie on one hit each, newest first.
    assert ids(SearchIndex(ARTICLES).search("water")) == [
        "wire-undated-water",
        "wire-2024-astana-talks",
        "gazette-2023-xian-summit",
    ]


def test_apostrophes_and_case_do_not_matter():
    assert ids(SearchIndex(ARTICLES).search("XIAN")) == ["gazette-2023-xian-summit"]
    assert ids(SearchIndex(ARTICLES).search("xi'an")) == ["gazette-2023-xian-summit"]


def test_prefix_matches_while_typing():
    assert ids(SearchIndex(ARTICLES).search("kulub")) == ["wire-2024-astana-talks"]


def test_phrase_and_exclusion():
    index = SearchIndex(ARTICLES)
    assert ids(index.search('"central asia"')) == ["gazette-2023-xian-summit", "wire-undated-water"]
    assert ids(index.search('"central asia" -rivers')) == ["gazette-2023-xian-summit"]
    assert ids(index.search('"asia central"')) == []


def test_filters_outlet_country_official_dates():
    index = SearchIndex(ARTICLES)
    assert ids(index.search("outlet:gazette")) == ["gazette-2023-xian-summit"]
    assert ids(index.search("water country:Kyrgyzstan")) == ["wire-2024-astana-talks"]
    assert ids(index.search("official:Kulubaev")) == ["wire-2024-astana-talks"]
    assert ids(index.search("person:Nurtleu")) == ["wire-2024-astana-talks"]
    assert ids(index.search("since:2024")) == ["wire-2024-astana-talks"]
    assert ids(index.search("until:2023-05")) == ["gazette-2023-xian-summit"]
    assert ids(index.search("water since:2023-05-19 until:2023-05-19")) == ["gazette-2023-xian-summit"]


def test_no_match_is_empty():
    assert SearchIndex(ARTICLES).search("pineapple") == []


def test_officials_match_fuzzily_and_by_country():
    assert official_matches(official(KULUBAYEV), parse_query("Kulubaev"))
    assert official_matches(official(KULUBAYEV), parse_query("Kulubaiev"))
    assert official_matches(official(NURTLEU), parse_query("country:kazakh"))
    assert not official_matches(official(NURTLEU), parse_query("country:Kyrgyzstan"))
    assert not official_matches(official(NURTLEU), parse_query("Saidov"))


def test_events_match_by_overlap_and_participants():
    event = {
        "date": "2023-05",
        "summary": "Xi'an Declaration signed",
        "participants": ["Murat Nurtleu"],
        "evidence": [{"text": "signed in May 2023"}],
    }
    countries = {"Murat Nurtleu": "Kazakhstan"}
    assert event_matches(codec.event(event), parse_query("since:2023-05-20"), countries)  # month overlaps
    assert not event_matches(codec.event(event), parse_query("since:2023-06"), countries)
    assert event_matches(codec.event(event), parse_query("declaration country:kazakhstan"), countries)
    assert not event_matches(codec.event(event), parse_query("official:Saidov"), countries)


NAMES = ["wang yi", "wang wentao", "ding xuexiang", "li qiang", "dai houliang", "liang shouwen",
         "jeenbek kulubayev", "kassym jomart tokayev", "serdar berdimuhamedov"]


@pytest.mark.parametrize(
    "wanted, found",
    [
        ("wang", ["wang yi", "wang wentao"]),  # not Ding Xuexiang, Li Qiang or Dai Houliang
        ("wan", ["wang yi", "wang wentao"]),  # prefixes narrow as you type
        ("Wang Yi", ["wang yi"]),
        ("yi wang", ["wang yi"]),
        ("qiang", ["li qiang"]),  # not Liang Shouwen: short words forgive no typo
        ("Kulubaev", ["jeenbek kulubayev"]),  # one edit in a long word
        ("Kulubaiev", ["jeenbek kulubayev"]),
        ("Tokaev", ["kassym jomart tokayev"]),
        ("Berdymuhamedow", ["serdar berdimuhamedov"]),  # two edits from nine letters
        ("Xulubayev", []),  # a typo keeps the first letter
        ("Wamg", []),
        ("", NAMES),
    ],
)
def test_names_match_word_by_word(wanted, found):
    assert [n for n in NAMES if name_matches(wanted, [n])] == found


def test_a_name_word_finds_only_officials_it_names():
    wang_yi = {"name": "Wang Yi", "aliases": [], "country": "China", "titles": ["Minister of Foreign Affairs"]}
    ding = {"name": "Ding Xuexiang", "aliases": [], "country": "China", "titles": ["Vice Premier"]}
    for text in ("wang", "official:wang"):
        assert official_matches(official(wang_yi), parse_query(text)) and not official_matches(official(ding), parse_query(text))


def test_every_outlet_value_narrows_articles():
    index = SearchIndex(ARTICLES)
    assert ids(index.search("outlet:wire")) == ["wire-2024-astana-talks", "wire-undated-water"]
    assert ids(index.search("outlet:test outlet:wire")) == ["wire-2024-astana-talks", "wire-undated-water"]
    assert ids(index.search("outlet:wire outlet:gazette")) == []
    assert ids(index.search("country:kg")) == ["wire-2024-astana-talks"]
    assert ids(index.search("country:kz country:kyrgyz")) == ["wire-2024-astana-talks"]
    assert ids(index.search("country:kz country:cn")) == []


def test_officials_outlet_and_dates_hold_in_one_article():
    sources = ArticleSources(codec.headings(ARTICLES))
    nurtleu = {**NURTLEU, "article_ids": ["wire-2024-astana-talks", "gazette-2023-xian-summit"]}
    assert official_matches(official(nurtleu), parse_query("outlet:gazette"), sources)
    assert official_matches(official(nurtleu), parse_query("since:2024"), sources)
    assert not official_matches(official(nurtleu), parse_query("outlet:gazette since:2024"), sources)  # each in another
    assert not official_matches(official(nurtleu), parse_query("outlet:nowhere"), sources)
    assert not official_matches(official(nurtleu), parse_query("country:kz country:cn"), sources)
    with pytest.raises(ValueError, match="need the articles' sources"):
        official_matches(official(nurtleu), parse_query("outlet:gazette"))


def test_events_need_every_country_and_outlet():
    event = {"date": "2024-03-02", "summary": "Talks in Astana", "participants": ["Murat Nurtleu", "Wang Yi"],
             "article_ids": ["wire-2024-astana-talks"], "evidence": []}
    countries = {"Murat Nurtleu": "Kazakhstan", "Wang Yi": "China"}
    sources = ArticleSources(codec.headings(ARTICLES))
    assert event_matches(codec.event(event), parse_query("country:kz country:cn"), countries, sources)
    assert not event_matches(codec.event(event), parse_query("country:kz country:kg"), countries, sources)
    assert event_matches(codec.event(event), parse_query("outlet:wire since:2024-03"), countries, sources)
    assert not event_matches(codec.event(event), parse_query("outlet:gazette"), countries, sources)
    assert not event_matches(codec.event(event), parse_query("outlet:wire outlet:gazette"), countries, sources)
