"""The query language: words, phrases, exclusions, filters, partial dates."""

from __future__ import annotations

from datetime import date

import pytest

from tui.dates import parse_period
from tui.search.query import QueryError, conditions, parse_query


def test_words_phrases_and_exclusions():
    q = parse_query('Kulubayev "Central Asia" -summit -"Foreign Ministers" Xi’an')
    assert q.words == ["kulubayev", "xian"]
    assert q.phrases == [" central asia "]
    assert q.excluded_words == ["summit"]
    assert q.excluded_phrases == [" foreign ministers "]


def test_accents_and_case_fold_away():
    assert parse_query("ÖSKEMEN Almaty").words == ["oskemen", "almaty"]


def test_hyphenated_word_is_a_phrase():
    assert parse_query("Kassym-Jomart").phrases == [" kassym jomart "]


def test_filters():
    q = parse_query('outlet:"Astana Times" country:Kazakhstan person:Nurtleu official:"Wang Yi"')
    assert q.outlets == ["astana times"]
    assert q.countries == ["Kazakhstan"]
    assert q.officials == ["Nurtleu", "Wang Yi"]
    assert q.words == [] and q.has_filters and not q.has_text


def test_since_until_partial_dates():
    q = parse_query('since:2023-05 until:"March 2024"')
    assert (q.since.start, q.since.end) == (date(2023, 5, 1), date(2023, 5, 31))
    assert (q.until.start, q.until.end) == (date(2024, 3, 1), date(2024, 3, 31))


@pytest.mark.parametrize(
    "text, start, end, precision",
    [
        ("2023", date(2023, 1, 1), date(2023, 12, 31), "year"),
        ("2024-02", date(2024, 2, 1), date(2024, 2, 29), "month"),
        ("May 2023", date(2023, 5, 1), date(2023, 5, 31), "month"),
        ("30 March 2024", date(2024, 3, 30), date(2024, 3, 30), "day"),
        ("2024-03-30", date(2024, 3, 30), date(2024, 3, 30), "day"),
    ],
)
def test_parse_period(text, start, end, precision):
    period = parse_period(text)
    assert (period.start, period.end, period.precision) == (start, end, precision)


@pytest.mark.parametrize(
    "text, message",
    [
        ("colour:red", "unknown filter colour: in query (known filters: outlet:, country:, official:, since:, "
                       "until:, tag:, note:, person:)"),
        ("since:someday", "since: not a date: 'someday'"),
        ("until:May", "until: not a date: 'May' (no year)"),
        ("outlet:", "filter outlet: needs a value, e.g. outlet:Daryo"),
        ("-outlet:Daryo", "filters cannot be negated: -outlet: (only -tag: is)"),
        ("tag:", "filter tag: needs a value, e.g. tag:chapter-3"),
        ('tag:"to verify"', "tag:to verify is not a tag name: a tag has no spaces (write chapter-3, to-verify)"),
        ("tag:a,b", "tag:a,b is not a tag name: a tag has no quotes or commas"),
        ("note:...", "note:... has no word to look for (letters or digits)"),
        ("-note:x", "filters cannot be negated: -note: (only -tag: is)"),
        ("-outlet:x", "filters cannot be negated: -outlet: (only -tag: is)"),
    ],
)
def test_bad_queries_are_clear_errors(text, message):
    with pytest.raises(QueryError) as err:
        parse_query(text)
    assert str(err.value) == message


def test_empty_query():
    assert parse_query("   ").is_empty


