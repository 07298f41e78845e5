"""Full collections wait for the user to pause (tui/app/idle_gc.py)."""

from __future__ import annotations

from tui.app import idle_gc
from tui.app.idle_gc import IdleCollector


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def collector(counts=(0, 0, idle_gc.FULL_AFTER)):
    clock, collected = Clock(), []
    c = IdleCollector(clock=clock, collect=lambda: collected.append(clock.now), counts=lambda: counts)
    return c, clock, collected


def test_no_full_collection_while_the_user_types():
    c, clock, collected = collector()
    for _ in range(20):  # a key every 0.3 s for six seconds
        clock.now += 0.3
        c.input_seen()
        assert not c.tick()
    assert collected == []


def test_a_due_full_collection_runs_once_the_user_pauses():
    c, clock, collected = collector()
    c.input_seen()
    clock.now += 0.5
    assert not c.tick()
    clock.now += idle_gc.IDLE_SECONDS
    assert c.tick()
    assert collected == [clock.now]


def test_nothing_runs_when_no_full_collection_is_due():
    c, clock, collected = collector(counts=(5, 3, idle_gc.FULL_AFTER - 1))
    clock.now += 10
    assert not c.tick() and collected == []


def test_the_thresholds_leave_full_collections_to_the_idle_collector():
    import gc

    before = gc.get_threshold()
    try:
        IdleCollector().start()
        young, middle, full = gc.get_threshold()
        assert young >= 700 and middle == 10 and full >= 1_000_000
    finally:
        gc.set_threshold(*before)
