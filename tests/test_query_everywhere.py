"""One query model, everywhere: the CLI and the explorer (typed text and the filter picker) list
exactly the same rows, every condition narrows, countries read by name, code or demonym, and
names match by their words.

The store: three hand-made articles from three outlets, eight officials of three countries and
three events, so each expected list below can be checked by reading the records."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import save_index, settle
from tests.records import make_article
from tui.app import CcaApp
from tui.app.widgets.panes import SearchBox
from tui.cli import main
from tui.library import Library

SIZE = (120, 36)

DARYO = "daryo-2024-03-31-secretariat-opens"
KAZINFORM = "kazinform-2023-11-21-tokayev-ding"
XINHUA = "xinhua-2024-06-05-premier-energy"

# name, country, title, articles naming them
OFFICIALS = [
    ("Wang Yi", "China", "Minister of Foreign Affairs", [DARYO]),
    ("Murat Nurtleu", "Kazakhstan", "Minister of Foreign Affairs", [DARYO, KAZINFORM]),
    ("Jeenbek Kulubayev", "Kyrgyzstan", "Minister of Foreign Affairs", [DARYO]),
    ("Kassym-Jomart Tokayev", "Kazakhstan", "President", [KAZINFORM]),
    ("Ding Xuexiang", "China", "Vice Premier of the State Council", [KAZINFORM]),
    ("Li Qiang", "China", "Premier", [XINHUA]),
    ("Dai Houliang", "China", "Chairman of China National Petroleum Corporation", [XINHUA]),
    ("Wang Wentao", "China", "Minister of Commerce", [XINHUA]),
]

ARTICLES = [
    (DARYO, "Central Asia–China Secretariat opens in Xi’an", "Daryo", "2024-03-31", [
        "The joint secretariat of China and the five Central Asian states opened in Xi’an on March 30, 2024.",
        "Wang Yi, Minister of Foreign Affairs of China, welcomed Murat Nurtleu and Jeenbek Kulubayev.",
    ]),
    (KAZINFORM, "Tokayev receives Chinese Vice Premier", "Kazinform", "2023-11-21", [
        "ASTANA. KAZINFORM – Kassym-Jomart Tokayev received Ding Xuexiang at the Akorda on November 21, 2023.",
        "Foreign Minister Murat Nurtleu attended the talks on energy and transport projects.",
    ]),
    (XINHUA, "Chinese premier meets energy and trade officials", "Xinhua", "2024-06-05", [
        "BEIJING, June 5 (Xinhua) -- Li Qiang met Dai Houliang and Wang Wentao on Wednesday.",
        "They discussed gas supplies through the Central Asia pipeline.",
    ]),
]

EVENTS = [
    ("event-2023-11-21-akorda", "2023-11-21", "Tokayev received Ding Xuexiang at the Akorda", "Astana",
     ["Kassym-Jomart Tokayev", "Ding Xuexiang", "Murat Nurtleu"], KAZINFORM),
    ("event-2024-03-30-secretariat", "2024-03-30", "Central Asia–China Secretariat opened", "Xi’an",
     ["Wang Yi", "Murat Nurtleu", "Jeenbek Kulubayev"], DARYO),
    ("event-2024-06-05-energy", "2024-06-05", "Li Qiang met energy and commerce officials", "Beijing",
     ["Li Qiang", "Dai Houliang", "Wang Wentao"], XINHUA),
]


def _build(path: Path) -> Path:
    records = []
    for article_id, title, outlet, published, paragraphs in ARTICLES:
        named = [{"name": n, "country": c} for n, c, _, ids in OFFICIALS if article_id in ids]
        records.append(make_article(article_id, title, paragraphs, outlet=outlet, published=published,
                                    officials=named))
    by_id = {r["id"]: r for r in records}
    officials = []
    for k, (name, country, title, ids) in enumerate(OFFICIALS, 1):
        mentions = [{"article_id": a, "paragraph": p["n"], "start": p["text"].index(name),
                     "end": p["text"].index(name) + len(name)}
                    for a in ids for p in by_id[a]["paragraphs"] if name in p["text"]]
        officials.append({"id": f"official-{k}", "name": name, "aliases": [], "country": country,
                          "titles": [title], "roles": [{"title": title, "article_id": ids[0], "paragraph": 1,
                                                        "date": by_id[ids[0]]["published"], "evidence": name}],
                          "article_ids": ids, "mentions": mentions})
    events = [{"id": event_id, "date": date, "precision": "day", "summary": summary, "place": place,
               "participants": participants, "article_ids": [source],
               "evidence": [{"article_id": source, "paragraph": 1, "text": by_id[source]["paragraphs"][0]["text"]}]}
              for event_id, date, summary, place, participants, source in EVENTS]
    store = Library.open(path, seed=False)
    with store.store.write_batch() as batch:
        batch.add_articles(records)
        batch.replace_derived(officials, events)
    save_index(store)
    return path


@pytest.fixture
def db(tmp_path: Path) -> str:
    return str(_build(tmp_path / "query.json"))


def cli(capsys, db: str, *argv: str) -> list[str]:
    """Names, event ids or article ids the CLI lists (JSON) for ``argv``."""
    code = main(["--db", db, *argv, "--json"])
    out, err = capsys.readouterr()
    assert code == 0, err
    rows = json.loads(out)
    key = {"officials": "name", "timeline": "id", "search": "article_id"}[argv[0]]
    return [row[key] for row in rows]


# -- the explorer, driven by keys ------------------------------------------------------------


async def search(pilot, pane: str, text: str) -> list[str]:
    """Type ``text`` into ``pane``'s search box (replacing what is there); the rows listed:
    officials' names, event ids or article ids."""
    app = pilot.app
    await leave_search_box(pilot)
    await pilot.press({"articles": "1", "officials": "2", "timeline": "3"}[pane])
    box = app.main.pane(pane).search_box
    if app.focused is not box:
        await pilot.press("slash")
    await pilot.press("ctrl+u", *text)
    await settle(pilot)
    assert box.value == text
    return listed(app, pane)


