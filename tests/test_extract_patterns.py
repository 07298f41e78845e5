"""Exact tests of the patterns the second held-out round (articles 21-28) and the
known limits called for. Sentences written for these tests; events fictional."""

from __future__ import annotations

import datetime as dt

import pytest

from tui.extract import extract_article, merge
from tui.extract.dates import find_dates


def _article(*paras: str, published: str | None = "2024-05-15", outlet: str | None = None,
             article_id: str = "t") -> dict:
    return {"id": article_id, "published": published, "outlet": outlet,
            "paragraphs": [{"n": i, "kind": "para", "text": t} for i, t in enumerate(paras, 1)]}


def _officials(*paras: str, **kw) -> list[tuple[str, str | None, list[str]]]:
    return [(o["name"], o["country"], o["titles"]) for o in extract_article(_article(*paras, **kw))["officials"]]


def _events(*paras: str, **kw) -> list[tuple[str, str]]:
    return [(e["date"], e["precision"]) for e in extract_article(_article(*paras, **kw))["events"]]


# --- officials ---------------------------------------------------------------------------------

def test_combined_roles_joined_by_a_comma_before_the_name() -> None:
    assert _officials("Deputy Prime Minister, Minister of Foreign Affairs of Kazakhstan Murat Nurtleu arrived.") == [
        ("Murat Nurtleu", "Kazakhstan", ["Deputy Prime Minister", "Minister of Foreign Affairs"]),
    ]
    assert _officials("He was received by the Deputy Chairman of the Cabinet of Ministers, Minister of Foreign "
                      "Affairs of Turkmenistan Rashid Meredov.") == [
        ("Rashid Meredov", "Turkmenistan", ["Deputy Chairman of the Cabinet of Ministers", "Minister of Foreign Affairs"]),
    ]


@pytest.mark.parametrize("sentence", [
    # two portfolio ministers are two people; the first is unnamed
    "The meeting was attended by the Minister of Energy, Deputy Foreign Minister Alibek Bakayev and others.",
    # a list of unnamed office holders before a named one
    "Present were the Minister of Energy, the Prime Minister, Deputy Foreign Minister Alibek Bakayev.",
])
def test_unnamed_office_holders_before_a_name_are_not_its_titles(sentence: str) -> None:
    assert _officials(sentence) == [("Alibek Bakayev", "Kazakhstan", ["Deputy Foreign Minister"])]


def test_an_organisation_name_before_a_person_is_not_part_of_the_name() -> None:
    assert _officials("The delegation included Chairman of the State Concern Turkmengaz Maksat Babayev.") == [
        ("Maksat Babayev", None, ["Chairman of the State Concern Turkmengaz"]),
    ]
    # a surname-first name with patronymic keeps all three words
    assert _officials("Chairman of the Board of the Kyrgyz Investment Agency Toktosunov Bakyt Asanovich spoke.") == [
        ("Bakyt Toktosunov", "Kyrgyzstan", ["Chairman of the Board of the Kyrgyz Investment Agency"]),
    ]


def test_an_organisation_named_after_a_nationality_is_not_part_of_the_name() -> None:
    assert _officials("Deputy Chairman of the Board of Kazakh Invest Yerlan Kalymbet spoke.") == [
        ("Yerlan Kalymbet", "Kazakhstan", ["Deputy Chairman of the Board of Kazakh Invest"]),
    ]


def test_the_delegation_named_before_gives_its_members_their_country() -> None:
    got = _officials(
        "The Turkmen delegation was headed by Foreign Minister Rashid Meredov. The delegation included Chairman of "
        "the State Concern Turkmengaz Maksat Babayev and Chairman of the Board of the State Bank Rahym Jepbarov.",
    )
    assert got == [
        ("Rashid Meredov", "Turkmenistan", ["Foreign Minister"]),
        ("Maksat Babayev", "Turkmenistan", ["Chairman of the State Concern Turkmengaz"]),
        ("Rahym Jepbarov", "Turkmenistan", ["Chairman of the Board of the State Bank"]),
    ]
    # a delegation in another paragraph says nothing about this one
    got = _officials("The Turkmen delegation was headed by Foreign Minister Rashid Meredov.",
                     "The delegation included Chairman of the State Concern Turkmengaz Maksat Babayev.")
    assert got[1] == ("Maksat Babayev", None, ["Chairman of the State Concern Turkmengaz"])


def test_an_officer_of_a_multilateral_body_represents_no_country() -> None:
    # Zhang Ming is Chinese in the who's-who, but here speaks for the SCO
    assert _officials("SCO Secretary-General Zhang Ming attended the meeting.") == [
        ("Zhang Ming", None, ["SCO Secretary-General"]),
    ]
    assert _officials("Secretary General of the Commonwealth of Independent States Sergey Lebedev spoke.") == [
        ("Sergey Lebedev", None, ["Secretary General of the Commonwealth of Independent States"]),
    ]
    # a stated nationality still counts
    assert _officials("Uzbek Ambassador Bakhodir Tursunov met Chinese Foreign Minister Wang Yi.")[0][1] == "Uzbekistan"


