"""What can be added to a library, and reading it into article records with their facts.

A ``Source`` is anything that reads itself into one article record: a file on disk
(``FileSource``: a source text or a saved page), a fetched URL or a feed entry
(``tui.library.web_sources``). A page's bytes ride along on its record (``PAGE_KEY``) and
are kept beside the store (``tui.library.pages``). Reading and extraction happen before
the store is locked, so other writers wait only for the merge and the single write.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from tui.ingest.dates import parse_date
from tui.ingest.errors import SourceError
from tui.ingest.files import DEFAULT_MAX_BYTES, discover
from tui.ingest.frontmatter import normalize_language
from tui.ingest.load import load_source
from tui.library.derive import with_facts
from tui.library.pages import PAGE_KEY

Progress = Callable[[int, int, str], None]


class Source(Protocol):
    """One article to add: where it comes from (named in reports), and how to read it."""

    @property
    def origin(self) -> str: ...

    def load(self, warnings: list[str]) -> dict:
        """The article record (without facts); raises ``SourceError``; appends to
        ``warnings`` what the user should hear (e.g. a legacy encoding guessed)."""
        ...


@dataclass(frozen=True)
class FileSource:
    """A source text (``.txt``/``.md``) or a saved page (``.html``) on disk."""

    path: Path
    overrides: Mapping[str, object] | None = None  # the ``ingest`` flags: title, outlet, …
    max_bytes: int = DEFAULT_MAX_BYTES

    @property
    def origin(self) -> str:
        return str(self.path)

    def load(self, warnings: list[str]) -> dict:
        overrides = dict(self.overrides) if self.overrides else None
        pages: list[bytes] = []
        record = load_source(self.path, overrides=overrides, max_bytes=self.max_bytes, warnings=warnings, pages=pages)
        if pages:
            record[PAGE_KEY] = (pages[0], None)  # kept beside the store by Library.add
        return record


# What the ``overrides`` of a source may say, read as a source's own metadata is: the
# faces check a flag with these before anything is added.
def published_override(text: str) -> str:
    """A publication date as sources write them (``2024-03-31``, ``31 March 2024``), as ISO;
    ``ValueError`` naming the value when it is not one."""
    return parse_date(text)


def language_override(text: str) -> str | None:
    """A language as sources write it (``en``, ``EN``, ``English``), as its code."""
    return normalize_language(text)


@dataclass
class AddReport:
    """What adding did, in the shape of the CLI's ``ingest --json`` output."""

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


def file_sources(paths: Iterable[str | Path], report: AddReport, overrides: Mapping[str, object] | None = None,
                 max_bytes: int | None = None) -> list[FileSource]:
    """The files named by ``paths`` (folders walked); paths that cannot be read are failures
    in ``report``, and files in folders that are not sources are skipped. Files larger
    than ``max_bytes`` (default ``DEFAULT_MAX_BYTES``) will fail when read."""
    max_bytes = DEFAULT_MAX_BYTES if max_bytes is None else max_bytes
    passed_over: list[SourceError] = []
    files, errors = discover(paths, skipped=passed_over)
    for err in errors:
        report.failed.append({"path": str(err.path), "error": err.reason})
    # Files in folders that are not sources (photos, PDFs next to the pages) are
    # skipped, not failed: nobody asked for them by name.
    for err in passed_over:
        report.skipped.append({"path": str(err.path), "reason": err.reason})
    return [FileSource(path, overrides, max_bytes) for path in files]


def read_sources(sources: list[Source], report: AddReport, progress: Progress | None = None) -> list[dict]:
    """Each source read and its facts extracted; a source that fails is a failure in ``report``.
    Of texts read twice in one go, the first is kept and the others skipped."""
    records: list[dict] = []
    seen: dict[str, str] = {}
    for i, source in enumerate(sources, 1):
        if progress:
            progress(i, len(sources), source.origin)
        try:
            record = source.load(report.warnings)
        except SourceError as err:
            report.failed.append({"path": source.origin, "error": err.reason})
            continue
        first = seen.setdefault(record["content_hash"], record.get("source_path") or "")
        if first != (record.get("source_path") or ""):
            report.skipped.append({"path": record.get("source_path"), "reason": f"same text as {first}"})
            continue
        records.append(with_facts(record))
    return records
