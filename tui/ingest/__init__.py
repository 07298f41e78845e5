"""Ingest: source files (``.txt``/``.md`` with optional front matter, saved
``.html`` pages) → article records.

Pure Python, no Textual: ``discover`` finds files, ``load_source`` reads one
whatever its kind (``tui.ingest.html`` for pages), ``parse_source`` turns a
text into a record, ``sanitize`` makes any text safe
to store and show.  Bad input raises ``SourceError`` (one line naming the file).

Reading and parsing are loaded on first use: the search query parser needs only
``tui.ingest.sanitize``, and the explorer must not pay for dateutil at start.
"""

from importlib import import_module

# Light, and imported now: ``sanitize`` is also the name of its submodule, which
# would otherwise shadow the function once the submodule is loaded.
from tui.ingest.errors import SourceError, display_path
from tui.ingest.sanitize import sanitize, sanitize_line

_HOMES = {
    "DEFAULT_MAX_BYTES": "files",
    "discover": "files",
    "read_source": "files",
    "load_source": "load",
    "ArticleRecord": "source",
    "Paragraph": "source",
    "content_hash": "source",
    "make_id": "source",
    "parse_source": "source",
    "render_source": "source",
}

__all__ = sorted([*_HOMES, "SourceError", "display_path", "sanitize", "sanitize_line"])


def __getattr__(name: str):
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f"{__name__}.{home}"), name)
    globals()[name] = value
    return value
