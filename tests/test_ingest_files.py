"""Discovering and reading source files: every bad file is one clear line."""

import codecs
import os

import pytest

from tui.ingest import SourceError, discover, read_source
from tui.ingest.files import DEFAULT_MAX_BYTES

GOOD = "Ministers meet\nThe ministers met on Monday.\n"


def write(path, data):
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path


def reason(path, **kwargs):
    with pytest.raises(SourceError) as info:
        read_source(path, **kwargs)
    assert info.value.path == str(path)
    assert str(info.value) == f"{path}: {info.value.reason}"
    return info.value.reason


def test_discover_folder_recursive_sorted_skips_hidden_and_other_suffixes(tmp_path):
    for name in ["b.txt", "a.md", "sub/c.TXT", "notes.pdf", ".hidden.txt", ".git/x.txt", "sub/.d/y.md"]:
        write(tmp_path / name, GOOD)
    files, errors = discover([tmp_path])
    assert files == [tmp_path / "a.md", tmp_path / "b.txt", tmp_path / "sub" / "c.TXT"]
    assert errors == []


def test_discover_explicit_file_any_suffix_and_no_duplicates(tmp_path):
    a = write(tmp_path / "a.txt", GOOD)
    other = write(tmp_path / "odd.dat", GOOD)
    files, errors = discover([a, tmp_path, other, a])
    assert files == [a, other]
    assert errors == []


def test_discover_nonexistent_and_broken_link(tmp_path):
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "gone.txt")
    files, errors = discover([tmp_path / "missing", tmp_path / "dangling.txt"])
    assert files == []
    assert [(e.path, e.reason) for e in errors] == [
        (str(tmp_path / "missing"), "no such file or folder"),
        (str(tmp_path / "dangling.txt"), "broken symlink"),
    ]


def test_discover_symlink_loops(tmp_path):
    (tmp_path / "x.txt").symlink_to(tmp_path / "y.txt")
    (tmp_path / "y.txt").symlink_to(tmp_path / "x.txt")
    folder = tmp_path / "folder"
    write(folder / "good.txt", GOOD)
    (folder / "again").symlink_to(folder)
    files, errors = discover([tmp_path / "x.txt", folder])
    assert files == [folder / "good.txt"]
    assert [(e.path, e.reason) for e in errors] == [
        (str(tmp_path / "x.txt"), "symlink loop"),
        (str(folder / "again"), "symlink loop (folder links back to a parent)"),
    ]


def test_discover_folder_with_file_loop_inside(tmp_path):
    (tmp_path / "x.txt").symlink_to(tmp_path / "y.txt")
    (tmp_path / "y.txt").symlink_to(tmp_path / "x.txt")
    files, errors = discover([tmp_path])
    assert files == []
    assert sorted(e.reason for e in errors) == ["symlink loop", "symlink loop"]


def test_discover_unreadable_folder(tmp_path, monkeypatch):
    write(tmp_path / "locked" / "a.txt", GOOD)
    real = os.scandir

    def scandir(path):
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied")
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    files, errors = discover([tmp_path])
    assert files == []
    assert [(e.path, e.reason) for e in errors] == [(str(tmp_path / "locked"), "permission denied")]


def test_read_good_utf8_and_bom(tmp_path):
    assert read_source(write(tmp_path / "a.txt", GOOD)) == GOOD
    assert read_source(write(tmp_path / "b.txt", codecs.BOM_UTF8 + GOOD.encode())) == GOOD
    assert read_source(write(tmp_path / "c.txt", codecs.BOM_UTF16_LE + GOOD.encode("utf-16-le"))) == GOOD


def test_binary_files_refused(tmp_path):
    assert reason(write(tmp_path / "a.txt", b"abc\x00def" * 10)) == "not a text or HTML file (contains NUL bytes)"
    assert reason(write(tmp_path / "b.txt", b"%PDF-1.7\n...")) == "not a text or HTML file (a PDF document; convert it to text first)"
    assert reason(write(tmp_path / "c.txt", b"\x01\x02\x03\x04" * 20 + b"text")) == "not a text or HTML file (many control bytes)"


