"""The explorer driven with the keys a person presses; assertions on the screen and clipboard."""

from __future__ import annotations


from tests.conftest import SEED_TITLE, SEED_URL, region_text, save_index
from tests.pilot import detail_side, explorer, list_side, listed, options, press, screen_text, settle
from tui.app.links import ArticleLink, EventLink, OfficialLink
from tui.app.screens.main import MainScreen
from tui.app.widgets.detail import ParagraphList
from tui.app.widgets.record_list import RecordList

SEED_ID = "daryo-2024-03-31-launch-of-central-asia-china-secretariat"


async def test_first_screen_shows_the_seed_title(seed_store):
    async with explorer(seed_store) as (app, pilot):
        text = screen_text(app)
        assert SEED_TITLE[:24] in text
        assert isinstance(app.focused, RecordList)  # focus in the Articles list
        assert "1 Articles" in text and "2 Officials" in text and "3 Timeline" in text


async def test_officials_pane_shows_nurtleu_with_kazakhstan(seed_store):
    async with explorer(seed_store) as (app, pilot):
        await press(pilot, "2")
        line = next(l for l in screen_text(app).splitlines() if "Nurtleu" in l)
        assert "Kazakhstan" in line


async def test_timeline_groups_by_year_with_dates_at_their_precision(seed_store):
    async with explorer(seed_store) as (app, pilot):
        await press(pilot, "3")
        text = screen_text(app)
        assert "2023" in text and "2024" in text
        assert "May 2023" in text
        assert "30 Mar 2024" in text
        lines = region_text(app, app.main.pane("timeline").records).splitlines()  # the list only
        # Year headings come before their events.
        assert min(i for i, l in enumerate(lines) if "May 2023" in l) > min(i for i, l in enumerate(lines) if l.startswith("2023"))


async def test_tab_and_shift_tab_cycle_panes(hand_store):
    async with explorer(hand_store) as (app, pilot):
        await pilot.press("tab")
        assert app.main.kind == "officials"
        await pilot.press("tab")
        assert app.main.kind == "timeline"
        await pilot.press("shift+tab", "shift+tab")
        assert app.main.kind == "articles"


async def test_live_search_filters_and_clears(seed_store):
    async with explorer(seed_store) as (app, pilot):
        await pilot.press("1", "slash")
        await press(pilot, *"Kulubayev")
        assert len(listed(app, "articles")) == 1
        assert SEED_TITLE[:24] in screen_text(app)
        await press(pilot, *" zzqx")
        assert listed(app, "articles") == []
        assert "No articles match “Kulubayev zzqx”." in list_side(screen_text(app))
        # Clear the box: everything again.
        main = app.main
        main.pane("articles").search_box.value = ""
        await settle(pilot)
        assert len(listed(app, "articles")) == 1
        assert "No articles match" not in screen_text(app)
        assert SEED_TITLE[:24] in list_side(screen_text(app))


async def test_clearing_with_backspace_brings_the_list_back(hand_store):
    async with explorer(hand_store) as (app, pilot):
        await press(pilot, "slash", *"zzqx")
        assert listed(app, "articles") == []
        await press(pilot, *["backspace"] * 4)
        assert len(listed(app, "articles")) == 1


async def test_enter_keeps_the_query_then_c_copies_citation(seed_store):
    async with explorer(seed_store) as (app, pilot):
        await press(pilot, "slash", *"Kulubayev")
        await pilot.press("enter")  # (escape clears the query first)
        assert isinstance(app.focused, RecordList)
        assert app.main.pane("articles").search_box.value == "Kulubayev"  # filter kept
        await press(pilot, "c")
        assert "Daryo" in app.clipboard
        assert SEED_URL in app.clipboard or SEED_URL.removeprefix("https://") in app.clipboard


async def test_enter_opens_the_reader_with_numbered_paragraphs(seed_store):
    async with explorer(seed_store) as (app, pilot):
        await press(pilot, "enter")
        assert isinstance(app.focused, ParagraphList)
        text = screen_text(app)
        assert SEED_URL[:40] in text
        assert "  1" in text and "Distinguished officials" in text
        # j moves the paragraph cursor; y quotes the current paragraph.
        await pilot.press("j", "j")
        reader = app.main.pane("articles").reader
        assert reader.current_paragraph == 3
        await press(pilot, "y")
        assert "Prominent figures including Wang Yi" in app.clipboard
        assert "Daryo" in app.clipboard


async def test_question_mark_and_f1_open_the_help(hand_store):
    from tui.app.screens.help import HelpScreen

    async with explorer(hand_store) as (app, pilot):
        for key in ("question_mark", "f1"):
            await press(pilot, key)
            assert isinstance(app.screen, HelpScreen)
            # The first lines: what the citation keys do (every key: tests/test_app_keymap.py).
            assert "│ Timeline — each a list with a detail view. Citations: c copies the selected or open article's" \
                in screen_text(app)
            await press(pilot, "escape")
            assert isinstance(app.screen, MainScreen)


