"""``db repair``: bring a store back to a sound state, and say what was done."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

from tui.check import check_store
from tui.derive import rebuild_derived, with_facts
from tui.ingest.errors import SourceError
from tui.ingest.source import parse_source
from tui.search.persist import rebuild_index
from tui.store import Store, StoreError, validate_tree
from tui.storage import StoreFileError, atomic_write_bytes, backups, read_tree

METADATA = ("title", "outlet", "url", "published", "authors", "language")


def repair_store(path: Path) -> list[str]:
    """Repair the store at ``path``; returns the actions taken, one line each.

    An unreadable file is set aside (never deleted) and the newest sound backup
    restored. A readable store with problems gets its paragraphs, facts,
    officials and events rebuilt from the stored raw texts.
    """
    try:
        store = Store.open(path, seed=False)
    except StoreError:
        return _restore_backup(path)
    report = check_store(store)
    if report.sound:
        return [f"store {path} is sound; nothing to repair"]
    return _rebuild_from_raw(store, len(report.problems))


def _restore_backup(path: Path) -> list[str]:
    for backup in backups(path):
        try:
            tree = read_tree(backup)
            if tree is None:
                continue
            validate_tree(backup, tree)
        except (StoreError, StoreFileError):
            continue
        stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S")
        kept = path.with_name(f"{path.name}.corrupt-{stamp}")
        path.replace(kept)
        atomic_write_bytes(path, backup.read_bytes())
        n = len(tree.get("articles") or {})
        return [
            f"{path} could not be read; kept it as {kept}",
            f"restored the newest sound backup {backup.name} ({n} articles)",
        ]
    raise StoreError(f"cannot repair store {path}: it is unreadable and no sound backup exists; the file was left untouched")


def _rebuild_from_raw(store: Store, n_problems: int) -> list[str]:
    actions = [f"store {store.path} had {n_problems} problem(s)"]
    with store.write_batch() as batch:
        rebuilt, failed = [], []
        for article in batch.store.articles():
            overrides = {k: article.get(k) for k in METADATA if article.get(k) is not None}
            try:
                record = parse_source(article.get("raw") or "", path=article.get("source_path"), overrides=overrides)
            except SourceError as err:
                failed.append(f"article {article['id']}: {err.reason}; kept as it was")
                continue
            # Keep identity and history; refresh everything derived from the text.
            record.update(id=article["id"], ingested=article.get("ingested"))
            rebuilt.append(with_facts(record))
        batch.update_articles(rebuilt)
        rebuild_derived(batch)
    rebuild_index(store)
    actions.append(f"rebuilt paragraphs, officials and events of {len(rebuilt)} article(s) from their raw texts")
    actions.extend(failed)
    return actions
