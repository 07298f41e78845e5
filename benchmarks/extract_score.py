"""Extraction quality and speed: the table of issue 14.

``python -m benchmarks.extract_score [--heldout] [--repeat N] [-v]`` scores the
annotated articles of ``tests/fixtures/extraction`` (and, with ``--heldout``, the
held-out split in ``tests/fixtures/extraction-heldout``) on every measure with its
target, and times extraction per ~4.5 KB article as ``benchmarks/extract_speed.py``
does. Writes nothing.
"""

from __future__ import annotations

import argparse
import statistics

from benchmarks.extract_speed import four_kb_articles, time_per_article
from tui.extract.score import DEFAULT_FOLDER, HELDOUT_FOLDER, format_table, print_misses, score_folder

SPEED_TARGET_MS = 5.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.extract_score", description=__doc__.splitlines()[0])
    parser.add_argument("--heldout", action="store_true", help="score the held-out split too")
    parser.add_argument("--repeat", type=int, default=30, help="extractions of each article for the timing")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every miss")
    args = parser.parse_args(argv)
    folders = {"suite": DEFAULT_FOLDER, **({"held-out": HELDOUT_FOLDER} if args.heldout else {})}
    scored = {name: score_folder(folder) for name, folder in folders.items()}
    ms = statistics.mean(time_per_article(four_kb_articles(), args.repeat))
    extra = [("extraction ms per ~4.5 KB article (mean)", {"suite": f"{ms:.2f}"}, f"≤ {SPEED_TARGET_MS:.0f}")]
    print(format_table({name: s.rates() for name, s in scored.items()}, extra))
    print("articles: " + ", ".join(f"{name} {s.articles}" for name, s in scored.items()))
    if args.verbose:
        print_misses(scored)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
