"""Quotations: the passage, an in-text citation with a paragraph locator, the reference."""

from __future__ import annotations

from dataclasses import replace

import pytest

from tests.cite_articles import ACCESSED, ONE, THREE, seed
from tui.cite import UnknownParagraph, format_citation, format_quotation
from tui.cite.source import Source
from tui.cite.styles import in_text
from tui.records import Paragraph

P9 = (
    "Sun Weidong outlined the primary responsibilities of the Secretariat, including facilitating the "
    "implementation of agreements between the six countries' leaders, organizing future China-Central Asia "
    "Summits, facilitating ministerial meetings, and fostering cooperation in key sectors"
)


def quote(a, n, style, sentence=None):
    return format_quotation(a, n, style, sentence=sentence, accessed=ACCESSED)


def test_seed_paragraph_nine_is_sun_weidong():
    assert [p.n for p in seed().paragraphs if p.kind == "heading"] == [2, 5, 8]
    assert seed().paragraphs[8].text.startswith("Sun Weidong outlined")


def test_apa_quotation_of_seed_paragraph_nine():
    assert quote(seed(), 9, "apa") == (
        f"“{P9}” (“Launch of Central Asia–China Secretariat,” 2024, para. 9).\n" + format_citation(seed(), "apa")
    )


@pytest.mark.parametrize(
    "style, citation",
    [
        ("mla", "(“Launch of Central Asia–China Secretariat,” par. 9)"),
        ("chicago", "(“Launch of Central Asia–China Secretariat,” para. 9)"),
        ("chicago-note", "(“Launch of Central Asia–China Secretariat,” para. 9)"),
        ("chicago-ad", "(Daryo 2024, para. 9)"),
    ],
)
def test_seed_quotation_other_prose_styles(style, citation):
    first, second = quote(seed(), 9, style).split("\n")
    assert first == f"“{P9}” {citation}."
    assert second == format_citation(seed(), style, accessed=ACCESSED)


def test_signed_in_text_citations():
    assert quote(ONE, 1, "apa").split("\n")[0] == "“The deal was signed in Bishkek. It covers freight” (Kulubayev, 2024, para. 1)."
    assert quote(ONE, 1, "mla").split("\n")[0].endswith(" (Kulubayev, par. 1).")
    assert quote(ONE, 1, "chicago").split("\n")[0].endswith(" (Kulubayev, “Kyrgyzstan and China Sign a Deal,” para. 1).")
    assert quote(ONE, 1, "chicago-ad").split("\n")[0].endswith(" (Kulubayev 2024, para. 1).")
    assert quote(THREE, 1, "apa").split("\n")[0].endswith(" (Qoşanov et al., 2024, para. 1).")
    assert quote(THREE, 1, "mla").split("\n")[0].endswith(" (Qoşanov et al., par. 1).")
    assert quote(THREE, 1, "chicago").split("\n")[0].endswith(
        " (Qoşanov, Wei, and Ismoilova, “Officials Call the ‘Silk Road,’” para. 1)."
    )


def test_two_author_apa_in_text_uses_ampersand():
    a = replace(ONE, authors=["Aigerim Seitkali", "Smith, John"])
    assert quote(a, 1, "apa").split("\n")[0].endswith(" (Seitkali & Smith, 2024, para. 1).")


def test_no_date_in_text():
    a = replace(seed(), published=None)
    assert quote(a, 9, "apa").split("\n")[0].endswith("(“Launch of Central Asia–China Secretariat,” n.d., para. 9).")
    assert quote(a, 9, "chicago-ad").split("\n")[0].endswith("(Daryo n.d., para. 9).")


def test_unsigned_apa_short_title_is_quoted_with_the_comma_inside():
    # APA 7 (8.14): no author -> the title, in title case and quotation marks (it is plain in
    # the reference list), the comma inside the closing mark; a title's own question mark
    # takes no comma, and its double quotes become single ones.
    asked = replace(seed(), title='Is the "Middle Corridor" next?')
    assert quote(asked, 9, "apa").split("\n")[0].endswith(" (“Is the ‘Middle Corridor’ Next?” 2024, para. 9).")
    assert in_text(Source.from_article(seed()), "apa") == "(“Launch of Central Asia–China Secretariat,” 2024)"


def test_one_sentence_and_nested_quotes():
    assert quote(ONE, 1, "apa", sentence=2).split("\n")[0] == "“It covers freight” (Kulubayev, 2024, para. 1)."
    assert quote(ONE, 3, "apa").split("\n")[0] == (
        "“Officials called it ‘historic’ and said work starts in 2025” (Kulubayev, 2024, para. 3)."
    )


def test_question_keeps_its_mark():
    a = replace(ONE, paragraphs=(Paragraph(1, "para", "Will it work?"),))
    assert quote(a, 1, "apa").split("\n")[0] == "“Will it work?” (Kulubayev, 2024, para. 1)."


def test_data_formats_quote_too():
    assert quote(seed(), 9, "bibtex").split("\n")[0] == f"\\enquote{{{P9}}} \\autocite[para.~9]{{daryo2024launch}}."
    assert quote(seed(), 9, "csl-json").split("\n")[0] == f"“{P9}” [@daryo2024launch, para. 9]."
    md = quote(seed(), 9, "markdown").split("\n")
    assert md[0] == f"> “{P9}” (para. 9)."
    assert md[2] == "> — " + format_citation(seed(), "markdown")
    assert quote(seed(), 9, "ris").split("\n")[1] == "TY  - NEWS"


def test_unknown_paragraph_and_sentence():
    with pytest.raises(UnknownParagraph, match="no paragraph 99"):
        quote(seed(), 99, "apa")
    with pytest.raises(UnknownParagraph, match="has 1 sentence"):
        quote(seed(), 9, "apa", sentence=2)


def test_paragraph_text_escape_sequences_are_stripped():
    a = replace(ONE, paragraphs=(Paragraph(1, "para", "Hi\x1b]52;c;ZXZpbA==\x07 there."),))
    assert quote(a, 1, "apa").split("\n")[0] == "“Hi there” (Kulubayev, 2024, para. 1)."
