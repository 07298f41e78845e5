"""What the user writes: tags and notes, kept in the store's ``tags`` and ``notes`` tables.

Nothing derives them, so nothing rebuilds them: re-extraction (``db rebuild``) remakes the
officials and events tables, ``db repair`` remakes damaged articles from their raw texts,
and neither touches these tables. What a tag is on is said so that it is found again
after that (``tui.records.Ref``): an article by its id, an official by its name and
country, an event by the sentences that state it and its date. A tag whose official or
event is no longer found stays stored, counted as not found (``cca-tui tags``, ``db
check``), and comes back when it is found again. A note on a paragraph keeps the
paragraph's text: if the article's text changes, the note goes with the paragraph that
still reads so, or stays at its number, flagged (``place_notes``).

The changes here run inside a write batch (``Library.tag`` and the others call them
through ``upkeep.change``), so they are written in one locked, atomic write with a backup
of the version before.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property

from tui.ingest.sanitize import sanitize
from tui.library import codec
from tui.library.store import Batch, now
from tui.records import ARTICLE, EVENT, OFFICIAL, Article, Event, Evidence, Note, Official, Ref, Tag
from tui.search.annotations import Annotations
from tui.search.text import fold
from tui.tag_names import check_tag, tag_key

Target = Article | Official | Event


class UserDataError(ValueError):
    """A tag or note that cannot be written as asked; the message is for the user."""


# -- what a tag is on -----------------------------------------------------------------------


def ref_of(record: Target) -> Ref:
    """How a tag on ``record`` names it (see the module's docstring)."""
    if isinstance(record, Article):
        return Ref(ARTICLE, record.id)
    if isinstance(record, Official):
        return Ref(OFFICIAL, record.id, name=record.name, country=record.country)
    evidence = tuple(Evidence(e.article_id, e.paragraph, e.text) for e in record.evidence if e.text)
    return Ref(EVENT, record.id, date=record.date, evidence=evidence)


def label_of(record: Target) -> str:
    """What the record is called where a list shows it: what a tag remembers it by."""
    if isinstance(record, Article):
        return record.title or record.id
    if isinstance(record, Official):
        return record.name
    return f"{record.date} {record.summary or ''}".strip()


class Finder:
    """Finds what refs name among one version's officials and events (either given as a
    function: read only when a ref of that kind is looked for)."""

    def __init__(self, officials: Sequence[Official] | Callable[[], Sequence[Official]],
                 events: Sequence[Event] | Callable[[], Sequence[Event]]):
        self._officials, self._events = officials, events

    @cached_property
    def _names(self) -> dict[str, list[Official]]:
        names: dict[str, list[Official]] = {}
        for o in self._officials() if callable(self._officials) else self._officials:
            for name in dict.fromkeys(fold(n) for n in o.names if n):
                names.setdefault(name, []).append(o)
        return names

    @cached_property
    def _event_list(self) -> Sequence[Event]:
        return self._events() if callable(self._events) else self._events

    @cached_property
    def _sentences(self) -> dict[tuple[str | None, str], list[Event]]:
        sentences: dict[tuple[str | None, str], list[Event]] = {}
        for e in self._event_list:
            for ev in e.evidence:
                if ev.text:
                    bucket = sentences.setdefault((ev.article_id, ev.text), [])
                    if e not in bucket:
                        bucket.append(e)
        return sentences

    @cached_property
    def _event_ids(self) -> set[str]:
        return {e.id for e in self._event_list}

    def find(self, ref: Ref, article_ids: set[str] | dict | None = None) -> str | None:
        """The current id of what ``ref`` names; None when it is not there (now)."""
        if ref.kind == ARTICLE:
            return ref.id if article_ids is None or ref.id in article_ids else None
        if ref.kind == OFFICIAL:
            return self._official(ref)
        if ref.kind == EVENT:
            return self._event(ref)
        return None

    def _official(self, ref: Ref) -> str | None:
        found = self._names.get(fold(ref.name or ""), [])
        if ref.country:  # a namesake of another country is someone else
            found = [o for o in found if o.country in (None, ref.country)] or []
        if not found:
            return None
        # The same name as the person's own (not an alias), then the id it had, then the first.
        best = sorted(found, key=lambda o: (fold(o.name) != fold(ref.name or ""), o.id != ref.id, o.id))
        return best[0].id

    def _event(self, ref: Ref) -> str | None:
        if not ref.evidence:  # nothing else to go by
            return ref.id if ref.id in self._event_ids else None
        shared: dict[str, list] = {}
        for ev in ref.evidence:
            for e in self._sentences.get((ev.article_id, ev.text or ""), ()):
                entry = shared.setdefault(e.id, [0, e])
                entry[0] += 1
        if not shared:
            return None
        # Most sentences in common, then the same date (one sentence can state two events).
        best = sorted(shared.values(), key=lambda s: (-s[0], s[1].date != ref.date, s[1].id != ref.id, s[1].id))
        return best[0][1].id


def annotations(tags: Iterable[Tag], notes: Iterable[Note], officials: Sequence[Official],
                events: Sequence[Event], article_ids: set[str] | dict | None = None) -> Annotations:
    """The tags and notes of one store version, each tag on the current id of its record."""
    finder = Finder(officials, events)
    return Annotations([(t, finder.find(t.on, article_ids)) for t in tags], notes)


def read_tables(tags: Iterable[dict], notes: Iterable[dict]) -> tuple[list[Tag], list[Note]]:
    """The records of the stored ``tags`` and ``notes`` documents."""
    return [codec.tag(d) for d in tags], [codec.note(d) for d in notes]


# -- where a note stands ----------------------------------------------------------------------


@dataclass(slots=True)
class PlacedNote:
    """A note as an article shows it now: at ``paragraph`` (None: on the article), and
    ``changed`` when its paragraph no longer reads as it did when the note was written
    (``note.quoted`` says how it read)."""

    note: Note
    paragraph: int | None
    changed: bool = False


def place_notes(article: Article, notes: Iterable[Note]) -> list[PlacedNote]:
    """Where each of ``notes`` (on ``article``) shows: a paragraph note by the paragraph that
    reads as it did (its number may have moved), else at its number if the article has it,
    flagged, else on the article, flagged. Article notes first, then by paragraph."""
    paragraphs = article.paragraphs or ()
    numbers = {p.n for p in paragraphs}
    by_text: dict[str, int] = {}
    for p in paragraphs:
        by_text.setdefault(p.text, p.n)
    placed = []
    for note in notes:
        if note.paragraph is None:
            placed.append(PlacedNote(note, None))
            continue
        here = article.paragraph(note.paragraph)
        if note.quoted is None or (here is not None and here.text == note.quoted):
            placed.append(PlacedNote(note, note.paragraph if note.paragraph in numbers else None,
                                     note.paragraph not in numbers))
        elif note.quoted in by_text:
            placed.append(PlacedNote(note, by_text[note.quoted]))
        else:
            placed.append(PlacedNote(note, note.paragraph if note.paragraph in numbers else None, True))
    return sorted(placed, key=lambda p: (p.paragraph is not None, p.paragraph or 0))


# -- changes, inside a write batch -----------------------------------------------------------


def _usable(batch: Batch, table: str) -> dict[str, dict]:
    return batch.store.user_records(table)


def _finder(batch: Batch) -> Finder:
    store = batch.store
    return Finder(lambda: codec.officials(store.officials()), lambda: codec.events(store.events()))


def _current(batch: Batch, finder: Finder, record: Target) -> tuple[Ref, str]:
    """``record``'s ref, and its id in the version being written (the caller read an
    earlier one, maybe: another process may have written since)."""
    ref = ref_of(record)
    if ref.kind == ARTICLE and batch.store.article(ref.id) is None:
        raise UserDataError(f"no article with id {ref.id!r}")
    return ref, finder.find(ref) or record.id


def add_tags(batch: Batch, targets: Sequence[Target], names: Sequence[str]) -> list[tuple[str, str, bool]]:
    """Put each of ``names`` on each of ``targets``; returns (tag, label, added) for each pair
    (False: it was there already). A tag written in another case than the one stored is the
    stored one."""
    names = [check_tag(n) for n in names]
    stored = _usable(batch, "tags")
    finder = _finder(batch)
    spelling = {tag_key(d["tag"]): d["tag"] for d in stored.values()}
    have = {(tag_key(d["tag"]), d["on"]["kind"], finder.find(codec.ref(d["on"]))) for d in stored.values()}
    fresh, done = [], []
    for record in targets:
        ref, current = _current(batch, finder, record)
        for name in names:
            key = tag_key(name)
            tag = spelling.setdefault(key, name)
            if (key, ref.kind, current) in have:
                done.append((tag, label_of(record), False))
                continue
            have.add((key, ref.kind, current))
            fresh.append(codec.document(Tag(tag, ref, now(), label_of(record))))
            done.append((tag, label_of(record), True))
    batch.add_records("tags", fresh)
    return done


def remove_tags(batch: Batch, targets: Sequence[Target], names: Sequence[str]) -> list[tuple[str, str, bool]]:
    """Take each of ``names`` off each of ``targets``; returns (tag, label, removed) for each
    pair (False: it was not there)."""
    keys = [tag_key(n) for n in names]
    stored = _usable(batch, "tags")
    finder = _finder(batch)
    where = {doc_id: (tag_key(d["tag"]), d["on"]["kind"], finder.find(codec.ref(d["on"])))
             for doc_id, d in stored.items()}
    gone: list[str] = []
    done = []
    for record in targets:
        ref, current = _current(batch, finder, record)
        for name, key in zip(names, keys):
            hits = [doc_id for doc_id, w in where.items() if w == (key, ref.kind, current) and doc_id not in gone]
            gone.extend(hits)
            shown = stored[hits[0]]["tag"] if hits else name
            done.append((shown, label_of(record), bool(hits)))
    batch.remove_records("tags", gone)
    return done


def _note_here(batch: Batch, article: Article, paragraph: int | None) -> tuple[str, dict] | None:
    """The stored note (doc id, document) that shows at ``paragraph`` of ``article`` (None:
    the note on the article itself, not a paragraph's note shown there for want of its
    paragraph)."""
    stored = [(doc_id, d) for doc_id, d in _usable(batch, "notes").items() if d["article_id"] == article.id]
    records = [codec.note(d) for _, d in stored]
    for placed in place_notes(article, records):
        if placed.paragraph == paragraph and (paragraph is not None or placed.note.paragraph is None):
            return stored[next(k for k, n in enumerate(records) if n is placed.note)]
    return None


def write_note(batch: Batch, article: Article, paragraph: int | None, text: str, *, replace: bool) -> tuple[Note, str]:
    """Write ``text`` as the note at ``paragraph`` of ``article`` (None: on the article): a
    new note, or — with one there — added below its text (``replace``: in place of it).
    Returns the note as stored and what was done ("added", "extended", "replaced")."""
    text = sanitize(text).strip("\n")  # no escapes or invisible characters, as in stored text
    if not text.strip():
        raise UserDataError("a note needs some text")
    quoted = None
    if paragraph is not None:
        found = article.paragraph(paragraph)
        if found is None:
            raise UserDataError(f"article {article.id} has no paragraph {paragraph} "
                                f"(it has {len(article.paragraphs or ())})")
        quoted = found.text
    here = _note_here(batch, article, paragraph)
    stamp = now()
    if here is None:
        note = Note(article.id, text, paragraph, quoted, stamp, stamp)
        batch.add_records("notes", [codec.document(note)])
        return note, "added"
    doc_id, doc = here
    old = codec.note(doc)
    new_text = text if replace else f"{old.text}\n{text}"
    # Written again where it shows now: the paragraph's number and text as they are.
    note = Note(article.id, new_text, paragraph, quoted, old.created, stamp)
    batch.replace_records("notes", {doc_id: codec.document(note)})
    return note, "replaced" if replace else "extended"


def delete_note(batch: Batch, article: Article, paragraph: int | None) -> Note | None:
    """Remove the note at ``paragraph`` of ``article`` (None: on the article); None when
    there is none (the backup of the version before keeps a note removed)."""
    here = _note_here(batch, article, paragraph)
    if here is None:
        return None
    batch.remove_records("notes", [here[0]])
    return codec.note(here[1])
