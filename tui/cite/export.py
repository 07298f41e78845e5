"""Many articles at once: reference lists, bibliographies and metadata tables for ``export``."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from typing import Any, Callable, Iterable

from tui.cite import bibtex, csljson, markdown, ris
from tui.cite.keys import assign_keys
from tui.cite.reflist import HEADINGS, reference_list
from tui.cite.sanitize import clean_field
from tui.cite.source import Source
from tui.cite.styles import UnknownStyle, resolve_style
from tui.records import Article

#: What ``format_many`` (and ``cca-tui export --format``) accepts: the prose styles'
#: reference lists, then the bibliography and table formats.
EXPORT_FORMATS = (*HEADINGS, "bibtex", "ris", "csl-json", "markdown", "json", "csv")
_COLUMNS = ("id", "key", "title", "outlet", "url", "published", "authors", "language")


def _metadata(article: Article, key: str) -> dict[str, Any]:
    return {
        "id": clean_field(article.id),
        "key": key,
        "title": clean_field(article.title),
        "outlet": clean_field(article.outlet),
        "url": clean_field(article.url) or None,
        "published": clean_field(article.published) or None,
        "authors": [a for a in (clean_field(x) for x in article.authors) if a],
        "language": clean_field(article.language) or None,
    }


def csv_cell(value: object) -> str:
    """A cell a spreadsheet will not run as a formula (OWASP CSV injection)."""
    if isinstance(value, (list, tuple)):
        text = "; ".join(x if isinstance(x, str) else json.dumps(x, ensure_ascii=False) for x in value)
    else:
        text = "" if value is None else str(value)
    if text[:1] in ("=", "+", "@", "\t", "\r") or (text[:1] == "-" and not text[1:2].isdigit()):
        return "'" + text
    return text


def resolve_format(name: object) -> str:
    """The export format ``name`` means: one of ``EXPORT_FORMATS``, letter case and the
    style names' aliases forgiven (``APA``, ``chicago-bib``, ``csl``). Raises ``UnknownStyle``."""
    if isinstance(name, str):
        key = name.strip().lower()
        if key in EXPORT_FORMATS:
            return key
        try:
            return resolve_style(key)  # every citation style is an export format too
        except UnknownStyle:
            pass
    raise UnknownStyle(name, EXPORT_FORMATS, "export format")


def format_many(articles: Iterable[Article], fmt: str, accessed: date | None = None,
                heading: bool = True, extra: Callable[[Article], dict[str, Any]] | None = None) -> str:
    """All ``articles`` in one export format (see ``EXPORT_FORMATS``), newline-terminated;
    ``extra`` gives more fields for each article's ``json`` record (the user's tags and notes).

    A prose style (``apa``, ``mla``, ``chicago``…) gives its reference list, sorted as the
    style wants, under its heading unless ``heading`` is False (``tui.cite.reflist``); the
    other formats keep the order given. Citation keys are unique across the batch
    (``daryo2024launch``, ``daryo2024launcha``…) and shared by BibTeX, CSL-JSON, JSON and CSV.
    """
    fmt_name = resolve_format(fmt)
    if fmt_name in HEADINGS:
        return reference_list(articles, fmt_name, accessed, heading)
    articles = list(articles)
    sources = [Source.from_article(a, accessed) for a in articles]
    keys = assign_keys(sources)
    if fmt_name == "bibtex":
        return "".join(bibtex.entry(s, k) + "\n\n" for s, k in zip(sources, keys)).rstrip("\n") + "\n" if sources else ""
    if fmt_name == "ris":
        return "".join(ris.record(s) + "\n\n" for s in sources).rstrip("\n") + "\n" if sources else ""
    if fmt_name == "csl-json":
        return csljson.dumps([csljson.item(s, k) for s, k in zip(sources, keys)]) + "\n"
    if fmt_name == "markdown":
        return "".join(f"- {markdown.reference(s)}\n" for s in sources)
    rows = [_metadata(a, k) for a, k in zip(articles, keys)]
    if fmt_name == "json":
        if extra is not None:
            rows = [{**row, **extra(a)} for row, a in zip(rows, articles)]
        return json.dumps(rows, ensure_ascii=False, indent=2) + "\n"
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(_COLUMNS)
    for row in rows:
        writer.writerow([csv_cell(row[c]) for c in _COLUMNS])
    return buf.getvalue()
