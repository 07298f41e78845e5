"""Reference lists: each style's order, letters and repeated-author marks, checked by hand
against the manuals (APA 7 9.44–9.47, MLA 9 Works Cited, CMOS 17 14.63–14.71 and 15.17–15.19)."""

from __future__ import annotations

import pytest

from tests.cite_articles import ACCESSED, article
from tui.cite import UnknownStyle, format_many, resolve_format
from tui.cite.reflist import filed_under, letters, reference_list


def art(title: str, authors: list[str], published: str | None = "2024-05-02", outlet: str = "AKIpress", **kw):
    """An article without a URL, so an entry is its authors, date, title and outlet only."""
    return article(id=title, title=title, authors=authors, published=published, outlet=outlet, url=None, **kw)


def entries(articles, style: str) -> list[str]:
    return reference_list(articles, style, accessed=ACCESSED, heading=False).splitlines()


# ---- alphabetizing ------------------------------------------------------------------------

def test_letters_ignore_case_accents_spaces_and_punctuation():
    assert letters("O’Neil") == "oneil"
    assert letters("Oñate") == "onate"
    assert letters("Qoşanov") == "qosanov"
    assert letters("Brown-Smith") == "brownsmith"
    assert filed_under("The Middle Corridor") == "middlecorridor"
    assert filed_under("“A new hub”") == "newhub"
    assert filed_under("An Atlas") == "atlas"
    assert filed_under("A-list deals") == "alistdeals"  # "A-" is not the article "A"
    assert filed_under("Theatre in Almaty") == "theatreinalmaty"


def test_apa_is_letter_by_letter_nothing_before_something():
    # Brown before Browning (nothing precedes something); Browning before Brown-Smith
    # (the hyphen is ignored: "brownsmith" > "browning"); Oñate before O’Neil before Onush.
    arts = [art("T1", ["Bob Browning"]), art("T2", ["Ann Brown-Smith"]), art("T3", ["Cy Brown"]),
            art("T4", ["Tim O’Neil"]), art("T5", ["José Oñate"]), art("T6", ["Frank Onush"])]
    assert entries(arts, "apa") == [
        "Brown, C. (2024, May 2). T3. AKIpress.",
        "Browning, B. (2024, May 2). T1. AKIpress.",
        "Brown-Smith, A. (2024, May 2). T2. AKIpress.",
        "Oñate, J. (2024, May 2). T5. AKIpress.",
        "O’Neil, T. (2024, May 2). T4. AKIpress.",
        "Onush, F. (2024, May 2). T6. AKIpress.",
    ]


# ---- APA 7 ------------------------------------------------------------------------------

def test_apa_one_author_first_then_years_with_letters_and_untitled_by_title():
    arts = [
        art("Grain talks", ["Aigerim Seitkali", "John Smith"], "2021-03-01"),  # coauthored: after her own
        art("The rail deal", ["Aigerim Seitkali"], "2024-06-15"),
        art("A new hub", ["Aigerim Seitkali"], "2024-02-20"),
        art("Dry ports", ["Aigerim Seitkali"], "2023-11-02"),
        art("Notes from the port", ["Aigerim Seitkali"], None),
        art("Cranes at night", ["Aigerim Seitkali"], None),
        art("The Secretariat opens", [], "2024-04-01"),  # no author: files under "Secretariat"
        art("Summit ends", [], "2024-04-02"),
    ]
    assert reference_list(arts, "apa", accessed=ACCESSED) == "\n".join([
        "References",
        "The Secretariat opens. (2024, April 1). AKIpress.",
        # n.d. first, the two n.d. works lettered by title; one year's works by date (a bare
        # year before its months and days, as the manual's examples and the CSL APA style do).
        "Seitkali, A. (n.d.-a). Cranes at night. AKIpress.",
        "Seitkali, A. (n.d.-b). Notes from the port. AKIpress.",
        "Seitkali, A. (2023, November 2). Dry ports. AKIpress.",
        "Seitkali, A. (2024a, February 20). A new hub. AKIpress.",
        "Seitkali, A. (2024b, June 15). The rail deal. AKIpress.",
        "Seitkali, A., & Smith, J. (2021, March 1). Grain talks. AKIpress.",
        "Summit ends. (2024, April 2). AKIpress.",
    ]) + "\n"


