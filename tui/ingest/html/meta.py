"""A page's metadata from its own markup: title, outlet, date, authors, URL, language.

Each field takes the first source that has it, in the order sites get them
right most often (Open Graph and JSON-LD are written for machines; ``<title>``
carries the site's name; visible text comes last).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

from tui.ingest.dates import date_line, parse_date
from tui.ingest.frontmatter import normalize_language
from tui.ingest.html.jsonld import LinkedData
from tui.ingest.sanitize import sanitize_line
from tui.ingest.source import outlet_from_url


@dataclass
class PageMeta:
    """Metadata of one page; ``None`` (or empty) where the page does not say."""

    title: str | None = None
    outlet: str | None = None
    published: str | None = None  # ISO YYYY-MM-DD
    authors: list[str] = field(default_factory=list)
    url: str | None = None
    language: str | None = None


def read_meta(tree, *, url: str | None, ld: LinkedData, headline: str | None) -> PageMeta:
    """Read the metadata of the parsed page ``tree`` (lxml); ``url`` is where it came
    from (if known), ``headline`` its visible ``<h1>``."""
    meta = PageMeta()
    meta.url = _page_url(tree, url, ld)
    title_tag = _clean(_first_text(tree, "//title"))
    sites = [s for s in (_meta(tree, "og:site_name"), ld.publisher, _meta(tree, "application-name"),
                         outlet_from_url(meta.url or url)) if s]
    for candidate in (_meta(tree, "og:title"), ld.headline, _meta(tree, "twitter:title"), title_tag, headline):
        title = strip_site_name(candidate, sites, headline) if candidate else None
        if title:
            meta.title = title
            break
    suffix_site = site_from_title(title_tag, headline or meta.title)
    meta.outlet = next((s for s in (_meta(tree, "og:site_name"), ld.publisher, suffix_site,
                                    outlet_from_url(meta.url or url)) if s), None)
    meta.published = _published(tree, ld, meta.url or url)
    meta.authors = _authors(tree, ld, meta.outlet)
    meta.language = _language(tree, ld)
    return meta


# --- helpers ----------------------------------------------------------------------


def _clean(text: str | None) -> str | None:
    text = sanitize_line(text) if text else ""
    return text or None


def _first_text(tree, xpath: str) -> str | None:
    for el in tree.xpath(xpath):
        text = el.text_content() if hasattr(el, "text_content") else str(el)
        if text and text.strip():
            return text
    return None


def _meta(tree, *names: str) -> str | None:
    """The content of the first ``<meta>`` whose property, name or itemprop is one of ``names``."""
    wanted = {n.lower() for n in names}
    for el in tree.iter("meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or el.get("http-equiv") or "")
        key = key.strip().lower()
        if key in wanted:
            value = _clean(el.get("content"))
            if value:
                return value
    return None


_SEPARATORS = r"(?:\s+[|–—·•»/:-]\s+|\s*::\s*|\s*[|–—]\s*|\s+-|-)"


def _fold(text: str) -> str:
    """Compare site names loosely: ``Daryo.uz`` ~ ``Daryo``, ``The Astana Times`` ~ ``astanatimes``."""
    text = unicodedata.normalize("NFKC", text).casefold().strip()
    text = re.sub(r"^(?:www\.)", "", text)
    text = re.sub(r"\.[a-z]{2,3}$", "", text)
    text = re.sub(r"^the\s+", "", text)
    return re.sub(r"\W+", "", text)


def strip_site_name(title: str, sites: list[str], headline: str | None = None) -> str | None:
    """``Ministers meet | Kazinform`` → ``Ministers meet``: the site's name (or,
    when the visible headline shows where the title ends, whatever follows
    it) is cut from either end of a page title."""
    title = _clean(title)
    if not title:
        return None
    folded = {_fold(s) for s in sites if _fold(s)}
    # Greedy: the site's name follows the title's last separator ("China-Central … - Global Times").
    m = re.match(rf"^(.+){_SEPARATORS}([^|–—:·•»]{{1,80}})$", title)
    while m and _fold(m.group(2)) in folded:
        title = m.group(1).strip()
        m = re.match(rf"^(.+){_SEPARATORS}([^|–—:·•»]{{1,80}})$", title)
    m = re.match(rf"^([^|–—:·•»]{{1,80}}?){_SEPARATORS}(.+)$", title)
    if m and _fold(m.group(1)) in folded:
        title = m.group(2).strip()
    if headline:
        head = _clean(headline) or ""
        rest = title[len(head):] if title.casefold().startswith(head.casefold()) else ""
        if head and rest and re.match(rf"^{_SEPARATORS}", rest):
            title = head
    title = re.sub(rf"(?:\s+(?:\||::)\s+[^|]{{1,60}})$", "", title) if " | " in title or " :: " in title else title
    return title.strip() or None


def site_from_title(title: str | None, headline: str | None) -> str | None:
    """The site name a ``<title>`` carries after the headline (``Headline - Site``)."""
    title, head = _clean(title), _clean(headline)
    if not title or not head or not title.casefold().startswith(head.casefold()):
        m = re.match(r"^.+?\s+(?:\||::)\s+([^|]{1,60})$", title or "")
        return m.group(1).strip() if m else None
    m = re.match(rf"^{_SEPARATORS}\s*(.{{1,60}})$", title[len(head):])
    return m.group(1).strip() if m else None


# --- the URL ----------------------------------------------------------------------


def _page_url(tree, url: str | None, ld: LinkedData) -> str | None:
    candidates = [el.get("href") for el in tree.xpath('//link[@href]') if "canonical" in (el.get("rel") or "").lower().split()]
    candidates += [_meta(tree, "og:url"), ld.url, url]
    for value in candidates:
        value = _clean(value)
        if not value:
            continue
        full = urljoin(url, value) if url else value
        parts = urlsplit(full)
        if parts.scheme in ("http", "https") and parts.netloc:
            return full
    return None


# --- the date ---------------------------------------------------------------------

_PUBLISHED_METAS = (
    "article:published_time", "og:published_time", "og:article:published_time", "datepublished",
    "publishdate", "publish-date", "publish_date", "pubdate", "date", "dc.date", "dc.date.issued",
    "dcterms.created", "dcterms.date", "sailthru.date", "parsely-pub-date", "article.published",
    "article:published", "cxenseparse:recs:publishtime",
)
_ISO = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")
_URL_DATE = re.compile(r"(?<!\d)(20\d{2}|19\d{2})([/-]?)(0[1-9]|1[0-2])\2(0[1-9]|[12]\d|3[01])(?!\d)")


def to_iso(value: str | None) -> str | None:
    """A date value as ``YYYY-MM-DD`` as written (an ISO timestamp keeps its local day)."""
    if not value:
        return None
    m = _ISO.match(value)
    if m:
        try:
            return parse_date(f"{m[1]}-{m[2]}-{m[3]}")
        except ValueError:
            return None
    try:
        return parse_date(value)
    except ValueError:
        return None


def url_date(url: str | None) -> str | None:
    """The date in a URL's path: ``/2024/03/14/``, ``/2024-03-14/``, ``/20240314/``."""
    if not url:
        return None
    path = urlsplit(url).path
    for m in _URL_DATE.finditer(path):
        try:
            return parse_date(f"{m[1]}-{m[3]}-{m[4]}")
        except ValueError:
            continue
    return None


