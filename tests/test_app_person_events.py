"""What did this person do, and when: an official's page leads with their dated events, and
Enter on an event opens the sentence that states it, marked, in the reader.

On the articles of tests/fixtures/timeline (the ``timeline_corpus`` fixture) and the seed.
"""

from __future__ import annotations

from tests.conftest import region_text, settle, squash
from tui.app import CcaApp
from tui.app.links import ArticleLink, EventLink
from tui.app.widgets.detail import SENTENCE, ParagraphList

ALMATY = "The Trans-Caspian Transport Forum was held in Almaty on April 25, 2024, with more than 300 participants."
BEIJING = ("Chinese Foreign Minister Wang Yi held talks with Kazakh Foreign Minister Murat Nurtleu in Beijing "
           "on July 3, 2024.")


def page_lines(detail) -> list[str]:
    return [str(detail.get_option_at_index(i).prompt) for i in range(detail.option_count)]


async def official_page(pilot, name: str):
    """The page of the official ``name`` finds, beside the Officials list: 2, /, the name, enter."""
    await settle(pilot)
    await pilot.press("2", "slash", *name, "enter")
    await settle(pilot)
    return pilot.app.main.pane("officials").detail


async def test_an_officials_page_leads_with_their_dated_events_under_a_strip(timeline_corpus):
    app = CcaApp(db=str(timeline_corpus.path))
    async with app.run_test(size=(120, 36)) as pilot:
        detail = await official_page(pilot, "wang")
        lines = page_lines(detail)
        assert lines[:3] == ["Wang Yi", "China · Minister of Foreign Affairs", "Events (2)"]
        # The strip of his two events: six weeks apart, so by week.
        assert lines[3].splitlines()[0] == "20 May 2024: 1 event · 2 events by week · [ ] periods"
        assert lines[4:7] == ["20 May 2024    Wang Yi visited Astana",
                              "3 Jul 2024     Wang Yi held talks with Murat Nurtleu in Beijing",
                              "Titles over time"]
        assert lines.index("Often mentioned with") > lines.index("Articles (1)") > 6
        # The cursor is on the first event, and the strip marks its week; ] and [ move by period.
        await pilot.press("enter")
        await settle(pilot)
        assert app.focused is detail
        assert detail.current_link == EventLink("2024-05-20-astana-wang-visited")
        assert detail.get_option_at_index(3).visual.chosen == 0
        await pilot.press("right_square_bracket")
        await settle(pilot)
        assert (detail.highlighted, detail.current_link) == (5, EventLink("2024-07-03-beijing-wang-held"))
        assert detail.get_option_at_index(3).visual.chosen == 6
        assert region_text(app, detail).splitlines()[3].startswith("1 Jul 2024: 1 event · ")
        await pilot.press("left_square_bracket")
        await settle(pilot)
        assert detail.highlighted == 4 and detail.get_option_at_index(3).visual.chosen == 0


async def test_an_official_without_dated_events_is_told_so_first(timeline_corpus):
    app = CcaApp(db=str(timeline_corpus.path))
    async with app.run_test(size=(120, 36)) as pilot:
        lines = page_lines(await official_page(pilot, "kulubayev"))
        assert lines[:5] == ["Jeenbek Kulubayev", "Kyrgyzstan · Minister of Foreign Affairs", "Events",
                             "No dated events found for Jeenbek Kulubayev in these articles.", "Titles over time"]


async def test_the_seed_says_which_events_wang_yi_has_in_seven_keys(seed_store):
    """The seed names no one in its dated sentences: Wang Yi's page says so, in the first lines."""
    app = CcaApp(db=str(seed_store.path))
    async with app.run_test(size=(120, 36)) as pilot:
        shown = region_text(app, await official_page(pilot, "wang")).splitlines()  # seven keys
        assert [line.rstrip() for line in shown[:5]] == [
            "Wang Yi", "China · Member of the Politburo of the CPC Central Committee", "Also written: Yi",
            "Events", "No dated events found for Wang Yi in these articles."]


