"""The acceptance table and timeline of issue 3, exactly, on the seed article."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.extract import extract_article, merge

SEED = Path(__file__).resolve().parent.parent / "data" / "articles" / (
    "daryo-2024-03-31-launch-of-central-asia-china-secretariat.txt"
)


def _fallback_parse(raw: str, article_id: str) -> dict:
    """Body lines after the front matter; short lines without final punctuation
    are headings; the last two lines are site boilerplate."""
    _, front, body = raw.split("---\n", 2)
    meta = dict(line.split(": ", 1) for line in front.strip().splitlines())
    lines = [line.strip() for line in body.splitlines() if line.strip()][:-2]
    paragraphs = [
        {"n": n, "kind": "heading" if len(line) < 80 and line[-1] not in ".!?\"”" else "para", "text": line}
        for n, line in enumerate(lines, 1)
    ]
    return {"id": article_id, "title": meta["title"].strip('"'), "outlet": meta["outlet"],
            "published": meta["published"], "paragraphs": paragraphs}


@pytest.fixture(scope="module")
def seed() -> dict:
    raw = SEED.read_text(encoding="utf-8")
    try:
        from tui.ingest.source import parse_source
    except ImportError:
        return _fallback_parse(raw, SEED.stem)
    record = parse_source(raw, path=str(SEED))
    assert record["id"] == SEED.stem
    return dict(record)


@pytest.fixture(scope="module")
def facts(seed: dict) -> dict:
    return extract_article(seed)


EXPECTED = [
    ("Wang Yi", ["Yi"], "China", ["Member of the Politburo of the CPC Central Committee", "Minister of Foreign Affairs"]),
    ("Murat Nurtleu", [], "Kazakhstan", ["Deputy Prime Minister", "Minister of Foreign Affairs"]),
    ("Jeenbek Kulubayev", [], "Kyrgyzstan", ["Minister of Foreign Affairs"]),
    ("Sirodjiddin Mukhriddin", [], "Tajikistan", ["Minister of Foreign Affairs"]),
    ("Rashid Meredov", [], "Turkmenistan", ["Deputy Prime Minister", "Minister of Foreign Affairs"]),
    ("Bakhtiyor Saidov", [], "Uzbekistan", ["Minister of Foreign Affairs"]),
    ("Sun Weidong", [], "China", ["Deputy Foreign Minister"]),
    ("Zhao Yide", [], "China", ["Secretary of the Party Committee of Shaanxi Province"]),
    ("Alibek Bakayev", [], "Kazakhstan", ["Deputy Foreign Minister"]),
    ("Wu Yingqin", [], None, ["Executive Director of the China-Central Asia Secretariat"]),
    ("Xi Jinping", [], "China", ["President"]),
]


def test_officials_table_exactly(facts: dict) -> None:
    got = [(o["name"], o["aliases"], o["country"], o["titles"]) for o in facts["officials"]]
    assert got == EXPECTED


def test_timeline_exactly(facts: dict) -> None:
    events = facts["events"]
    assert [(e["date"], e["precision"]) for e in events] == [("2023-05", "month"), ("2024-03-30", "day")]
    declaration, launch = events
    assert "signed in May 2023" in declaration["evidence"][0]["text"]
    assert "Declaration" in declaration["summary"]
    assert "gathered in Xi’an on March 30, 2024, to inaugurate the Secretariat" in launch["evidence"][0]["text"]
    assert launch["place"] == "Xi'an"
    assert launch["evidence"][0]["paragraph"] == 1
    assert "inaugurate the Secretariat" in launch["summary"]


def test_roles_point_at_evidence(facts: dict, seed: dict) -> None:
    by_name = {o["name"]: o for o in facts["officials"]}
    zhao = by_name["Zhao Yide"]["roles"][0]
    assert zhao == {
        "title": "Secretary of the Party Committee of Shaanxi Province",
        "article_id": seed["id"],
        "paragraph": 4,
        "date": "2024-03-31",
        "evidence": zhao["evidence"],
    }
    assert zhao["evidence"].startswith("The opening ceremony was attended by Chinese Deputy Foreign Minister")


def test_mentions_are_character_spans(facts: dict, seed: dict) -> None:
    texts = {p["n"]: p["text"] for p in seed["paragraphs"]}
    wang = next(o for o in facts["officials"] if o["name"] == "Wang Yi")
    written = [texts[m["paragraph"]][m["start"] : m["end"]] for m in wang["mentions"]]
    assert written == ["Wang Yi", "Wang Yi", "Yi"]
    assert [m["paragraph"] for m in wang["mentions"]] == [3, 6, 6]


def test_headings_are_never_sources(facts: dict) -> None:
    heading_paragraphs = {2, 5, 8}
    for o in facts["officials"]:
        assert not {m["paragraph"] for m in o["mentions"]} & heading_paragraphs
    for e in facts["events"]:
        assert not {x["paragraph"] for x in e["evidence"]} & heading_paragraphs


def test_merge_of_seed_alone_keeps_everyone(facts: dict, seed: dict) -> None:
    officials, events = merge([(seed["id"], facts)])
    assert sorted(o["id"] for o in officials) == sorted(
        ["wang-yi", "murat-nurtleu", "jeenbek-kulubayev", "sirodjiddin-mukhriddin", "rashid-meredov",
         "bakhtiyor-saidov", "sun-weidong", "zhao-yide", "alibek-bakayev", "wu-yingqin", "xi-jinping"]
    )
    assert all(o["article_ids"] == [seed["id"]] for o in officials)
    assert [e["date"] for e in events] == ["2023-05", "2024-03-30"]
    assert len({e["id"] for e in events}) == 2