def _published(tree, ld: LinkedData, url: str | None) -> str | None:
    found = to_iso(_meta(tree, *_PUBLISHED_METAS)) or to_iso(ld.published)
    if found:
        return found
    for el in tree.xpath("//time[@datetime]|//*[@itemprop='datePublished'][@content]"):
        found = to_iso(el.get("datetime") or el.get("content"))
        if found:
            return found
    found = url_date(url)
    if found:
        return found
    found = _visible_date(tree)
    if found:
        return found
    return _htmldate(tree, url)


def _visible_date(tree) -> str | None:
    """The first short element that is only a date ("Published: 28.03.2024 17:20"),
    those marked as dates by their class first."""
    marked, others = [], []
    for el in tree.iter():
        # Small elements only: a date sits in a leaf or nearly (and reading a
        # big container's text for each of its descendants would be quadratic).
        if not isinstance(el.tag, str) or el.tag in ("script", "style", "option", "a") or len(el) > 4:
            continue
        text = el.text_content() if len(el) else (el.text or "")
        if not text or len(text) > 80:
            continue
        cls = f"{el.get('class', '')} {el.get('id', '')}".lower()
        (marked if re.search(r"date|time|publish|posted", cls) else others).append(text)
        if len(marked) + len(others) > 400:
            break
    for text in marked + others:
        found = date_line(" ".join(text.split()))
        if found:
            return found
    return None