def test_apa_same_year_same_day_goes_by_title_and_a_bare_year_comes_first():
    arts = [art("Zhetysu floods", ["Ann Lee"], "2024-05-02"), art("Almaty smog", ["Ann Lee"], "2024-05-02"),
            art("Yearbook", ["Ann Lee"], "2024")]
    assert entries(arts, "apa") == [
        "Lee, A. (2024a). Yearbook. AKIpress.",
        "Lee, A. (2024b, May 2). Almaty smog. AKIpress.",
        "Lee, A. (2024c, May 2). Zhetysu floods. AKIpress.",
    ]


def test_apa_group_author_files_under_its_first_significant_word():
    arts = [art("Dams", ["Dana Daulet"]), art("Bridges", ["{The Central Asia Bureau}"]),
            art("Roads", ["Bolat Bakirov"])]
    assert entries(arts, "apa") == [
        "Bakirov, B. (2024, May 2). Roads. AKIpress.",
        "The Central Asia Bureau. (2024, May 2). Bridges. AKIpress.",
        "Daulet, D. (2024, May 2). Dams. AKIpress.",
    ]


def test_apa_letters_only_for_the_same_authors_and_year():
    # Same first author, different coauthors: no letters; same pair twice in 2024: letters.
    arts = [art("Beta", ["Ann Lee", "Bob Roy"]), art("Alpha", ["Ann Lee", "Bob Roy"], "2024-01-10"),
            art("Gamma", ["Ann Lee", "Cy Dunn"]), art("Delta", ["Ann Lee"], "2023-01-01")]
    assert entries(arts, "apa") == [
        "Lee, A. (2023, January 1). Delta. AKIpress.",
        "Lee, A., & Dunn, C. (2024, May 2). Gamma. AKIpress.",
        "Lee, A., & Roy, B. (2024a, January 10). Alpha. AKIpress.",
        "Lee, A., & Roy, B. (2024b, May 2). Beta. AKIpress.",
    ]


# ---- MLA 9 ----------------------------------------------------------------------------------

def test_mla_works_cited_by_first_element_ignoring_articles_with_three_hyphens():
    arts = [
        art("The border reopens", []),
        art("An atlas of the steppe", []),
        art("Caravans return", []),
        art("Water for the south", ["Ann Lee", "Bob Roy"]),
        art("Dams and fields", ["Ann Lee", "Bob Roy"]),
        art("Yurts", ["Ann Lee"]),
        art("A bridge too far", ["Ann Lee"], "2023-01-01"),
        art("Grain", ["Ann Lee", "Cy Dunn"]),
    ]
    assert reference_list(arts, "mla", accessed=ACCESSED) == "\n".join([
        "Works Cited",
        "“An Atlas of the Steppe.” AKIpress, 2 May 2024.",
        "“The Border Reopens.” AKIpress, 2 May 2024.",
        "“Caravans Return.” AKIpress, 2 May 2024.",
        # One author's works by title (ignoring "A"), three hyphens after the first; then
        # her coauthored works by the coauthor's name (Dunn before Roy), the same pair
        # again with three hyphens, a different pair never.
        "Lee, Ann. “A Bridge Too Far.” AKIpress, 1 Jan. 2023.",
        "---. “Yurts.” AKIpress, 2 May 2024.",
        "Lee, Ann, and Cy Dunn. “Grain.” AKIpress, 2 May 2024.",
        "Lee, Ann, and Bob Roy. “Dams and Fields.” AKIpress, 2 May 2024.",
        "---. “Water for the South.” AKIpress, 2 May 2024.",
    ]) + "\n"


