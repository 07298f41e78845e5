"""The explorer's pieces behind marks: the marked set, the file an export goes to, the toast's words."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tui.app.copying import describe_list
from tui.app.exporting import ExportProblem, export_target, save_export
from tui.app.marks import Marks


def test_marks_keep_their_order_count_the_hidden_and_drop_the_gone():
    marks = Marks()
    assert marks.toggle("articles", "b") and marks.toggle("articles", "a") and marks.toggle("officials", "a")
    assert marks.keys("articles") == ["b", "a"]  # the order marked
    assert not marks.toggle("articles", "b")  # marked twice: unmarked
    assert marks.keys("articles") == ["a"] and marks.keys("officials") == ["a"]
    marks.toggle("articles", "c")
    assert marks.hidden("articles", ["a", "x"]) == 1  # "c" is not shown
    assert marks.keep("articles", lambda key: key != "c") == 1
    assert marks.keys("articles") == ["a"]
    assert marks.clear("articles") == 1 and marks.count("articles") == 0
    assert marks.is_marked("officials", "a")


def test_export_target_names_a_file_or_says_why_not(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("HOME", str(tmp_path))
    assert export_target("refs.txt", cwd=tmp_path / "work") == tmp_path / "work" / "refs.txt"
    assert export_target("  ~/refs.txt ") == tmp_path / "refs.txt"
    for typed, says in (("", "Type a file name to save to."), ("   ", "Type a file name to save to."),
                        (str(tmp_path), f"{tmp_path}: is a folder; name a file in it"),
                        ("/dev/null", "/dev/null: not a regular file; nothing written")):
        with pytest.raises(ExportProblem) as problem:
            export_target(typed)
        assert str(problem.value) == says


def test_save_export_never_replaces_unasked_and_writes_through_a_link(tmp_path: Path):
    target = tmp_path / "a" / "refs.txt"
    save_export(target, "References\n", replace=False)  # its folder is made
    assert target.read_text(encoding="utf-8") == "References\n"
    with pytest.raises(ExportProblem) as problem:
        save_export(target, "Works Cited\n", replace=False)
    assert str(problem.value) == f"{target}: it exists; kept; nothing written"
    assert target.read_text(encoding="utf-8") == "References\n"
    link = tmp_path / "link.txt"
    os.symlink(target, link)
    save_export(link, "Bibliography\n", replace=True)
    assert link.is_symlink() and target.read_text(encoding="utf-8") == "Bibliography\n"
    assert sorted(p.name for p in target.parent.iterdir()) == ["refs.txt"]  # no temp file left


def test_the_toast_names_the_style_and_the_count():
    assert describe_list(3, "apa") == "APA reference list of 3 articles"
    assert describe_list(1, "mla") == "MLA reference list of 1 article"
    assert describe_list(2, "chicago-note") == "Chicago notes of 2 articles"
    assert describe_list(2, "bibtex") == "BibTeX of 2 articles"
