"""One office, one title: equivalent wordings merge into the official one (tui/extract/title_forms.py)."""

from __future__ import annotations

import pytest

from tests.test_extract_merge import A, B
from tui.extract import extract_article, merge
from tui.extract.title_forms import canonical_title


@pytest.mark.parametrize("written, shown", [
    ("Foreign Minister", "Minister of Foreign Affairs"),
    ("foreign minister", "Minister of Foreign Affairs"),
    ("Minister for Foreign Affairs", "Minister of Foreign Affairs"),
    ("Minister of Foreign Affairs", "Minister of Foreign Affairs"),
    ("Deputy Foreign Minister", "Deputy Minister of Foreign Affairs"),
    ("First Deputy Foreign Minister", "First Deputy Minister of Foreign Affairs"),
    ("Deputy Energy Minister", "Deputy Minister of Energy"),
    ("Defense Minister", "Minister of Defence"),
    ("Interior Minister", "Minister of Internal Affairs"),
    # not in the table, or after words that are not a rank: as written
    ("Prime Minister", "Prime Minister"),
    ("Deputy Prime Minister", "Deputy Prime Minister"),
    ("Special Envoy Foreign Minister", "Special Envoy Foreign Minister"),
    ("Minister of Foreign Affairs and Trade", "Minister of Foreign Affairs and Trade"),
])
def test_canonical_title(written, shown):
    assert canonical_title(written) == shown


def _article(article_id: str, published: str, text: str) -> dict:
    return {"id": article_id, "published": published, "paragraphs": [{"n": 1, "kind": "para", "text": text}]}


# Written for this test, in the styles of a wire and of a ministry's press release.
WIRE = _article("wire", "2024-06-03",
                "ASTANA – Kazakh Foreign Minister Murat Nurtleu and Chinese Deputy Foreign Minister Sun Weidong "
                "held talks in Astana on June 2, 2024 on the transit corridor.")
RELEASE = _article("release", "2024-06-10",
                   "Minister of Foreign Affairs of Kazakhstan Murat Nurtleu received Deputy Minister of Foreign "
                   "Affairs of China Sun Weidong in Astana on June 9, 2024.")


def test_a_person_named_by_two_wordings_has_one_title_and_the_evidence_keeps_each():
    facts = {a["id"]: extract_article(a) for a in (WIRE, RELEASE)}
    written = {(a, o["name"]): o["titles"] for a, f in facts.items() for o in f["officials"]}
    # extraction keeps each article's wording...
    assert written[("wire", "Murat Nurtleu")] == ["Foreign Minister"]
    assert written[("release", "Murat Nurtleu")] == ["Minister of Foreign Affairs"]
    officials, _ = merge(list(facts.items()))
    by_name = {o["name"]: o for o in officials}
    # ...the merged official shows one title, and each role's evidence is the article's sentence
    nurtleu = by_name["Murat Nurtleu"]
    assert nurtleu["titles"] == ["Minister of Foreign Affairs"]
    assert [(r["article_id"], r["title"]) for r in nurtleu["roles"]] == [
        ("wire", "Minister of Foreign Affairs"), ("release", "Minister of Foreign Affairs")]
    assert "Kazakh Foreign Minister Murat Nurtleu" in nurtleu["roles"][0]["evidence"]
    assert "Minister of Foreign Affairs of Kazakhstan Murat Nurtleu" in nurtleu["roles"][1]["evidence"]
    sun = by_name["Sun Weidong"]
    assert sun["titles"] == ["Deputy Minister of Foreign Affairs"]
    assert "Chinese Deputy Foreign Minister Sun Weidong" in sun["roles"][0]["evidence"]
    # the articles' own facts are not rewritten by the merge
    assert facts["wire"]["officials"][0]["roles"][0]["title"] == "Foreign Minister"


def test_deputy_energy_minister_two_ways_is_one_title():
    officials, _ = merge([(a["id"], extract_article(a)) for a in (A, B)])
    [baim] = [o for o in officials if o["name"] in ("Yerzhan Baimukhanov", "Erzhan Baimuhanov")]
    assert baim["titles"] == ["Deputy Minister of Energy"]


def test_the_seeds_merged_titles():
    """The seed's two deputy foreign ministers ("Deputy Foreign Minister" in the article) are
    shown in the official wording once merged; extraction of the article is unchanged."""
    from tests.test_extract_seed import SEED
    from tui.ingest.source import parse_source

    seed = parse_source(SEED.read_text(encoding="utf-8"), path=str(SEED))
    officials, _ = merge([(seed["id"], extract_article(seed))])
    assert [(o["name"], o["titles"]) for o in officials] == [
        ("Alibek Bakayev", ["Deputy Minister of Foreign Affairs"]),
        ("Bakhtiyor Saidov", ["Minister of Foreign Affairs"]),
        ("Jeenbek Kulubayev", ["Minister of Foreign Affairs"]),
        ("Murat Nurtleu", ["Deputy Prime Minister", "Minister of Foreign Affairs"]),
        ("Rashid Meredov", ["Deputy Prime Minister", "Minister of Foreign Affairs"]),
        ("Sirodjiddin Mukhriddin", ["Minister of Foreign Affairs"]),
        ("Sun Weidong", ["Deputy Minister of Foreign Affairs"]),
        ("Wang Yi", ["Member of the Politburo of the CPC Central Committee", "Minister of Foreign Affairs"]),
        ("Wu Yingqin", ["Executive Director of the China-Central Asia Secretariat"]),
        ("Xi Jinping", ["President"]),
        ("Zhao Yide", ["Secretary of the Party Committee of Shaanxi Province"]),
    ]