async def leave_search_box(pilot) -> None:
    """To the list, the query kept (escape would clear it first)."""
    if isinstance(pilot.app.focused, SearchBox):
        await pilot.press("enter")


def listed(app, pane: str) -> list[str]:
    rows = [r for r in app.main.pane(pane).records.rows if r.key]
    return [r.cells[0] for r in rows] if pane == "officials" else [r.key for r in rows]


async def pick(pilot, country_downs: int = 0, outlet_downs: int = 0) -> None:
    """Set the filter picker's country and outlet (``n`` downs past "any"), and apply."""
    await leave_search_box(pilot)
    await pilot.press("f")
    await settle(pilot)
    if country_downs:
        await pilot.press("enter", *["down"] * country_downs, "enter")
    await pilot.press("tab")
    if outlet_downs:
        await pilot.press("enter", *["down"] * outlet_downs, "enter")
    await pilot.press("ctrl+s")
    await settle(pilot)


# The picker lists countries and outlets sorted: China, Kazakhstan, Kyrgyzstan; Daryo, Kazinform, Xinhua.
KAZAKHSTAN, CHINA = 2, 1
DARYO_OUTLET, KAZINFORM_OUTLET = 1, 2


# -- 1. outlet: is honoured by officials and events, typed or picked ---------------------------


def test_cli_outlet_narrows_officials_and_events(capsys, db):
    assert cli(capsys, db, "officials", "outlet:Nowhere") == []
    assert cli(capsys, db, "timeline", "outlet:Nowhere") == []
    assert cli(capsys, db, "officials", "outlet:Kazinform") == ["Murat Nurtleu", "Ding Xuexiang",
                                                                 "Kassym-Jomart Tokayev"]
    assert cli(capsys, db, "timeline", "outlet:kazinform") == ["event-2023-11-21-akorda"]


