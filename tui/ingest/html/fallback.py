"""When the extractor finds nothing: the block of the page densest in prose."""

from __future__ import annotations

from tui.ingest.html.blocks import Block
from tui.ingest.html.prune import prune

_TEXT_TAGS = ("p", "h2", "h3", "h4", "li", "blockquote")
_MIN_PARA = 30


def densest_blocks(tree) -> list[Block]:
    """The paragraphs of the element whose direct ``<p>`` children hold the most
    text (readability's core idea, without its scoring zoo); the whole page's
    paragraphs when no element stands out.  Furniture is pruned first."""
    import copy

    work = copy.deepcopy(tree)
    prune(work)
    for bad in work.xpath("//script|//style|//header|//footer"):
        parent = bad.getparent()
        if parent is not None:
            parent.remove(bad)
    best, best_score = None, 0
    for p in work.iter("p"):
        parent = p.getparent()
        if parent is None:
            continue
        score = sum(len(c.text_content().strip()) for c in parent if c.tag == "p")
        if score > best_score:
            best, best_score = parent, score
    root = best if best is not None else work
    out: list[Block] = []
    for el in root.iter(*_TEXT_TAGS):
        text = " ".join(el.text_content().split())
        if not text or (el.tag in ("p", "li") and len(text) < _MIN_PARA and not out):
            continue
        if el.getparent() is not None and el.getparent().tag in _TEXT_TAGS:
            continue  # inside a block already taken
        out.append(Block("heading" if el.tag.startswith("h") else "para", text))
    if not out and root is not work:
        return densest_blocks_text(work)
    return out


def densest_blocks_text(work) -> list[Block]:
    """Last resort: the page's text, one block per non-empty line."""
    text = work.text_content() if hasattr(work, "text_content") else ""
    return [Block("para", line.strip()) for line in text.splitlines() if len(line.strip()) >= _MIN_PARA]
