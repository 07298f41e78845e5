"""``cca-tui export --format apa|mla|chicago``: a reference list of a fixture corpus, exact.

The corpus (tests/fixtures/reflist, written for these tests): one author with works in
2023, twice in 2024 and undated, and one with a coauthor; an unsigned article whose title
starts "The"; an agency that is its own byline; a second author. Each expected list was
worked out by hand from the manuals' rules (see tui/cite/reflist.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli_run import run
from tui.cli.main import main

CORPUS = Path(__file__).parent / "fixtures" / "reflist"

AT = "https://astanatimes.com"
KUN = "https://kun.uz/en/news"
URLS = {
    "water": f"{KUN}/2024/07/01/uzbekistan-and-china-discuss-water-quotas",
    "ministers": "https://www.inform.kz/en/astana-hosts-the-transport-ministers-of-central-asia",
    "secretariat": f"{KUN}/2024/04/01/the-secretariat-in-xian-begins-its-work",
    "notes": f"{AT}/features/notes-from-the-khorgos-dry-port/",
    "ports": f"{AT}/2023/11/dry-ports-on-the-khorgos-border-expand/",
    "hub": f"{AT}/2024/02/a-new-freight-hub-opens-near-almaty/",
    "corridor": f"{AT}/2024/06/the-middle-corridor-gains-a-second-track-at-dostyk/",
    "grain": f"{AT}/2022/09/kazakhstan-and-china-review-grain-exports/",
}


def mla_url(key: str) -> str:
    return URLS[key].removeprefix("https://")


APA = f"""References
Ismoilova, D. (2024, July 1). Uzbekistan and China discuss water quotas. Kun.uz. {URLS['water']}
Kazinform. (2025, January 15). Astana hosts the transport ministers of Central Asia. {URLS['ministers']}
The Secretariat in Xi’an begins its work. (2024, April 1). Kun.uz. {URLS['secretariat']}
Seitkali, A. (n.d.). Notes from the Khorgos dry port. The Astana Times. {URLS['notes']}
Seitkali, A. (2023, November 2). Dry ports on the Khorgos border expand. The Astana Times. {URLS['ports']}
Seitkali, A. (2024a, February 20). A new freight hub opens near Almaty. The Astana Times. {URLS['hub']}
Seitkali, A. (2024b, June 15). The Middle Corridor gains a second track at Dostyk. The Astana Times. {URLS['corridor']}
Seitkali, A., & Smith, J. (2022, September 8). Kazakhstan and China review grain exports. The Astana Times. {URLS['grain']}
"""

MLA = f"""Works Cited
“Astana Hosts the Transport Ministers of Central Asia.” Kazinform, 15 Jan. 2025, {mla_url('ministers')}.
Ismoilova, Dilnoza. “Uzbekistan and China Discuss Water Quotas.” Kun.uz, 1 July 2024, {mla_url('water')}.
“The Secretariat in Xi’an Begins Its Work.” Kun.uz, 1 Apr. 2024, {mla_url('secretariat')}.
Seitkali, Aigerim. “Dry Ports on the Khorgos Border Expand.” The Astana Times, 2 Nov. 2023, {mla_url('ports')}.
---. “The Middle Corridor Gains a Second Track at Dostyk.” The Astana Times, 15 June 2024, {mla_url('corridor')}.
---. “A New Freight Hub Opens near Almaty.” The Astana Times, 20 Feb. 2024, {mla_url('hub')}.
---. “Notes from the Khorgos Dry Port.” The Astana Times, {mla_url('notes')}. Accessed 5 Apr. 2025.
Seitkali, Aigerim, and John Smith. “Kazakhstan and China Review Grain Exports.” The Astana Times, 8 Sept. 2022, {mla_url('grain')}.
"""

CHICAGO = f"""Bibliography
Ismoilova, Dilnoza. “Uzbekistan and China Discuss Water Quotas.” Kun.uz, July 1, 2024. {URLS['water']}.
Kazinform. “Astana Hosts the Transport Ministers of Central Asia.” January 15, 2025. {URLS['ministers']}.
Kun.uz. “The Secretariat in Xi’an Begins Its Work.” April 1, 2024. {URLS['secretariat']}.
Seitkali, Aigerim. “Dry Ports on the Khorgos Border Expand.” The Astana Times, November 2, 2023. {URLS['ports']}.
———. “The Middle Corridor Gains a Second Track at Dostyk.” The Astana Times, June 15, 2024. {URLS['corridor']}.
———. “A New Freight Hub Opens near Almaty.” The Astana Times, February 20, 2024. {URLS['hub']}.
———. “Notes from the Khorgos Dry Port.” The Astana Times. Accessed April 5, 2025. {URLS['notes']}.
Seitkali, Aigerim, and John Smith. “Kazakhstan and China Review Grain Exports.” The Astana Times, September 8, 2022. {URLS['grain']}.
"""


@pytest.fixture(scope="module")
def corpus_db(tmp_path_factory) -> str:
    db = tmp_path_factory.mktemp("reflist") / "store.json"
    assert main(["--db", str(db), "--no-seed", "ingest", str(CORPUS)]) == 0
    return str(db)


@pytest.mark.parametrize(("fmt", "expected"), [("apa", APA), ("mla", MLA), ("chicago", CHICAGO)])
def test_export_writes_the_styles_reference_list_exactly(capsys, corpus_db, fmt, expected):
    code, out, err = run(capsys, "--db", corpus_db, "export", "--format", fmt, "--accessed", "2025-04-05")
    assert (code, err) == (0, "")
    assert out == expected


def test_a_query_narrows_the_list_and_no_heading_leaves_the_heading_out(capsys, corpus_db):
    code, out, err = run(capsys, "--db", corpus_db, "export", "outlet:kun", "--format", "APA", "--no-heading")
    assert (code, err) == (0, "")
    assert out == (
        f"Ismoilova, D. (2024, July 1). Uzbekistan and China discuss water quotas. Kun.uz. {URLS['water']}\n"
        f"The Secretariat in Xi’an begins its work. (2024, April 1). Kun.uz. {URLS['secretariat']}\n"
    )


def test_chicago_author_date_and_notes_too(capsys, corpus_db):
    code, out, err = run(capsys, "--db", corpus_db, "export", "outlet:\"Astana Times\"", "since:2024", "--format", "chicago-ad")
    assert (code, err) == (0, "")
    # One author's 2024 works lettered by title (Middle before New), as CMOS 15.19 orders them.
    assert out == (
        "References\n"
        f"Seitkali, Aigerim. 2024a. “The Middle Corridor Gains a Second Track at Dostyk.” The Astana Times, June 15, 2024. {URLS['corridor']}.\n"
        f"———. 2024b. “A New Freight Hub Opens near Almaty.” The Astana Times, February 20, 2024. {URLS['hub']}.\n"
    )
    code, out, err = run(capsys, "--db", corpus_db, "export", "outlet:kazinform", "--format", "chicago-note")
    assert (code, out) == (0, f"Notes\n1. “Astana Hosts the Transport Ministers of Central Asia,” Kazinform, "
                              f"January 15, 2025, {URLS['ministers']}.\n")


def test_export_to_a_file_is_kept_unless_forced(capsys, corpus_db, tmp_path):
    target = tmp_path / "refs.txt"
    code, out, err = run(capsys, "--db", corpus_db, "export", "--format", "mla", "--accessed", "2025-04-05",
                         "-o", str(target))
    assert (code, out, err) == (0, "", f"cca-tui: wrote 8 article(s) as mla to {target}\n")
    assert target.read_text(encoding="utf-8") == MLA
    code, out, err = run(capsys, "--db", corpus_db, "export", "--format", "apa", "-o", str(target))
    assert (code, err) == (1, f"cca-tui: {target}: exists; kept (--force replaces it); nothing written\n")
    assert target.read_text(encoding="utf-8") == MLA


@pytest.mark.parametrize("bad", ["harvard", "apa7", ""])
def test_a_bad_format_is_one_line_and_exit_2(capsys, corpus_db, bad):
    code, out, err = run(capsys, "--db", corpus_db, "export", "--format", bad)
    assert (code, out) == (2, "")
    assert err == (f"cca-tui: unknown export format {bad!r}; choose one of: apa, mla, chicago, chicago-note, "
                   "chicago-ad, bibtex, ris, csl-json, markdown, json, csv, sources\n")


def test_a_bad_access_date_is_a_usage_error(capsys, corpus_db):
    code, out, err = run(capsys, "--db", corpus_db, "export", "--format", "mla", "--accessed", "2025-02-30")
    assert (code, out) == (2, "")
    assert len(err.splitlines()) == 1 and "--accessed" in err
