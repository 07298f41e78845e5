"""Quotations: a paragraph or one of its sentences, cited with a paragraph locator."""

from __future__ import annotations

import re

from tui.cite import bibtex, csljson, markdown, ris
from tui.cite.keys import base_key
from tui.cite.sanitize import clean_field
from tui.cite.source import Source
from tui.cite.styles import STYLES, in_text, reference
from tui.cite.titles import nest_quotes
from tui.records import Article


class UnknownParagraph(LookupError):
    """The article has no paragraph (or sentence) with that number."""


_ABBREV = {
    "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "gen", "gov", "sen", "rep", "lt", "col",
    "capt", "sgt", "no", "vs", "etc", "inc", "ltd", "co", "corp", "jan", "feb", "mar", "apr",
    "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "approx", "est",
}
_BOUNDARY = re.compile(r"[.!?][\"”’)]*\s+")


def split_sentences(text: str) -> list[str]:
    """Split a paragraph into sentences, not at "Mr.", "U.S." or an initial."""
    sentences, start = [], 0
    for m in _BOUNDARY.finditer(text):
        end = m.end()
        nxt = text[end : end + 1]
        if not nxt or not (nxt.isupper() or nxt.isdigit() or nxt in "“\"‘("):
            continue
        before = text[start : m.start() + 1].split()
        word = before[-1].rstrip(".").lstrip("(“\"‘").lower() if before else ""
        if text[m.start()] == "." and (word in _ABBREV or len(word) == 1 or re.fullmatch(r"(?:[a-z]\.)+[a-z]", word)):
            continue
        sentences.append(text[start:end].strip())
        start = end
    tail = text[start:].strip()
    if tail:
        sentences.append(tail)
    return sentences


def paragraph_text(article: Article, paragraph_n: int, sentence: int | None = None) -> str:
    """The cleaned text of paragraph ``paragraph_n`` (1-based, headings counted), or one sentence of it."""
    para = article.paragraph(paragraph_n)
    if para is None:
        raise UnknownParagraph(f"article {article.id!r} has no paragraph {paragraph_n}")
    text = clean_field(para.text)
    if sentence is None:
        return text
    sentences = split_sentences(text)
    if not 1 <= sentence <= len(sentences):
        raise UnknownParagraph(f"paragraph {paragraph_n} has {len(sentences)} sentence(s), not {sentence}")
    return sentences[sentence - 1]


def _run_in(text: str, citation: str) -> str:
    """``“text” (citation).`` — the passage's own period moves after the citation."""
    body = nest_quotes(text).rstrip()
    body = body.rstrip(".,;:") if not body.endswith("...") else body
    return f"“{body}” {citation}."


def quotation(src: Source, text: str, paragraph_n: int, style: str) -> str:
    """The quoted passage with its in-text citation, then the full reference on its own line."""
    if STYLES[style].prose:
        return f"{_run_in(text, in_text(src, style, paragraph_n))}\n{reference(src, style)}"
    if style == "bibtex":
        key = base_key(src)
        body = nest_quotes(text).rstrip().rstrip(".,;:")
        return f"\\enquote{{{bibtex.latex_escape(body)}}} \\autocite[para.~{paragraph_n}]{{{key}}}.\n{bibtex.entry(src, key)}"
    if style == "csl-json":
        item = csljson.item(src)
        cite = f"[@{item['id']}, para. {paragraph_n}]"  # pandoc citation syntax
        return f"{_run_in(text, cite)}\n{csljson.dumps([item])}"
    if style == "markdown":
        passage = markdown.md_escape(_run_in(text, f"(para. {paragraph_n})"))
        return f"> {passage}\n>\n> — {markdown.reference(src)}"
    if style == "ris":
        return f"{_run_in(text, f'(para. {paragraph_n})')}\n{ris.record(src)}"
    raise AssertionError(style)  # every registered style is handled above
