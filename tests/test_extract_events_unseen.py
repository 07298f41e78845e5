"""Events in the styles of outlets the extractor was not written for (issue 14): ranges,
relative days, plans, what is no event, summaries, places and participants.

Sentences written for these tests in those outlets' styles; events fictional.
"""

from __future__ import annotations

import pytest

from tui.extract import extract_article
from tui.extract.furniture import dateline_end, states_nothing


def _article(*paras: str, published: str | None = "2025-11-18", outlet: str | None = None,
             url: str | None = None) -> dict:
    return {"id": "t", "published": published, "outlet": outlet, "url": url,
            "paragraphs": [{"n": i, "kind": "para", "text": t} for i, t in enumerate(paras, 1)]}


def _events(*paras: str, **kw) -> list[dict]:
    return extract_article(_article(*paras, **kw))["events"]


def _when(*paras: str, **kw) -> list[tuple]:
    return [(e["date"], e.get("end_date"), e["planned"]) for e in _events(*paras, **kw)]


# --- ranges ------------------------------------------------------------------------------------

@pytest.mark.parametrize(("sentence", "published", "span"), [
    ("Wang Yi will pay an official visit to Kyrgyzstan on November 19–20, 2025.", "2025-11-18",
     ("2025-11-19", "2025-11-20", True)),
    ("Mirziyoyev will attend the summit in Astana on 3–4 July.", "2024-06-28", ("2024-07-03", "2024-07-04", True)),
    ("The first forum was held in Beijing on 14-15 May 2017.", "2024-10-25", ("2017-05-14", "2017-05-15", False)),
    ("The Uzbek leader visited Kazakhstan from 16 to 17 June.", "2024-06-28", ("2024-06-16", "2024-06-17", False)),
    ("He will pay a state visit to China from 30 November to 2 December 2025.", "2025-11-26",
     ("2025-11-30", "2025-12-02", True)),
    ("The festival will be held from December 28, 2025 to January 3, 2026.", "2025-12-02",
     ("2025-12-28", "2026-01-03", True)),
])
def test_date_ranges_keep_their_end(sentence: str, published: str, span: tuple) -> None:
    assert _when(sentence, published=published) == [span]


# --- relative days -------------------------------------------------------------------------------

def test_days_counted_from_other_dates_of_the_article() -> None:
    events = _events(
        "Shen Yiqin is on a working visit to Kazakhstan on May 16–17.",
        "On the first day of the visit, Shen Yiqin and Serik Zhumangarin co-chaired the committee.",
        "The day before, Minister of Trade Arman Shakkaliyev held talks with Vice Minister Li Fei.",
        "On the same day, Li Fei visited the Astana Hub.",
        published="2024-05-17",
    )
    assert [(e["date"], e.get("end_date"), e["evidence"][0]["paragraph"]) for e in events] == [
        ("2024-05-15", None, 3), ("2024-05-15", None, 4), ("2024-05-16", "2024-05-17", 1), ("2024-05-16", None, 2),
    ]


def test_a_stated_span_stays_the_visit_when_a_later_day_mentions_it() -> None:
    events = _events(
        "Emomali Rahmon is paying a state visit to China on April 21–23.",
        "This became known on April 20, when the ministers agreed the programme of the visit.",
        "On the first day of the visit, Emomali Rahmon laid a wreath in Beijing.",
        published="2025-04-22",
    )
    assert [(e["date"], e["evidence"][0]["paragraph"]) for e in events] == [
        ("2025-04-20", 2), ("2025-04-21", 1), ("2025-04-21", 3),
    ]


def test_the_day_before_counts_from_the_publication_day_first() -> None:
    assert _when("The day before, the investment forum was held in Tashkent.", published="2025-06-12") == [
        ("2025-06-11", None, False),
    ]


def test_a_plan_or_a_since_is_no_anchor_for_the_same_day() -> None:
    events = _events(
        "Nurtleu met Li Hui in Astana on Oct. 17.",
        "The crossing has been open since October 1, and the commission will meet on 24 October.",
        "President Kassym-Jomart Tokayev received Li Hui on the same day.",
        published="2024-10-18",
    )
    assert [(e["date"], e["evidence"][0]["paragraph"]) for e in events] == [
        ("2024-10-01", 2), ("2024-10-17", 1), ("2024-10-17", 3), ("2024-10-24", 2),
    ]


