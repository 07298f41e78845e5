"""parse_source on the seed and on hand-written fixtures; ids, outlets, overrides."""

from pathlib import Path

import pytest

from tui.folding import slugify
from tui.ingest import SourceError, content_hash, make_id, parse_source, read_source
from tui.ingest.source import outlet_from_url

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "data" / "articles" / "daryo-2024-03-31-launch-of-central-asia-china-secretariat.txt"
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "ingest"


@pytest.fixture(scope="module")
def seed():
    return parse_source(read_source(SEED), path=str(SEED))


def test_seed_metadata(seed):
    assert seed["id"] == "daryo-2024-03-31-launch-of-central-asia-china-secretariat"
    assert seed["title"] == "Launch of Central Asia–China Secretariat takes place in Xi’an"
    assert seed["outlet"] == "Daryo"
    assert seed["url"] == "https://daryo.uz/en/2024/03/31/launch-of-central-asiachina-secretariat-takes-place-in-xian"
    assert seed["published"] == "2024-03-31"
    assert seed["authors"] == []
    assert seed["language"] == "en"
    assert seed["source_path"] == str(SEED)


def test_seed_paragraphs(seed):
    paragraphs = seed["paragraphs"]
    assert len(paragraphs) == 11
    assert [p["n"] for p in paragraphs] == list(range(1, 12))
    assert [(p["n"], p["text"]) for p in paragraphs if p["kind"] == "heading"] == [
        (2, "Congratulations from Prominent Figures"),
        (5, "Significance of Secretariat's Establishment"),
        (8, "Primary Responsibilities Outlined"),
    ]
    assert paragraphs[8]["text"].startswith("Sun Weidong outlined")
    assert paragraphs[0]["text"].startswith("Distinguished officials from China")
    assert paragraphs[-1]["text"].endswith("in the region's diplomatic landscape.")


def test_seed_boilerplate_dropped_but_raw_kept(seed):
    texts = " ".join(p["text"] for p in seed["paragraphs"])
    assert "Instagram" not in texts and "Comments (0)" not in texts
    assert seed["raw"].endswith("Comments (0)")
    assert seed["raw"].startswith("---\ntitle:")


def test_seed_content_hash_ignores_case_and_spacing(seed):
    assert len(seed["content_hash"]) == 64
    shouted = [dict(p, text="  " + p["text"].upper().replace(" ", "   ")) for p in seed["paragraphs"]]
    assert content_hash(shouted) == seed["content_hash"]


def test_same_body_different_front_matter_same_hash(seed):
    body = SEED.read_text(encoding="utf-8").split("---\n", 2)[2]
    bare = parse_source("---\ntitle: Other\n---\n" + body)
    assert bare["content_hash"] == seed["content_hash"]


def test_plain_text_headline_date_line_heading_boilerplate():
    path = FIXTURES / "plain_headline.txt"
    record = parse_source(read_source(path), path=str(path))
    assert record["title"] == "Ministers open a rail freight hub near Khorgos"
    assert record["published"] == "2023-04-25"
    assert record["id"] == "2023-04-25-ministers-open-a-rail-freight-hub"
    assert record["paragraphs"] == [
        {
            "n": 1,
            "kind": "para",
            "text": "Transport ministers of two neighbouring countries opened a new rail freight hub "
            "on Tuesday, a spokesperson for the organisers said.",
        },
        {"n": 2, "kind": "heading", "text": "What the Hub Will Handle"},
        {
            "n": 3,
            "kind": "para",
            "text": "The terminal is expected to handle grain, cotton and machine parts, "
            "with a first train scheduled for the following week.",
        },
        {"n": 4, "kind": "para", "text": "Officials said the schedule would be published online."},
    ]


def test_markdown_wrapped_byline_lists_references():
    path = FIXTURES / "wrapped.md"
    record = parse_source(read_source(path), path=str(path))
    assert record["title"] == "Delegations discuss water sharing in a mountain town"
    assert record["authors"] == ["Aliya Example", "Timur Sample"]
    assert record["published"] == "2024-03-31"
    assert record["paragraphs"] == [
        {
            "n": 1,
            "kind": "para",
            "text": "The delegations met for two days to talk about the seasonal flow of a river that "
            "crosses both countries, and agreed to meet again before the autumn harvest. "
            "A joint working group will draw up a data-sharing plan.",
        },
        {"n": 2, "kind": "heading", "text": "Next steps"},
        {
            "n": 3,
            "kind": "para",
            "text": "The group will report to the ministers, according to a statement released after the talks.",
        },
        {"n": 4, "kind": "para", "text": "- gauge stations on the upper river"},
        {"n": 5, "kind": "para", "text": "- a shared flood warning channel"},
    ]


def test_overrides_win_over_front_matter():
    text = "---\ntitle: Old title\noutlet: Old\npublished: 2020-01-01\nauthor: A\nlanguage: ru\n---\nBody text.\n"
    record = parse_source(
        text,
        overrides={
            "title": "New title",
            "outlet": "Example Wire",
            "url": "https://example.org/n",
            "published": "5 June 2023",
            "author": ["B One", "C Two"],
            "language": "English",
        },
    )
    assert (record["title"], record["outlet"], record["url"], record["published"]) == (
        "New title",
        "Example Wire",
        "https://example.org/n",
        "2023-06-05",
    )
    assert record["authors"] == ["B One", "C Two"]
    assert record["language"] == "en"
    assert record["id"] == "example-wire-2023-06-05-new-title"


