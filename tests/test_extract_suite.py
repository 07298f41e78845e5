"""Scores over the hand-written extraction articles (tests/fixtures/extraction).

The thresholds are issue 3's; the scores are printed (run with ``-s``) so they
can be reported. ``python -m tui.extract.score -v`` lists every miss.
"""

from __future__ import annotations

import json

import pytest

from tui.extract.score import DEFAULT_FOLDER, Scores, load_article, score_folder, score_one
from tui.extract import extract_article

ARTICLES = sorted(p for p in DEFAULT_FOLDER.glob("*.txt") if p.with_name(p.stem + ".expected.json").exists())


def test_the_suite_is_big_enough() -> None:
    assert len(ARTICLES) >= 12


@pytest.fixture(scope="module")
def scores() -> Scores:
    s = score_folder(DEFAULT_FOLDER)
    print("\nextraction suite:", json.dumps(s.as_dict()))
    for line in s.problems:
        print(" -", line)
    return s


def test_officials_f1(scores: Scores) -> None:
    assert scores.f1 >= 0.90


def test_country_accuracy(scores: Scores) -> None:
    assert scores.country_accuracy >= 0.90


def test_titles_recall(scores: Scores) -> None:
    assert scores.titles_recall >= 0.80


def test_event_dates(scores: Scores) -> None:
    assert scores.dates_recall >= 0.80
    assert scores.dates_precision >= 0.80


def test_scorer_punishes_a_broken_extractor() -> None:
    """Guard against a scorer that cannot fail: empty output scores zero."""
    s = Scores()
    for path in ARTICLES:
        expected = json.loads(path.with_name(path.stem + ".expected.json").read_text(encoding="utf-8"))
        score_one({"officials": [], "events": []}, expected, s)
    assert s.f1 == 0.0 and s.dates_recall == 0.0


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.stem)
def test_no_spurious_officials(path) -> None:
    """Precision per article: every official found is one the article names."""
    expected = json.loads(path.with_name(path.stem + ".expected.json").read_text(encoding="utf-8"))
    facts = extract_article(load_article(path))
    wanted = {o["name"] for o in expected["officials"]}
    extra = [o["name"] for o in facts["officials"]
             if o["name"] not in wanted and not wanted & set(o["aliases"])]
    assert extra == []
