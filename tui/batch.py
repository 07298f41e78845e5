"""The operations allowed inside ``Store.write_batch``: the only way the store changes."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any

from tinydb.table import Document

if TYPE_CHECKING:
    from tui.store import Store


def now() -> str:
    """The time of a write, as stored (UTC, to the second)."""
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


class Batch:
    """The operations allowed inside ``Store.write_batch``."""

    def __init__(self, store: Store):
        self.store = store
        self.changed = False

    def set_meta(self, meta: dict) -> None:
        table = self.store._table("meta")
        table.truncate()
        table.insert(meta)
        self.changed = True

    def add_articles(self, records: Iterable[dict]) -> tuple[list[str], list[tuple[dict, str]]]:
        """Store new articles; returns (added ids, [(record, reason skipped)])."""
        store = self.store
        added: list[str] = []
        skipped: list[tuple[dict, str]] = []
        fresh: list[dict] = []
        # A record set apart keeps its id: the repair that rebuilds it must not find it taken.
        taken = dict.fromkeys(store._by_id)
        taken.update(dict.fromkeys(u.record.get("id") for u in store.unusable if isinstance(u.record, dict)))
        for record in records:
            existing = store._by_hash.get(record["content_hash"])
            if existing:
                skipped.append((record, f"already stored as {existing}"))
                continue
            record = dict(record, id=unique_id(record["id"], taken), ingested=now())
            taken[record["id"]] = None
            store._by_id[record["id"]] = record
            store._by_hash[record["content_hash"]] = record["id"]
            fresh.append(record)
            added.append(record["id"])
        if fresh:
            # insert_multiple: one table rebuild for the batch, not one per article.
            store._table("articles").insert_multiple(fresh)
            self.changed = True
        return added, skipped

    def update_articles(self, records: Iterable[dict]) -> None:
        """Replace stored articles (same ids) with new versions, e.g. re-extracted facts."""
        by_id = {r["id"]: r for r in records}
        if not by_id:
            return
        docs = (self.store._storage.read() or {}).get("articles") or {}
        self.replace_records("articles", {
            doc_id: by_id[doc["id"]] for doc_id, doc in docs.items()
            if ("articles", doc_id) not in self.store._set_apart and doc["id"] in by_id
        })

    def replace_records(self, table_name: str, records: dict[str, dict]) -> None:
        """Put ``records`` in place of the records of ``table_name`` with those doc ids (the
        others stay as they are, in their places)."""
        if not records:
            return
        table = self.store._table(table_name)
        keep = [Document(records.get(str(doc.doc_id), doc), doc.doc_id) for doc in table.all()]
        table.truncate()
        table.insert_multiple(keep)
        self.store._index()
        self.changed = True

    def remove_records(self, table_name: str, doc_ids: list[str]) -> None:
        """Take the records with these doc ids out of ``table_name``."""
        if not doc_ids:
            return
        self.store._table(table_name).remove(doc_ids=[int(d) for d in doc_ids])
        self.store._index()
        self.changed = True

    def replace_derived(self, officials: list[dict], events: list[dict]) -> None:
        """Swap in freshly merged officials and events."""
        for name, rows in (("officials", officials), ("events", events)):
            table = self.store._table(name)
            table.truncate()
            table.insert_multiple(rows)
        self.changed = True


def unique_id(wanted: str, taken: dict[str, Any]) -> str:
    """``wanted``, or ``wanted-2``, ``wanted-3``… whichever is free."""
    if wanted not in taken:
        return wanted
    n = 2
    while f"{wanted}-{n}" in taken:
        n += 1
    return f"{wanted}-{n}"
