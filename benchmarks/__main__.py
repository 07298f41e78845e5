"""The performance suite: ``python -m benchmarks --articles 2000,10000``.

At each size: ingest (whole CLI process), adding 1 then 10 new articles to a copy of
that store (whole CLI processes), tagging an article in a copy (``cca-tui tag``),
opening the store, in-process search over 50 queries, CLI search beside the
``json.load`` floor with its peak RSS, the TUI's first paint (beside a bare Textual
app) and usable list, and the search box's per-keystroke latency. Prints a table and
writes ``benchmarks/results/latest.json``. Corpora are generated once per size and
cached in ``benchmarks/corpora/``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import tempfile
import time
from pathlib import Path

from benchmarks import measures
from benchmarks.corpus import cached_corpus

HERE = Path(__file__).resolve().parent
CORPORA = HERE / "corpora"
RESULTS = HERE / "results"
STEPS = ("ingest", "add", "tag", "open", "search", "keystrokes", "cli", "tui")

# (key, label, target as text, check against the results at one size) — the targets.
ROWS = [
    ("ingest_s", "ingest, whole process (s)", "≤ 60 s, ≤ 6× the 2k time"),
    ("add_1_s", "add 1 article to the store, process (s)", ""),
    ("add_10_s", "add 10 articles to the store, process (s)", ""),
    ("tag_s", "tag an article, process (s)", ""),
    ("tag_rss_mb", "tag an article, peak RSS (MB)", ""),
    ("store_mb", "store file (MB)", ""),
    ("open_store_ms", "open store, in-process (ms)", ""),
    ("index_ms", "search index ready (ms)", ""),
    ("search_p50_ms", "search p50, in-process (ms)", ""),
    ("search_p95_ms", "search p95, in-process (ms)", "≤ 16 ms"),
    ("search_max_ms", "search max, in-process (ms)", ""),
    ("json_load_floor_ms", "json.load floor, process (ms)", ""),
    ("cli_search_ms", "CLI search median (ms)", ""),
    ("cli_vs_floor", "CLI search slowest / floor", "≤ 1.5×"),
    ("cli_search_rss_mb", "CLI search peak RSS (MB)", "≤ 300 MB"),
    ("bare_first_paint_ms", "bare Textual app first paint (ms)", ""),
    ("tui_first_paint_ms", "TUI first paint (ms)", ""),
    ("tui_vs_bare", "TUI first paint / bare", "≤ 2×"),
    ("tui_usable_list_ms", "TUI usable list (ms)", "≤ 1500 ms"),
    ("keystroke_search_p95_ms", "keystroke search p95, in-process (ms)", ""),
    ("tui_loop_stall_max_ms", "UI loop stall max while typing (ms)", "never blocks"),
    ("tui_keystroke_results_p50_ms", "key → results shown p50, TUI (ms)", ""),
    ("tui_keystroke_results_max_ms", "key → results shown max, TUI (ms)", "≤ 50 ms"),
]


def machine() -> dict:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "python": platform.python_version(),
        "platform": platform.platform(terse=True),
    }


def run_size(count: int, seed: int, steps: set[str], work: Path, env: dict[str, str]) -> dict:
    corpus = cached_corpus(CORPORA, count, seed)
    store = CORPORA / f"store-{corpus.name}" / "store.json"
    store.parent.mkdir(parents=True, exist_ok=True)
    out: dict = {"articles": count}
    plan = [
        ("ingest", lambda: measures.ingest(corpus, store, env)),
        ("add", lambda: measures.add(store, count, work / f"add-{count}", env)),
        ("tag", lambda: measures.tag(store, work / f"tag-{count}", env)),
        ("open", lambda: measures.open_store(store)),
        ("search", lambda: measures.search_in_process(store)),
        ("keystrokes", lambda: measures.keystrokes_in_process(store)),
        ("cli", lambda: measures.cli_search(store, env)),
        ("tui", lambda: measures.tui(store, count, env)),
    ]
    for name, step in plan:
        if name not in steps:
            continue
        if name != "ingest" and not store.exists():
            raise SystemExit(f"no store for {count} articles yet: run with the ingest step first")
        t = time.perf_counter()
        out.update(step())
        print(f"  {count:>6} {name:<11} {time.perf_counter() - t:6.1f} s", file=sys.stderr, flush=True)
    return out


def table(results: list[dict], info: dict) -> str:
    sizes = [r["articles"] for r in results]
    head = ["measure", *[f"{n:,} articles" for n in sizes], "target (10k)"]
    lines = [head]
    for key, label, target in ROWS:
        if not any(key in r for r in results):
            continue
        lines.append([label, *[_fmt(r.get(key)) for r in results], target])
    if len(sizes) >= 2 and all("ingest_s" in r for r in results):
        ratio = results[-1]["ingest_s"] / max(results[0]["ingest_s"], 1e-9)
        lines.append([f"ingest {sizes[-1]:,} / {sizes[0]:,}", *[""] * (len(sizes) - 1), f"{ratio:.2f}×", "≤ 6×"])
    widths = [max(len(str(row[i])) for row in lines) for i in range(len(head))]
    out = [f"Machine: {info['cpu']}, {info['cores']} cores, Python {info['python']}, {info['platform']}", ""]
    for i, row in enumerate(lines):
        out.append("| " + " | ".join(str(c).ljust(w) for c, w in zip(row, widths)) + " |")
        if i == 0:
            out.append("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    return "\n".join(out)


def _fmt(value) -> str:
    if value is None:
        return "—"
    if isinstance(value, float):
        return f"{value:,.2f}" if value < 100 else f"{value:,.0f}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def compile_package() -> None:
    """Byte-compile ``tui`` as pip does when it installs the package: an editable checkout
    (or PYTHONDONTWRITEBYTECODE) would otherwise compile every module at each process start,
    some 80 ms of every CLI and TUI timing that no installed user pays."""
    import compileall

    import tui

    compileall.compile_dir(Path(tui.__file__).parent, quiet=1)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", default="2000,10000", help="comma-separated corpus sizes (default 2000,10000)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--only", default=",".join(STEPS), help=f"steps to run (default all: {','.join(STEPS)})")
    parser.add_argument("--out", type=Path, default=RESULTS / "latest.json", help="where the JSON goes")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.articles.split(",") if s.strip()]
    steps = {s.strip() for s in args.only.split(",") if s.strip()}
    unknown = steps - set(STEPS)
    if unknown:
        parser.error(f"unknown steps: {', '.join(sorted(unknown))} (known: {', '.join(STEPS)})")
    info = machine()
    compile_package()
    with tempfile.TemporaryDirectory(prefix="cca-bench-") as tmp:
        work = Path(tmp)
        # Keep the developer's config, copy history and data dirs out of the measurements.
        env = dict(os.environ, CCA_TUI_CONFIG_DIR=str(work / "config"), CCA_TUI_DATA_DIR=str(work / "data"),
                   CCA_TUI_BACKUPS="0", PYTHONPATH=str(HERE.parent) + os.pathsep + os.environ.get("PYTHONPATH", ""))
        env.pop("CCA_TUI_DB", None)
        os.environ.update(CCA_TUI_CONFIG_DIR=env["CCA_TUI_CONFIG_DIR"], CCA_TUI_DATA_DIR=env["CCA_TUI_DATA_DIR"])
        results = [run_size(n, args.seed, steps, work, env) for n in sizes]
    report = {"machine": info, "seed": args.seed, "when": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
              "results": results}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(table(results, info))
    print(f"\nJSON: {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
