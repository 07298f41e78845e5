"""``db check``: is the store sound? Counts, schema version, records of the wrong types,
dangling references, and whether the saved search index is intact."""

from __future__ import annotations

from dataclasses import dataclass, field

from tui.files import stray_temp_files
from tui.ingest.source import content_hash
from tui.library import indexing
from tui.library.backups import backups
from tui.library.derive import merged
from tui.library.errors import SCHEMA_VERSION
from tui.library.index_file import index_path
from tui.library.store import Store


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
    report.counts = {"articles": len(articles), "officials": len(officials), "events": len(events),
                     "tags": len(store.user_records("tags")), "notes": len(store.user_records("notes"))}
    for u in store.unusable:
        report.problems.append(f"{u.describe()} (left out until repaired)")
    ids = {a["id"] for a in articles}
    # An article set apart is not missing: what refers to it is not a problem of its own.
    set_apart = {u.record.get("id") for u in store.unusable if u.table == "articles" and isinstance(u.record, dict)}
    known = ids | {i for i in set_apart if isinstance(i, str)}
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
    from tui.library.pages import page_problems

    report.problems.extend(page_problems(store.path, articles))
    for kind, rows in (("official", officials), ("event", events)):
        for row in rows:
            for aid in row.get("article_ids", []):
                if aid not in known:
                    report.problems.append(f"{kind} {row.get('id')} refers to missing article {aid}")
            for ev in row.get("evidence", []) + row.get("roles", []):
                if ev.get("article_id") not in known:
                    report.problems.append(f"{kind} {row.get('id')} cites missing article {ev.get('article_id')}")
    names = {o["name"] for o in officials}
    for e in events:
        for p in e.get("participants", []):
            if p not in names:
                report.problems.append(f"event {e.get('id')} names unknown participant {p}")
    # (With articles set apart the tables still hold their facts: no merge of the others matches.)
    if not set_apart and _out_of_date(articles, officials, events):
        report.problems.append("officials and events are out of date with the articles' facts")
    report.notes.extend(_user_data_notes(store, ids))
    state, detail = indexing.state(store)
    if state == "damaged":
        report.problems.append(f"search index {index_path(store.path)} is damaged: {detail}")
    elif state != "current":
        report.notes.append(f"search index {state}: the next search or start rebuilds it")
    if report.problems:
        report.notes.append("`cca-tui db repair` rebuilds damaged records from their raw texts, "
                            "officials, events and the search index")
    n = len(backups(store.path))
    report.notes.append(f"{n} backup(s) of earlier versions" if n else "no backups of earlier versions")
    strays = stray_temp_files(store.path)
    if strays:
        report.notes.append(f"{len(strays)} temp file(s) from an interrupted write; the next write removes them")
    return report


def _user_data_notes(store: Store, ids: set[str]) -> list[str]:
    """Tags and notes whose record is not found now: kept, and said (not a problem: an
    official or event can come back with the next extraction)."""
    from tui.library import codec, userdata

    tags, notes = userdata.read_tables(store.user_records("tags").values(), store.user_records("notes").values())
    found = userdata.annotations(tags, notes, codec.officials(store.officials()), codec.events(store.events()), ids)
    out = []
    if found.unplaced:
        names = ", ".join(sorted({t.tag for t in found.unplaced}, key=str.casefold))
        out.append(f"{len(found.unplaced)} tag(s) ({names}) are on an article, official or event not found "
                   "in the store now; they are kept (`cca-tui tags` counts them)")
    lost = [n for n in notes if n.article_id not in ids]
    if lost:
        out.append(f"{len(lost)} note(s) are on an article not in the store now; they are kept "
                   "(`cca-tui notes --json` lists them)")
    return out


def _out_of_date(articles: list[dict], officials: list[dict], events: list[dict]) -> bool:
    merged_officials, merged_events = merged(articles)
    return _fingerprint(merged_officials) != _fingerprint(officials) or _fingerprint(merged_events) != _fingerprint(events)


def _fingerprint(rows: list[dict]) -> list[tuple]:
    return sorted((r.get("id"), tuple(r.get("article_ids", []))) for r in rows)
