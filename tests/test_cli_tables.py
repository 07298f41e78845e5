"""`cca-tui articles` and `search` fit the terminal: exact lines at several widths, short ids."""

from __future__ import annotations

import json

import pytest

from tests.records import make_article
from tui.cli import main
from tui.library import Library

SEED_ID = "daryo-2024-03-31-launch-of-central-asia-china-secretariat"
NOTES = "Notes on the Secretariat: who staffs it, what it will do in its first year, and what the six capitals expect of it"


@pytest.fixture
def db(tmp_path):
    """The seed, a second Daryo article (the two ids share "daryo-2024-0"), a wire story with a
    Chinese title and a long outlet name, and an undated note with neither outlet nor date.
    All but the seed written for these tests."""
    path = tmp_path / "db.json"
    store = Library.open(path)
    with store.store.write_batch() as batch:
        batch.add_articles([
            make_article("daryo-2024-04-02-uzbek-rail", "Uzbekistan and China open a new freight route",
                         ["A new freight route opened."], outlet="Daryo", published="2024-04-02"),
            make_article("xinhua-2025-01-20-forum", "中国—中亚合作论坛在西安举行", ["论坛在西安举行。"],
                         outlet="Xinhua News Agency International", published="2025-01-20"),
            make_article("notes-undated", NOTES, ["Staff notes."], outlet=None, published=None),
        ])
    return str(path)


def lines(capsys, monkeypatch, width, *argv):
    monkeypatch.setenv("COLUMNS", str(width))
    assert main(list(argv)) == 0
    out, err = capsys.readouterr()
    return out.splitlines()


WIDTHS = {
    40: [
        "DATE        ID             TITLE",
        "2025-01-20  xinhua         中国—中亚合…",
        "2024-04-02  daryo-2024-04  Uzbekistan a…",
        "2024-03-31  daryo-2024-03  Launch of Ce…",
        "—           notes-         Notes on the…",
    ],
    80: [
        "DATE        OUTLET             ID             TITLE",
        "2025-01-20  Xinhua News Agen…  xinhua         中国—中亚合作论坛在西安举行",
        "2024-04-02  Daryo              daryo-2024-04  Uzbekistan and China open a new f…",
        "2024-03-31  Daryo              daryo-2024-03  Launch of Central Asia–China Secr…",
        "—           —                  notes-         Notes on the Secretariat: who sta…",
    ],
    120: [
        "DATE        OUTLET                ID             TITLE",
        "2025-01-20  Xinhua News Agency…   xinhua         中国—中亚合作论坛在西安举行",
        "2024-04-02  Daryo                 daryo-2024-04  Uzbekistan and China open a new freight route",
        "2024-03-31  Daryo                 daryo-2024-03  Launch of Central Asia–China Secretariat takes place in Xi’an",
        "—           —                     notes-         Notes on the Secretariat: who staffs it, what it will do in its first…",
    ],
    200: [
        "DATE        OUTLET                ID             TITLE",
        "2025-01-20  Xinhua News Agency…   xinhua         中国—中亚合作论坛在西安举行",
        "2024-04-02  Daryo                 daryo-2024-04  Uzbekistan and China open a new freight route",
        "2024-03-31  Daryo                 daryo-2024-03  Launch of Central Asia–China Secretariat takes place in Xi’an",
        f"—           —                     notes-         {NOTES}",
    ],
}


@pytest.mark.parametrize("width", sorted(WIDTHS))
def test_articles_table_fits_the_width(capsys, monkeypatch, db, width):
    from rich.cells import cell_len

    got = lines(capsys, monkeypatch, width, "--db", db, "articles")
    assert got == WIDTHS[width]
    assert max(cell_len(line) for line in got) <= width


def test_narrower_than_forty_columns_lays_out_as_forty(capsys, monkeypatch, db):
    assert lines(capsys, monkeypatch, 20, "--db", db, "articles") == WIDTHS[40]


def test_every_short_id_shown_names_its_article(capsys, monkeypatch, db):
    shown = [line.split()[1] for line in lines(capsys, monkeypatch, 40, "--db", db, "articles")[1:]]
    for short in shown:
        code = main(["--db", db, "article", short, "--json"])
        out, _ = capsys.readouterr()
        assert code == 0 and json.loads(out)["id"].startswith(short)


def test_json_keeps_full_ids(capsys, monkeypatch, db):
    monkeypatch.setenv("COLUMNS", "40")
    assert main(["--db", db, "articles", "--json"]) == 0
    ids = [a["id"] for a in json.loads(capsys.readouterr().out)]
    assert ids == ["xinhua-2025-01-20-forum", "daryo-2024-04-02-uzbek-rail", SEED_ID, "notes-undated"]


def test_an_empty_store_says_so(capsys, monkeypatch, tmp_path):
    assert lines(capsys, monkeypatch, 80, "--db", str(tmp_path / "empty.json"), "--no-seed", "articles") == ["no articles"]


def test_search_lines_fit_the_width(capsys, monkeypatch, db):
    assert main(["--db", db, "search", "Kulubayev", "--json"]) == 0
    score = f"{json.loads(capsys.readouterr().out)[0]['score']:6.2f}"  # the ranking's, not this test's
    # 40: the 13-cell short id leaves no room for outlet and date
    assert lines(capsys, monkeypatch, 40, "--db", db, "search", "Kulubayev") == [
        f"{score}  daryo-2024-03  Launch of Centra…",
        "        [3] Prominent figures including…",
    ]
    assert lines(capsys, monkeypatch, 80, "--db", db, "search", "Kulubayev") == [
        f"{score}  2024-03-31  Daryo  daryo-2024-03  Launch of Central Asia–China Secretar…",
        "        [3] Prominent figures including Wang Yi, member of the Politburo of the…",
    ]


def test_search_json_carries_date_outlet_and_url(capsys, db):
    assert main(["--db", db, "search", "freight", "--json"]) == 0
    [result] = json.loads(capsys.readouterr().out)
    assert {k: result[k] for k in ("article_id", "published", "outlet", "url")} == {
        "article_id": "daryo-2024-04-02-uzbek-rail", "published": "2024-04-02", "outlet": "Daryo",
        "url": "https://example.test/daryo-2024-04-02-uzbek-rail",
    }


def test_long_short_ids_push_out_outlet_then_date(capsys, monkeypatch, tmp_path):
    path = tmp_path / "db.json"
    store = Library.open(path, seed=False)
    with store.store.write_batch() as batch:
        batch.add_articles([
            make_article("kazinform-2024-05-17-a", "Tokayev meets Chinese delegation in Astana", ["One."],
                         outlet="Kazinform", published="2024-05-17"),
            make_article("kazinform-2024-05-17-b", "Trade turnover grows by a fifth", ["Two."],
                         outlet="Kazinform", published="2024-05-17"),
        ])
    assert lines(capsys, monkeypatch, 40, "--db", str(path), "articles") == [
        "ID                      TITLE",
        "kazinform-2024-05-17-a  Tokayev meets C…",
        "kazinform-2024-05-17-b  Trade turnover…",
    ]
