"""`cca-tui tag`, `untag`, `tags`, `note`, `notes`, and what the other commands show of them."""

from __future__ import annotations

import json

import pytest

from tests.cli_run import run, run_json
from tests.records import make_article
from tui.library import Library

SEED_ID = "daryo-2024-03-31-launch-of-central-asia-china-secretariat"
SEED_TITLE = "Launch of Central Asia–China Secretariat takes place in Xi’an"
LAUNCH = "2024-03-30-xian-distinguished-officials"
LAUNCH_LABEL = ("2024-03-30 Distinguished officials gathered in Xi’an to inaugurate the Secretariat of the "
                "China-Central Asia cooperation mechanism")
P3_START = "Prominent figures including Wang Yi, member of the Politburo"


@pytest.fixture(autouse=True)
def wide(monkeypatch):
    monkeypatch.setenv("COLUMNS", "100")


@pytest.fixture
def db(tmp_path):
    """The seed, with its extracted officials and events."""
    path = tmp_path / "db.json"
    Library.open(path)
    return str(path)


@pytest.fixture
def db_kabar(tmp_path):
    """The seed and two articles whose ids share a start."""
    path = tmp_path / "kabar.json"
    library = Library.open(path)
    with library.store.write_batch() as batch:
        batch.add_articles([
            make_article("kabar-rail", "Rail talks", ["Talks."], outlet="Kabar", published="2025-01-20"),
            make_article("kabar-rail-2", "Rail talks, day two", ["More talks."], outlet="Kabar", published="2025-01-21"),
        ])
    return str(path)


def cli(capsys, db, *argv):
    return run(capsys, "--db", db, *argv)


# -- tags ---------------------------------------------------------------------------------


def test_tag_an_article_an_official_and_an_event_then_count_them(capsys, db):
    assert cli(capsys, db, "tag", "daryo", "chapter-3", "to-verify") == (0, (
        f"tagged chapter-3: article {SEED_ID} ({SEED_TITLE})\n"
        f"tagged to-verify: article {SEED_ID} ({SEED_TITLE})\n"), "")
    assert cli(capsys, db, "tag", "official:wang", "chapter-3") == (
        0, "tagged chapter-3: official wang-yi (Wang Yi)\n", "")
    assert cli(capsys, db, "tag", "official:Wang Yi", "people") == (
        0, "tagged people: official wang-yi (Wang Yi)\n", "")
    assert cli(capsys, db, "tag", "event:2024-03", "Chapter-3") == (
        0, f"tagged chapter-3: event {LAUNCH} ({LAUNCH_LABEL})\n", "")  # the spelling first written
    assert cli(capsys, db, "tags") == (0, (
        "TAG         ARTICLES  OFFICIALS  EVENTS\n"  # (a first column is 10 cells at least)
        "chapter-3   1         1          1\n"
        "people      0         1          0\n"
        "to-verify   1         0          0\n"), "")
    assert run_json(capsys, "--db", db, "tags") == [
        {"tag": "chapter-3", "articles": 1, "officials": 1, "events": 1, "not_found": 0,
         "on": [{"kind": "article", "id": SEED_ID}, {"kind": "official", "id": "wang-yi"},
                {"kind": "event", "id": LAUNCH}]},
        {"tag": "people", "articles": 0, "officials": 1, "events": 0, "not_found": 0,
         "on": [{"kind": "official", "id": "wang-yi"}]},
        {"tag": "to-verify", "articles": 1, "officials": 0, "events": 0, "not_found": 0,
         "on": [{"kind": "article", "id": SEED_ID}]},
    ]


def test_tagging_twice_and_untagging(capsys, db):
    cli(capsys, db, "tag", SEED_ID, "chapter-3")
    assert cli(capsys, db, "tag", SEED_ID, "CHAPTER-3") == (
        0, f"already tagged chapter-3: article {SEED_ID} ({SEED_TITLE})\n", "")
    assert cli(capsys, db, "untag", "daryo", "Chapter-3", "never") == (0, (
        f"untagged chapter-3: article {SEED_ID} ({SEED_TITLE})\n"
        f"was not tagged never: article {SEED_ID} ({SEED_TITLE})\n"), "")
    assert cli(capsys, db, "tags") == (0, "no tags\n", "")
    assert run_json(capsys, "--db", db, "tags") == []


@pytest.mark.parametrize(("name", "why"), [
    ("to verify", "a tag has no spaces (write chapter-3, to-verify)"),
    ('say"x"', "a tag has no quotes or commas"),
    ("a,b", "a tag has no quotes or commas"),
    ("bad\x1bname", "a tag has no control or invisible characters"),
    ("x" * 65, "a tag has at most 64 characters"),
])
def test_a_bad_tag_name_is_one_line_and_exit_2(capsys, db, name, why):
    code, out, err = cli(capsys, db, "tag", "daryo", "good", name)
    assert (code, out) == (2, "")
    assert err == f"cca-tui: argument TAG: bad tag name {name!r}: {why} (see `cca-tui tag --help`)\n".replace(
        "\x1b", "\\x1b")
    assert cli(capsys, db, "tags") == (0, "no tags\n", "")  # nothing written


