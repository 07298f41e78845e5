"""The strict front matter parser."""

import pytest

from tui.ingest.errors import SourceError
from tui.ingest.frontmatter import split_front_matter


def fm(block: str):
    meta, _ = split_front_matter("---\n" + block + "---\nBody text here.\n", "a.txt")
    return meta


def test_no_front_matter_returns_text_unchanged():
    assert split_front_matter("Just a body.\n") == (None, "Just a body.\n")


def test_all_fields_and_body_split():
    meta, body = split_front_matter(
        "---\ntitle: A plain title\noutlet: Example Wire\nurl: https://example.org/a#frag\n"
        "published: 31 March 2024\nauthor: Jane Doe\nlanguage: EN\n---\nBody.\n"
    )
    assert (meta.title, meta.outlet, meta.url, meta.published, meta.authors, meta.language) == (
        "A plain title",
        "Example Wire",
        "https://example.org/a#frag",
        "2024-03-31",
        ["Jane Doe"],
        "en",
    )
    assert body == "Body.\n"


def test_double_and_single_quoted_values():
    assert fm('title: "Say \\"hi\\": it’s here"\n').title == 'Say "hi": it’s here'
    assert fm("title: 'It''s a: title' # comment\n").title == "It's a: title"


def test_hash_inside_unquoted_value_is_not_a_comment_without_space():
    assert fm("title: Issue #5 of the bulletin # trailing comment\n").title == "Issue #5 of the bulletin"


def test_author_block_list():
    assert fm("author:\n  - Jane Doe\n  - \"Roe, John\"\n").authors == ["Jane Doe", "Roe, John"]


def test_author_inline_list_with_quoted_comma():
    assert fm("authors: [Jane Doe, 'Roe, John', \"Ann Example\"]\n").authors == [
        "Jane Doe",
        "Roe, John",
        "Ann Example",
    ]


def test_single_author_with_and_is_one_author():
    assert fm("author: Jane Doe and John Roe\n").authors == ["Jane Doe and John Roe"]


def test_aliases_and_unknown_keys_kept_in_extra():
    meta = fm("date: 2023-05-19\nlang: ru\ntags: [a, b]\nsource_id: 42\n")
    assert (meta.published, meta.language) == ("2023-05-19", "ru")
    assert meta.extra == {"tags": ["a", "b"], "source_id": "42"}


def test_empty_values_are_none_and_comments_blank_lines_allowed():
    meta = fm("# a comment\n\ntitle:\noutlet: \"\"\n")
    assert (meta.title, meta.outlet) == (None, None)


def test_dots_close_the_block_too():
    meta, body = split_front_matter("---\ntitle: T\n...\nBody.\n")
    assert (meta.title, body) == ("T", "Body.\n")


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("---\ntitle: T\nBody never closed.\n", "front matter opened on line 1 is never closed with '---'"),
        ("---\ntitle T\n---\nb\n", "front matter line 2: expected 'key: value', got 'title T'"),
        ("---\ntitle: A\ntitle: B\n---\nb\n", "front matter line 3: duplicate key 'title'"),
        ("---\ntitle: \"open\n---\nb\n", "front matter line 2: unclosed \" quote"),
        ("---\ntitle: \"A\" B\n---\nb\n", "front matter line 2: unexpected text after the closing quote"),
        ("---\n- stray\n---\nb\n", "front matter line 2: list item without a key above it"),
        ("---\npublished: someday soon\n---\nb\n", "front matter 'published': not a date: 'someday soon'"),
        ("---\npublished: 2024-02-30\n---\nb\n", "front matter 'published': not a valid date: '2024-02-30'"),
        ("---\npublished: March 31\n---\nb\n", "front matter 'published': date has no year: 'March 31'"),
        ("---\ntitle: [A, B]\n---\nb\n", "front matter 'title' takes one value, got a list"),
    ],
)
def test_bad_blocks_raise_one_line_source_error(text, reason):
    with pytest.raises(SourceError) as info:
        split_front_matter(text, "bad.txt")
    assert info.value.reason == reason
    assert str(info.value) == f"bad.txt: {reason}"
    assert "\n" not in str(info.value)


def test_published_partial_date_defaults_to_first_day():
    assert fm("published: May 2023\n").published == "2023-05-01"


def test_published_dotted_date_is_day_first():
    assert fm("published: 03.04.2024\n").published == "2024-04-03"
