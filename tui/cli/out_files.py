"""Files ``export`` writes: safe names inside the chosen folder, never over what is there.

Article ids come from the store, and a store can be hand-edited or imported: an id may
hold ``../``, ``/``, NUL or a reserved device name. A file name is therefore never an id
but a slug of it (``[a-z0-9-]``, at most ``MAX_NAME`` characters), so it cannot leave the
folder; two ids with the same slug get ``-2``, ``-3``. A file already at the name is kept
unless the user forces it, and even then only a regular file is replaced (a symlink in
the folder could lead anywhere).
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path

from tui.files import fsync_dir
from tui.folding import slugify

MAX_NAME = 100  # characters of slug: far inside every file system's 255-byte limit
# Names Windows keeps for devices, whatever the extension ("nul.txt" is the null device).
_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))}
_TEMP_PREFIX = ".cca-tui-export."


class KeptFile(Exception):
    """The target exists and was left as it is; ``str()`` says why."""


def source_file_names(ids: Iterable[object], suffix: str = ".txt") -> list[str]:
    """One distinct, safe file name per id, in order (``daryo-2024-…-launch.txt``)."""
    names: list[str] = []
    used: set[str] = set()
    for article_id in ids:
        base = slugify(str(article_id) if article_id is not None else "")[:MAX_NAME].strip("-") or "article"
        if base in _RESERVED:
            base += "-article"
        name, n = base, 1
        while name in used:
            n += 1
            name = f"{base}-{n}"
        used.add(name)
        names.append(name + suffix)
    return names


def write_file(path: Path, payload: bytes, *, force: bool = False) -> None:
    """Write ``payload`` to ``path`` atomically (a crash leaves no half file at ``path``).

    Raises ``KeptFile`` when something is already there and is not replaced: anything
    unless ``force``, and with ``force`` still a folder, a symlink or a special file.
    Other failures raise ``OSError``.
    """
    try:
        st = path.lstat()
    except FileNotFoundError:
        st = None
    if st is not None:
        if stat.S_ISDIR(st.st_mode):
            raise KeptFile("a folder of that name is in the way")
        if not force:
            raise KeptFile("exists; kept (--force replaces it)")
        if not stat.S_ISREG(st.st_mode):
            raise KeptFile("not a regular file; kept even with --force")
    fd, tmp = tempfile.mkstemp(prefix=_TEMP_PREFIX, suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(payload)
            out.flush()
            os.fsync(out.fileno())
        if force:
            os.replace(tmp, path)  # replaces a link itself, never what it points at
        else:
            _link_new(tmp, path)
    finally:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
    fsync_dir(path.parent)


def _link_new(tmp: str, path: Path) -> None:
    # A hard link fails if the name exists, so a file created since the check above is
    # kept too; where the file system has no hard links, a rename after the check.
    try:
        os.link(tmp, path)
    except FileExistsError:
        raise KeptFile("exists; kept (--force replaces it)") from None
    except OSError as exc:
        if exc.errno not in (errno.EPERM, errno.EOPNOTSUPP, errno.ENOTSUP, errno.EXDEV, errno.EMLINK):
            raise
        if os.path.lexists(path):
            raise KeptFile("exists; kept (--force replaces it)") from None
        os.rename(tmp, path)
