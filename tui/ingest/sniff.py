"""What a file is, from its first bytes: HTML, text, or a format we refuse.

Names lie (a saved page called ``article.txt``, a PDF called ``notes.txt``,
a page saved by a browser as ``view?id=5``), so the bytes decide; the suffix
only breaks ties.
"""

from __future__ import annotations

import codecs
import os
import re

HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml")
TEXT_SUFFIXES = (".txt", ".md", ".markdown")
SOURCE_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES

# Formats people may try to ingest by mistake: named, so the refusal says what it saw.
_MAGIC: list[tuple[bytes, int, str]] = [
    (b"%PDF-", 0, "a PDF document; convert it to text first"),
    (b"PK\x03\x04", 0, "a ZIP archive or an Office document (.docx, .odt, .epub); convert it to text first"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 0, "an old Office document (.doc, .xls); save it as text first"),
    (b"{\\rtf", 0, "an RTF document; save it as plain text first"),
    (b"\x89PNG", 0, "a PNG image"),
    (b"\xff\xd8\xff", 0, "a JPEG image"),
    (b"GIF8", 0, "a GIF image"),
    (b"WEBP", 8, "a WebP image"),
    (b"II*\x00", 0, "a TIFF image"),
    (b"MM\x00*", 0, "a TIFF image"),
    (b"ftyp", 4, "a video or audio file (MP4/MOV/HEIC)"),
    (b"ID3", 0, "an MP3 audio file"),
    (b"OggS", 0, "an Ogg audio or video file"),
    (b"\x1f\x8b", 0, "a gzip archive"),
    (b"BZh", 0, "a bzip2 archive"),
    (b"\xfd7zXZ\x00", 0, "an xz archive"),
    (b"7z\xbc\xaf\x27\x1c", 0, "a 7-Zip archive"),
    (b"Rar!\x1a\x07", 0, "a RAR archive"),
    (b"\x7fELF", 0, "a program (ELF executable)"),
    (b"MZ", 0, "a Windows program"),
    (b"SQLite format 3\x00", 0, "an SQLite database"),
]

NOT_A_SOURCE = "not a text or HTML file"
# A text file in a folder whose name says it is something else (data.csv, notes.json).
OTHER_SUFFIX = "not a .txt, .md or .html file"

_BOMS = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
# What may come before the root element of a page: a BOM, whitespace, an XML
# declaration, a doctype, comments.
_PROLOGUE = re.compile(rb"\s*(?:<\?xml[^>]{0,200}\?>\s*)?(?:<!--.*?-->\s*){0,20}", re.DOTALL)
_HTML_START = re.compile(rb"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]", re.IGNORECASE)
_ANY_TAG = re.compile(rb"<(?:p|div|br|span|a|h[1-6]|article|section|table|ul|li|meta|title)[\s/>]", re.IGNORECASE)


def binary_format(data: bytes) -> str | None:
    """What known non-text format ``data`` starts with (``"a PDF document; …"``), or ``None``."""
    if data[:2] == b"MZ" and b"\x00" not in data[:64]:
        return None  # "MZ" followed by text is a text that starts with MZ
    for magic, offset, what in _MAGIC:
        if data[offset : offset + len(magic)] == magic:
            if magic == b"WEBP" and data[:4] != b"RIFF":
                continue
            return what
    return None


def looks_like_html(data: bytes, path: str | os.PathLike | None = None) -> bool:
    """Is ``data`` an HTML document?

    Yes when, after a BOM, an XML declaration and comments, it opens with a
    doctype or an ``<html>``/``<head>``/``<body>`` tag, whatever the file is
    called; and for a file named ``.html``/``.htm`` when it has any common tag
    in its first 64 KB (a fragment saved without its ``<html>``).  A ``.txt``
    that merely quotes a tag stays text.
    """
    head = data[:65536]
    for bom in _BOMS:
        if head.startswith(bom):
            head = head[len(bom) :]
            if bom is not codecs.BOM_UTF8:
                # UTF-16: look at the ASCII bytes only.
                head = head[::2] if bom is codecs.BOM_UTF16_LE else head[1::2]
            break
    start = _PROLOGUE.match(head)
    rest = head[start.end() if start else 0 :]
    if _HTML_START.match(rest):
        return True
    suffix = os.fspath(path).lower() if path is not None else ""
    return suffix.endswith(HTML_SUFFIXES) and bool(_ANY_TAG.search(head))


def has_source_suffix(name: str) -> bool:
    """``.txt``, ``.md``, ``.markdown``, ``.html``, ``.htm``, ``.xhtml``, ``.shtml`` (any case)."""
    return name.lower().endswith(SOURCE_SUFFIXES)
