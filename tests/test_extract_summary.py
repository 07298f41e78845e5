"""Event summaries: the hand-checked ones exactly, and every one a trimming of its evidence."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tui.extract import extract_article
from tui.extract.score import DEFAULT_FOLDER, load_article
from tui.extract.summary import SUMMARY_MAX

SEED = Path(__file__).resolve().parent.parent / "data" / "articles" / (
    "daryo-2024-03-31-launch-of-central-asia-china-secretariat.txt"
)
ARTICLES = [SEED, *sorted(DEFAULT_FOLDER.glob("*.txt"))]
_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")


def _events(path: Path) -> list[dict]:
    return extract_article(load_article(path))["events"]


def _expected_summaries() -> list[tuple[str, str, str]]:
    out = []
    for path in sorted(DEFAULT_FOLDER.glob("*.expected.json")):
        for ev in json.loads(path.read_text(encoding="utf-8"))["events"]:
            if "summary" in ev:
                out.append((path.name.removesuffix(".expected.json"), ev["date"], ev["summary"]))
    return out


def test_seed_launch_summary() -> None:
    launch = next(e for e in _events(SEED) if e["date"] == "2024-03-30")
    assert launch["summary"] == (
        "Distinguished officials gathered in Xi’an to inaugurate the Secretariat of the China-Central Asia "
        "cooperation mechanism"
    )
    assert launch["evidence"][0]["text"].endswith("MFA of Kazakhstan reports.")


def test_some_summaries_are_hand_checked() -> None:
    assert len(_expected_summaries()) >= 6


@pytest.mark.parametrize(("stem", "date", "summary"), _expected_summaries())
def test_hand_checked_summary(stem: str, date: str, summary: str) -> None:
    events = _events(DEFAULT_FOLDER / f"{stem}.txt")
    assert next(e["summary"] for e in events if e["date"] == date) == summary


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.stem[:24])
def test_summaries_only_leave_words_out(path: Path) -> None:
    for ev in _events(path):
        summary, evidence = ev["summary"], ev["evidence"][0]["text"]
        assert summary and len(summary) <= SUMMARY_MAX
        words = _WORD.findall(evidence.lower())
        pos = 0
        for w in _WORD.findall(summary.lower()):
            assert w in words[pos:], (w, summary, evidence)
            pos = words.index(w, pos) + 1


def test_attribution_and_titles_are_left_out() -> None:
    by_date = {e["date"]: e["summary"] for e in _events(DEFAULT_FOLDER / "11-daryo-saidov-wang-phone.txt")}
    assert "press service" not in by_date["2024-08-22"]
    assert "Foreign Minister" not in by_date["2024-08-22"]
