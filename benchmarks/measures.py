"""Each measure of the suite, at one corpus size. Times in milliseconds unless named otherwise."""

from __future__ import annotations

import random
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

from benchmarks.corpus import make_article
from benchmarks.queries import CLI_QUERIES, QUERIES, TYPED

PYTHON = sys.executable
HITS_SHOWN = 20  # results whose hit paragraphs a screen or a page of output shows


def percentile(values: list[float], p: float) -> float:
    """Nearest-rank percentile (p in 0..100)."""
    ordered = sorted(values)
    rank = max(1, min(len(ordered), round(p / 100 * len(ordered) + 0.4999)))
    return ordered[rank - 1]


def run_process(argv: list[str], env: dict[str, str]) -> tuple[float, int, int]:
    """Run ``argv`` to completion through ``benchmarks.launch``: (wall seconds, peak RSS in MB, exit status)."""
    import json

    done = subprocess.run([PYTHON, "-m", "benchmarks.launch", *argv], env=env, capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"launcher failed: {done.stderr[-2000:]}")
    report = json.loads(done.stdout.strip().splitlines()[-1])
    if report["status"] != 0:
        raise RuntimeError(f"{' '.join(argv)} exited {report['status']}: {report['stderr']}")
    return report["wall_s"], round(report["rss_mb"]), report["status"]


def cca(store: Path, *args: str) -> list[str]:
    return [PYTHON, "-m", "tui", "--db", str(store), "--no-seed", *args]


# -- ingest ----------------------------------------------------------------------------


def ingest(corpus: Path, store: Path, env: dict[str, str]) -> dict:
    """Files → stored (parse, extract, merge, one write) as a whole CLI process, on a new store."""
    for old in store.parent.glob(store.name + "*"):
        if old.is_dir():
            for f in old.iterdir():
                f.unlink()
            old.rmdir()
        else:
            old.unlink()
    wall, rss, _ = run_process(cca(store, "ingest", str(corpus), "--json"), env)
    return {"ingest_s": round(wall, 2), "ingest_rss_mb": rss, "store_mb": round(store.stat().st_size / 1e6, 1)}


# -- adding to a big store -------------------------------------------------------------

ADD_SEED = 104_729  # not the corpus's seed: the new articles are new texts, not copies


def add(store: Path, count: int, work: Path, env: dict[str, str]) -> dict:
    """What users do daily: 1, then 10 new files into a big existing store, as whole CLI
    processes, on a copy (the cached store stays as the ingest step left it)."""
    copy = _fresh_copy(store, work, env)
    before = _stored(copy)
    one, ten = _new_articles(work, count)
    add_1, rss_1, _ = run_process(cca(copy, "ingest", str(one), "--json"), env)
    _expect_stored(copy, before + 1)
    add_10, rss_10, _ = run_process(cca(copy, "ingest", str(ten), "--json"), env)
    _expect_stored(copy, before + 11)
    return {"add_1_s": round(add_1, 2), "add_10_s": round(add_10, 2), "add_rss_mb": max(rss_1, rss_10)}


def _fresh_copy(store: Path, work: Path, env: dict[str, str]) -> Path:
    """A copy of ``store`` with a current saved index, as a user's store has between ingests."""
    from tui.library.index_file import index_path, read_index
    from tui.library.storage import file_stamp

    work.mkdir(parents=True, exist_ok=True)
    copy = work / "store.json"
    shutil.copyfile(store, copy)
    # The index names the file version (inode included), so the original's would be stale:
    # one untimed search builds and saves the copy's own.
    run_process(cca(copy, "search", "anything"), env)
    if read_index(index_path(copy), file_stamp(copy.stat())) is None:
        raise RuntimeError(f"a search did not save a current index beside {copy}")
    return copy


