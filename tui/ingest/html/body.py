"""The main text of a page: headings and paragraphs, without the furniture.

trafilatura finds the article; ``prune`` first cuts what it tends to keep
inside articles; its XML becomes blocks; ``clean_blocks`` drops the lines that
are still chrome (bylines, date rows, "Read also", credits).
"""

from __future__ import annotations

import copy
import logging
import re
import unicodedata
from dataclasses import dataclass

from tui.ingest.html.prune import prune

# trafilatura and htmldate log every page they give up on; the CLI says it better.
for _name in ("trafilatura", "htmldate", "courlan", "justext"):
    logging.getLogger(_name).setLevel(logging.CRITICAL)


@dataclass
class Block:
    """A heading or a paragraph of the main text."""

    kind: str  # "heading" | "para"
    text: str


def prepare(tree, pruned: bool = True):
    """A copy of ``tree`` ready for extraction: furniture cut, loose text in ``<p>``s."""
    from tui.ingest.html.complete import paragraphize

    work = copy.deepcopy(tree)
    if pruned:
        prune(work)
        paragraphize(work)
    return work


def extract_blocks(work, *, url: str | None = None, precision: bool = True) -> list[Block]:
    """trafilatura's main text of the prepared tree ``work`` as blocks."""
    import trafilatura

    work = copy.deepcopy(work)  # trafilatura changes the tree it is given
    try:
        doc = trafilatura.bare_extraction(
            work,
            url=url,
            favor_precision=precision,
            include_comments=False,
            include_tables=True,
            include_images=False,
            include_links=False,
            with_metadata=False,
            deduplicate=False,
        )
    except Exception:  # noqa: BLE001 - a third-party parser must not sink the page
        return []
    body = getattr(doc, "body", None) if doc is not None else None
    return xml_blocks(body) if body is not None else []


def xml_blocks(body) -> list[Block]:
    """trafilatura's XML (head, p, list/item, quote, table/row/cell) → blocks."""
    out: list[Block] = []
    for el in body:
        _element_blocks(el, out)
    return out


def _element_blocks(el, out: list[Block]) -> None:
    tag = el.tag
    if tag == "head":
        out.extend(Block("heading", t) for t in _lines(el))
    elif tag == "list":
        for item in el.iter("item"):
            # Nested lists: an item's own text, its sub-items come as items of their own.
            own = copy.copy(item)
            for sub in own.findall("list"):
                own.remove(sub)
            out.extend(Block("para", t) for t in _lines(own))
    elif tag == "table":
        for row in el.iter("row"):
            cells = [" ".join(" ".join(c.itertext()).split()) for c in row.findall("cell")]
            cells = [c for c in cells if c]
            if cells:
                out.append(Block("para", " | ".join(cells)))
    elif tag == "quote" and len(el) and all(c.tag in ("p", "list", "head", "quote") for c in el):
        for child in el:
            _element_blocks(child, out)
    else:
        out.extend(Block("para", t) for t in _lines(el))


def _lines(el) -> list[str]:
    """The element's text split at ``<lb/>`` (a ``<br>``), whitespace collapsed."""
    parts: list[list[str]] = [[]]

    def walk(e) -> None:
        if e.text:
            parts[-1].append(e.text)
        for child in e:
            if child.tag == "lb":
                parts.append([])
            else:
                walk(child)
            if child.tail:
                parts[-1].append(child.tail)

    walk(el)
    lines = [" ".join("".join(p).split()) for p in parts]
    return [line for line in lines if line]


def norm(text: str) -> str:
    """Casefolded, NFC, words only: for comparing a block with a title."""
    text = unicodedata.normalize("NFC", text).casefold()
    return " ".join(re.findall(r"\w+", text))
