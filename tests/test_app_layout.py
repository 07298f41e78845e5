"""Nothing cut at the edges: the pane bar, the status line, long lists, the timeline's dates."""

from __future__ import annotations

from tests.conftest import build_store, save_index
from tests.pilot import explorer, list_side, press, screen_text, settle
from tui.app.filters import Filters


def _note(i: int) -> dict:
    return {"id": f"note-{i:02d}", "title": f"Note {i:02d} on the Astana talks", "outlet": "Wire",
            "published": f"2023-{i % 12 + 1:02d}-{i % 27 + 1:02d}", "url": "", "authors": [], "language": "en",
            "paragraphs": [{"n": 1, "kind": "para", "text": f"Talks note number {i}."}]}


async def test_pane_bar_names_every_pane_at_40_columns(hand_store):
    async with explorer(hand_store, size=(40, 12)) as (app, pilot):
        bar = screen_text(app).splitlines()[0]
        assert "1 Articles" in bar and "2 Officials" in bar and "3 Timeline" in bar, bar
        await pilot.resize_terminal(120, 12)
        await settle(pilot)
        assert screen_text(app).splitlines()[0].startswith(" cca-tui  1 Articles")


async def test_status_line_wraps_rather_than_hiding_the_counts(hand_store):
    async with explorer(hand_store, size=(80, 24)) as (app, pilot):
        app.main.set_filters(Filters(country="Kazakhstan", outlet="Daryo", since="2023", until="2025-06"))
        await settle(pilot)
        status = " ".join(" ".join(screen_text(app).splitlines()[-3:-1]).split())
        assert "Filters: country: Kazakhstan · outlet: Daryo · 2023 – 2025-06 (x clears) · 1 article" in status


async def test_a_long_list_shows_its_last_row_and_no_sideways_scrollbar(tmp_path):
    store = build_store(tmp_path / "many.json", extra=[_note(i) for i in range(40)])
    async with explorer(store, size=(120, 24)) as (app, pilot):
        records = app.main.pane("articles").records
        assert records.show_vertical_scrollbar and not records.show_horizontal_scrollbar
        # Header plus rows to the bottom of the list: the line above the status is a row.
        lines = screen_text(app).splitlines()
        assert lines[-3].startswith("2023-"), lines[-3]


async def test_timeline_dates_show_whole_month_names(tmp_path):
    store = build_store(tmp_path / "months.json")
    events = store.store.events()
    events[0] = {**events[0], "date": "2023-09", "precision": "month"}
    with store.store.write_batch() as batch:
        batch.replace_derived(store.store.officials(), events)
    save_index(store)
    async with explorer(store, size=(100, 24)) as (app, pilot):
        await press(pilot, "3")
        listed = list_side(screen_text(app))
        assert "September 2023 " in listed, listed


async def test_reader_keeps_the_title_in_view_when_the_paragraph_fits_below_it(hand_store):
    from tests.conftest import SEED_TITLE

    async with explorer(hand_store) as (app, pilot):
        await press(pilot, "slash", *"Nurtleu", "enter", "enter")  # the reader on the hit, paragraph 3
        reader = app.main.pane("articles").reader
        assert reader.current_paragraph == 3
        text = screen_text(app)
        assert SEED_TITLE in text and "commencement of the secretariat." in text
        await pilot.resize_terminal(120, 16)  # too short for both: the paragraph at the top
        await settle(pilot)
        reader.go_to_paragraph(3)
        await settle(pilot)
        detail = [line.split("▏", 1)[1] for line in screen_text(app).splitlines() if "▏" in line]
        assert detail[0].startswith("   3  Prominent figures"), detail[0]
