"""Small article pages and feeds written for the web tests (our own text, real sites' shapes)."""

from __future__ import annotations

HTML = {"Content-Type": "text/html; charset=utf-8"}


def article_page(title: str, paragraphs: list[str], *, canonical: str | None = None,
                 published: str = "2024-06-03T10:00:00+05:00", site: str = "Steppe Wire") -> bytes:
    """A news page in the shape CMSs write: meta tags, a menu, an <article>, a footer."""
    link = f'<link rel="canonical" href="{canonical}">' if canonical else ""
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        f"<title>{title} | {site}</title>"
        f"<meta property='og:title' content='{title}'><meta property='og:site_name' content='{site}'>"
        f"<meta property='article:published_time' content='{published}'>{link}</head><body>"
        "<nav><ul><li><a href='/'>Home</a></li><li><a href='/politics'>Politics</a></li></ul></nav>"
        f"<article><h1>{title}</h1>{body}</article>"
        "<footer><p>© Steppe Wire. All rights reserved.</p></footer></body></html>"
    ).encode("utf-8")


TRANSIT = article_page(
    "Kazakhstan and China open a second rail crossing at Khorgos",
    [
        "Kazakhstan and China opened a second rail crossing at Khorgos on Monday, doubling the number of "
        "container trains the border station can handle each day.",
        "Transport Minister Marat Karabayev said the new line would carry grain and metals east and "
        "consumer goods west, and that customs checks would take less than an hour.",
        "Officials from both countries said the crossing was part of a plan to lift rail freight between "
        "them to thirty million tonnes a year by 2030.",
    ],
)

WATER = article_page(
    "Kyrgyzstan and Uzbekistan agree on summer water releases",
    [
        "Kyrgyzstan and Uzbekistan agreed on Tuesday how much water the Toktogul reservoir will release "
        "during the summer irrigation season.",
        "The energy ministers of the two countries signed the protocol in Bishkek after two days of talks, "
        "and said a joint commission would meet again in September.",
        "Farmers in the Fergana Valley depend on the releases for cotton and wheat, the ministry said.",
    ],
    published="2024-06-04T09:30:00+06:00",
)
