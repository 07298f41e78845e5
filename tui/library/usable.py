"""Which records of a store's tree the store hands on, and the lookups over them.

A record whose fields have the wrong types (``shapes.misfits``), or an article whose id
another article has already, is set apart, named (``Unusable``), so that nothing that
reads the store meets it; the rest are found by id and by content hash.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from tui.library.shapes import Unusable, misfits

TABLES = ("articles", "officials", "events", "tags", "notes")


@dataclass
class Sorted:
    """A tree's records sorted out: the unusable ones and the articles' lookups."""

    unusable: list[Unusable] = field(default_factory=list)
    set_apart: set[tuple[str, str]] = field(default_factory=set)  # (table, doc id)
    by_id: dict[str, dict] = field(default_factory=dict)  # usable articles by id
    by_hash: dict[str, str] = field(default_factory=dict)  # content hash → article id


def sort_out(tree: dict[str, dict[str, Any]]) -> Sorted:
    """Set apart the unusable records of ``tree`` and index its usable articles."""
    found = Sorted()
    for name in TABLES:
        docs = tree.get(name) or {}
        for doc_id, problems in misfits(name, docs).items():
            found.unusable.append(Unusable(name, doc_id, docs[doc_id], tuple(problems)))
    misfit = {(u.table, u.doc_id) for u in found.unusable}
    for doc_id, doc in (tree.get("articles") or {}).items():
        if ("articles", doc_id) in misfit:
            continue
        if doc["id"] in found.by_id:
            u = Unusable("articles", doc_id, doc, (f"its id {doc['id']} is the id of another article",))
            found.unusable.append(u)
            continue
        found.by_id[doc["id"]] = doc
    found.set_apart = {(u.table, u.doc_id) for u in found.unusable}
    found.by_hash = {doc["content_hash"]: doc["id"] for doc in found.by_id.values() if doc.get("content_hash")}
    return found
