"""CSL-JSON items (``article-newspaper``), what Zotero, pandoc and citeproc read."""

from __future__ import annotations

import json
from typing import Any

from tui.cite.keys import base_key
from tui.cite.source import Source


def item(src: Source, key: str | None = None) -> dict[str, Any]:
    """One CSL item; its id is the same readable key BibTeX uses."""
    out: dict[str, Any] = {"id": key or base_key(src), "type": "article-newspaper", "title": src.title}
    if src.outlet:
        out["container-title"] = src.outlet
    if src.authors:
        people = []
        for n in src.authors:
            if n.is_literal:
                people.append({"literal": n.literal})
            else:
                person = {"family": n.family}
                if n.given:
                    person["given"] = n.given
                if n.suffix:
                    person["suffix"] = n.suffix
                people.append(person)
        out["author"] = people
    if src.published:
        out["issued"] = {"date-parts": [src.published.parts()]}
    if src.url:
        out["accessed"] = {"date-parts": [src.access_date().parts()]}
        out["URL"] = src.url
    if src.language:
        out["language"] = src.language
    return out


def dumps(items: list[dict[str, Any]]) -> str:
    """A JSON array (one field a line, UTF-8 kept) — the shape every CSL reader accepts."""
    if not items:
        return "[]"

    def one(it: dict[str, Any]) -> str:
        fields = ",\n".join(f"    {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}" for k, v in it.items())
        return "  {\n" + fields + "\n  }"

    return "[\n" + ",\n".join(one(it) for it in items) + "\n]"
