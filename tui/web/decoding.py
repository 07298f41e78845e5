"""Content-Encoding decoded with a bound: a gzip bomb stops at the limit.

httpx inflates each network chunk whole, so a few kilobytes of zeros can
become gigabytes in one call; here every call is capped with ``max_length``.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable, Iterator

_STEP = 64 * 1024


class BodyTooLarge(Exception):
    """The decoded body passed the limit."""


def _inflater(encoding: str):
    if encoding in ("gzip", "x-gzip"):
        return zlib.decompressobj(zlib.MAX_WBITS | 16)
    if encoding == "deflate":
        return zlib.decompressobj(zlib.MAX_WBITS | 32)  # zlib-wrapped (or gzip) data
    return None


def decoded_chunks(raw: Iterable[bytes], encodings: list[str]) -> Iterator[bytes]:
    """Undo ``encodings`` (as listed in Content-Encoding, applied in order) on
    the raw chunks, never producing more than 64 KB per step."""
    stream: Iterable[bytes] = raw
    for encoding in encodings:
        stream = _inflate(stream, encoding)
    return iter(stream)


def _inflate(raw: Iterable[bytes], encoding: str) -> Iterator[bytes]:
    d = _inflater(encoding)
    if d is None:
        yield from raw
        return
    for chunk in raw:
        data = d.decompress(chunk, _STEP)
        while True:
            if data:
                yield data
            if not d.unconsumed_tail:
                break
            data = d.decompress(d.unconsumed_tail, _STEP)
        if d.eof:
            return
    tail = d.flush()
    if tail:
        yield tail


def read_limited(chunks: Iterable[bytes], limit: int) -> bytes:
    """Join ``chunks``; raise ``BodyTooLarge`` as soon as they pass ``limit`` bytes."""
    parts: list[bytes] = []
    size = 0
    for chunk in chunks:
        size += len(chunk)
        if size > limit:
            raise BodyTooLarge
        parts.append(chunk)
    return b"".join(parts)
