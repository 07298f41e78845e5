"""The whole parse: one source text → one article record."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from typing import TypedDict
from urllib.parse import urlsplit

from tui.ingest.body import parse_body
from tui.ingest.dateline import Dateline, read_dateline
from tui.ingest.dates import parse_date
from tui.ingest.errors import SourceError
from tui.ingest.frontmatter import FrontMatter, normalize_language, render_front_matter, split_front_matter
from tui.ingest.sanitize import sanitize, sanitize_line


class Paragraph(TypedDict):
    """One numbered block of an article's body."""

    n: int  # 1-based; headings are numbered too
    kind: str  # "heading" | "para"
    text: str


class ArticleRecord(TypedDict):
    """An article as the store keeps it."""

    id: str
    title: str | None
    outlet: str | None
    url: str | None
    published: str | None  # ISO YYYY-MM-DD
    authors: list[str]
    language: str | None
    paragraphs: list[Paragraph]
    raw: str  # the sanitized source, front matter included: derived data can be rebuilt
    content_hash: str
    source_path: str | None
    place: str | None  # where the story was filed, from a wire dateline ("Beijing")


OVERRIDE_KEYS = ("title", "outlet", "url", "published", "author", "authors", "language")
MARKDOWN_SUFFIXES = (".md", ".markdown")


def parse_source(
    text: str,
    *,
    path: str | None = None,
    overrides: dict | None = None,
    markdown: bool | None = None,
    warnings: list[str] | None = None,
) -> ArticleRecord:
    """Parse a source text (front matter optional) into an article record.

    Metadata precedence: ``overrides`` (the ``ingest`` flags) over front matter
    over what the body shows (headline, date line, byline, a wire dateline
    such as "BEIJING, Jan. 12 (Xinhua) --") over what the URL implies (outlet,
    the year of a dateline's date).  ``markdown`` defaults to the path's suffix
    (``.md``); markdown headings (``# ...``) are understood in any source.  A
    dateline whose date has no year, in an article left without a date, adds
    a warning to ``warnings``.  Raises ``SourceError`` — and only that — for
    input that cannot become an article.
    """
    raw = sanitize(text)
    meta, body_text = split_front_matter(raw, path)
    if markdown is None:
        markdown = bool(path) and str(path).lower().endswith(MARKDOWN_SUFFIXES)
    fm = meta or FrontMatter()
    over = read_overrides(overrides, path)
    body = parse_body(body_text, markdown=markdown, find_headline=not fm.title)
    paragraphs = body.paragraphs
    # A page often repeats its headline above the body: not a paragraph.
    if paragraphs and fm.title and _norm(paragraphs[0]["text"]) == _norm(fm.title):
        paragraphs = _renumber(paragraphs[1:])
    if not paragraphs:
        raise SourceError(path, "no article text (only metadata or site boilerplate)")
    url = over.get("url") or fm.url
    return make_record(
        title=over.get("title") or fm.title or body.headline,
        outlet=over.get("outlet") or fm.outlet,
        url=url,
        published=over.get("published") or fm.published or body.published,
        authors=over.get("authors") or fm.authors or body.authors,
        language=over.get("language") or fm.language,
        paragraphs=paragraphs,
        raw=raw,
        path=path,
        warnings=warnings,
    )


def make_record(
    *,
    title: str | None,
    outlet: str | None,
    url: str | None,
    published: str | None,
    authors: list[str],
    language: str | None,
    paragraphs: list,
    raw: str,
    path: str | None = None,
    warnings: list[str] | None = None,
) -> ArticleRecord:
    """An article record from metadata already decided and numbered paragraphs.

    What is still missing is taken from a wire dateline opening the first
    paragraph (outlet, place, a date whose year it or the URL gives), then from
    the URL (outlet).
    """
    line = first_dateline(paragraphs)
    outlet = outlet or (line.outlet if line else None) or outlet_from_url(url)
    if not published and line:
        published = line.date(url)
        if not published and line.month and warnings is not None:
            where = f"{path}: " if path else ""
            warnings.append(
                f"{where}the dateline {line.text!r} gives no year, so the article has no date; "
                "pass --published DATE to date it"
            )
    record: ArticleRecord = {
        "id": make_id(outlet, published, title),
        "title": title,
        "outlet": outlet,
        "url": url,
        "published": published,
        "authors": list(authors),
        "language": language,
        "paragraphs": paragraphs,  # type: ignore[typeddict-item]
        "raw": raw,
        "content_hash": content_hash(paragraphs),
        "source_path": str(path) if path is not None else None,
        "place": line.place if line else None,
    }
    return record


