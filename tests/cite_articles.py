"""Articles for the citation tests: the seed and project-written variants."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from tui.library import codec
from tui.records import Article

SEED_URL = "https://daryo.uz/en/2024/03/31/launch-of-central-asiachina-secretariat-takes-place-in-xian"
SEED_TITLE = "Launch of Central Asia–China Secretariat takes place in Xi’an"
ACCESSED = date(2025, 4, 5)
SEED_FILE = Path(__file__).resolve().parent.parent / "data" / "articles" / "daryo-2024-03-31-launch-of-central-asia-china-secretariat.txt"


def seed_paragraphs() -> list[dict]:
    """The seed's body as the store numbers it: headings count, boilerplate dropped."""
    text = SEED_FILE.read_text(encoding="utf-8")
    body = text.split("---\n", 2)[2].splitlines()[:-2]  # last two lines: site boilerplate
    return [
        {"n": i, "kind": "para" if line.rstrip().endswith(".") else "heading", "text": line}
        for i, line in enumerate((line for line in body if line.strip()), 1)
    ]


def seed() -> Article:
    return codec.article({
        "id": "daryo-2024-03-31-launch",
        "title": SEED_TITLE,
        "outlet": "Daryo",
        "url": SEED_URL,
        "published": "2024-03-31",
        "authors": [],
        "language": "en",
        "paragraphs": seed_paragraphs(),
    })


def article(**fields) -> Article:
    base = {
        "id": "a1",
        "title": "Kyrgyzstan and China sign a deal on the railway",
        "outlet": "AKIpress",
        "url": "https://akipress.com/news:1/",
        "published": "2024-05-02",
        "authors": ["Jeenbek Kulubayev"],
        "language": "en",
        "paragraphs": [
            {"n": 1, "kind": "para", "text": "The deal was signed in Bishkek. It covers freight."},
            {"n": 2, "kind": "heading", "text": "What comes next"},
            {"n": 3, "kind": "para", "text": "Officials called it “historic” and said work starts in 2025."},
        ],
    }
    base.update(fields)
    return codec.article(base)


ONE = article()
TWO = article(
    id="a2",
    title="Trade & transit: what the Middle Corridor means for Kazakhstan",
    outlet="The Astana Times",
    url="https://astanatimes.com/2024/06/trade-transit/",
    published="2024-06-15",
    authors=["Aigerim Seitkali", "Smith, John"],
)
THREE = article(
    id="a3",
    title="Officials call the “Silk Road” plan a success",
    outlet="Kun.uz",
    url="https://kun.uz/en/news/2024/07/01/silk",
    published="2024-07-01",
    authors=["Ərlan Qoşanov", "Zhang Wei", "Dilnoza Ismoilova"],
)
FOUR = article(
    id="a4",
    title="Water talks resume",
    outlet="Asia-Plus",
    url="https://asiaplustj.info/en/news/1",
    published="2024-09-10",
    authors=["Ann Lee", "Bob Roy", "Cy Dunn", "Di Ott"],
)
