"""From the text under the front matter to numbered paragraphs.

One pass decides, in order: which lines are site boilerplate (dropped), whether
the first line is the headline (metadata), which of the first lines are a
date line or a byline (metadata), how lines group into paragraphs, and which
paragraphs are headings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tui.ingest.dates import date_line
from tui.ingest.sanitize import collapse_spaces

# --- boilerplate ----------------------------------------------------------------
#
# Site chrome that pages put around an article.  Each entry is (name, pattern,
# longest line it may match): the pattern must match the *whole* stripped line,
# case-insensitively, and the length cap keeps a real paragraph that happens to
# start with "Follow" or "Subscribe" from being dropped.
BOILERPLATE: list[tuple[str, str, int]] = [
    (
        "social follow",
        r"(?:follow|join|find|like|subscribe to)\b.{0,120}?\b(?:instagram|twitter|telegram|facebook|"
        r"youtube|linkedin|tiktok|whatsapp|vkontakte|vk|threads|x\.com|weibo|wechat)\b.*",
        200,
    ),
    ("comments", r"comments?\s*(?:\(\s*\d+\s*\)|\[\s*\d+\s*\]|:?\s*\d+)?|\d+\s+comments?"
     r"|(?:leave|add|post|write) a comment\b.*|no comments(?: yet)?\W*", 60),
    ("back to top", r"(?:back|scroll|go) to (?:the )?top\W*", 30),
    ("sign up", r"sign (?:up|in)\b.*|log ?in(?: to| with)?\b.*", 160),
    ("subscribe", r"subscribe\b.*", 160),
    ("share", r"share(?: this)?(?: article| story| post| page| news)?(?: on| via)?\W*"
     r"(?:(?:facebook|twitter|telegram|whatsapp|e-?mail|x|linkedin|vk|copy link)\W*)*", 100),
    ("read more", r"(?:read|see) (?:more|also)(?:\s*[:>»|–—-].*)?|also read\s*:.*"
     r"|related(?: articles| news| stories| posts| topics| coverage| reading)?(?:\s*:\s*\S.*|\s*:?)|you (?:may|might) also (?:like|be interested in)\b.*"
     r"|recommended(?: for you)?\s*:?|more (?:news|stories) (?:on|from|about)\b.*", 200),
    ("advertisement", r"advertisement|advertising|sponsored(?: content)?|ad|promo(?:tion)?", 30),
    ("rights reserved", r".*\ball rights reserved\b.*", 200),
    ("copyright", r"(?:©|\(c\)|copyright\b).*", 200),
    ("media credit", r"(?:(?:cover |main |top )?(?:photo|photos|image|images|picture|video|illustration)s?"
     r"(?: credit)?\s*[:/|–—-]\s*\S.*)|(?:photo|image|video)s? (?:by|courtesy of|from)\s+\S.*", 120),
    ("tags", r"(?:tags?|keywords?|topics?)\s*:.*", 300),
    ("print or email", r"print(?: this(?: article| page)?)?|e-?mail(?: this(?: article| page)?)?|send by e-?mail", 30),
    ("previous or next", r"(?:previous|next|prev)(?: article| post| story| news)\b.*|(?:previous|next|prev)\W*", 120),
    ("error report", r"if you (?:find|see|notice|spot) (?:an? )?(?:error|mistake|typo)s?\b.*", 200),
    ("cookies", r"(?:this (?:site|website) uses|we use) cookies\b.*", 300),
    ("app promo", r"(?:download|get|install) (?:our|the) (?:mobile )?app\b.*", 160),
    ("click here", r"(?:click|tap) here\b.*", 160),
    ("loading", r"loading(?:\.\.\.|…)?", 20),
]

# A line after which the rest of the body is a reference list, not article text.
TAIL_MARKERS: list[tuple[str, str, int]] = [
    ("references", r"references?\s*:?|reference\(s\)\s*:?|reference list\s*:?", 30),
]

_BOILERPLATE = [(name, re.compile(pattern, re.IGNORECASE), cap) for name, pattern, cap in BOILERPLATE]
_TAIL = [(name, re.compile(pattern, re.IGNORECASE), cap) for name, pattern, cap in TAIL_MARKERS]
# One combined pattern rejects ordinary lines in a single match.
_ANY_BOILERPLATE = re.compile("|".join(f"(?:{p})" for _, p, _ in BOILERPLATE), re.IGNORECASE)
_LONGEST = max(cap for _, _, cap in BOILERPLATE + TAIL_MARKERS)


def boilerplate_kind(line: str) -> str | None:
    """Name of the boilerplate pattern ``line`` matches, or ``None``."""
    text = line.strip()
    if len(text) > _LONGEST or not _ANY_BOILERPLATE.fullmatch(text):
        return None
    for name, pattern, cap in _BOILERPLATE:
        if len(text) <= cap and pattern.fullmatch(text):
            return name
    return None


def _is_tail_marker(line: str) -> bool:
    text = line.strip()
    if len(text) > _LONGEST:
        return False
    return any(len(text) <= cap and pattern.fullmatch(text) for _, pattern, cap in _TAIL)


# --- line shapes ------------------------------------------------------------------

HEADLINE_MAX_WORDS = 20
HEADLINE_MAX_CHARS = 160
HEADING_MAX_WORDS = 12
HEADING_MAX_CHARS = 100

_CLOSERS = "\"'”’»)]*_"
_LIST_MARKER = re.compile(r"^(?:[-*+•·–—]\s|\d{1,3}[.)]\s)")
_MD_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$")
_RULE = re.compile(r"^\s*(?:(?:-\s*){3,}|(?:\*\s*){3,}|(?:_\s*){3,}|(?:=\s*){3,})$")


def _last_char(text: str) -> str:
    stripped = text.rstrip().rstrip(_CLOSERS)
    return stripped[-1:] if stripped else ""


def _has_letter(text: str) -> bool:
    return any(c.isalpha() for c in text)


def is_headline(line: str) -> bool:
    """A short line with no final full stop (or comma, colon, semicolon)."""
    text = line.strip()
    return (
        0 < len(text) <= HEADLINE_MAX_CHARS
        and len(text.split()) <= HEADLINE_MAX_WORDS
        and _last_char(text) not in (".", ",", ";", ":", "…")
        and _has_letter(text)
    )


def is_heading(text: str) -> bool:
    """A short line without final punctuation: a section heading."""
    text = text.strip()
    if not text or len(text) > HEADING_MAX_CHARS or len(text.split()) > HEADING_MAX_WORDS:
        return False
    if _last_char(text) in tuple(".,;:!?…"):
        return False
    first = text[0]
    # A lower-case start is a fragment; a dash or bullet is a list item or an attribution.
    if first.islower() or _LIST_MARKER.match(text) or first in "-–—•·*([{":
        return False
    # A date alone on a line is a dateline, not a section.
    return _has_letter(text) and date_line(text) is None


_BYLINE = re.compile(r"^by\s+(.{2,120})$", re.IGNORECASE)
_NAME = re.compile(r"^[^\W\d_][\w.'’-]*(?:\s+[^\W\d_][\w.'’-]*){0,4}$")


def byline_authors(line: str) -> list[str] | None:
    """``By Jane Doe and John Roe`` → ``["Jane Doe", "John Roe"]``; else ``None``."""
    m = _BYLINE.match(line.strip())
    if not m:
        return None
    names = [n.strip() for n in re.split(r",\s*|\s+and\s+|\s*&\s*", m.group(1).rstrip(". ")) if n.strip()]
    if not names or not all(_NAME.match(n) and n[0].isupper() for n in names):
        return None
    return names


# --- markdown ---------------------------------------------------------------------

# Bounded repetitions: an unbounded ``[^\]]*`` rescans the rest of a line from
# every "[" and a hostile 5 MB line of brackets would take hours.
_MD_IMAGE_LINE = re.compile(r"^\s*!\[[^\]\n]{0,500}\]\([^()\s]{0,2000}\)\s*$")
_MD_LINK = re.compile(r"!?\[([^\[\]\n]{0,500})\]\((?:[^()\s]|\([^()\s]{0,200}\)){0,2000}(?:\s+\"[^\"\n]{0,200}\")?\)")
_MD_STRONG = re.compile(r"\*\*(?=\S)([^*\n]{1,200}?)(?<=\S)\*\*|__(?=\S)([^_\n]{1,200}?)(?<=\S)__")
_MD_EM = re.compile(
    r"(?<![\w*])\*(?=\S)([^*\n]{1,200}?)(?<=\S)\*(?![\w*])|(?<![\w_])_(?=\S)([^_\n]{1,200}?)(?<=\S)_(?![\w_])"
)
_MD_CODE = re.compile(r"`([^`\n]{1,500})`")
_MD_QUOTE = re.compile(r"^\s{0,3}>\s?")


def strip_markdown_inline(text: str) -> str:
    """Links to their text, emphasis and code markers removed; the words stay."""
    text = _MD_LINK.sub(lambda m: m.group(1), text)
    text = _MD_STRONG.sub(lambda m: m.group(1) or m.group(2), text)
    text = _MD_EM.sub(lambda m: m.group(1) or m.group(2), text)
    return _MD_CODE.sub(lambda m: m.group(1), text)


# --- the body ---------------------------------------------------------------------


@dataclass
class Body:
    """What the body yields: metadata found in it and its paragraphs."""

    headline: str | None = None
    published: str | None = None
    authors: list[str] = field(default_factory=list)
    paragraphs: list[dict] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)  # boilerplate names, for diagnostics


@dataclass
class _Line:
    text: str
    heading: bool = False  # a markdown heading: a heading whatever its shape
    alone: bool = False  # never joined with its neighbours (headings, list items)
    level: int = 0  # markdown heading level


def parse_body(text: str, *, markdown: bool = False, find_headline: bool = True) -> Body:
    """Split sanitized body text into paragraphs and the metadata lines at its top.

    ``find_headline``: take the first line as the headline when it looks like
    one (callers pass ``False`` when front matter already gives a title; a first
    line equal to that title is still dropped by the caller).
    """
    body = Body()
    lines = _prepare(text.split("\n"), markdown, body)
    _take_top_metadata(lines, body, find_headline)
    body.paragraphs = _paragraphs(lines)
    return body


def _prepare(raw_lines: list[str], markdown: bool, body: Body) -> list[_Line | None]:
    """Lines with boilerplate dropped and markdown resolved; ``None`` is a blank line."""
    out: list[_Line | None] = []
    seen_text = False
    for raw in raw_lines:
        line = raw.strip()
        if not line or _RULE.match(line):
            out.append(None)
            continue
        if markdown:
            if _MD_IMAGE_LINE.match(line):
                out.append(None)
                continue
            line = _MD_QUOTE.sub("", line).strip()
            line = strip_markdown_inline(line).strip()
            if not line:
                out.append(None)
                continue
        if seen_text and _is_tail_marker(line):
            body.dropped.append("references")
            break
        kind = boilerplate_kind(line)
        if kind:
            body.dropped.append(kind)
            continue
        heading = _MD_HEADING.match(line)
        if heading:
            text = heading.group(2).strip()
            if not text:
                out.append(None)
                continue
            out.append(_Line(text, heading=True, alone=True, level=len(heading.group(1))))
        else:
            out.append(_Line(line, alone=bool(_LIST_MARKER.match(line))))
        seen_text = True
    return out


def _take_top_metadata(lines: list[_Line | None], body: Body, find_headline: bool) -> None:
    """Headline, date line and byline among the first three lines become metadata."""
    top = [i for i, line in enumerate(lines) if line is not None][:3]
    if not top:
        return
    first = lines[top[0]]
    assert first is not None
    if find_headline and len(top) > 1 and date_line(first.text) is None and byline_authors(first.text) is None:
        explicit = first.heading and first.level == 1
        if explicit or (not first.heading and is_headline(first.text)):
            body.headline = collapse_spaces(first.text)
            lines[top[0]] = None
    for i in top:
        line = lines[i]
        if line is None or line.heading:
            continue
        when = date_line(line.text)
        if when:
            body.published = body.published or when
            lines[i] = None
            continue
        authors = byline_authors(line.text)
        if authors and not body.authors:
            body.authors = authors
            lines[i] = None


def _blocks(lines: list[_Line | None]) -> list[list[_Line]]:
    blocks: list[list[_Line]] = [[]]
    for line in lines:
        if line is None:
            if blocks[-1]:
                blocks.append([])
        else:
            blocks[-1].append(line)
    return [b for b in blocks if b]


# A hard-wrapped text has lines no longer than this (80 is typical; be generous).
WRAP_MAX_CHARS = 120


def _paragraphs(lines: list[_Line | None]) -> list[dict]:
    blocks = _blocks(lines)
    plain = [line.text for b in blocks for line in b if not line.alone]
    width = max((len(t) for t in plain), default=0)
    # Hard-wrapped: paragraphs are separated by blank lines and no line is long.
    # Otherwise (the seed's shape) every line is its own paragraph.
    wrapped = len(blocks) > 1 and 0 < width <= WRAP_MAX_CHARS
    # Each unit is a first line and the lines wrapped from it (a list, not
    # repeated string concatenation, which is quadratic on a huge block).
    units: list[tuple[_Line, list[str]]] = []
    for block in blocks:
        for i, line in enumerate(block):
            if i and wrapped and _continues(units[-1], line, width):
                units[-1][1].append(line.text)
            else:
                units.append((line, [line.text]))
    paragraphs = []
    for first, parts in units:
        text = collapse_spaces(" ".join(parts))
        if not text:
            continue
        kind = "heading" if first.heading or is_heading(text) else "para"
        paragraphs.append({"n": len(paragraphs) + 1, "kind": kind, "text": text})
    return paragraphs


def _continues(unit: tuple[_Line, list[str]], line: _Line, width: int) -> bool:
    """Was ``line`` wrapped from the unit above it?  Greedy wrapping moves a word
    to the next line only when it does not fit, so the next line's first word
    would overflow the current line; a short heading above a paragraph fails
    this test.  A lower-case start continues an unfinished sentence (or a list item)."""
    first, parts = unit
    if first.heading or line.alone:
        return False
    if line.text[:1].islower() and _last_char(parts[-1]) not in (".", "!", "?"):
        return True
    if first.alone:
        return False
    first_word = line.text.split(" ", 1)[0]
    return len(parts[-1]) + 1 + len(first_word) > width
