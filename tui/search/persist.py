"""The search index saved beside the store (``store.json.index``), so a search need not
re-tokenize every article, nor — from the CLI — parse the whole store.

The file: ``MAGIC``, an 8-byte header length, a JSON header (the store version it
describes, per-article metadata and title tokens, the vocabulary, where each token's
postings, each initial's counts and each article's token string start), then a binary part:
every token's postings (uint32 document numbers, uint32 weighted counts, then uint64 places
for phrases), per initial character the weighted count of the tokens it starts in each
article (uint32 per article: what a one-letter word scores), and every article's token
string (UTF-8). The binary part is memory-mapped and read only for the tokens
and articles a query touches.

It is never trusted when stale: it names the store file version it was built from
(size, modification time in ns, inode — every store write replaces the file, so
these change) and the store's ``revision``; anything else means "rebuild". Writing
it is atomic too, and a failure to write it only costs speed.
"""

from __future__ import annotations

import gc
import mmap
import os
import sys
from array import array
from pathlib import Path

import orjson

from tui.search.engine import PARAGRAPH_BREAK, DocInfo, SearchIndex, _Counts
from tui.storage import FileStamp, Span, atomic_write_bytes, file_stamp, loads_without_gc, serialize_tree

MAGIC = b"CCA-IDX\x02"
FORMAT = 3
SUFFIX = ".index"


def index_path(store_path: Path) -> Path:
    """``store.json`` → ``store.json.index``."""
    return store_path.with_name(store_path.name + SUFFIX)


# -- writing ---------------------------------------------------------------------------


def encode(index: SearchIndex, stamp: FileStamp, revision: int, spans: list[Span] | None) -> bytes:
    """The index file's bytes for ``index`` over the store version ``stamp``."""
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
    initial_starts = {}
    for initial in sorted(index._initials):
        counts = index._initials[initial]
        initial_starts[initial] = pos
        blob.append(counts.tobytes())
        pos += len(counts) * 4
    body_starts = array("Q")
    for body in index.bodies:
        data = body.encode("utf-8")
        body_starts.append(pos)
        blob.append(data)
        pos += len(data)
    body_starts.append(pos)
    docs = index.docs
    header = {
        "format": FORMAT,
        "byteorder": sys.byteorder,
        "store": list(stamp),
        "revision": revision,
        "ids": [d.id for d in docs],
        "titles": [d.title for d in docs],
        "published": [d.published for d in docs],
        "outlets": [d.outlet for d in docs],
        "countries": [sorted(d.countries) for d in docs],
        "names": [d.names for d in docs],
        "title_tokens": list(index.titles),
        "spans": [list(s) for s in spans] if spans is not None else None,
        "vocab": index.vocab,
        "posting_starts": posting_starts.tobytes().hex(),
        "doc_counts": doc_counts.tobytes().hex(),
        "body_starts": body_starts.tobytes().hex(),
        "initials": initial_starts,
    }
    head = orjson.dumps(header)
    return MAGIC + len(head).to_bytes(8, "little") + head + b"".join(blob)


def save_index(store, index: SearchIndex) -> bool:
    """Write the index file for ``store`` as loaded now; False when that version is gone."""
    stamp = store.file_stamp
    if stamp is None or _replaced(store.path, stamp):
        return False
    spans = store.article_spans
    if spans is None:
        spans = _spans_of_file(store)
    revision = int((store.meta or {}).get("revision", 0))
    ordered = [spans[d.id] for d in index.docs] if spans is not None and all(d.id in spans for d in index.docs) else None
    try:
        atomic_write_bytes(index_path(store.path), encode(index, stamp, revision, ordered))
    except OSError:
        return False
    return True


def _replaced(store_path: Path, stamp: FileStamp) -> bool:
    """True when the store file is no longer the version ``stamp`` names."""
    try:
        return file_stamp(store_path.stat()) != tuple(stamp)
    except OSError:
        return True


def _spans_of_file(store) -> dict[str, Span] | None:
    """Where each article sits in the store file, when the file is exactly our serialization."""
    tree = store._storage.read() or {}
    payload, spans = serialize_tree(tree)
    try:
        with open(store.path, "rb") as f:
            if file_stamp(os.fstat(f.fileno())) != tuple(store.file_stamp):
                return None
            if f.read() != payload:  # e.g. edited by hand: correct, but not ours byte for byte
                return None
    except OSError:
        return None
    articles = tree.get("articles", {})
    return {articles[k]["id"]: v for k, v in spans.get("articles", {}).items()}


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


