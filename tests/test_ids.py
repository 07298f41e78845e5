"""Ids people can type: a unique start of an id names it (tui/ids.py)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tui.ids import AmbiguousId, UnknownId, resolve_id, short_ids

SEED = "daryo-2024-03-31-launch-of-central-asia-china-secretariat"
IDS = [
    SEED,
    "daryo-2024-04-02-uzbek-rail",
    "kabar-2025-01-20-rail",
    "kabar-2025-01-20-rail-2",
    "astana-times-2023-05-18-summit",
]


def test_a_unique_start_names_its_id():
    assert resolve_id("kabar-2025-01-20-rail-", IDS) == "kabar-2025-01-20-rail-2"
    assert resolve_id("ast", IDS) == "astana-times-2023-05-18-summit"
    assert resolve_id("daryo-2024-03", IDS) == SEED


def test_letter_case_and_surrounding_space_are_forgiven():
    assert resolve_id("  Daryo-2024-03 ", IDS) == SEED
    assert resolve_id("ASTANA", IDS) == "astana-times-2023-05-18-summit"


def test_an_exact_id_wins_over_a_longer_one_it_starts():
    assert resolve_id("kabar-2025-01-20-rail", IDS) == "kabar-2025-01-20-rail"


def test_an_ambiguous_start_gives_the_candidates_sorted():
    with pytest.raises(AmbiguousId) as many:
        resolve_id("daryo", IDS)
    assert many.value.candidates == ("daryo-2024-03-31-launch-of-central-asia-china-secretariat",
                                     "daryo-2024-04-02-uzbek-rail")
    with pytest.raises(AmbiguousId) as many:
        resolve_id("kabar", IDS)
    assert many.value.candidates == ("kabar-2025-01-20-rail", "kabar-2025-01-20-rail-2")


def test_unknown_and_blank_starts():
    for given in ("xinhua", "daryo-2025", "", "   "):
        with pytest.raises(UnknownId):
            resolve_id(given, IDS)
    with pytest.raises(UnknownId):
        resolve_id("daryo", [])


def test_short_ids_exactly():
    assert short_ids(IDS) == {
        SEED: "daryo-2024-03",
        "daryo-2024-04-02-uzbek-rail": "daryo-2024-04",
        "kabar-2025-01-20-rail": "kabar-2025-01-20-rail",  # a longer id starts with it: whole
        "kabar-2025-01-20-rail-2": "kabar-2025-01-20-rail-",
        "astana-times-2023-05-18-summit": "astana",
    }
    assert short_ids([SEED]) == {SEED: "daryo-"}
    assert short_ids([SEED], min_len=3) == {SEED: "dar"}
    assert short_ids(["a1", "b"]) == {"a1": "a1", "b": "b"}  # shorter than the minimum: whole
    assert short_ids([]) == {}


def test_ids_differing_only_in_case_are_shown_whole():
    assert short_ids(["Report-2024", "report-2024", "other-id"]) == {
        "Report-2024": "Report-2024", "report-2024": "report-2024", "other-id": "other-"}
    assert resolve_id("Report-2024", ["Report-2024", "report-2024"]) == "Report-2024"


@given(st.lists(st.text(alphabet="abAB-İ1", min_size=1, max_size=8), max_size=12))
def test_every_short_id_resolves_back_to_its_id(ids):
    for full, short in short_ids(ids, min_len=2).items():
        assert full.startswith(short)
        assert resolve_id(short, ids) == full
