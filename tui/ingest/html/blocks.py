"""What a page's main text is made of: headings and paragraphs, as blocks."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass


@dataclass
class Block:
    """A heading or a paragraph of the main text."""

    kind: str  # "heading" | "para"
    text: str


def norm(text: str) -> str:
    """Casefolded, NFC, words only: for comparing a block with a title."""
    text = unicodedata.normalize("NFC", text).casefold()
    return " ".join(re.findall(r"\w+", text))
