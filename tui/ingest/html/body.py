"""The main text of a page: headings and paragraphs, without the furniture.

trafilatura finds the article; ``prune`` first cuts what it tends to keep
inside articles; its XML becomes blocks; ``clean_blocks`` drops the lines that
are still chrome (bylines, date rows, "Read also", credits).
"""

from __future__ import annotations

import copy
import logging

from tui.ingest.html.blocks import Block
from tui.ingest.html.complete import paragraphize
from tui.ingest.html.prune import prune
from tui.ingest.html.steps import on

# trafilatura and htmldate log every page they give up on; the CLI says it better.
for _name in ("trafilatura", "htmldate", "courlan", "justext"):
    logging.getLogger(_name).setLevel(logging.CRITICAL)


def prepare(tree, pruned: bool = True):
    """A copy of ``tree`` ready for extraction: furniture cut, loose text in ``<p>``s."""
    work = copy.deepcopy(tree)
    if pruned and on("prune"):
        prune(work)
    if pruned and on("paragraphize"):
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
    """trafilatura's output tree → blocks.  Its own XML (head, p, list/item,
    quote, table/row/cell, lb) and, when it fell back to another extractor,
    plain HTML (h2, p, ul/li, blockquote, table/tr/td, br, div) are both read."""
    out: list[Block] = []
    _element_blocks(body, out, top=True)
    return out


_HEADINGS = frozenset(("head", "h1", "h2", "h3", "h4", "h5", "h6"))
_LISTS = frozenset(("list", "ul", "ol", "dl"))
_ITEMS = frozenset(("item", "li", "dt", "dd"))
_TABLES = frozenset(("table",))
_ROWS = frozenset(("row", "tr"))
_CELLS = frozenset(("cell", "td", "th"))
# Elements that hold blocks rather than being one.
_CONTAINERS = frozenset(("body", "div", "section", "article", "main", "quote", "blockquote", "figure", "header",
                         "footer", "aside", "span", "center", "font", "form", "tbody", "thead", "details", "summary"))
_BLOCKS = _HEADINGS | _LISTS | _ITEMS | _TABLES | frozenset(("p", "quote", "blockquote", "div", "section",
                                                             "article", "pre", "code"))


def _has_blocks(el) -> bool:
    return any(isinstance(c.tag, str) and c.tag in _BLOCKS for c in el)


def _element_blocks(el, out: list[Block], top: bool = False) -> None:
    tag = el.tag if isinstance(el.tag, str) else ""
    if tag in _HEADINGS:
        out.extend(Block("heading", t) for t in _lines(el))
    elif tag in _LISTS:
        for item in el:
            if isinstance(item.tag, str) and item.tag in _ITEMS:
                _item_blocks(item, out)
            elif isinstance(item.tag, str):
                _element_blocks(item, out)
    elif tag in _ITEMS:
        _item_blocks(el, out)
    elif tag in _TABLES:
        for row in el.iter(*_ROWS):
            cells = [" ".join(" ".join(c.itertext()).split()) for c in row if isinstance(c.tag, str) and c.tag in _CELLS]
            cells = [c for c in cells if c]
            if cells:
                out.append(Block("para", " | ".join(cells)))
    elif (top or tag in _CONTAINERS or tag == "p") and _has_blocks(el):
        # Loose text between the blocks is a paragraph of its own.
        if el.text and el.text.strip():
            out.append(Block("para", " ".join(el.text.split())))
        for child in el:
            if isinstance(child.tag, str):
                _element_blocks(child, out)
            if child.tail and child.tail.strip():
                out.append(Block("para", " ".join(child.tail.split())))
    else:
        out.extend(Block("para", t) for t in _lines(el))


def _item_blocks(item, out: list[Block]) -> None:
    """A list item's own text, then its sub-lists' items as items of their own."""
    own = copy.copy(item)
    subs = [c for c in own if isinstance(c.tag, str) and c.tag in _LISTS]
    for sub in subs:
        own.remove(sub)
    out.extend(Block("para", t) for t in _lines(own))
    for sub in subs:
        _element_blocks(sub, out)


def _lines(el) -> list[str]:
    """The element's text split at ``<lb/>`` (a ``<br>``), whitespace collapsed."""
    parts: list[list[str]] = [[]]

    def walk(e) -> None:
        if e.text:
            parts[-1].append(e.text)
        for child in e:
            if child.tag in ("lb", "br"):
                parts.append([])
            else:
                walk(child)
            if child.tail:
                parts[-1].append(child.tail)

    walk(el)
    lines = [" ".join("".join(p).split()) for p in parts]
    return [line for line in lines if line]