def first_dateline(paragraphs: list) -> Dateline | None:
    """The wire dateline opening the first paragraph, if any."""
    first = next((p for p in paragraphs if p.get("kind") == "para"), None)
    return read_dateline(first["text"]) if first else None


def render_source(record: dict) -> str:
    """A source text (front matter + one paragraph per line) for ``record``.

    ``parse_source`` reads it back with the same metadata and paragraph texts:
    an export that can be ingested again.  Headings are written as markdown
    ``## `` lines so they stay headings.
    """
    head = render_front_matter(
        title=record.get("title"),
        outlet=record.get("outlet"),
        url=record.get("url"),
        published=record.get("published"),
        authors=record.get("authors"),
        language=record.get("language"),
    )
    lines = []
    for p in record.get("paragraphs", []):
        text = " ".join(str(p.get("text", "")).split())
        if text:
            lines.append(f"## {text}" if p.get("kind") == "heading" else text)
    return head + "\n".join(lines) + "\n"


def read_overrides(overrides: dict | None, path: str | None) -> dict:
    """Sanitize and check the ``ingest`` flags; a date that does not parse is an error."""
    out: dict = {}
    for key, value in (overrides or {}).items():
        if value is None or key not in OVERRIDE_KEYS:
            continue
        if key in ("author", "authors"):
            items = [value] if isinstance(value, str) else list(value)
            names = [n for n in (sanitize_line(str(v)) for v in items) if n]
            if names:
                out["authors"] = names
            continue
        text = sanitize_line(str(value))
        if not text:
            continue
        if key == "published":
            try:
                text = parse_date(text)
            except ValueError as err:
                raise SourceError(path, f"--published: {err}") from None
        elif key == "language":
            text = normalize_language(text)
        out[key] = text
    return out


def _renumber(paragraphs: list) -> list:
    return [dict(p, n=i) for i, p in enumerate(paragraphs, 1)]


