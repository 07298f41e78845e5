"""Finding source files and reading them safely.

Every problem with a path becomes a ``SourceError`` naming the file — never a
traceback — so one bad file in a folder does not stop the good ones.
"""

from __future__ import annotations

import codecs
import errno
import os
import re
import stat
from collections.abc import Iterable
from pathlib import Path

from tui.ingest.errors import SourceError, display_path
from tui.ingest.sanitize import sanitize
from tui.ingest.sniff import NOT_A_SOURCE, OTHER_SUFFIX, SOURCE_SUFFIXES, binary_format, looks_like_html
# News articles are kilobytes; 5 MB is far beyond any real one and small
# enough to read, sanitize and parse in well under a second.
DEFAULT_MAX_BYTES = 5 * 1024 * 1024


def _reason(err: OSError) -> str:
    if err.errno == errno.ELOOP:
        return "symlink loop"
    if err.errno == errno.ENOENT:
        return "no such file or folder"
    if err.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    if err.errno == errno.ENAMETOOLONG:
        return "file name too long"
    return (err.strerror or type(err).__name__).lower()


def discover(
    paths: Iterable[str | os.PathLike], skipped: list[SourceError] | None = None
) -> tuple[list[Path], list[SourceError]]:
    """Expand files and folders into source files, and the paths that failed.

    Folders are searched recursively for ``.txt``/``.md``/``.html``/``.htm``
    files, and for files of any other name whose first bytes are an HTML
    page (sorted; hidden files and folders skipped; a symlinked folder is
    followed only when it leads to a folder inside the one named, else it is an
    error, as is a loop).  Other files in folders go to ``skipped`` (when
    given) with the reason.  A file named explicitly is taken whatever its
    suffix — the reader decides what it is.  Nonexistent paths, broken
    links, symlink loops and unreadable folders become ``SourceError``s with
    ``path`` and a one-line ``reason``.  A file reached twice is listed once.
    """
    files: list[Path] = []
    errors: list[SourceError] = []
    seen: set[tuple[int, int]] = set()

    def add(path: Path, st: os.stat_result) -> None:
        key = (st.st_dev, st.st_ino)
        if key not in seen:
            seen.add(key)
            files.append(path)

    for arg in paths:
        path = Path(arg)
        try:
            st = path.stat()
        except OSError as err:
            if err.errno == errno.ENOENT and path.is_symlink():
                errors.append(SourceError(path, "broken symlink"))
            else:
                errors.append(SourceError(path, _reason(err)))
            continue
        except ValueError:  # e.g. an embedded NUL in the name
            errors.append(SourceError(str(arg).replace("\x00", "\\0"), "invalid file name"))
            continue
        if stat.S_ISDIR(st.st_mode):
            _walk(path, st, add, errors, ancestors=set(), root=os.path.realpath(path), skipped=skipped)
        elif stat.S_ISREG(st.st_mode):
            add(path, st)
        else:
            errors.append(SourceError(path, "not a regular file"))
    return files, errors


def _inside(real: str, root: str) -> bool:
    return real == root or real.startswith(root.rstrip(os.sep) + os.sep)


def _walk(
    folder: Path, folder_st: os.stat_result, add, errors: list[SourceError], ancestors: set, root: str,
    skipped=None,
) -> None:
    key = (folder_st.st_dev, folder_st.st_ino)
    if key in ancestors:
        # A symlinked folder pointing back at one of its parents.
        errors.append(SourceError(folder, "symlink loop (folder links back to a parent)"))
        return
    ancestors = ancestors | {key}
    try:
        with os.scandir(folder) as it:
            entries = sorted(it, key=lambda e: e.name)
    except OSError as err:
        errors.append(SourceError(folder, _reason(err)))
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = folder / entry.name
        try:
            st = entry.stat()  # follows symlinks
        except OSError as err:
            if entry.is_symlink() or err.errno == errno.ELOOP:
                reason = "symlink loop" if err.errno == errno.ELOOP else "broken symlink"
                if entry.name.lower().endswith(SOURCE_SUFFIXES) or err.errno == errno.ELOOP:
                    errors.append(SourceError(path, reason))
            else:
                errors.append(SourceError(path, _reason(err)))
            continue
        if stat.S_ISDIR(st.st_mode):
            # A link out of the folder (to its parent, the home folder, /) would ingest
            # whatever lies there: only what is inside the named folder is taken.
            if entry.is_symlink() and not _inside(os.path.realpath(path), root):
                errors.append(SourceError(path, "symlinked folder leads outside the folder being ingested; "
                                                "not followed (name its target to ingest it)"))
                continue
            _walk(path, st, add, errors, ancestors, root, skipped)
        elif stat.S_ISREG(st.st_mode):
            if entry.name.lower().endswith(SOURCE_SUFFIXES):
                add(path, st)
                continue
            why = _not_a_source(path)
            if why is None:
                add(path, st)
            elif skipped is not None:
                skipped.append(SourceError(path, why))


def _not_a_source(path: Path) -> str | None:
    """Why a file in a folder with another suffix is not ingested; ``None`` for a saved page."""
    try:
        with open(path, "rb") as f:
            head = f.read(4096)
    except OSError as err:
        return _reason(err)
    if looks_like_html(head):
        return None
    what = binary_format(head)
    if what:
        return f"{NOT_A_SOURCE} ({what.split(';')[0]})"
    if b"\x00" in head:
        return f"{NOT_A_SOURCE} (binary)"
    return OTHER_SUFFIX


