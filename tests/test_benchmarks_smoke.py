"""The benchmark suite runs end to end at a tiny size and reports every measure (no timing asserts)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from benchmarks.__main__ import ROWS

ROOT = Path(__file__).resolve().parent.parent


def test_the_suite_runs_and_reports_every_measure(tmp_path):
    out = tmp_path / "latest.json"
    env = dict(os.environ)
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks", "--articles", "20", "--out", str(out)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=600,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["machine"]["cores"] and report["machine"]["python"]
    (result,) = report["results"]
    assert result["articles"] == 20
    for key, label, _ in ROWS:
        assert result.get(key) is not None, f"{key} ({label}) missing"
        assert label in done.stdout
    assert "Machine:" in done.stdout
    # Adding to an existing store and tagging in it: whole processes, so never free.
    for key in ("add_1_s", "add_10_s", "tag_s"):
        assert isinstance(result[key], (int, float)) and result[key] > 0, f"{key}: {result[key]!r}"