_TWO_SIDES = ("Chinese Premier Li Qiang met with Kazakh Prime Minister Olzhas Bektenov.",
              "Minister of Industry Nurlan Kairatov attended the talks.")


def test_a_national_office_without_country_takes_the_side_the_context_names() -> None:
    # two sides and no clue which one the minister belongs to: unknown
    assert _officials(*_TWO_SIDES)[2] == ("Nurlan Kairatov", None, ["Minister of Industry"])
    # the outlet's country, when an official of it takes part
    assert _officials(*_TWO_SIDES, outlet="Kazinform")[2][1] == "Kazakhstan"
    assert _officials(*_TWO_SIDES, outlet="Xinhua")[2][1] == "China"
    assert _officials(*_TWO_SIDES, outlet="Ministry of Foreign Affairs of the Republic of Kazakhstan")[2][1] == "Kazakhstan"
    # the dateline's
    assert _officials("BISHKEK (Kabar) - " + _TWO_SIDES[0].replace("Kazakh Prime Minister Olzhas Bektenov",
                                                                   "Kyrgyz Foreign Minister Jeenbek Kulubayev"),
                      _TWO_SIDES[1])[2][1] == "Kyrgyzstan"
    # an outlet of a third country says nothing
    assert _officials(*_TWO_SIDES, outlet="Trend")[2][1] is None
    # one side only
    assert _officials("Kazakh Prime Minister Olzhas Bektenov met Chinese investors.",
                      "Minister of Industry Nurlan Kairatov attended.")[1][1] == "Kazakhstan"


def test_a_shared_surname_goes_to_the_holder_of_the_title_beside_it() -> None:
    got = extract_article(_article(
        "Chairman of the Halk Maslahaty Gurbanguly Berdimuhamedov and President Serdar Berdimuhamedov met Wang Yi.",
        "President Berdimuhamedov noted the importance of gas. Berdimuhamedov also spoke of transit.",
    ))["officials"]
    aliases = {o["name"]: o["aliases"] for o in got}
    assert aliases["Serdar Berdimuhamedov"] == ["Berdimuhamedov"]
    assert aliases["Gurbanguly Berdimuhamedov"] == []
    mentions = {o["name"]: len(o["mentions"]) for o in got}
    assert mentions == {"Gurbanguly Berdimuhamedov": 1, "Serdar Berdimuhamedov": 2, "Wang Yi": 1}


@pytest.mark.parametrize(("published", "expected"), [
    ("2019-05-02", "Gurbanguly Berdimuhamedov"),
    ("2024-05-02", "Serdar Berdimuhamedov"),
])
def test_who_held_the_title_in_the_year_of_the_article(published: str, expected: str) -> None:
    got = _officials("President Berdimuhamedov received Chinese Vice Premier Hu Chunhua.", published=published)
    assert got[0] == (expected, "Turkmenistan", ["President"])


def test_a_vice_president_is_not_a_president() -> None:
    # the who's-who's "Vice President (2023-)" does not answer for "President"
    got = _officials("Chinese Vice President Han Zheng met President Japarov in Bishkek.", published="2024-05-02")
    assert [n for n, _, _ in got] == ["Han Zheng", "Sadyr Japarov"]


# --- dates and events --------------------------------------------------------------------------

def _dates(sentence: str, published: str = "2024-05-15") -> list[tuple[str, str]]:
    pub = dt.date.fromisoformat(published)
    return [(d.date, d.precision) for d in find_dates(sentence, 0, len(sentence), pub)]


@pytest.mark.parametrize(("sentence", "expected"), [
    ("The railway was launched in spring 2024.", [("2024", "year")]),
    ("It was signed in early autumn 2022.", [("2022", "year")]),
    ("They met in the spring of 2023.", [("2023", "year")]),
    ("The plant opened last autumn.", [("2023", "year")]),
    ("The summit will be held next spring.", [("2025", "year")]),
    ("They met this summer.", [("2024", "year")]),
    ("Prices fall in winter.", []),
    ("He studied the 2030 Agenda.", []),
    # a future word in a later clause says nothing about this date
    ("They discussed the visit to China in January, as well as preparations for the next meeting.",
     [("2024-01", "month")]),
    ("In January, the sides will meet again.", [("2025-01", "month")]),
    ("The sides agreed that the commission will meet in Urumqi on March 18.", [("2025-03-18", "day")]),
    # a planning participle is no past verb
    ("They discussed the summit scheduled for July 3-4.", [("2024-07-03", "day")]),
    ("The visit, planned for April 2, was welcomed.", [("2025-04-02", "day")]),
])
def test_seasons_and_planned_dates(sentence: str, expected: list) -> None:
    assert _dates(sentence) == expected


def test_founding_year_is_an_event_but_statistics_are_not() -> None:
    assert _events("The SCO has grown since its founding in 2001.") == [("2001", "year")]
    assert _events("Trade with Xinjiang grew by 12 percent in 2024.") == []
    assert _events("Last year, bilateral trade reached a record high.") == []


