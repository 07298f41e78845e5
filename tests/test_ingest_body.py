"""Body parsing: headlines, date lines, bylines, headings, boilerplate, wrapping."""

import pytest

from tui.ingest.body import BOILERPLATE, boilerplate_kind, byline_authors, is_heading, is_headline, parse_body
from tui.ingest.dates import date_line


def texts(body):
    return [(p["kind"], p["text"]) for p in body.paragraphs]


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("25 April 2023, 17:15", "2023-04-25"),
        ("March 31, 2024", "2024-03-31"),
        ("2024-03-31 10:00", "2024-03-31"),
        ("Tuesday, 25 April 2023", "2023-04-25"),
        ("Published: 31.03.2024", "2024-03-31"),
        ("17:15 | 03.04.2024", "2024-04-03"),
        ("Updated on Mar. 5, 2024 at 3:15 pm", "2024-03-05"),
        ("2024-03-31T10:00:00+05:00", "2024-03-31"),
        ("12th May 2023", "2023-05-12"),
    ],
)
def test_date_lines(line, iso):
    assert date_line(line) == iso


@pytest.mark.parametrize(
    "line",
    [
        "On 25 April 2023 the ministers met.",
        "The summit opened on March 30, 2024, in Xi’an.",
        "Distinguished officials gathered on March 30, 2024",
        "March 31",  # no year: not the publication date
        "2024",  # a year alone is not a date line
        "May 2024",
        "Comments (0)",
        "Monday 2023 mars",
        "Since 2023 April",  # "Since" is not a date word
    ],
)
def test_not_date_lines(line):
    assert date_line(line) is None


def test_headline_shapes():
    assert is_headline("Launch of Central Asia–China Secretariat takes place in Xi’an")
    assert is_headline("Will the corridor open next year?")
    assert not is_headline("This is a sentence that ends with a full stop.")
    assert not is_headline(" ".join(["word"] * 21))
    assert not is_headline("x" * 161)
    assert not is_headline("2024 / 15 / 33")


def test_heading_shapes():
    assert is_heading("Primary Responsibilities Outlined")
    assert is_heading("Significance of Secretariat's Establishment")
    assert is_heading("“Quoted” Section Title")
    assert not is_heading("A short sentence.")
    assert not is_heading("What happens next?")
    assert not is_heading("Key points:")
    assert not is_heading("lower-case fragment of a line")
    assert not is_heading("- a list item")
    assert not is_heading("— Attribution Name")
    assert not is_heading(" ".join(["Word"] * 13))
    assert not is_heading("12 345")


def test_plain_text_headline_date_and_body():
    body = parse_body("A Short Headline\n25 April 2023, 17:15\nFirst paragraph.\nA Heading\nSecond paragraph.\n")
    assert body.headline == "A Short Headline"
    assert body.published == "2023-04-25"
    assert texts(body) == [("para", "First paragraph."), ("heading", "A Heading"), ("para", "Second paragraph.")]


def test_first_line_with_full_stop_is_body_not_headline():
    body = parse_body("The ministers met in Astana.\nThey signed two agreements.\n")
    assert body.headline is None
    assert texts(body) == [("para", "The ministers met in Astana."), ("para", "They signed two agreements.")]


def test_single_line_is_body_not_headline():
    body = parse_body("Only one short line\n")
    assert body.headline is None
    assert texts(body) == [("heading", "Only one short line")]


def test_headline_not_looked_for_when_title_known():
    body = parse_body("Short Section Name\nBody text.\n", find_headline=False)
    assert body.headline is None
    assert texts(body) == [("heading", "Short Section Name"), ("para", "Body text.")]


def test_date_line_only_in_first_three_lines():
    body = parse_body("Headline Here\nBy Jane Doe\nA paragraph.\nMarch 31, 2024\nMore text.\n")
    assert (body.headline, body.authors, body.published) == ("Headline Here", ["Jane Doe"], None)
    assert texts(body) == [("para", "A paragraph."), ("para", "March 31, 2024"), ("para", "More text.")]


def test_date_line_first_is_not_a_headline():
    body = parse_body("31 March 2024\nFirst sentence here.\nSecond one.\n")
    assert (body.headline, body.published) == (None, "2024-03-31")
    assert texts(body) == [("para", "First sentence here."), ("para", "Second one.")]


def test_byline_first_is_not_a_headline():
    body = parse_body("By Aliya Example\nThe text begins here.\n")
    assert (body.headline, body.authors) == (None, ["Aliya Example"])


