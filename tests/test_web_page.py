"""Saved pages: metadata from the page, main text without the furniture."""

from __future__ import annotations

import json
import socket
from pathlib import Path

import pytest

from benchmarks.web_extract.score import score_page, suite_f1
from tui.ingest import SourceError
from tui.ingest.html import extract_page
from tui.ingest.html.complete import paragraphize
from tui.ingest.html.meta import strip_site_name, url_date
from tui.ingest.html.page import parse_html
from tui.ingest.html.prune import prune
from tui.ingest.html.record import parse_page

WEB = Path(__file__).parent / "fixtures" / "web"
DEV = sorted(WEB.glob("dev/*.html"))
HELD_OUT = sorted(WEB.glob("heldout/*.html"))
ALL = DEV + HELD_OUT
FIELDS = ("title", "outlet", "published", "authors", "url", "language")


def gold(page: Path) -> tuple[str, dict]:
    return page.with_suffix(".txt").read_text(encoding="utf-8"), json.loads(page.with_suffix(".json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("page", ALL, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_metadata_is_what_the_page_says(page):
    _, expected = gold(page)
    meta = extract_page(page.read_bytes()).meta
    assert {f: getattr(meta, f) for f in FIELDS} == expected


@pytest.mark.parametrize("page", ALL, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_body_matches_the_gold_text(page):
    text, _ = gold(page)
    blocks = extract_page(page.read_bytes()).blocks
    assert score_page(text, "\n".join(b.text for b in blocks)).f1 >= 0.95


@pytest.mark.parametrize("pages", [DEV, HELD_OUT], ids=["dev", "heldout"])
def test_suite_scores_above_the_bar(pages):
    scores = [score_page(gold(p)[0], "\n".join(b.text for b in extract_page(p.read_bytes()).blocks)) for p in pages]
    assert suite_f1(scores)[2] >= 0.97
    assert min(s.f1 for s in scores) >= 0.9


def test_headings_stay_headings():
    blocks = extract_page((WEB / "dev" / "gazeta-lead.html").read_bytes()).blocks
    assert [b.text for b in blocks if b.kind == "heading"] == ["Локализация и экспорт"]
    # The lead above the body is kept, first.
    assert blocks[0].text.startswith("Завод в Джизакской области будет выпускать")


def test_nothing_is_fetched(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("extraction tried to reach the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    for page in DEV:
        assert extract_page(page.read_bytes(), url="https://example.org/2024/01/02/x").blocks


@pytest.mark.parametrize(
    ("title", "sites", "headline", "expected"),
    [
        ("Ministers meet in Astana | Kazinform", ["Kazinform"], None, "Ministers meet in Astana"),
        ("Flights to Chengdu - Daryo.uz", ["Daryo"], None, "Flights to Chengdu"),
        ("Talks held-Xinhua", ["Xinhua"], None, "Talks held"),
        ("The Astana Times – Council meets in June", ["The Astana Times"], None, "Council meets in June"),
        ("Kazakhstan - China talks", ["Kazinform"], None, "Kazakhstan - China talks"),
        ("中国—中亚外长会晤-新华网", [], "中国—中亚外长会晤", "中国—中亚外长会晤"),
        ("Meeting of ministers :: Ministry of Foreign Affairs", [], None, "Meeting of ministers"),
        ("China-Central Asia trade hits record - Global Times", ["Global Times"], None, "China-Central Asia trade hits record"),
    ],
)
def test_site_name_is_cut_from_the_title(title, sites, headline, expected):
    assert strip_site_name(title, sites, headline) == expected


def test_url_dates():
    assert url_date("https://akipress.com/news:2024/03/14/deal/") == "2024-03-14"
    assert url_date("https://english.news.cn/20241121/a7d2e9/c.html") == "2024-11-21"
    assert url_date("https://news.cgtn.com/news/2024-05-20/x.html") == "2024-05-20"
    assert url_date("https://example.org/id/20249999") is None
    assert url_date("https://example.org/story/12345") is None


PAGE = """<!DOCTYPE html><html lang="ru"><head>{head}<title>Заголовок новости</title></head><body>
<div class="content"><h1>Заголовок новости</h1>
<p>Министры иностранных дел Казахстана и Китая провели переговоры в Астане и обсудили транзит грузов.</p>
<p>Стороны договорились увеличить число контейнерных поездов через пограничный переход Хоргос.</p>
</div></body></html>"""


def test_charset_declared_in_the_page_and_a_wrong_label_on_utf8():
    legacy = PAGE.format(head='<meta charset="windows-1251">').encode("cp1251")
    page = extract_page(legacy)
    assert page.meta.title == "Заголовок новости"
    assert page.blocks[0].text.startswith("Министры иностранных дел")
    mislabeled = PAGE.format(head='<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">').encode("utf-8")
    assert extract_page(mislabeled).blocks[0].text.startswith("Министры иностранных дел")


def test_a_container_named_like_furniture_but_holding_the_article_is_kept():
    prose = "".join(f"<p>Paragraph {i} of the article says something long enough to count as prose here.</p>" for i in range(6))
    tree = parse_html(f"<html><body><div class='post-share-wrapper'>{prose}</div>"
                      "<div class='share-bar'><a>Facebook</a><a>Telegram</a></div></body></html>")
    prune(tree)
    assert len(tree.xpath("//p")) == 6
    assert not tree.xpath("//*[@class='share-bar']")


def test_br_separated_text_becomes_paragraphs():
    tree = parse_html("<html><body><div class='detail_text'>First paragraph of the story, long enough.<br><br>"
                      "Second one with <b>bold</b> words in it.<br><br><b>Read also:</b> <a href='#'>Other</a></div></body></html>")
    paragraphize(tree)
    assert [" ".join(p.text_content().split()) for p in tree.xpath("//div/p")] == [
        "First paragraph of the story, long enough.",
        "Second one with bold words in it.",
        "Read also: Other",
    ]


def test_a_page_without_article_text_is_refused():
    with pytest.raises(SourceError) as info:
        parse_page(b"<!DOCTYPE html><html><head><title>Home</title></head><body><nav><a href='/'>Home</a></nav></body></html>",
                   path="home.html")
    assert str(info.value) == "home.html: no article text found in the page"


def test_when_the_extractor_finds_nothing_the_densest_block_is_taken(monkeypatch):
    import tui.ingest.html.page as page_module

    monkeypatch.setattr(page_module, "extract_blocks", lambda *a, **k: [])
    blocks = extract_page((WEB / "dev" / "daryo-content-ads.html").read_bytes()).blocks
    text, _ = gold(WEB / "dev" / "daryo-content-ads.html")
    assert score_page(text, "\n".join(b.text for b in blocks)).f1 >= 0.9


def test_chrome_lines_in_the_region_s_languages_are_dropped():
    from tui.ingest.html.blocks import Block
    from tui.ingest.html.clean import clean_blocks

    kept = "Министры обсудили транзит грузов через Хоргос и новые маршруты в Европу."
    lines = [
        kept,
        "Подписывайтесь на наш Telegram-канал, чтобы первыми узнавать главные новости",
        "Читайте также: В Казахстане начался сезон полива",
        "Related: Kazakhstan: Transit boom strains border crossings",
        "Trains at the Dostyk border station. Photo: Almaz Kumenov",
        "File photo shows a view of Dushanbe. (Xinhua/Li Ming)",
        "【责任编辑：李静】",
        "The views expressed in this article are the author's own.",
    ]
    assert [b.text for b in clean_blocks([Block("para", t) for t in lines])] == [kept]


def test_json_ld_graph_gives_the_page_address():
    from tui.ingest.html.jsonld import read_linked_data

    tree = parse_html(
        '<html><head><script type="application/ld+json">{"@graph":[{"@type":"WebPage","@id":"https://x.example/a.html",'
        '"url":"https://x.example/a.html"},{"@type":"NewsArticle","@id":"https://x.example/a.html#article",'
        '"isPartOf":{"@id":"https://x.example/a.html"},"headline":"H","author":{"@type":"Organization","name":"X"}}]}'
        "</script></head><body></body></html>"
    )
    ld = read_linked_data(tree)
    assert (ld.url, ld.headline, ld.authors) == ("https://x.example/a.html", "H", [])


def test_linked_body_judges_only_between_agreeing_paragraphs():
    from tui.ingest.html.blocks import Block
    from tui.ingest.html.clean import agree_with_linked_body

    real = [f"Paragraph {i} tells the reader about the talks on water sharing between the two neighbouring states." for i in range(6)]
    promo = "Want stories like this every morning? Join forty thousand readers of our briefing today."
    tail = "The last paragraph of the story was cut from the structured data by the site itself, as many sites do."
    blocks = [Block("para", t) for t in real[:3] + [promo] + real[3:] + [tail]]
    kept = [b.text for b in agree_with_linked_body(blocks, " ".join(real))]
    assert kept == real + [tail]


def test_sentences_that_merely_start_like_chrome_stay():
    from tui.ingest.html.blocks import Block
    from tui.ingest.html.clean import clean_blocks

    lines = [
        "Tagging of migratory birds began in the Altyn-Emel park on Monday with help from Chinese scientists.",
        "По теме переговоров стороны не сделали заявлений для прессы, сообщил источник в министерстве.",
        "The ministry published the image: a map of the new route from Kashgar to Andijan.",
    ]
    assert [b.text for b in clean_blocks([Block("para", t) for t in lines])] == lines


def test_a_page_wrapped_in_one_form_keeps_its_article():
    prose = "".join(f"<p>Paragraph {i} of the ministry's statement on the consultations held in Astana this week.</p>" for i in range(5))
    html = (f"<!DOCTYPE html><html><head><title>Statement</title></head><body><form id='aspnetForm' action='/x'>"
            f"<div class='menu'><a href='/'>Home</a></div><div id='ctl00_content'><h1>Statement</h1>{prose}</div>"
            f"<input type='hidden' name='__VIEWSTATE' value='abc'></form></body></html>")
    blocks = extract_page(html.encode()).blocks
    assert [b.text[:11] for b in blocks] == ["Paragraph 0", "Paragraph 1", "Paragraph 2", "Paragraph 3", "Paragraph 4"]


def test_a_body_split_around_a_gallery_is_joined_but_layout_rows_are_not():
    from tui.ingest.html.blocks import Block
    from tui.ingest.html.complete import complete_blocks

    first = [f"Article paragraph {i} about the new border crossing opened between the two countries." for i in range(2)]
    second = [f"Article paragraph {i} after the gallery, still about the crossing and its traffic." for i in range(2, 4)]

    def page(cls: str):
        chunk = lambda texts: f"<div class='{cls}'>" + "".join(f"<p>{t}</p>" for t in texts) + "</div>"
        return parse_html(f"<html><body><h1>Crossing</h1><div class='news'>{chunk(first)}"
                          f"<div class='gallery'><img src='a.jpg'></div>{chunk(second)}</div></body></html>")

    kept = [Block("para", t) for t in first]
    assert [b.text for b in complete_blocks(page("text"), kept)] == first + second
    assert [b.text for b in complete_blocks(page("row"), kept)] == first
