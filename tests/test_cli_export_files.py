"""``export -o``: files land only inside the folder asked for, and nothing already there is lost."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.cli_run import run
from tests.records import make_article
from tui.library import Library

# Ids a hand-edited or imported store may hold; each must become a file inside the folder.
HOSTILE_IDS = [
    "../escaped",
    "../../escaped-twice",
    "/tmp/absolute-id",
    "nul\x00byte",
    "x" * 5000,
    "very-long-" * 500,
    "con",
    "Same Name",
    "same-name",
    "",
]


@pytest.fixture
def hostile_db(tmp_path):
    db = tmp_path / "store" / "db.json"
    store = Library.open(db, seed=False)
    records = [
        make_article(article_id, f"Article {i}", [f"Ministers met in Astana for the {i}th time."])
        for i, article_id in enumerate(HOSTILE_IDS)
    ]
    with store.store.write_batch() as batch:
        batch.add_articles(records)
    assert sorted(a.id for a in Library.open(db).articles()) == sorted(HOSTILE_IDS)
    return str(db)


def files_under(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


def test_hostile_ids_become_safe_distinct_names_inside_the_folder(capsys, hostile_db, tmp_path):
    # The folder is two levels down, so "../" and "../../" ids would land inside tmp_path.
    out = tmp_path / "a" / "b" / "out"
    before = files_under(tmp_path)
    code, stdout, err = run(capsys, "--db", hostile_db, "export", "--format", "sources", "-o", str(out))
    assert code == 0, err
    names = os.listdir(out)
    assert len(names) == len(HOSTILE_IDS)
    assert all(n.endswith(".txt") and len(n) <= 100 + len("-99.txt") for n in names)
    assert all(set(n.removesuffix(".txt")) <= set("abcdefghijklmnopqrstuvwxyz0123456789-") for n in names)
    assert "con.txt" not in names and "con-article.txt" in names
    assert {"same-name.txt", "same-name-2.txt"} <= set(names)
    # Outside the folder nothing new: only the folder and its files were added.
    after = files_under(tmp_path)
    added = sorted(set(after) - set(before))
    assert all(p.startswith("a/b/out") or p in ("a", "a/b") for p in added), added
    assert not Path("/tmp/absolute-id.txt").exists()
    # And each file is a source text that ingests back.
    code, stdout, err = run(capsys, "--db", str(tmp_path / "again.json"), "--no-seed", "ingest", str(out))
    assert code == 0, err
    assert f"{len(HOSTILE_IDS)} added" in stdout


def test_file_names_are_slugs_unique_and_bounded():
    from tui.cli.out_files import MAX_NAME, source_file_names

    names = source_file_names(["../a", "/a", "A", "a", "aux", "LPT1", "ab-" * 300, None, "…"])
    assert names == [
        "a.txt", "a-2.txt", "a-3.txt", "a-4.txt", "aux-article.txt", "lpt1-article.txt",
        "ab-" * 33 + "a.txt", "article.txt", "article-2.txt",
    ]
    assert MAX_NAME == 100 == len("ab-" * 33 + "a")


def test_existing_files_are_kept_unless_forced(capsys, tmp_path):
    db = str(tmp_path / "db.json")
    out = tmp_path / "out"
    assert run(capsys, "--db", db, "export", "--format", "sources", "-o", str(out))[0] == 0
    (name,) = os.listdir(out)
    mine = out / name
    mine.write_text("my own notes\n", encoding="utf-8")
    (out / "unrelated.txt").write_text("keep me\n", encoding="utf-8")

    code, stdout, err = run(capsys, "--db", db, "export", "--format", "sources", "-o", str(out))
    assert code == 1
    assert mine.read_text(encoding="utf-8") == "my own notes\n"
    assert err.splitlines() == [
        f"cca-tui: {mine}: exists; kept (--force replaces it)",
        f"cca-tui: wrote 0 source text(s) to {out}; kept 1 existing file(s)",
    ]

    code, stdout, err = run(capsys, "--db", db, "export", "--format", "sources", "-o", str(out), "--force")
    assert code == 0, err
    assert mine.read_text(encoding="utf-8").startswith("---\ntitle:")
    assert (out / "unrelated.txt").read_text(encoding="utf-8") == "keep me\n"
    assert sorted(os.listdir(out)) == sorted([name, "unrelated.txt"])  # no temp file left


def test_a_symlink_in_the_folder_is_never_written_through(capsys, tmp_path):
    db = str(tmp_path / "db.json")
    out = tmp_path / "out"
    assert run(capsys, "--db", db, "export", "--format", "sources", "-o", str(out))[0] == 0
    (name,) = os.listdir(out)
    outside = tmp_path / "outside.txt"
    outside.write_text("outside the folder\n", encoding="utf-8")
    (out / name).unlink()
    (out / name).symlink_to(outside)
    code, _, err = run(capsys, "--db", db, "export", "--format", "sources", "-o", str(out), "--force")
    assert code == 1
    assert "not a regular file; kept even with --force" in err
    assert outside.read_text(encoding="utf-8") == "outside the folder\n"
    assert (out / name).is_symlink()


def test_output_file_is_kept_unless_forced(capsys, tmp_path):
    db = str(tmp_path / "db.json")
    target = tmp_path / "refs.bib"
    target.write_text("% my hand-made bibliography\n", encoding="utf-8")
    run(capsys, "--db", db, "articles")  # the store exists: no "created" line below
    code, out, err = run(capsys, "--db", db, "export", "--format", "bibtex", "-o", str(target))
    assert (code, out) == (1, "")
    assert err == f"cca-tui: {target}: exists; kept (--force replaces it); nothing written\n"
    assert target.read_text(encoding="utf-8") == "% my hand-made bibliography\n"
    code, out, err = run(capsys, "--db", db, "export", "--format", "bibtex", "-o", str(target), "--force")
    assert code == 0, err
    assert target.read_text(encoding="utf-8").startswith("@article{daryo2024launch,")


def test_forcing_through_a_symlinked_output_file_writes_its_target(capsys, tmp_path):
    db = str(tmp_path / "db.json")
    real = tmp_path / "papers" / "refs.bib"
    real.parent.mkdir()
    real.write_text("old\n", encoding="utf-8")
    link = tmp_path / "refs.bib"
    link.symlink_to(real)
    code, _, err = run(capsys, "--db", db, "export", "--format", "ris", "-o", str(link), "--force")
    assert code == 0, err
    assert link.is_symlink() and real.read_text(encoding="utf-8").startswith("TY  - ")


@pytest.mark.parametrize("kind", ["folder", "fifo"])
def test_output_that_is_not_a_file_is_a_usage_error(capsys, tmp_path, kind):
    # A FIFO stands in for /dev/null: renaming over a device would replace it with a file.
    target = tmp_path / "existing"
    target.mkdir() if kind == "folder" else os.mkfifo(target)
    code, out, err = run(capsys, "--db", str(tmp_path / "db.json"), "export", "--format", "csv", "-o", str(target))
    assert (code, out) == (2, "")
    assert len(err.splitlines()) == 1 and err.startswith(f"cca-tui: {target}: ")
    assert ("is a folder" in err) if kind == "folder" else ("not a regular file" in err)
    assert target.is_dir() if kind == "folder" else target.is_fifo()


def test_sources_into_a_file_is_a_usage_error(capsys, tmp_path):
    target = tmp_path / "notes.txt"
    target.write_text("mine\n", encoding="utf-8")
    code, _, err = run(capsys, "--db", str(tmp_path / "db.json"), "export", "--format", "sources", "-o", str(target))
    assert code == 2 and err == f"cca-tui: {target}: not a folder\n"
    assert target.read_text(encoding="utf-8") == "mine\n"