def test_none_overrides_are_ignored():
    record = parse_source("---\ntitle: Kept\n---\nBody.\n", overrides={"title": None, "published": None})
    assert record["title"] == "Kept"


def test_bad_override_date_raises():
    with pytest.raises(SourceError) as info:
        parse_source("Body.\n", path="x.txt", overrides={"published": "the other day"})
    assert str(info.value) == "x.txt: --published: not a date: 'the other day'"


def test_front_matter_only_is_an_error():
    with pytest.raises(SourceError, match="no article text"):
        parse_source("---\ntitle: T\n---\n\n")


def test_boilerplate_only_is_an_error():
    with pytest.raises(SourceError, match="no article text"):
        parse_source("Comments (0)\nBack to top\n")


def test_headline_repeated_under_front_matter_title_is_dropped():
    record = parse_source("---\ntitle: Same Headline Here\n---\nSame headline here\nThe body sentence.\n")
    assert record["paragraphs"] == [{"n": 1, "kind": "para", "text": "The body sentence."}]


def test_outlet_from_url():
    assert outlet_from_url("https://daryo.uz/en/2024/03/31/x") == "Daryo"
    assert outlet_from_url("https://www.example.org/a") == "Example"
    assert outlet_from_url("https://news.example.co.uk/a") == "Example"
    assert outlet_from_url("https://english.news.cn/20240331/x.htm") == "Xinhua"
    assert outlet_from_url("http://127.0.0.1/x") is None
    assert outlet_from_url("not a url") is None
    assert outlet_from_url("http://0.a/x") is None
    assert outlet_from_url("example.org/page") == "Example"
    assert outlet_from_url(None) is None


def test_outlet_falls_back_to_url_host():
    record = parse_source("---\nurl: https://www.example.org/x\npublished: 2024-01-02\ntitle: T\n---\nBody.\n")
    assert (record["outlet"], record["id"]) == ("Example", "example-2024-01-02-t")


def test_make_id_parts_and_slugs():
    assert make_id("Daryo", "2024-03-31", "Launch of Central Asia–China Secretariat takes place in Xi’an") == (
        "daryo-2024-03-31-launch-of-central-asia-china-secretariat"
    )
    assert make_id(None, None, None) == "untitled"
    assert make_id("Daryo", None, None) == "daryo-untitled"
    assert make_id(None, "2024-01-02", "The Summit in Xi’an opens") == "2024-01-02-summit-in-xian-opens"
    assert make_id("Kun.uz", None, "Ташкент и Астана подписали соглашение") == (
        "kun-uz-tashkent-i-astana-podpisali-soglashenie"
    )
    assert make_id(None, None, "Çağdaş Özbek şəhərləri") == "cagdas-ozbek-seherleri"
    assert make_id(None, None, "“—”") == "untitled"  # nothing to spell


def test_ids_of_titles_in_other_scripts_can_be_typed():
    # Chinese, one word per character (six at most); Kazakh Cyrillic by our own table.
    assert make_id("Xinhua", "2024-05-18", "中国—中亚外长会晤在阿斯塔纳举行") == (
        "xinhua-2024-05-18-zhong-guo-zhong-ya-wai-zhang"
    )
    assert make_id(None, None, "中亚") == "zhong-ya"
    assert make_id("Kazinform", None, "Қазақстан мен Қытай") == "kazinform-qazaqstan-men-qytay"
    assert make_id(None, "2024-06-01", "서울 회담") == "2024-06-01-seoul-hoedam"
    assert make_id(None, None, "Ελλάδα και Κίνα") == "ellada-kai-kina"
    assert make_id(None, None, "ქართული") == "kartuli"
    assert make_id(None, None, "とうきょう") == "toukiyou"


def test_slugify_trims_stop_words_and_long_words():
    assert slugify("Talks of the", 6) == "talks"
    assert slugify("x" * 100) == "x" * 30


def test_render_source_round_trips_the_seed(seed):
    from tui.ingest.source import render_source

    again = parse_source(render_source(seed), path=str(SEED))
    for key in ("id", "title", "outlet", "url", "published", "authors", "language", "paragraphs", "content_hash"):
        assert again[key] == seed[key], key


def test_markdown_stripping_follows_the_suffix():
    text = "Intro with **bold** text.\n"
    assert parse_source(text, path="a.md")["paragraphs"][0]["text"] == "Intro with bold text."
    assert parse_source(text, path="a.txt")["paragraphs"][0]["text"] == "Intro with **bold** text."
    assert parse_source(text, markdown=True)["paragraphs"][0]["text"] == "Intro with bold text."


def test_hostile_title_and_body_are_stored_sanitized_and_literal():
    text = (
        "---\ntitle: \"[bold red]Injected[/] [Update] headline\x1b]0;owned\x07\"\n---\n"
        "Body with \x1b]52;c;ZXZpbA==\x07 and [link=https://example.org]x[/link] \u202eevil\u200b.\n"
    )
    record = parse_source(text)
    assert record["title"] == "[bold red]Injected[/] [Update] headline"
    assert record["paragraphs"] == [
        {"n": 1, "kind": "para", "text": "Body with and [link=https://example.org]x[/link] evil."}
    ]
    assert "\x1b" not in record["raw"] and "\x07" not in record["raw"]
