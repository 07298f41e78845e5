"""Stored documents ⇄ records: the one place that knows both shapes.

The store keeps JSON documents (``tui.library.shapes`` says what types their fields may
have); the faces, citations and matching get ``tui.records``. A field the document lacks
gets the record's default (stores written by older versions lack newer fields); a field
the record does not know is not carried over. ``document`` goes back, for ``--json``
output and exports: the document's shape, with the record's fields.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from tui.records import Article, Event, Evidence, Feed, Mention, Note, Official, Paragraph, Ref, Role, Tag

Doc = Mapping[str, Any]


def article(doc: Doc, *, body: bool = True) -> Article:
    """The article of a stored document; without ``body`` (or when the document has none:
    a heading from the index file) its heading, ``paragraphs`` None."""
    paragraphs = doc.get("paragraphs") if body else None
    return Article(
        doc.get("id") or "", doc.get("title"), doc.get("outlet"), doc.get("url"), doc.get("published"),
        tuple(doc.get("authors") or ()), doc.get("language"), doc.get("place"), doc.get("source_path"),
        doc.get("ingested"),
        None if paragraphs is None else tuple(Paragraph(p["n"], p["kind"], p["text"]) for p in paragraphs),
    )


def heading(doc: Doc) -> Article:
    """The article of a stored document without its paragraphs: what a list shows."""
    return article(doc, body=False)


def official(doc: Doc) -> Official:
    """The official of a stored document (of the officials table, or of an article's facts)."""
    return Official(
        doc.get("id") or "", doc.get("name") or "", tuple(doc.get("aliases") or ()), doc.get("country"),
        tuple(doc.get("titles") or ()),
        tuple(Role(r["title"], r.get("article_id"), r.get("paragraph"), r.get("date"), r.get("evidence"))
              for r in doc.get("roles") or ()),
        tuple(Mention(m.get("article_id"), m["paragraph"], m["start"], m["end"], m.get("text"),
                      bool(m.get("reference")))
              for m in doc.get("mentions") or ()),
        tuple(doc.get("article_ids") or ()),
    )


def event(doc: Doc) -> Event:
    """The event of a stored document."""
    return Event(
        doc.get("id") or "", doc.get("date") or "", doc.get("precision") or "", doc.get("summary"),
        doc.get("place"), tuple(doc.get("participants") or ()), tuple(doc.get("article_ids") or ()),
        tuple(Evidence(e.get("article_id"), e.get("paragraph"), e.get("text")) for e in doc.get("evidence") or ()),
        doc.get("end_date"), bool(doc.get("planned")),
    )


def feed(doc: Doc) -> Feed:
    """A followed feed of a stored document (its fetch validators stay in the store)."""
    return Feed(doc.get("name") or "", doc.get("url") or "", doc.get("added"), doc.get("fetched"),
                len(doc.get("seen") or ()))


def ref(doc: Doc) -> Ref:
    """What a stored tag is on."""
    return Ref(doc.get("kind") or "", doc.get("id") or "", doc.get("name"), doc.get("country"), doc.get("date"),
               tuple(Evidence(e.get("article_id"), e.get("paragraph"), e.get("text")) for e in doc.get("evidence") or ()))


def tag(doc: Doc) -> Tag:
    """A stored tag (of the ``tags`` table)."""
    return Tag(doc.get("tag") or "", ref(doc.get("on") or {}), doc.get("added"), doc.get("label"))


def note(doc: Doc) -> Note:
    """A stored note (of the ``notes`` table)."""
    return Note(doc.get("article_id") or "", doc.get("text") or "", doc.get("paragraph"), doc.get("quoted"),
                doc.get("created"), doc.get("updated"))


def headings(docs: Iterable[Doc]) -> list[Article]:
    return [heading(d) for d in docs]


class HeadingsById(Mapping[str, Article]):
    """Headings by article id, each made a record when first read: a one-shot search shows a
    handful of 10,000 (making them all would cost it 10 %)."""

    def __init__(self, docs: Iterable[Doc]):
        self._docs = {d.get("id") or "": d for d in docs}
        self._made: dict[str, Article] = {}

    def __getitem__(self, article_id: str) -> Article:
        made = self._made.get(article_id)
        if made is None:
            made = self._made[article_id] = heading(self._docs[article_id])
        return made

    def __iter__(self) -> Iterator[str]:
        return iter(self._docs)

    def __len__(self) -> int:
        return len(self._docs)


def officials(docs: Iterable[Doc]) -> list[Official]:
    return [official(d) for d in docs]


def events(docs: Iterable[Doc]) -> list[Event]:
    return [event(d) for d in docs]


# -- and back ---------------------------------------------------------------------------


Record = Article | Official | Event | Feed | Paragraph | Role | Mention | Evidence | Ref | Tag | Note


def document(record: Record) -> dict:
    """``record`` in the shape of its stored document (lists for tuples; an article read as
    a heading has no ``paragraphs``)."""
    out: dict[str, Any] = {}
    for name in record.__slots__:  # type: ignore[union-attr]
        value = getattr(record, name)
        if isinstance(value, tuple):
            value = [document(v) if hasattr(v, "__slots__") else v for v in value]
        elif hasattr(value, "__slots__"):
            value = document(value)
        elif value is None and name == "paragraphs":
            continue
        out[name] = value
    return out
