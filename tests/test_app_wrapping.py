"""Every line of wrapped text shows, at every width from 40 to 200 columns.

Read off the screen: each option of the reader (header and paragraphs, under the cursor and
not), of an official's and an event's page and of the pickers is scrolled to the top of its
list and must appear there whole, every character in order (whitespace aside, since wrapping
moves it). Between sizes a short article is shown first, so the long one arrives in a list
that had no scrollbar: the moment its wrapping was measured at the wrong width.
"""

from __future__ import annotations

import pytest

from tests.conftest import build_store, read_all, region_text, shown, squash
from tests.pilot import explorer
from tui.app.links import ArticleLink, EventLink, OfficialLink

HEIGHT = 36
WIDTHS = sorted(set(range(40, 201, 10)) | set(range(100, 131)))  # densely where it was seen
SOME_WIDTHS = sorted(set(range(40, 201, 20)) | {100, 105, 110, 115, 120, 125, 130})

# Written for these tests, in the style of a wire report: a long title and URL that wrap in
# the header, a heading, a paragraph with an unbroken token, names and dates to highlight.
LONG = {
    "id": "kabar-2024-05-12-road-map", "outlet": "Kabar", "published": "2024-05-12", "authors": [],
    "language": "en",
    "title": "Foreign ministers of Central Asia and China agree a road map for transport corridors, "
             "water management and trade facilitation through 2030",
    "url": "https://kabar.example/en/2024/05/12/foreign-ministers-of-central-asia-and-china-agree-a-road-map-"
           "for-transport-corridors-water-management-and-trade-facilitation",
    "paragraphs": [
        {"n": 1, "kind": "para", "text": "Foreign ministers of the five Central Asian states and China met in "
         "Astana on May 11, 2024, and agreed a road map that sets out joint work on transport corridors, "
         "the management of transboundary rivers and faster customs clearance at the border crossings "
         "between Kazakhstan, Kyrgyzstan and the Xinjiang Uygur Autonomous Region of China."},
        {"n": 2, "kind": "heading", "text": "Corridors and customs"},
        {"n": 3, "kind": "para", "text": "Wang Yi said the ministers had asked their deputies to report back "
         "before the next summit. Murat Nurtleu called the road map a practical step and said the full text "
         "would be published at https://mfa.example.kz/en/press/2024/05/12/road-map-central-asia-china-"
         "transport-water-trade-full-text once it is signed."},
        {"n": 4, "kind": "para", "text": "The next meeting is planned for June 2025 in Bishkek, where the "
         "ministers expect to review the first projects, among them a rail link, two new checkpoints and "
         "a shared system for monitoring water levels on the Syr Darya and the Amu Darya."},
    ],
}
SHORT = {
    "id": "wire-2024-01-05-note", "title": "Note", "outlet": "Wire", "published": "2024-01-05",
    "url": "", "authors": [], "language": "en",
    "paragraphs": [{"n": 1, "kind": "para", "text": "A short note."}],
}


@pytest.fixture
def store(tmp_path):
    return build_store(tmp_path / "wrap.json", extra=[dict(LONG), dict(SHORT)])


async def assert_every_option_whole(pilot, option_list, where: str, *, each: bool = True) -> None:
    """Each option, scrolled to the top of the list (the cursor on it when it can take it),
    shows whole; so do the options wholly below it in view (without the cursor). With
    ``each=False`` an option already seen whole below another is not scrolled to again."""
    app = pilot.app
    viewport = option_list.scrollable_content_region.height
    seen: set[int] = set()
    for index, option in enumerate(option_list.options):
        if not each and index in seen:
            continue
        if not option.disabled:
            option_list.highlighted = index
        top = option_list._index_to_line[index]
        option_list.scroll_to(y=top, animate=False, immediate=True)
        await pilot.pause(0)
        assert option_list._heights[index] <= viewport, f"{where}: option {index} is taller than the list"
        shown = squash(region_text(app, option_list))
        scrolled = int(option_list.scroll_y)
        for other in range(index, len(option_list.options)):
            start = option_list._index_to_line[other]
            if start < scrolled:
                continue
            if start + option_list._heights[other] > scrolled + viewport:
                break
            expected = squash(str(option_list.options[other].prompt))
            assert expected in shown, (
                f"{where} at {app.size.width}x{app.size.height}: option {other} is not shown whole "
                f"({'under the cursor' if other == option_list.highlighted else 'no cursor'}):\n"
                f"{str(option_list.options[other].prompt)!r}\nscreen:\n{region_text(app, option_list)}"
            )
            seen.add(other)
    assert seen == set(range(len(option_list.options))), f"{where}: options never seen whole"


