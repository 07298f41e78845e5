"""Title case, shortened titles and nested quotation marks.

Title case only ever raises the first letter of a word or lowers a small
word; it never rewrites acronyms (US, OSCE), mixed-case names (iPhone,
McDonald) or anything with digits, and leaves an all-caps title alone.
"""

from __future__ import annotations

import re

_ARTICLES = {"a", "an", "the"}
_PREPOSITIONS = {
    "about", "above", "across", "after", "against", "along", "amid", "among", "around", "as", "at",
    "before", "behind", "below", "beneath", "beside", "besides", "between", "beyond", "by",
    "concerning", "despite", "during", "except", "for", "from", "in", "inside", "into", "like",
    "near", "of", "on", "onto", "outside", "over", "past", "per", "regarding", "since", "than",
    "through", "throughout", "till", "to", "toward", "towards", "under", "underneath", "unlike",
    "until", "upon", "versus", "via", "vs", "vs.", "with", "within", "without",
}
# "up", "down", "out" and "off" are left out on purpose: in headlines they are
# nearly always adverbs of a phrasal verb ("Steps Down", "Sets Up"), which
# Chicago and MLA capitalize.

# Chicago 17 (8.159): articles, prepositions, and/but/for/or/nor, "to", "as".
CHICAGO_SMALL = _ARTICLES | _PREPOSITIONS | {"and", "but", "for", "or", "nor"}
# MLA 9 (1.2): articles, prepositions, coordinating conjunctions, "to".
MLA_SMALL = CHICAGO_SMALL | {"so", "yet"}
# APA 7 (6.17): only minor words of three letters or fewer.
APA_SMALL = {w for w in _ARTICLES | _PREPOSITIONS | {"and", "as", "but", "for", "if", "nor", "or", "so", "yet", "up", "off"} if len(w) <= 3}

# Prefixes that cannot stand alone: the element after their hyphen stays lowercase.
_PREFIXES = {"anti", "co", "inter", "intra", "mid", "multi", "non", "post", "pre", "pro", "re", "semi", "sub", "un", "ex"}
_WORD = re.compile(r"\S+")
# Not "." — "U.S. and China" must keep its lowercase "and".
_SUBTITLE_END = re.compile(r"[:?!]$|^[–—]$")


def _cap_piece(piece: str) -> str:
    """Raise the first letter of a plain lowercase word."""
    for i, ch in enumerate(piece):
        if ch.isalpha():
            rest = piece[i + 1 :]
            # Leave words with their own capitals or digits ("iPhone", "5G") and URLs.
            if any(c.isupper() or c.isdigit() for c in rest) or "." in rest.rstrip(".") or "/" in rest:
                return piece
            return piece[:i] + ch.upper() + rest
        if ch.isdigit():
            return piece
    return piece


def _core(word: str) -> str:
    """The word without surrounding punctuation, lowercased, for small-word lookup."""
    return word.strip("\"'“”‘’()[],;:!?").lower()


def _lower_small(word: str) -> str:
    # Only lower a word written as "Of" or "of", never an acronym like "OR".
    core = word.strip("\"'“”‘’()[],;:!?")
    if core[:1].isupper() and core[1:] == core[1:].lower():
        i = word.index(core[0])
        return word[:i] + core[0].lower() + word[i + 1 :]
    return word


def _cap_word(word: str, small: set[str], force: bool) -> str:
    """Capitalize one whitespace-delimited word, hyphen and dash parts included."""
    if not force and _core(word) in small:
        return _lower_small(word)
    parts = re.split(r"([-–—/])", word)
    out = []
    prev = ""
    for idx, part in enumerate(parts):
        if idx % 2:  # separator
            out.append(part)
            continue
        if idx == 0:
            out.append(_cap_piece(part))
        elif _core(part) in small or (parts[idx - 1] == "-" and _core(prev) in _PREFIXES):
            out.append(part)
        else:
            out.append(_cap_piece(part))
        prev = part
    return "".join(out)


def title_case(title: str, small: set[str] = CHICAGO_SMALL) -> str:
    """Headline-style capitalization of ``title`` with the given small-word set.

    First and last words, and the first word after a colon, question mark or
    dash, are always capitalized.
    """
    letters = [c for c in title if c.isalpha()]
    if letters and all(c.isupper() for c in letters if c.lower() != c.upper()):
        return title  # all caps: we cannot know the intended case
    words = _WORD.findall(title)
    out = []
    start = True
    for i, word in enumerate(words):
        force = start or i == len(words) - 1
        out.append(_cap_word(word, small, force))
        start = bool(_SUBTITLE_END.search(word))
    # Rebuild with the original spacing collapsed (titles are single-line already).
    return " ".join(out)


def short_title(title: str, small: set[str] = CHICAGO_SMALL, words: int = 4) -> str:
    """A short title for in-text citations: the main title up to four key words.

    Small words do not count towards the four, and none is left dangling at
    the end: "Launch of Central Asia–China Secretariat takes place …" →
    "Launch of Central Asia–China Secretariat".
    """
    main = re.split(r":\s|\?\s|!\s|\s[–—]\s", title, maxsplit=1)[0]
    tokens = main.split()
    picked: list[str] = []
    count = 0
    for tok in tokens:
        if count >= words:
            break
        picked.append(tok)
        if _core(tok) not in small:
            count += 1
    while len(picked) > 1 and _core(picked[-1]) in small:
        picked.pop()
    text = " ".join(picked)
    return text.rstrip(",;:.") if len(picked) < len(tokens) else text


_DOUBLE = re.compile(r"\"([^\"]*)\"|“([^”]*)”")


def nest_quotes(text: str) -> str:
    """Double quotes inside a quoted title or passage become single ones (‘…’)."""

    def repl(m: re.Match[str]) -> str:
        inner = m.group(1) if m.group(1) is not None else m.group(2)
        return f"‘{inner}’"

    text = _DOUBLE.sub(repl, text)
    # An unpaired straight quote left over: make it a right single quote.
    return text.replace('"', "’")


def close_inside(text: str, mark: str) -> str:
    """Append ``mark`` (``.`` or ``,``) American-style, inside a closing quote.

    "Title" + "." → "Title." ; "Says ‘Yes’" + "." → "Says ‘Yes.’" ; a title
    that already ends with ?, ! or . takes no extra period or comma.
    """
    closers = ""
    body = text
    while body and body[-1] in "’”\"" and (body[-1] != "’" or "‘" in body):
        closers = body[-1] + closers
        body = body[:-1]
    if body.endswith(("?", "!")) or (mark == "." and body.endswith(".")):
        return text
    return body + mark + closers