def _new_articles(work: Path, count: int) -> tuple[Path, Path]:
    """One file, and a folder of ten, of articles numbered past the corpus's ``count``: new ids and texts."""
    rng = random.Random(ADD_SEED)
    one, ten = work / "one", work / "ten"
    for folder, numbers in ((one, range(count, count + 1)), (ten, range(count + 1, count + 11))):
        folder.mkdir(exist_ok=True)
        for i in numbers:
            name, text = make_article(rng, i)
            (folder / name).write_text(text, encoding="utf-8")
    return next(one.iterdir()), ten


def _stored(store: Path) -> int:
    """How many articles the store file holds, read without our code."""
    import json

    with open(store, encoding="utf-8") as f:
        return len(json.load(f)["articles"])


def _expect_stored(store: Path, n: int) -> None:
    found = _stored(store)
    if found != n:
        raise RuntimeError(f"{store} holds {found} articles after the ingest, not {n}")


# -- what the user writes --------------------------------------------------------------

TAGS = ("bench-1", "bench-2", "bench-3")  # a new tag each time, so each run writes


def tag(store: Path, work: Path, env: dict[str, str]) -> dict:
    """``cca-tui tag ID x`` as whole processes on a copy of the store with a current index:
    a tag (or a note) rewrites the store file and issues the index again for the new version."""
    from tui.library.index_file import index_path, read_index
    from tui.library.storage import file_stamp

    copy = _fresh_copy(store, work, env)
    article_id = _first_article_id(copy)
    runs = [run_process(cca(copy, "tag", article_id, name), env) for name in TAGS]
    if _tags_on(copy, article_id) != set(TAGS):
        raise RuntimeError(f"{copy}: the tags {TAGS} are not all stored on {article_id}")
    # The write must not leave the next search or start to rebuild the index.
    if read_index(index_path(copy), file_stamp(copy.stat())) is None:
        raise RuntimeError(f"a tag left no current index beside {copy}")
    return {"tag_s": round(statistics.median(w for w, _, _ in runs), 2), "tag_rss_mb": max(r for _, r, _ in runs)}


def _first_article_id(store: Path) -> str:
    import json

    with open(store, encoding="utf-8") as f:
        return next(iter(json.load(f)["articles"].values()))["id"]


def _tags_on(store: Path, article_id: str) -> set[str]:
    """The tag names the store file holds for the article ``article_id``, read without our code."""
    import json

    with open(store, encoding="utf-8") as f:
        doc = json.load(f)
    return {t.get("tag") for t in doc.get("tags", {}).values()
            if (t.get("on") or {}).get("kind") == "article" and (t.get("on") or {}).get("id") == article_id}


# -- in-process ------------------------------------------------------------------------


def open_store(store: Path) -> dict:
    """``Library.open`` as the faces call it (``tui.collector.loading``)."""
    from tui import collector
    from tui.library import Library

    times = []
    for _ in range(3):
        t = time.perf_counter()
        with collector.loading():
            Library.open(store, seed=False)
        times.append((time.perf_counter() - t) * 1000)
    return {"open_store_ms": round(statistics.median(times), 1)}


def search_in_process(store: Path) -> dict:
    """Index once, then each of the 50 queries: ranked results plus the hits of the first screenful."""
    from tui import collector
    from tui.library import Library

    with collector.loading():
        s = Library.open(store, seed=False)
    t = time.perf_counter()
    index = s.index()
    index_ms = (time.perf_counter() - t) * 1000

    def one(q: str) -> tuple[float, int]:
        t = time.perf_counter()
        results = index.search(q)
        for r in results[:HITS_SHOWN]:
            r.hits  # noqa: B018 - hits may be computed on demand
        return (time.perf_counter() - t) * 1000, len(results)

    for q in QUERIES:  # warm-up: first-touch costs are not per-query latency
        one(q)
    timed = [(one(q), q) for q in QUERIES]
    ms = [t for (t, _), _ in timed]
    (worst_ms, worst_n), worst_q = max(timed)
    return {
        "index_ms": round(index_ms, 1),
        "search_p50_ms": round(percentile(ms, 50), 2),
        "search_p95_ms": round(percentile(ms, 95), 2),
        "search_max_ms": round(worst_ms, 2),
        "search_slowest": f"{worst_q} ({worst_n} results)",
    }