# Invisible characters that ingest removes from stored text (tui.ingest.sanitize).
INVISIBLE = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u200e", "\u200f", "\u202e", "\u2066", "\x1b[31m"]


@pytest.mark.parametrize("mark", INVISIBLE, ids=[f"U+{ord(m[0]):04X}" for m in INVISIBLE])
def test_query_is_normalized_as_stored_text_is(mark):
    q = parse_query(f'Secre{mark}tariat "Central{mark} Asia" -sum{mark}mit outlet:Dar{mark}yo')
    assert q.words == ["secretariat"]
    assert q.phrases == [" central asia "]
    assert q.excluded_words == ["summit"]
    assert q.outlets == ["daryo"]


def test_query_with_invisible_characters_finds_what_is_stored():
    from tests.records import make_article
    from tui.search import SearchIndex

    index = SearchIndex([make_article("a", "Secretariat opens", ["The Secretariat opened in Xi’an."])])
    for text in ("Secre\u200btariat", "Xi\u2019\u200dan", "\u202eSecretariat\u202c", "Secretar\u00adiat"):
        assert [r.article_id for r in index.search(parse_query(text))] == ["a"], text


@pytest.mark.parametrize("text", ["!!!", "-", '"', '""', "- - -", "…", "— –", '-"..."', "\u200b!"])
def test_a_query_of_only_punctuation_has_nothing_to_search(text):
    with pytest.raises(QueryError, match="nothing to search in"):
        parse_query(text)


@pytest.mark.parametrize("text", ["", "   ", "\u200b", "\u200b \u2060"])
def test_blank_and_invisible_only_queries_are_the_empty_query(text):
    assert parse_query(text).is_empty


def test_punctuation_beside_a_filter_or_word_is_fine():
    assert parse_query("!!! outlet:Daryo").outlets == ["daryo"]
    assert parse_query("water !!!").words == ["water"]


@pytest.mark.parametrize(
    "text, message",
    [
        ("since:2025 until:2023", "since: 2025 comes after until: 2023, so nothing can match"),
        ('since:"May 2023" until:2023-04', "since: 2023-05 comes after until: 2023-04"),
        ("since:2023-05-19 until:2023-05-18", "since: 2023-05-19 comes after until: 2023-05-18"),
    ],
)
def test_since_after_until_is_an_error(text, message):
    with pytest.raises(QueryError) as err:
        parse_query(text)
    assert message in str(err.value)


def test_since_and_until_may_meet_or_overlap():
    assert parse_query("since:2023-05 until:2023").since.precision == "month"
    assert parse_query("since:2023-05-18 until:2023-05-18").until.end == date(2023, 5, 18)


def test_filters_given_apart_are_taken_whole():
    q = parse_query("water") & conditions(outlet='The "Astana" Times', country="Kazakh\u200bstan", since="2023")
    assert q.words == ["water"]
    assert q.outlets == ['the "astana" times']
    assert q.countries == ["Kazakhstan"]
    assert q.since.start == date(2023, 1, 1) and q.until is None
    with pytest.raises(QueryError, match="since: 2025 comes after until: 2023"):
        conditions(since="2025", until="2023")


@pytest.mark.parametrize(
    "value, country",
    [
        ("kz", "Kazakhstan"), ("KZ", "Kazakhstan"), ("KAZ", "Kazakhstan"), ("kazakh", "Kazakhstan"),
        ("Kazakhstani", "Kazakhstan"), ("Qazaqstan", "Kazakhstan"), ('"Republic of Kazakhstan"', "Kazakhstan"),
        ("kyr", "Kyrgyzstan"), ("KG", "Kyrgyzstan"), ("cn", "China"), ("PRC", "China"), ("Chinese", "China"),
        ('"the US"', "United States"), ("u.s.", "United States"), ("uz", "Uzbekistan"), ("Türkiye", "Turkey"),
    ],
)
def test_countries_are_read_by_name_code_or_demonym(value, country):
    assert parse_query(f"country:{value}").countries == [country]


@pytest.mark.parametrize(
    "value, message",
    [
        ("Narnia", "country:Narnia is not a country cca-tui knows (give a name, a code or a demonym: "
                   "Kazakhstan, KZ, Kazakh)"),
        ("k", "country:k could be Kazakhstan, Kyrgyzstan, South Korea: type more of the name"),
        ("u", "country:u could be Ukraine, United Arab Emirates, United Kingdom, United States, …: "
              "type more of the name"),
        ("rep", "country:rep is not a country cca-tui knows (give a name, a code or a demonym: "
                "Kazakhstan, KZ, Kazakh)"),  # the long forms ("Republic of …") are not prefixes
    ],
)
def test_an_unknown_or_ambiguous_country_is_one_line(value, message):
    with pytest.raises(QueryError) as err:
        parse_query(f"country:{value}")
    assert str(err.value) == message


def test_narrowed_keeps_every_condition_of_both():
    typed = parse_query('water -dam "Central Asia" outlet:daryo country:cn official:Wang since:2023 until:2024')
    picked = conditions(country="Kazakhstan", outlet="Kazinform", since="2023-05", until="2025")
    both = typed & picked
    assert both.words == ["water"] and both.excluded_words == ["dam"] and both.phrases == [" central asia "]
    assert both.outlets == ["daryo", "kazinform"]
    assert both.countries == ["China", "Kazakhstan"]
    assert both.officials == ["Wang"]
    assert (both.since, both.until) == (parse_period("2023-05"), parse_period("2024"))  # the later, the earlier
    assert (picked & typed).since == both.since and (picked & typed).until == both.until
    assert typed.outlets == ["daryo"] and picked.countries == ["Kazakhstan"]  # neither is changed


def test_two_of_the_same_date_filter_narrow_too():
    q = parse_query("since:2023 since:2022 until:2024 until:2023-06")
    assert (q.since, q.until) == (parse_period("2023"), parse_period("2023-06"))


def test_conditions_read_each_value_as_its_filter_does():
    q = conditions(country="kz", outlet="Astana Times", official="Nurtleu", since="May 2023", until="")
    assert (q.countries, q.outlets, q.officials, q.since, q.until) == (
        ["Kazakhstan"], ["astana times"], ["Nurtleu"], parse_period("May 2023"), None)
    assert not q.has_text and conditions().is_empty
    with pytest.raises(QueryError, match="since: not a date: 'someday'"):
        conditions(since="someday")
