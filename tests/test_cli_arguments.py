"""Careless and hostile arguments: one line on stderr, exit 2, before any work is done."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.cli_run import run

SEED_ID = "daryo-2024-03-31-launch-of-central-asia-china-secretariat"
README = Path(__file__).resolve().parent.parent / "README.md"


# (arguments after `--db DB`, what the one line must say)
USAGE_ERRORS = [
    (["ingest", "x.txt", "--max-size", "-5"], "argument --max-size: must be a number of MiB above 0"),
    (["ingest", "x.txt", "--max-size", "1e400"], "argument --max-size: must be a number of MiB above 0"),
    (["ingest", "x.txt", "--max-size", "nan"], "argument --max-size"),
    (["ingest", "x.txt", "--max-size", "inf"], "argument --max-size"),
    (["ingest", "x.txt", "--max-size", "0"], "argument --max-size"),
    (["ingest", "x.txt", "--max-size", "1e9"], "at most 1024"),
    (["ingest", "x.txt", "--max-size", "five"], "argument --max-size"),
    (["ingest", ""], "argument PATH|URL: needs a file or folder name"),
    (["ingest", "x.txt", "--title", ""], "argument --title: must not be empty"),
    (["ingest", "x.txt", "--author", " "], "argument --author: must not be empty"),
    (["ingest", "x.txt", "--published", "2024-13-45"], "argument --published: not a valid date: '2024-13-45'"),
    (["ingest", "x.txt", "--published", ""], "argument --published: must not be empty"),
    (["ingest", "x.txt", "--url", "javascript:alert(1)"], "argument --url: must be a web address"),
    (["ingest", "x.txt", "--url", "data:text/html,hi"], "argument --url: must be a web address"),
    (["ingest", "x.txt", "--language", "???"], "argument --language: not a language code"),
    (["search", "Xi’an", "--limit", "0"], "argument --limit: must be 1 or more"),
    (["search", "Xi’an", "--limit", "-1"], "argument --limit: must be 1 or more"),
    (["search", "Xi’an", "--limit", "nan"], "argument --limit: must be a whole number"),
    (["search", ""], "nothing to search"),
    (["search", "!!!"], "nothing to search in '!!!'"),
    (["search", "since:2025", "until:2023"], "since: 2025 comes after until: 2023"),
    (["cite", SEED_ID, "--para", "0"], "argument --para: must be 1 or more"),
    (["cite", SEED_ID, "--para", "1", "--sentence", "-2"], "argument --sentence: must be 1 or more"),
    (["cite", SEED_ID, "--accessed", "2024-13-45"], "argument --accessed: not a date; write it as YYYY-MM-DD"),
    (["cite", SEED_ID, "--accessed", ""], "argument --accessed: not a date"),
    (["cite", SEED_ID, "--style", ""], "argument --style: must not be empty"),
    (["cite", SEED_ID, "--style", "harvard"], "unknown citation style 'harvard'"),
    (["cite", ""], "argument ID: must not be empty"),
    (["article", " "], "argument ID: must not be empty"),
    (["timeline", "--since", "2024-13-45"], "argument --since: not a date"),
    (["timeline", "--since", ""], "argument --since: must not be empty"),
    (["timeline", "--since", "2025", "--until", "2023"], "since: 2025 comes after until: 2023"),
    (["timeline", "--since", "May 2023", "--until", "April 2023"], "since: 2023-05 comes after until: 2023-04"),
    (["timeline", "--official", ""], "argument --official: must not be empty"),
    (["officials", "--country", ""], "argument --country: must not be empty"),
    (["officials", ""], "nothing to search"),
    (["officials", "--json", "--csv"], "argument --csv: not allowed with argument --json"),
    (["export", "--format", "bibtex", ""], "nothing to search"),
    (["export", "--format", "bibtex", "-o", ""], "argument -o/--output: needs a file or folder name"),
    (["export", "--format", "sources"], "--format sources needs -o FOLDER"),
    (["export", "--format", "docx"], "unknown export format 'docx'"),
    (["frobnicate"], "argument COMMAND: invalid choice: 'frobnicate'"),
    (["search"], "the following arguments are required: QUERY"),
]


@pytest.mark.parametrize(("argv", "says"), USAGE_ERRORS, ids=[" ".join(a) or "''" for a, _ in USAGE_ERRORS])
def test_usage_error_is_one_line_and_exit_2_before_any_work(capsys, tmp_path, argv, says):
    db = tmp_path / "never-created.json"
    code, out, err = run(capsys, "--db", str(db), *argv)
    assert (code, out) == (2, "")
    assert len(err.splitlines()) == 1 and err.startswith("cca-tui: "), err
    assert says in err
    assert not db.exists()  # nothing was opened, created or seeded


def test_empty_db_flag_is_an_error_not_the_default_store(capsys, isolated_dirs):
    code, out, err = run(capsys, "--db", "", "articles")
    assert (code, out) == (2, "")
    assert err == "cca-tui: argument --db: needs a file or folder name (got '') (see `cca-tui --help`)\n"
    assert not (isolated_dirs / "store.json").exists()  # $CCA_TUI_DB was not used instead


def test_db_flag_wins_over_the_environment(capsys, tmp_path, monkeypatch):
    from_env, from_flag = tmp_path / "env.json", tmp_path / "flag.json"
    monkeypatch.setenv("CCA_TUI_DB", str(from_env))
    code, out, err = run(capsys, "--db", str(from_flag), "articles", "--json")
    assert code == 0, err
    assert from_flag.exists() and not from_env.exists()
    # And the README says so, in the order the code applies them.
    text = README.read_text(encoding="utf-8")
    assert "- The store: `--db PATH`, else `$CCA_TUI_DB`, else the per-user data dir" in text
    assert "`$CCA_TUI_DB`, else `--db PATH`" not in text


def test_other_numbers_still_work(capsys, tmp_path):
    db = str(tmp_path / "db.json")
    code, out, err = run(capsys, "--db", db, "search", "Secretariat", "--limit", "1", "--json")
    assert code == 0, err
    code, out, err = run(capsys, "--db", db, "cite", SEED_ID, "--para", "1", "--sentence", "1", "--accessed", "2024-04-01")
    assert code == 0, err
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Talks in Astana\n\nMinisters met in Astana on Monday.\n", encoding="utf-8")
    code, out, err = run(capsys, "--db", db, "ingest", str(folder), "--max-size", "0.001", "--published", "31 March 2024",
                            "--language", "English")
    assert code == 0, err
    assert "1 added" in out


def test_a_file_name_with_a_newline_stays_on_its_line(capsys, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    bad = folder / "evil\nfake line.txt"
    bad.write_bytes(b"")
    legacy = folder / "legacy\nname.txt"
    legacy.write_bytes("Talks\n\nMinisters met in Astana caf\xe9 on Monday.\n".encode("latin-1"))
    run(capsys, "--db", str(tmp_path / "db.json"), "articles")  # the store exists: no "created" line below
    code, out, err = run(capsys, "--db", str(tmp_path / "db.json"), "ingest", str(folder))
    assert code == 1
    assert err.splitlines() == [
        f"cca-tui: warning: {folder}/legacy\\nname.txt: not valid UTF-8 (first bad byte at offset 34); "
        "decoded as Windows-1252 (Western European)",
        f"cca-tui: {folder}/evil\\nfake line.txt: empty file",
    ]
    assert out.splitlines()[-1].startswith("1 added, 0 skipped, 1 failed; store ")
    # Again: the same text is skipped, and the skip line names the file on one line.
    code, out, err = run(capsys, "--db", str(tmp_path / "db.json"), "ingest", str(legacy))
    assert out.splitlines()[0] == f"skipped  {folder}/legacy\\nname.txt: already stored as " + out.split(" as ")[1].splitlines()[0]
    assert len(out.splitlines()) == 2


def test_export_to_a_path_with_a_newline_is_named_on_one_line(capsys, tmp_path):
    target = tmp_path / "refs\n.bib"
    run(capsys, "--db", str(tmp_path / "db.json"), "articles")  # the store exists: no "created" line below
    code, out, err = run(capsys, "--db", str(tmp_path / "db.json"), "export", "--format", "bibtex", "-o", str(target))
    assert code == 0
    assert err == f"cca-tui: wrote 1 article(s) as bibtex to {tmp_path}/refs\\n.bib\n"
    assert os.listdir(tmp_path).count("refs\n.bib") == 1


def test_search_with_invisible_characters_finds_the_seed(capsys, tmp_path):
    db = str(tmp_path / "db.json")
    for query in ("Secre\u200btariat", "\u202eXi\u2019an\u202c", "Kulu\u00adbayev"):
        code, out, err = run(capsys, "--db", db, "search", query, "--json")
        assert code == 0, err
        assert [r["article_id"] for r in json.loads(out)] == [SEED_ID], query
