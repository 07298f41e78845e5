"""Schema.org JSON-LD in a page: the article node and its fields."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

ARTICLE_TYPES = (
    "newsarticle", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle",
    "backgroundnewsarticle", "reviewnewsarticle", "article", "blogposting", "liveblogposting",
    "socialmediaposting", "report", "scholarlyarticle", "techarticle",
)
_CDATA = re.compile(r"^\s*(?://\s*)?<!\[CDATA\[|(?://\s*)?\]\]>\s*$")
# JSON-LD blocks are small; a hostile page may still carry a huge one.
_MAX_BLOCK = 2_000_000


@dataclass
class LinkedData:
    """What the page's JSON-LD says about its article; empty fields were absent."""

    headline: str | None = None
    published: str | None = None
    authors: list[str] = field(default_factory=list)
    publisher: str | None = None
    url: str | None = None
    language: str | None = None
    body: str | None = None  # articleBody, when the site provides it


def read_linked_data(tree) -> LinkedData:
    """The article node of every ``application/ld+json`` script, merged (first wins)."""
    nodes: list[dict] = []
    for script in tree.xpath('//script[contains(translate(@type, "LDJSON", "ldjson"), "ld+json")]'):
        text = script.text or ""
        if not text.strip() or len(text) > _MAX_BLOCK:
            continue
        data = _loads(_CDATA.sub("", text))
        if data is not None:
            nodes.extend(_flatten(data))
    by_id = {n.get("@id"): n for n in nodes if isinstance(n.get("@id"), str)}
    out = LinkedData()
    articles = [n for n in nodes if _is_article(n)]
    # Prefer a news article over a generic one, then document order.
    articles.sort(key=lambda n: 0 if any("news" in t for t in _types(n)) else 1)
    for node in articles:
        out.headline = out.headline or _text(node.get("headline")) or _text(node.get("name"))
        out.published = out.published or _text(node.get("datePublished")) or _text(node.get("dateCreated"))
        if not out.authors:
            out.authors = _people(node.get("author"), by_id)
        out.publisher = out.publisher or _org_name(node.get("publisher"), by_id)
        out.url = out.url or _url(node.get("url")) or _page_of(node, by_id)
        out.language = out.language or _text(node.get("inLanguage"))
        out.body = out.body or _text(node.get("articleBody"))
    if not out.publisher:
        sites = [n for n in nodes if {"website", "organization", "newsmediaorganization"} & set(_types(n))]
        out.publisher = next((_text(n.get("name")) for n in sites if _text(n.get("name"))), None)
    return out


def _loads(text: str):
    try:
        return json.loads(text)
    except ValueError:
        pass
    # Control characters inside strings (raw newlines in articleBody) are common.
    try:
        return json.loads(re.sub(r"[\x00-\x1f]", " ", text))
    except ValueError:
        return None


def _flatten(data, depth: int = 0) -> list[dict]:
    if depth > 4:
        return []
    if isinstance(data, list):
        return [n for item in data for n in _flatten(item, depth + 1)]
    if not isinstance(data, dict):
        return []
    out = [data]
    graph = data.get("@graph")
    if graph is not None:
        out.extend(_flatten(graph, depth + 1))
    return out


def _types(node: dict) -> list[str]:
    t = node.get("@type")
    items = t if isinstance(t, list) else [t]
    return [str(x).rsplit("/", 1)[-1].lower() for x in items if x]


def _is_article(node: dict) -> bool:
    return any(t in ARTICLE_TYPES for t in _types(node))


def _text(value) -> str | None:
    if isinstance(value, list):
        value = next((v for v in value if isinstance(v, str) and v.strip()), None)
    if isinstance(value, dict):
        value = value.get("@value") or value.get("name")
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(value)
    if isinstance(value, str):
        value = " ".join(value.split())
        return value or None
    return None


def _url(value) -> str | None:
    if isinstance(value, dict):
        value = value.get("@id") or value.get("url")
    text = _text(value)
    return text if text and text.startswith(("http://", "https://")) else None


def _page_of(node: dict, by_id: dict) -> str | None:
    """The address of the web page an article node belongs to: its
    ``mainEntityOfPage``/``isPartOf`` (resolved through ``@id`` in a graph),
    else its own ``@id`` less the fragment (``…/3950011.html#article``)."""
    for key in ("mainEntityOfPage", "isPartOf"):
        value = node.get(key)
        page = _resolve(value, by_id)
        url = _url(page.get("url")) if isinstance(page, dict) and page.get("url") else _url(value)
        if url:
            return url
    own = _url(node.get("@id"))
    return own.split("#", 1)[0] if own else None


def _resolve(value, by_id: dict):
    if isinstance(value, dict) and set(value) <= {"@id", "@type"} and value.get("@id") in by_id:
        return by_id[value["@id"]]
    return value


def _people(value, by_id: dict) -> list[str]:
    items = value if isinstance(value, list) else [value]
    names: list[str] = []
    for item in items[:20]:
        item = _resolve(item, by_id)
        if isinstance(item, dict):
            if {"organization", "newsmediaorganization"} & set(_types(item)):
                continue  # "author": the agency itself is no person
            name = _text(item.get("name"))
        else:
            name = _text(item)
        if name and name not in names:
            names.append(name)
    return names


def _org_name(value, by_id: dict) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    value = _resolve(value, by_id)
    if isinstance(value, dict):
        return _text(value.get("name"))
    return _text(value)
