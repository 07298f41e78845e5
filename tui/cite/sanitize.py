"""Keep article text from ever reaching a terminal or clipboard as control codes.

Titles and paragraphs are data scraped from the web: an ESC sequence in one
could move the cursor, retitle the terminal or, through OSC 52, overwrite the
user's clipboard. The store sanitizes on ingest; this is the second line.
"""

from __future__ import annotations

import re

# ESC-introduced sequences: CSI (ESC [ ... final), OSC/DCS/SOS/PM/APC strings
# (terminated by BEL or ST, or running to the end), and two-byte ESC x.
_ESC_SEQ = re.compile(
    r"""
    \x1b\[[0-?]*[ -/]*[@-~]?                 # CSI
    | \x1b[\]PX^_][^\x07\x1b]*(?:\x07|\x1b\\)?  # OSC, DCS, SOS, PM, APC
    | \x1b[ -/]*[0-~]?                       # nF / Fp / Fe / Fs and a lone ESC
    | \x9b[0-?]*[ -/]*[@-~]?                 # 8-bit CSI (other C1 go below)
    """,
    re.VERBOSE,
)
# Remaining C0 (but tab and newline), DEL, C1, and the bidi embedding/override
# marks that can make a line display differently from what it contains.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_SPACE = re.compile(r"\s+")


def clean_text(text: str) -> str:
    """Strip escape sequences and control characters, keeping newlines and tabs."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL.sub("", _ESC_SEQ.sub("", text))


def clean_field(value: object) -> str:
    """A single-line field: cleaned, whitespace runs collapsed, trimmed."""
    if value is None:
        return ""
    return _SPACE.sub(" ", clean_text(str(value))).strip()
