"""Names, title case, short titles, sentences, keys and sanitizing."""

from __future__ import annotations

from dataclasses import replace

import pytest

from tests.cite_articles import article, seed
from tui.cite import split_sentences
from tui.cite.keys import ascii_slug, assign_keys, base_key
from tui.cite.names import Name, parse_name
from tui.cite.sanitize import clean_field, clean_text
from tui.cite.source import Source
from tui.cite.titles import APA_SMALL, MLA_SMALL, close_inside, nest_quotes, short_title, title_case


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("Jeenbek Kulubayev", Name(family="Kulubayev", given="Jeenbek")),
        ("Kulubayev, Jeenbek", Name(family="Kulubayev", given="Jeenbek")),
        ("Ludwig van Beethoven", Name(family="van Beethoven", given="Ludwig")),
        ("Martin Luther King Jr.", Name(family="King", given="Martin Luther", suffix="Jr.")),
        ("John Smith, Jr.", Name(family="Smith", given="John", suffix="Jr.")),
        ("Smith, John, III", Name(family="Smith", given="John", suffix="III")),
        ("By  Ərlan   Qoşanov", Name(family="Qoşanov", given="Ərlan")),
        ("Madonna", Name(literal="Madonna")),
        ("Xinhua News Agency", Name(literal="Xinhua News Agency")),
        ("{Ernst & Young}", Name(literal="Ernst & Young")),
        ("Ministry of Foreign Affairs", Name(literal="Ministry of Foreign Affairs")),
        ("  ", None),
    ],
)
def test_parse_name(raw, expected):
    assert parse_name(raw) == expected


def test_name_forms():
    n = parse_name("Jean-Paul Marie Sartre")
    assert n.apa() == "Sartre, J.-P. M."
    assert n.inverted() == "Sartre, Jean-Paul Marie"
    assert n.natural() == "Jean-Paul Marie Sartre"
    king = parse_name("Martin Luther King Jr.")
    assert king.apa() == "King, M. L., Jr."
    assert king.inverted() == "King, Martin Luther, Jr."
    assert king.natural() == "Martin Luther King Jr."
    assert parse_name("J. R. R. Tolkien").apa() == "Tolkien, J. R. R."


@pytest.mark.parametrize(
    "title, expected",
    [
        ("Launch of Central Asia–China Secretariat takes place in Xi’an", "Launch of Central Asia–China Secretariat Takes Place in Xi’an"),
        ("the road to Astana: a guide for the perplexed", "The Road to Astana: A Guide for the Perplexed"),
        ("U.S. and China talk trade", "U.S. and China Talk Trade"),
        ("iPhone sales in the US grow", "iPhone Sales in the US Grow"),
        ("self-sustaining growth and re-election", "Self-Sustaining Growth and Re-election"),
        ("China-Central Asia summit", "China-Central Asia Summit"),
        ("minister steps down", "Minister Steps Down"),
        ("what it is for", "What It Is For"),
        ("BREAKING: CHINA AND KAZAKHSTAN SIGN DEAL", "BREAKING: CHINA AND KAZAKHSTAN SIGN DEAL"),
        ("visit daryo.uz for more", "Visit daryo.uz for More"),
        ("Trade Of The Year", "Trade of the Year"),
    ],
)
def test_chicago_title_case(title, expected):
    assert title_case(title) == expected


def test_mla_lowercases_so_and_yet_apa_capitalizes_long_prepositions():
    assert title_case("late yet welcome", MLA_SMALL) == "Late yet Welcome"
    assert title_case("talks between the six", APA_SMALL) == "Talks Between the Six"
    assert title_case("talks between the six") == "Talks between the Six"


def test_short_title():
    assert short_title("Launch of Central Asia–China Secretariat Takes Place in Xi’an") == "Launch of Central Asia–China Secretariat"
    assert short_title("Trade & Transit: What the Middle Corridor Means") == "Trade & Transit"
    assert short_title("Water Talks Resume") == "Water Talks Resume"
    assert short_title("Kyrgyzstan and China Sign a Deal on the Railway") == "Kyrgyzstan and China Sign a Deal"


def test_quotes_nest_and_punctuation_goes_inside():
    assert nest_quotes('He said "yes" to “this”') == "He said ‘yes’ to ‘this’"
    assert close_inside("Says ‘Yes’", ".") == "Says ‘Yes.’"
    assert close_inside("Xi’an", ".") == "Xi’an."
    assert close_inside("Why?", ".") == "Why?"
    assert close_inside("Inc.", ".") == "Inc."
    assert close_inside("Inc.", ",") == "Inc.,"


def test_split_sentences():
    text = "Mr. Wang met Dr. Lee in the U.S. on Monday. He said “yes.” Then J. Smith left! 2025 will tell."
    assert split_sentences(text) == [
        "Mr. Wang met Dr. Lee in the U.S. on Monday.",
        "He said “yes.”",
        "Then J. Smith left!",
        "2025 will tell.",
    ]


def test_keys_are_readable_and_deduplicated_by_id():
    s = Source.from_article(seed())
    assert base_key(s) == "daryo2024launch"
    assert base_key(Source.from_article(article(title="The Silk Road", outlet="The Astana Times"))) == "astanatimes2024silk"
    assert base_key(Source.from_article(article(title="Путь", outlet="Казинформ", published=None))) == "kazinformndput"
    assert base_key(Source.from_article(article(title="“…”", outlet=None))) == "anon2024untitled"
    a, b, c = (Source.from_article(replace(seed(), id=i)) for i in ("b", "a", "c"))
    assert assign_keys([a, b, c]) == ["daryo2024launcha", "daryo2024launch", "daryo2024launchb"]
    # The same article keeps its key in a smaller export.
    assert assign_keys([b]) == ["daryo2024launch"]


def test_ascii_slug():
    assert ascii_slug("Xi’an Ərlan") == "xianrlan"  # Ə has no ASCII decomposition
    assert ascii_slug("Qoşanov") == "qosanov"


def test_sanitize():
    assert clean_text("a\x1b[31mred\x1b[0m b\x1b]0;title\x07c\r\nd\x00e\u202e") == "ared bc\nde"
    assert clean_field("  two\n lines\tand\x9b2J ESC\x1b ") == "two lines and ESC"  # the 8-bit CSI takes its "2J" with it


def test_services_do_not_import_textual():
    import subprocess
    import sys

    code = "import sys, tui.cite, tui.clipboard, tui.config; print('textual' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"
