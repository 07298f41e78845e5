"""``db repair``: bring a store back to a sound state, and say what was done.

Every change happens under the writer lock and by atomic replacement, like an ingest: a
``kill -9`` at any moment leaves either the file that was there or the repaired one.
"""

from __future__ import annotations

import os
from datetime import datetime, timezone
from pathlib import Path

from tui.files import UnusableFile, atomic_write_bytes, fault_point, open_regular, regular_file
from tui.ingest.errors import SourceError
from tui.ingest.source import parse_source
from tui.library import indexing, upkeep
from tui.library.backups import backup_dir, backups
from tui.library.check import check_store
from tui.library.derive import with_facts
from tui.library.errors import StoreDamaged, StoreError, validate_tree
from tui.library.locking import writer_lock
from tui.library.shapes import ARTICLE, Unusable, field_problems
from tui.library.storage import read_tree
from tui.library.store import USER_TABLES, Batch, Store, plural, unique_id

METADATA = ("title", "outlet", "url", "published", "authors", "language")


def repair_store(path: Path) -> list[str]:
    """Repair the store at ``path``; returns the actions taken, one line each.

    A damaged file (not JSON, empty, not a store) is kept under another name and the
    newest sound backup restored; a file that only cannot be read (permissions) or was
    written by a newer cca-tui is left alone (``StoreError`` says so). In a readable store,
    records of the wrong types, paragraphs, facts, officials and events are rebuilt from
    the stored raw texts, and a damaged search index is rebuilt.
    """
    try:
        path = regular_file(path)
    except UnusableFile as exc:
        raise StoreError(f"cannot repair store {exc.path}: it {exc.reason}; nothing was changed") from exc
    if not path.exists():
        raise StoreError(f"cannot repair store {path}: there is no file there; nothing was changed")
    try:
        store = Store.open(path)
    except StoreDamaged:
        return _restore_backup(path)
    except StoreError as exc:  # unreadable, too new: not ours to set aside
        raise StoreError(f"{exc}; nothing was set aside: `db repair` replaces only a damaged store") from exc
    report = check_store(store)
    if report.sound:
        return [f"store {path} is sound; nothing to repair"]
    if report.problems == [p for p in report.problems if p.startswith("search index ")]:
        indexing.rebuild(store)
        return [f"store {path}: {report.problems[0]}", f"rebuilt the search index {path.name}.index"]
    return _rebuild_from_raw(store, len(report.problems))


def _sound_backup(path: Path) -> tuple[Path, bytes, int] | None:
    """The newest backup that opens as a store: (its path, its bytes, its article count)."""
    for backup in backups(path):
        try:
            with open_regular(backup) as f:
                data = f.read()
            tree = read_tree(backup)
            if tree is None:
                continue
            validate_tree(backup, tree)
        except (StoreError, UnusableFile, OSError):
            continue
        return backup, data, len(tree.get("articles") or {})
    return None


def _restore_backup(path: Path) -> list[str]:
    with writer_lock(path):
        fault_point("repair.locked")
        try:
            Store.open(path)
            return [f"store {path} can be read now (another process repaired it meanwhile)"]
        except StoreDamaged as exc:
            reason = exc.reason
        found = _sound_backup(path)
        if found is None:
            raise StoreError(
                f"cannot repair store {path}: it {reason} and no sound backup exists in "
                f"{backup_dir(path)}; the file was left untouched"
            )
        backup, data, n = found
        kept = _keep_aside(path)
        fault_point("repair.kept-aside")
        # Replaces the damaged file in one rename: the old file or the restored one, never none.
        atomic_write_bytes(path, data)
    lines = [
        f"{path} could not be used (it {reason}); kept it as {kept.name}",
        f"restored the newest sound backup {backup.name} ({plural(n, 'article')})",
    ]
    others = [b.name for b in backups(path) if b != backup]
    if others:
        lines.append(f"other backups in {backup_dir(path)}, newest first (to use one instead, copy it over "
                     f"{path.name}): {', '.join(others)}")
    try:
        indexing.rebuild(Store.open(path))
    except StoreError:
        pass  # the index is only speed; the next start rebuilds it
    return lines


def _keep_aside(path: Path) -> Path:
    """A second name for the damaged file, ``store.json.corrupt-TIME``, before it is replaced:
    a hard link (the file is replaced, never written, so the link keeps it as it is), or a
    copy where links are not allowed."""
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S")
    for n in range(1, 1000):
        kept = path.with_name(f"{path.name}.corrupt-{stamp}" + (f"-{n}" if n > 1 else ""))
        try:
            os.link(path, kept)
            return kept
        except FileExistsError:
            continue
        except OSError:
            if kept.exists():
                continue
            with open_regular(path) as f:
                atomic_write_bytes(kept, f.read())
            return kept
    raise StoreError(f"cannot repair store {path}: cannot find a free name to keep it under")