def test_hostile_but_textual_file_is_not_binary(tmp_path):
    text = "Title\n" + "x \x1b[31mred\x1b[0m \x1b]52;c;QUJD\x07 ok\n" * 50
    assert read_source(write(tmp_path / "a.txt", text)) == text


def test_empty_and_whitespace_only_refused(tmp_path):
    assert reason(write(tmp_path / "a.txt", b"")) == "empty file"
    assert reason(write(tmp_path / "b.txt", b" \n\t\r\n ")) == "empty file"
    assert reason(write(tmp_path / "c.txt", "\u200b\x1b[0m\n")) == "no readable text"


def test_too_large_refused_without_being_read(tmp_path, monkeypatch):
    from tui.ingest import files

    big = tmp_path / "big.txt"
    with open(big, "wb") as f:
        f.truncate(20 * 1024 * 1024)  # sparse: 20 MB without writing them
    opened = []
    monkeypatch.setattr(files, "open", lambda *a, **k: opened.append(a) or open(*a, **k), raising=False)
    assert reason(big) == "file too large (20.0 MB; the limit is 5.0 MB)"  # from its size
    assert opened == []
    assert DEFAULT_MAX_BYTES == 5 * 1024 * 1024


def test_size_limit_is_configurable(tmp_path):
    path = write(tmp_path / "a.txt", GOOD * 100)
    assert reason(path, max_bytes=1000) == "file too large (4 KB; the limit is 1000 bytes)"
    assert read_source(path, max_bytes=10_000) == GOOD * 100


def test_cp1251_fallback_with_warning(tmp_path):
    path = write(tmp_path / "ru.txt", "Министры встретились в Ташкенте.\n".encode("cp1251"))
    warnings = []
    assert read_source(path, warnings=warnings) == "Министры встретились в Ташкенте.\n"
    assert warnings == [f"{path}: not valid UTF-8 (first bad byte at offset 0); decoded as Windows-1251 (Cyrillic)"]


def test_cp1252_fallback_with_warning(tmp_path):
    path = write(tmp_path / "fr.txt", "Le ministre a visité la région.\n".encode("cp1252"))
    warnings = []
    assert read_source(path, warnings=warnings) == "Le ministre a visité la région.\n"
    assert warnings == [
        f"{path}: not valid UTF-8 (first bad byte at offset 19); decoded as Windows-1252 (Western European)"
    ]


def test_read_folder_missing_and_special_files(tmp_path):
    assert reason(tmp_path) == "is a folder"
    assert reason(tmp_path / "nope.txt") == "no such file or folder"
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    assert reason(fifo) == "not a regular file"  # and does not block


def test_read_unreadable_file(tmp_path, monkeypatch):
    path = write(tmp_path / "a.txt", GOOD)
    import builtins

    real_open = builtins.open

    def deny(file, *args, **kwargs):
        if str(file) == str(path):
            raise PermissionError(13, "Permission denied")
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", deny)
    assert reason(path) == "permission denied"


