"""Start-up: the store is read after the first frame, and a slow load still ends with the
focus in the Articles list (a list cannot take the focus while it shows its loading state)."""

from __future__ import annotations

import asyncio
import time

from tests.conftest import SEED_TITLE, screen_text
from tui.app import CcaApp
from tui.app import app as app_module
from tui.app.widgets.record_list import RecordList

SIZE = (120, 36)


async def test_a_slow_load_ends_with_the_focus_in_the_list(seed_store, monkeypatch):
    catalog = app_module.Catalog

    def slow(contents):
        time.sleep(0.4)  # a big store: the first frames show the loading state
        return catalog(contents)

    monkeypatch.setattr(app_module, "Catalog", slow)
    app = CcaApp(store=seed_store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause(0.1)
        assert app.catalog is None
        assert "Loading the store" in screen_text(app)
        for _ in range(200):
            if app.catalog is not None:
                break
            await asyncio.sleep(0.02)
        await pilot.pause(0.1)
        assert isinstance(app.focused, RecordList)
        assert app.focused is app.main.pane("articles").records
        text = screen_text(app)
        assert SEED_TITLE[:24] in text
        assert "Open" in text  # the footer shows the list's keys
        await pilot.press("j", "enter")  # and the keys reach the list
        await pilot.pause(0.2)
        assert app.main.pane("articles").detail_open
