"""One source file → one article record, whatever kind of file it is."""

from __future__ import annotations

import os

from tui.ingest.errors import SourceError
from tui.ingest.files import DEFAULT_MAX_BYTES, decode, read_bytes
from tui.ingest.sanitize import sanitize
from tui.ingest.sniff import NOT_A_SOURCE, binary_format, looks_like_html
from tui.ingest.source import ArticleRecord, parse_source


def load_source(
    path: str | os.PathLike,
    *,
    overrides: dict | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    warnings: list[str] | None = None,
    pages: list[bytes] | None = None,
) -> ArticleRecord:
    """Read and parse one file: an HTML page (by its bytes, or an ``.html`` name)
    through the page extractor, anything else textual as a source text.
    PDFs, Office documents, images and archives are refused by their first
    bytes, whatever their name.  A page's bytes are appended to ``pages`` (the
    library keeps them beside the store).  Raises ``SourceError``."""
    data = read_bytes(path, max_bytes)
    what = binary_format(data)
    if what:
        raise SourceError(path, f"{NOT_A_SOURCE} ({what})")
    if looks_like_html(data, path):
        from tui.ingest.html.record import parse_page

        record = parse_page(data, path=path, overrides=overrides, warnings=warnings)
        if pages is not None:
            pages.append(data)
        return record
    text = decode(data, path, warnings)
    if not sanitize(text).strip():
        raise SourceError(path, "empty file (no text)" if not data.strip() else "no readable text")
    return parse_source(text, path=os.fspath(path), overrides=overrides, warnings=warnings)
