"""Property tests: sanitize is idempotent and clean; parsing never crashes."""

import string

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tui.ingest import SourceError, parse_source, sanitize, sanitize_line

# Characters that make parsing interesting: escapes, controls, bidi, markup,
# front matter fences, dates, boilerplate words.
_ALPHABET = st.one_of(
    st.characters(),
    st.sampled_from(list("\x1b\x07\x9b\x9d\x9c\r\n\t[]-:#\"'`*_>!()\u200b\u202e\u0301\u00ad\u2028")),
    st.sampled_from(list(string.ascii_letters + string.digits + " .,")),
)
_PIECES = st.sampled_from(
    [
        "---\n",
        "title: ",
        "published: ",
        "author:\n  - ",
        "\n",
        "\n\n",
        "25 April 2023, 17:15\n",
        "# ",
        "Comments (0)\n",
        "References:\n",
        "By Jane Doe\n",
        "\x1b]52;c;QUJD\x07",
        "\x1b[31m",
        "[bold]x[/]",
        "Ministers met in Astana on Monday.\n",
        "Short Heading\n",
    ]
)
texts = st.lists(st.one_of(st.text(_ALPHABET, max_size=40), _PIECES), max_size=25).map("".join)

_FORBIDDEN = set(chr(c) for c in range(0x20) if c not in (9, 10)) | set(chr(c) for c in range(0x7F, 0xA0))
_FORBIDDEN |= set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c\u200b\u200c\u200d\u2060\ufeff")


@given(st.text(_ALPHABET))
@settings(max_examples=500)
def test_sanitize_is_idempotent_and_clean(text):
    once = sanitize(text)
    assert sanitize(once) == once
    assert not (set(once) & _FORBIDDEN)


@given(st.text(_ALPHABET))
def test_sanitize_line_is_one_line(text):
    line = sanitize_line(text)
    assert "\n" not in line and "\t" not in line
    assert sanitize_line(line) == line


@given(texts, st.sampled_from([None, "a.txt", "b.md"]))
@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow])
def test_parse_source_only_raises_source_error(text, path):
    try:
        record = parse_source(text, path=path)
    except SourceError as err:
        assert "\n" not in str(err)
        return
    assert record["paragraphs"]
    assert [p["n"] for p in record["paragraphs"]] == list(range(1, len(record["paragraphs"]) + 1))
    for p in record["paragraphs"]:
        assert p["kind"] in ("heading", "para")
        assert p["text"] and p["text"] == p["text"].strip()
        assert not (set(p["text"]) & _FORBIDDEN)
        assert "\n" not in p["text"]
    for key in ("title", "outlet", "url"):
        assert record[key] is None or (record[key] and "\n" not in record[key])
    assert record["id"] and set(record["id"]) <= set(string.ascii_lowercase + string.digits + "-")


@given(texts)
@settings(max_examples=200)
def test_parse_source_with_arbitrary_overrides(text):
    try:
        parse_source("Body line.\n" + text, overrides={"title": text, "published": text[:20] or None})
    except SourceError:
        pass


_meta_text = st.text(_ALPHABET, max_size=30)


@given(
    title=_meta_text,
    outlet=_meta_text,
    url=_meta_text,
    published=st.one_of(st.none(), st.dates().map(lambda d: d.isoformat())),
    authors=st.lists(_meta_text, max_size=3),
    language=_meta_text,
)
@settings(max_examples=300)
def test_render_source_round_trips_metadata(title, outlet, url, published, authors, language):
    from tui.ingest.source import outlet_from_url, render_source

    record = {
        "title": sanitize_line(title) or None,
        "outlet": sanitize_line(outlet) or None,
        "url": sanitize_line(url) or None,
        "published": published if published and published >= "1000" else None,
        "authors": [a for a in (sanitize_line(x) for x in authors) if a],
        "language": (sanitize_line(language).lower() or None),
        "paragraphs": [{"n": 1, "kind": "para", "text": "A body sentence."}],
    }
    again = parse_source(render_source(record))
    for key in ("title", "url", "published", "authors"):
        assert again[key] == record[key], key
    # No outlet: the one the URL implies.
    assert again["outlet"] == (record["outlet"] or outlet_from_url(record["url"]))
