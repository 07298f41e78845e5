"""The search index saved beside the store (``store.json.index``), so a search need not
re-tokenize every article, nor — from the CLI — parse the whole store.

The file: ``MAGIC``, an 8-byte header length, the header's checksum (16 hex digits), a
JSON header (the store version it describes; how many of its records were set apart; every article's record without its body and facts — enough for a list of
articles; where each article and each table sits in the store file; title tokens; the
vocabulary; where each token's postings, each initial's counts and each article's token
string start; and, in an index extended rather than rebuilt, the order documents rank in
on equal scores; each binary section's bounds and checksum), then a binary part: every token's postings (uint32 document numbers,
uint32 weighted counts, then uint64 places for phrases), per initial character the
weighted count of the tokens it starts in each article (uint32 per article: what a
one-letter word scores), and every article's token string (UTF-8). The binary part
is memory-mapped and, once its checksums have been checked, read only for the tokens
and articles a query touches.

It is never trusted when stale: it names the store file version it was built from
(size, modification time in ns, inode — every store write replaces the file, so
these change) and the store's ``revision``; anything else means "rebuild". Nor when
damaged: the fixed part holds an xxh3 checksum of the header, and the header one of
each section of the binary part (postings, initial counts, token strings); all are
checked when the file is loaded (10,000 articles, 110 MB: about 14 ms, read in chunks
rather than through the map, which would leave all of it resident), and a file that
fails is rebuilt. Writing it is atomic too, and a failure to write it only costs speed.
"""

from __future__ import annotations

import mmap
import os
import sys
from array import array
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import orjson
import xxhash

from tui.library.storage import FileStamp, Span, loads_without_gc
from tui.search import SearchIndex
from tui.search.documents import Counts, DocInfo
from tui.search.text import fold

MAGIC = b"CCA-IDX\x03"
FORMAT = 5
SECTIONS = ("postings", "initials", "bodies")
SUFFIX = ".index"
# What a list of articles never needs: 80 % of a record's bytes.
BODY_FIELDS = frozenset({"paragraphs", "raw", "facts"})


def index_path(store_path: Path) -> Path:
    """``store.json`` → ``store.json.index``."""
    return store_path.with_name(store_path.name + SUFFIX)


# -- writing ---------------------------------------------------------------------------


def heading(record: dict) -> dict:
    """An article record without its body and facts."""
    return {k: v for k, v in record.items() if k not in BODY_FIELDS}


def encode(index: SearchIndex, stamp: FileStamp, revision: int, records: list[dict],
           spans: list[Span] | None, tables: dict[str, Span] | None = None, unusable: int = 0) -> bytes:
    """The index file's bytes for ``index`` over the store version ``stamp``; ``records`` are
    the articles' headings in the index's document order; ``unusable``, how many records of
    that version were set apart (a reader that does not parse the store must not miss it)."""
    blob: list[bytes] = []
    pos = 0
    posting_starts = array("Q")
    doc_counts = array("I")
    for tok in index.vocab:
        docs, weights = index.postings(tok)
        places = index.places(tok)
        posting_starts.append(pos)
        doc_counts.append(len(docs))
        blob.append(docs.tobytes())
        blob.append(weights.tobytes())
        blob.append(places.tobytes())
        pos += len(docs) * 8 + len(places) * 8
    posting_starts.append(pos)
    sections = {"postings": [0, pos]}
    initial_starts = {}
    for initial in index.initial_letters():
        counts = index.initial_counts(initial)
        initial_starts[initial] = pos
        blob.append(counts.tobytes())
        pos += len(counts) * 4
    sections["initials"] = [sections["postings"][1], pos]
    body_starts = array("Q")
    for body in index.bodies:
        data = body.encode("utf-8")
        body_starts.append(pos)
        blob.append(data)
        pos += len(data)
    body_starts.append(pos)
    sections["bodies"] = [sections["initials"][1], pos]
    data = b"".join(blob)
    docs = index.docs
    header = {
        "format": FORMAT,
        "byteorder": sys.byteorder,
        "store": list(stamp),
        "revision": revision,
        "records": records,
        "countries": [sorted(d.countries) for d in docs],
        "names": [d.names for d in docs],
        "title_tokens": list(index.titles),
        "spans": [list(s) for s in spans] if spans is not None else None,
        "tables": {name: list(span) for name, span in tables.items()} if tables is not None else None,
        "vocab": index.vocab,
        "posting_starts": posting_starts.tobytes().hex(),
        "doc_counts": doc_counts.tobytes().hex(),
        "body_starts": body_starts.tobytes().hex(),
        "initials": initial_starts,
        "order": index.order.tobytes().hex() if index.order is not None else None,
        "unusable": unusable,
        "sections": {name: [start, end, _digest(data[start:end])] for name, (start, end) in sections.items()},
    }
    head = orjson.dumps(header)
    return MAGIC + len(head).to_bytes(8, "little") + _digest(head).encode() + head + data