def test_mla_outlet_as_author_files_under_the_title():
    arts = [art("Zebra crossings", ["AKIpress"]), art("Buses", ["Bolat Bakirov"])]
    assert entries(arts, "mla") == [
        "Bakirov, Bolat. “Buses.” AKIpress, 2 May 2024.",
        "“Zebra Crossings.” AKIpress, 2 May 2024.",
    ]


# ---- Chicago 17 -------------------------------------------------------------------------------

def test_chicago_bibliography_files_unsigned_under_the_outlet_and_dashes_bylines_only():
    arts = [
        art("Roads", [], outlet="The Diplomat"),
        art("Rails", [], outlet="The Diplomat"),
        art("Ports", ["Evan Evans"]),
        art("A quiet border", ["Carl Carter"], "2024-06-01"),
        art("Bridges", ["Carl Carter"], "2022-06-01"),
    ]
    assert reference_list(arts, "chicago", accessed=ACCESSED) == "\n".join([
        "Bibliography",
        "Carter, Carl. “Bridges.” AKIpress, June 1, 2022.",
        "———. “A Quiet Border.” AKIpress, June 1, 2024.",
        # Unsigned: the outlet in the author's place, filed under "Diplomat"; never dashed.
        "The Diplomat. “Rails.” May 2, 2024.",
        "The Diplomat. “Roads.” May 2, 2024.",
        "Evans, Evan. “Ports.” AKIpress, May 2, 2024.",
    ]) + "\n"


def test_chicago_author_date_years_oldest_first_letters_by_title_nd_last():
    arts = [
        art("Zinc", ["Carl Carter"], "2024-01-05"),
        art("Apples", ["Carl Carter"], "2024-09-05"),
        art("Undated", ["Carl Carter"], None),
        art("Older", ["Carl Carter"], "2021-03-03"),
        art("Roads", [], outlet="Kun.uz"),
        art("Rails", [], outlet="Kun.uz"),
    ]
    assert entries(arts, "chicago-ad") == [
        "Carter, Carl. 2021. “Older.” AKIpress, March 3, 2021.",
        "———. 2024a. “Apples.” AKIpress, September 5, 2024.",
        "———. 2024b. “Zinc.” AKIpress, January 5, 2024.",
        "———. n.d. “Undated.” AKIpress.",
        # The outlet is cited in the text as (Kun.uz 2024a): its works get letters too.
        "Kun.uz. 2024a. “Rails.” May 2, 2024.",
        "Kun.uz. 2024b. “Roads.” May 2, 2024.",
    ]


def test_chicago_notes_are_numbered_in_the_order_given():
    arts = [art("Zinc", ["Carl Carter"]), art("Apples", [], outlet="Kun.uz")]
    assert reference_list(arts, "chicago-note", accessed=ACCESSED) == (
        "Notes\n"
        "1. Carl Carter, “Zinc,” AKIpress, May 2, 2024.\n"
        "2. “Apples,” Kun.uz, May 2, 2024.\n"
    )


# ---- the list as a whole ----------------------------------------------------------------------

def test_heading_can_be_left_out_and_an_empty_list_is_empty():
    one = [art("Roads", ["Ann Lee"])]
    assert format_many(one, "apa", accessed=ACCESSED) == "References\nLee, A. (2024, May 2). Roads. AKIpress.\n"
    assert format_many(one, "apa", accessed=ACCESSED, heading=False) == "Lee, A. (2024, May 2). Roads. AKIpress.\n"
    assert format_many([], "mla") == ""
    assert format_many(one, "chicago", accessed=ACCESSED).splitlines()[0] == "Bibliography"
    assert format_many(one, "chicago-ad", accessed=ACCESSED).splitlines()[0] == "References"


def test_format_names_forgive_case_and_the_style_aliases():
    assert resolve_format(" APA ") == "apa"
    assert resolve_format("chicago-bib") == "chicago"
    assert resolve_format("csl") == "csl-json"
    assert resolve_format("CSV") == "csv"
    with pytest.raises(UnknownStyle, match="unknown export format 'docx'; choose one of: apa, mla, chicago,"):
        resolve_format("docx")
    with pytest.raises(UnknownStyle):
        reference_list([], "bibtex")
