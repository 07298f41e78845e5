"""Stored text is shown as written, never run as markup: every screen over a hostile corpus.

Titles, outlets, authors, bodies, headings, official names, countries, titles, aliases, event
summaries, places and evidence hold Rich/Textual markup (``[/]`` crashed the palette,
``[reverse]`` drew reversed, ``[@click=app.quit]`` quit on a click), ``$``-variables and an
escape sequence. Each screen must come up, and show the text literally (control characters
as U+FFFD); clicking what would have been a link must do nothing but what the row does.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import read_all, region_text, save_index, shown, squash
from tests.pilot import explorer, press, screen_text, settle
from tui.app.formatting import safe
from tui.app.links import ArticleLink, EventLink, OfficialLink

PIECES = [
    "[/]", "[b]bold[/b]", "[@click=app.quit]QN[/]", "[reverse]rev[/reverse]", "$accent $text-primary $x",
    "[link=https://evil.example]x[/link]", "[bold red]Injected[/]", "[on red]bg[/on red]", "[[two]] \\[esc\\]",
    "[$accent]v[/]", "\x1b[31mred\x1b[0m", "[dim", "back\\slash\\", ":smile: &amp; %s {0}",
]


def _article(i: int, piece: str) -> dict:
    return {
        "id": f"hostile-{i}", "title": f"Zed {piece} t{i}", "outlet": f"{piece} o{i}",
        "authors": [f"{piece} Author{i}"], "url": f"https://example.org/{i}/[x]",
        "published": f"2024-04-{i + 1:02d}", "language": "en",
        "paragraphs": [
            {"n": 1, "kind": "para", "text": f"Body {piece} said Li {piece} {i} on May 3, 2024."},
            {"n": 2, "kind": "heading", "text": f"Heading {piece} h{i}"},
        ],
    }


def _official(i: int, piece: str, article: dict) -> dict:
    name = f"Li {piece} {i}"
    start = article["paragraphs"][0]["text"].index(name)
    return {
        "id": f"official-{i}", "name": name, "aliases": [f"{piece} alias{i}"], "country": f"{piece} c{i}",
        "titles": [f"Minister {piece} m{i}"],
        "roles": [{"title": f"Minister {piece} m{i}", "article_id": article["id"], "paragraph": 1,
                   "date": article["published"], "evidence": name}],
        "article_ids": [article["id"]],
        "mentions": [{"article_id": article["id"], "paragraph": 1, "start": start, "end": start + len(name)}],
    }


def _event(i: int, piece: str, article: dict, official: dict) -> dict:
    return {
        "id": f"event-{i}", "date": "2024-05-03", "precision": "day", "summary": f"Talks {piece} e{i}",
        "place": f"{piece} p{i}", "participants": [official["name"]], "article_ids": [article["id"]],
        "evidence": [{"article_id": article["id"], "paragraph": 1, "text": f"Body {piece} said"}],
    }


@pytest.fixture
def hostile(tmp_path: Path):
    from tui.library import Library

    articles = [_article(i, p) for i, p in enumerate(PIECES)]
    officials = [_official(i, p, a) for i, (p, a) in enumerate(zip(PIECES, articles))]
    events = [_event(i, p, a, o) for i, (p, a, o) in enumerate(zip(PIECES, articles, officials))]
    for record, official in zip(articles, officials):
        record["content_hash"] = record["id"]
        record["raw"] = "\n".join(p["text"] for p in record["paragraphs"])
        record["facts"] = {"officials": [{"name": official["name"], "country": official["country"]}], "events": []}
    store = Library.open(tmp_path / "hostile.json", seed=False)
    with store.store.write_batch() as batch:
        batch.add_articles(articles)
        batch.replace_derived(officials, events)
    save_index(store)
    return store, articles, officials, events


def assert_shows(shown_text: str, *values: str, where: str) -> None:
    for value in values:
        assert squash(safe(value)) in squash(shown_text), f"{where}: {safe(value)!r} not shown as written"


async def test_every_screen_shows_hostile_text_as_written(hostile, isolated_dirs: Path):
    store, articles, officials, events = hostile
    config = isolated_dirs / "config" / "config.toml"
    config.parent.mkdir(parents=True)
    config.write_text('theme = "[/] [b]dark"\n')  # a setting is data too: its warning is a toast
    async with explorer(store, size=(200, 60), notifications=True) as (app, pilot):
        main = app.main
        text = screen_text(app)
        assert "unknown theme '[/] [b]dark'; using the default" in text
        for article in articles:  # the list: one row each, titles whole at this width
            assert safe(article["title"]) in text, article["title"]

        for article in articles:  # the reader: header and every paragraph
            main.go(ArticleLink(article["id"]))
            await shown(pilot)
            reader = main.pane("articles").reader.paragraphs
            assert_shows(await read_all(pilot, reader), article["title"], article["outlet"], article["url"],
                         *(p["text"] for p in article["paragraphs"]), where=f"reader of {article['id']}")

        for official in officials:
            main.go(OfficialLink(official["id"]))
            await shown(pilot)
            page = await read_all(pilot, main.pane("officials").detail)
            assert_shows(page, official["name"], official["country"], official["titles"][0], official["aliases"][0],
                         where=f"page of {official['id']}")
        for event in events:
            main.go(EventLink(event["id"]))
            await shown(pilot)
            page = await read_all(pilot, main.pane("timeline").detail)
            assert_shows(page, event["summary"], event["place"], event["participants"][0],
                         event["evidence"][0]["text"], where=f"page of {event['id']}")

        # `o` on the paragraph naming an official: the picker lists names and countries.
        main.go(ArticleLink(articles[2]["id"]))
        await shown(pilot)
        await press(pilot, "o")
        assert_shows(screen_text(app), officials[2]["name"], officials[2]["country"], where="official picker")
        await pilot.press("escape")

        # The filter picker: every country and outlet, in the drop-downs.
        await press(pilot, "1", "f")
        for select_id, values in (("country", [o["country"] for o in officials]),
                                  ("outlet", [a["outlet"] for a in articles])):
            app.screen.query_one(f"#{select_id}").focus()
            await press(pilot, "enter")
            from textual.widgets._select import SelectOverlay

            overlay = app.screen.query_one(f"#{select_id}").query_one(SelectOverlay)
            assert_shows(await read_all(pilot, overlay), *values, where=f"{select_id} drop-down")
            await pilot.press("escape")
            await shown(pilot)
        await press(pilot, "escape")

        # The status line names the filters in force.
        from tui.app.filters import Filters

        main.set_filters(Filters(country=officials[0]["country"], outlet=articles[3]["outlet"]))
        await settle(pilot)
        assert_shows(screen_text(app), officials[0]["country"], articles[3]["outlet"], where="status line")
        main.set_filters(Filters())
        await settle(pilot)

        # The palette: its first list (cite in each style, filters by country and outlet) ...
        main.go(ArticleLink(articles[2]["id"]))
        await shown(pilot)
        await press(pilot, "ctrl+p")
        from textual.command import CommandList, CommandPalette

        assert isinstance(app.screen, CommandPalette)
        listed = await read_all(pilot, app.screen.query_one(CommandList))
        assert_shows(listed, *(f"filter: outlet {a['outlet']}" for a in articles),
                     *(f"filter: country {o['country']}" for o in officials), where="palette")
        assert_shows(listed, f"Copy the citation of “{articles[2]['title']}”", where="palette help")
        # ... and a query listing every hostile article.
        await press(pilot, *"open article: zed", wait=0.4)
        listed = await read_all(pilot, app.screen.query_one(CommandList))
        assert_shows(listed, *(f"open article: {a['title']}" for a in articles),
                     *(f"{a['outlet']} · {a['published']}" for a in articles), where="palette hits")
        # A click on "QN" (a quit link, were the title markup) only picks that article.
        commands = app.screen.query_one(CommandList)
        commands.scroll_home(animate=False, immediate=True)
        target = next(i for i, o in enumerate(commands.options) if "QN" in str(o.prompt))
        commands.highlighted = target
        await shown(pilot)
        lines = screen_text(app).splitlines()
        y = next(i for i, row in enumerate(lines) if "[@click=app.quit]QN[/]" in row)
        await pilot.click(offset=(lines[y].index("QN"), y))
        await settle(pilot)
        assert app.is_running and app.return_code is None
        assert main.pane("articles").reader.key == articles[2]["id"]

        # Copying: the toast, the copy history and the text window show the title as written.
        await press(pilot, "c", wait=0.3)
        assert_shows(screen_text(app), f"APA citation of “{articles[2]['title']}”", where="copy toast")
        await press(pilot, "H")
        assert_shows(screen_text(app), f"APA citation of “{articles[2]['title']}”", articles[2]["authors"][0][:5],
                     where="copy history")
        await press(pilot, "v")
        from textual.widgets import TextArea

        assert_shows(region_text(app, app.screen.query_one(TextArea)), articles[2]["title"],
                     where="text window")
        await pilot.press("escape", "escape")
        await press(pilot, "question_mark")
        assert "Keys" in screen_text(app)
    assert app.return_code in (None, 0)


@pytest.mark.parametrize("piece", PIECES)
def test_display_helpers_keep_data_literal(piece):
    from textual.fuzzy import Matcher

    from tui.app.display import fuzzy_highlight, line, text

    title = f"Zed {piece} t"
    assert text(title).plain == safe(title)
    assert line(("Filters: ", "bold"), title, (title, "$text-muted")).plain == f"Filters: {safe(title)}{safe(title)}"
    highlighted = fuzzy_highlight(Matcher("zed t"), title)
    assert highlighted.plain == safe(title)
    # Only the matched letters are styled, and only with the match style: no links, no actions.
    spans = sorted(highlighted.spans, key=lambda s: s.start)
    assert all(s.end - s.start == 1 and s.style == Matcher("").match_style for s in spans)
    assert "".join(highlighted.plain[s.start] for s in spans).lower() == "zedt"
