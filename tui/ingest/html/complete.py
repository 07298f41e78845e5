"""Repairs to the page before and the text after extraction, for shapes
trafilatura gets wrong on news sites.

- ``paragraphize``: text kept directly in a ``<div>`` and separated by
  ``<br><br>`` (older CMSs, Bitrix) becomes ``<p>`` elements, as readers do,
  so it is not glued to the headline or dropped as "not a paragraph".
- ``complete_blocks``: a body split into several same-named chunks around a
  gallery, a video or an ad (``div.text`` … gallery … ``div.text``) is taken
  whole, not only its first chunk; and a lead paragraph (``p.lead``,
  ``.standfirst``) standing between the headline and the body is kept.
"""

from __future__ import annotations

import re

from lxml import etree

from tui.ingest.html.blocks import Block, norm
from tui.ingest.html.steps import on

_BLOCK_TAGS = frozenset(
    "address article aside blockquote dd details dialog div dl dt fieldset figcaption figure footer form "
    "h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section table ul".split()
)
_PARAGRAPH_MIN = 80  # characters of loose text for a <div> to count as a text container
_TEXT_TAGS = ("p", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre")
# A lead is the article's first paragraph set apart; a subtitle or dek under
# the headline is part of the headline, not of the text.
LEAD_WORDS = frozenset("lead lede standfirst intro introduction annotation anons".split())
_PROSE = 60
LEAD_MAX = 600  # a lead is a sentence or two, not a section


def _loose_text(el) -> int:
    total = len((el.text or "").strip())
    for child in el:
        total += len((child.tail or "").strip())
        if isinstance(child.tag, str) and child.tag not in _BLOCK_TAGS and child.tag != "br":
            total += len(child.text_content().strip())
    return total


def paragraphize(tree) -> int:
    """Turn ``<br>``-separated loose text in containers into ``<p>`` elements; returns how many."""
    made = 0
    for el in list(tree.iter("div", "td", "section", "article", "span", "font")):
        if el.find("br") is None or _loose_text(el) < _PARAGRAPH_MIN:
            continue
        made += _split_at_breaks(el)
    return made


def _split_at_breaks(el) -> int:
    """Rebuild ``el``'s children: runs of inline content between ``<br>``s and
    block children become ``<p>``s; block children stay as they are."""
    groups: list[list] = [[]]  # each: text strings and inline elements
    out: list = []

    def flush() -> None:
        parts = groups[-1]
        if any((p.strip() if isinstance(p, str) else True) for p in parts):
            p = etree.Element("p")
            last = None
            for part in parts:
                if isinstance(part, str):
                    if last is None:
                        p.text = (p.text or "") + part
                    else:
                        last.tail = (last.tail or "") + part
                else:
                    p.append(part)
                    last = part
            if " ".join(p.itertext()).strip():
                out.append(p)
        groups.append([])

    if el.text:
        groups[-1].append(el.text)
    for child in list(el):
        tail = child.tail
        child.tail = None
        if not isinstance(child.tag, str):
            pass  # comments and processing instructions go
        elif child.tag == "br":
            flush()
        elif child.tag in _BLOCK_TAGS:
            flush()
            out.append(child)
        else:
            groups[-1].append(child)
        if tail:
            groups[-1].append(tail)
    flush()
    made = sum(1 for x in out if x.tag == "p" and x.getparent() is None)
    for child in list(el):
        el.remove(child)
    el.text = None
    for x in out:
        el.append(x)
    return made


# --- after extraction ---------------------------------------------------------------


def _text(el) -> str:
    return " ".join(el.text_content().split())


def complete_blocks(tree, blocks: list[Block], headline: str | None = None) -> list[Block]:
    """Add the body's other chunks and a lead paragraph trafilatura left out."""
    if not blocks:
        return blocks
    order = {el: i for i, el in enumerate(tree.iter())}
    by_text: dict[str, object] = {}
    for el in tree.iter(*_TEXT_TAGS, "div"):
        # A <div> stands for its text only when no block inside it does.
        if el.tag == "div" and any(isinstance(c.tag, str) and c.tag in _BLOCK_TAGS for c in el):
            continue
        by_text.setdefault(norm(_text(el)), el)
    matched = [by_text.get(norm(b.text)) for b in blocks]
    # A paragraph that is one link ("Read also: <a>…</a>") is a pointer, not text.
    # So is a teaser card's summary: a short text beside a headline that is a link.
    teasers = on("teasers")
    pairs = [(b, el) for b, el in zip(blocks, matched) if el is None or not (teasers and (_link_only(el) or _in_teaser(el)))]
    blocks, matched = [b for b, _ in pairs], [el for _, el in pairs]
    found = [m for m in matched if m is not None]
    if not found:
        return blocks
    have = {norm(b.text) for b in blocks}
    if on("gaps"):
        blocks, matched = _fill_gaps(blocks, matched, order, have)
    if on("timestamps"):
        blocks = _timestamps(blocks, matched, order)
    found = [m for m in matched if m is not None]
    if on("chunks"):
        blocks = _other_chunks(blocks, found, order, have)
    return _lead(tree, blocks, found, order, have, headline) if on("lead") else blocks


def _ancestors(el) -> list:
    out = []
    while el is not None:
        out.append(el)
        el = el.getparent()
    return out


def _container(found: list):
    """The lowest element holding every matched block (never a paragraph itself)."""
    common = _ancestors(found[0])
    for el in found[1:]:
        chain = set(_ancestors(el))
        common = [a for a in common if a in chain]
    for el in common:
        if el.tag not in _TEXT_TAGS:
            return el
    return None


def _chunk_blocks(chunk, have: set[str]) -> list[Block]:
    out = []
    for el in chunk.iter(*_TEXT_TAGS):
        if any(a.tag in _TEXT_TAGS for a in _ancestors(el.getparent())):
            continue
        text = _text(el)
        if text and norm(text) not in have and not _link_only(el) and not _in_teaser(el):
            out.append(Block("heading" if el.tag[0] == "h" else "para", text))
    return out


# Layout classes say nothing about what a box holds: two "row"s are not one text.
_LAYOUT_CLASS = re.compile(r"^(?:row|col|column|container|wrapper|wrap|inner|outer|clearfix|grid|section|block|box)(?:[-_].*)?$")


def _has_prose(el) -> bool:
    return any(len(_text(p)) >= _PROSE and not _link_only(p) for p in el.iter("p"))


def _other_chunks(blocks: list[Block], found: list, order: dict, have: set[str]) -> list[Block]:
    """The body's other chunks: the box's siblings of the same tag and class,
    in the unbroken run around it (anything else with prose in between ends
    the run), unless the class is only a layout class."""
    box = _container(found)
    if box is None or box.getparent() is None or not box.get("class"):
        return blocks
    if all(_LAYOUT_CLASS.match(c) for c in box.get("class", "").split()):
        return blocks
    siblings = [c for c in box.getparent() if isinstance(c.tag, str)]
    at = siblings.index(box)

    def same(el) -> bool:
        return el.tag == box.tag and el.get("class") == box.get("class")

    def run(indexes) -> list:
        out = []
        for i in indexes:
            el = siblings[i]
            if same(el):
                if _has_prose(el):
                    out.append(el)
            elif _has_prose(el):
                break  # a different box with text: the body ended
        return out

    def chunk(el) -> list[Block]:
        new = [b for b in _chunk_blocks(el, have)]
        have.update(norm(b.text) for b in new)
        return new

    before = [b for el in reversed(run(range(at - 1, -1, -1))) for b in chunk(el)]
    after = [b for el in run(range(at + 1, len(siblings))) for b in chunk(el)]
    return before + blocks + after


def _link_text(el) -> int:
    return sum(len(" ".join(a.text_content().split())) for a in el.iter("a"))


def _link_only(el) -> bool:
    text = _text(el)
    return bool(text) and len(text) < 300 and _link_text(el) >= 0.6 * len(text)


def _in_teaser(el) -> bool:
    """Is ``el`` the summary of a teaser card: a small box holding little but a
    headline that is a link and this line (and perhaps a date)?"""
    own = len(_text(el))
    node = el.getparent()
    for _ in range(2):
        if node is None or node.tag in ("body", "article", "main"):
            return False
        heads = [h for h in node.iter("h2", "h3", "h4", "h5", "h6") if el not in _ancestors(h)]
        if heads:
            linked = [h for h in heads if _text(h) and _link_text(h) >= 0.9 * len(_text(h))]
            small = len(_text(node)) <= own + sum(len(_text(h)) for h in heads) + 80
            return bool(linked) and small
        node = node.getparent()
    return False


# What precision mode drops for its shape, not its quality: headings and list
# items.  A paragraph it dropped between kept ones (a caption, a promo) it
# dropped on purpose.
_GAP_TAGS = ("h2", "h3", "h4", "h5", "h6", "li")


def _fill_gaps(blocks: list[Block], matched: list, order: dict, have: set[str]) -> tuple[list[Block], list]:
    """Headings and list items inside the body that the extractor skipped
    between two paragraphs it kept (a "Key projects" heading and its list):
    in a body, what stands between text is text, unless it is links."""
    found = [el for el in matched if el is not None]
    box = _container(found)
    if box is None or len(found) < 2:
        return blocks, matched
    first = min(order.get(el, 0) for el in found)
    last = max(order.get(el, 0) for el in found)
    taken = set(found)
    gaps = []
    for el in box.iter(*_GAP_TAGS):
        i = order.get(el, 0)
        if not first < i < last or el in taken or any(a in taken for a in _ancestors(el.getparent())):
            continue
        if el.getparent() is not None and any(a.tag in _TEXT_TAGS for a in _ancestors(el.getparent())):
            continue  # inside a block that is itself a candidate
        text = _text(el)
        if not text or norm(text) in have or _link_text(el) > 0.5 * len(text) or (on("teasers") and _in_teaser(el)):
            continue
        if el.tag in ("li", "blockquote") and el.xpath(".//p|.//li") and el.tag != "li":
            continue
        gaps.append((i, Block("heading" if el.tag[0] == "h" else "para", text), el))
        have.add(norm(text))
    if not gaps:
        return blocks, matched
    positions = [order.get(el) if el is not None else None for el in matched]
    out_blocks: list[Block] = []
    out_matched: list = []
    pending = sorted(gaps, key=lambda g: g[0])
    for block, el, at in zip(blocks, matched, positions):
        while at is not None and pending and pending[0][0] < at:
            _, gap_block, gap_el = pending.pop(0)
            out_blocks.append(gap_block)
            out_matched.append(gap_el)
        out_blocks.append(block)
        out_matched.append(el)
    return out_blocks, out_matched


_TIME = re.compile(r"^(?:[01]?\d|2[0-3])[:.][0-5]\d$")


def _timestamps(blocks: list[Block], matched: list, order: dict) -> list[Block]:
    """A live blog's update times ("11:45") standing between the updates the
    extractor kept: they say when each update was written."""
    found = [(order.get(el, 0), i) for i, el in enumerate(matched) if el is not None]
    if len(found) < 2:
        return blocks
    box = _container([el for el in matched if el is not None])
    if box is None:
        return blocks
    first, last = found[0][0], found[-1][0]
    stamps = []
    for el in box.iter():
        i = order.get(el, 0)
        if not (first < i < last) or not isinstance(el.tag, str) or len(el):
            continue
        text = (el.text or "").strip()
        if _TIME.match(text):
            stamps.append((i, text))
    if len(stamps) < 2:
        return blocks  # one time in a body is a video's length or an "updated" note, not a live blog
    out: list[Block] = []
    pending = list(stamps)
    position = {i: pos for pos, i in found}
    for k, block in enumerate(blocks):
        at = position.get(k)
        while at is not None and pending and pending[0][0] < at:
            out.append(Block("para", pending.pop(0)[1]))
        out.append(block)
    return out


def _is_lead(el) -> bool:
    name = f"{el.get('class') or ''} {el.get('id') or ''}".lower().replace("_", "-")
    words = {w for part in name.split() for w in part.split("-") if w}
    return bool(words & LEAD_WORDS)


def _lead(tree, blocks: list[Block], found: list, order: dict, have: set[str], headline: str | None) -> list[Block]:
    first = min(order.get(el, 0) for el in found)
    holders = {a for el in found for a in _ancestors(el)}
    h1 = next(iter(tree.iter("h1")), None)
    start = order.get(h1, -1) if h1 is not None else -1
    for el in tree.iter():
        i = order.get(el, 0)
        if i >= first:
            break
        if i <= start or not isinstance(el.tag, str) or el in holders or not _is_lead(el):
            continue
        text = _text(el)
        if not 40 <= len(text) <= LEAD_MAX or norm(text) in have or (headline and norm(text) == norm(headline)):
            continue
        return [Block("para", text)] + blocks
    return blocks