def _digest(data) -> str:
    """The checksum of one part of the file: xxh3 (64 bits, 16 hex digits)."""
    return xxhash.xxh3_64_hexdigest(data)


DIGEST_LEN = 16


# -- reading ---------------------------------------------------------------------------


class _Texts:
    """Article token strings, decoded from the mapped file when first asked for."""

    __slots__ = ("_map", "_starts", "_cache")

    def __init__(self, mapped: mmap.mmap, starts: array):
        self._map = mapped
        self._starts = starts
        self._cache: dict[int, str] = {}

    def __len__(self) -> int:
        return len(self._starts) - 1

    def __getitem__(self, i: int) -> str:
        text = self._cache.get(i)
        if text is None:
            text = self._cache[i] = self._map[self._starts[i]:self._starts[i + 1]].decode("utf-8")
        return text


@dataclass
class SavedIndex:
    """What an index file holds besides the index: every article's heading (its record
    without body and facts) in document order, and where each article and each table sits
    in the store file (None when the file's layout is not known)."""

    index: SearchIndex
    records: list[dict]
    spans: list[Span] | None
    tables: dict[str, Span] | None
    unusable: int = 0  # records of that store version set apart (see Store.unusable)
    # One whole table of that store version by name (None: absent or unreadable), once attached.
    read_table: Callable[[str], dict | None] | None = None
    stamp: FileStamp | None = None  # the store version it describes, and its revision
    revision: int | None = None


class IndexDamaged(Exception):
    """The index file is for this store version but fails its checksums or its layout."""


def read_index(path: Path, stamp: FileStamp, revision: int | None = None) -> SavedIndex | None:
    """The index in ``path`` if it describes the store version ``stamp`` and is intact; else
    None (missing, stale or damaged: rebuild it).

    Its hits still need an article source: see ``attach``.
    """
    try:
        return load_index(path, stamp, revision)
    except IndexDamaged:
        return None


def load_index(path: Path, stamp: FileStamp, revision: int | None = None) -> SavedIndex | None:
    """``read_index``, but raising ``IndexDamaged`` (with what is wrong) for a damaged file,
    so that ``db check`` can tell damage from a missing or stale index (None)."""
    try:
        with open(path, "rb") as f:
            if f.read(len(MAGIC)) != MAGIC:
                return None  # another format (or not an index): stale, not damaged
            size = os.fstat(f.fileno()).st_size
            head_len = int.from_bytes(f.read(8), "little")
            digest = f.read(DIGEST_LEN)
            base = len(MAGIC) + 8 + DIGEST_LEN + head_len
            if base > size:
                raise IndexDamaged("its header is cut short")
            head = f.read(head_len)
            if _digest(head).encode() != digest:
                raise IndexDamaged("its header does not match its checksum")
            header = loads_without_gc(head)
            if header.get("format") != FORMAT or header.get("byteorder") != sys.byteorder:
                return None
            if tuple(header.get("store") or ()) != tuple(stamp):
                return None
            if revision is not None and header.get("revision") != revision:
                return None
            _check_sections(header, f, size, base)
            mapped = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as exc:  # orjson.JSONDecodeError is a ValueError
        raise IndexDamaged(f"it cannot be read ({exc})") from exc
    try:
        found = _decode(header, mapped, base)
    except (KeyError, TypeError, ValueError, IndexError) as exc:  # a header we did not write
        raise IndexDamaged(f"its header is not laid out as expected ({exc.__class__.__name__})") from exc
    if found is None:
        raise IndexDamaged("its parts do not fit together")
    found.stamp, found.revision = tuple(stamp), header.get("revision")
    return found


def restamped(path: Path, old: tuple[FileStamp, int | None], stamp: FileStamp, revision: int,
              spans: dict[str, Span] | None, tables: dict[str, Span] | None, unusable: int) -> bytes | None:
    """The index file at ``path``, made for the store version ``old`` (stamp, revision),
    issued again for the version ``stamp`` that holds the same articles (a write of tags or
    notes only): its binary part as it is (checksums and all), its header naming the new
    version and where each record and table sits in it now. None when the file is not that
    version's (another process wrote it meanwhile) or cannot be read."""
    try:
        with open(path, "rb") as f:
            data = f.read()
    except OSError:
        return None
    if data[:len(MAGIC)] != MAGIC:
        return None
    head_len = int.from_bytes(data[len(MAGIC):len(MAGIC) + 8], "little")
    start = len(MAGIC) + 8 + DIGEST_LEN
    head = data[start:start + head_len]
    if _digest(head).encode() != data[len(MAGIC) + 8:start]:
        return None
    header = loads_without_gc(head)
    if tuple(header.get("store") or ()) != tuple(old[0]) or header.get("revision") != old[1]:
        return None
    ids = [r["id"] for r in header["records"]]
    header.update(store=list(stamp), revision=revision, unusable=unusable,
                  spans=[list(spans[i]) for i in ids] if spans is not None and all(i in spans for i in ids) else None,
                  tables={name: list(span) for name, span in tables.items()} if tables is not None else None)
    head = orjson.dumps(header)
    return MAGIC + len(head).to_bytes(8, "little") + _digest(head).encode() + head + data[start + head_len:]


