"""Event summaries: the clause of the evidence sentence that says what happened.

A summary is made only by leaving words out of the sentence, never by adding
or changing any (beyond a capital first letter), so it stays faithful to the
evidence: the date phrases go (the event carries its date), and so do titles
beside a named person ("Kazakh Foreign Minister Murat Nurtleu" -> "Murat
Nurtleu"; the officials list keeps the titles), lists of three or more
countries after "from"/"of", openers such as "Earlier," or "According to X,",
a reporting frame ("X said that ...") and the clauses around the one that
holds the date, attribution ("..., MFA of Kazakhstan reports") among them.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from tui.extract.units import CONN, COUNTRY, STOP

if TYPE_CHECKING:
    from tui.extract.date_resolve import DateMention
    from tui.extract.officials import NameRun, Sentence

SUMMARY_MAX = 160  # a hard stop; most summaries are well under 100 characters

# a date phrase takes its preposition with it: "on March 30, 2024", "in May 2023", "from November 6 to 9"
# ("on the afternoon of July 5" goes whole; "scheduled for July 3-4" leaves no "for")
_DATE_LEAD = re.compile(
    r"(?:\b(?:[Oo]n|[Ii]n)\s+the\s+(?:morning|afternoon|evening|night)\s+of\s+"
    r"|\b(?:[Oo]n|[Ii]n|[Dd]uring|of|this|last|next|from|for|[Ss]ince|until|by|between)\s+)$"
)
_CLAUSE_BREAK = re.compile(r"\s*[,;]\s+")
_OPENERS = frozenset({
    "earlier", "later", "meanwhile", "however", "also", "additionally", "moreover", "furthermore", "besides",
    "previously", "notably", "separately", "then", "thus", "today", "yesterday", "in addition", "at the same time",
    "in particular", "as a result", "in turn", "for his part", "for her part", "for its part", "as reported",
    "as noted", "recently", "subsequently", "afterwards", "on the same day",
    # reporting frames: what became known is in the clause after them
    "this became known", "it became known", "as it became known", "this was reported", "it was reported",
    "this was announced", "it was announced", "this was stated", "it was noted",
})
# clauses that frame the event rather than state it: "According to X,", "At the invitation of Y,",
# "Speaking at the forum,"
_ACCORDING = re.compile(
    r"^(?:according\s+to|(?:at|upon|on)\s+the\s+invitation\s+of|at\s+the\s+initiative\s+of"
    r"|speaking|addressing|commenting|responding|referring|talking)\b",
    re.IGNORECASE,
)
_INVITATION = re.compile(r",?\s+(?:at|upon|on)\s+the\s+invitation\s+of\s+[^,;]*", re.IGNORECASE)
_ATTRIBUTION = re.compile(
    r"^(?:the\s+|as\s+)?[^,]{0,90}?\b(?:reports?|reported|said|says|informs?|informed|stated|states|announced"
    r"|noted|told\b[^,]{0,40}|according\s+to\b[^,]*)(?:\s+(?:in|at|on|during)\s+[^,]{1,40})?\s*[.!]?$",
    re.IGNORECASE,
)
# "Han said China and ...", "Mao added that China ...": the frame goes, what was said stays
_FRAME_THAT = re.compile(
    r"^[^,]{1,70}?\s(?:said|says|added|noted|stressed|recalled|stated|emphasi[sz]ed|underlined|announced"
    r"|reported|informed|pointed\s+out|told\s+\w+)\s+that\s+(?=\S)",
)
_FRAME_SAID = re.compile(r"^(?:\S+\s+){0,4}?\S+\s(?:said|says|added)\s+(?=[A-Z])")
_JOINERS = ("and ", "but ", "while ", "whereas ")
_RELATIVES = ("which ", "who ", "where ", "when ")
_DANGLING = frozenset("and or the a an of from to with on in at by for as which who when where that".split())
_ATTRIBUTION_WORD = re.compile("report|said|says|inform|stat|announc|noted|told|according")


_CLOSING_MARKS = frozenset({(",", ","), ("(", ")"), ("—", "—"), ("–", "–"), ("-", "-")})


def title_cuts(runs: list[NameRun]) -> dict[Sentence, list[tuple[int, int]]]:
    """Character spans to leave out of summaries, per sentence: the
    titles linked to a named person, with the words that tie them on."""
    cuts: dict[Sentence, list[tuple[int, int]]] = {}
    for r in runs:
        chunks = [c for c in r.chunks if not c.detached]
        if not chunks:
            continue
        sent = r.sentence
        units, starts, ends, text = sent.units, sent.starts, sent.ends, sent.text
        out = cuts.setdefault(sent, [])
        before = [c for c in chunks if c.b <= r.a]
        after = [c for c in chunks if c.a >= r.b]
        if before:
            a = min(c.a for c in before)
            # "the Minister of Commerce ... Wang Wentao" -> "Wang Wentao"
            if a > 0 and units[a - 1].norm == "the" and units[a - 1].kind in (CONN, STOP):
                a -= 1
            out.append((starts[a], starts[r.a]))
            # "The head of the Ministry, Murat Nurtleu, received ...": the comma closing it goes too
            name_end = ends[r.b - 1]
            between = text[ends[max(c.b for c in before) - 1] : starts[r.a]]
            if between.strip() == "," and text[name_end : name_end + 1] == ",":
                out.append((name_end, name_end + 1))
        if after:
            b = max(c.b for c in after)
            end = ends[b - 1]
            opener = text[ends[r.b - 1] : ends[r.b - 1] + 2].strip()[:1]
            # "Name, Title of Country," / "Name (Title)" / "Name — Title —": the closing mark goes too
            closing = text[end : end + 2].lstrip()[:1]
            if (opener, closing) in _CLOSING_MARKS:
                end = text.index(closing, end) + 1
            out.append((ends[r.b - 1], end))
    return cuts


def _country_lists(sent: Sentence) -> list[tuple[int, int]]:
    """ "from China, Kazakhstan, ... and Uzbekistan": three or more countries after
    "from" or "of" (the participants say who they were)."""
    units, starts, ends = sent.units, sent.starts, sent.ends
    out = []
    n = len(units)
    for k in range(n - 1):
        if units[k].norm not in ("from", "of") or units[k + 1].kind != COUNTRY:
            continue
        j = k + 1
        count = 0
        last = j
        while j < n:
            if units[j].kind == COUNTRY:
                count += 1
                last = j
                j += 1
                if j < n and units[j].norm == ",":
                    j += 1
                if j < n and units[j].norm == "and":
                    j += 1
                continue
            break
        if count >= 3:
            out.append((starts[k], ends[last]))
    return out


def summarize(sent: Sentence, d: DateMention, dates: list[DateMention], cuts: list[tuple[int, int]]) -> str:
    """The clause of ``sent`` that states the event dated by ``d``, trimmed."""
    text, base = sent.text, sent.start
    drops: list[tuple[int, int]] = []
    for m in dates:
        s = m.start
        lead = _DATE_LEAD.search(text, max(base, s - 30), s)
        drops.append((lead.start() if lead else s, m.end))
    drops.extend(cuts)
    drops.extend(_country_lists(sent))
    drops.sort()
    # the sentence with the drops left out; the event's date leaves a mark
    pieces: list[str] = []
    pos = base
    mark = -1
    for s, e in drops:
        s, e = max(s, pos), min(e, sent.end)
        if e <= s:
            continue
        pieces.append(text[pos:s])
        if s <= d.start < e and mark < 0:
            mark = sum(len(p) for p in pieces)
        pos = e
    pieces.append(text[pos : sent.end])
    kept = "".join(pieces)
    if mark < 0:
        mark = 0

    # clauses, and the one the date was in (a date closing a clause belongs to it)
    clauses: list[tuple[int, int]] = []
    start = 0
    for m in _CLAUSE_BREAK.finditer(kept):
        clauses.append((start, m.start()))
        start = m.end()
    clauses.append((start, len(kept)))
    inside = [i for i, (s, e) in enumerate(clauses) if s <= mark <= e]
    if inside:
        at = inside[0]
    else:  # between clauses: with the one after a comma, else the one it closes
        at = max(i for i, (_, e) in enumerate(clauses) if e < mark or i == 0)
        if kept[:mark].rstrip().endswith((",", ";")) and at + 1 < len(clauses):
            at += 1
    words = [_clean(kept[s:e]) for s, e in clauses]

    def empty(i: int) -> bool:
        w = words[i].lower().rstrip(".!?")
        return not w or w in _OPENERS

    if at > 0 and _attribution(words[at]) and not empty(at):
        chosen = [words[at]]  # the report itself is what the date is about
    else:
        first = 0
        while first < at and (empty(first) or _ACCORDING.match(words[first])):
            first += 1
        if empty(at):
            if first == at:  # "On 6 July 2023, X received Y": the clause after the date
                first = at + 1
                while first < len(words) - 1 and empty(first):
                    first += 1
                last = first
            elif len(" ".join(words[first:at]).split()) >= 3:  # "..., on Thursday.": the clauses before it
                last = at - 1
            else:  # "URUMQI, March 13 (Xinhua) -- ...": a dateline, not a clause
                first = at + 1
                while first < len(words) - 1 and empty(first):
                    first += 1
                last = first
        else:
            last = at
        # "X and Y met, and the two signed ... in 2022": the second clause stands alone
        if last > first and last == at and words[at].startswith(_JOINERS) and len(words[at - 1].split()) >= 4:
            first = at
        # "... on trade, transport and security issues": a list goes on to its end
        j = last + 1
        while j < len(words) and len(words[j].split()) <= 3 and not words[j].startswith("and "):
            j += 1
        if j < len(words) and len(words[j].split()) <= 5 \
                and (words[j].startswith("and ") or " and " in words[j]) and not _attribution(words[j]):
            last = j
        # "..., the meeting of the Council ..., which will be held in Astana": the relative clause
        # with what it is about, the last of a pair before it
        if last == at > first and words[at].startswith(_RELATIVES) \
                and len(", ".join(words[first : at + 1])) > 100 and " and " in words[at - 1]:
            words[at - 1] = words[at - 1].rsplit(" and ", 1)[1]
            first = at - 1
        # "... gathered in Xi'an [on March 30, 2024], to inaugurate ...": the purpose goes with it
        tail = ""
        if last + 1 < len(words) and words[last + 1].startswith("to ") and not _attribution(words[last + 1]):
            tail = " " + words[last + 1]
        chosen = [w for w in words[first : last + 1] if w]
        if chosen:
            chosen[-1] += tail
        elif tail:
            chosen = [tail.strip()]
    out = ", ".join(chosen)
    for word in (*_JOINERS, "when "):
        if out.startswith(word):
            out = out[len(word) :]
    if " invitation of " in out:
        out = _INVITATION.sub("", out)
    if " that " in out:
        framed = _FRAME_THAT.sub("", out, count=1)
        out = framed if len(framed.split()) >= 3 else out
    if " said " in out or " says " in out or " added " in out:
        framed = _FRAME_SAID.sub("", out, count=1)
        out = framed if len(framed.split()) >= 3 else out
    out = _undangle(out.rstrip(" .!?,;:")).strip(" ,;:-–—")
    if not out:
        out = _clean(text[base : sent.end]).rstrip(".")
    out = out[0].upper() + out[1:] if out else out
    if len(out) > SUMMARY_MAX:
        out = out[:SUMMARY_MAX].rsplit(" ", 1)[0].rstrip(",;:") + "…"
    return out


def _undangle(s: str) -> str:
    """Without the function words a cut leaves at the end ("... was signed on" -> "... was signed")."""
    words = s.split(" ")
    while len(words) > 1 and words[-1].lower() in _DANGLING:
        words.pop()
    return " ".join(words)


def _attribution(clause: str) -> bool:
    low = clause.lower()
    return _ATTRIBUTION_WORD.search(low) is not None and _ATTRIBUTION.match(clause) is not None


def _clean(s: str) -> str:
    s = " ".join(s.split())
    if "," in s:
        s = s.replace(" ,", ",").replace(",,", ",")
    if "(" in s or ")" in s:
        s = s.replace("( ", "(").replace(" )", ")").replace("()", "")
    return s.strip(" ,;:-–—")
