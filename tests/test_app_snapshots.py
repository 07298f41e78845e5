"""Snapshots of each pane (pytest-textual-snapshot). Update with ``pytest --snapshot-update``
after a deliberate visual change, on the pinned Textual version.

They are drawn with the exact Textual the ``test`` extra pins (``pip install '.[test]'``
installs it): another version draws some cells differently, so with any other 8.x, which
users may have, these tests are skipped and say why, and the rest of the suite runs."""

from __future__ import annotations

import tomllib
from importlib.metadata import version
from pathlib import Path

import pytest

from tests.conftest import loaded
from tui.app import CcaApp


def pinned_textual() -> str:
    """The version in ``textual==X`` of pyproject.toml's test extra."""
    project = tomllib.loads((Path(__file__).parents[1] / "pyproject.toml").read_text(encoding="utf-8"))
    pins = [r.split("==", 1)[1].strip() for r in project["project"]["optional-dependencies"]["test"]
            if r.replace(" ", "").startswith("textual==")]
    assert len(pins) == 1, "the test extra pins Textual exactly once"
    return pins[0]


PINNED, INSTALLED = pinned_textual(), version("textual")
pytestmark = pytest.mark.skipif(
    INSTALLED != PINNED,
    reason=f"the snapshots are drawn with Textual {PINNED} (pinned in the test extra); this is Textual {INSTALLED}",
)


async def _settle(pilot) -> None:
    await pilot.pause(0.15)
    await loaded(pilot)
    await pilot.app.workers.wait_for_complete()
    await pilot.pause(0.1)


def pressing(*keys: str):
    """A ``run_before`` that lets the explorer settle, presses ``keys``, and settles again."""
    async def run_before(pilot) -> None:
        await _settle(pilot)
        await pilot.press(*keys)
        await _settle(pilot)

    return run_before


@pytest.fixture
def app(hand_store):
    return CcaApp(db=str(hand_store.path))


def test_articles_pane(snap_compare, app):
    assert snap_compare(app, terminal_size=(120, 36), run_before=_settle)


def test_reader_open_on_paragraph_3(snap_compare, app):
    assert snap_compare(app, terminal_size=(120, 36), run_before=pressing("enter", "j", "j"))


def test_search_highlights_hits(snap_compare, app):
    assert snap_compare(app, terminal_size=(120, 36), run_before=pressing("slash", *"secretariat"))


def test_officials_pane(snap_compare, app):
    assert snap_compare(app, terminal_size=(120, 36), run_before=pressing("2", "j"))


def test_timeline_pane(snap_compare, app):
    assert snap_compare(app, terminal_size=(120, 36), run_before=pressing("3", "j"))


def test_help_screen(snap_compare, app):
    assert snap_compare(app, terminal_size=(120, 36), run_before=pressing("question_mark"))


def test_80x24(snap_compare, app):
    assert snap_compare(app, terminal_size=(80, 24), run_before=_settle)


def test_40x12(snap_compare, app):
    assert snap_compare(app, terminal_size=(40, 12), run_before=_settle)


def test_search_without_matches(snap_compare, app):
    assert snap_compare(app, terminal_size=(120, 36), run_before=pressing("slash", *"zzqx"))
