"""What every CLI argument may be: one ``type=`` function per kind, checked before any work.

argparse calls these on the raw strings, so a bad value stops the command at once with
``cca-tui: argument --limit: …`` and exit 2, before the store is opened or a file is read.
"""

from __future__ import annotations

import argparse
import math
import re
import sys
from datetime import date
from typing import NoReturn
from urllib.parse import urlsplit

from tui.paths import one_line

# ``--max-size`` above this is a typo: the file is read whole into memory.
MAX_SIZE_MIB = 1024.0
MIB = 1024 * 1024


class Parser(argparse.ArgumentParser):
    """argparse with the CLI's one-line usage errors (``--help`` still shows the usage)."""

    def error(self, message: str) -> NoReturn:
        print(f"cca-tui: {one_line(message)} (see `{self.prog} --help`)", file=sys.stderr)
        sys.exit(2)


def _fail(what: str, text: str) -> NoReturn:
    raise argparse.ArgumentTypeError(f"{what} (got {text!r})")


def _filled(text: str, nul: str, empty: str) -> str:
    """``text`` if it has no NUL and is not blank, else the failure ``nul`` or ``empty``."""
    if "\x00" in text:
        _fail(nul, text)
    if not text.strip():
        _fail(empty, text)
    return text


def text_value(text: str) -> str:
    """Any non-blank text without NUL: titles, names, styles, ids."""
    return _filled(text, "must not contain a NUL character", "must not be empty")


def path_value(text: str) -> str:
    """A file or folder name: not empty (``""`` would mean the current folder), no NUL."""
    return _filled(text, "a file name cannot contain a NUL character", "needs a file or folder name")


def positive_int(text: str) -> int:
    """A whole number of 1 or more: counts, paragraph and sentence numbers."""
    try:
        value = int(text.strip())
    except ValueError:
        _fail("must be a whole number", text)
    if value < 1:
        _fail("must be 1 or more", text)
    return value


def size_mib(text: str) -> int:
    """A size in MiB (``0.5``, ``20``), finite, above 0 and at most ``MAX_SIZE_MIB``; returns bytes."""
    try:
        value = float(text.strip())
    except ValueError:
        _fail("must be a number of MiB", text)
    if not math.isfinite(value) or value <= 0 or value > MAX_SIZE_MIB:
        _fail(f"must be a number of MiB above 0 and at most {MAX_SIZE_MIB:g}", text)
    return max(1, int(value * MIB))


def iso_date(text: str) -> date:
    """A calendar date written ``YYYY-MM-DD``."""
    value = text.strip()
    try:
        if len(value) != 10:
            raise ValueError
        return date.fromisoformat(value)
    except ValueError:
        _fail("not a date; write it as YYYY-MM-DD, e.g. 2024-03-31", text)


def published_date(text: str) -> str:
    """A publication date as ingest reads them (``2024-03-31``, ``31 March 2024``); returns ISO."""
    from tui.library.sources import published_override  # dateutil: only when the flag is given

    text_value(text)
    try:
        return published_override(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None  # names the value already


def period_value(text: str) -> str:
    """A year, month or day as the query language reads them (``2023``, ``2023-05``, ``May 2023``)."""
    from tui.dates import parse_period

    text_value(text)
    try:
        parse_period(text)
    except ValueError:
        _fail("not a date; write a year, a month or a day, e.g. 2023, 2023-05 or 2023-05-18", text)
    return text


_LANGUAGE_TAG = re.compile(r"[a-z]{2,3}(?:-[a-z0-9]{2,8})*")


def language_code(text: str) -> str:
    """A language as a code (``en``, ``ru``, ``zh-hans``) or a name ingest knows (``English``)."""
    from tui.library.sources import language_override

    text_value(text)
    code = language_override(text)
    if code is None or not _LANGUAGE_TAG.fullmatch(code):
        _fail("not a language code such as en, ru, kk or zh-hans", text)
    return text


def web_url(text: str) -> str:
    """An ``http://`` or ``https://`` address with a host: what an article's URL must be."""
    text_value(text)
    value = text.strip()
    try:
        parts = urlsplit(value)
    except ValueError:
        _fail("not a web address", text)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname or any(c.isspace() for c in value):
        _fail("must be a web address starting with http:// or https://", text)
    return value