async def test_q_quits_with_status_zero(hand_store):
    async with explorer(hand_store) as (app, pilot):
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0


async def test_ctrl_q_quits_from_the_search_box(hand_store):
    async with explorer(hand_store) as (app, pilot):
        await pilot.press("slash", "q")  # q types into the box…
        assert app.main.pane("articles").search_box.value == "q"
        await pilot.press("ctrl+q")  # …ctrl+q quits from anywhere
        await pilot.pause()
    assert app.return_code == 0


async def test_official_links_to_article_paragraph_and_back(hand_store):
    async with explorer(hand_store) as (app, pilot):
        await press(pilot, "2", "slash", *"Nurtleu", "enter")
        await press(pilot, "enter")  # open the official: the detail gets the focus
        detail = app.main.pane("officials").detail
        # The cursor starts on the first link, the official's first event; one down is the
        # title's source, one more the article under "Articles (1)".
        assert detail.current_link == EventLink("event-2024-03-30-secretariat")
        await pilot.press("j")
        assert detail.current_link == ArticleLink(SEED_ID, 3)
        await pilot.press("j")
        assert str(detail.get_option_at_index(detail.highlighted - 1).prompt) == "Articles (1)"
        assert detail.current_link == ArticleLink(SEED_ID, 3)
        await press(pilot, "enter")
        assert app.main.kind == "articles"
        reader = app.main.pane("articles").reader
        assert reader.current_paragraph == 3  # where Nurtleu is named
        assert isinstance(app.focused, ParagraphList)
        await press(pilot, "escape")
        assert app.main.kind == "officials"
        assert app.main.pane("officials").detail_key == "official-2"


async def test_event_evidence_opens_in_the_reader_and_back(hand_store):
    async with explorer(hand_store) as (app, pilot):
        await press(pilot, "3", "j", "enter")  # the 2024 event
        detail = app.main.pane("timeline").detail
        # The cursor starts on the evidence; the three participants are after it.
        assert detail.current_link == ArticleLink(SEED_ID, 1, "Distinguished officials … gathered in Xi’an on March 30, 2024")
        await pilot.press("j")
        assert detail.current_link == OfficialLink("official-1")
        await press(pilot, "k", "enter")
        assert app.main.kind == "articles"
        assert app.main.pane("articles").reader.current_paragraph == 1
        await press(pilot, "escape")
        assert app.main.kind == "timeline"
        assert app.main.pane("timeline").detail_key == "event-2024-03-30-secretariat"


async def test_o_lists_paragraph_officials_and_jumps(hand_store):
    async with explorer(hand_store) as (app, pilot):
        await pilot.press("enter", "j", "j")  # reader, paragraph 3
        await press(pilot, "o")
        text = screen_text(app)
        assert "Officials in paragraph 3" in text and "Murat Nurtleu" in text
        await press(pilot, "j", "enter")  # second name: Murat Nurtleu
        assert app.main.kind == "officials"
        assert app.main.pane("officials").detail_key == "official-2"
        await press(pilot, "escape")
        assert app.main.kind == "articles"
        assert app.main.pane("articles").reader.current_paragraph == 3


async def test_markup_looking_text_is_shown_literally(markup_store):
    async with explorer(markup_store) as (app, pilot):
        text = screen_text(app)
        assert "[bold red]Injected[/] [Update]" in text
        assert "[i]Wire[/i]"[:10] in text
        await press(pilot, "enter")
        text = screen_text(app)
        assert "[link=https://evil.example]a link[/link]" in text
        assert "\x1b" not in text
        await press(pilot, "j", "y")
        assert "\x1b" not in app.clipboard and "\x07" not in app.clipboard


async def test_draws_at_40x12(seed_store):
    async with explorer(seed_store, size=(40, 12)) as (app, pilot):
        assert "Launch" in screen_text(app)
        for key in ("enter", "escape", "2", "enter", "3", "enter", "slash", "x", "escape", "escape", "question_mark",
                    "escape"):
            await press(pilot, key, wait=0.05)
        await pilot.press("q")
    assert app.return_code == 0


async def test_80x24_shows_list_then_reader(seed_store):
    async with explorer(seed_store, size=(80, 24)) as (app, pilot):
        assert "Launch of Central" in screen_text(app)
        await press(pilot, "enter")
        assert "Distinguished officials" in screen_text(app)
        await press(pilot, "escape")
        assert isinstance(app.focused, RecordList)


# -- panes remember their detail; the number keys go to the list ------------------------------