async def test_reader_shows_every_line_of_every_paragraph_at_every_width(store):
    async with explorer(store, size=(WIDTHS[0], HEIGHT)) as (app, pilot):
        main = app.main
        seed = next(a.id for a in app.catalog.articles if a.outlet == "Daryo")
        for width in WIDTHS:
            await pilot.resize_terminal(width, HEIGHT)
            for key in (seed, LONG["id"]):
                main.go(ArticleLink(SHORT["id"]))
                await shown(pilot)
                main.go(ArticleLink(key))
                await shown(pilot)
                reader = main.pane("articles").reader
                assert reader.key == key
                assert app.focused is reader.paragraphs
                await assert_every_option_whole(pilot, reader.paragraphs, f"reader of {key}")


async def test_official_and_event_pages_show_every_line_at_every_width(store):
    async with explorer(store, size=(SOME_WIDTHS[0], HEIGHT)) as (app, pilot):
        main = app.main
        officials = [o.id for o in app.catalog.officials]
        events = [e.id for e in app.catalog.events]
        assert len(officials) == 5 and len(events) == 2
        for width in SOME_WIDTHS:
            await pilot.resize_terminal(width, HEIGHT)
            for kind, pane, keys in ((OfficialLink, "officials", officials), (EventLink, "timeline", events)):
                for key in keys:
                    main.go(kind(key))
                    await shown(pilot)
                    detail = main.pane(pane).detail
                    assert detail.key == key
                    await assert_every_option_whole(pilot, detail, f"{pane} page {key}", each=False)


async def test_modals_show_every_line_at_every_width(store):
    from textual.containers import VerticalScroll
    from textual.widgets import Static, TextArea

    from tui.app.screens.copies import CopyHistoryScreen, TextScreen
    from tui.app.screens.help import HelpScreen, help_entries
    from tui.app.screens.pickers import OfficialPicker, StylePicker
    from tui.app.widgets.wrapping import WrappingOptionList
    from tui.clipboard import HistoryEntry

    citation = (f"{LONG['title']}. (2024, May 12). Kabar. {LONG['url']}")
    copies = [HistoryEntry(citation, f"APA citation of “{LONG['title']}”", "apa", LONG["id"], ("OSC 52",)),
              HistoryEntry(LONG["paragraphs"][0]["text"], "Quotation of paragraph 1", "apa", LONG["id"], ())]
    async with explorer(store, size=(SOME_WIDTHS[0], HEIGHT)) as (app, pilot):
        officials = list(app.catalog.officials)
        for width in SOME_WIDTHS:
            await pilot.resize_terminal(width, HEIGHT)
            for picker in (OfficialPicker(officials, "Officials in paragraph 3 of a long article title"),
                           StylePicker(), CopyHistoryScreen(copies)):
                await app.push_screen(picker)
                await shown(pilot)
                await assert_every_option_whole(pilot, picker.query_one(WrappingOptionList),
                                                type(picker).__name__, each=False)
                await app.pop_screen()
                await shown(pilot)

            await app.push_screen(HelpScreen())
            await shown(pilot)
            text = await read_all(pilot, app.screen.query_one(VerticalScroll))
            assert squash("".join(map(str, help_entries({})))) in squash(text), f"help at {width} columns"
            await app.pop_screen()

            await app.push_screen(TextScreen(f"APA citation of “{LONG['title']}”", citation))
            await shown(pilot)
            screen = app.screen
            title, note = screen.query(Static)
            for part in (title, note):
                assert squash(str(part.visual)) in squash(region_text(app, part)), f"text window at {width}"
            assert squash(citation) in squash(await read_all(pilot, screen.query_one(TextArea)))
            await app.pop_screen()
            await shown(pilot)
