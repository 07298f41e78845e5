"""How a process holding a big store treats Python's cycle collector: the faces' policy.

A parsed 10,000-article store is about 1.5 million long-lived containers with no
reference cycles among them. Built while the collector runs, they are walked again by
every young, middle and full collection on the way (0.3 s of an open, 0.6 s of an
ingest); afterwards, by every full collection for as long as they live. So the CLI
and the explorer read a store inside ``loading()``: the collector paused meanwhile, and
what was built then frozen (``gc.freeze``) out of its passes. The library itself never
changes the collector's settings: this is each face's choice for its process.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def loading() -> Iterator[None]:
    """Build long-lived data (a store read, the indexes over it) without collections, then
    freeze everything built out of the collector's passes. Refcounting still frees it
    when it goes (a reload): it holds no cycles."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
        gc.freeze()
    finally:
        if was_enabled:
            gc.enable()
