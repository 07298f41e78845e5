"""Blocks that survive extraction but are not article text."""

from __future__ import annotations

import re

from tui.ingest.body import boilerplate_kind, byline_authors
from tui.ingest.dates import date_line
from tui.ingest.html.blocks import Block, norm

# Lines that are page chrome in the languages of the region (the text-file
# patterns in ``tui.ingest.body`` cover English).
WEB_CHROME = re.compile(
    # "Read also" pointers, with the title they point to.
    r"(?:читайте также|читайте ещё|читайте еще|смотрите также|также читайте|тағы оқыңыз|сондай-ақ оқыңыз"
    r"|mavzuga oid|yana o.qing)\b\s*[:：]?.{0,200}"
    # Labels alone, or with their list after a colon ("Теги: Китай, вода").
    r"|(?:по теме|поделиться|ulashish|бөлісу|теги|тегтер|tags?|keywords)\s*(?:[:：].{0,200})?"
    r"|(?:фото|сурет|surat|видео|video|photo|image|источник|manba|source\(?s?\)?|editor|редактор|责任编辑|编辑|来源|图片来源|图片|摄影|视频)"
    r"\s*[:：/]\s*.{1,80}"
    r"|【[^】]{1,40}】|[（(](?:编辑|责任编辑|记者)[：:][^）)]{1,20}[）)]"
    r"|\((?:xinhua|cgtn|kazinform|akipress|trend)/[^)]{1,60}\)"
    r"|(?:при использовании|при цитировании|when using|use of|reprinting|citation is allowed).{0,60}"
    r"(?:material|материал|ссылк|link|hyperlink|гиперссылк).{0,120}"
    r"|(?:reklama|реклама|advertisement|advertising)\W*"
    # "Subscribe to our Telegram channel" in the region's languages.
    r"|(?:подписывайтесь|подпишитесь|присоединяйтесь|следите|читайте нас|жазылыңыз|жазылып|obuna bo.ling|kuzatib boring)"
    r"\b.{0,160}?(?:telegram|телеграм|instagram|инстаграм|facebook|фейсбук|youtube|ютуб|вконтакте|whatsapp|tiktok|"
    r"дзен|канал|kanal|соцсет).{0,120}"
    # Captions that sign off with their credit: "… at the ceremony. Photo: VCG", "… /CGTN", "(Xinhua/Li Ming)".
    r"|.{0,250}\b(?:photo|photos|image|фото|сурет)(?:\s+credit)?\s*[:：]\s*(?-i:[A-ZА-ЯЁ/])[^.:]{0,59}\.?"
    r"|.{0,250}\s/(?:CGTN|Xinhua|CFP|VCG|IC|AFP|Reuters|AP)\s*"
    r"|.{0,250}\((?:xinhua|photo|photos|фото)\s*(?:/|by|:)[^)]{1,60}\)\.?"
    # Opinion pieces' disclaimers and author bios.
    r"|.{0,200}\bviews expressed (?:in this|here|are|do not|belong)\b.{0,200}"
    r"|(?:the )?(?:author|writer)s? (?:is|are) (?:a|an|the)\b.{0,300}",
    re.IGNORECASE,
)
_CHROME_MAX = 420


def clean_blocks(
    blocks: list[Block],
    *,
    title: str | None = None,
    headline: str | None = None,
    authors: list[str] | None = None,
    outlet: str | None = None,
) -> list[Block]:
    """Drop the headline repeated in the body, chrome lines (share, "Read also",
    credits, editor lines), date rows, bylines and author sign-offs; trailing
    headings with nothing under them go too."""
    titles = {norm(t) for t in (title, headline) if t}
    names = {norm(a) for a in authors or []}
    out: list[Block] = []
    for block in blocks:
        text = block.text.strip()
        if not text or norm(text) in titles:
            continue
        if boilerplate_kind(text) or _chrome(text):
            continue
        if date_line(text) or byline_authors(text):
            continue
        if _sign_off(text, names, outlet):
            continue
        out.append(Block(block.kind, text))
    while out and out[-1].kind == "heading":
        out.pop()
    return out


def _chrome(text: str) -> bool:
    return len(text) <= _CHROME_MAX and bool(WEB_CHROME.fullmatch(text))


def _sign_off(text: str, names: set[str], outlet: str | None) -> bool:
    """An author's name alone on a line, perhaps with the outlet: ``Dilshod Karimov, UzA``."""
    if len(text) > 80 or not names:
        return False
    core = text
    if outlet:
        core = re.sub(rf"\s*[,/|–—-]\s*{re.escape(outlet)}\s*$", "", core, flags=re.IGNORECASE)
    return norm(core) in names


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())


def agree_with_linked_body(blocks: list[Block], linked_body: str | None) -> list[Block]:
    """Where the page's JSON-LD carries the article's text (``articleBody``) and
    it agrees with what was extracted, a paragraph it has no trace of, standing
    between paragraphs it has, is page chrome (a prompt, a caption, a promo) and
    goes.  Headings and short lines stay (sites often leave those out), and so
    does what comes after the last agreeing paragraph (articleBody is often cut
    short)."""
    if not linked_body or len(linked_body) < 400 or not blocks:
        return blocks
    body_words = _words(linked_body)
    grams = {tuple(body_words[i : i + 3]) for i in range(len(body_words) - 2)}
    def share(text: str) -> float:
        words = _words(text)
        own = [tuple(words[i : i + 3]) for i in range(len(words) - 2)]
        return sum(g in grams for g in own) / len(own) if own else 1.0
    shares = [share(b.text) for b in blocks]
    total = sum(len(b.text) for b in blocks)
    agreed = sum(len(b.text) for b, sh in zip(blocks, shares) if sh >= 0.5)
    if agreed < 0.6 * total:
        return blocks  # a teaser or another text: no judge of ours
    last = max(i for i, sh in enumerate(shares) if sh >= 0.5)
    return [
        b for i, (b, sh) in enumerate(zip(blocks, shares))
        if b.kind == "heading" or len(_words(b.text)) < 8 or sh >= 0.2 or i > last
    ]