async def test_explorer_outlet_narrows_officials_and_events_typed_or_picked(db):
    app = CcaApp(db=db, seed=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert await search(pilot, "officials", "outlet:Nowhere") == []
        assert await search(pilot, "officials", "outlet:Kazinform") == ["Murat Nurtleu", "Ding Xuexiang",
                                                                         "Kassym-Jomart Tokayev"]
        assert await search(pilot, "timeline", "outlet:Nowhere") == []
        assert await search(pilot, "timeline", "outlet:kazinform") == ["event-2023-11-21-akorda"]
        # The picker's outlet lists the same rows as the typed one.
        await search(pilot, "timeline", "")
        await search(pilot, "officials", "")
        await pick(pilot, outlet_downs=KAZINFORM_OUTLET)
        assert app.main.filters.outlet == "Kazinform"
        assert listed(app, "officials") == ["Murat Nurtleu", "Ding Xuexiang", "Kassym-Jomart Tokayev"]
        assert listed(app, "timeline") == ["event-2023-11-21-akorda"]


# -- 2. picked and typed conditions narrow together (AND) -----------------------------------------


def test_cli_flags_and_typed_conditions_narrow_together(capsys, db):
    assert cli(capsys, db, "officials", "--country", "Kazakhstan") == ["Murat Nurtleu", "Kassym-Jomart Tokayev"]
    assert cli(capsys, db, "officials", "--country", "Kazakhstan", "country:China") == []
    # An event has participants of both countries when a Kazakh and a Chinese official took part.
    assert cli(capsys, db, "timeline", "--country", "Kazakhstan", "country:China") == [
        "event-2023-11-21-akorda", "event-2024-03-30-secretariat"]
    assert cli(capsys, db, "timeline", "--since", "2024", "until:2024-04") == ["event-2024-03-30-secretariat"]
    # An article has one outlet: two outlets find none.
    assert cli(capsys, db, "search", "outlet:Daryo", "outlet:Kazinform") == []


async def test_explorer_picked_and_typed_conditions_narrow_together(db):
    app = CcaApp(db=db, seed=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pick(pilot, country_downs=KAZAKHSTAN)
        assert app.main.filters.country == "Kazakhstan"
        assert listed(app, "officials") == ["Murat Nurtleu", "Kassym-Jomart Tokayev"]
        assert await search(pilot, "officials", "country:China") == []
        assert await search(pilot, "timeline", "country:China") == ["event-2023-11-21-akorda",
                                                                     "event-2024-03-30-secretariat"]
        await search(pilot, "timeline", "")
        await search(pilot, "officials", "")
        await pick(pilot, outlet_downs=DARYO_OUTLET)  # the country stays picked
        assert (app.main.filters.country, app.main.filters.outlet) == ("Kazakhstan", "Daryo")
        assert listed(app, "articles") == [DARYO]
        assert await search(pilot, "articles", "outlet:Kazinform") == []
        assert listed(app, "officials") == ["Murat Nurtleu"]
        # An official's outlet conditions hold in one article: none is from both outlets.
        assert await search(pilot, "officials", "outlet:Kazinform") == []


# -- 3. country codes and demonyms mean the country, alone or with the picker ----------------------


@pytest.mark.parametrize("value", ["kz", "KZ", "KAZ", "kazakh", "Kazakhstani", "Kazakhstan"])
def test_cli_country_codes_and_demonyms(capsys, db, value):
    assert cli(capsys, db, "officials", f"country:{value}") == ["Murat Nurtleu", "Kassym-Jomart Tokayev"]
    assert cli(capsys, db, "officials", "--country", value) == ["Murat Nurtleu", "Kassym-Jomart Tokayev"]
    assert cli(capsys, db, "timeline", f"country:{value}") == ["event-2023-11-21-akorda",
                                                              "event-2024-03-30-secretariat"]
    assert cli(capsys, db, "search", f"country:{value}") == [DARYO, KAZINFORM]


def test_cli_unknown_country_is_a_usage_error(capsys, db):
    assert main(["--db", db, "officials", "country:Narnia"]) == 2
    assert capsys.readouterr().err == (
        "cca-tui: country:Narnia is not a country cca-tui knows (give a name, a code or a demonym: "
        "Kazakhstan, KZ, Kazakh)\n")
    assert main(["--db", db, "timeline", "--country", "k"]) == 2
    assert capsys.readouterr().err == (
        "cca-tui: --country: country:k could be Kazakhstan, Kyrgyzstan, South Korea: type more of the name\n")


async def test_explorer_country_codes_and_demonyms_alone_or_with_the_picker(db):
    app = CcaApp(db=db, seed=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert await search(pilot, "officials", "country:kz") == ["Murat Nurtleu", "Kassym-Jomart Tokayev"]
        assert await search(pilot, "timeline", "country:kazakh") == ["event-2023-11-21-akorda",
                                                                      "event-2024-03-30-secretariat"]
        assert await search(pilot, "articles", "country:KZ") == [DARYO, KAZINFORM]
        await pick(pilot, country_downs=KAZAKHSTAN)
        assert listed(app, "articles") == [DARYO, KAZINFORM]
        assert await search(pilot, "officials", "country:kz") == ["Murat Nurtleu", "Kassym-Jomart Tokayev"]
        assert await search(pilot, "officials", "country:cn") == []


# -- 4. names match by their words: a prefix, or a typo in a long one ------------------------------


def test_cli_names_match_by_words(capsys, db):
    assert cli(capsys, db, "officials", "wang") == ["Wang Wentao", "Wang Yi"]
    assert cli(capsys, db, "officials", "wan") == ["Wang Wentao", "Wang Yi"]
    assert cli(capsys, db, "officials", "Kulubaev") == ["Jeenbek Kulubayev"]
    assert cli(capsys, db, "officials", 'official:"Wang Yi"') == ["Wang Yi"]
    assert cli(capsys, db, "timeline", "--official", "wang") == ["event-2024-03-30-secretariat",
                                                                 "event-2024-06-05-energy"]
    assert cli(capsys, db, "search", "official:wang") == [XINHUA, DARYO]


async def test_explorer_names_match_by_words(db):
    app = CcaApp(db=db, seed=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert await search(pilot, "officials", "wang") == ["Wang Wentao", "Wang Yi"]
        assert await search(pilot, "officials", "wan") == ["Wang Wentao", "Wang Yi"]
        assert await search(pilot, "officials", "Kulubaev") == ["Jeenbek Kulubayev"]
        assert await search(pilot, "timeline", "official:wang") == ["event-2024-03-30-secretariat",
                                                                     "event-2024-06-05-energy"]
        assert await search(pilot, "articles", "official:wang") == [XINHUA, DARYO]