def _check_sections(header: dict, f: BinaryIO, size: int, base: int) -> None:
    """Every section of the binary part (from ``base`` in ``f``, a file of ``size`` bytes)
    against its checksum in the header."""
    sections = header.get("sections")
    if not isinstance(sections, dict) or set(sections) != set(SECTIONS):
        raise IndexDamaged("its header lists no checksums")
    for name in SECTIONS:
        start, end, digest = sections[name]
        if not (0 <= start <= end and base + end <= size):
            raise IndexDamaged(f"its {name} lie outside the file")
        if _digest_of_range(f, base + start, base + end) != digest:
            raise IndexDamaged(f"its {name} do not match their checksum")
    if base + sections["bodies"][1] != size:
        raise IndexDamaged("it is longer than its header says")


_CHUNK = 1 << 20


def _digest_of_range(f: BinaryIO, start: int, end: int) -> str:
    """``_digest`` of bytes ``start:end`` of ``f``, read a chunk at a time. Not through the
    memory map: checking would make every page of it resident in this process (100 MB at
    10,000 articles), where a search needs only the few its tokens touch."""
    digest = xxhash.xxh3_64()
    buffer = memoryview(bytearray(_CHUNK))
    f.seek(start)
    for at in range(start, end, _CHUNK):
        want = min(_CHUNK, end - at)
        got = f.readinto(buffer[:want])
        if got != want:
            raise IndexDamaged("it is cut short")
        digest.update(buffer[:want])
    return digest.hexdigest()


def _decode(header: dict, mapped: mmap.mmap, base: int) -> SavedIndex | None:
    records = header["records"]
    posting_starts = array("Q", bytes.fromhex(header["posting_starts"]))
    doc_counts = array("I", bytes.fromhex(header["doc_counts"]))
    body_starts = array("Q", bytes.fromhex(header["body_starts"]))
    if (len(posting_starts) != len(header["vocab"]) + 1 or len(doc_counts) != len(header["vocab"])
            or len(body_starts) != len(records) + 1):
        return None
    posting_starts = array("Q", (base + p for p in posting_starts))
    body_starts = array("Q", (base + p for p in body_starts))
    if body_starts[-1] != len(mapped):
        return None
    # One bad record in the version it describes: the caller must parse the store to say so.
    unusable = header.get("unusable") or 0

    def postings(slot: int) -> tuple[array, array]:
        start, n = posting_starts[slot], doc_counts[slot]
        return array("I", mapped[start:start + 4 * n]), array("I", mapped[start + 4 * n:start + 8 * n])

    n_docs = len(records)

    def initial(start: int):
        return lambda: Counts("I", mapped[start:start + 4 * n_docs])

    initials = {c: initial(base + start) for c, start in (header.get("initials") or {}).items()}

    def places(slot: int) -> array:
        return array("Q", mapped[posting_starts[slot] + 8 * doc_counts[slot]:posting_starts[slot + 1]])

    docs = [
        DocInfo(r["id"], r.get("title") or "", r.get("published") or "", fold(r.get("outlet") or ""), frozenset(c), n)
        for r, c, n in zip(records, header["countries"], header["names"])
    ]
    order = None
    if header.get("order") is not None:
        order = array("I", bytes.fromhex(header["order"]))
        if len(order) != n_docs or sorted(order) != list(range(n_docs)):
            return None
    index = SearchIndex.from_parts(docs, header["title_tokens"], _Texts(mapped, body_starts), header["vocab"],
                                   postings, places, lambda i: None, initials, order)
    spans = header.get("spans")
    tables = header.get("tables")
    return SavedIndex(
        index, records,
        [tuple(s) for s in spans] if spans is not None and len(spans) == n_docs else None,
        {name: tuple(span) for name, span in tables.items()} if tables is not None else None,
        unusable,
    )


def attach(index: SearchIndex, article) -> SearchIndex:
    """Give ``index`` its source of articles for hit paragraphs: ``article(i)`` → record."""
    index.read_articles_with(article)
    return index
