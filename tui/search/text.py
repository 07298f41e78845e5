"""Text normalization shared by indexing and querying: case- and accent-blind tokens
(``fold``, in ``tui.folding``, is how every layer compares words)."""

from __future__ import annotations

import re

from tui.folding import fold

__all__ = ["fold", "token_string", "tokens"]

_TOKEN = re.compile(r"\w+")


def tokens(text: str) -> list[str]:
    """Folded word tokens of ``text``."""
    return _TOKEN.findall(fold(text))


def token_string(text: str) -> str:
    """Tokens joined by single spaces, padded: phrases match as `` a b `` substrings."""
    return " " + " ".join(tokens(text)) + " "