async def test_what_wang_yi_did_and_its_sentence_in_ten_keys(timeline_corpus):
    app = CcaApp(db=str(timeline_corpus.path))
    async with app.run_test(size=(120, 36)) as pilot:
        shown = region_text(app, await official_page(pilot, "wang"))  # 7 keys: his events, dated, beside the list
        assert "20 May 2024    Wang Yi visited Astana" in shown
        assert "3 Jul 2024     Wang Yi held talks with Murat Nurtleu in Beijing" in shown
        await pilot.press("right_square_bracket")  # nothing: the page has not the focus
        await pilot.press("enter", "right_square_bracket", "enter")  # the page, July, its event page
        await settle(pilot)
        assert app.main.kind == "timeline"
        event_page = app.main.pane("timeline").detail
        assert event_page.current_link == ArticleLink(
            "xinhua-2024-07-05-wang-yi-holds-talks-with-central", 1, BEIJING)
        await pilot.press("enter")  # the eleventh key: the reader, the sentence marked
        await settle(pilot)
        reader = app.main.pane("articles").reader
        assert (app.main.kind, reader.current_paragraph) == ("articles", 1)
        body = reader.paragraphs.highlighted_option.prompt.body
        marked = [(s.start, s.end) for s in body.spans if s.style == SENTENCE]
        # The sentence only: not the dateline before it in the paragraph.
        assert body.plain.startswith("BEIJING, July 5 (Xinhua) -- ")
        assert marked == [(28, 28 + len(BEIJING))]
        assert body.plain[28:28 + len(BEIJING)] == BEIJING


async def test_enter_on_an_event_opens_its_sentence_marked_and_in_view(timeline_corpus):
    """At 40x12 the Almaty paragraph is twenty lines; its dated sentence is the last of them."""
    app = CcaApp(db=str(timeline_corpus.path))
    async with app.run_test(size=(40, 12)) as pilot:
        await settle(pilot)
        await pilot.press("3", *["right_square_bracket"] * 3, "j")  # April's second event
        await settle(pilot)
        timeline = app.main.pane("timeline")
        assert app.catalog.event_by_id[timeline.records.current_key].date == "2024-04-25"
        await pilot.press("enter")  # the event's page: the cursor on its evidence
        await settle(pilot)
        assert timeline.detail.current_link == ArticleLink(
            "the-astana-times-2024-04-30-almaty-forum-looks-at-the-middle", 1, ALMATY)
        await pilot.press("enter")
        await settle(pilot)
        reader = app.main.pane("articles").reader
        assert isinstance(app.focused, ParagraphList) and reader.current_paragraph == 1
        body = reader.paragraphs.highlighted_option.prompt.body
        marked = [(s.start, s.end) for s in body.spans if s.style == SENTENCE]
        assert len(marked) == 1
        start, end = marked[0]
        assert body.plain[start:end] == ALMATY and end == len(body.plain)
        # Scrolled so the sentence is on the screen, though its paragraph starts far above.
        shown = squash(region_text(app, reader.paragraphs))
        assert squash(ALMATY) in shown
        assert "ALMATY–Transportministers" not in shown
        # Back: the event's page again.
        await pilot.press("escape")
        await settle(pilot)
        assert (app.main.kind, timeline.detail_key) == ("timeline", "2024-04-25-almaty-trans-caspian-transport")


async def test_evidence_not_found_in_its_paragraph_opens_the_paragraph_and_says_so(tmp_path):
    from tests.conftest import build_store, replace_events

    store = build_store(tmp_path / "edited.json")
    events = store.store.events()
    events[1] = {**events[1], "evidence": [{**events[1]["evidence"][0], "text": "Words the paragraph lacks."}]}
    replace_events(store, events)
    app = CcaApp(db=str(store.path))
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("3", "j", "enter", "enter")
        await settle(pilot)
        reader = app.main.pane("articles").reader
        assert reader.current_paragraph == 1 and reader.sentence is None
        body = reader.paragraphs.highlighted_option.prompt.body
        assert [s for s in body.spans if s.style == SENTENCE] == []
        assert [n.message for n in app._notifications] == [
            "The evidence is not found word for word in paragraph 1: it may have been edited since. "
            "The paragraph is shown."]