def test_unknown_and_ambiguous_targets(capsys, db, db_kabar):
    assert cli(capsys, db, "tag", "nope", "x") == (1, "", "cca-tui: no article with id 'nope' (see `cca-tui articles`)\n")
    assert cli(capsys, db, "tag", "official:nobody", "x") == (
        1, "", "cca-tui: no official with id or name 'nobody' (see `cca-tui officials`)\n")
    assert cli(capsys, db, "untag", "event:1999", "x") == (
        1, "", "cca-tui: no event with id '1999' (see `cca-tui timeline --json`)\n")
    assert cli(capsys, db, "tag", "event:20", "x") == (2, "", (
        "cca-tui: 'event:20' is the start of 2 event ids; give more of it:\n"
        # each cut to the 100 columns
        "  2023-05-established-basis-xian  Established on the basis of the Xi’an Declaration signed followin…\n"
        f"  {LAUNCH}  Distinguished officials gathered in Xi’an to inaugurate…\n"))
    assert cli(capsys, db, "tag", "official:s", "x") == (2, "", (
        "cca-tui: 'official:s' is the start of 2 official ids; give more of it:\n"
        "  sirodjiddin-mukhriddin  Sirodjiddin Mukhriddin (Tajikistan)\n"
        "  sun-weidong  Sun Weidong (China)\n"))
    assert cli(capsys, db_kabar, "tag", "kabar", "x") == (2, "", (
        "cca-tui: 'kabar' is the start of 2 article ids; give more of it:\n"
        "  kabar-rail-  2025-01-21  Rail talks, day two\n"  # the short ids
        "  kabar-rail   2025-01-20  Rail talks\n"))
    assert cli(capsys, db, "tags") == (0, "no tags\n", "")


# -- notes --------------------------------------------------------------------------------


def test_note_on_a_paragraph_and_on_the_article(capsys, db):
    where = f"paragraph 3 of article {SEED_ID}"
    assert cli(capsys, db, "note", "daryo", "--para", "3", "Check", "Nurtleu's", "title") == (
        0, f"added a note on {where}\n", "")
    assert cli(capsys, db, "note", "daryo", "--para", "3", "against the MFA release") == (
        0, f"added to the note on {where}\n", "")
    assert cli(capsys, db, "note", "daryo", "Whole piece: a press release.") == (
        0, f"added a note on article {SEED_ID}\n", "")
    assert cli(capsys, db, "notes") == (0, (
        f"daryo-  {SEED_TITLE}\n"
        "  article: Whole piece: a press release.\n"
        "  ¶3: Check Nurtleu's title\n"
        "    against the MFA release\n"), "")
    code, out, _ = cli(capsys, db, "article", "daryo")
    lines = out.splitlines()
    assert code == 0 and lines[:6] == [
        SEED_TITLE, "Daryo · 2024-03-31",
        "https://daryo.uz/en/2024/03/31/launch-of-central-asiachina-secretariat-takes-place-in-xian",
        "    Note: Whole piece: a press release.", "", lines[5]]
    at = next(i for i, line in enumerate(lines) if line.startswith("[3] "))
    assert lines[at + 1:at + 4] == ["    Note: Check Nurtleu's title", "      against the MFA release", lines[at + 3]]
    assert lines[at + 3].startswith("[4] ")


def test_replace_and_delete_a_note(capsys, db):
    where = f"paragraph 3 of article {SEED_ID}"
    cli(capsys, db, "note", "daryo", "--para", "3", "first")
    assert cli(capsys, db, "note", "daryo", "--para", "3", "--replace", "second") == (
        0, f"replaced the note on {where}\n", "")
    assert [n["text"] for n in run_json(capsys, "--db", db, "notes")] == ["second"]
    assert cli(capsys, db, "note", "daryo", "--para", "3", "--delete") == (
        0, f"deleted the note on {where}: second\n", "")
    assert cli(capsys, db, "note", "daryo", "--para", "3", "--delete") == (1, "", f"cca-tui: no note on {where}\n")
    assert cli(capsys, db, "notes") == (0, "no notes\n", "")
    assert cli(capsys, db, "notes", "daryo") == (0, f"no notes on article {SEED_ID}\n", "")