def test_a_planned_visit_has_days_and_a_plan_its_same_day() -> None:
    events = _events(
        "Chinese Premier Li Qiang will visit Astana on 5-7 September 2024.",
        "The Chinese Premier will meet President Kassym-Jomart Tokayev on the second day of the visit.",
        "He will arrive in Almaty on September 8. On the same day, he will open a forum there.",
        published="2024-09-02",
    )
    assert [(e["date"], e.get("end_date"), e["planned"], e["summary"]) for e in events] == [
        ("2024-09-05", "2024-09-07", True, "Li Qiang will visit Astana"),
        ("2024-09-06", None, True, "The Chinese Premier will meet Kassym-Jomart Tokayev"),
        ("2024-09-08", None, True, "He will arrive in Almaty"),
        ("2024-09-08", None, True, "He will open a forum there"),
    ]
    assert _events("The forum was held between 10 and 12 July in Urumqi.", published="2024-09-02")[0]["summary"] \
        == "The forum was held in Urumqi"


def test_since_a_day_is_when_something_began() -> None:
    assert _when("Since October 17, the port has been operating a new transfer yard.", published="2024-10-25") == [
        ("2024-10-17", None, False),
    ]
    # a year or a month after "since" is background, not a happening
    assert _when("The two countries have been partners since 1992.", published="2024-10-25") == []


def test_tomorrow_and_its_date_are_one_day() -> None:
    assert _when("The business forum will open in Tashkent tomorrow, January 24.", published="2024-01-23") == [
        ("2024-01-24", None, True),
    ]


def test_the_year_comes_from_the_url_when_no_publication_date_is_given() -> None:
    kw = {"published": None, "url": "https://www.cgtn.com/news/2024/04/cargo-route.html"}
    assert _when("A freight train left Xi'an for Aktau on April 12.", **kw) == [("2024-04-12", None, False)]
    # the URL gives a month, not a day: "today" and weekdays stay unresolved
    assert _when("A freight train left Xi'an for Aktau today.", **kw) == []
    assert _when("A freight train left Xi'an for Aktau on April 12.", published=None) == []


def test_last_september() -> None:
    assert [(e["date"], e["precision"]) for e in _events("The two heads of state met in Samarkand last September.",
                                                         published="2023-05-19")] == [("2022-09", "month")]


# --- plans ---------------------------------------------------------------------------------------

def test_plans_and_schedules_are_planned_events() -> None:
    assert _when("The terminal is due for completion in 2016.", published="2014-03-01") == [("2016", None, True)]
    assert _when("The meeting will be held in Xi'an on May 18.", published="2023-05-01") == [
        ("2023-05-18", None, True),
    ]
    assert _when("The parties agreed to hold the next meeting in Astana in 2024.", published="2023-10-26") == [
        ("2024", None, True),
    ]
    # an agreement is dated, what it agreed to do is not: "On May 5" is the agreement's day
    assert _when("On May 5, the parties agreed to build a new railway.", published="2024-05-06") == [
        ("2024-05-05", None, False),
    ]
    # "will host ..., X told Xinhua in an interview on Wednesday": the interview's day, past
    assert _when("Kazakhstan will host the forum in Astana, Serik Zhumangarin told Xinhua in an interview on "
                 "Wednesday.", published="2024-06-20") == [("2024-06-19", None, False)]
    # a report of what was done is no plan
    assert _when("The meeting was held in Xi'an on May 18.", published="2023-05-20") == [("2023-05-18", None, False)]


# --- what is no event ----------------------------------------------------------------------------

@pytest.mark.parametrize("line", [
    "///MFA China, 12 January 2024",
    "Press Service of the Ministry of Foreign Affairs of the Kyrgyz Republic, 15.03.2024",
    "Information and Press Department of the MFA of the Republic of Tajikistan, Dushanbe, 19 June 2024",
    "Xi Jinping and Kassym-Jomart Tokayev shake hands in Astana, Kazakhstan, July 2, 2024. /Xinhua",
    "Archive photo of the 2023 forum in Urumqi, May 12, 2023 / Ministry of Investment press service",
    "Published: 12.06.2025, 18:40",
])
def test_release_lines_and_photo_credits_are_no_events(line: str) -> None:
    assert states_nothing(line)
    assert _events("Tokayev received Wang Yi in Astana on July 2, 2024.", line, published="2024-07-03") == \
        _events("Tokayev received Wang Yi in Astana on July 2, 2024.", published="2024-07-03")


def test_a_dated_statement_is_still_an_event() -> None:
    assert not states_nothing("The parties signed the Urumqi Declaration on 12 January 2024.")
    assert not states_nothing("A video conference was held on May 5, 2024.")