def _htmldate(tree, url: str | None) -> str | None:
    """htmldate's search of the page (meta, scripts, text), offline: it is given the tree."""
    try:
        from htmldate import find_date
    except ImportError:  # pragma: no cover - a dependency
        return None
    try:
        value = find_date(tree, url=url, original_date=True, extensive_search=True, outputformat="%Y-%m-%d")
    except Exception:  # noqa: BLE001 - a third-party parser must not sink the page
        return None
    return to_iso(value)


# --- authors ----------------------------------------------------------------------

_BYLINE_PREFIX = re.compile(
    r"^(?:by|written by|author|authors|автор|авторы|текст|muallif|автор материала|作者|记者)\s*[:：]?\s+",
    re.IGNORECASE,
)
_NOT_NAMES = {"admin", "administrator", "editor", "editorial", "staff", "redaksiya", "редакция", "guest"}
_NAME_WORD = re.compile(r"^[^\W\d_][\w.'’-]*$")


def _authors(tree, ld: LinkedData, outlet: str | None) -> list[str]:
    for source in (ld.authors, _split_names(_meta(tree, "author", "article:author", "byl", "dc.creator", "mediator_author", "parsely-author")),
                   _byline_names(tree)):
        names = [n for n in (_person(x, outlet) for x in source) if n]
        if names:
            return list(dict.fromkeys(names))
    return []


def _split_names(value: str | None) -> list[str]:
    if not value:
        return []
    return [p for p in re.split(r"\s*(?:,|;|\band\b|&| и )\s*", value) if p]


def _person(value: str | None, outlet: str | None) -> str | None:
    """A plausible person's name, or ``None`` (URLs, the outlet, "admin", sentences)."""
    name = _clean(value)
    if not name or "://" in name or "@" in name:
        return None
    name = _BYLINE_PREFIX.sub("", name).strip(" ,;|")
    if outlet:
        name = re.sub(rf"\s*[,/|–—-]\s*{re.escape(outlet)}\s*$", "", name, flags=re.IGNORECASE)
    words = name.split()
    if not 1 <= len(words) <= 5 or len(name) > 60 or name.casefold() in _NOT_NAMES:
        return None
    if outlet and _fold(name) == _fold(outlet):
        return None
    if not all(_NAME_WORD.match(w) for w in words) or not all(w[0].isupper() for w in words if w[0].isalpha()):
        return None
    return name


def _byline_names(tree) -> list[str]:
    """Names in elements marked as the author or byline (class, rel or itemprop)."""
    xpath = (
        "//*[@rel='author' or @itemprop='author' or contains(@class, 'author') or contains(@class, 'byline')"
        " or contains(@class, 'writer')]"
    )
    for el in tree.xpath(xpath)[:20]:
        if el.tag in ("script", "style", "meta", "link") or "box" in (el.get("class") or "") and len(el) > 3:
            continue
        text = " ".join(el.text_content().split())
        text = _BYLINE_PREFIX.sub("", text)
        names = [_person(n, None) for n in _split_names(text)]
        if names and all(names):
            return names  # type: ignore[return-value]
    return []


# --- language ---------------------------------------------------------------------


def _language(tree, ld: LinkedData) -> str | None:
    root = tree.getroottree().getroot() if hasattr(tree, "getroottree") else tree
    for value in (root.get("lang"), root.get("{http://www.w3.org/XML/1998/namespace}lang"),
                  _meta(tree, "content-language", "language", "dc.language"), _meta(tree, "og:locale"), ld.language):
        value = _clean(value)
        if value and re.fullmatch(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*", value):
            return normalize_language(value)
    return None
