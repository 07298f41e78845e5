"""Merging facts across articles: one person, one event, however spelled."""

from __future__ import annotations

import random

from tui.extract import extract_article, merge


def _article(article_id: str, published: str, *paras: str) -> dict:
    return {"id": article_id, "published": published,
            "paragraphs": [{"n": i, "kind": "para", "text": t} for i, t in enumerate(paras, 1)]}


# Written for this test; the events are fictional.
A = _article(
    "a-kabar", "2024-05-13",
    "Minister of Foreign Affairs of the Kyrgyz Republic Jeenbek Kulubayev and Deputy Minister of Energy of "
    "Kazakhstan Yerzhan Baimukhanov met in Astana on May 12, 2024 to discuss the Kambarata hydropower project.",
    "Chinese Vice Minister of Commerce Li Ming also attended. Chairman of the Halk Maslahaty Gurbanguly "
    "Berdimuhamedov sent a message of greetings.",
    "On May 12, 2024, a separate trade fair opened in Urumqi.",
)
B = _article(
    "b-24kg", "2024-05-14",
    "On May 12, 2024, ministers held a meeting in Astana on the Kambarata hydropower project, where Kulubaev "
    "Zheenbek Moldokanovich, head of the Kyrgyz foreign ministry, spoke first.",
    "Kazakh Deputy Energy Minister Erzhan Baimuhanov presented the project. Chinese Vice Minister of Commerce "
    "Li Wei said Chinese banks are ready to help. President Serdar Berdimuhamedov of Turkmenistan welcomed it.",
)


def _merged(order=(A, B)):
    return merge([(a["id"], extract_article(a)) for a in order])


def test_transliteration_variants_merge_into_one_official() -> None:
    officials, _ = _merged()
    by_id = {o["id"]: o for o in officials}
    kul = by_id["jeenbek-kulubayev"]
    assert kul["name"] == "Jeenbek Kulubayev"
    assert kul["article_ids"] == ["a-kabar", "b-24kg"]
    assert "Kulubaev Zheenbek Moldokanovich" in kul["aliases"]
    assert kul["country"] == "Kyrgyzstan"
    # someone outside the who's-who, spelled two ways
    baim = [o for o in officials if o["name"] in ("Yerzhan Baimukhanov", "Erzhan Baimuhanov")]
    assert len(baim) == 1
    assert baim[0]["article_ids"] == ["a-kabar", "b-24kg"]
    assert baim[0]["country"] == "Kazakhstan"
    assert [r["article_id"] for r in baim[0]["roles"]] == ["a-kabar", "b-24kg"]


def test_people_sharing_a_surname_stay_apart() -> None:
    officials, _ = _merged()
    names = sorted(o["name"] for o in officials)
    assert "Li Ming" in names and "Li Wei" in names
    assert "Gurbanguly Berdimuhamedov" in names and "Serdar Berdimuhamedov" in names
    ids = [o["id"] for o in officials]
    assert len(ids) == len(set(ids))


def test_same_event_from_two_articles_is_one_entry() -> None:
    _, events = _merged()
    on_day = [e for e in events if e["date"] == "2024-05-12"]
    assert len(on_day) == 2  # the Astana meeting, and the Urumqi fair
    meeting = next(e for e in on_day if e["place"] == "Astana")
    assert meeting["article_ids"] == ["a-kabar", "b-24kg"]
    assert {x["article_id"] for x in meeting["evidence"]} == {"a-kabar", "b-24kg"}
    assert "Jeenbek Kulubayev" in meeting["participants"]
    fair = next(e for e in on_day if e["place"] == "Urumqi")
    assert fair["article_ids"] == ["a-kabar"]


def test_merge_is_stable_under_input_order() -> None:
    first = _merged((A, B))
    second = _merged((B, A))
    assert first == second
    shuffled = [(a["id"], extract_article(a)) for a in (A, B)]
    random.Random(1).shuffle(shuffled)
    assert merge(shuffled) == first


def test_events_sorted_by_date_with_unique_ids() -> None:
    _, events = _merged()
    assert [e["date"] for e in events] == sorted(e["date"] for e in events)
    assert len({e["id"] for e in events}) == len(events)


def test_a_short_summary_repeated_is_one_event() -> None:
    """"The terminal is due for completion in 2026", twice in one article and once in another:
    one event (too few words to compare, but the same words)."""
    text = "The terminal is due for completion in 2026."
    a = extract_article(_article("a", "2024-09-11", text, "Trade grew.", text))
    assert [(e["date"], [x["paragraph"] for x in e["evidence"]]) for e in a["events"]] == [("2026", [1, 3])]
    b = extract_article(_article("b", "2024-09-12", text))
    _, events = merge([("a", a), ("b", b)])
    assert [(e["date"], e["planned"], e["article_ids"]) for e in events] == [("2026", True, ["a", "b"])]
