"""Articles in from the explorer: fetching the followed feeds, adding URLs and files.

The same library calls as ``cca-tui fetch`` and ``cca-tui ingest``, with the same one-line
messages. No Textual import: the app runs these in a thread worker (pages are fetched, and
the store is written once at the end) and shows the ``Outcome`` as toasts. Each job opens
its own ``Library`` on the store file, so nothing the explorer holds is touched meanwhile.
"""

from __future__ import annotations

import os
import shlex
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from tui.app.formatting import plural, safe
from tui.library import DEFAULT_MAX_BYTES, Library
from tui.paths import display_path

# The fetching and reading modules (httpx, feedparser, the ingest pipeline) are imported
# when a job runs, not with the explorer.

#: What a job tells the screen as it goes: (what it does now, step, of steps).
Progress = Callable[[str, int, int], None]

NO_FEEDS = "No feeds followed: `cca-tui feeds add URL` follows one."


@dataclass
class Outcome:
    """What a job did, as the explorer says it: a summary line, and one line per problem."""

    summary: str
    problems: list[str] = field(default_factory=list)  # failures, one line each
    notes: list[str] = field(default_factory=list)  # what was skipped, and why, one line each
    warnings: list[str] = field(default_factory=list)  # e.g. a legacy encoding guessed
    added: list[str] = field(default_factory=list)  # ids of the articles added, in order
    wrote: bool = False  # the store file changed: the lists are read again

    @property
    def severity(self) -> str:
        return "warning" if self.problems else "information"


def parse_inputs(typed: str) -> list[str]:
    """URLs and paths typed in one line, split as a shell would (quote a path with spaces);
    ``~`` expands in paths. Raises ``ValueError`` for an unclosed quote."""
    words = shlex.split(typed)
    return [w if "://" in w else os.path.expanduser(w) for w in words]


def fetch_feeds(store_path: Path, progress: Progress) -> Outcome:
    """``cca-tui fetch``: every followed feed's new entries, stored in one write."""
    from tui.library.feeds import fetch_feeds as fetch_followed
    from tui.library.web_sources import feed_delay_from_env, fetcher_from_env

    library = Library.open(store_path, create=False)
    if not library.feeds():
        return Outcome(NO_FEEDS)
    stamp = library.mtime_ns
    fetcher = fetcher_from_env()
    try:
        results = fetch_followed(
            library, fetcher, delay=feed_delay_from_env(),
            progress=lambda done, total, name: progress(f"Fetching feed {done} of {total}: {name}", done - 1, total),
            pages=lambda done, total, url: progress(f"Reading page {done} of {total}: {url}", done - 1, total),
        )
    finally:
        fetcher.close()
    added = [article_id for r in results for article_id in r.added]
    skipped = sum(len(r.skipped) for r in results)
    failed = [r for r in results if r.status == "failed"]
    waiting = sum(r.waiting for r in results)
    summaries = sum(len(r.summaries) for r in results)
    parts = [f"{len(added)} added" + (f" ({summaries} from the feed's summary only)" if summaries else ""),
             f"{skipped} skipped", f"{plural(len(failed), 'feed')} failed"]
    if waiting:
        parts.append(f"{waiting} waiting for the next fetch")
    return Outcome(f"Fetched {plural(len(results), 'feed')}: {', '.join(parts)}.",
                   problems=[f"{r.name}: {r.error}" for r in failed], added=added,
                   wrote=_changed(library, stamp))


def add_inputs(store_path: Path, inputs: list[str], progress: Progress) -> Outcome:
    """``cca-tui ingest``: the URLs fetched and the files read, new articles stored in one write."""
    from tui.library.sources import AddReport
    from tui.library.web_sources import fetcher_from_env, input_sources

    library = Library.open(store_path, create=False)
    stamp = library.mtime_ns
    report = AddReport()
    fetcher = fetcher_from_env()
    try:
        sources = input_sources(inputs, report, fetcher, max_bytes=DEFAULT_MAX_BYTES)
        library.add(sources, lambda done, total, origin: progress(
            f"Adding {done} of {total}: {display_path(origin)}", done - 1, total), report)
    finally:
        fetcher.close()
    problems = [f"{display_path(f['path'])}: {f['error']}" for f in report.failed]
    skipped = [f"{display_path(s['path'])}: {display_path(s['reason'])}" for s in report.skipped]
    counts = f"{len(report.skipped)} skipped, {len(report.failed)} failed"
    if len(report.added) == 1:
        article = library.article(report.added[0])
        title = (article.title if article else None) or report.added[0]
        rest = f"; {counts}" if report.skipped or report.failed else ""
        summary = f"Added “{safe(title)}”{rest}."
    else:
        summary = f"{len(report.added)} added, {counts}."
    return Outcome(summary, problems=problems, notes=skipped, warnings=list(report.warnings),
                   added=list(report.added), wrote=_changed(library, stamp))


def _changed(library: Library, stamp: int) -> bool:
    try:
        return library.path.stat().st_mtime_ns != stamp
    except OSError:
        return True
