"""ingest → export --format sources → ingest keeps every article's metadata and text."""

from __future__ import annotations

import json
from pathlib import Path

from tui.cli import main

FIXTURES = Path(__file__).parent / "fixtures"


def run_json(capsys, *argv):
    code = main([*argv, "--json"])
    out, err = capsys.readouterr()
    assert code == 0, err
    return json.loads(out)


def test_exported_sources_ingest_back_identically(capsys, tmp_path):
    first, second = str(tmp_path / "first.json"), str(tmp_path / "second.json")
    run_json(capsys, "--db", first, "ingest", str(FIXTURES / "cli"), str(FIXTURES / "extraction"))
    articles = run_json(capsys, "--db", first, "articles")
    assert len(articles) >= 10
    assert main(["--db", first, "export", "--format", "sources", "-o", str(tmp_path / "out")]) == 0
    capsys.readouterr()
    assert len(list((tmp_path / "out").glob("*.txt"))) == len(articles)
    report = run_json(capsys, "--db", second, "--no-seed", "ingest", str(tmp_path / "out"))
    assert report["failed"] == [] and len(report["added"]) == len(articles)
    assert run_json(capsys, "--db", second, "articles") == articles
    for article in articles:
        before = run_json(capsys, "--db", first, "article", article["id"])
        after = run_json(capsys, "--db", second, "article", article["id"])
        assert after["paragraphs"] == before["paragraphs"]
        assert after["officials"] == before["officials"]


def test_sources_export_needs_a_folder(capsys, tmp_path):
    assert main(["--db", str(tmp_path / "db.json"), "export", "--format", "sources"]) == 2
    assert "--format sources needs -o FOLDER" in capsys.readouterr().err
