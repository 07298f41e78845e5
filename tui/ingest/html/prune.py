"""Cut a page's furniture before the extractor sees it.

trafilatura already drops most navigation; what it keeps on news pages are
the blocks *inside* the article container: share bars, "Read also" boxes,
photo captions and galleries, bylines and date rows, tag lists, newsletter
and Telegram prompts, inline ads, comment threads.  They are recognized by
the words in their class and id, which CMSs choose to say exactly that.
A block holding much of the page's prose is never cut, whatever its name
(a ``<div class="post-share-wrapper">`` around the whole article).
"""

from __future__ import annotations

import re

# Class/id words (split at -, _, spaces and camelCase) that name furniture.
FURNITURE_WORDS = frozenset(
    """
    share sharing shares sharedaddy social socials sharebar addthis
    related relatedposts recommend recommended recommendations also
    comments comment disqus respond
    cookie cookies gdpr consent
    newsletter subscribe subscription promo follow telegram
    ad ads adv advert advertisement adsbygoogle adfox adsense banner sponsor sponsored commercial
    breadcrumb breadcrumbs tags tag keywords rubric category categories
    caption captions figcaption gallery swiper carousel slider slideshow player
    author authors byline meta views counter rating
    print sidebar footer pagination pager
    popup modal overlay tooltip sr skip lenta feed links tweet embed instagram tiktok
    """.split()
)
# Furniture whose name takes several words.
FURNITURE_PHRASES = re.compile(
    r"read[-_ ]?(?:more|also|next)|see[-_ ]?also|also[-_ ]?read|more[-_ ]?(?:news|from|stories|articles)"
    r"|(?:news|amp)[-_ ]?more|(?:last|latest|other|similar|top|popular|hot)[-_ ]?(?:news|posts|stories)"
    r"|most[-_ ]?(?:read|viewed|popular)|error[-_ ]?report|spelling|orphus|load[-_ ]?more|(?:photo|image|img|pic|video)[-_ ]?(?:source|desc|credit|note|info)"
    r"|pull[-_ ]?quote|visually[-_ ]?hidden|screen[-_ ]?reader",
    re.IGNORECASE,
)
# Elements that never hold article prose.
DROP_TAGS = frozenset(
    "nav aside form button input select textarea iframe svg canvas figcaption noscript dialog template".split()
)
AMP_MEDIA = frozenset(
    "amp-img amp-carousel amp-video amp-social-share amp-ad amp-embed amp-iframe amp-youtube amp-sidebar "
    "amp-instagram amp-twitter amp-facebook amp-anim amp-audio amp-lightbox".split()
)
_NEVER = frozenset(("html", "body"))
# Containers whose classes list the post's taxonomy ("category-news tag-china"), not their role.
_CONTAINERS = frozenset(("article", "main"))
# Class names that say "the article's text is in here".  An element holding
# one is never furniture, whatever else its classes say (WordPress puts
# "category-news tag-china" on the post's own container).
CONTENT_MARKS = re.compile(
    r"entry[-_]content|post[-_]content|post[-_]body|article[-_]{1,2}(?:body|content|text)|articlebody|story[-_]body"
    r"|news[-_](?:text|body|detail)|field--name-body|detail[-_]text|hentry|type-post|status-publish|^post-\d+$",
    re.IGNORECASE,
)
# A block with this share of the page's prose is content, whatever its name says.
PROTECT_SHARE = 0.35
_PROSE_MIN = 60


def _words(el) -> set[str]:
    name = f"{el.get('class') or ''} {el.get('id') or ''}"
    name = re.sub(r"([a-z])([A-Z])", r"\1 \2", name)
    return {w for w in re.split(r"[\s_\-]+", name.lower()) if w}


def is_furniture(el) -> bool:
    """Does the element's class or id name it as page furniture?"""
    if not el.get("class") and not el.get("id"):
        return False
    if _words(el) & FURNITURE_WORDS:
        return True
    return bool(FURNITURE_PHRASES.search(f"{el.get('class') or ''} {el.get('id') or ''}"))


def _prose(el) -> int:
    """Characters in the element's paragraphs long enough to be prose."""
    total = 0
    for p in el.iter("p"):
        n = len(" ".join(p.text_content().split()))
        if n >= _PROSE_MIN:
            total += n
    return total


def _content_holders(tree) -> set:
    """Elements that are, or contain, the marked article text."""
    holders: set = set()
    for el in tree.iter():
        if not isinstance(el.tag, str):
            continue
        classes = (el.get("class") or "").split()
        if el.get("itemprop") == "articleBody" or any(CONTENT_MARKS.search(c) for c in classes):
            node = el
            while node is not None and node not in holders:
                holders.add(node)
                node = node.getparent()
    return holders


def prune(tree) -> int:
    """Remove furniture from ``tree`` in place; returns how many elements went."""
    page_prose = _prose(tree) or 1
    holders = _content_holders(tree)
    doomed = []
    for el in tree.iter():
        tag = el.tag if isinstance(el.tag, str) else ""
        if not tag or tag in _NEVER:
            continue
        if tag in DROP_TAGS or tag in AMP_MEDIA:
            # ASP.NET pages wrap the whole page in one <form>: only prose-free ones go.
            if tag not in ("form", "aside") or (el not in holders and _prose(el) <= PROTECT_SHARE * page_prose):
                doomed.append(el)
        elif tag == "figure" and not el.xpath(".//table|.//blockquote|.//p[string-length(normalize-space()) > 200]"):
            doomed.append(el)
        elif (tag not in _CONTAINERS and el not in holders and is_furniture(el)
              and _prose(el) <= PROTECT_SHARE * page_prose):
            doomed.append(el)
    removed = 0
    for el in doomed:
        parent = el.getparent()
        if parent is None:
            continue
        # Keep the tail: it is text of the parent that follows the element.
        if el.tail and el.tail.strip():
            prev = el.getprevious()
            if prev is not None:
                prev.tail = (prev.tail or "") + el.tail
            else:
                parent.text = (parent.text or "") + el.tail
        parent.remove(el)
        removed += 1
    return removed
