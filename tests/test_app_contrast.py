"""Text keeps a contrast of at least 4.5:1 (WCAG) on every background it sits on, in every theme.

Names, dates and search hits are read off the screen (the colours the terminal gets) in the
reader on a plain paragraph, under the cursor with the focus in the reader, under the cursor
with the focus in the list (blurred) and under the mouse; on the detail pages' cursor; in
the lists' rows, selected or not. Names on the cursor's bright blue were grey-blue (1.7:1 in
textual-dark, 1.3:1 in nord). In the two ANSI themes the terminal owns the palette: pairs
with its default colour are the terminal's, the others are measured with rich's standard
ANSI palette.
"""

from __future__ import annotations

from tests.conftest import settle, shown
from tests.pilot import explorer, press
from tui.app import CcaApp
from tui.app.contrast import MINIMUM, luminance, ratio, readable
from tui.app.links import EventLink, OfficialLink

NAMES = ["Wang Yi", "Murat Nurtleu", "Jeenbek Kulubayev", "Sun Weidong", "Wu Yingqin"]
DATES = ["March 30, 2024", "May 2023"]
HIT = "Secretariat"


def rgb(color) -> tuple[int, int, int]:
    t = color.get_truecolor()
    return (t.red, t.green, t.blue)


def runs(app, widget) -> list[tuple[int, str, float | None]]:
    """(screen row, text, contrast) for each run of text the widget shows on the screen;
    contrast None where the terminal's default colours are used (ANSI themes)."""
    region = widget.scrollable_content_region
    strips = app.screen._compositor.render_strips()
    found = []
    for y in range(region.y, region.bottom):
        for segment in strips[y].crop(region.x, region.right):
            style = segment.style
            if not segment.text.strip() or style is None or segment.control:
                continue
            fg, bg = (style.bgcolor, style.color) if style.reverse else (style.color, style.bgcolor)
            measured = None if fg is None or bg is None or fg.is_default or bg.is_default else ratio(rgb(fg), rgb(bg))
            found.append((y, segment.text, measured))
    return found


def assert_readable(app, widget, where: str, must_show: list[str], rows: range | None = None) -> None:
    """Every run in ``rows`` (all of the widget by default) reads at 4.5:1 or better, and the
    runs there include each of ``must_show`` (so the check covers them)."""
    found = [(y, text, c) for y, text, c in runs(app, widget) if rows is None or y in rows]
    bad = [(text, round(c, 2)) for _, text, c in found if c is not None and c < MINIMUM]
    assert not bad, f"{app.theme}, {where}: below {MINIMUM}:1: {bad}"
    shown_text = " ".join(" ".join(text for _, text, _ in found).split())
    for wanted in must_show:
        assert wanted in shown_text, f"{app.theme}, {where}: {wanted!r} not among the runs checked"


def option_rows(option_list, index: int) -> range:
    top = option_list.scrollable_content_region.y - int(option_list.scroll_y)
    start = option_list._index_to_line[index]
    return range(top + start, top + start + option_list._heights[index])


THEMES = sorted(CcaApp().available_themes)


async def assert_readable_in_every_theme(pilot, *checks) -> None:
    """Each check (widget, where, must_show, rows or None) in each shipped theme; ``rows`` is a
    callable, asked again in each theme."""
    app = pilot.app
    for theme in THEMES:
        app.theme = theme
        await shown(pilot)
        for widget, where, must_show, rows in checks:
            assert_readable(app, widget, where, must_show, rows() if rows else None)


async def test_names_dates_and_hits_stay_readable_on_every_background(hand_store):
    async with explorer(hand_store, size=(130, 60)) as (app, pilot):
        main = app.main
        await press(pilot, "slash", *HIT.lower(), "enter")  # hits highlighted in the reader
        records = main.pane("articles").records
        await assert_readable_in_every_theme(
            pilot, (records, "articles list, row under the cursor", ["Launch of Central Asia"], None))
        await press(pilot, "enter")
        plist = main.pane("articles").reader.paragraphs
        assert app.focused is plist
        first, third, fourth = (plist.get_option_index(f"para:{n}") for n in (1, 3, 4))

        def rows(index):
            return lambda: option_rows(plist, index)

        # The cursor on paragraph 3 (names), with the focus; 1 and 4 plain; the list blurred.
        plist.highlighted = third
        await assert_readable_in_every_theme(
            pilot,
            (plist, "reader, cursor on paragraph 3", NAMES[:3], rows(third)),
            (plist, "reader, plain paragraph 1", [DATES[0], HIT], rows(first)),
            (plist, "reader, plain paragraph 4", NAMES[3:], rows(fourth)),
            (records, "articles list, cursor blurred", ["Launch of Central Asia"], None),
        )
        # The cursor on paragraph 1 (a date, a hit); paragraph 4 under the mouse.
        plist.highlighted = first
        plist._mouse_hovering_over = fourth
        plist.refresh()
        await assert_readable_in_every_theme(
            pilot,
            (plist, "reader, cursor on paragraph 1", [DATES[0], HIT], rows(first)),
            (plist, "reader, paragraph 4 under the mouse", NAMES[3:], rows(fourth)),
        )
        plist._mouse_hovering_over = None
        # The cursor blurred: the focus back in the list, the reader beside it.
        plist.highlighted = third
        main.set_focus(records)
        await assert_readable_in_every_theme(pilot, (plist, "reader, cursor blurred", NAMES[:3], rows(third)))

        # An official's page (the cursor on a dated title), an event's (on a participant), lists.
        main.go(OfficialLink("official-2"))
        await settle(pilot)
        await assert_readable_in_every_theme(
            pilot,
            (main.pane("officials").detail, "official page", ["Murat Nurtleu", "31 Mar 2024"], None),
            (main.pane("officials").records, "officials list, blurred", ["Nurtleu"], None),
        )
        main.go(EventLink("event-2024-03-30-secretariat"))
        await settle(pilot)
        await assert_readable_in_every_theme(
            pilot,
            (main.pane("timeline").detail, "event page", ["30 Mar 2024", "Wang Yi"], None),
            (main.pane("timeline").records, "timeline list", ["2024", "30 Mar 2024"], None),
            (main.pane("timeline").strip, "timeline strip, March 2024 chosen", ["Mar 2024: 1 event", "█"], None),
        )
        # The event's evidence followed: its sentence marked in the reader, under the cursor.
        await pilot.press("enter")
        await settle(pilot)
        reader = main.pane("articles").reader.paragraphs
        assert reader.current_paragraph == 1
        await assert_readable_in_every_theme(
            pilot, (reader, "reader, the evidence sentence marked", ["Distinguished officials", DATES[0]],
                    lambda: option_rows(reader, reader.highlighted)))


def test_readable_moves_a_colour_just_far_enough():
    blue = (0x01, 0x78, 0xD4)  # textual-dark's cursor
    grey_blue = (0x57, 0xA5, 0xE2)  # a name on it, before
    assert ratio(grey_blue, blue) < 2
    fixed = readable(grey_blue, blue)
    assert MINIMUM <= ratio(fixed, blue) < MINIMUM + 0.1  # no further than needed
    assert luminance(fixed) > luminance(grey_blue)  # lighter, towards white, on a dark blue
    assert fixed[2] >= fixed[0]  # still bluish
    assert readable((0xE0, 0xE0, 0xE0), (0x1E, 0x1E, 0x1E)) == (0xE0, 0xE0, 0xE0)  # fine as it is
    assert ratio((255, 255, 255), (0, 0, 0)) == 21