def _norm(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def content_hash(paragraphs: list) -> str:
    """SHA-256 hex of the normalized body: NFC, whitespace collapsed, casefolded.

    Two sources with the same article text but different metadata or layout
    hash the same, so the store can refuse the second.
    """
    body = "\n".join(_norm(p["text"]) for p in paragraphs)
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


# --- ids ----------------------------------------------------------------------------

# Cyrillic letters of Russian and the Central Asian languages, so their titles
# give readable ids instead of none.
_CYRILLIC = dict(
    zip(
        "абвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқңөұүһіӣӯҳҷў",
        "a b v g d e e zh z i y k l m n o p r s t u f kh ts ch sh shch _ y _ e yu ya a g q n o u u h i i u h j u".split(),
    )
)
_SPECIAL = {"ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i", "ə": "e", "ŋ": "n"}
_APOSTROPHES = re.compile(r"['’ʻʼ`´‘]")
_STOP = {"a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "or", "with", "by", "from", "as"}
TITLE_SLUG_WORDS = 6
_MAX_WORD = 30


def ascii_fold(text: str) -> str:
    """Lower-case ASCII approximation: accents dropped, Cyrillic transliterated by our
    table, every other script (Chinese, Arabic, Greek, Korean, …) by anyascii."""
    out = []
    # Look letters up before decomposing: NFKD would turn й into и + breve.
    for ch in unicodedata.normalize("NFC", text.casefold()):
        if ch.isascii():
            out.append(ch)
        elif ch in _CYRILLIC:
            out.append(_CYRILLIC[ch].strip("_"))
        elif ch in _SPECIAL:
            out.append(_SPECIAL[ch])
        else:
            base = "".join(c for c in unicodedata.normalize("NFKD", ch) if c.isascii())
            out.append(base or _transliterate(ch))
    return "".join(out)


def _transliterate(ch: str) -> str:
    """One character of a script without accents to drop: its romanization ("中" →
    "zhong"), a Chinese character as a word of its own (Chinese writes no spaces, so a
    title would otherwise be one word of 30 letters); a space when there is none."""
    from anyascii import anyascii

    roman = anyascii(ch).lower()
    if not roman:
        return " "
    return f" {roman} " if unicodedata.name(ch, "").startswith("CJK") else roman


def slug_words(text: str | None) -> list[str]:
    """Words of ``text`` for an id: ASCII-folded, apostrophes dropped (Xi’an → xian)."""
    if not text:
        return []
    folded = ascii_fold(_APOSTROPHES.sub("", unicodedata.normalize("NFC", text)))
    return [w[:_MAX_WORD] for w in re.split(r"[^a-z0-9]+", folded) if w]


def slugify(text: str | None, max_words: int | None = None) -> str:
    """``Central Asia–China`` → ``central-asia-china``; ``max_words`` keeps the
    first words, without leading articles or trailing stop words."""
    words = slug_words(text)
    if max_words is not None:
        while words and words[0] in ("a", "an", "the") and len(words) > 1:
            words = words[1:]
        words = words[:max_words]
        while len(words) > 1 and words[-1] in _STOP:
            words = words[:-1]
    return "-".join(words)


def make_id(outlet: str | None, published: str | None, title: str | None) -> str:
    """A readable id: ``{outlet}-{YYYY-MM-DD}-{first six title words}``.

    Missing parts are left out; no title gives ``untitled``.  The store makes
    ids unique (``-2``, ``-3``); this function only makes them readable.
    """
    parts = [slugify(outlet), published or "", slugify(title, TITLE_SLUG_WORDS) or "untitled"]
    return "-".join(p for p in parts if p)


# --- outlets ------------------------------------------------------------------------

# Hosts whose outlet name is not simply the capitalized domain.
KNOWN_OUTLETS = {
    "daryo.uz": "Daryo",
    "kun.uz": "Kun.uz",
    "gazeta.uz": "Gazeta.uz",
    "uza.uz": "UzA",
    "xinhuanet.com": "Xinhua",
    "news.cn": "Xinhua",
    "chinadaily.com.cn": "China Daily",
    "globaltimes.cn": "Global Times",
    "cgtn.com": "CGTN",
    "scmp.com": "South China Morning Post",
    "astanatimes.com": "The Astana Times",
    "inform.kz": "Kazinform",
    "akipress.com": "AKIpress",
    "24.kg": "24.kg",
    "kabar.kg": "Kabar",
    "khovar.tj": "Khovar",
    "rferl.org": "RFE/RL",
    "eurasianet.org": "Eurasianet",
    "thediplomat.com": "The Diplomat",
    "reuters.com": "Reuters",
    "tass.com": "TASS",
}
_SECOND_LEVEL = {"co", "com", "org", "net", "gov", "edu", "ac"}


def outlet_from_url(url: str | None) -> str | None:
    """An outlet name from a URL's host: known hosts by name, else the
    capitalized domain (``https://www.example.org/x`` → ``Example``)."""
    if not url:
        return None
    try:
        host = urlsplit(url if "//" in url else "//" + url).hostname or ""
    except ValueError:
        return None
    labels = [label for label in host.lower().strip(".").split(".") if label]
    # Top-level domains are letters: this also rules out IP addresses.
    if len(labels) < 2 or not labels[-1].isalpha():
        return None
    for i in range(len(labels) - 1):
        known = KNOWN_OUTLETS.get(".".join(labels[i:]))
        if known:
            return known
    if len(labels) >= 3 and labels[-2] in _SECOND_LEVEL and len(labels[-1]) == 2:
        name = labels[-3]
    else:
        name = labels[-2]
    return name.capitalize() if re.fullmatch(r"[a-z0-9-]*[a-z][a-z0-9-]*", name) else None
