"""Running the CLI in-process from a test, the way every CLI test does."""

from __future__ import annotations

import json
from pathlib import Path

from tui.cli.main import main
from tui.library import Library


def run(capsys, *argv):
    """``cca-tui ARGV...`` in this process: (exit status, stdout, stderr)."""
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def run_json(capsys, *argv):
    """``cca-tui ARGV... --json``, which must succeed: its document."""
    code, out, err = run(capsys, *argv, "--json")
    assert code == 0, err
    return json.loads(out)


def ingested_store(capsys, path):
    """A store at ``path``, seeded, with the articles of tests/fixtures/cli ingested by the CLI."""
    Library.open(path)
    code, _, err = run(capsys, "--db", str(path), "ingest", str(Path(__file__).parent / "fixtures" / "cli"))
    assert code == 0, err
    return path
