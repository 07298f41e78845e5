"""``db check``: is the store sound? Counts, schema version, dangling references."""

from __future__ import annotations

from dataclasses import dataclass, field

from tui.extract import merge
from tui.ingest.source import content_hash
from tui.store import SCHEMA_VERSION, Store
from tui.storage import stray_temp_files


@dataclass
class CheckReport:
    counts: dict[str, int] = field(default_factory=dict)
    schema: int | None = None
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def sound(self) -> bool:
        return not self.problems


def check_store(store: Store) -> CheckReport:
    """Inspect an opened store; problems make it unsound."""
    report = CheckReport()
    meta = store.meta or {}
    report.schema = meta.get("schema")
    if report.schema != SCHEMA_VERSION:
        report.problems.append(f"schema version is {report.schema}, expected {SCHEMA_VERSION}")
    articles = store.articles()
    officials = store.officials()
    events = store.events()
    report.counts = {"articles": len(articles), "officials": len(officials), "events": len(events)}
    ids = {a["id"] for a in articles}
    hashes: dict[str, str] = {}
    for a in articles:
        for key in ("title", "paragraphs", "content_hash", "raw"):
            if key not in a:
                report.problems.append(f"article {a['id']} has no {key}")
        h = a.get("content_hash")
        if "paragraphs" in a and h and content_hash(a["paragraphs"]) != h:
            report.problems.append(f"article {a['id']}: paragraphs do not match its content hash (damaged)")
        if h in hashes:
            report.problems.append(f"articles {hashes[h]} and {a['id']} have the same text")
        hashes.setdefault(h, a["id"])
    if len(ids) != len(articles):
        report.problems.append("two articles share an id")
    for kind, rows in (("official", officials), ("event", events)):
        for row in rows:
            for aid in row.get("article_ids", []):
                if aid not in ids:
                    report.problems.append(f"{kind} {row.get('id')} refers to missing article {aid}")
            for ev in row.get("evidence", []) + row.get("roles", []):
                if ev.get("article_id") not in ids:
                    report.problems.append(f"{kind} {row.get('id')} cites missing article {ev.get('article_id')}")
    names = {o["name"] for o in officials}
    for e in events:
        for p in e.get("participants", []):
            if p not in names:
                report.problems.append(f"event {e.get('id')} names unknown participant {p}")
    merged_officials, merged_events = merge([(a["id"], a.get("facts") or {}) for a in articles])
    if _fingerprint(merged_officials) != _fingerprint(officials) or _fingerprint(merged_events) != _fingerprint(events):
        report.problems.append("officials and events are out of date with the articles' facts")
    if report.problems:
        report.notes.append("`cca-tui db repair` restores a sound backup or rebuilds derived data")
    strays = stray_temp_files(store.path)
    if strays:
        report.notes.append(f"{len(strays)} temp file(s) from an interrupted write; the next write removes them")
    return report


def _fingerprint(rows: list[dict]) -> list[tuple]:
    return sorted((r.get("id"), tuple(r.get("article_ids", []))) for r in rows)
