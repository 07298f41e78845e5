"""Snapshots of each pane (pytest-textual-snapshot). Update with ``pytest --snapshot-update``
after a deliberate visual change, on the pinned Textual version."""

from __future__ import annotations

import pytest

from tui.app import CcaApp


async def _settle(pilot) -> None:
    await pilot.pause(0.15)
    await pilot.app.workers.wait_for_complete()
    await pilot.pause(0.1)


@pytest.fixture
def app(hand_store):
    return CcaApp(store=hand_store)


def test_articles_pane(snap_compare, app):
    assert snap_compare(app, terminal_size=(120, 36), run_before=_settle)


def test_reader_open_on_paragraph_3(snap_compare, app):
    async def run_before(pilot):
        await _settle(pilot)
        await pilot.press("enter", "j", "j")
        await _settle(pilot)

    assert snap_compare(app, terminal_size=(120, 36), run_before=run_before)


def test_search_highlights_hits(snap_compare, app):
    async def run_before(pilot):
        await _settle(pilot)
        await pilot.press("slash", *"secretariat")
        await _settle(pilot)

    assert snap_compare(app, terminal_size=(120, 36), run_before=run_before)


def test_officials_pane(snap_compare, app):
    async def run_before(pilot):
        await _settle(pilot)
        await pilot.press("2", "j")
        await _settle(pilot)

    assert snap_compare(app, terminal_size=(120, 36), run_before=run_before)


def test_timeline_pane(snap_compare, app):
    async def run_before(pilot):
        await _settle(pilot)
        await pilot.press("3", "j")
        await _settle(pilot)

    assert snap_compare(app, terminal_size=(120, 36), run_before=run_before)


def test_help_screen(snap_compare, app):
    async def run_before(pilot):
        await _settle(pilot)
        await pilot.press("question_mark")
        await _settle(pilot)

    assert snap_compare(app, terminal_size=(120, 36), run_before=run_before)


def test_80x24(snap_compare, app):
    assert snap_compare(app, terminal_size=(80, 24), run_before=_settle)


def test_40x12(snap_compare, app):
    assert snap_compare(app, terminal_size=(40, 12), run_before=_settle)


def test_search_without_matches(snap_compare, app):
    async def run_before(pilot):
        await _settle(pilot)
        await pilot.press("slash", *"zzqx")
        await _settle(pilot)

    assert snap_compare(app, terminal_size=(120, 36), run_before=run_before)
