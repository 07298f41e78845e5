"""A saved page → an article record, like a text source becomes one."""

from __future__ import annotations

import os

from tui.ingest.errors import SourceError
from tui.ingest.html.page import extract_page
from tui.ingest.sanitize import collapse_spaces, sanitize
from tui.ingest.source import ArticleRecord, make_record, read_overrides, render_source


def parse_page(
    data: bytes | str,
    *,
    url: str | None = None,
    path: str | os.PathLike | None = None,
    overrides: dict | None = None,
    warnings: list[str] | None = None,
) -> ArticleRecord:
    """Extract a page's article into a record.

    Metadata precedence: ``overrides`` (the ``ingest`` flags) over what the
    page's markup says (``tui.ingest.html.meta``) over a wire dateline in its
    first paragraph.  ``url`` is where the page came from (a canonical link in
    the page wins over it).  Every text is sanitized as text sources are.
    ``raw`` is the record rendered as a source text (front matter and
    paragraphs), which ``parse_source`` reads back: the page's markup is not
    stored.  Raises ``SourceError`` when the page has no article text.
    """
    path_text = os.fspath(path) if path is not None else None
    over = read_overrides(overrides, path_text)
    page = extract_page(data, url=over.get("url") or url, path=path, warnings=warnings)
    paragraphs = []
    for block in page.blocks:
        # Entities decode after parsing (&#27; is an ESC): sanitize what came out.
        text = collapse_spaces(" ".join(sanitize(block.text).split()))
        if text:
            paragraphs.append({"n": len(paragraphs) + 1, "kind": block.kind, "text": text})
    if not any(p["kind"] == "para" for p in paragraphs):
        raise SourceError(path_text, "no article text found in the page")
    meta = page.meta
    record = make_record(
        title=over.get("title") or meta.title,
        outlet=over.get("outlet") or meta.outlet,
        url=over.get("url") or meta.url,
        published=over.get("published") or meta.published,
        authors=over.get("authors") or meta.authors,
        language=over.get("language") or meta.language,
        paragraphs=paragraphs,
        raw="",
        path=path_text,
        warnings=warnings,
    )
    record["raw"] = render_source(record)
    # Which fields the user gave (the flags): a rebuild from the page keeps these and
    # reads the rest from the page again.
    record["given"] = sorted(over)
    return record
