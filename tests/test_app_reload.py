"""The explorer stays usable while another process ingests, and offers to reload."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.pilot import explorer, press, screen_text
from tui.app import CcaApp
from tui.app import app as app_module

FIXTURE = Path(__file__).parent / "fixtures" / "cli" / "astana-water-talks.txt"


async def test_ingest_by_another_process_is_offered_as_a_reload(seed_store, monkeypatch):
    monkeypatch.setattr(CcaApp, "POLL_STORE", True)
    monkeypatch.setattr(app_module, "STORE_POLL_SECONDS", 0.1)
    async with explorer(seed_store) as (app, pilot):
        assert "Kazakh and Uzbek" not in screen_text(app)
        # A real second process writes the store while the app is open.
        done = subprocess.run(
            [sys.executable, "-m", "tui", "--db", str(seed_store.path), "ingest", str(FIXTURE)],
            capture_output=True, text=True, timeout=60,
        )
        assert done.returncode == 0, done.stderr
        await pilot.pause(0.5)
        assert any("The store changed on disk" in n.message for n in app._notifications)
        await pilot.press("j", "k")  # still responsive; nothing reloaded behind the user's back
        assert "Kazakh and Uzbek" not in screen_text(app)
        await press(pilot, "ctrl+r", wait=0.3)
        assert "Kazakh and Uzbek" in screen_text(app)
        assert any(n.message == "Reloaded: 2 articles." for n in app._notifications)
