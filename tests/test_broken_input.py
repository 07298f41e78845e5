"""Broken and hostile input through the real command line (issue 7's acceptance)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

GOOD = """---
title: "[bold red]Injected[/] [Update] headline"
outlet: Test Wire
published: 2025-06-02
---
Foreign Minister of Kazakhstan Murat Nurtleu spoke in Astana on Monday.\x1b]52;c;aW5qZWN0ZWQ=\x07 See [link=https://evil.example]this[/link] too.\x1b[31m
Second paragraph with a bidi\u202e trick and zero\u200bwidth.
"""


def cca(*args, env):
    return subprocess.run([sys.executable, "-m", "tui", *args], capture_output=True, text=True, env=env, timeout=120)


def test_mixed_folder_lands_the_good_file_and_names_every_bad_one(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    (folder / "binary.txt").write_bytes(b"%PDF-1.7\n\x00\x01\x02binary")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "spaces.md").write_text("  \n\n\t\n", encoding="utf-8")
    (folder / "huge.txt").write_bytes(b"Ministers met in Astana. " * 840_000)  # about 20 MB
    (folder / "bad-front.txt").write_text("---\ntitle: unterminated\nno colon here\n", encoding="utf-8")
    (folder / "bad-date.txt").write_text("---\ntitle: Talks\npublished: the day after\n---\nBody text here.\n", encoding="utf-8")
    (folder / "loop").symlink_to(folder, target_is_directory=True)
    (folder / "dangling.txt").symlink_to(tmp_path / "gone.txt")
    env = dict(os.environ, CCA_TUI_DB=str(tmp_path / "db.json"))
    done = cca("ingest", str(folder), str(tmp_path / "missing.txt"), "--no-seed", "--json", env=env)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    report = json.loads(done.stdout)
    assert report["added"] == ["test-wire-2025-06-02-bold-red-injected-update-headline"]
    failed = {Path(f["path"]).name: f["error"] for f in report["failed"]}
    assert set(failed) == {
        "binary.txt", "empty.txt", "spaces.md", "huge.txt", "bad-front.txt", "bad-date.txt",
        "loop", "dangling.txt", "missing.txt",
    }
    # Refused from its size, before a byte is read ("over 5.0 MB" would mean it was read).
    assert failed["huge.txt"] == "file too large (20.0 MB; the limit is 5.0 MB)"
    assert failed["binary.txt"] == "not a text or HTML file (a PDF document; convert it to text first)"
    assert "not a date" in failed["bad-date.txt"]
    assert "symlink loop" in failed["loop"]
    # One line on stderr per bad file, each naming it, after the one saying the store is new.
    created, *lines = done.stderr.strip().splitlines()
    assert created == f"cca-tui: created a new store at {tmp_path / 'db.json'} (empty)"
    assert len(lines) == 9
    for name in failed:
        assert sum(name in line for line in lines) >= 1


def test_hostile_text_is_stored_sanitized_and_printed_literally(tmp_path):
    source = tmp_path / "hostile.txt"
    source.write_text(GOOD, encoding="utf-8")
    env = dict(os.environ, CCA_TUI_DB=str(tmp_path / "db.json"))
    assert cca("ingest", str(source), "--no-seed", env=env).returncode == 0
    article_id = "test-wire-2025-06-02-bold-red-injected-update-headline"
    shown = cca("article", article_id, env=env).stdout
    doc = json.loads(cca("article", article_id, "--json", env=env).stdout)
    cited = cca("cite", article_id, "--style", "mla", "--accessed", "2026-01-02", env=env).stdout
    listed = cca("articles", env=env).stdout
    for out in (shown, cited, listed, json.dumps(doc)):
        assert "\x1b" not in out and "\x07" not in out and "\u202e" not in out and "\u200b" not in out
    assert doc["title"] == "[bold red]Injected[/] [Update] headline"
    assert doc["paragraphs"][0]["text"] == (
        "Foreign Minister of Kazakhstan Murat Nurtleu spoke in Astana on Monday. "
        "See [link=https://evil.example]this[/link] too."
    )
    assert "[bold red]Injected[/] [Update] headline" in shown
    assert "[link=https://evil.example]this[/link]" in shown
    # MLA title-cases words; the brackets stay as written.
    assert cited == "“[Bold red]Injected[/] [Update] Headline.” Test Wire, 2 June 2025.\n"