def test_discover_special_file_named_explicitly(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    files, errors = discover([fifo])
    assert files == [] and [e.reason for e in errors] == ["not a regular file"]


def test_utf16_without_bom_decoded_with_warning(tmp_path):
    path = write(tmp_path / "w.txt", GOOD.encode("utf-16-le"))
    warnings = []
    assert read_source(path, warnings=warnings) == GOOD
    assert warnings == [f"{path}: no byte order mark; decoded as UTF-16-LE"]


def test_mixed_folder_good_files_survive(tmp_path):
    from tui.ingest import parse_source

    write(tmp_path / "good.txt", GOOD)
    write(tmp_path / "binary.txt", b"\x00\x01\x02" * 40)
    write(tmp_path / "empty.md", b"")
    write(tmp_path / "badfm.txt", "---\ntitle: no end\n")
    write(tmp_path / "baddate.txt", "---\npublished: yesterday-ish\n---\nBody.\n")
    (tmp_path / "loop.txt").symlink_to(tmp_path / "loop.txt")
    files, errors = discover([tmp_path, tmp_path / "absent"])
    outcomes = {}
    for err in errors:
        outcomes[os.path.basename(err.path)] = err.reason
    for path in files:
        try:
            parse_source(read_source(path), path=str(path))
            outcomes[path.name] = "ok"
        except SourceError as err:
            outcomes[path.name] = err.reason
    assert outcomes == {
        "absent": "no such file or folder",
        "loop.txt": "symlink loop",
        "baddate.txt": "front matter 'published': not a date: 'yesterday-ish'",
        "badfm.txt": "front matter opened on line 1 is never closed with '---'",
        "binary.txt": "not a text or HTML file (contains NUL bytes)",
        "empty.md": "empty file",
        "good.txt": "ok",
    }


OUTSIDE = "symlinked folder leads outside the folder being ingested; not followed (name its target to ingest it)"


def test_discover_does_not_follow_a_folder_symlink_out_of_the_folder(tmp_path):
    write(tmp_path / "private" / "diary.txt", GOOD)
    write(tmp_path / "home-notes.txt", GOOD)
    folder = tmp_path / "articles"
    write(folder / "a.txt", GOOD)
    write(folder / "sub" / "b.txt", GOOD)
    (folder / "up").symlink_to(tmp_path, target_is_directory=True)  # into its parent
    (folder / "private").symlink_to(tmp_path / "private", target_is_directory=True)
    (folder / "sub" / "relative").symlink_to("../../private", target_is_directory=True)
    files, errors = discover([folder])
    assert files == [folder / "a.txt", folder / "sub" / "b.txt"]
    assert sorted((e.path, e.reason) for e in errors) == sorted([
        (str(folder / "private"), OUTSIDE),
        (str(folder / "sub" / "relative"), OUTSIDE),
        (str(folder / "up"), OUTSIDE),
    ])


def test_discover_follows_a_folder_symlink_inside_and_a_named_symlinked_folder(tmp_path):
    real = tmp_path / "real"
    write(real / "kept" / "c.txt", GOOD)
    (real / "shortcut").symlink_to(real / "kept", target_is_directory=True)
    named = tmp_path / "named"
    named.symlink_to(real, target_is_directory=True)
    files, errors = discover([named])
    assert (files, errors) == ([named / "kept" / "c.txt"], [])
    # The named folder's own link counts as inside: its root is where the link leads.
    other = tmp_path / "other"
    write(other / "d.txt", GOOD)
    (real / "out").symlink_to(other, target_is_directory=True)
    files, errors = discover([named])
    assert files == [named / "kept" / "c.txt"] and [e.reason for e in errors] == [OUTSIDE]


def test_hostile_file_name_is_escaped_in_the_message(tmp_path):
    from tui.ingest.errors import display_path

    name = "evil\x1b]52;c;QUJD\x07\u202e.txt"
    path = write(tmp_path / name, b"")
    with pytest.raises(SourceError) as info:
        read_source(path)
    assert info.value.path == str(path)  # the real name, for JSON
    assert str(info.value) == f"{tmp_path}/evil\\x1b]52;c;QUJD\\x07\\u202e.txt: empty file"
    assert display_path("plain/Xi’an.txt") == "plain/Xi’an.txt"
    assert display_path(None) == ""


def test_source_error_pickles_and_is_one_line():
    import pickle

    err = SourceError("a.txt", "two\nlines  of\treason")
    assert str(err) == "a.txt: two lines of reason"
    again = pickle.loads(pickle.dumps(err))
    assert (again.path, again.reason) == ("a.txt", "two lines of reason")
    assert str(SourceError(None, "no path")) == "no path"
