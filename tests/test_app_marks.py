"""Marks in the explorer: `space` marks rows in every pane, the status line counts them (the
ones a search hides too), `c` copies the marked articles as one reference list, `U` and the
palette clear them, and the palette saves them to a file without replacing one unasked."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import screen_text, settle, shown
from tests.test_app_contrast import assert_readable_in_every_theme
from tui.app import CcaApp
from tui.app.screens.pickers import Picker
from tui.app.screens.prompt import PathPrompt
from tui.app.widgets.record_list import MARK
from tui.cli.main import main as cli

SIZE = (120, 36)
CORPUS = Path(__file__).parent / "fixtures" / "reflist"

WATER = "https://kun.uz/en/news/2024/07/01/uzbekistan-and-china-discuss-water-quotas"
CORRIDOR = "https://astanatimes.com/2024/06/the-middle-corridor-gains-a-second-track-at-dostyk/"
HUB = "https://astanatimes.com/2024/02/a-new-freight-hub-opens-near-almaty/"
# The rows 2, 3 and 5 of the list (newest first), as APA 7 lists them: by author, then one
# author's two 2024 works oldest first, lettered (9.47). Worked out by hand.
APA_LIST = (
    "References\n"
    f"Ismoilova, D. (2024, July 1). Uzbekistan and China discuss water quotas. Kun.uz. {WATER}\n"
    f"Seitkali, A. (2024a, February 20). A new freight hub opens near Almaty. The Astana Times. {HUB}\n"
    f"Seitkali, A. (2024b, June 15). The Middle Corridor gains a second track at Dostyk. The Astana Times. {CORRIDOR}"
)
# MLA 9: by first element; one author's works by title ("Middle" before "New", "The" and
# "A" ignored), three hyphens for her name the second time.
MLA_LIST = (
    "Works Cited\n"
    f"Ismoilova, Dilnoza. “Uzbekistan and China Discuss Water Quotas.” Kun.uz, 1 July 2024, {WATER[8:]}.\n"
    f"Seitkali, Aigerim. “The Middle Corridor Gains a Second Track at Dostyk.” The Astana Times, 15 June 2024, "
    f"{CORRIDOR[8:]}.\n"
    f"---. “A New Freight Hub Opens near Almaty.” The Astana Times, 20 Feb. 2024, {HUB[8:]}.\n"
)


@pytest.fixture
def corpus_db(tmp_path) -> str:
    db = tmp_path / "store.json"
    assert cli(["--db", str(db), "--no-seed", "ingest", str(CORPUS)]) == 0
    return str(db)


def status(app) -> str:
    return str(app.main.query_one("#status").render())


def messages(app) -> list[str]:
    return [n.message for n in app._notifications]


def list_lines(app) -> list[str]:
    return [line.rstrip() for line in screen_text(app).splitlines()[2:11]]


async def mark_rows_2_3_and_5(pilot) -> None:
    """As a person would: down to row 2, space (marks it, moves on), space, down, space."""
    await pilot.press("j", "space", "space", "j", "space")
    await settle(pilot)


async def test_three_marked_articles_copy_as_one_exact_reference_list(corpus_db):
    app = CcaApp(db=corpus_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert status(app) == "No filters (f to add)  ·  8 articles"
        await mark_rows_2_3_and_5(pilot)
        assert status(app) == "No filters (f to add)  ·  8 articles · 3 marked"
        assert app.main.marked("articles") == [
            "kun-uz-2024-07-01-uzbekistan-and-china-discuss-water-quotas",
            "the-astana-times-2024-06-15-middle-corridor-gains-a-second-track",
            "the-astana-times-2024-02-20-new-freight-hub-opens-near-almaty",
        ]
        # The marks show as a sign in a gutter, not only as a colour.
        rows = list_lines(app)
        assert [row[:2] for row in rows[1:9]] == ["  ", f"{MARK} ", f"{MARK} ", "  ", f"{MARK} ", "  ", "  ", "  "]
        assert rows[2].split("▏")[0] == f"{MARK} 2024-07-01 Kun.uz       Uzbekistan and China d…    0"

        await pilot.press("c")
        await settle(pilot)
        assert app.clipboard == APA_LIST
        assert messages(app)[-1].splitlines()[0] == "APA reference list of 3 articles copied (OSC 52)"

        await pilot.press("C")
        await settle(pilot)
        assert isinstance(app.screen, Picker) and "Copy the 3 marked articles as…" in screen_text(app)
        await pilot.press("down", "enter")  # MLA 9
        await settle(pilot)
        assert app.clipboard == MLA_LIST.rstrip("\n")
        assert messages(app)[-1].splitlines()[0] == "MLA reference list of 3 articles copied (OSC 52)"


async def test_marks_survive_a_search_and_U_clears_them(corpus_db):
    app = CcaApp(db=corpus_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await mark_rows_2_3_and_5(pilot)
        await pilot.press("slash", *"outlet:kun", "enter")
        await settle(pilot)
        assert status(app) == "No filters (f to add)  ·  2 of 8 articles for “outlet:kun” · 3 marked, 2 not shown"
        await pilot.press("c")  # the hidden two are still in the list copied
        await settle(pilot)
        assert app.clipboard == APA_LIST

        await pilot.press("U")
        await settle(pilot)
        assert messages(app)[-1] == "Unmarked 3 articles."
        assert status(app) == "No filters (f to add)  ·  2 of 8 articles for “outlet:kun”"
        assert app.main.marked("articles") == []
        assert all(not row.startswith(MARK) for row in list_lines(app))
        await pilot.press("c")  # no marks: the selected article, as before
        await settle(pilot)
        assert app.clipboard == f"Ismoilova, D. (2024, July 1). Uzbekistan and China discuss water quotas. Kun.uz. {WATER}"
        await pilot.press("U")
        await settle(pilot)
        assert messages(app)[-1] == "No articles marked in this pane."


async def test_space_unmarks_a_marked_row_and_marks_are_per_pane(seed_store):
    app = CcaApp(db=str(seed_store.path))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        main = app.main
        await pilot.press("2", "space", "space")  # the first two officials
        await settle(pilot)
        officials = main.listed("officials")
        assert main.marked("officials") == officials[:2]
        assert status(app).endswith(f"{len(officials)} officials · 2 marked")
        await pilot.press("k", "space")  # back up to the second: unmarked
        await settle(pilot)
        assert main.marked("officials") == officials[:1]

        await pilot.press("3", "space")  # the first event (the year heading is not a row to mark)
        await settle(pilot)
        assert main.marked("timeline") == main.listed("timeline")[:1]
        assert status(app).endswith("· 1 marked")

        await pilot.press("k", "enter", "space")  # in the detail: the event it shows, unmarked again
        await settle(pilot)
        assert main.marked("timeline") == []

        await pilot.press("1")
        await settle(pilot)
        assert main.marked("articles") == [] and "marked" not in status(app)
        assert main.marked("officials") == officials[:1]  # still there
        await pilot.press("c")  # nothing marked here: the article's own citation
        await settle(pilot)
        assert app.clipboard.startswith("Launch of Central Asia–China Secretariat takes place in Xi’an. (2024, March 31).")


async def test_the_mark_stays_readable_in_every_theme(corpus_db):
    app = CcaApp(db=corpus_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("space", "space")  # rows 1 and 2; the cursor on row 3
        await pilot.press("k")  # the cursor back on a marked row
        await settle(pilot)
        records = app.main.pane("articles").records
        top = records.scrollable_content_region.y
        marked_rows = lambda: range(top + 1, top + 3)  # noqa: E731 — rows 1 and 2 under the header
        await assert_readable_in_every_theme(pilot, (records, "marked rows", [MARK], marked_rows))
        # Blurred (the focus in the search box), the cursor's mark reads too.
        await pilot.press("slash")
        await shown(pilot)
        await assert_readable_in_every_theme(pilot, (records, "marked rows, list blurred", [MARK], marked_rows))


async def export_marked(pilot, fmt_steps: int, path: str) -> None:
    """ctrl+p, "export marked", the format ``fmt_steps`` down the picker, the path typed over
    the suggested one, enter."""
    await pilot.press("ctrl+p")
    await settle(pilot)
    await pilot.press(*"export marked")
    await settle(pilot, 0.5)
    await pilot.press("enter")
    await settle(pilot)
    assert isinstance(pilot.app.screen, Picker)
    await pilot.press(*["down"] * fmt_steps, "enter")
    await settle(pilot)
    assert isinstance(pilot.app.screen, PathPrompt)
    await pilot.press(*path, "enter")  # the suggested name is selected: typing replaces it
    await settle(pilot)


async def test_palette_exports_the_marked_articles_and_asks_before_replacing(corpus_db, tmp_path):
    target = tmp_path / "out" / "refs.txt"
    app = CcaApp(db=corpus_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await mark_rows_2_3_and_5(pilot)
        await export_marked(pilot, 1, str(target))  # MLA 9
        assert target.read_text(encoding="utf-8") == MLA_LIST
        assert messages(app)[-1] == f"Wrote 3 articles as MLA 9 works-cited list to {target}"

        await export_marked(pilot, 0, str(target))  # APA, to the same file: asked first
        assert isinstance(app.screen, Picker) and app.screen.title_text == f"{target} exists. Replace it?"
        await pilot.press("escape")  # keep it
        await settle(pilot)
        assert messages(app)[-1] == f"Not exported: {target} kept as it was."
        assert target.read_text(encoding="utf-8") == MLA_LIST

        await export_marked(pilot, 0, str(target))
        await pilot.press("enter")  # "Replace it"
        await settle(pilot)
        assert target.read_text(encoding="utf-8") == APA_LIST + "\n"
        assert messages(app)[-1] == f"Wrote 3 articles as APA 7 reference list to {target}"

        before = sorted(tmp_path.rglob("*"))
        await export_marked(pilot, 0, str(tmp_path))  # a folder: refused, nothing written
        assert messages(app)[-1] == f"Not exported: {tmp_path}: is a folder; name a file in it"
        assert sorted(tmp_path.rglob("*")) == before

        await pilot.press("ctrl+p")  # the palette clears the marks too
        await settle(pilot)
        await pilot.press(*"clear marks")
        await settle(pilot, 0.5)
        await pilot.press("enter")
        await settle(pilot)
        assert app.main.marked("articles") == []
        await pilot.press("ctrl+p")
        await settle(pilot)
        await pilot.press(*"export marked")
        await settle(pilot, 0.5)
        assert "marks: export marked articles…" not in screen_text(app)  # nothing marked: not offered
