"""What ``tag`` and ``untag`` are given: an article, an official or an event, by a typable name.

- an article by its id, or any start of it no other id has (``daryo``);
- ``official:ID`` an official by the id ``officials --json`` shows (or a start of it, or
  the name itself: ``official:wang-yi``, ``official:"Wang Yi"``);
- ``event:ID`` an event by its id (``timeline --json``; a start of it: ``event:2024-03-30``).

A start several ids share lists them and exits 2; one no id has exits 1, as for articles.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import NoReturn

from tui.cli.common import CANDIDATES_SHOWN, CommandExit, find_article
from tui.cli.layout import cut, one_line, terminal_width
from tui.cli.output import error, safe
from tui.ids import AmbiguousId, UnknownId, resolve_id
from tui.library import Contents
from tui.records import Article, Event, Official
from tui.folding import fold

OFFICIAL_PREFIX, EVENT_PREFIX = "official:", "event:"
TARGET_HELP = ("an article's id (or a start of it no other id has), official:ID or official:NAME, "
               "or event:ID (ids as `officials --json` and `timeline --json` show them)")


def find_target(contents: Contents, given: str) -> Article | Official | Event:
    """The article, official or event ``given`` names (the module's docstring); otherwise says
    so on stderr and raises ``CommandExit`` (1: none, 2: several)."""
    lowered = given.lower()
    if lowered.startswith(OFFICIAL_PREFIX):
        return _find_official(contents, given[len(OFFICIAL_PREFIX):].strip(), given)
    if lowered.startswith(EVENT_PREFIX):
        return _find_event(contents, given[len(EVENT_PREFIX):].strip(), given)
    return find_article(contents, given)


def _find_official(contents: Contents, value: str, given: str) -> Official:
    by_id = {o.id: o for o in contents.officials}
    found = _by_id(by_id, value, given, "official", lambda o: f"{o.name} ({o.country or '—'})")
    if found is not None:
        return found
    named = [o for o in contents.officials if fold(value) in {fold(n) for n in o.names if n}]
    if len(named) == 1:
        return named[0]
    if named:
        _candidates(given, "official", [f"{o.id}  {o.name} ({o.country or '—'})" for o in named], "name")
    error(f"no official with id or name {value!r} (see `cca-tui officials`)")
    raise CommandExit(1)


def _find_event(contents: Contents, value: str, given: str) -> Event:
    found = _by_id({e.id: e for e in contents.events}, value, given, "event", lambda e: one_line(e.summary))
    if found is not None:
        return found
    error(f"no event with id {value!r} (see `cca-tui timeline --json`)")
    raise CommandExit(1)


def _by_id(by_id: dict, value: str, given: str, noun: str, describe: Callable) -> Official | Event | None:
    """The record whose id ``value`` is or starts (None: no id does); several: listed, exit 2."""
    try:
        return by_id[resolve_id(value, by_id)]
    except AmbiguousId as many:
        _candidates(given, noun, [f"{i}  {describe(by_id[i])}" for i in many.candidates])
    except UnknownId:
        pass
    return None


def _candidates(given: str, noun: str, lines: list[str], what: str = "start of") -> NoReturn:
    """Several records fit: list them (ten at most) and exit 2."""
    lead = f"the {what} {len(lines)} {noun} ids" if what == "start of" else f"the name of {len(lines)} {noun}s"
    print(f"cca-tui: {safe(given)!r} is {lead}; give more of it:", file=sys.stderr)
    width = terminal_width() - 2
    for line in lines[:CANDIDATES_SHOWN]:
        print("  " + cut(safe(line), width), file=sys.stderr)
    if len(lines) > CANDIDATES_SHOWN:
        print(f"  … and {len(lines) - CANDIDATES_SHOWN} more", file=sys.stderr)
    raise CommandExit(2)