def _rebuild_from_raw(store: Store, n_problems: int) -> list[str]:
    actions = [f"store {store.path} had {n_problems} problem(s)"]
    rebuilt, failed, mended, still = upkeep.change(store, _rebuild_articles, rederive=True)
    actions.append(f"rebuilt paragraphs, officials and events of {rebuilt} article(s) from their raw texts")
    actions.extend(mended)
    actions.extend(failed)
    actions.extend(still)
    if store.last_backup is not None:
        actions.append(f"the store as it was is kept as the backup {store.last_backup.name}")
    return actions


def _rebuild_articles(batch: Batch) -> tuple[int, list[str], list[str], list[str]]:
    """Every article rebuilt from its raw text, and the records set apart mended: (how many
    were rebuilt, the articles that could not be, the records mended, those left as they were)."""
    rebuilt, failed = [], []
    for article in batch.store.articles():
        record, why = _from_page(article, batch.store.path, failed)
        if record is None:
            record, why = _from_raw(article, article["id"])
        if record is None:
            failed.append(f"article {article['id']}: {why}; kept as it was")
            continue
        rebuilt.append(record)
    batch.update_articles(rebuilt)
    mended, still = _mend_unusable(batch)
    return len(rebuilt), failed, mended, still


def _mend_unusable(batch: Batch) -> tuple[list[str], list[str]]:
    """Rebuild the article records set apart from their raw texts (officials and events set
    apart are replaced by the rebuild of those tables)."""
    store = batch.store
    taken = dict.fromkeys(a["id"] for a in store.articles())
    texts = {a.get("content_hash"): a["id"] for a in store.articles()}
    mended: dict[str, dict] = {}
    duplicates: list[str] = []
    done, still = [], []
    for u in [u for u in store.unusable if u.table == "articles"]:
        wanted = u.record.get("id") if isinstance(u.record, dict) else None
        record, why = _from_raw(u.record if isinstance(u.record, dict) else {}, wanted)
        if record is None:
            still.append(f"{u.describe()}: {why}; left as it was (edit it by hand or remove it)")
            continue
        if record["content_hash"] in texts:
            # The same text is stored already: the copy goes (the backup keeps the store as it was).
            duplicates.append(u.doc_id)
            done.append(f"{_noun(u)}: the same text as article {texts[record['content_hash']]}; removed the copy")
            continue
        record["id"] = unique_id(record["id"], taken)
        taken[record["id"]] = None
        texts[record["content_hash"]] = record["id"]
        mended[u.doc_id] = record
        renamed = f" (now {record['id']}: its id was taken)" if record["id"] != wanted else ""
        done.append(f"{_noun(u)}: rebuilt from its raw text{renamed}")
    batch.replace_records("articles", mended)
    batch.remove_records("articles", duplicates)
    for u in store.unusable:
        if u.table in USER_TABLES:  # written by the user: nothing to rebuild it from, never dropped
            still.append(f"{u.describe()}: what the user wrote is not rebuilt from anything; left as it was "
                         f"(edit it by hand in {store.path.name}, or remove it)")
    return done, still


def _noun(u: Unusable) -> str:
    return u.describe().split(":", 1)[0]


def _from_page(article: dict, store_path: Path, notes: list[str]) -> tuple[dict | None, str]:
    """The article read again from its web page kept beside the store; (None, why) when it
    keeps none or the file is gone (then its raw text rebuilds it, without the reference)."""
    from tui.library.pages import PageUnavailable, reread_page

    try:
        record = reread_page(article, store_path)
    except PageUnavailable as exc:
        notes.append(f"article {article['id']}: its page file {exc}; rebuilt from its stored text "
                     "and no longer refers to the file")
        return None, str(exc)
    except SourceError as exc:
        return None, exc.reason
    return (with_facts(record), "") if record is not None else (None, "")


def _from_raw(article: dict, wanted_id: str | None) -> tuple[dict | None, str]:
    """The article rebuilt from its stored raw text, keeping its id, ingest time and the
    metadata fields that have the right types; (None, why) when that cannot be done."""
    raw = article.get("raw")
    if not isinstance(raw, str) or not raw.strip():
        return None, "its raw text is missing"
    overrides = {k: article[k] for k in METADATA
                 if article.get(k) is not None and not field_problems(ARTICLE, k, article[k])}
    source = article.get("source_path") if isinstance(article.get("source_path"), str) else None
    try:
        record = parse_source(raw, path=source, overrides=overrides)
    except SourceError as err:
        return None, err.reason
    if isinstance(wanted_id, str):
        record["id"] = wanted_id
    ingested = article.get("ingested")
    record["ingested"] = ingested if isinstance(ingested, str) else None
    return with_facts(record), ""

