"""BibTeX, RIS, CSL-JSON, Markdown and the export formats; checked by their own parsers."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace

import bibtexparser
import pytest
import rispy
from bibtexparser.middlewares import LatexDecodingMiddleware
from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc.source.json import CiteProcJSON

from tests.cite_articles import ACCESSED, FOUR, ONE, SEED_TITLE, SEED_URL, THREE, TWO, article, seed
from tui.cite import EXPORT_FORMATS, UnknownStyle, format_citation, format_many

ALL = [seed(), ONE, TWO, THREE, FOUR]


def cite(a, style):
    return format_citation(a, style, accessed=ACCESSED)


# ---- BibTeX -----------------------------------------------------------------------

def test_seed_bibtex_exact():
    assert cite(seed(), "bibtex") == (
        "@article{daryo2024launch,\n"
        f"  title = {{{{{SEED_TITLE}}}}},\n"
        "  journaltitle = {Daryo},\n"
        "  date = {2024-03-31},\n"
        f"  url = {{{SEED_URL}}},\n"
        "  urldate = {2025-04-05},\n"
        "  langid = {english},\n"
        "  entrysubtype = {newspaper},\n"
        "}"
    )


def test_bibtex_escapes_latex_and_keeps_utf8():
    a = article(
        title="50% of #trade_flows cost $5 & {more} ~ ^ \\ here",
        authors=["Ərlan Qoşanov", "{Ernst & Young}"],
        outlet="A&B News",
    )
    out = cite(a, "bibtex")
    assert r"title = {{50\% of \#trade\_flows cost \$5 \& \{more\} \textasciitilde{} \textasciicircum{} \textbackslash{} here}}" in out
    assert r"author = {Qoşanov, Ərlan and {Ernst \& Young}}" in out
    assert r"journaltitle = {A\&B News}" in out
    assert out.startswith("@article{abnews2024tradeflows,")  # numbers and "of" make no key


def test_bibtex_parses_with_bibtexparser():
    text = format_many(ALL, "bibtex", accessed=ACCESSED)
    lib = bibtexparser.parse_string(text, append_middleware=[LatexDecodingMiddleware()])
    assert lib.failed_blocks == []
    assert [e.key for e in lib.entries] == [
        "daryo2024launch", "akipress2024kyrgyzstan", "astanatimes2024trade", "kunuz2024officials", "asiaplus2024water",
    ]
    by_key = {e.key: {f.key: f.value for f in e.fields} for e in lib.entries}
    assert all(lib.entries[i].entry_type == "article" for i in range(5))
    assert by_key["astanatimes2024trade"]["title"] == "Trade & transit: what the Middle Corridor means for Kazakhstan"
    assert by_key["kunuz2024officials"]["author"] == "Qoşanov, Ərlan and Wei, Zhang and Ismoilova, Dilnoza"
    assert by_key["daryo2024launch"]["entrysubtype"] == "newspaper"
    assert "author" not in by_key["daryo2024launch"]
    assert by_key["asiaplus2024water"]["urldate"] == "2025-04-05"


def test_bibtex_without_date_or_url():
    out = cite(replace(seed(), published=None, url=None), "bibtex")
    assert out.startswith("@article{daryondlaunch,")
    assert "date =" not in out and "url" not in out


# ---- RIS --------------------------------------------------------------------------

def test_ris_exact_and_parses_with_rispy():
    assert cite(TWO, "ris") == "\n".join([
        "TY  - NEWS",
        "AU  - Seitkali, Aigerim",
        "AU  - Smith, John",
        "TI  - Trade & transit: what the Middle Corridor means for Kazakhstan",
        "T2  - The Astana Times",
        "PY  - 2024",
        "DA  - 2024/06/15",
        "UR  - https://astanatimes.com/2024/06/trade-transit/",
        "Y2  - 2025/04/05",
        "LA  - en",
        "ER  - ",
    ])
    records = rispy.loads(format_many(ALL, "ris", accessed=ACCESSED))
    assert len(records) == 5
    assert records[0]["type_of_reference"] == "NEWS" and "authors" not in records[0]
    assert records[3]["authors"] == ["Qoşanov, Ərlan", "Wei, Zhang", "Ismoilova, Dilnoza"]
    assert records[0]["urls"] == [SEED_URL] and records[0]["date"] == "2024/03/31"


# ---- CSL-JSON -----------------------------------------------------------------------

def test_csl_json_item():
    [item] = json.loads(cite(THREE, "csl-json"))
    assert item == {
        "id": "kunuz2024officials",
        "type": "article-newspaper",
        "title": "Officials call the “Silk Road” plan a success",
        "container-title": "Kun.uz",
        "author": [
            {"family": "Qoşanov", "given": "Ərlan"},
            {"family": "Wei", "given": "Zhang"},
            {"family": "Ismoilova", "given": "Dilnoza"},
        ],
        "issued": {"date-parts": [[2024, 7, 1]]},
        "accessed": {"date-parts": [[2025, 4, 5]]},
        "URL": "https://kun.uz/en/news/2024/07/01/silk",
        "language": "en",
    }
    [org] = json.loads(cite(replace(seed(), authors=["{Xinhua News Agency}"]), "csl-json"))
    assert org["author"] == [{"literal": "Xinhua News Agency"}]


def test_csl_json_renders_in_citeproc():
    data = json.loads(format_many(ALL, "csl-json", accessed=ACCESSED))
    bib = CitationStylesBibliography(
        CitationStylesStyle("harvard-cite-them-right", validate=False), CiteProcJSON(data), formatter.plain
    )
    for d in data:
        bib.register(Citation([CitationItem(d["id"])]))
    rendered = [str(entry) for entry in bib.bibliography()]
    assert len(rendered) == 5
    assert any(r.startswith("Seitkali, A. and Smith, J. (2024)") for r in rendered)
    assert any("Launch of Central Asia–China Secretariat takes place in Xi’an" in r for r in rendered)


# ---- Markdown -------------------------------------------------------------------------

def test_markdown():
    assert cite(seed(), "markdown") == f"[{SEED_TITLE}]({SEED_URL}) — Daryo, 31 March 2024"
    assert cite(TWO, "markdown") == (
        "[Trade & transit: what the Middle Corridor means for Kazakhstan](https://astanatimes.com/2024/06/trade-transit/)"
        " — Aigerim Seitkali and John Smith, The Astana Times, 15 June 2024"
    )
    assert cite(THREE, "markdown").endswith(" — Ərlan Qoşanov et al., Kun.uz, 1 July 2024")
    odd = article(title="[Update] *big* <b>news</b>", url="https://x.test/a (b)", authors=[], published=None)
    assert cite(odd, "markdown") == r"[\[Update\] \*big\* \<b\>news\</b\>](https://x.test/a%20%28b%29) — AKIpress"
    assert cite(replace(odd, url=None, outlet=None), "markdown") == r"\[Update\] \*big\* \<b\>news\</b\>"


# ---- format_many ------------------------------------------------------------------------

TWO_ARTICLES = [seed(), TWO]


@pytest.mark.parametrize("fmt", EXPORT_FORMATS)
def test_export_of_two_articles_gives_two_entries(fmt):
    out = format_many(TWO_ARTICLES, fmt, accessed=ACCESSED)
    assert out.endswith("\n")
    if fmt == "bibtex":
        assert len(bibtexparser.parse_string(out).entries) == 2
    elif fmt == "ris":
        assert len(rispy.loads(out)) == 2
    elif fmt in ("csl-json", "json"):
        assert len(json.loads(out)) == 2
    elif fmt == "markdown":
        assert out.count("\n- ") + out.startswith("- ") == 2 and len(out.splitlines()) == 2
    elif fmt == "csv":
        assert len(list(csv.DictReader(io.StringIO(out)))) == 2
    else:  # a prose style's reference list: its heading, then one entry a line
        heading, *lines = out.splitlines()
        assert heading in ("References", "Works Cited", "Bibliography", "Notes") and len(lines) == 2


def test_export_json_and_csv_metadata():
    rows = json.loads(format_many(TWO_ARTICLES, "json"))
    assert rows[1] == {
        "id": "a2",
        "key": "astanatimes2024trade",
        "title": "Trade & transit: what the Middle Corridor means for Kazakhstan",
        "outlet": "The Astana Times",
        "url": "https://astanatimes.com/2024/06/trade-transit/",
        "published": "2024-06-15",
        "authors": ["Aigerim Seitkali", "Smith, John"],
        "language": "en",
    }
    out = format_many([TWO, article(id="=cmd", title="=HYPERLINK(1)", authors=["-Evil"])], "csv")
    lines = out.splitlines()
    assert lines[0] == "id,key,title,outlet,url,published,authors,language"
    assert lines[1] == (
        "a2,astanatimes2024trade,Trade & transit: what the Middle Corridor means for Kazakhstan,"
        "The Astana Times,https://astanatimes.com/2024/06/trade-transit/,2024-06-15,Aigerim Seitkali; Smith, John,en"
        .replace("Aigerim Seitkali; Smith, John", '"Aigerim Seitkali; Smith, John"')
    )
    row = list(csv.DictReader(io.StringIO(out)))[1]
    assert row["id"] == "'=cmd" and row["title"] == "'=HYPERLINK(1)" and row["authors"] == "'-Evil"


def test_export_keys_deduplicate_across_the_batch():
    out = format_many([seed(), replace(seed(), id="zz-other")], "csl-json")
    assert [i["id"] for i in json.loads(out)] == ["daryo2024launch", "daryo2024launcha"]


def test_export_empty_and_unknown_format():
    assert format_many([], "bibtex") == ""
    assert format_many([], "csl-json") == "[]\n"
    assert format_many([], "csv") == "id,key,title,outlet,url,published,authors,language\n"
    with pytest.raises(UnknownStyle, match="unknown export format 'docx'"):
        format_many([seed()], "docx")


# ---- URLs that are not web addresses ------------------------------------------------

HOSTILE_URLS = [
    "javascript:alert(document.cookie)",
    "JavaScript:alert(1)",
    "  javascript:alert(1)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "vbscript:msgbox(1)",
    "file:///etc/passwd",
]


@pytest.mark.parametrize("url", HOSTILE_URLS)
def test_a_non_web_url_is_never_a_link_nor_cited(url):
    odd = article(url=url)
    expected_md = "Kyrgyzstan and China sign a deal on the railway — Jeenbek Kulubayev, AKIpress, 2 May 2024"
    assert cite(odd, "markdown") == expected_md
    assert format_many([odd], "markdown") == f"- {expected_md}\n"
    quote = format_quotation_md(odd)
    assert quote.endswith(f"> — {expected_md}")
    # No style or bibliography format carries it as the article's address.
    scheme = url.strip().split(":")[0].lower()
    for style in ("apa", "mla", "chicago", "chicago-note", "chicago-ad", "bibtex", "ris", "csl-json", "markdown"):
        assert f"{scheme}:" not in cite(odd, style).lower(), style
    for fmt in ("bibtex", "ris", "csl-json", "markdown"):
        assert f"{scheme}:" not in format_many([odd], fmt).lower(), fmt
    assert cite(odd, "apa") == "Kulubayev, J. (2024, May 2). Kyrgyzstan and China sign a deal on the railway. AKIpress."


def format_quotation_md(a):
    from tui.cite import format_quotation

    return format_quotation(a, 1, "markdown", accessed=ACCESSED)


def test_only_http_and_https_become_links():
    assert cite(article(url="http://akipress.com/a"), "markdown").startswith("[Kyrgyzstan and China sign a deal on the railway](http://akipress.com/a) — ")
    assert cite(article(url="HTTPS://akipress.com/a"), "markdown").startswith("[Kyrgyzstan and China sign a deal on the railway](HTTPS://akipress.com/a) — ")
    # Written without a scheme: printed as text where a style prints the address, never linked.
    bare = article(url="akipress.com/news/1")
    assert cite(bare, "markdown") == "Kyrgyzstan and China sign a deal on the railway — Jeenbek Kulubayev, AKIpress, 2 May 2024"
    assert cite(bare, "apa").endswith(" AKIpress. akipress.com/news/1")
    assert not cite(article(url="https:///nohost"), "markdown").startswith("[")


def test_metadata_exports_keep_the_stored_url_as_data():
    odd = article(url="javascript:alert(1)")
    assert json.loads(format_many([odd], "json"))[0]["url"] == "javascript:alert(1)"
    assert next(csv.DictReader(io.StringIO(format_many([odd], "csv"))))["url"] == "javascript:alert(1)"
