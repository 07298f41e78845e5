"""The bytes of a saved page → text, whatever its charset claims."""

from __future__ import annotations

import codecs
import os
import re

from tui.ingest.errors import SourceError
from tui.ingest.files import add_warning, guess_legacy_encoding

_BOMS = [
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
]
_META_CHARSET = re.compile(rb"""<meta[^>]{0,300}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""", re.IGNORECASE)


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in its first 4 KB (``<meta charset>`` or http-equiv)."""
    m = _META_CHARSET.search(data[:4096])
    return m.group(1).decode("ascii").lower() if m else None


def decode_page(
    data: bytes,
    declared: str | None = None,
    path: str | os.PathLike | None = None,
    warnings: list[str] | None = None,
) -> str:
    """Decode a page: a BOM wins, then valid UTF-8, then the declared charset
    (``declared``, e.g. from an HTTP header, else the page's own meta tag),
    then a Windows-1251/1252 guess with a warning.

    Valid UTF-8 beats a label on purpose: servers and CMSs mislabel pages
    (a ``windows-1251`` header on UTF-8 bytes) far more often than legacy
    text happens to be valid UTF-8.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(encoding, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    for label in (declared, declared_charset(data)):
        if not label:
            continue
        try:
            codec = codecs.lookup(label).name
        except LookupError:
            continue
        if codec == "utf-8":
            continue  # it claimed UTF-8 but is not
        if codec in ("iso8859-1", "ascii"):
            codec = "cp1252"  # as browsers do: latin-1 labels mean Windows-1252
        return data.decode(codec, errors="replace")
    encoding, label = guess_legacy_encoding(data)
    add_warning(warnings, path, f"page is not valid UTF-8 and names no charset; decoded as {label}")
    if not data.strip():
        raise SourceError(path, "empty file")
    return data.decode(encoding, errors="replace")
