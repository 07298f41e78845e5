"""A small, strict front matter parser (a YAML subset, no PyYAML).

Accepted, at the very top of a source (blank lines before it are allowed)::

    ---
    title: "Launch of Central Asia–China Secretariat takes place in Xi’an"
    outlet: Daryo
    url: https://daryo.uz/en/2024/03/31/...
    published: 2024-03-31          # any date python-dateutil reads
    author: Jane Doe               # one author, or a list:
    author: [Jane Doe, "Roe, John"]
    author:
      - Jane Doe
      - John Roe
    language: en
    ---

Rules: one ``key: value`` per line; values may be double-quoted (``\\"`` and
``\\\\`` escapes) or single-quoted (``''`` escape); ``#`` lines and `` # ``
after a value are comments (``#5`` is kept);
the block closes with ``---`` (or ``...``).  One author value is one author —
"A and B" is not split; use a list for several.  Aliases: ``authors`` →
``author``, ``date`` → ``published``, ``lang`` → ``language``.  Unknown keys
are accepted and returned in ``extra`` (the raw text keeps them anyway).
Anything else — an unclosed block, a line that is not ``key: value``, a
duplicate key, a bad quote, a date that does not parse — raises
``SourceError`` with a one-line reason.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tui.ingest.dates import parse_date
from tui.ingest.errors import SourceError
from tui.ingest.sanitize import sanitize_line

KNOWN_KEYS = ("title", "outlet", "url", "published", "author", "language")
ALIASES = {"authors": "author", "date": "published", "lang": "language"}

_FENCE = re.compile(r"^---[ \t]*$")
_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*$")
_KEY_VALUE = re.compile(r"^([A-Za-z_][A-Za-z0-9_-]*)[ \t]*:(?:[ \t]+(.*?))?[ \t]*$")
_LIST_ITEM = re.compile(r"^[ \t]*-[ \t]+(.*?)[ \t]*$|^[ \t]*-[ \t]*$")


@dataclass
class FrontMatter:
    """Metadata read from a front matter block; ``None`` where not given."""

    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: str | None = None  # ISO YYYY-MM-DD
    authors: list[str] = field(default_factory=list)
    language: str | None = None
    extra: dict[str, object] = field(default_factory=dict)


def _short(text: str, limit: int = 40) -> str:
    text = sanitize_line(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def unquote(value: str, where: str) -> str:
    """Strip one level of YAML-style quotes; plain values are returned as is."""
    if not value or value[0] not in "\"'":
        return value
    q = value[0]
    out: list[str] = []
    i = 1
    while i < len(value):
        c = value[i]
        if q == '"' and c == "\\" and i + 1 < len(value):
            out.append(value[i + 1])
            i += 2
            continue
        if c == q:
            if q == "'" and value[i + 1 : i + 2] == "'":
                out.append("'")
                i += 2
                continue
            rest = value[i + 1 :].strip()
            if rest and not rest.startswith("#"):
                raise ValueError(f"{where}: unexpected text after the closing quote")
            return "".join(out)
        out.append(c)
        i += 1
    raise ValueError(f"{where}: unclosed {q} quote")


def _inline_list(value: str, where: str) -> list[str]:
    """Split ``[a, "b, c", 'd']`` into items, respecting quotes."""
    inner = value[1:-1]
    items: list[str] = []
    buf = ""
    quote = ""
    i = 0
    while i < len(inner):
        c = inner[i]
        if quote:
            buf += c
            if c == "\\" and quote == '"' and i + 1 < len(inner):
                buf += inner[i + 1]
                i += 1
            elif c == quote:
                quote = ""
        elif c in "\"'" and not buf.strip():
            quote = c
            buf += c
        elif c == ",":
            items.append(buf.strip())
            buf = ""
        else:
            buf += c
        i += 1
    if quote:
        raise ValueError(f"{where}: unclosed {quote} quote")
    if buf.strip() or items:
        items.append(buf.strip())
    return [unquote(item, where) for item in items if item]


def _strip_comment(value: str) -> str:
    # " # " after an unquoted value starts a comment.  Unlike YAML, "#5" with no
    # space after the hash is kept: titles say "Issue #5".
    if value[:1] in "\"'[":
        return value
    return re.split(r"[ \t]#(?:[ \t]|$)", value, maxsplit=1)[0].rstrip()


def split_front_matter(text: str, path: str | None = None) -> tuple[FrontMatter | None, str]:
    """Split a sanitized source into its front matter and the rest.

    Returns ``(None, text)`` when the source has no front matter.
    """
    lines = text.split("\n")
    start = 0
    while start < len(lines) and not lines[start].strip():
        start += 1
    if start >= len(lines) or not _FENCE.match(lines[start]):
        return None, text
    end = None
    for i in range(start + 1, len(lines)):
        if _CLOSE.match(lines[i]):
            end = i
            break
    if end is None:
        raise SourceError(path, f"front matter opened on line {start + 1} is never closed with '---'")
    try:
        meta = _parse_block(lines[start + 1 : end], first_line=start + 2)
    except ValueError as err:
        raise SourceError(path, f"front matter {err}") from None
    return meta, "\n".join(lines[end + 1 :])


def _parse_block(lines: list[str], first_line: int) -> FrontMatter:
    values: dict[str, object] = {}
    list_key: str | None = None  # the key whose "- item" lines we are reading
    for offset, line in enumerate(lines):
        where = f"line {first_line + offset}"
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        item = _LIST_ITEM.match(line)
        if item:
            if list_key is None:
                raise ValueError(f"{where}: list item without a key above it")
            text = unquote(_strip_comment(item.group(1) or ""), where)
            if text:
                values[list_key].append(text)  # type: ignore[union-attr]
            continue
        m = _KEY_VALUE.match(line)
        if not m:
            raise ValueError(f"{where}: expected 'key: value', got {_short(line)!r}")
        key = m.group(1).lower()
        key = ALIASES.get(key, key)
        if key in values:
            raise ValueError(f"{where}: duplicate key {key!r}")
        raw = _strip_comment(m.group(2) or "")
        list_key = None
        if not raw:
            # An empty value may be followed by "- item" lines.
            values[key] = []
            list_key = key
        elif raw.startswith("[") and raw.endswith("]"):
            values[key] = _inline_list(raw, where)
        else:
            values[key] = unquote(raw, where)
    return _to_front_matter(values)


def _one(values: dict[str, object], key: str) -> str | None:
    value = values.get(key)
    if isinstance(value, list):
        if len(value) > 1:
            raise ValueError(f"{key!r} takes one value, got a list")
        value = value[0] if value else None
    value = sanitize_line(value) if isinstance(value, str) else None
    return value or None


def _to_front_matter(values: dict[str, object]) -> FrontMatter:
    meta = FrontMatter()
    meta.title = _one(values, "title")
    meta.outlet = _one(values, "outlet")
    meta.url = _one(values, "url")
    meta.language = normalize_language(_one(values, "language"))
    published = _one(values, "published")
    if published:
        try:
            meta.published = parse_date(published)
        except ValueError as err:
            raise ValueError(f"'published': {err}") from None
    author = values.get("author")
    items = author if isinstance(author, list) else [author] if isinstance(author, str) else []
    meta.authors = [a for a in (sanitize_line(x) for x in items) if a]
    meta.extra = {k: v for k, v in values.items() if k not in KNOWN_KEYS}
    return meta


_LANGUAGE_NAMES = {
    "english": "en",
    "russian": "ru",
    "chinese": "zh",
    "kazakh": "kk",
    "kyrgyz": "ky",
    "uzbek": "uz",
    "tajik": "tg",
    "turkmen": "tk",
}


def normalize_language(value: str | None) -> str | None:
    """``EN``/``en``/``English`` → ``en``; other values lower-cased as given."""
    if not value:
        return None
    low = value.strip().lower()
    return _LANGUAGE_NAMES.get(low, low.replace("_", "-")) or None


def _quote(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def render_front_matter(
    *,
    title: str | None = None,
    outlet: str | None = None,
    url: str | None = None,
    published: str | None = None,
    authors: list[str] | None = None,
    language: str | None = None,
) -> str:
    """A front matter block that ``split_front_matter`` reads back to the same values.

    Missing values are left out; text values are double-quoted so colons,
    ``#`` and quotes survive.
    """
    lines = ["---"]
    for key, value in (("title", title), ("outlet", outlet), ("url", url)):
        if value:
            lines.append(f"{key}: {_quote(sanitize_line(value))}")
    if published:
        lines.append(f"published: {published}")
    names = [n for n in (sanitize_line(a) for a in authors or []) if n]
    if len(names) == 1:
        lines.append(f"author: {_quote(names[0])}")
    elif names:
        lines.append("author:")
        lines.extend(f"  - {_quote(n)}" for n in names)
    if language:
        lines.append(f"language: {_quote(sanitize_line(language))}")
    lines.append("---")
    return "\n".join(lines) + "\n"