# --- reading ------------------------------------------------------------------------
_BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
]
# Control bytes that never occur in text (tab, newlines, form feed, and BEL and
# ESC, which hostile text carries in escape sequences and sanitize removes).
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (7, 9, 10, 11, 12, 13, 27))
_SAMPLE = 64 * 1024


def read_source(
    path: str | os.PathLike,
    max_bytes: int = DEFAULT_MAX_BYTES,
    warnings: list[str] | None = None,
) -> str:
    """Read a source file as text, or raise ``SourceError`` saying why not.

    Refused: folders and special files, files over ``max_bytes`` (checked
    before reading, so a huge file costs nothing), binary files (NUL bytes,
    known binary formats, many control bytes), and files with no readable
    text.  Decoding: a BOM (UTF-8/16/32) wins; otherwise UTF-8; bytes that
    are not UTF-8 are decoded as Windows-1251 when they look Cyrillic, else
    Windows-1252, and a one-line warning naming the file is appended to
    ``warnings`` (when given).  The text is returned unsanitized;
    ``parse_source`` sanitizes it.
    """
    data = read_bytes(path, max_bytes)
    text = decode(data, path, warnings)
    if not sanitize(text).strip():
        raise SourceError(path, "empty file (no text)" if not data.strip() else "no readable text")
    return text


def read_bytes(path: str | os.PathLike, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """A source file's bytes, with the checks of ``read_source`` (regular file, size)."""
    path = Path(path)
    try:
        st = path.stat()
    except OSError as err:
        raise SourceError(path, _reason(err)) from None
    except ValueError:
        raise SourceError(str(path).replace("\x00", "\\0"), "invalid file name") from None
    if stat.S_ISDIR(st.st_mode):
        raise SourceError(path, "is a folder")
    if not stat.S_ISREG(st.st_mode):
        # A FIFO or device would block or never end.
        raise SourceError(path, "not a regular file")
    if st.st_size > max_bytes:
        raise SourceError(path, f"file too large ({_size(st.st_size)}; the limit is {_size(max_bytes)})")
    try:
        with open(path, "rb") as f:
            # Read one byte past the limit: the file may have grown since stat().
            data = f.read(max_bytes + 1)
    except OSError as err:
        raise SourceError(path, _reason(err)) from None
    if len(data) > max_bytes:
        raise SourceError(path, f"file too large (over {_size(max_bytes)})")
    return data


def decode(data: bytes, path: str | os.PathLike | None = None, warnings: list[str] | None = None) -> str:
    """Bytes → text with the rules of ``read_source`` (BOM, UTF-8, 1251/1252 fallback)."""
    if not data.strip():
        raise SourceError(path, "empty file")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding)
            except UnicodeDecodeError:
                raise SourceError(path, f"not valid {encoding.upper()} despite its byte order mark") from None
    what = binary_format(data)
    if what:
        raise SourceError(path, f"{NOT_A_SOURCE} ({what})")
    if b"\x00" in data:
        encoding = _bomless_utf16(data)
        if encoding:
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                pass
            else:
                add_warning(warnings, path, f"no byte order mark; decoded as {encoding.upper()}")
                return text
        raise SourceError(path, f"{NOT_A_SOURCE} (contains NUL bytes)")
    sample = data[:_SAMPLE]
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    if controls > max(16, len(sample) // 10):
        raise SourceError(path, f"{NOT_A_SOURCE} (many control bytes)")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        offset = err.start
    encoding, label = guess_legacy_encoding(data)
    text = data.decode(encoding, errors="replace")
    add_warning(warnings, path, f"not valid UTF-8 (first bad byte at offset {offset}); decoded as {label}")
    return text


def add_warning(warnings: list[str] | None, path, message: str) -> None:
    """Tell the user ``message`` about the file at ``path`` (when warnings are collected)."""
    if warnings is not None:
        warnings.append(f"{display_path(path)}: {message}" if path is not None else message)


def _bomless_utf16(data: bytes) -> str | None:
    """UTF-16 saved without a BOM (Windows tools do this): Latin text has a NUL
    in every other byte.  Returns the codec name, or ``None`` for binary data."""
    sample = data[: _SAMPLE - _SAMPLE % 2]
    if len(sample) < 4 or len(sample) % 2:
        return None
    half = len(sample) // 2
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    if odd_nuls >= 0.9 * half and even_nuls == 0:
        return "utf-16-le"
    if even_nuls >= 0.9 * half and odd_nuls == 0:
        return "utf-16-be"
    return None


_HIGH_RUN = re.compile(rb"[\xc0-\xff]{3,}")
_HIGH_LETTERS = bytes(range(0xC0, 0x100))


def guess_legacy_encoding(data: bytes) -> tuple[str, str]:
    """Windows-1251 if most high letters come in runs (whole Cyrillic words),
    Windows-1252 if they are scattered accents inside Latin words."""
    high = len(data) - len(data.translate(None, _HIGH_LETTERS))
    in_runs = sum(len(m.group()) for m in _HIGH_RUN.finditer(data))
    if high and in_runs >= high / 2:
        return "cp1251", "Windows-1251 (Cyrillic)"
    return "cp1252", "Windows-1252 (Western European)"


def _size(n: int) -> str:
    if n >= 1024 * 1024:
        return f"{n / (1024 * 1024):.1f} MB"
    if n >= 1024:
        return f"{n / 1024:.0f} KB"
    return f"{n} bytes"
