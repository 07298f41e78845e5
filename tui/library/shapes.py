"""What a usable record looks like: the types every reader of the store relies on.

The store is a JSON file people can edit by hand. A record whose fields have the wrong
types (a title that is a number, paragraphs that are a string, an event date that is
null) would crash whatever reads it, so the store checks every record when it loads
and sets such records apart, named, instead of handing them on (``Store.unusable``).

The checks run on every start that parses the store (10,000 articles: about 20 ms), so
the common case is one pass per field over a whole table at C speed (``map``, ``set``),
and only a table that fails is looked at record by record, in Python, to say what is
wrong where.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

_MISSING = object()
_Missing = type(_MISSING)
NoneType = type(None)

# An ISO date cut to its precision: 2024, 2024-03, 2024-03-31.
ISO_DATE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")


@dataclass(frozen=True)
class Field:
    """One field of a record: the types it may have, and what its parts must be."""

    types: frozenset[type]
    required: bool = False
    rows: dict[str, Field] | None = None  # a list of objects of this shape, or one object
    items: frozenset[type] | None = None  # a list of values of these types
    pattern: re.Pattern[str] | None = None  # what its text must look like
    pattern_name: str = ""


def text(*, required: bool = False, pattern: re.Pattern[str] | None = None, pattern_name: str = "") -> Field:
    """Text; when not ``required``, also null or absent."""
    types = {str} if required else {str, NoneType}
    return Field(frozenset(types), required, pattern=pattern, pattern_name=pattern_name)


def number(*, required: bool = False, nullable: bool = False) -> Field:
    """A whole number (true/false is not one); with ``nullable``, also null."""
    return Field(frozenset({int, NoneType} if nullable else {int}), required)


def texts() -> Field:
    """A list of texts."""
    return Field(frozenset({list}), items=frozenset({str}))


def rows(shape: dict[str, Field], *, required: bool = False) -> Field:
    """A list of objects of ``shape``."""
    return Field(frozenset({list}), required, rows=shape)


def obj(shape: dict[str, Field], *, required: bool = False) -> Field:
    """An object of ``shape``; when not ``required``, also null or absent."""
    return Field(frozenset({dict} if required else {dict, NoneType}), required, rows=shape)


PARAGRAPH = {"n": number(required=True), "kind": text(required=True), "text": text(required=True)}
EVIDENCE = {"article_id": text(), "paragraph": number(), "text": text()}
MENTION = {"article_id": text(), "paragraph": number(required=True), "start": number(required=True),
           "end": number(required=True)}
ROLE = {"title": text(required=True), "article_id": text(), "paragraph": number(), "date": text(),
        "evidence": text()}
OFFICIAL_FACTS = {"name": text(required=True), "aliases": texts(), "country": text(), "titles": texts(),
                  "roles": rows(ROLE), "mentions": rows(MENTION)}
EVENT_FACTS = {"date": text(required=True, pattern=ISO_DATE, pattern_name="an ISO date"),
               "precision": text(required=True), "summary": text(), "place": text(),
               "participants": texts(), "evidence": rows(EVIDENCE)}
FACTS = {"officials": rows(OFFICIAL_FACTS), "events": rows(EVENT_FACTS)}

ARTICLE = {
    "id": text(required=True),
    "title": text(), "outlet": text(), "url": text(), "language": text(),
    "published": text(pattern=ISO_DATE, pattern_name="an ISO date (YYYY-MM-DD)"),
    "authors": texts(),
    "paragraphs": rows(PARAGRAPH, required=True),
    "raw": text(), "content_hash": text(), "source_path": text(), "ingested": text(),
    "raw_ref": text(), "raw_charset": text(),  # a web page kept beside the store (library/pages.py)
    "given": texts(),  # the metadata fields the ingest flags set: a rebuild from the page keeps them
    "facts": obj(FACTS),
}
OFFICIAL = {"id": text(required=True), **OFFICIAL_FACTS, "article_ids": texts()}
EVENT = {"id": text(required=True), **EVENT_FACTS, "article_ids": texts()}

# What the user writes (tui.records.Tag, Note): never rebuilt from anything, so a record
# that does not fit is set apart and named like any other, and kept as it is.
KIND = re.compile(r"article|official|event")
SENTENCE = {"article_id": text(), "paragraph": number(nullable=True), "text": text()}
REF = {"kind": text(required=True, pattern=KIND, pattern_name="article, official or event"),
       "id": text(required=True), "name": text(), "country": text(), "date": text(), "evidence": rows(SENTENCE)}
TAG = {"tag": text(required=True), "on": obj(REF, required=True), "added": text(), "label": text()}
NOTE = {"article_id": text(required=True), "text": text(required=True), "paragraph": number(nullable=True),
        "quoted": text(), "created": text(), "updated": text()}

SHAPES = {"articles": ARTICLE, "officials": OFFICIAL, "events": EVENT, "tags": TAG, "notes": NOTE}


# -- the fast pass: one generated function per shape ---------------------------------------
#
# A store of 10,000 articles holds about 1.5 million objects to look at. A loop that
# visits each object once, while it is in the cache, costs half of anything that walks
# the tables field by field, so each shape becomes the plain function one would write
# by hand (``_source`` shows it).


def _source(shape: dict[str, Field], name: str, env: dict[str, Any]) -> str:
    lines = [f"def {name}(o):", "    if type(o) is not dict: return False"]
    for i, (key, f) in enumerate(shape.items()):
        allowed = f"T_{name}_{i}"
        env[allowed] = f.types if f.required else f.types | {_Missing}
        lines.append(f"    v = o.get({key!r}, MISSING)")
        lines.append("    t = type(v)")
        lines.append(f"    if t not in {allowed}: return False")
        if f.pattern is not None:
            env[f"P_{name}_{i}"] = f.pattern.fullmatch
            lines.append(f"    if t is str and P_{name}_{i}(v) is None: return False")
        if f.items is not None:
            env[f"I_{name}_{i}"] = f.items
            lines.append("    if t is list:")
            lines.append("        for x in v:")
            lines.append(f"            if type(x) not in I_{name}_{i}: return False")
        if f.rows is not None:
            inner = f"{name}_{i}"
            lines[:0] = _source(f.rows, inner, env).splitlines()
            if dict in f.types:
                lines.append(f"    if t is dict and not {inner}(v): return False")
            else:
                lines.append("    if t is list:")
                lines.append("        for x in v:")
                lines.append(f"            if not {inner}(x): return False")
    lines.append("    return True")
    return "\n".join(lines)


def _compile(shape: dict[str, Field]) -> Any:
    env: dict[str, Any] = {"MISSING": _MISSING, "dict": dict, "list": list, "str": str, "type": type}
    exec(_source(shape, "fits", env), env)  # noqa: S102 — our own source, from the shapes above
    return env["fits"]


_FITS: dict[int, tuple[dict[str, Field], Any]] = {}  # id → (the shape, kept alive; its function)


def _fits(objects: list[Any], shape: dict[str, Field]) -> bool:
    """True when every one of ``objects`` is an object of ``shape`` (one of the shapes above)."""
    entry = _FITS.get(id(shape))
    if entry is None or entry[0] is not shape:
        entry = _FITS[id(shape)] = (shape, _compile(shape))
    return all(map(entry[1], objects))


# -- the slow pass: what is wrong, where --------------------------------------------------

_WHAT = {str: "text", int: "a number", float: "a number", bool: "true/false", NoneType: "null",
         list: "a list", dict: "an object"}


def _what(value: Any) -> str:
    return _WHAT.get(type(value), type(value).__name__)


def _wanted(types: frozenset[type]) -> str:
    names = [_WHAT[t] for t in (str, int, list, dict) if t in types]
    return " or ".join(dict.fromkeys(names))


def _explain(obj_: Any, shape: dict[str, Field], where: str, out: list[str], limit: int) -> None:
    if type(obj_) is not dict:
        out.append(f"{where or 'the record'} is {_what(obj_)}, not an object")
        return
    for key, f in shape.items():
        if len(out) >= limit:
            return
        name = f"{where}.{key}" if where else key
        if key not in obj_:
            if f.required:
                out.append(f"it has no {name}")
            continue
        value = obj_[key]
        if type(value) not in f.types:
            out.append(f"{name} is {_what(value)}, not {_wanted(f.types)}")
            continue
        if f.pattern is not None and type(value) is str and not f.pattern.fullmatch(value):
            out.append(f"{name} is {value[:40]!r}, not {f.pattern_name}")
        if f.items is not None and type(value) is list:
            bad = next((i for i, v in enumerate(value) if type(v) not in f.items), None)
            if bad is not None:
                out.append(f"{name}[{bad}] is {_what(value[bad])}, not {_wanted(f.items)}")
        if f.rows is not None:
            if type(value) is dict:
                _explain(value, f.rows, name, out, limit)
            elif type(value) is list:
                for i, row in enumerate(value):
                    if len(out) >= limit:
                        return
                    if not _fits([row], f.rows):
                        _explain(row, f.rows, f"{name}[{i}]", out, limit)


def problems(record: Any, shape: dict[str, Field], limit: int = 3) -> list[str]:
    """What is wrong with ``record`` (at most ``limit`` things), or [] when it fits ``shape``."""
    if _fits([record], shape):
        return []
    out: list[str] = []
    _explain(record, shape, "", out, limit)
    return out or ["it does not have the expected shape"]


def field_problems(shape: dict[str, Field], key: str, value: Any) -> list[str]:
    """What is wrong with ``value`` as the field ``key`` of ``shape`` ([] when nothing)."""
    out: list[str] = []
    _explain({key: value}, {key: shape[key]}, "", out, 1)
    return out


def misfits(table: str, docs: dict[Any, Any]) -> dict[Any, list[str]]:
    """``{doc_id: problems}`` for the records of ``table`` that do not fit its shape."""
    shape = SHAPES[table]
    if _fits(list(docs.values()), shape):
        return {}
    return {doc_id: found for doc_id, doc in docs.items() if (found := problems(doc, shape))}


@dataclass(frozen=True)
class Unusable:
    """A record whose fields do not have the types cca-tui relies on: set apart, named."""

    table: str
    doc_id: str
    record: Any
    problems: tuple[str, ...]

    def describe(self) -> str:
        """``article record 3 (id foo): title is a number, not text``."""
        record = self.record if isinstance(self.record, dict) else {}
        # What the user wrote is named by what it says: it has no id of its own.
        rid, label = {"tags": (record.get("tag"), "tag"), "notes": (record.get("article_id"), "on article")}.get(
            self.table, (record.get("id"), "id"))
        named = f" ({label} {rid})" if isinstance(rid, str) else ""
        return f"{TABLE_NOUNS[self.table]} record {self.doc_id}{named}: {'; '.join(self.problems)}"


TABLE_NOUNS = {"articles": "article", "officials": "official", "events": "event", "tags": "tag", "notes": "note"}


__all__ = ["ARTICLE", "EVENT", "NOTE", "OFFICIAL", "SHAPES", "TAG", "TABLE_NOUNS", "Field", "Unusable", "field_problems", "misfits", "problems"]
