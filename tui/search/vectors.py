"""numpy, for the few steps that run over many token places or postings at once."""

from __future__ import annotations

from array import array


def numpy():
    """numpy, imported when first needed: only phrases and short prefixes use it, and it
    takes ~70 ms to import."""
    import numpy as np

    return np


def as_int64(places: array | None):
    """Token places as a numpy array, without copying (every place is below 2**63)."""
    np = numpy()
    return np.frombuffer(places, dtype=np.int64) if places is not None and len(places) else np.empty(0, dtype=np.int64)
