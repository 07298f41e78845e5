"""The library: one store file with its derived tables and its search index, behind one door.

The CLI and the explorer open a ``Library`` and ask it for what they show (``contents``),
to add sources, re-extract, check and search; ``repair``, ``snapshot`` and
``saved_search`` work on a store file without opening it. Nothing above this package
touches the store file or the index file.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from tui.library import codec, indexing, userdata
from tui.library.contents import Contents
from tui.library.errors import SCHEMA_VERSION, StoreError
from tui.library.snapshot import Snapshot
from tui.library.store import USER_TABLES, Batch, Store, now, plural
from tui.paths import seed_dir
from tui.records import ARTICLE, Article, Event, Feed, Note, Official, Tag
from tui.search import Query, Results, SearchIndex
from tui.search.annotations import Annotations

if TYPE_CHECKING:
    from tui.library.check import CheckReport
    from tui.library.sources import AddReport, Progress, Source

# Reading a store needs none of the ingest pipeline or extraction: they are imported when
# something is written or checked (about 80 ms off the explorer's start).


class Library:
    """One cca-tui store, its officials and events tables, and its search index."""

    def __init__(self, store: Store, *, created: bool = False):
        self.store = store  # for the library's own modules (and tests): the faces use the methods
        self.created = created  # by this open()
        self._contents: tuple[object, Contents] | None = None
        self._index: tuple[object, SearchIndex] | None = None

    @classmethod
    def open(cls, path: str | Path | None = None, *, seed: bool = True, create: bool = True) -> Library:
        """Open the store at ``path`` (the default store without one); create it — seeded
        with the shipped article unless ``seed`` is False — only when nothing is there.

        Anything else that is not a readable cca-tui store raises ``StoreError`` (one line,
        naming the file) and is never written over."""
        store = Store.open(path)
        if store.meta is not None:
            return cls(store)
        if not create:
            raise StoreError(f"no store at {store.path}")
        return cls(store, created=_create(store, seed=seed))

    @property
    def path(self) -> Path:
        return self.store.path

    @property
    def mtime_ns(self) -> int:
        """Modification stamp of the file, to notice writes by other processes."""
        return self.store.mtime_ns

    @property
    def unusable(self) -> list:
        """The records set apart when the store was read: their fields have the wrong types
        (``tui.library.shapes.Unusable``, each able to ``describe()`` itself)."""
        return self.store.unusable

    def reload(self) -> None:
        """Re-read the file (another process may have written it)."""
        self.store.reload()

    def notices(self, *, unusable: bool = True) -> list[str]:
        """What a user should hear about this store, one line each: that it was just
        created (a typo in --db must not pass unnoticed), and (with ``unusable``) the
        records set apart."""
        lines = []
        if self.created:
            what = f"seeded with {plural(len(self), 'article')}" if len(self) else "empty"
            lines.append(f"created a new store at {self.path} ({what})")
        left_out = self.unusable
        if unusable and left_out:
            shown = "; ".join(u.describe() for u in left_out[:2])
            more = f"; and {len(left_out) - 2} more" if len(left_out) > 2 else ""
            # What the user wrote has nothing to be rebuilt from: repair keeps it, to mend by hand.
            mends = ("`cca-tui db repair` rebuilds them" if not any(u.table in USER_TABLES for u in left_out)
                     else f"`cca-tui db repair` rebuilds articles, officials and events; a tag or note is "
                          f"kept as it is, to mend by hand in {self.path.name}")
            lines.append(
                f"{len(left_out)} record(s) in {self.path} cannot be used and are left out: "
                f"{shown}{more} (`cca-tui db check` lists them, {mends})"
            )
        return lines

    # -- reading -------------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self.store)

    def articles(self) -> list[Article]:
        """All articles with their paragraphs, newest first (undated last), then by title."""
        return [codec.article(doc) for doc in self.store.articles()]

    def article(self, article_id: str) -> Article | None:
        """The article with this id (its paragraphs too), or None."""
        doc = self.store.article(article_id)
        return codec.article(doc) if doc is not None else None

    def officials(self) -> list[Official]:
        return codec.officials(self.store.officials())

    def events(self) -> list[Event]:
        """Timeline events, oldest first."""
        return codec.events(self.store.events())

    def contents(self) -> Contents:
        """What the faces show of the version held now (its index loaded when first asked for)."""
        version = self.store.file_stamp
        if self._contents is None or self._contents[0] != version:
            store = self.store
            officials, events = self.officials(), self.events()

            def annotations() -> Annotations:
                return userdata.annotations(self.tags(), self.notes(), officials, events, store._by_id)

            self._contents = (version, Contents(codec.headings(store.articles()), officials, events,
                                                self.index, self.article, store.mtime_ns, annotations))
        return self._contents[1]

    def tags(self) -> list[Tag]:
        """Every tag stored, in the order written (``contents().annotations`` has them by record)."""
        return [codec.tag(d) for d in self.store.user_records("tags").values()]

    def notes(self, article_id: str | None = None) -> list[Note]:
        """The notes stored (on one article, with ``article_id``), in the order written."""
        return [codec.note(d) for d in self.store.user_records("notes").values()
                if article_id is None or d["article_id"] == article_id]

    def index(self) -> SearchIndex:
        """The search index of the version held now: the saved one when current, else built
        (and saved for next time)."""
        version = self.store.file_stamp
        if self._index is None or self._index[0] != version:
            self._index = (version, indexing.index_of(self.store))
        return self._index[1]

    def search(self, query: Query | str, limit: int | None = None) -> Results:
        """Articles matching ``query``, best first, each with its hit paragraphs."""
        return self.contents().find_articles(query, limit=limit)

    def check(self) -> CheckReport:
        """Is the store sound? (``db check``)."""
        from tui.library.check import check_store

        return check_store(self.store)

    def feeds(self) -> list[Feed]:
        """The news feeds followed (``tui.library.feeds`` adds, removes and fetches them)."""
        return [codec.feed(doc) for doc in self.store.feeds()]

    # -- changing ------------------------------------------------------------------------

    def add(self, sources: Iterable[Source], progress: Progress | None = None,
            report: AddReport | None = None, also: Callable[[Batch], None] | None = None) -> AddReport:
        """Read ``sources`` and store the new articles, with their facts, in one locked, atomic
        write; a text already stored is skipped, a source that cannot be read is a failure.
        ``also``: a further change made in the same write (a feed's new state)."""
        from tui.library import upkeep
        from tui.library.pages import keep_page, take_page
        from tui.library.sources import AddReport, read_sources

        report = report if report is not None else AddReport()
        records = read_sources(list(sources), report, progress)
        # By the page's own ref (a hash of its bytes, which the record keeps as ``raw_ref``).
        pages = dict(page for r in records if (page := take_page(r)) is not None)
        path = self.store.path

        def add(batch: Batch) -> tuple[list[str], list[tuple[dict, str]]]:
            added, skipped = batch.add_articles(records)
            # The pages of the articles stored now (a text already stored brings none), under
            # the lock and before the store write (at the batch's end) that refers to them.
            for ref in dict.fromkeys((batch.store.article(a) or {}).get("raw_ref") for a in added):
                if ref in pages:
                    keep_page(path, ref, pages[ref])
            if also is not None:
                also(batch)
            return added, skipped

        if records or also is not None:
            added, skipped = upkeep.change(self.store, add, adding=True)
            report.added.extend(added)
            report.skipped.extend({"path": r.get("source_path"), "reason": why} for r, why in skipped)
        return report

    def add_paths(self, paths: Iterable[str | Path], overrides: Mapping[str, object] | None = None,
                  progress: Progress | None = None, max_bytes: int | None = None) -> AddReport:
        """``add`` the files and folders at ``paths`` (``overrides``: metadata for every one;
        ``max_bytes``: refuse larger files, default ``tui.ingest.files.DEFAULT_MAX_BYTES``)."""
        from tui.library.sources import AddReport, file_sources

        report = AddReport()
        return self.add(file_sources(paths, report, overrides, max_bytes), progress, report)

    # -- what the user writes (tui.library.userdata: kept through rebuild, repair, re-ingest) --

    def tag(self, targets: Iterable[Article | Official | Event], names: Iterable[str]) -> list[tuple[str, str, bool]]:
        """Put the tags ``names`` on ``targets`` (records of ``contents()``) in one write;
        returns (tag, what it is on, added) for each pair (False: it was there already).
        Raises ``tui.tag_names.BadTagName`` for a name that breaks the rules, before writing."""
        targets, names = list(targets), list(names)
        return self._user_change(lambda batch: userdata.add_tags(batch, targets, names))

    def untag(self, targets: Iterable[Article | Official | Event], names: Iterable[str]) -> list[tuple[str, str, bool]]:
        """Take the tags ``names`` off ``targets``; returns (tag, what it was on, removed) for each pair."""
        targets, names = list(targets), list(names)
        return self._user_change(lambda batch: userdata.remove_tags(batch, targets, names))

    def note(self, article: Article, text: str, paragraph: int | None = None, *,
             replace: bool = False) -> tuple[Note, str]:
        """Write ``text`` as the note on ``article`` (read with its paragraphs), or on its
        paragraph ``paragraph``: a new note, or added below the one there (``replace``: in
        place of it); returns the note and "added", "extended" or "replaced". Raises
        ``userdata.UserDataError`` (no text, no such paragraph) before writing."""
        return self._user_change(lambda batch: userdata.write_note(batch, article, paragraph, text, replace=replace))

    def delete_note(self, article: Article, paragraph: int | None = None) -> Note | None:
        """Remove the note on ``article`` (or its paragraph ``paragraph``); returns it, or None
        when there is none. The backup of the version before still holds it."""
        return self._user_change(lambda batch: userdata.delete_note(batch, article, paragraph))

    def _user_change(self, apply: Callable[[Batch], object]):
        from tui.library import upkeep

        return upkeep.change(self.store, apply, user_data=True)

    def reextract(self, notes: list[str] | None = None) -> int:
        """Run extraction again over every stored article (after an extractor upgrade), web
        pages from the bytes kept beside the store; returns how many articles were done.
        ``notes`` gets a line for each article that had to keep its stored text."""
        from tui.library import upkeep
        from tui.library.derive import reextract_all

        return upkeep.change(self.store, lambda batch: reextract_all(batch, notes))


def _create(store: Store, *, seed: bool) -> bool:
    """Create the store (seeded unless not ``seed``) in one write; False when another
    process created it while we waited for the lock."""
    from tui.library import upkeep
    from tui.library.sources import AddReport, file_sources, read_sources

    records = read_sources(file_sources([seed_dir()], AddReport()), AddReport()) if seed else []

    def create(batch: Batch) -> bool:
        if batch.store.meta is not None:
            return False
        batch.set_meta({"schema": SCHEMA_VERSION, "created": now()})
        batch.add_articles(records)
        return True

    return upkeep.change(store, create)


def snapshot(path: Path) -> Snapshot | None:
    """The explorer's fast start: the store file at ``path`` as it is now, read through its
    saved index (headings, tables; bodies when opened); None when the index cannot vouch for
    the file (then open a ``Library``, which says what is wrong if anything is)."""
    return Snapshot.open(path)


def saved_search(path: Path, query: Query | str,
                 limit: int | None = None) -> tuple[Results, Mapping[str, Article], Annotations] | None:
    """A one-shot search of the store file at ``path`` through its saved index, parsing only
    the articles it finds (and the small ``tags`` and ``notes`` tables), every article's
    heading (without its paragraphs) by id, and the articles' tags and notes; None when
    there is no current index (then open a ``Library``)."""
    from tui.library.shapes import misfits
    from tui.search import parse_query

    found = indexing.saved_file(path)
    if found is None or found.read_table is None:
        return None
    tables = {name: found.read_table(name) for name in ("tags", "notes")}
    if any(t is None or misfits(name, t) for name, t in tables.items()):
        return None  # the full open names what is wrong
    query = parse_query(query) if isinstance(query, str) else query
    tags, notes = userdata.read_tables(tables["tags"].values(), tables["notes"].values())  # type: ignore[union-attr]
    headings = codec.HeadingsById(found.records)
    # Only the articles' tags are asked for here: officials and events are not read.
    annotations = userdata.annotations([t for t in tags if t.on.kind == ARTICLE], notes, (), (), headings)
    within = annotations.articles_passing(query, headings)
    return found.index.search(query, limit=limit, within=within), headings, annotations


def repair(path: Path) -> list[str]:
    """``db repair`` of the store file at ``path`` (which need not open): the actions taken,
    one line each; raises ``StoreError`` when it must leave the file alone."""
    from tui.library.repair import repair_store

    return repair_store(path)


def source_text(article: Article) -> str:
    """An article as a source text (front matter and paragraphs) that ``add`` reads back as
    the same article: what ``export --format sources`` writes."""
    from tui.ingest.source import render_source

    return render_source(codec.document(article))
