"""Driving the explorer in a headless terminal the way a person does, for the app tests: open
it on a store, press keys and let it catch up, run a palette command, read the lists and the
detail pages.

The waiting itself (``settle``, ``loaded``) and the screen readers (``screen_text``,
``region_text``) live in ``tests.conftest``, shared with the other tests; they are handed on
here so an app test needs one import.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from tests.conftest import loaded, screen_text, settle
from tui.app import CcaApp
from tui.app.screens.main import MainScreen

__all__ = ["SIZE", "detail_side", "explorer", "list_side", "listed", "loaded", "options", "palette", "press",
           "screen_text", "settle"]

SIZE = (120, 36)  # wide enough for the list and the detail side by side


@asynccontextmanager
async def explorer(store, size: tuple[int, int] = SIZE, **run_test) -> AsyncIterator[tuple[CcaApp, object]]:
    """``(app, pilot)``: the explorer started on the file of ``store`` (a ``Library``), as a
    user starts it, in a terminal of ``size``, once it has read the store and settled."""
    app = CcaApp(db=str(store.path))
    async with app.run_test(size=size, **run_test) as pilot:
        await settle(pilot)
        yield app, pilot


async def press(pilot, *keys: str, wait: float = 0.15) -> None:
    """Press ``keys`` one after another, then let the explorer catch up (``settle``)."""
    await pilot.press(*keys)
    await settle(pilot, wait)


async def palette(pilot, command: str) -> None:
    """Run a palette command: ``ctrl+p``, type ``command``, wait for its matches, ``enter``."""
    await press(pilot, "ctrl+p")
    await press(pilot, *command, wait=0.5)
    await press(pilot, "enter")


def options(option_list) -> list[str]:
    """Every line of an option list (a detail page, a picker), as text."""
    return [str(option_list.get_option_at_index(i).prompt) for i in range(option_list.option_count)]


def listed(app: CcaApp, pane: str) -> list[str]:
    """The keys of the records ``pane`` lists now, in order (group headings left out)."""
    main = app.screen if isinstance(app.screen, MainScreen) else app.main
    return [r.key for r in main.pane(pane).records.rows if r.key and not r.group]


def list_side(text: str) -> str:
    """The left part of the screen ``text`` (the list), up to the detail's border."""
    return "\n".join(line.split("▏")[0] for line in text.splitlines())


def detail_side(text: str) -> str:
    """The right part of the screen ``text`` (the detail), after its border."""
    return "\n".join(line.split("▏", 1)[1] for line in text.splitlines() if "▏" in line)
