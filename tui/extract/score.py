"""Score extraction against the hand-checked test articles.

``python -m tui.extract.score [-v] [FOLDER]`` prints officials precision,
recall and F1, country accuracy, titles recall and event-date recall and
precision over every ``*.txt`` with a ``*.expected.json`` beside it (default:
``tests/fixtures/extraction`` of the checkout) and writes nothing.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

from tui.extract.article import extract_article

DEFAULT_FOLDER = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "extraction"


def load_article(path: Path) -> dict:
    """An article record from a source text with front matter."""
    raw = path.read_text(encoding="utf-8")
    try:
        from tui.ingest.source import parse_source
    except ImportError:  # extraction must not depend on ingest being present
        return _simple_parse(raw, path.stem)
    record = dict(parse_source(raw, path=str(path)))
    record["id"] = path.stem
    return record


def _simple_parse(raw: str, article_id: str) -> dict:
    meta: dict[str, str] = {}
    body = raw
    if raw.startswith("---\n"):
        _, front, body = raw.split("---\n", 2)
        for line in front.strip().splitlines():
            key, _, value = line.partition(":")
            meta[key.strip()] = value.strip().strip('"')
    blocks = [b.strip() for b in body.split("\n\n") if b.strip()]
    paragraphs = [
        {"n": n, "kind": "heading" if len(b) < 80 and b[-1] not in ".!?\"”" else "para", "text": " ".join(b.split())}
        for n, b in enumerate(blocks, 1)
    ]
    return {"id": article_id, "title": meta.get("title"), "outlet": meta.get("outlet"),
            "published": meta.get("published") or None, "paragraphs": paragraphs}


def _norm(name: str) -> str:
    return name.replace("’", "'").casefold()


@dataclass
class Scores:
    """Counts over a suite; the properties are the reported rates."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    country_ok: int = 0
    titles_expected: int = 0
    titles_found: int = 0
    dates_expected: int = 0
    dates_predicted: int = 0
    dates_ok: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def country_accuracy(self) -> float:
        return self.country_ok / self.tp if self.tp else 1.0

    @property
    def titles_recall(self) -> float:
        return self.titles_found / self.titles_expected if self.titles_expected else 1.0

    @property
    def dates_recall(self) -> float:
        return self.dates_ok / self.dates_expected if self.dates_expected else 1.0

    @property
    def dates_precision(self) -> float:
        return self.dates_ok / self.dates_predicted if self.dates_predicted else 1.0

    def as_dict(self) -> dict[str, float]:
        return {
            "officials_precision": round(self.precision, 3),
            "officials_recall": round(self.recall, 3),
            "officials_f1": round(self.f1, 3),
            "country_accuracy": round(self.country_accuracy, 3),
            "titles_recall": round(self.titles_recall, 3),
            "event_dates_recall": round(self.dates_recall, 3),
            "event_dates_precision": round(self.dates_precision, 3),
        }


def score_one(facts: dict, expected: dict, scores: Scores, label: str = "") -> None:
    """Add one article's comparison to ``scores``."""
    predicted = list(facts["officials"])
    for exp in expected["officials"]:
        want = _norm(exp["name"])
        match = next((p for p in predicted if want in {_norm(n) for n in [p["name"], *p["aliases"]]}), None)
        if match is None:
            scores.fn += 1
            scores.problems.append(f"{label}: missed official {exp['name']}")
            continue
        predicted.remove(match)
        scores.tp += 1
        if match["country"] == exp["country"]:
            scores.country_ok += 1
        else:
            scores.problems.append(f"{label}: {exp['name']} country {match['country']!r} != {exp['country']!r}")
        got_titles = {_norm(t) for t in match["titles"]}
        for t in exp["titles"]:
            scores.titles_expected += 1
            if _norm(t) in got_titles:
                scores.titles_found += 1
            else:
                scores.problems.append(f"{label}: {exp['name']} missing title {t!r} (got {match['titles']})")
    for p in predicted:
        scores.fp += 1
        scores.problems.append(f"{label}: spurious official {p['name']} {p['titles']}")
    want_dates = {(e["date"], e["precision"]) for e in expected["events"]}
    got_dates = {(e["date"], e["precision"]) for e in facts["events"]}
    scores.dates_expected += len(want_dates)
    scores.dates_predicted += len(got_dates)
    scores.dates_ok += len(want_dates & got_dates)
    for d in sorted(want_dates - got_dates):
        scores.problems.append(f"{label}: missed event date {d}")
    for d in sorted(got_dates - want_dates):
        scores.problems.append(f"{label}: spurious event date {d}")


def score_folder(folder: Path = DEFAULT_FOLDER) -> Scores:
    """Scores over every article with an expected file in ``folder``."""
    scores = Scores()
    for path in sorted(folder.glob("*.txt")):
        expected_path = path.with_name(path.stem + ".expected.json")
        if not expected_path.exists():
            continue
        expected = json.loads(expected_path.read_text(encoding="utf-8"))
        score_one(extract_article(load_article(path)), expected, scores, path.stem)
    return scores


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tui.extract.score", description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=DEFAULT_FOLDER)
    parser.add_argument("-v", "--verbose", action="store_true", help="list every miss")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    args = parser.parse_args(argv)
    scores = score_folder(args.folder)
    if args.json:
        print(json.dumps(scores.as_dict(), indent=2))
    else:
        for key, value in scores.as_dict().items():
            print(f"{key:24} {value:.3f}")
    if args.verbose:
        for line in scores.problems:
            print(" -", line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
