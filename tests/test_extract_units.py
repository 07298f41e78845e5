"""Exact unit tests of the extraction building blocks."""

from __future__ import annotations

import datetime as dt

import pytest

from tui.extract import extract_article
from tui.extract.dates import find_dates
from tui.extract.furniture import dateline_end
from tui.extract.names import fold, name_key
from tui.extract.titles import collapse_titles


def _article(*paras: str, published: str | None = "2024-05-15") -> dict:
    return {"id": "t", "published": published,
            "paragraphs": [{"n": i, "kind": "para", "text": t} for i, t in enumerate(paras, 1)]}


def _dates(sentence: str, published: str | None = "2024-05-15") -> list[tuple[str, str]]:
    pub = dt.date.fromisoformat(published) if published else None
    return [(d.date, d.precision) for d in find_dates(sentence, 0, len(sentence), pub)]


@pytest.mark.parametrize(
    ("a", "b"),
    [("Kulubayev", "Kulubaev"), ("Zheenbek", "Jeenbek"), ("Sirodjiddin", "Sirojiddin"),
     ("Mukhriddin", "Muhriddin"), ("Dzhaparov", "Japarov"), ("Massimov", "Masimov"), ("Yerlan", "Erlan")],
)
def test_transliteration_variants_fold_together(a: str, b: str) -> None:
    assert fold(a) == fold(b)


def test_surname_first_with_patronymic_keys_like_given_first() -> None:
    assert name_key("Kulubaev Zheenbek Moldokanovich") == name_key("Jeenbek Kulubayev")
    assert name_key("Sadyr Japarov") != name_key("Akylbek Japarov")


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("They met on March 30, 2024.", [("2024-03-30", "day")]),
        ("They met on 30 March 2024.", [("2024-03-30", "day")]),
        ("They met on 2024-03-30.", [("2024-03-30", "day")]),
        ("It was signed in May 2023.", [("2023-05", "month")]),
        ("It was held in 2023.", [("2023", "year")]),
        ("They met on April 27.", [("2024-04-27", "day")]),
        ("They will meet on April 27.", [("2025-04-27", "day")]),
        ("They met on Tuesday.", [("2024-05-14", "day")]),  # 2024-05-15 is a Wednesday
        ("They will meet this Saturday.", [("2024-05-18", "day")]),
        ("He visited last year.", [("2023", "year")]),
        ("The summit will be held on June 16-17.", [("2024-06-16", "day")]),
        ("The summit ran from June 30-July 2, 2025.", [("2025-06-30", "day")]),
        ("The plan runs until 2030.", []),
    ],
)
def test_dates(sentence: str, expected: list) -> None:
    assert _dates(sentence) == expected


def test_relative_dates_need_a_publication_date() -> None:
    assert _dates("They met on Tuesday and again on April 27.", None) == []


def test_ranges_keep_their_end() -> None:
    got = find_dates("held on June 16-17, 2025", 0, 24, None)
    assert (got[0].date, got[0].end_date) == ("2025-06-16", "2025-06-17")


@pytest.mark.parametrize(
    "text",
    ["ASTANA, May 12 (Xinhua) -- Chinese", "ASTANA. KAZINFORM – The", "BAKU, Azerbaijan, May 12. The",
     "Dushanbe, 19 December 2023 — The", "ASTANA – The"],
)
def test_datelines_are_recognised(text: str) -> None:
    assert text[dateline_end(text):].startswith(("Chinese", "The"))


def test_publication_dateline_is_not_an_event() -> None:
    facts = extract_article(_article("ASTANA, May 14 (Xinhua) -- Kazakh and Chinese officials met here."))
    assert facts["events"] == []


def test_statistics_for_a_year_are_not_events() -> None:
    facts = extract_article(_article("Trade between the two countries reached 41 billion dollars in 2023."))
    assert facts["events"] == []


def test_combined_and_dashed_titles_split() -> None:
    facts = extract_article(_article(
        "Deputy Prime Minister – Minister of Foreign Affairs of Kazakhstan Murat Nurtleu arrived."))
    (o,) = facts["officials"]
    assert (o["name"], o["country"], o["titles"]) == (
        "Murat Nurtleu", "Kazakhstan", ["Deputy Prime Minister", "Minister of Foreign Affairs"])


def test_unknown_person_patterns() -> None:
    facts = extract_article(_article(
        "Kazakhstan's Energy Minister Daulet Omarbekov met Aigerim Seitkali, the Deputy Governor of Almaty Region, "
        "and Chinese Consul General in Almaty Chen Lihua."))
    got = [(o["name"], o["country"], o["titles"]) for o in facts["officials"]]
    assert got == [
        ("Daulet Omarbekov", "Kazakhstan", ["Energy Minister"]),
        ("Aigerim Seitkali", "Kazakhstan", ["Deputy Governor of Almaty Region"]),
        ("Chen Lihua", "China", ["Consul General in Almaty"]),
    ]


def test_groups_places_and_organisations_are_not_officials() -> None:
    facts = extract_article(_article(
        "The Foreign Ministers of the five Central Asian countries visited Nazarbayev University and "
        "the China Railway Group office in Xi’an. Ambassadors from five countries attended."))
    assert facts["officials"] == []


def test_two_people_sharing_a_surname_and_a_bare_surname() -> None:
    facts = extract_article(_article(
        "President Serdar Berdimuhamedov met Chairman of the Halk Maslahaty Gurbanguly Berdimuhamedov. "
        "Berdimuhamedov said the talks went well."))
    got = [(o["name"], len(o["mentions"])) for o in facts["officials"]]
    # the lone surname could be either man: it is attributed to neither
    assert got == [("Serdar Berdimuhamedov", 1), ("Gurbanguly Berdimuhamedov", 1)]


def test_short_title_repeat_collapses() -> None:
    assert collapse_titles([
        "Executive Director of the China-Central Asia Secretariat", "Executive Director of the Secretariat",
        "Foreign Minister", "Deputy Foreign Minister",
    ]) == ["Executive Director of the China-Central Asia Secretariat", "Foreign Minister", "Deputy Foreign Minister"]
