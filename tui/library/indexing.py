"""Keeping the search index of a store: the one place it is loaded, built, extended and saved.

The index saved beside the store (``store.json.index``, see ``index_file``) is trusted only
for the exact file version it names; every other way to get an index goes through here:
loaded when current, else built from the articles held and saved for next time; after a
write that only added articles, the saved index of the version written over is extended
rather than rebuilt (seconds faster at 10,000 articles).
"""

from __future__ import annotations

from pathlib import Path

from tui.files import UnusableFile, atomic_write_bytes, regular_file
from tui.library.index_file import (
    IndexDamaged,
    SavedIndex,
    attach,
    encode,
    heading,
    index_path,
    load_index,
    read_index,
    restamped,
)
from tui.library.storage import StoreFileVersion, is_version
from tui.library.store import Batch, Store
from tui.search import SearchIndex


def index_of(store: Store) -> SearchIndex:
    """The index over ``store``'s articles: loaded when current, else built and saved."""
    found = current(store)
    if found is not None:
        ids = [d.id for d in found.index.docs]
        if len(ids) == len(store):
            return attach(found.index, lambda i: store.article(ids[i]))
    index = SearchIndex(store.articles())
    save(store, index)
    return index


def current(store: Store) -> SavedIndex | None:
    """The saved index of the store file version ``store`` holds in memory, if there is one."""
    if store.file_stamp is None:
        return None
    return read_index(index_path(store.path), store.file_stamp, store.revision)


def after_write(store: Store, batch: Batch, previous: SavedIndex | None) -> None:
    """Save the index of the version ``batch`` wrote, so that the next search or start need
    not build it; ``previous``: the saved index of the version it wrote over (see
    ``index_after_adding``)."""
    if batch.changed:
        save(store, index_after_adding(store, None if batch.replaced else previous, batch.added))


def after_user_write(store: Store, batch: Batch, previous: SavedIndex | None) -> None:
    """After a write that changed only tags or notes: the articles are as they were, so the
    saved index of the version written over (``previous``) is saved again for the new file
    version — its postings copied, not rebuilt from the texts (at 10,000 articles, seconds
    less). Without one, the next search or start builds it, as after any write."""
    if not batch.changed or previous is None:
        return
    ids = [d.id for d in previous.index.docs]
    if len(ids) == len(store) and all(store.article(i) is not None for i in ids):
        if not _restamp(store, previous):
            save(store, previous.index)


def _restamp(store: Store, previous: SavedIndex) -> bool:
    """Issue the saved index file of ``previous``'s version again for the version ``store``
    holds now, its binary part copied as it is: at 10,000 articles a write of the file, not
    seconds of encoding. False when that cannot be done (then it is encoded again)."""
    stamp = store.file_stamp
    if previous.stamp is None or not is_version(store.path, stamp):
        return False
    spans, tables = store.layout()
    data = restamped(index_path(store.path), (previous.stamp, previous.revision), stamp, store.revision,
                     spans, tables, len(store.unusable))
    if data is None:
        return False
    try:
        atomic_write_bytes(index_path(store.path), data)
    except OSError:
        return False
    return True


def index_after_adding(store: Store, previous: SavedIndex | None, added: list[str]) -> SearchIndex:
    """The index over ``store``'s articles after ``added`` were added to the version
    ``previous`` describes: ``previous`` extended by them (seconds faster at 10,000 articles)
    when it holds exactly the other articles, else built anew. An empty ``previous`` (the
    first ingest into a new store) is not extended: building costs the same, and numbers
    the documents in the order they rank, which every search then need not map."""
    if previous is not None and previous.index.docs and added:
        old_ids = [d.id for d in previous.index.docs]
        if (len(old_ids) + len(added) == len(store) and not set(added).intersection(old_ids)
                and all(store.article(i) is not None for i in old_ids)):
            return SearchIndex.extended(previous.index, [store.article(i) for i in added])
    return SearchIndex(store.articles())


def rebuild(store: Store) -> bool:
    """Build the index over ``store``'s articles as they are now and save it."""
    return save(store, SearchIndex(store.articles()))


def save(store: Store, index: SearchIndex) -> bool:
    """Write the index file for ``store`` as held now; False when that version is gone (or the
    file cannot be written: the index is only speed)."""
    stamp = store.file_stamp
    if not is_version(store.path, stamp):
        return False
    spans, tables = store.layout()
    records = [heading(store.article(d.id) or {"id": d.id}) for d in index.docs]
    ordered = [spans[d.id] for d in index.docs] if spans is not None and all(d.id in spans for d in index.docs) else None
    try:
        atomic_write_bytes(index_path(store.path),
                           encode(index, stamp, store.revision, records, ordered, tables, len(store.unusable)))
    except OSError:
        return False
    return True


def saved_for_version(version: StoreFileVersion) -> SavedIndex | None:
    """The saved index of one store file version, with its article source reading each
    article from the file by its span; None when the index is missing or stale, or the
    file's layout is unknown."""
    found = read_index(index_path(version.path), version.stamp)
    if found is None or found.spans is None or found.unusable:
        return None  # (records set apart: the caller parses the store, which names them)
    spans, tables = found.spans, found.tables or {}
    attach(found.index, lambda i: version.read_record(spans[i]))

    def read_table(name: str) -> dict | None:
        span = tables.get(name)
        table = version.read(span) if span is not None else {}
        return table if isinstance(table, dict) else None

    found.read_table = read_table
    return found


def saved_for_file(store_path: Path) -> SearchIndex | None:
    """For a one-shot search: the saved index of the store file at ``store_path`` as it is
    now, with an article source that parses only the articles asked for, without opening
    the store; None when the index is missing or stale, or the store's layout is unknown."""
    found = saved_file(store_path)
    return found.index if found is not None else None


def saved_file(store_path: Path) -> SavedIndex | None:
    """``saved_for_file`` with what the index file holds besides: every article's heading."""
    try:
        version = StoreFileVersion(regular_file(store_path))
    except (OSError, UnusableFile):
        return None  # the caller opens the store, which says what is wrong
    found = saved_for_version(version)
    if found is None:
        version.close()
    return found


def state(store: Store) -> tuple[str, str]:
    """``(state, detail)`` of the saved index of the store version ``store`` holds:
    ``current``, ``missing``, ``stale`` (for another version: rebuilt when next needed)
    or ``damaged`` (with what is wrong: ``db check`` reports it, ``db repair`` rebuilds it)."""
    path = index_path(store.path)
    if not path.exists():
        return "missing", ""
    if store.file_stamp is None:
        return "stale", ""
    try:
        found = load_index(path, store.file_stamp, store.revision)
    except IndexDamaged as exc:
        return "damaged", str(exc)
    if found is None:
        return "stale", ""
    ids = sorted(d.id for d in found.index.docs)
    if ids != sorted(a["id"] for a in store.articles()):
        return "damaged", "it does not list the store's articles"
    return "current", ""
