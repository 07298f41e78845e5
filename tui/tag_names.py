"""What a tag name may be, the same in every face: typable on a command line and in a query.

A tag is one word as far as the query language and the shell are concerned
(``tag:chapter-3``), so it holds no spaces, quotes or commas (the explorer reads several
tags separated by them), no control or invisible characters, and does not start with
``-`` (``-tag:`` and the explorer's ``-name`` remove a tag). Tags compare case-blind:
``Chapter-3`` is the tag ``chapter-3`` already there.
"""

from __future__ import annotations

import unicodedata

TAG_MAX = 64  # characters


class BadTagName(ValueError):
    """A tag name that breaks the rules; the message says which (for "bad tag name X: …")."""


def check_tag(name: str) -> str:
    """``name`` as stored (NFC, no surrounding blanks); raises ``BadTagName`` saying what is wrong."""
    value = unicodedata.normalize("NFC", name.strip())
    if not value:
        raise BadTagName("a tag needs a name")
    if any(c.isspace() for c in value):
        raise BadTagName("a tag has no spaces (write chapter-3, to-verify)")
    if any(unicodedata.category(c) in ("Cc", "Cf", "Cs", "Co", "Cn") for c in value):
        raise BadTagName("a tag has no control or invisible characters")
    if any(c in value for c in '",'):
        raise BadTagName("a tag has no quotes or commas")
    if value.startswith("-"):
        raise BadTagName("a tag cannot start with - (that removes a tag)")
    if len(value) > TAG_MAX:
        raise BadTagName(f"a tag has at most {TAG_MAX} characters")
    return value


def tag_key(name: str) -> str:
    """What two spellings of one tag share: ``Chapter-3`` and ``chapter-3`` are one tag."""
    return unicodedata.normalize("NFC", name.strip()).casefold()