def test_summary_leaves_out_a_time_of_day_before_the_date() -> None:
    ev = extract_article(_article(
        "On the afternoon of July 5, Chinese President Xi Jinping held talks with Uzbek President Shavkat "
        "Mirziyoyev in Beijing.", published="2024-07-06"))["events"]
    assert [(e["date"], e["summary"]) for e in ev] == [
        ("2024-07-05", "Xi Jinping held talks with Shavkat Mirziyoyev in Beijing"),
    ]


def test_summary_leaves_no_preposition_of_a_planned_date() -> None:
    ev = extract_article(_article("The two sides discussed the SCO summit scheduled for July 3-4 in Astana."))["events"]
    assert [e["summary"] for e in ev] == ["The two sides discussed the SCO summit scheduled in Astana"]


# --- merge ----------------------------------------------------------------------------------------

def test_reports_of_one_event_join_through_acronyms_spellings_and_links() -> None:
    a = _article("The leaders of the Shanghai Cooperation Organization will meet in Astana on July 3.",
                 article_id="a")
    b = _article("Preparations for the SCO summit scheduled for July 3 in Astana were discussed.", article_id="b")
    c = _article("Xi Jinping will hold talks with Emomali Rahmon in Dushanbe on July 3.", article_id="c")
    _, events = merge([(x["id"], extract_article(x)) for x in (a, b, c)])
    assert sorted(e["article_ids"] for e in events) == [["a", "b"], ["c"]]


def test_a_third_report_links_two_that_share_too_little() -> None:
    published = "2024-03-31"
    a = _article("China and the five Central Asian countries adopted the Xi'an Declaration in May 2023.",
                 article_id="a", published=published)
    b = _article("The first China-Central Asia Summit was held in Xi’an, northwest China's Shaanxi Province, "
                 "in May 2023.", article_id="b", published=published)
    c = _article("The Secretariat was established on the basis of the Xi’an Declaration signed following the "
                 "China–Central Asia Summit in May 2023.", article_id="c", published=published)
    _, events = merge([(x["id"], extract_article(x)) for x in (a, b, c)])
    assert [e["article_ids"] for e in events] == [["a", "b", "c"]]


def test_a_known_given_name_opening_a_sentence_is_not_an_english_word() -> None:
    # "Gurbanguly" ends like "-ly" adverbs that open sentences
    assert _officials("Gurbanguly Berdimuhamedov visited Beijing. Serdar Berdimuhamedov stayed in Ashgabat.") == [
        ("Gurbanguly Berdimuhamedov", "Turkmenistan", []),
        ("Serdar Berdimuhamedov", "Turkmenistan", []),
    ]


def test_lower_case_complements_and_places_before_a_title() -> None:
    assert _officials("According to Nurlan Zhakupov, chairman of the board of Kazakh Invest, the projects grew.") == [
        ("Nurlan Zhakupov", "Kazakhstan", ["Chairman of the board of Kazakh Invest"]),
    ]
    # a body's name written in lower case goes on to its organisation word
    assert _officials("Talgat Aldybergenov, chairman of the board of the national railway company, spoke.") == [
        ("Talgat Aldybergenov", None, ["Chairman of the board of the national railway company"]),
    ]
    # and is cut off before an unfinished part
    assert _officials("Talgat Aldybergenov, chairman of the board of the national railway, spoke.") == [
        ("Talgat Aldybergenov", None, ["Chairman of the board"]),
    ]
    assert _officials("Issyk-Kul Governor Kubanychbek Tilenbaev met Chinese investors in Cholpon-Ata.") == [
        ("Kubanychbek Tilenbaev", "Kyrgyzstan", ["Issyk-Kul Governor"]),
    ]


@pytest.mark.parametrize("sentence", [
    "Rashid Meredov met Jeenbek Kulubayev, Minister of Foreign Affairs of Kyrgyzstan in Beijing on January 2, 2019, "
    "to discuss education exchanges.",
    "Rashid Meredov met Jeenbek Kulubayev, Minister of Foreign Affairs of Kyrgyzstan in Beijing on 2 January 2019.",
    "Rashid Meredov met Jeenbek Kulubayev, Minister of Foreign Affairs of Kyrgyzstan on Tuesday in Beijing.",
    "Rashid Meredov met Jeenbek Kulubayev, Minister of Foreign Affairs of Kyrgyzstan in 2019.",
])
def test_the_where_and_when_after_a_title_are_not_part_of_it(sentence: str) -> None:
    found = {name: (country, titles) for name, country, titles in _officials(sentence)}
    assert found["Jeenbek Kulubayev"] == ("Kyrgyzstan", ["Minister of Foreign Affairs"])


def test_a_title_that_names_where_it_is_held_keeps_it() -> None:
    # no date behind it: "in Almaty" is the post, not the meeting place
    assert _officials("Consul General of China in Almaty Jiang Wei attended.") == [
        ("Jiang Wei", "China", ["Consul General in Almaty"]),
    ]
