"""One headless TUI run in a fresh process; prints its timings as JSON on stdout.

``python -m benchmarks.tui_probe bare SPAWN`` — a bare Textual app showing one line.
``python -m benchmarks.tui_probe app SPAWN STORE COUNT [TYPED...]`` — the explorer on STORE.

SPAWN is the wall-clock time (``time.time()``) at which the parent started this
process, so first paint includes interpreter start-up and imports, as a user sees it.
With ``CCA_PROBE_TRACE=1`` each typed prefix's key → results time goes to stderr.
"""

from __future__ import annotations

import asyncio
import json
import os
import sys
import time

SIZE = (120, 40)
TYPING_INTERVAL = 0.12  # seconds between keys: a fast typist


def key_event(ch: str):
    """The ``Key`` event a terminal driver makes for the character ``ch``."""
    from textual import events
    from textual.keys import _character_to_key

    return events.Key(ch if ch.isalnum() else _character_to_key(ch), ch)


def since(spawn: float) -> float:
    return round((time.time() - spawn) * 1000, 1)


def watch_first_paint(app, spawn: float, ready=None) -> dict:
    """Record when the app first hands a frame to its driver (headless too) — the first paint,
    whatever a worker thread does to the event loop afterwards — and, given ``ready``, the
    first frame drawn once ``ready()`` holds (``ready_ms``): what the user sees, not when a
    test harness gets round to looking."""
    seen: dict = {}
    display = app._display

    def first(screen, renderable):
        if renderable is not None and "ms" not in seen:
            seen["ms"] = since(spawn)
        if renderable is not None and ready is not None and "ready_ms" not in seen and ready():
            seen["ready_ms"] = since(spawn)
        return display(screen, renderable)

    app._display = first
    return seen


async def bare(spawn: float) -> dict:
    from textual.app import App
    from textual.widgets import Static

    class Bare(App[None]):
        def compose(self):
            yield Static("cca-tui")

    app = Bare()
    painted = watch_first_paint(app, spawn)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        return {"first_paint_ms": painted.get("ms", since(spawn))}


class LoopLag:
    """The longest stall of the event loop while it runs (a blocked UI shows up here)."""

    def __init__(self) -> None:
        self.worst = 0.0
        self._task: asyncio.Task | None = None

    async def _tick(self) -> None:
        last = time.perf_counter()
        while True:
            await asyncio.sleep(0.002)
            now = time.perf_counter()
            self.worst = max(self.worst, now - last - 0.002)
            last = now

    def __enter__(self) -> LoopLag:
        self._task = asyncio.get_running_loop().create_task(self._tick())
        return self

    def __exit__(self, *exc) -> None:
        assert self._task is not None
        self._task.cancel()


async def explorer(spawn: float, store: str, count: int, typed: list[str]) -> dict:
    from tui.app import CcaApp

    CcaApp.CURSOR_BLINK = False
    CcaApp.POLL_STORE = False
    app = CcaApp(db=store, seed=False)

    def listed() -> bool:
        # All the articles are in the list, and no search is pending: a frame drawn now shows them.
        try:
            pane = app.main.pane("articles")
        except LookupError:
            return False
        return app.catalog is not None and pane.records.record_count == count and not pane.searching

    painted = watch_first_paint(app, spawn, listed)
    out: dict = {}
    async with app.run_test(size=SIZE) as pilot:
        deadline = time.time() + 120
        while "ready_ms" not in painted:
            if time.time() > deadline:
                raise SystemExit(f"the list never showed {count} articles")
            await asyncio.sleep(0.002)
        out["first_paint_ms"] = painted["ms"]
        out["usable_list_ms"] = painted["ready_ms"]
        await pilot.pause()
        pane = app.main.pane("articles")

        # A fast typist: one key every TYPING_INTERVAL. For each key, the time until the
        # list shows that text's results, and the event loop's longest stall meanwhile.
        applied: dict[str, float] = {}
        original = pane._apply

        def spy(result, error, text):
            applied.setdefault(text, time.perf_counter())
            original(result, error, text)

        pane._apply = spy
        box = pane.search_box
        box.focus()
        latencies: list[float] = []
        lag = 0.0
        for text in typed:
            box.value = ""
            await asyncio.sleep(0.2)
            applied.clear()
            with LoopLag() as watch:
                for k, ch in enumerate(text):
                    t = time.perf_counter()
                    # A key event, as the terminal driver sends it: the app sees input (its
                    # idle-time work waits) and the box types it.
                    app.post_message(key_event(ch))
                    wanted = text[:k + 1]
                    while wanted not in applied and time.perf_counter() - t < 10:
                        await asyncio.sleep(0.001)
                    latencies.append((applied.get(wanted, time.perf_counter()) - t) * 1000)
                    if os.environ.get("CCA_PROBE_TRACE"):
                        print(f"{wanted!r} {latencies[-1]:.1f}", file=sys.stderr)
                    await asyncio.sleep(max(0.0, TYPING_INTERVAL - (time.perf_counter() - t)))
            lag = max(lag, watch.worst * 1000)
        latencies.sort()
        out["keystroke_results_p50_ms"] = round(latencies[len(latencies) // 2], 1) if latencies else None
        out["keystroke_results_max_ms"] = round(latencies[-1], 1) if latencies else None
        out["loop_stall_ms_max"] = round(lag, 1)
        await pilot.press("ctrl+q")
    return out


def main(argv: list[str]) -> None:
    mode, spawn = argv[0], float(argv[1])
    if mode == "bare":
        result = asyncio.run(bare(spawn))
    else:
        result = asyncio.run(explorer(spawn, argv[2], int(argv[3]), argv[4:]))
    print(json.dumps(result))


if __name__ == "__main__":
    main(sys.argv[1:])
