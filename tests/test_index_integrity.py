"""A damaged search index is detected by its checksums, reported, and rebuilt — never trusted."""

from __future__ import annotations

import json
from array import array
from pathlib import Path

import orjson
import pytest

from tests.cli_run import ingested_store, run
from tui.library.index_file import index_path

QUERIES = ["secretariat", "water Astana", '"Central Asia"', "Xi", "transboundary", "-summit staff"]


@pytest.fixture
def db(tmp_path, capsys) -> Path:
    return ingested_store(capsys, tmp_path / "store.json")


def answers(capsys, db: Path) -> list:
    found = []
    for q in QUERIES:
        code, out, err = run(capsys, "--db", str(db), "search", q, "--json")
        assert code == 0, (q, err)
        found.append(json.loads(out))
    return found


def layout(data: bytes) -> tuple[dict, int, int]:
    """(header, where the header starts, where the binary part starts) of an index file."""
    start = data.index(b'{"format":')
    head_len = int.from_bytes(data[8:16], "little")
    return orjson.loads(data[start:start + head_len]), start, start + head_len


def postings_of(data: bytes, token: str) -> int:
    """Where the postings (document numbers) of ``token`` start in the file."""
    header, _, base = layout(data)
    starts = array("Q", bytes.fromhex(header["posting_starts"]))
    return base + starts[header["vocab"].index(token)]


def same_length(old: bytes, new: bytes) -> bytes:
    assert len(old) == len(new)
    return new


DAMAGE = {
    # Four bytes in the binary part: the document numbers of a token's postings.
    "postings": lambda data: (postings_of(data, "secretariat"), b"\x07\x00\x00\x00"),
    # A title in the header, still valid JSON: the old code printed it in the results.
    "title in the header": lambda data: (data.index(b"Kazakh and Uzbek ministers"),
                                         same_length(b"Kazakh and Uzbek", b"Tajik and Uzbek ")),
    # A token's weight in the binary part (how hits rank).
    "weights": lambda data: (postings_of(data, "water") + 4, b"\x63\x00\x00\x00"),
    # The token strings of the articles, the last part of the file.
    "token strings": lambda data: (len(data) - 40, b"zzzzzzzz"),
}


@pytest.mark.parametrize("where", list(DAMAGE))
def test_a_damaged_index_is_reported_rebuilt_and_never_trusted(capsys, db, where):
    good = answers(capsys, db)
    assert run(capsys, "--db", str(db), "db", "check")[0] == 0
    path = index_path(db)
    data = bytearray(path.read_bytes())
    at, patch = DAMAGE[where](bytes(data))
    assert bytes(data[at:at + len(patch)]) != patch
    data[at:at + len(patch)] = patch
    path.write_bytes(bytes(data))

    code, out, _ = run(capsys, "--db", str(db), "db", "check")
    assert code == 1
    assert f"problem: search index {path} is damaged: " in out
    assert out.rstrip().endswith("NOT sound: 1 problem(s)")

    assert answers(capsys, db) == good  # rebuilt, never trusted
    assert run(capsys, "--db", str(db), "db", "check")[0] == 0


def test_db_repair_rebuilds_a_damaged_index(capsys, db):
    path = index_path(db)
    data = bytearray(path.read_bytes())
    at = postings_of(bytes(data), "secretariat")
    data[at:at + 4] = b"\xff\xff\xff\x7f"
    path.write_bytes(bytes(data))
    code, out, _ = run(capsys, "--db", str(db), "db", "repair")
    assert code == 0
    assert out.splitlines()[-1] == "rebuilt the search index store.json.index"
    assert run(capsys, "--db", str(db), "db", "check")[0] == 0
    code, out, _ = run(capsys, "--db", str(db), "search", "secretariat", "--json")
    assert code == 0 and len(json.loads(out)) == 2


async def test_the_explorer_does_not_start_from_a_damaged_index(db, capsys):
    from tests.conftest import settle
    from tui.app.app import CcaApp

    path = index_path(db)
    data = bytearray(path.read_bytes())
    at = data.index(b"Kazakh and Uzbek ministers")
    data[at:at + 16] = b"Tajik and Uzbek "
    path.write_bytes(bytes(data))
    app = CcaApp(db=str(db))
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        titles = [a.title for a in app.catalog.articles]
    assert "Kazakh and Uzbek ministers discuss water sharing in Astana" in titles
    assert not any(t.startswith("Tajik") for t in titles)
