"""A saved page (bytes + optional URL) → its article: metadata and main text."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field

from tui.ingest.errors import SourceError
from tui.ingest.html.blocks import Block, norm
from tui.ingest.html.body import extract_blocks, prepare
from tui.ingest.html.complete import complete_blocks
from tui.ingest.html.clean import agree_with_linked_body, clean_blocks
from tui.ingest.html.decode import decode_page
from tui.ingest.html.jsonld import read_linked_data
from tui.ingest.html.meta import PageMeta, read_meta
from tui.ingest.html.fallback import densest_blocks
from tui.ingest.html.steps import on
from tui.ingest.sanitize import sanitize, sanitize_line

FRAGMENT_CHARS = 2000
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)


@dataclass
class Page:
    """What a page yields: its metadata and the blocks of its main text."""

    meta: PageMeta
    blocks: list[Block] = field(default_factory=list)
    linked_body: str | None = None  # JSON-LD articleBody, when the page has one


def parse_html(text: str):
    """An lxml tree of an HTML document (never fetches anything)."""
    from lxml import html as lxml_html

    text = _XML_DECL.sub("", text, count=1)
    if not text.strip():
        return None
    try:
        return lxml_html.document_fromstring(text)
    except Exception:  # noqa: BLE001 - lxml raises ParserError/ValueError on junk
        return None


def extract_page(
    data: bytes | str,
    *,
    url: str | None = None,
    path: str | os.PathLike | None = None,
    warnings: list[str] | None = None,
) -> Page:
    """Read a page's metadata and main text.  Offline: nothing is fetched.

    Raises ``SourceError`` for a document that is not HTML at all.
    """
    text = decode_page(data, path=path, warnings=warnings) if isinstance(data, bytes) else data
    # Controls and escapes go before parsing: lxml refuses some, and none is content.
    text = sanitize(text)
    tree = parse_html(text)
    if tree is None:
        raise SourceError(path, "not an HTML document (nothing to parse)")
    ld = read_linked_data(tree)
    h1 = _headline(tree)
    meta = read_meta(tree, url=url, ld=ld, headline=h1)
    blocks = main_blocks(tree, url=meta.url or url, headline=h1)
    if on("clean"):
        blocks = clean_blocks(blocks, title=meta.title, headline=h1, authors=meta.authors, outlet=meta.outlet)
    if on("linked-body"):
        blocks = agree_with_linked_body(blocks, ld.body)
    return Page(meta=meta, blocks=blocks, linked_body=ld.body)


def main_blocks(tree, *, url: str | None = None, headline: str | None = None) -> list[Block]:
    """The main text: trafilatura on the prepared page, precise first; the
    balanced run when precision kept only a fragment; our own densest-block
    pick when both come back empty; then the body's missing chunks and lead."""
    work = prepare(tree)
    precise = extract_blocks(work, url=url, precision=True)
    # Precision mode sometimes keeps a fragment; only then is the balanced run
    # (which lets more furniture through) the better text.  A long text is no
    # fragment, so the second run is spared.
    short = _size(precise) < FRAGMENT_CHARS
    balanced = extract_blocks(work, url=url, precision=False) if on("balanced") and short else []
    if balanced and _size(precise) < 0.4 * _size(balanced):
        chosen = balanced
    else:
        chosen = precise or balanced
    if not chosen:
        return densest_blocks(tree)
    return complete_blocks(work, chosen, headline)


def _size(blocks: list[Block]) -> int:
    return sum(len(b.text) for b in blocks)


def _headline(tree) -> str | None:
    for el in tree.iter("h1"):
        text = sanitize_line(el.text_content())
        if text and len(text) <= 300:
            return text
    return None


def same_text(a: str, b: str) -> bool:
    """Equal once case, accents-as-composed, punctuation and spacing are ignored."""
    return norm(a) == norm(b)
