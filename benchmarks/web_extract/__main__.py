"""``python -m benchmarks.web_extract [--split dev|heldout|all] [--pages DIR] [--show NAME]``

Scores three extractors on each page: trafilatura with its defaults,
trafilatura with ``favor_precision`` and no comments, and ours
(``tui.ingest.html``), and our metadata against the gold.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from benchmarks.web_extract.score import PageScore, score_page, suite_f1

FIXTURES = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "web"
FIELDS = ("title", "outlet", "published", "authors", "url", "language")


def trafilatura_defaults(html: bytes, url: str | None) -> str:
    import trafilatura

    return trafilatura.extract(html, url=url) or ""


def trafilatura_precision(html: bytes, url: str | None) -> str:
    import trafilatura

    return trafilatura.extract(html, url=url, favor_precision=True, include_comments=False) or ""


def ours(html: bytes, url: str | None) -> str:
    from tui.ingest.html import extract_page

    return "\n".join(b.text for b in extract_page(html, url=url).blocks)


EXTRACTORS = {"trafilatura": trafilatura_defaults, "precision": trafilatura_precision, "ours": ours}


def load_pages(folders: list[Path]) -> list[tuple[str, Path]]:
    pages = []
    for folder in folders:
        for html in sorted(folder.glob("*.html")):
            if html.with_suffix(".txt").exists():
                pages.append((f"{folder.name}/{html.stem}", html))
    return pages


def our_meta(html: bytes) -> dict:
    from tui.ingest.html import extract_page

    meta = extract_page(html).meta
    return {f: getattr(meta, f) for f in FIELDS}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.web_extract", description=__doc__)
    parser.add_argument("--split", choices=("dev", "heldout", "all"), default="dev")
    parser.add_argument("--pages", type=Path, help="score the NAME.html + NAME.txt pages of this folder instead")
    parser.add_argument("--show", metavar="NAME", help="print our text for one page beside its gold")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    parser.add_argument("--ablate", action="store_true", help="our F1 with each of our steps switched off in turn")
    args = parser.parse_args(argv)
    if args.pages:
        folders = [args.pages]
    elif args.split == "all":
        folders = [FIXTURES / "dev", FIXTURES / "heldout"]
    else:
        folders = [FIXTURES / args.split]
    pages = load_pages(folders)
    if not pages:
        print("no pages (NAME.html with NAME.txt) found", file=sys.stderr)
        return 1
    if args.ablate:
        return ablate(pages)
    if args.show:
        for name, path in pages:
            if name.endswith(args.show):
                print(ours(path.read_bytes(), None))
                print("---- gold ----")
                print(path.with_suffix(".txt").read_text(encoding="utf-8"))
        return 0

    scores: dict[str, list[PageScore]] = {k: [] for k in EXTRACTORS}
    rows = []
    meta_hits = {f: 0 for f in FIELDS}
    meta_pages = 0
    misses: list[str] = []
    for name, path in pages:
        html = path.read_bytes()
        gold = path.with_suffix(".txt").read_text(encoding="utf-8")
        row = {"page": name}
        for key, fn in EXTRACTORS.items():
            s = score_page(gold, fn(html, None))
            scores[key].append(s)
            row[key] = round(s.f1, 3)
        rows.append(row)
        gold_meta_path = path.with_suffix(".json")
        if gold_meta_path.exists():
            expected = json.loads(gold_meta_path.read_text(encoding="utf-8"))
            got = our_meta(html)
            meta_pages += 1
            for f in FIELDS:
                if f in expected and got.get(f) == expected[f]:
                    meta_hits[f] += 1
                elif f in expected:
                    misses.append(f"{name}: {f} {got.get(f)!r} != {expected[f]!r}")

    summary = {}
    for key in EXTRACTORS:
        p, r, f1 = suite_f1(scores[key])
        worst = min(s.f1 for s in scores[key])
        summary[key] = {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f1, 4), "worst_page_f1": round(worst, 3)}
    meta = {f: f"{meta_hits[f]}/{meta_pages}" for f in FIELDS}
    if args.json:
        print(json.dumps({"pages": rows, "summary": summary, "metadata": meta, "misses": misses}, ensure_ascii=False, indent=2))
        return 0
    width = max(len(r["page"]) for r in rows)
    print(f"{'page':<{width}}  {'trafilatura':>11}  {'precision':>9}  {'ours':>6}")
    for row in rows:
        print(f"{row['page']:<{width}}  {row['trafilatura']:>11.3f}  {row['precision']:>9.3f}  {row['ours']:>6.3f}")
    print()
    print(f"{'':<{width}}  {'P':>6} {'R':>6} {'F1':>6} {'worst':>6}")
    for key, s in summary.items():
        print(f"{key:<{width}}  {s['precision']:>6.3f} {s['recall']:>6.3f} {s['f1']:>6.3f} {s['worst_page_f1']:>6.3f}")
    print()
    print("metadata (ours): " + ", ".join(f"{f} {v}" for f, v in meta.items()))
    for miss in misses:
        print("  " + miss)
    return 0


def ablate(pages: list[tuple[str, Path]]) -> int:
    """Our suite F1 with everything on, then with each step off: what each step adds."""
    from tui.ingest.html import steps

    golds = [(path.read_bytes(), path.with_suffix(".txt").read_text(encoding="utf-8")) for _, path in pages]

    def run() -> tuple[float, float]:
        scores = [score_page(gold, ours(html, None)) for html, gold in golds]
        return suite_f1(scores)[2], min(s.f1 for s in scores)

    base, worst = run()
    print(f"{'all steps on':<24} F1 {base:.4f}  worst page {worst:.3f}")
    for step in steps.STEPS:
        steps.DISABLED = {step}
        try:
            f1, low = run()
        finally:
            steps.DISABLED = set()
        print(f"{'without ' + step:<24} F1 {f1:.4f}  worst page {low:.3f}  (step adds {base - f1:+.4f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
