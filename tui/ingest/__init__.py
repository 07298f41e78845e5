"""Ingest: source files (``.txt``/``.md`` with optional front matter, saved
``.html`` pages) → article records.

Pure Python, no Textual: ``discover`` finds files, ``load_source`` reads one
whatever its kind (``tui.ingest.html`` for pages), ``parse_source`` turns a
text into a record, ``sanitize`` makes any text safe to store and show.  Bad
input raises ``SourceError`` (one line naming the file).
"""

from tui.ingest.errors import SourceError, display_path
from tui.ingest.files import DEFAULT_MAX_BYTES, discover, read_source
from tui.ingest.load import load_source
from tui.ingest.sanitize import sanitize, sanitize_line
from tui.ingest.source import ArticleRecord, Paragraph, content_hash, make_id, parse_source, render_source

__all__ = [
    "DEFAULT_MAX_BYTES",
    "ArticleRecord",
    "Paragraph",
    "SourceError",
    "content_hash",
    "discover",
    "display_path",
    "load_source",
    "make_id",
    "parse_source",
    "read_source",
    "render_source",
    "sanitize",
    "sanitize_line",
]
