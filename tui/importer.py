"""Ingest: source files in, articles (with their facts) stored in one batch."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from tui.derive import rebuild_derived, with_facts
from tui.ingest.errors import SourceError
from tui.ingest.files import DEFAULT_MAX_BYTES, discover
from tui.ingest.load import load_source
from tui.search.persist import current_index, index_after_adding, save_index
from tui.store import Store

Progress = Callable[[int, int, Path], None]


@dataclass
class IngestReport:
    """What an ingest did, in the shape of the CLI's ``--json`` output."""

    added: list[str] = field(default_factory=list)
    skipped: list[dict] = field(default_factory=list)
    failed: list[dict] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # e.g. a legacy encoding guessed

    def skipped_by_reason(self) -> dict[str, int]:
        """How many were skipped for each kind of reason, most first."""
        counts: dict[str, int] = {}
        for skip in self.skipped:
            kind = skip_kind(skip["reason"])
            counts[kind] = counts.get(kind, 0) + 1
        return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))

    def as_json(self) -> dict:
        return {
            "added": self.added,
            "skipped": self.skipped,
            "skipped_by_reason": self.skipped_by_reason(),
            "failed": self.failed,
            "warnings": self.warnings,
        }


def skip_kind(reason: str) -> str:
    """The kind of a skip reason, for counting: names and details dropped."""
    if reason.startswith("same text as"):
        return "same text as another file"
    if reason.startswith("already stored"):
        return "already stored"
    return reason.split(" (", 1)[0]


def parse_files(
    paths: Iterable[str | Path],
    overrides: dict | None = None,
    progress: Progress | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> tuple[list[dict], IngestReport]:
    """Read and parse every source file; bad files become report entries."""
    report = IngestReport()
    passed_over: list[SourceError] = []
    files, errors = discover(paths, skipped=passed_over)
    for err in errors:
        report.failed.append({"path": str(err.path), "error": err.reason})
    # Files in folders that are not sources (photos, PDFs next to the pages) are
    # skipped, not failed: nobody asked for them by name.
    for err in passed_over:
        report.skipped.append({"path": str(err.path), "reason": err.reason})
    records: list[dict] = []
    for i, path in enumerate(files, 1):
        if progress:
            progress(i, len(files), path)
        try:
            record = load_source(path, overrides=overrides, max_bytes=max_bytes, warnings=report.warnings)
        except SourceError as err:
            report.failed.append({"path": str(path), "error": err.reason})
            continue
        records.append(with_facts(record))
    return records, report


def ingest_paths(
    store: Store,
    paths: Iterable[str | Path],
    overrides: dict | None = None,
    progress: Progress | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> IngestReport:
    """Ingest files and folders into ``store`` in a single locked, atomic write."""
    records, report = parse_files(paths, overrides, progress, max_bytes)
    # Parsing and extraction happen before the lock: other writers wait only
    # for the merge and the single write.
    seen: dict[str, str] = {}
    unique: list[dict] = []
    for record in records:
        first = seen.setdefault(record["content_hash"], record.get("source_path") or "")
        if first != (record.get("source_path") or ""):
            report.skipped.append({"path": record.get("source_path"), "reason": f"same text as {first}"})
            continue
        unique.append(record)
    with store.write_batch() as batch:
        # The index of the version we add to (read under the lock: it is the version we write over).
        previous = current_index(store)
        added, skipped = batch.add_articles(unique)
        if added:
            rebuild_derived(batch)
    if added:
        # Save the search index for this version of the store now, so the next search
        # need not build it (outside the lock: a stale index is never used anyway).
        save_index(store, index_after_adding(store, previous, added))
    report.added.extend(added)
    report.skipped.extend({"path": r.get("source_path"), "reason": why} for r, why in skipped)
    return report
