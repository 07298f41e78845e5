"""Extraction speed: ms per ~4 KB article, and merge time over a synthetic corpus.

Run on demand: ``python benchmarks/extract_speed.py [--articles 10000]``.
Prints the numbers and writes them to ``benchmarks/extract_speed.json``.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

from tui.extract import extract_article, merge
from tui.extract.score import DEFAULT_FOLDER, load_article

HERE = Path(__file__).resolve().parent
SEED = HERE.parent / "data" / "articles" / "daryo-2024-03-31-launch-of-central-asia-china-secretariat.txt"


def four_kb_articles() -> list[dict]:
    """The seed and the test articles, each padded with its own paragraphs to ~4 KB."""
    out = []
    for path in [SEED, *sorted(DEFAULT_FOLDER.glob("*.txt"))]:
        art = load_article(path)
        paras = [p for p in art["paragraphs"]]
        body = list(paras)
        while sum(len(p["text"]) for p in body) < 4000:
            body.extend(paras)
        art["paragraphs"] = [{**p, "n": i} for i, p in enumerate(body, 1)]
        out.append(art)
    return out


def time_per_article(arts: list[dict], repeat: int) -> list[float]:
    """Milliseconds per extraction of each article (mean of ``repeat`` runs, caches warm)."""
    for a in arts:
        extract_article(a)  # warm caches (gazetteer, regexes)
    per_article = []
    for a in arts:
        t = time.perf_counter()
        for _ in range(repeat):
            extract_article(a)
        per_article.append((time.perf_counter() - t) / repeat * 1000)
    return per_article


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=10_000, help="corpus size for the merge timing")
    parser.add_argument("--repeat", type=int, default=50)
    args = parser.parse_args()

    arts = four_kb_articles()
    per_article = time_per_article(arts, args.repeat)
    sizes = [sum(len(p["text"]) for p in a["paragraphs"]) for a in arts]

    facts = [extract_article(a) for a in arts]
    corpus = [(f"{arts[i % len(arts)]['id']}-{i}", facts[i % len(arts)]) for i in range(args.articles)]
    t = time.perf_counter()
    officials, events = merge(corpus)
    merge_s = time.perf_counter() - t

    result = {
        "mean_article_bytes": round(statistics.mean(sizes)),
        "extract_ms_per_article_mean": round(statistics.mean(per_article), 3),
        "extract_ms_per_article_max": round(max(per_article), 3),
        "merge_articles": args.articles,
        "merge_seconds": round(merge_s, 3),
        "merged_officials": len(officials),
        "merged_events": len(events),
    }
    for k, v in result.items():
        print(f"{k:30} {v}")
    (HERE / "extract_speed.json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