def read_index(path: Path, stamp: FileStamp, revision: int | None = None) -> tuple[SearchIndex, list | None] | None:
    """The index in ``path`` if it describes the store version ``stamp``; else None.

    Returns the index (its hits still need an article source: see ``attach``) and the
    articles' byte spans in the store file (None when unknown).
    """
    try:
        with open(path, "rb") as f:
            if f.read(len(MAGIC)) != MAGIC:
                return None
            head_len = int.from_bytes(f.read(8), "little")
            header = loads_without_gc(f.read(head_len))
            if header.get("format") != FORMAT or header.get("byteorder") != sys.byteorder:
                return None
            if tuple(header.get("store") or ()) != tuple(stamp):
                return None
            if revision is not None and header.get("revision") != revision:
                return None
            mapped = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
    except (OSError, ValueError, orjson.JSONDecodeError):
        return None
    base = len(MAGIC) + 8 + head_len
    posting_starts = array("Q", bytes.fromhex(header["posting_starts"]))
    doc_counts = array("I", bytes.fromhex(header["doc_counts"]))
    body_starts = array("Q", bytes.fromhex(header["body_starts"]))
    if (len(posting_starts) != len(header["vocab"]) + 1 or len(doc_counts) != len(header["vocab"])
            or len(body_starts) != len(header["ids"]) + 1):
        return None
    posting_starts = array("Q", (base + p for p in posting_starts))
    body_starts = array("Q", (base + p for p in body_starts))
    if body_starts[-1] != len(mapped):
        return None

    def postings(slot: int) -> tuple[array, array]:
        start, n = posting_starts[slot], doc_counts[slot]
        return array("I", mapped[start:start + 4 * n]), array("I", mapped[start + 4 * n:start + 8 * n])

    n_docs = len(header["ids"])

    def initial(start: int):
        return lambda: _Counts("I", mapped[start:start + 4 * n_docs])

    initials = {c: initial(base + start) for c, start in (header.get("initials") or {}).items()}

    def places(slot: int) -> array:
        return array("Q", mapped[posting_starts[slot] + 8 * doc_counts[slot]:posting_starts[slot + 1]])

    docs = [
        DocInfo(i, t, p, o, frozenset(c), n)
        for i, t, p, o, c, n in zip(header["ids"], header["titles"], header["published"], header["outlets"],
                                    header["countries"], header["names"])
    ]
    index = SearchIndex.from_parts(docs, header["title_tokens"], _Texts(mapped, body_starts), header["vocab"],
                                   postings, places, lambda i: None, initials)
    return index, header.get("spans")


def attach(index: SearchIndex, article) -> SearchIndex:
    """Give ``index`` its source of articles for hit paragraphs: ``article(i)`` → record."""
    index._article = article
    return index


def index_for_store(store) -> SearchIndex:
    """The index over ``store``'s articles: loaded when current, else built and saved."""
    found = None
    if store.file_stamp is not None:
        revision = int((store.meta or {}).get("revision", 0))
        found = read_index(index_path(store.path), store.file_stamp, revision)
    index = None
    if found is not None:
        ids = [d.id for d in found[0].docs]
        if len(ids) == len(store):
            index = attach(found[0], lambda i: store.article(ids[i]))
    if index is None:
        index = SearchIndex(list(store._by_id.values()))
        save_index(store, index)
    # Long-lived, like the store: out of the collector's full passes (see Store._load).
    gc.freeze()
    return index


def index_for_file(store_path: Path) -> tuple[SearchIndex, int] | None:
    """For a one-shot search (the CLI): the saved index and an article source that parses
    only the articles asked for, without opening the store; None when the index is missing
    or stale, or the store's layout is unknown. Also returns the number of articles."""
    try:
        f = open(store_path, "rb")
    except OSError:
        return None
    with f:
        try:
            stamp = file_stamp(os.fstat(f.fileno()))
            found = read_index(index_path(store_path), stamp)
            if found is None or found[1] is None:
                return None
            store_map = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
        except (OSError, ValueError):
            return None
    index, spans = found

    def article(i: int) -> dict | None:
        start, end = spans[i]
        try:
            record = orjson.loads(store_map[start:end])
        except orjson.JSONDecodeError:
            return None
        return record if isinstance(record, dict) else None

    return attach(index, article), len(index.docs)


__all__ = ["PARAGRAPH_BREAK", "index_for_file", "index_for_store", "index_path", "read_index", "save_index"]