def test_bylines():
    assert byline_authors("By Jane Doe") == ["Jane Doe"]
    assert byline_authors("by Jane Doe, John Roe & Ann Example.") == ["Jane Doe", "John Roe", "Ann Example"]
    assert byline_authors("By the end of the year, trade doubled") is None
    assert byline_authors("By 2030") is None


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Follow Daryo's official Instagram and Twitter pages to keep current on world news.", "social follow"),
        ("Follow us on Telegram", "social follow"),
        ("Join our WhatsApp channel for updates", "social follow"),
        ("Comments (0)", "comments"),
        ("Comments [12]", "comments"),
        ("3 comments", "comments"),
        ("Leave a comment", "comments"),
        ("Back to top", "back to top"),
        ("↑ Back to top ↑".strip("↑ "), "back to top"),
        ("Sign up for our weekly newsletter", "sign up"),
        ("Subscribe to our newsletter", "social follow") if False else ("Subscribe to the daily digest", "subscribe"),
        ("Share this article", "share"),
        ("Share on Facebook Twitter Telegram", "share"),
        ("Read more: Another invented headline", "read more"),
        ("Read also — Another one", "read more"),
        ("Related articles", "read more"),
        ("You may also like these stories", "read more"),
        ("Advertisement", "advertisement"),
        ("2024 Example Media. All rights reserved.", "rights reserved"),
        ("© Example News Agency 2024", "copyright"),
        ("Copyright 2024 Example", "copyright"),
        ("Photo: Example Press Service", "media credit"),
        ("Photo credit: A. Photographer", "media credit"),
        ("Image by an invented agency", "media credit"),
        ("Tags: China, Central Asia", "tags"),
        ("Print", "print or email"),
        ("Next article", "previous or next"),
        ("If you find an error, select it and press Ctrl+Enter", "error report"),
        ("We use cookies to improve your experience", "cookies"),
        ("Download our app for the latest news", "app promo"),
        ("Click here to read the statement", "click here"),
        ("Loading...", "loading"),
    ],
)
def test_boilerplate_patterns(line, kind):
    assert boilerplate_kind(line) == kind


@pytest.mark.parametrize(
    "line",
    [
        "Followers of the talks expected a deal on Telegram-style messaging rules, and officials said that "
        "the regulation of Instagram, Twitter and Facebook in the region would be discussed at length next year.",
        "Subscribers to the gas pipeline consortium met in Ashgabat.",
        "Next year the corridor will carry twice as much freight.",
        "The photo exhibition opened in Bishkek.",
        "Comments from the ministry were not available.",
        "Sharing water resources remains a priority.",
        "Advertisement revenue fell.",
        "Printed copies of the agreement were distributed.",
    ],
)
def test_article_sentences_are_not_boilerplate(line):
    assert boilerplate_kind(line) is None


def test_boilerplate_list_is_data():
    assert all(isinstance(name, str) and isinstance(cap, int) for name, _, cap in BOILERPLATE)


def test_references_and_everything_after_dropped():
    body = parse_body("Text one.\nReference(s):\nAn invented source, 2023.\nAnother.\n")
    assert texts(body) == [("para", "Text one.")]
    assert "references" in body.dropped


def test_references_at_the_top_is_not_a_cut():
    body = parse_body("References\nText one.\n", find_headline=False)
    assert texts(body) == [("heading", "References"), ("para", "Text one.")]


def test_paragraph_spaces_collapsed_and_tabs():
    body = parse_body("A   sentence\twith   gaps.\n", find_headline=False)
    assert texts(body) == [("para", "A sentence with gaps.")]


def test_hard_wrapped_text_is_reflowed():
    text = (
        "The delegations met for two days to talk about the seasonal flow of\n"
        "a river that crosses both countries.\n"
        "\n"
        "Short Heading\n"
        "The group will report to the ministers, according to a statement\n"
        "released after the talks. It did not give a date.\n"
    )
    body = parse_body(text, find_headline=False)
    assert texts(body) == [
        ("para", "The delegations met for two days to talk about the seasonal flow of a river that crosses both countries."),
        ("heading", "Short Heading"),
        ("para", "The group will report to the ministers, according to a statement released after the talks. It did not give a date."),
    ]


def test_one_paragraph_per_line_is_not_reflowed():
    text = "First paragraph is a single long line. " * 4 + "\nSecond paragraph.\n\nThird paragraph.\n"
    body = parse_body(text, find_headline=False)
    assert [t for _, t in texts(body)] == [("First paragraph is a single long line. " * 4).strip(), "Second paragraph.", "Third paragraph."]


def test_markdown_headings_emphasis_links_rules_quotes_images():
    text = (
        "# The Title Line\n"
        "Intro with **bold**, *em*, `code` and a [link](https://example.org/x_(y)).\n"
        "![a picture](https://example.org/p.png)\n"
        "---\n"
        "## What next?\n"
        "> A quoted sentence.\n"
        "snake_case_word and 2*3*4 stay.\n"
    )
    body = parse_body(text, markdown=True)
    assert body.headline == "The Title Line"
    assert texts(body) == [
        ("para", "Intro with bold, em, code and a link."),
        ("heading", "What next?"),
        ("para", "A quoted sentence."),
        ("para", "snake_case_word and 2*3*4 stay."),
    ]


def test_markdown_heading_in_txt_but_no_emphasis_stripping():
    body = parse_body("Intro line.\n## Section\nKeep **stars** and [bold]markup[/].\n")
    assert texts(body) == [("para", "Intro line."), ("heading", "Section"), ("para", "Keep **stars** and [bold]markup[/].")]


def test_pathological_markdown_lines_finish():
    # Unbounded regexes are quadratic here; these must come back promptly.
    for line in ("[" * 200_000, "**a " * 50_000, "_a " * 60_000, "[a](" * 50_000):
        assert parse_body(line, markdown=True).paragraphs
