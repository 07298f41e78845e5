"""Blocks that survive extraction but are not article text."""

from __future__ import annotations

import re

from tui.ingest.body import boilerplate_kind, byline_authors
from tui.ingest.dates import date_line
from tui.ingest.html.body import Block, norm

# Lines that are page chrome in the languages of the region (the text-file
# patterns in ``tui.ingest.body`` cover English).
WEB_CHROME = re.compile(
    r"(?:читайте также|читайте еще|смотрите также|по теме|тағы оқыңыз|сондай-ақ оқыңыз|mavzuga oid|yana o'qing"
    r"|также читайте|поделиться|ulashish|бөлісу|теги|тегтер|tags?)\s*[:：]?.{0,200}"
    r"|(?:фото|сурет|surat|видео|video|photo|image|источник|manba|source\(?s?\)?|editor|редактор|责任编辑|编辑|来源)"
    r"\s*[:：/]\s*.{1,80}"
    r"|【[^】]{1,40}】"
    r"|\((?:xinhua|cgtn|kazinform|akipress|trend)/[^)]{1,60}\)"
    r"|(?:при использовании|при цитировании|when using|use of|reprinting|citation is allowed).{0,60}"
    r"(?:material|материал|ссылк|link|hyperlink|гиперссылк).{0,120}"
    r"|(?:reklama|реклама|advertisement|advertising)\W*",
    re.IGNORECASE,
)
_CHROME_MAX = 220


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