async def test_number_keys_show_the_list_with_focus_and_keep_the_detail(hand_store):
    async with explorer(hand_store) as (app, pilot):
        await press(pilot, "enter")  # the reader has the focus
        assert isinstance(app.focused, ParagraphList)
        articles = app.main.pane("articles")
        seed_id = articles.detail_key
        await press(pilot, "2", "enter")  # an official's page has the focus
        assert app.focused is app.main.pane("officials").detail
        await press(pilot, "1")
        assert app.main.kind == "articles"
        assert app.focused is articles.records  # the list, not the reader
        assert articles.detail_key == seed_id  # the reader still shows the article beside it
        assert "Distinguished officials" in detail_side(screen_text(app))
        await press(pilot, "2")
        assert app.focused is app.main.pane("officials").records
        assert app.main.pane("officials").detail_key is not None
        # The pane already shown: its number still moves the focus to the list.
        await press(pilot, "enter")
        assert app.focused is app.main.pane("officials").detail
        await pilot.press("2")
        assert app.focused is app.main.pane("officials").records


async def test_number_keys_at_80x24_show_the_list_and_enter_reopens(hand_store):
    async with explorer(hand_store, size=(80, 24)) as (app, pilot):
        await press(pilot, "enter")
        assert "Distinguished officials" in screen_text(app)
        await press(pilot, "2", "1")
        text = screen_text(app)
        assert isinstance(app.focused, RecordList)
        assert "Date" in text and "Outlet" in text  # the list's header, not the reader
        assert "Distinguished officials" not in text
        await press(pilot, "enter")
        assert "Distinguished officials" in screen_text(app)


# -- the reader: hanging indent, highlights on the right characters -----------------------------


async def test_reader_wraps_paragraphs_under_their_text(hand_store):
    async with explorer(hand_store) as (app, pilot):
        await press(pilot, "enter")
        lines = detail_side(screen_text(app)).splitlines()
        # One column of padding, then the gutter: the number right-aligned in 3, a mark, a space.
        start = next(i for i, l in enumerate(lines) if l.startswith("   3  Prominent figures"))
        end = next(i for i, l in enumerate(lines) if l.startswith("   4  "))
        continuation = lines[start + 1:end]
        assert len(continuation) >= 3  # paragraph 3 wraps at this width
        for line in continuation:
            assert line.startswith("      ") and line[6] != " ", line  # under the text, not at column 0


async def test_reader_highlights_names_on_wrapped_lines(hand_store):
    from rich.segment import Segment

    async with explorer(hand_store) as (app, pilot):
        await press(pilot, "enter")
        plist = app.main.pane("articles").reader.paragraphs
        first = plist._lines.index((plist.get_option_index("para:3"), 0))
        count = plist._line_cache.heights[plist.get_option_index("para:3")]
        bold_runs: list[str] = []
        for y in range(first, first + count):
            run = ""
            for segment in Segment.simplify(plist.render_line(y - int(plist.scroll_y))):
                if segment.style and segment.style.bold:
                    run += segment.text
                elif run:
                    bold_runs.append(run)
                    run = ""
            if run:
                bold_runs.append(run)
        # Paragraph 3 (not under the cursor) names three officials of the hand-made facts;
        # only their names are bold, wherever the wrap put them.
        names = " ".join(bold_runs)
        assert {"Wang", "Yi", "Murat", "Nurtleu", "Jeenbek", "Kulubayev"} == set(names.replace(",", "").split())


# -- nothing matches: the list and the detail say so --------------------------------------------


async def test_no_match_says_so_in_the_list_and_helps_in_the_detail(hand_store):
    async with explorer(hand_store) as (app, pilot):
        assert "·  1 article " in screen_text(app)  # singular
        await press(pilot, "slash", *"zzqx")
        text = screen_text(app)
        assert "No articles match “zzqx”." in list_side(text)
        assert "ctrl+u clears the search" in list_side(text)
        detail = detail_side(text)
        assert "No article selected" not in detail
        assert "No articles match “zzqx”." in detail
        assert "Every word must appear" in detail
        assert "0 of 1 article for “zzqx”" in text and "articles for" not in text
        await press(pilot, "ctrl+u")
        text = screen_text(app)
        assert "No articles match" not in text
        assert "Distinguished officials" in detail_side(text)  # the first article is shown again


async def test_no_match_in_officials_suggests_fuzzy_names_and_counts_pluralize(hand_store):
    async with explorer(hand_store) as (app, pilot):
        await press(pilot, "2")
        assert "·  5 officials" in screen_text(app)
        await press(pilot, "slash", *"Nurtleu")
        assert "1 of 5 officials for “Nurtleu”" in screen_text(app)
        await press(pilot, *" zzqx")
        text = screen_text(app)
        assert "No officials match “Nurtleu zzqx”." in list_side(text)
        assert "Names match fuzzily" in detail_side(text)
        assert "No official selected" not in text