def test_bad_notes_are_one_line_and_exit_2(capsys, db):
    assert cli(capsys, db, "note", "daryo", "--para", "99", "x") == (2, "", (
        f"cca-tui: argument --para: article {SEED_ID} has no paragraph 99 (it has 11)\n"))
    assert cli(capsys, db, "note", "daryo", "--para", "0", "x") == (2, "", (
        "cca-tui: argument --para: must be 1 or more (got '0') (see `cca-tui note --help`)\n"))
    assert cli(capsys, db, "note", "daryo", " ") == (2, "", "cca-tui: note needs TEXT (or --delete to delete the note there)\n")
    assert cli(capsys, db, "note", "daryo", "--delete", "x") == (2, "", "cca-tui: note --delete takes no TEXT\n")
    assert cli(capsys, db, "note", "nope", "x") == (1, "", "cca-tui: no article with id 'nope' (see `cca-tui articles`)\n")
    assert cli(capsys, db, "notes") == (0, "no notes\n", "")


def test_notes_json_and_article_json(capsys, db):
    cli(capsys, db, "note", "daryo", "--para", "3", "Check the title")
    cli(capsys, db, "tag", "daryo", "to-verify")
    [note] = run_json(capsys, "--db", db, "notes", "daryo")
    assert set(note) == {"article_id", "title", "paragraph", "written_on_paragraph", "changed", "quoted", "text",
                         "created", "updated"}
    assert (note["article_id"], note["title"], note["paragraph"], note["written_on_paragraph"], note["changed"],
            note["text"]) == (SEED_ID, SEED_TITLE, 3, 3, False, "Check the title")
    assert note["quoted"].startswith(P3_START)
    doc = run_json(capsys, "--db", db, "article", "daryo")
    assert doc["tags"] == ["to-verify"]
    assert [(n["paragraph"], n["text"]) for n in doc["notes"]] == [(3, "Check the title")]
    assert [(a["id"], a["tags"], a["notes"]) for a in run_json(capsys, "--db", db, "articles")] == [
        (SEED_ID, ["to-verify"], 1)]


# -- the query fields ---------------------------------------------------------------------------


def test_tag_and_note_in_every_command_that_takes_a_query(capsys, db_kabar):
    db = db_kabar
    cli(capsys, db, "tag", "kabar-rail-2", "chapter-3")
    cli(capsys, db, "tag", "daryo", "chapter-3")
    cli(capsys, db, "tag", "official:wang", "chapter-3")
    cli(capsys, db, "tag", f"event:{LAUNCH}", "chapter-3")
    cli(capsys, db, "note", "kabar-rail", "Ask the ministry about rolling stock")
    found = run_json(capsys, "--db", db, "search", "tag:chapter-3")
    assert [(r["article_id"], r["tags"]) for r in found] == [("kabar-rail-2", ["chapter-3"]), (SEED_ID, ["chapter-3"])]
    assert [r["article_id"] for r in run_json(capsys, "--db", db, "search", "talks", "-tag:chapter-3")] == ["kabar-rail"]
    assert [r["article_id"] for r in run_json(capsys, "--db", db, "search", "note:roll")] == ["kabar-rail"]
    assert [r["article_id"] for r in run_json(capsys, "--db", db, "search", 'note:"the ministry"')] == ["kabar-rail"]
    assert run_json(capsys, "--db", db, "search", "note:ministry", "tag:chapter-3") == []
    assert [o["id"] for o in run_json(capsys, "--db", db, "officials", "tag:chapter-3")] == ["wang-yi"]
    assert [e["id"] for e in run_json(capsys, "--db", db, "timeline", "tag:chapter-3")] == [LAUNCH]
    assert [e["id"] for e in run_json(capsys, "--db", db, "timeline", "-tag:chapter-3")] == [
        "2023-05-established-basis-xian"]
    exported = json.loads(cli(capsys, db, "export", "--format", "json", "tag:chapter-3")[1])
    assert [(a["id"], a["tags"], a["notes"]) for a in exported] == [
        ("kabar-rail-2", ["chapter-3"], []), (SEED_ID, ["chapter-3"], [])]


def test_a_bad_tag_in_a_query_is_a_usage_error(capsys, db):
    assert cli(capsys, db, "search", "tag:-x") == (
        2, "", "cca-tui: tag:-x is not a tag name: a tag cannot start with - (that removes a tag)\n")
    assert cli(capsys, db, "search", "talks", "-note:x") == (
        2, "", "cca-tui: filters cannot be negated: -note: (only -tag: is)\n")


def test_export_json_holds_the_tags_and_notes(capsys, db):
    cli(capsys, db, "tag", "daryo", "to-verify")
    cli(capsys, db, "note", "daryo", "--para", "3", "Check the title")
    [doc] = json.loads(cli(capsys, db, "export", "--format", "json")[1])
    assert doc["tags"] == ["to-verify"]
    [note] = doc["notes"]
    assert (note["paragraph"], note["written_on_paragraph"], note["changed"], note["text"]) == (
        3, 3, False, "Check the title")
    assert note["quoted"].startswith(P3_START)
