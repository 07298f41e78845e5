"""A start of an id wherever the CLI asks for one: `article`, `cite`, `tag`, `untag`, `note`, `notes`
(see tui/ids.py)."""

from __future__ import annotations

import json

import pytest

from tests.cli_run import run
from tests.records import make_article
from tui.library import Library

SEED_ID = "daryo-2024-03-31-launch-of-central-asia-china-secretariat"
SEED_URL = "https://daryo.uz/en/2024/03/31/launch-of-central-asiachina-secretariat-takes-place-in-xian"
APA = f"Launch of Central Asia–China Secretariat takes place in Xi’an. (2024, March 31). Daryo. {SEED_URL}\n"


@pytest.fixture(autouse=True)
def isolated(tmp_path, monkeypatch):
    monkeypatch.setenv("CCA_TUI_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("CCA_TUI_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.delenv("CCA_TUI_STYLE", raising=False)


def _store(path, articles, seed=True) -> str:
    store = Library.open(path, seed=seed)
    with store.store.write_batch() as batch:
        batch.add_articles(articles)
    return str(path)


@pytest.fixture
def db(tmp_path):
    """The seed, a second Daryo article, and two whose ids are one the start of the other."""
    return _store(tmp_path / "db.json", [
        make_article("daryo-2024-04-02-uzbek-rail", "Uzbekistan and China open a new freight route",
                     ["A new freight route opened."], outlet="Daryo", published="2024-04-02"),
        make_article("kabar-rail", "Rail talks", ["Talks."], outlet="Kabar", published="2025-01-20"),
        make_article("kabar-rail-2", "Rail talks, day two", ["More talks."], outlet="Kabar", published="2025-01-21"),
    ])


@pytest.mark.parametrize("given", ["daryo-2024-03", "Daryo-2024-03-31", SEED_ID])
def test_cite_and_article_take_a_unique_start(capsys, db, given):
    assert run(capsys, "--db", db, "cite", given, "--style", "apa") == (0, APA, "")
    code, out, _ = run(capsys, "--db", db, "article", given, "--json")
    assert code == 0 and json.loads(out)["id"] == SEED_ID


def test_the_seed_alone_is_cite_daryo(capsys, tmp_path):
    db = str(tmp_path / "seed.json")
    Library.open(db)
    assert run(capsys, "--db", db, "cite", "daryo") == (0, APA, "")


def test_an_exact_id_wins_over_the_longer_one_it_starts(capsys, db):
    code, out, _ = run(capsys, "--db", db, "article", "kabar-rail", "--json")
    assert code == 0 and json.loads(out)["id"] == "kabar-rail"
    code, out, _ = run(capsys, "--db", db, "article", "kabar-rail-", "--json")
    assert code == 0 and json.loads(out)["id"] == "kabar-rail-2"


def test_an_ambiguous_start_lists_the_candidates_and_exits_2(capsys, db):
    expected = (
        "cca-tui: 'dar' is the start of 2 article ids; give more of it:\n"
        "  daryo-2024-04  2024-04-02  Uzbekistan and China open a new freight route\n"
        "  daryo-2024-03  2024-03-31  Launch of Central Asia–China Secretariat takes pla…\n"
    )
    assert run(capsys, "--db", db, "cite", "dar") == (2, "", expected)
    assert run(capsys, "--db", db, "article", "dar") == (2, "", expected)


def test_an_unknown_id_is_one_line_and_exit_1(capsys, db):
    line = "cca-tui: no article with id 'xinhua' (see `cca-tui articles`)\n"
    assert run(capsys, "--db", db, "cite", "xinhua") == (1, "", line)
    assert run(capsys, "--db", db, "article", "xinhua") == (1, "", line)


def test_many_candidates_show_ten_then_how_many_more(capsys, tmp_path):
    db = _store(tmp_path / "wire.json", [
        make_article(f"wire-2024-01-{d:02d}", f"Story {d}", [f"Text {d}."], published=f"2024-01-{d:02d}")
        for d in range(1, 13)
    ], seed=False)
    code, out, err = run(capsys, "--db", db, "cite", "wire")
    assert (code, out) == (2, "")
    assert err.splitlines() == [
        "cca-tui: 'wire' is the start of 12 article ids; give more of it:",
        *[f"  wire-2024-01-{d:02d}  2024-01-{d:02d}  Story {d}" for d in range(12, 2, -1)],
        "  … and 2 more",
    ]


def test_two_chinese_articles_get_ids_a_person_can_type(capsys, tmp_path):
    # Before, both were "xinhua-2024-05-18-untitled" and "…-untitled-2": told apart only by -2.
    folder = tmp_path / "zh"
    folder.mkdir()
    (folder / "a.txt").write_text("---\ntitle: 中国—中亚外长会晤在阿斯塔纳举行\noutlet: Xinhua\npublished: 2024-05-18\n---\n"
                                  "中国和中亚五国外长在阿斯塔纳举行会晤。\n", encoding="utf-8")
    (folder / "b.txt").write_text("---\ntitle: 中亚铁路合作取得新进展\noutlet: Xinhua\npublished: 2024-05-18\n---\n"
                                  "铁路合作取得新进展。\n", encoding="utf-8")
    db = str(tmp_path / "db.json")
    code, out, err = run(capsys, "--db", db, "--no-seed", "ingest", str(folder), "--json")
    assert code == 0, err
    assert sorted(json.loads(out)["added"]) == ["xinhua-2024-05-18-zhong-guo-zhong-ya-wai-zhang",
                                                 "xinhua-2024-05-18-zhong-ya-tie-lu-he-zuo"]
    code, out, _ = run(capsys, "--db", db, "article", "xinhua-2024-05-18-zhong-ya", "--json")
    assert code == 0 and json.loads(out)["title"] == "中亚铁路合作取得新进展"


# -- every command that takes an id: a unique start works, a shared one lists the ids ----------

SEED_SHORT = "daryo-2024-03"
SEED_TITLE = "Launch of Central Asia–China Secretariat takes place in Xi’an"
LAUNCH = "2024-03-30-xian-distinguished-officials"
LAUNCH_TEXT = ("2024-03-30 Distinguished officials gathered in Xi’an to inaugurate the Secretariat of the "
               "China-Central Asia cooperation mechanism")
AMBIGUOUS_DAR = (
    "cca-tui: 'dar' is the start of 2 article ids; give more of it:\n"
    "  daryo-2024-04  2024-04-02  Uzbekistan and China open a new freight route\n"
    "  daryo-2024-03  2024-03-31  Launch of Central Asia–China Secretariat takes pla…\n"
)


def test_every_id_taking_command_takes_a_unique_start(capsys, db):
    # In the order a person would: each later step needs the one before (untag what was tagged…).
    steps = [
        (["tag", SEED_SHORT, "chapter-3"], f"tagged chapter-3: article {SEED_ID} ({SEED_TITLE})\n"),
        (["untag", SEED_SHORT, "chapter-3"], f"untagged chapter-3: article {SEED_ID} ({SEED_TITLE})\n"),
        (["tag", "official:wang", "x"], "tagged x: official wang-yi (Wang Yi)\n"),
        (["untag", "official:wang", "x"], "untagged x: official wang-yi (Wang Yi)\n"),
        (["tag", "event:2024-03", "x"], f"tagged x: event {LAUNCH} ({LAUNCH_TEXT})\n"),
        (["untag", "event:2024-03", "x"], f"untagged x: event {LAUNCH} ({LAUNCH_TEXT})\n"),
        (["note", SEED_SHORT, "Check"], f"added a note on article {SEED_ID}\n"),
        (["notes", SEED_SHORT], f"{SEED_SHORT}  {SEED_TITLE}\n  article: Check\n"),
        (["note", SEED_SHORT, "--delete"], f"deleted the note on article {SEED_ID}: Check\n"),
    ]
    for argv, said in steps:
        assert run(capsys, "--db", db, *argv) == (0, said, ""), argv
    # (article and cite: test_cite_and_article_take_a_unique_start)


@pytest.mark.parametrize("argv", [
    ["tag", "dar", "x"], ["untag", "dar", "x"], ["note", "dar", "x"], ["note", "dar", "--delete"], ["notes", "dar"],
])
def test_every_id_taking_command_lists_a_shared_start(capsys, db, argv):
    assert run(capsys, "--db", db, *argv) == (2, "", AMBIGUOUS_DAR)
    assert run(capsys, "--db", db, "tags") == (0, "no tags\n", "")  # nothing written
    assert run(capsys, "--db", db, "notes") == (0, "no notes\n", "")


@pytest.mark.parametrize("argv, kind, listed", [
    (["untag", "official:s", "x"], "official",
     ["  sirodjiddin-mukhriddin  Sirodjiddin Mukhriddin (Tajikistan)", "  sun-weidong  Sun Weidong (China)"]),
    (["untag", "event:20", "x"], "event",
     ["  2023-05-established-basis-xian  Established on the basis of the Xi’an Declara…",
      f"  {LAUNCH}  Distinguished officials gathered in…"]),
])
def test_untag_lists_a_shared_official_or_event_start(capsys, db, argv, kind, listed):
    code, out, err = run(capsys, "--db", db, *argv)
    assert (code, out) == (2, "")
    assert err.splitlines() == [f"cca-tui: '{argv[1]}' is the start of 2 {kind} ids; give more of it:", *listed]
