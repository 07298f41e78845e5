"""Full garbage collections only while the user is idle: the explorer's policy.

Rendering leaves tens of thousands of small cyclic objects a second while typing, so the
cycle collector keeps running. Its young and middle passes are short (3–5 ms with these
thresholds; 7,000 × 20 made them 15–30 ms), but a full pass at 10,000 articles took
15–30 ms and landed in the middle of a keystroke's results. So automatic full passes are
off, and one runs when no key or mouse event has come for a second (how a store is loaded:
``tui.collector``).
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable

# Young collections less often (default 700); middle ones after 10 young ones, as by default;
# full ones never by themselves (see IdleCollector).
THRESHOLDS = (2000, 10, 1_000_000)
IDLE_SECONDS = 1.0
CHECK_SECONDS = 1.0
FULL_AFTER = 10  # middle-generation passes since the last full one (default: 10)


class IdleCollector:
    """Runs ``gc.collect()`` on ``tick`` once the user has been idle and a full pass is due."""

    def __init__(self, clock: Callable[[], float] = time.monotonic, collect: Callable[[], object] = gc.collect,
                 counts: Callable[[], tuple[int, int, int]] = gc.get_count):
        self._clock = clock
        self._collect = collect
        self._counts = counts
        self._last_input = clock()

    def start(self) -> None:
        gc.set_threshold(*THRESHOLDS)

    def input_seen(self) -> None:
        self._last_input = self._clock()

    def tick(self) -> bool:
        """Collect if idle for ``IDLE_SECONDS`` and ``FULL_AFTER`` middle passes have run; True if it did."""
        if self._clock() - self._last_input < IDLE_SECONDS or self._counts()[2] < FULL_AFTER:
            return False
        self._collect()
        return True