def keystrokes_in_process(store: Path) -> dict:
    """The TUI's search path (the catalog's match) for every prefix typed in the search box."""
    from tui import collector
    from tui.app.catalog import Catalog
    from tui.app.filters import Filters
    from tui.library import Library
    from tui.search import parse_query

    with collector.loading():  # as the explorer builds it
        catalog = Catalog(Library.open(store, seed=False).contents())
    filters = Filters()  # as a pane holds them
    ms = []
    for text in TYPED:
        for i in range(1, len(text) + 1):
            t = time.perf_counter()
            try:
                catalog.match_articles(parse_query(text[:i]) & filters.query)
            except ValueError:  # an unfinished quote or filter is a query error, shown as such
                pass
            ms.append((time.perf_counter() - t) * 1000)
    return {"keystroke_search_p95_ms": round(percentile(ms, 95), 2), "keystroke_search_max_ms": round(max(ms), 2)}


# -- whole processes -------------------------------------------------------------------


def cli_search(store: Path, env: dict[str, str], repeat: int = 3) -> dict:
    """``cca-tui search Q --json`` as whole processes, beside ``json.load`` of the store as the floor."""
    floor_argv = [PYTHON, "-c", f"import json; json.load(open({str(store)!r}, encoding='utf-8'))"]
    floor = [run_process(floor_argv, env) for _ in range(repeat)]
    floor_s = statistics.median(w for w, _, _ in floor)
    per_query = []
    rss = 0
    for q in CLI_QUERIES:
        runs = [run_process(cca(store, "search", q, "--json"), env) for _ in range(repeat)]
        per_query.append(statistics.median(w for w, _, _ in runs))
        rss = max(rss, *(r for _, r, _ in runs))
    median_s = statistics.median(per_query)
    return {
        "json_load_floor_ms": round(floor_s * 1000),
        "json_load_floor_rss_mb": max(r for _, r, _ in floor),
        "cli_search_ms": round(median_s * 1000),
        "cli_search_max_ms": round(max(per_query) * 1000),
        "cli_vs_floor": round(max(per_query) / floor_s, 2),
        "cli_search_rss_mb": rss,
    }


def tui(store: Path, count: int, env: dict[str, str]) -> dict:
    """Headless Pilot runs in fresh processes: a bare app, then the explorer on the store."""
    import json

    def probe(*args: str) -> dict:
        argv = [PYTHON, "-m", "benchmarks.tui_probe", args[0], repr(time.time()), *args[1:]]
        done = subprocess.run(argv, env=env, capture_output=True, text=True, timeout=600)
        if done.returncode != 0:
            raise RuntimeError(f"tui probe failed: {done.stderr[-2000:]}")
        return json.loads(done.stdout.strip().splitlines()[-1])

    bare = statistics.median(probe("bare")["first_paint_ms"] for _ in range(3))
    runs = [probe("app", str(store), str(count), *TYPED) for _ in range(2)]
    first = statistics.median(r["first_paint_ms"] for r in runs)
    return {
        "bare_first_paint_ms": round(bare),
        "tui_first_paint_ms": round(first),
        "tui_vs_bare": round(first / bare, 2),
        "tui_usable_list_ms": round(statistics.median(r["usable_list_ms"] for r in runs)),
        "tui_keystroke_results_p50_ms": statistics.median(r["keystroke_results_p50_ms"] for r in runs),
        "tui_keystroke_results_max_ms": max(r["keystroke_results_max_ms"] for r in runs),
        "tui_loop_stall_max_ms": max(r["loop_stall_ms_max"] for r in runs),
    }
