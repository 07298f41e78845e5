"""Web pages kept beside the store: each page's bytes, gzip-compressed and named by their
sha256, in ``<store>.sources/ab/abcdef….html.gz``.

The store's article records only refer to them (``raw_ref``), so the JSON document does
not grow with page markup, and ``db rebuild`` / ``db repair`` can read a page again with a
newer extractor without the network. A page file is written atomically, before the store
write that refers to it; the same page twice is one file.
"""

from __future__ import annotations

import gzip
import hashlib
import zlib
from pathlib import Path

from tui.files import atomic_write_bytes

PAGE_KEY = "_page"  # on a record between reading and storing: (bytes, charset or None)
MAX_PAGE_BYTES = 64 * 1024 * 1024  # a page file that inflates beyond this is damaged


class PageUnavailable(Exception):
    """A page file that is missing or damaged; ``str()`` completes "its page file …"."""


def pages_dir(store_path: Path) -> Path:
    """The folder beside the store that holds its pages."""
    return store_path.with_name(store_path.name + ".sources")


def page_ref(data: bytes) -> str:
    """Where the page ``data`` is kept, relative to ``pages_dir``."""
    digest = hashlib.sha256(data).hexdigest()
    return f"{digest[:2]}/{digest}.html.gz"


def take_page(record: dict) -> tuple[str, bytes] | None:
    """Move the page bytes a source left on ``record`` out of it: the record keeps only
    ``raw_ref`` (and ``raw_charset``, the charset the server declared, if any)."""
    found = record.pop(PAGE_KEY, None)
    if found is None:
        return None
    data, charset = found
    ref = page_ref(data)
    record["raw_ref"] = ref
    if charset:
        record["raw_charset"] = charset
    return ref, data


def keep_page(store_path: Path, ref: str, data: bytes) -> None:
    """Write the page file for ``ref`` unless a sound one is there already."""
    path = pages_dir(store_path) / ref
    try:
        read_page(store_path, ref)
        return
    except PageUnavailable:
        pass
    # mtime=0: the same page compresses to the same bytes.
    atomic_write_bytes(path, gzip.compress(data, compresslevel=6, mtime=0))


def read_page(store_path: Path, ref: str) -> bytes:
    """The page bytes kept for ``ref``; raises ``PageUnavailable`` when the file is missing,
    cannot be inflated, or does not hold the bytes its name says."""
    name = Path(ref).name
    digest = name.split(".", 1)[0]
    if "/" not in ref or ".." in ref or len(digest) != 64:
        raise PageUnavailable(f"{ref} is not a page file name")
    path = pages_dir(store_path) / ref
    try:
        packed = path.read_bytes()
    except FileNotFoundError:
        raise PageUnavailable(f"{path} is missing") from None
    except OSError as exc:
        raise PageUnavailable(f"{path} cannot be read ({exc.strerror or exc})") from None
    try:
        inflate = zlib.decompressobj(16 + zlib.MAX_WBITS)
        data = inflate.decompress(packed, MAX_PAGE_BYTES)
        if inflate.unconsumed_tail or not inflate.eof:
            raise PageUnavailable(f"{path} is damaged (truncated or too large)")
    except zlib.error:
        raise PageUnavailable(f"{path} is damaged (not gzip)") from None
    if hashlib.sha256(data).hexdigest() != digest:
        raise PageUnavailable(f"{path} is damaged (its bytes do not match its name)")
    return data


METADATA = ("title", "outlet", "url", "published", "authors", "language")


def given_metadata(article: dict) -> dict:
    """The metadata the user gave at ingest (the flags), which a rebuild keeps: the fields
    the record's ``given`` names. A record from before ``given`` was kept cannot tell its
    flags from what the page said: all its stored metadata stays."""
    given = article.get("given")
    if isinstance(given, list) and all(isinstance(k, str) for k in given):
        wanted = [k for k in METADATA if k in given]
    else:
        wanted = list(METADATA)
    return {k: article[k] for k in wanted if article.get(k) not in (None, [], "")}


def reread_page(article: dict, store_path: Path, warnings: list[str] | None = None) -> dict | None:
    """The article read again from its kept page: the metadata the user gave at ingest
    stays (``given_metadata``), the rest is read from the page again, as the body is; its
    id, source and ingest time are kept. None when it keeps no page. Raises
    ``PageUnavailable`` or ``SourceError``."""
    from tui.ingest.html.decode import decode_page
    from tui.ingest.html.record import parse_page

    ref = article.get("raw_ref")
    if not isinstance(ref, str):
        return None
    data = read_page(store_path, ref)
    charset = article.get("raw_charset") if isinstance(article.get("raw_charset"), str) else None
    metadata = given_metadata(article)
    source = article.get("source_path") if isinstance(article.get("source_path"), str) else None
    record = parse_page(decode_page(data, charset, path=source), url=article.get("url"), path=source,
                        overrides=metadata, warnings=warnings)
    for key in ("id", "ingested", "source_path", "raw_ref", "raw_charset"):
        if key in article:
            record[key] = article[key]
    return record


def page_problems(store_path: Path, articles: list[dict]) -> list[str]:
    """One line for each article whose kept page is missing or damaged (``db check``)."""
    found = []
    for article in articles:
        ref = article.get("raw_ref")
        if ref is None:
            continue
        if not isinstance(ref, str):
            found.append(f"article {article.get('id')}: raw_ref is not text")
            continue
        try:
            read_page(store_path, ref)
        except PageUnavailable as exc:
            found.append(f"article {article.get('id')}: its page file {exc}")
    return found
