"""Score extraction against hand-annotated test articles.

``python -m tui.extract.score [-v] [--json] [FOLDER ...]`` prints, per folder
(default: ``tests/fixtures/extraction`` of the checkout), the measures of
issue 14 — officials F1, country of each found official, gold titles found,
events with the right date and sentence (one to one: recall and precision),
date ranges with the right end, summaries naming what happened — and a few
diagnostics (planned flags, places, participants, the article's spellings).
It reads every ``*.txt`` with a ``*.expected.json`` beside it and writes nothing.

Gold events are ``{date, precision}`` with optional ``sentence`` (a piece of the
sentence that states it; without it any sentence matches), ``end_date``,
``planned``, ``summary`` (exact) or ``says`` / ``not`` (words the summary must /
must not hold), ``place`` and ``participants``. Gold officials are ``{name,
country, titles}`` with optional ``written`` (the article's own spellings).
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

from tui.extract.article import extract_article

DEFAULT_FOLDER = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "extraction"
HELDOUT_FOLDER = DEFAULT_FOLDER.with_name("extraction-heldout")

# (key, label, target) in the order of the table; None: a diagnostic
MEASURES: list[tuple[str, str, float | None]] = [
    ("officials_f1", "officials F1 (name found, nothing spurious)", 0.95),
    ("officials_precision", "  officials precision", None),
    ("officials_recall", "  officials recall", None),
    ("country_accuracy", "country of each found official", 0.95),
    ("titles_recall", "gold titles found", 0.90),
    ("events_recall", "events: right date and sentence, 1:1 (recall)", 0.85),
    ("events_precision", "events: precision", 0.90),
    ("ranges_end", "date ranges with the right end", 0.90),
    ("summaries", "summaries naming what happened", 0.85),
    ("planned", "  planned flag right (matched events)", None),
    ("places", "  places right (gold places)", None),
    ("participants", "  participants complete (gold lists)", None),
    ("spellings", "  article's spelling kept (gold written)", None),
]


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
    return {"id": article_id, "title": meta.get("title"), "outlet": meta.get("outlet"), "url": meta.get("url"),
            "published": meta.get("published") or None, "paragraphs": paragraphs}


def _plain(text: str) -> str:
    return " ".join(text.replace("’", "'").replace("‘", "'").replace("—", "–").split())


def _norm(text: str) -> str:
    return _plain(text).casefold()


@dataclass
class Scores:
    """Counts over a suite; ``rates`` gives the reported measures."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    country_ok: int = 0
    titles_expected: int = 0
    titles_found: int = 0
    events_expected: int = 0
    events_predicted: int = 0
    events_ok: int = 0
    ranges_expected: int = 0
    ranges_ok: int = 0
    summaries_expected: int = 0
    summaries_ok: int = 0
    planned_expected: int = 0
    planned_ok: int = 0
    places_expected: int = 0
    places_ok: int = 0
    participants_expected: int = 0
    participants_ok: int = 0
    spellings_expected: int = 0
    spellings_ok: int = 0
    articles: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return _rate(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float:
        return _rate(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def country_accuracy(self) -> float:
        return _rate(self.country_ok, self.tp)

    @property
    def titles_recall(self) -> float:
        return _rate(self.titles_found, self.titles_expected)

    @property
    def dates_recall(self) -> float:
        return _rate(self.events_ok, self.events_expected)

    @property
    def dates_precision(self) -> float:
        return _rate(self.events_ok, self.events_predicted)

    def rates(self) -> dict[str, float]:
        """Every measure of ``MEASURES``, rounded to three places."""
        values = {
            "officials_f1": self.f1,
            "officials_precision": self.precision,
            "officials_recall": self.recall,
            "country_accuracy": self.country_accuracy,
            "titles_recall": self.titles_recall,
            "events_recall": self.dates_recall,
            "events_precision": self.dates_precision,
            "ranges_end": _rate(self.ranges_ok, self.ranges_expected),
            "summaries": _rate(self.summaries_ok, self.summaries_expected),
            "planned": _rate(self.planned_ok, self.planned_expected),
            "places": _rate(self.places_ok, self.places_expected),
            "participants": _rate(self.participants_ok, self.participants_expected),
            "spellings": _rate(self.spellings_ok, self.spellings_expected),
        }
        return {k: round(v, 3) for k, v in values.items()}

    def as_dict(self) -> dict[str, float]:
        return self.rates()


def _rate(ok: int, total: int) -> float:
    return ok / total if total else 1.0


def score_one(facts: dict, expected: dict, scores: Scores, label: str = "") -> None:
    """Add one article's comparison to ``scores``."""
    scores.articles += 1
    _score_officials(facts, expected, scores, label)
    _score_events(facts, expected, scores, label)


def _score_officials(facts: dict, expected: dict, scores: Scores, label: str) -> None:
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
        written = {_norm(w) for w in match.get("written", [match["name"], *match["aliases"]])}
        for w in exp.get("written", []):
            scores.spellings_expected += 1
            if _norm(w) in written:
                scores.spellings_ok += 1
            else:
                scores.problems.append(f"{label}: {exp['name']} spelling {w!r} not kept")
    for p in predicted:
        scores.fp += 1
        scores.problems.append(f"{label}: spurious official {p['name']} {p['titles']}")


def _stated_in(event: dict, sentence: str | None) -> bool:
    if not sentence:
        return True
    want = _norm(sentence)
    return any(want in _norm(item.get("text", "")) for item in event.get("evidence", []))


def summary_names_it(summary: str, gold: dict) -> bool | None:
    """Does ``summary`` say what the gold event says happened? None: no gold for it."""
    if "summary" in gold:
        return summary == gold["summary"]
    if "says" not in gold:
        return None
    have = _norm(summary)
    # "not" words are matched as written: "DUSHANBE" (a dateline) but not "Dushanbe"
    written = _plain(summary)
    return all(_norm(w) in have for w in gold["says"]) and not any(_plain(w) in written for w in gold.get("not", []))


def _score_events(facts: dict, expected: dict, scores: Scores, label: str) -> None:
    predicted = list(facts["events"])
    scores.events_predicted += len(predicted)
    unused = list(predicted)
    # gold events naming their sentence claim their match first
    order = sorted(expected["events"], key=lambda e: "sentence" not in e)
    for gold in order:
        scores.events_expected += 1
        if gold.get("end_date"):
            scores.ranges_expected += 1
        match = next((e for e in unused if e["date"] == gold["date"] and e["precision"] == gold["precision"]
                      and _stated_in(e, gold.get("sentence"))), None)
        where = f"{gold['date']}" + (f" “{gold['sentence']}”" if gold.get("sentence") else "")
        if match is None:
            scores.problems.append(f"{label}: missed event {where}")
            continue
        unused.remove(match)
        scores.events_ok += 1
        if gold.get("end_date"):
            if match.get("end_date") == gold["end_date"]:
                scores.ranges_ok += 1
            else:
                scores.problems.append(f"{label}: event {where} ends {match.get('end_date')!r} != {gold['end_date']!r}")
        named = summary_names_it(match.get("summary") or "", gold)
        if named is not None:
            scores.summaries_expected += 1
            scores.summaries_ok += named
            if not named:
                scores.problems.append(f"{label}: event {gold['date']} summary {match.get('summary')!r}")
        scores.planned_expected += 1
        if bool(match.get("planned")) == bool(gold.get("planned")):
            scores.planned_ok += 1
        else:
            scores.problems.append(f"{label}: event {gold['date']} planned {bool(match.get('planned'))}")
        if "place" in gold:
            scores.places_expected += 1
            if match.get("place") == gold["place"]:
                scores.places_ok += 1
            else:
                scores.problems.append(f"{label}: event {gold['date']} place {match.get('place')!r}"
                                       f" != {gold['place']!r}")
        if "participants" in gold:
            scores.participants_expected += 1
            have = {_norm(p) for p in match.get("participants", [])}
            missing = [p for p in gold["participants"] if _norm(p) not in have]
            if missing:
                scores.problems.append(f"{label}: event {gold['date']} participants miss {missing}")
            else:
                scores.participants_ok += 1
    for e in unused:
        scores.problems.append(f"{label}: spurious event {e['date']} “{e['evidence'][0]['text'][:70]}”")


def fixture_paths(folder: Path) -> list[Path]:
    """The ``*.txt`` articles of ``folder`` that have an expected file."""
    return sorted(p for p in folder.glob("*.txt") if p.with_name(p.stem + ".expected.json").exists())


def score_folder(folder: Path = DEFAULT_FOLDER) -> Scores:
    """Scores over every article with an expected file in ``folder``."""
    scores = Scores()
    for path in fixture_paths(folder):
        expected = json.loads(path.with_name(path.stem + ".expected.json").read_text(encoding="utf-8"))
        score_one(extract_article(load_article(path)), expected, scores, path.stem)
    return scores


def format_table(columns: dict[str, dict[str, float]], extra: list[tuple[str, dict[str, str], str]] = ()) -> str:
    """The measures as a text table: one column per scored set, then the target."""
    names = list(columns)
    width = max(len(label) for _, label, _ in MEASURES)
    head = f"{'measure':{width}}  " + "  ".join(f"{n:>10}" for n in names) + f"  {'target':>7}"
    lines = [head, "-" * len(head)]
    for key, label, target in MEASURES:
        cells = "  ".join(f"{columns[n][key]:>10.3f}" for n in names)
        lines.append(f"{label:{width}}  {cells}  {('≥ %.2f' % target) if target else '':>7}")
    for label, cells_by_name, target in extra:
        cells = "  ".join(f"{cells_by_name.get(n, ''):>10}" for n in names)
        lines.append(f"{label:{width}}  {cells}  {target:>7}")
    return "\n".join(lines)


def print_misses(scored: dict[str, Scores]) -> None:
    """Every miss of each scored folder, under its name and article count (``-v``)."""
    for name, s in scored.items():
        print(f"\n{name}: {s.articles} articles")
        for line in s.problems:
            print(" -", line)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tui.extract.score", description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="*", type=Path,
                        help=f"folders of annotated articles (default: {DEFAULT_FOLDER})")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every miss")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    args = parser.parse_args(argv)
    folders = args.folders or [DEFAULT_FOLDER]
    scored = {f.name: score_folder(f) for f in folders}
    if args.json:
        print(json.dumps({name: s.rates() for name, s in scored.items()}, indent=2))
    else:
        print(format_table({name: s.rates() for name, s in scored.items()}))
    if args.verbose:
        print_misses(scored)
    return 0


if __name__ == "__main__":
    sys.exit(main())