async def test_no_match_under_filters_says_x_clears_them(hand_store):
    from tui.app.filters import Filters

    async with explorer(hand_store) as (app, pilot):
        app.main.set_filters(Filters(outlet="Nowhere Times"))
        await settle(pilot)
        text = screen_text(app)
        assert "No articles with the active filters." in list_side(text)
        assert "x clears the filters" in list_side(text)
        assert "x clears the filters (outlet: Nowhere Times)" in detail_side(text)
        await press(pilot, "x")
        assert SEED_TITLE[:24] in list_side(screen_text(app))


async def test_keys_arriving_together_after_slash_are_typed_into_the_search_box(seed_store):
    """A paste or a burst of keys over SSH: the app reads "/" and the letters behind it
    before any widget has handled "/", so the focus must move as the app reads the key."""
    from textual import events

    async with explorer(seed_store) as (app, pilot):
        box = app.main.pane("articles").search_box
        for ch in "/kulub/x":  # the second "/" is text: the box has the focus by then
            app.post_message(events.Key("slash" if ch == "/" else ch, ch))
        await settle(pilot)
        assert app.focused is box
        assert box.value == "kulub/x"


def test_title_runs_group_a_title_held_through_many_articles():
    from tui.app.catalog import Catalog

    from tui.records import Official, Role

    def role(title, date):
        return Role(title, f"a-{date}", 1, date)

    official = Official("o", "Murat Nurtleu", roles=(
        role("Minister of Foreign Affairs", "2023-03-01"), role("Minister of Foreign Affairs", "2023-01-01"),
        role("Deputy Prime Minister", "2024-02-01"), role("Minister of Foreign Affairs", "2023-02-01"),
        role("Minister of Foreign Affairs", "2024-06-01"), role("", "2024-07-01"),
    ))
    runs = Catalog.title_runs(official)
    assert [(r[0].title, [x.date for x in r]) for r in runs] == [
        ("Minister of Foreign Affairs", ["2023-01-01", "2023-02-01", "2023-03-01"]),
        ("Deputy Prime Minister", ["2024-02-01"]),
        ("Minister of Foreign Affairs", ["2024-06-01"]),
    ]


async def test_official_page_shows_one_line_per_run_of_a_title(hand_store):
    seed_id = hand_store.articles()[0].id
    officials = hand_store.store.officials()
    nurtleu = next(o for o in officials if o["name"] == "Murat Nurtleu")
    nurtleu["roles"] = [
        {"title": "Minister of Foreign Affairs", "date": d, "article_id": seed_id, "paragraph": 3}
        for d in ("2023-01-05", "2023-02-05", "2023-03-05")
    ] + [{"title": "Deputy Prime Minister", "date": "2024-03-31", "article_id": seed_id, "paragraph": 3}]
    with hand_store.store.write_batch() as batch:
        batch.replace_derived([dict(o) for o in officials], hand_store.store.events())
    save_index(hand_store)
    async with explorer(hand_store) as (app, pilot):
        await press(pilot, "2", "slash", *"Nurtleu", "enter")
        detail = app.main.pane("officials").detail
        lines = options(detail)
        start = lines.index("Titles over time")
        assert lines[start + 1:start + 3] == [
            "5 Jan 2023   Minister of Foreign Affairs — 3 articles, to 5 Mar 2023",
            "31 Mar 2024  Deputy Prime Minister — Launch of Central Asia–China Secretariat takes place in Xi’an",
        ]
        assert lines[start + 3] == "Articles (1)"


async def test_official_page_lists_the_first_articles_and_links_to_all(tmp_path, monkeypatch):
    from tests.conftest import build_store
    from tests.records import make_article
    from tui.app.widgets import official_page

    extra = [make_article(f"extra-{i}", f"Nurtleu in talks, part {i}", [f"Murat Nurtleu held talks (part {i})."],
                          published=f"2024-04-0{i}") for i in (1, 2)]
    store = build_store(tmp_path / "many.json", extra=extra)
    monkeypatch.setattr(official_page, "PAGE_LIMIT", 1)
    async with explorer(store) as (app, pilot):
        await press(pilot, "2", "slash", *"Nurtleu", "enter")
        detail = app.main.pane("officials").detail
        lines = options(detail)
        start = lines.index("Articles (3)")
        assert lines[start + 1].startswith("2024-04-02  Nurtleu in talks, part 2")
        assert lines[start + 2] == '… 2 more: list them in Articles official:"Murat Nurtleu"'
        await press(pilot, "enter")  # into the page
        detail.highlighted = start + 2
        await press(pilot, "enter")
        pane = app.main.pane("articles")
        assert app.main.kind == "articles" and pane.search_box.value == 'official:"Murat Nurtleu"'
        assert pane.records.record_count == 3
        await press(pilot, "escape")  # back to the official's page
        assert app.main.kind == "officials"