@pytest.mark.parametrize(("text", "rest"), [
    ("ASTANA, May 17 (Kazinform) -- The", "The"),
    ("BEIJING, Jan. 12 (Xinhua) -- Chinese", "Chinese"),
    ("DUSHANBE, (NIAT Khovar) – Founder", "Founder"),
    ("ASTANA. KAZINFORM Chinese", "Chinese"),
    ("Tashkent, June 12 (UzA). President", "President"),
    ("Bishkek, March 15 / Kabar /. Minister", "Minister"),
    ("TASHKENT (Kun.uz) — Minister", "Minister"),
])
def test_datelines_are_recognised(text: str, rest: str) -> None:
    assert text[dateline_end(text):] == rest


def test_a_place_then_a_dash_is_a_dateline_only_for_known_places() -> None:
    known = {"Beijing"}.__contains__
    assert dateline_end("Beijing – On October 25, the meeting was held.", known) == len("Beijing – ")
    assert dateline_end("Meanwhile – On October 25, the meeting was held.", known) == 0
    assert _events("Beijing – On October 25, the 11th meeting of the Committee was held in Beijing.",
                   published="2023-10-26")[0]["summary"] == "The 11th meeting of the Committee was held in Beijing"


# --- summaries, places, participants ---------------------------------------------------------------

def test_summaries_say_what_happened() -> None:
    first = _events(
        "BEIJING, Nov. 18 (Xinhua) -- At the invitation of Kyrgyz Foreign Minister Jeenbek Kulubaev, Wang Yi — "
        "member of the Political Bureau of the CPC Central Committee — will pay an official visit to Kyrgyzstan "
        "on November 19–20, 2025.")[0]
    assert first["summary"] == "Wang Yi will pay an official visit to Kyrgyzstan"
    frame = _events("This became known on April 20, when Sirojiddin Muhriddin and Wang Yi agreed the programme "
                    "of the visit in Beijing.", published="2025-04-22")[0]
    assert frame["summary"] == "Sirojiddin Muhriddin and Wang Yi agreed the programme of the visit in Beijing"
    visit = _events("DUSHANBE, (NIAT Khovar) – President of the Republic of Tajikistan Emomali Rahmon is paying a "
                    "state visit to China on April 21–23 at the invitation of President Xi Jinping.",
                    published="2025-04-22")[0]
    assert visit["summary"] == "Emomali Rahmon is paying a state visit to China"
    said = _events("Speaking at a tourism forum in Beijing, Nuryshev said that Air Astana and China Southern "
                   "Airlines signed a code-sharing agreement on September 3.", published="2024-09-06")[0]
    assert said["summary"] == "Air Astana and China Southern Airlines signed a code-sharing agreement"


def test_the_place_comes_from_the_events_own_clause() -> None:
    events = _events(
        "Kyrgyz President Sadyr Japarov arrived from Astana and met Chinese President Xi Jinping in Xi'an on "
        "Thursday.",
        "Japarov recalled that the SCO summit was held in Astana in July 2024.",
        published="2023-05-19",
    )
    assert [(e["date"], e["place"]) for e in events] == [("2023-05-18", "Xi'an"), ("2024-07", "Astana")]
    assert _events("Tashkent hosted the fifth meeting of the committee on June 18.",
                   published="2024-06-20")[0]["place"] == "Tashkent"
    events = _events("After talks in Astana, the ministers opened a forum in Almaty on May 5.",
                     published="2024-05-06")
    assert events[0]["place"] == "Almaty"


def test_participants_are_every_official_of_the_sentence() -> None:
    event = _events("Kazakh Foreign Minister Murat Nurtleu and his Kyrgyz counterpart Zheenbek Kulubaev met Chinese "
                    "Special Representative Li Hui in Astana on Oct. 17.", published="2024-10-18")[0]
    assert event["participants"] == ["Murat Nurtleu", "Jeenbek Kulubayev", "Li Hui"]


def test_other_people_on_the_same_day_are_another_event() -> None:
    events = _events("Wang Yi held talks with Murat Nurtleu in Astana on May 14.",
                     "Kassym-Jomart Tokayev received Wang Yi on the same day.",
                     "Wang Yi and Murat Nurtleu also signed a protocol on May 14.", published="2024-05-15")
    assert [(e["date"], [x["paragraph"] for x in e["evidence"]]) for e in events] == [
        ("2024-05-14", [1, 3]), ("2024-05-14", [2]),
    ]
