"""Names of the extraction's own steps, so the benchmark can switch each off
and measure what it adds (``python -m benchmarks.web_extract --ablate``).

Everything is on in normal use; ``DISABLED`` is only ever changed by the
benchmark, in its own process.
"""

from __future__ import annotations

STEPS = (
    "prune",  # cut the furniture inside articles before extraction
    "paragraphize",  # <br>-separated loose text → <p>
    "balanced",  # take trafilatura's balanced run when precision lost much text
    "teasers",  # drop link-only paragraphs and teaser-card summaries
    "gaps",  # add body elements skipped between kept paragraphs
    "timestamps",  # keep a live blog's update times
    "chunks",  # take a body split around a gallery whole
    "lead",  # keep the lead paragraph above the body
    "clean",  # drop chrome lines, bylines, date rows, the repeated headline
    "linked-body",  # drop paragraphs JSON-LD articleBody has no trace of
)
DISABLED: set[str] = set()


def on(step: str) -> bool:
    """Is ``step`` enabled?"""
    return step not in DISABLED
