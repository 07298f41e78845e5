"""Files ``export`` writes: safe names inside the chosen folder (``tui.files.write_file``
writes them, never over what is there).

Article ids come from the store, and a store can be hand-edited or imported: an id may
hold ``../``, ``/``, NUL or a reserved device name. A file name is therefore never an id
but a slug of it (``[a-z0-9-]``, at most ``MAX_NAME`` characters), so it cannot leave the
folder; two ids with the same slug get ``-2``, ``-3``. A file already at the name is kept
unless the user forces it, and even then only a regular file is replaced (a symlink in
the folder could lead anywhere).
"""

from __future__ import annotations

from collections.abc import Iterable

from tui.folding import slugify

MAX_NAME = 100  # characters of slug: far inside every file system's 255-byte limit
# Names Windows keeps for devices, whatever the extension ("nul.txt" is the null device).
_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))}


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
