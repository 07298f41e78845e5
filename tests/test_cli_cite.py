"""``cca-tui cite`` and ``cca-tui export`` against a temporary store."""

from __future__ import annotations

import base64
import csv
import io
import json
import os

import bibtexparser
import pytest
import rispy

from tests.cli_run import run
from tests.records import make_article
from tui.cli import cite_cmd
from tui.clipboard import load_history
from tui.library import Library

SEED_ID = "daryo-2024-03-31-launch-of-central-asia-china-secretariat"
SEED_URL = "https://daryo.uz/en/2024/03/31/launch-of-central-asiachina-secretariat-takes-place-in-xian"
APA = f"Launch of Central Asia–China Secretariat takes place in Xi’an. (2024, March 31). Daryo. {SEED_URL}"
P9 = (
    "Sun Weidong outlined the primary responsibilities of the Secretariat, including facilitating the "
    "implementation of agreements between the six countries' leaders, organizing future China-Central Asia "
    "Summits, facilitating ministerial meetings, and fostering cooperation in key sectors"
)


@pytest.fixture(autouse=True)
def isolated(tmp_path, monkeypatch):
    """No user config, history or clipboard tools leak into these tests."""
    monkeypatch.setenv("CCA_TUI_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("CCA_TUI_DATA_DIR", str(tmp_path / "data"))
    for var in ("CCA_TUI_STYLE", "TMUX", "DISPLAY", "WAYLAND_DISPLAY"):
        monkeypatch.delenv(var, raising=False)


@pytest.fixture
def db(tmp_path):
    """A seeded store (created here: its creation would be a line of its own on stderr)."""
    path = tmp_path / "store" / "db.json"
    Library.open(path)
    return str(path)


@pytest.fixture
def two_db(db):
    """The seed plus one project-written article with two authors."""
    store = Library.open(db)
    extra = make_article(
        "kabar-2025-01-20-rail",
        "Rail link: China & Kyrgyzstan agree on gauge",
        ["Work on the China–Kyrgyzstan–Uzbekistan railway starts in 2025.", "# Next steps", "Talks continue."],
        outlet="Kabar",
        published="2025-01-20",
    )
    extra["authors"] = ["Aibek Asanov", "Li, Na"]
    with store.store.write_batch() as batch:
        batch.add_articles([extra])
    return db


def test_cite_apa_para_9_quotes_sun_weidong(capsys, db):
    code, out, err = run(capsys, "cite", SEED_ID, "--style", "apa", "--para", "9", "--db", db)
    assert code == 0, err
    assert out == f"“{P9}” (“Launch of Central Asia–China Secretariat,” 2024, para. 9).\n{APA}\n"


def test_cite_default_style_from_config_and_env(capsys, db, tmp_path, monkeypatch):
    assert run(capsys, "--db", db, "cite", SEED_ID)[1] == APA + "\n"
    (tmp_path / "config").mkdir()
    (tmp_path / "config" / "config.toml").write_text('style = "chicago"\n', encoding="utf-8")
    assert run(capsys, "--db", db, "cite", SEED_ID)[1].startswith("Daryo. “Launch of Central Asia–China")
    monkeypatch.setenv("CCA_TUI_STYLE", "mla")
    assert run(capsys, "--db", db, "cite", SEED_ID)[1].startswith("“Launch of Central Asia–China Secretariat Takes")


def test_cite_errors_are_one_clear_line(capsys, db, tmp_path):
    code, out, err = run(capsys, "--db", db, "cite", SEED_ID, "--style", "harvard")
    assert (code, out) == (2, "")
    assert err == "cca-tui: unknown citation style 'harvard'; choose one of: apa, mla, chicago, chicago-note, chicago-ad, bibtex, ris, csl-json, markdown\n"
    code, out, err = run(capsys, "--db", db, "cite", "no-such-id")
    assert (code, out, err) == (1, "", "cca-tui: no article with id 'no-such-id' (see `cca-tui articles`)\n")
    code, _, err = run(capsys, "--db", db, "cite", SEED_ID, "--para", "40")
    assert code == 1 and "has no paragraph 40" in err
    (tmp_path / "config").mkdir()
    (tmp_path / "config" / "config.toml").write_text('style = "nope"\n', encoding="utf-8")
    code, _, err = run(capsys, "--db", db, "cite", SEED_ID)
    assert code == 2 and "config.toml: style: unknown citation style 'nope'" in err


def test_cite_sentence(capsys, db):
    code, out, _ = run(capsys, "--db", db, "cite", SEED_ID, "--para", "6", "--sentence", "2", "--style", "chicago-ad")
    assert code == 0
    assert out.startswith("“He underscored that the inauguration of the secretariat reflects the collective "
                          "determination of the six nations to foster development and cooperation” (Daryo 2024, para. 6).\n")


def test_cite_copy_writes_osc52_to_the_terminal_and_history(capsys, db, monkeypatch):
    master, slave = os.openpty()
    monkeypatch.setattr(cite_cmd, "TTY_PATH", os.ttyname(slave))
    try:
        code, out, err = run(capsys, "--db", db, "cite", SEED_ID, "--copy")
        sent = os.read(master, 4096)
    finally:
        os.close(master)
        os.close(slave)
    assert code == 0 and out == APA + "\n"
    assert err == "cca-tui: APA citation of “Launch of Central Asia–China Secretariat takes…” copied (OSC 52)\n"
    assert sent == b"\x1b]52;c;" + base64.b64encode(APA.encode()) + b"\x07"
    [entry] = load_history()
    assert (entry.text, entry.style, entry.article_id) == (APA, "apa", SEED_ID)


def test_cite_copy_without_a_terminal_says_so(capsys, db, monkeypatch, tmp_path):
    not_tty = tmp_path / "plain-file"
    not_tty.write_text("")
    monkeypatch.setattr(cite_cmd, "TTY_PATH", str(not_tty))
    code, out, err = run(capsys, "--db", db, "cite", SEED_ID, "--copy")
    assert code == 0 and out == APA + "\n"  # the text is still printed
    assert "not copied: no clipboard path worked" in err


@pytest.mark.parametrize("fmt", ["bibtex", "ris", "csl-json", "markdown", "json", "csv"])
def test_export_two_articles_gives_two_entries(capsys, two_db, fmt):
    code, out, err = run(capsys, "--db", two_db, "export", "--format", fmt)
    assert code == 0, err
    if fmt == "bibtex":
        lib = bibtexparser.parse_string(out)
        assert lib.failed_blocks == [] and len(lib.entries) == 2
        assert {e.key for e in lib.entries} == {"kabar2025rail", "daryo2024launch"}
    elif fmt == "ris":
        assert len(rispy.loads(out)) == 2
    elif fmt in ("csl-json", "json"):
        assert len(json.loads(out)) == 2
    elif fmt == "markdown":
        assert len(out.splitlines()) == 2 and all(line.startswith("- [") for line in out.splitlines())
    else:
        rows = list(csv.DictReader(io.StringIO(out)))
        assert [r["id"] for r in rows] == ["kabar-2025-01-20-rail", SEED_ID]  # newest first
        assert rows[0]["authors"] == "Aibek Asanov; Li, Na"


def test_export_query_and_atomic_file(capsys, two_db, tmp_path):
    target = tmp_path / "out" / "refs.bib"
    code, out, err = run(capsys, "--db", two_db, "export", "Kulubayev", "--format", "bibtex", "-o", str(target))
    assert code == 0 and out == ""
    assert err == f"cca-tui: wrote 1 article(s) as bibtex to {target}\n"
    text = target.read_text(encoding="utf-8")
    assert text.startswith("@article{daryo2024launch,") and text.count("@article") == 1
    assert sorted(p.name for p in target.parent.iterdir()) == ["refs.bib"]  # no temp left


def test_export_unknown_format(capsys, db):
    code, out, err = run(capsys, "--db", db, "export", "--format", "docx")
    assert (code, out) == (2, "")
    assert err == "cca-tui: unknown export format 'docx'; choose one of: apa, mla, chicago, chicago-note, chicago-ad, bibtex, ris, csl-json, markdown, json, csv, sources\n"


def test_officials_and_timeline_csv(capsys, db):
    code, out, err = run(capsys, "--db", db, "officials", "--csv")
    assert code == 0, err
    rows = list(csv.DictReader(io.StringIO(out)))
    assert list(rows[0]) == ["id", "name", "aliases", "country", "titles", "article_ids"]
    kulubayev = next(r for r in rows if r["name"] == "Jeenbek Kulubayev")
    assert (kulubayev["country"], kulubayev["article_ids"]) == ("Kyrgyzstan", SEED_ID)
    code, out, err = run(capsys, "--db", db, "timeline", "--csv")
    assert code == 0, err
    rows = list(csv.DictReader(io.StringIO(out)))
    assert list(rows[0]) == ["id", "date", "end_date", "precision", "planned", "summary", "place", "participants",
                             "article_ids"]
    assert sorted(r["date"] for r in rows) == ["2023-05", "2024-03-30"]
