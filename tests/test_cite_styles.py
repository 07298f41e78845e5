"""Every prose style against hand-checked strings (APA 7, MLA 9, Chicago 17)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from tests.cite_articles import ACCESSED, FOUR, ONE, SEED_TITLE, SEED_URL, THREE, TWO, article, seed
from tui.cite import STYLES, UnknownStyle, format_citation, resolve_style
from tui.records import Article

SEED_NO_SCHEME = SEED_URL.removeprefix("https://")
SEED_TC = "Launch of Central Asia–China Secretariat Takes Place in Xi’an"


def cite(a: Article, style: str) -> str:
    return format_citation(a, style, accessed=ACCESSED)


# ---- the three seed strings from the issue, exactly ------------------------

def test_seed_apa_exact():
    assert cite(seed(), "apa") == (
        "Launch of Central Asia–China Secretariat takes place in Xi’an. (2024, March 31). Daryo. "
        "https://daryo.uz/en/2024/03/31/launch-of-central-asiachina-secretariat-takes-place-in-xian"
    )


def test_seed_mla_exact():
    assert cite(seed(), "mla") == (
        "“Launch of Central Asia–China Secretariat Takes Place in Xi’an.” Daryo, 31 Mar. 2024, "
        "daryo.uz/en/2024/03/31/launch-of-central-asiachina-secretariat-takes-place-in-xian."
    )


def test_seed_chicago_exact():
    assert cite(seed(), "chicago") == (
        "Daryo. “Launch of Central Asia–China Secretariat Takes Place in Xi’an.” March 31, 2024. "
        "https://daryo.uz/en/2024/03/31/launch-of-central-asiachina-secretariat-takes-place-in-xian."
    )


def test_seed_other_chicago_forms():
    # Unsigned: a note starts with the title; author-date puts the outlet first (CMOS 14.207, 15.47).
    assert cite(seed(), "chicago-note") == f"“{SEED_TC},” Daryo, March 31, 2024, {SEED_URL}."
    assert cite(seed(), "chicago-ad") == f"Daryo. 2024. “{SEED_TC}.” March 31, 2024. {SEED_URL}."


def test_default_style_is_apa():
    assert format_citation(seed()) == cite(seed(), "apa")


# ---- one author ------------------------------------------------------------

ONE_URL = "https://akipress.com/news:1/"
ONE_TC = "Kyrgyzstan and China Sign a Deal on the Railway"


ONE_AUTHOR = [  # ONE, in each style
    ("apa", f"Kulubayev, J. (2024, May 2). Kyrgyzstan and China sign a deal on the railway. AKIpress. {ONE_URL}"),
    ("mla", f"Kulubayev, Jeenbek. “{ONE_TC}.” AKIpress, 2 May 2024, akipress.com/news:1/."),
    ("chicago", f"Kulubayev, Jeenbek. “{ONE_TC}.” AKIpress, May 2, 2024. {ONE_URL}."),
    ("chicago-note", f"Jeenbek Kulubayev, “{ONE_TC},” AKIpress, May 2, 2024, {ONE_URL}."),
    ("chicago-ad", f"Kulubayev, Jeenbek. 2024. “{ONE_TC}.” AKIpress, May 2, 2024. {ONE_URL}."),
]


# ---- two authors, ampersand, colon, "Last, First" input, leading "The" ------

TWO_URL = "https://astanatimes.com/2024/06/trade-transit/"
TWO_TC = "Trade & Transit: What the Middle Corridor Means for Kazakhstan"


TWO_AUTHORS = [  # TWO, in each style
    (
        "apa",
        "Seitkali, A., & Smith, J. (2024, June 15). Trade & transit: what the Middle Corridor means "
        f"for Kazakhstan. The Astana Times. {TWO_URL}",
    ),
    ("mla", f"Seitkali, Aigerim, and John Smith. “{TWO_TC}.” The Astana Times, 15 June 2024, astanatimes.com/2024/06/trade-transit/."),
    ("chicago", f"Seitkali, Aigerim, and John Smith. “{TWO_TC}.” The Astana Times, June 15, 2024. {TWO_URL}."),
    ("chicago-note", f"Aigerim Seitkali and John Smith, “{TWO_TC},” The Astana Times, June 15, 2024, {TWO_URL}."),
    ("chicago-ad", f"Seitkali, Aigerim, and John Smith. 2024. “{TWO_TC}.” The Astana Times, June 15, 2024. {TWO_URL}."),
]


# ---- three authors, non-ASCII names, curly quotes inside the title ---------

THREE_URL = "https://kun.uz/en/news/2024/07/01/silk"
THREE_TC = "Officials Call the ‘Silk Road’ Plan a Success"


THREE_AUTHORS = [  # THREE, in each style
    (
        "apa",
        "Qoşanov, Ə., Wei, Z., & Ismoilova, D. (2024, July 1). Officials call the “Silk Road” plan a success. "
        f"Kun.uz. {THREE_URL}",
    ),
    ("mla", f"Qoşanov, Ərlan, et al. “{THREE_TC}.” Kun.uz, 1 July 2024, kun.uz/en/news/2024/07/01/silk."),
    ("chicago", f"Qoşanov, Ərlan, Zhang Wei, and Dilnoza Ismoilova. “{THREE_TC}.” Kun.uz, July 1, 2024. {THREE_URL}."),
    ("chicago-note", f"Ərlan Qoşanov, Zhang Wei, and Dilnoza Ismoilova, “{THREE_TC},” Kun.uz, July 1, 2024, {THREE_URL}."),
    ("chicago-ad", f"Qoşanov, Ərlan, Zhang Wei, and Dilnoza Ismoilova. 2024. “{THREE_TC}.” Kun.uz, July 1, 2024. {THREE_URL}."),
]


@pytest.mark.parametrize("record, style, expected", [
    pytest.param(record, style, expected, id=f"{name}-{style}")
    for name, record, rows in (("one", ONE, ONE_AUTHOR), ("two", TWO, TWO_AUTHORS), ("three", THREE, THREE_AUTHORS))
    for style, expected in rows
])
def test_one_two_and_three_authors(record, style, expected):
    assert cite(record, style) == expected


def test_four_authors_note_uses_et_al_bibliography_lists_all():
    url = "https://asiaplustj.info/en/news/1"
    assert cite(FOUR, "chicago-note") == f"Ann Lee et al., “Water Talks Resume,” Asia-Plus, September 10, 2024, {url}."
    assert cite(FOUR, "chicago") == (
        f"Lee, Ann, Bob Roy, Cy Dunn, and Di Ott. “Water Talks Resume.” Asia-Plus, September 10, 2024. {url}."
    )
    assert cite(FOUR, "apa").startswith("Lee, A., Roy, B., Dunn, C., & Ott, D. (2024, September 10). ")
    assert cite(FOUR, "mla") == f"Lee, Ann, et al. “Water Talks Resume.” Asia-Plus, 10 Sept. 2024, {url.removeprefix('https://')}."


def test_apa_twenty_one_authors_ellipsis():
    names = [f"Given{i} Family{i}" for i in range(1, 23)]
    out = cite(article(authors=names), "apa")
    assert out.startswith("Family1, G., Family2, G., ")
    assert "Family19, G., . . . Family22, G. (2024, May 2)." in out
    assert "Family20" not in out


def test_chicago_more_than_ten_authors_first_seven_et_al():
    names = [f"Given{i} Family{i}" for i in range(1, 12)]
    out = cite(article(authors=names), "chicago")
    assert out.startswith("Family1, Given1, Given2 Family2, ")
    assert "Given7 Family7, et al. “" in out


# ---- no date -----------------------------------------------------------------

def test_no_date_every_style():
    a = replace(seed(), published=None)
    assert cite(a, "apa") == f"{SEED_TITLE}. (n.d.). Daryo. {SEED_URL}"
    assert cite(a, "mla") == f"“{SEED_TC}.” Daryo, {SEED_NO_SCHEME}. Accessed 5 Apr. 2025."
    assert cite(a, "chicago") == f"Daryo. “{SEED_TC}.” Accessed April 5, 2025. {SEED_URL}."
    assert cite(a, "chicago-note") == f"“{SEED_TC},” Daryo, accessed April 5, 2025, {SEED_URL}."
    assert cite(a, "chicago-ad") == f"Daryo. n.d. “{SEED_TC}.” Accessed April 5, 2025. {SEED_URL}."


def test_no_date_signed_chicago():
    a = replace(ONE, published=None)
    assert cite(a, "chicago") == f"Kulubayev, Jeenbek. “{ONE_TC}.” AKIpress. Accessed April 5, 2025. {ONE_URL}."


def test_invalid_date_is_treated_as_missing():
    assert cite(replace(seed(), published="2024-02-31"), "apa").endswith("(n.d.). Daryo. " + SEED_URL)


def test_month_only_date():
    a = replace(ONE, published="2024-09")
    assert "(2024, September)." in cite(a, "apa")
    assert "AKIpress, Sept. 2024, " in cite(a, "mla")
    assert "AKIpress, September 2024. " in cite(a, "chicago")


# ---- no URL, and neither URL nor date -----------------------------------------

def test_no_url_every_style():
    a = replace(ONE, url=None)
    assert cite(a, "apa") == "Kulubayev, J. (2024, May 2). Kyrgyzstan and China sign a deal on the railway. AKIpress."
    assert cite(a, "mla") == f"Kulubayev, Jeenbek. “{ONE_TC}.” AKIpress, 2 May 2024."
    assert cite(a, "chicago") == f"Kulubayev, Jeenbek. “{ONE_TC}.” AKIpress, May 2, 2024."
    assert cite(a, "chicago-note") == f"Jeenbek Kulubayev, “{ONE_TC},” AKIpress, May 2, 2024."
    assert cite(a, "chicago-ad") == f"Kulubayev, Jeenbek. 2024. “{ONE_TC}.” AKIpress, May 2, 2024."


def test_no_url_no_date_unsigned():
    a = replace(seed(), url=None, published=None)
    assert cite(a, "apa") == f"{SEED_TITLE}. (n.d.). Daryo."
    assert cite(a, "mla") == f"“{SEED_TC}.” Daryo."
    assert cite(a, "chicago") == f"Daryo. “{SEED_TC}.” n.d."
    assert cite(a, "chicago-note") == f"“{SEED_TC},” Daryo, n.d."
    assert cite(a, "chicago-ad") == f"Daryo. n.d. “{SEED_TC}.”"


# ---- titles with quotes, question marks, organizations --------------------------

def test_title_ending_in_a_quotation_takes_the_period_inside():
    a = replace(ONE, title='Tokayev says Central Asia is "open for business"')
    assert "J. (2024, May 2). Tokayev says Central Asia is \"open for business.\" AKIpress." in cite(a, "apa")
    assert "“Tokayev Says Central Asia Is ‘Open for Business.’” AKIpress, 2 May 2024" in cite(a, "mla")
    assert "“Tokayev Says Central Asia Is ‘Open for Business,’” AKIpress" in cite(a, "chicago-note")


def test_title_ending_in_question_mark_takes_no_extra_punctuation():
    a = replace(seed(), title="Will the secretariat deliver?")
    assert cite(a, "apa") == f"Will the secretariat deliver? (2024, March 31). Daryo. {SEED_URL}"
    assert cite(a, "mla").startswith("“Will the Secretariat Deliver?” Daryo, 31 Mar. 2024, ")
    assert cite(a, "chicago-note").startswith("“Will the Secretariat Deliver?” Daryo, March 31, 2024, ")


def test_outlet_as_author_is_not_repeated():
    a = replace(seed(), authors=["Daryo"])
    assert cite(a, "apa") == f"Daryo. (2024, March 31). {SEED_TITLE}. {SEED_URL}"
    assert cite(a, "mla") == cite(seed(), "mla")
    assert cite(a, "chicago") == cite(seed(), "chicago")


def test_organization_author_other_than_outlet():
    a = replace(seed(), authors=["{Xinhua News Agency}"])
    assert cite(a, "apa") == f"Xinhua News Agency. (2024, March 31). {SEED_TITLE}. Daryo. {SEED_URL}"
    assert cite(a, "mla").startswith("Xinhua News Agency. “Launch of ")
    assert cite(a, "chicago").startswith(f"Xinhua News Agency. “{SEED_TC}.” Daryo, March 31, 2024.")


def test_apa_never_lowercases_the_stored_title():
    a = replace(ONE, title="UN and SCO Ministers Meet in Astana")
    assert "(2024, May 2). UN and SCO Ministers Meet in Astana. AKIpress." in cite(a, "apa")


def test_escape_sequences_in_fields_never_reach_the_output():
    a = replace(seed(), title="Evil\x1b]52;c;ZXZpbA==\x07 title\x1b[31m\x9b2J", outlet="Dar\x07yo")
    for style in STYLES:
        out = cite(a, style)
        assert "\x1b" not in out and "\x07" not in out and "\x9b" not in out, style
    assert cite(a, "apa").startswith("Evil title. (2024, March 31). Daryo. ")


# ---- the registry ------------------------------------------------------------------

def test_styles_in_menu_order_with_labels():
    assert list(STYLES) == ["apa", "mla", "chicago", "chicago-note", "chicago-ad", "bibtex", "ris", "csl-json", "markdown"]
    assert STYLES["apa"].label == "APA 7" and STYLES["chicago-ad"].short == "Chicago author-date"


def test_unknown_style_is_a_clear_error():
    with pytest.raises(UnknownStyle) as err:
        format_citation(seed(), "harvard")
    assert "unknown citation style 'harvard'" in str(err.value)
    assert "apa, mla, chicago" in str(err.value)


def test_style_names_forgive_case_and_aliases():
    assert resolve_style("APA") == "apa"
    assert resolve_style("chicago_note") == "chicago-note"
    assert resolve_style("csl") == "csl-json"
