"""Fold per-article facts into corpus-wide officials and a timeline.

Runs over the whole corpus after every ingest batch, so it is a few passes
of dictionary work: officials are joined by union-find over exact name keys
(written names, aliases, the who's-who), then a conservative fuzzy pass for
people outside the who's-who; events are bucketed by date and joined only
inside a bucket.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from tui.extract.gazetteer import Gazetteer, gazetteer
from tui.extract.names import fold, name_key, slugify
from tui.extract.title_forms import canonical_title
from tui.extract.titles import collapse_titles

_FUZZY_SCORE = 90
_FUZZY_TOKEN_SCORE = 85
_EVENT_STOP = frozenset(
    "the and for with from that this which their have has had been were was will into over after before "
    "between among about also other more than its his her they them said says during following under "
    "within would could should being further year years day days month".split()
)


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        parent = self.parent
        parent.setdefault(x, x)
        root = x
        while parent[root] != root:
            root = parent[root]
        while parent[x] != root:
            parent[x], x = root, parent[x]
        return root

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            # the smaller key wins so the result does not depend on input order
            if rb < ra:
                ra, rb = rb, ra
            self.parent[rb] = ra


@dataclass
class _Member:
    article_id: str
    official: dict
    keys: list[str] = field(default_factory=list)


def _official_keys(off: dict, g: Gazetteer) -> list[str]:
    keys = []
    for form in [off["name"], *off.get("aliases", [])]:
        if len(form.split()) < 2:
            continue
        keys.append("n:" + name_key(form))
        who = g.lookup_person(form)
        if who:
            keys.append("w:" + who.id)
    return keys


def merge(per_article_facts: list[tuple[str, dict]]) -> tuple[list[dict], list[dict]]:
    """Merge ``(article_id, extract_article(...))`` pairs of a corpus.

    Returns ``(officials, events)``. Officials carry a stable readable ``id``
    (the who's-who id or a slug of the name), ``article_ids``, and the roles and
    mentions of every article; events carry ``id``, ``article_ids`` and the
    evidence of every source, sorted by date.
    """
    g = gazetteer()
    items = sorted(per_article_facts, key=lambda pair: pair[0])
    officials, name_map = _merge_officials(items, g)
    events = _merge_events(items, name_map)
    return officials, events


def _merge_officials(items: list[tuple[str, dict]], g: Gazetteer) -> tuple[list[dict], dict[tuple[str, str], str]]:
    uf = _UnionFind()
    multi: list[_Member] = []
    single: list[_Member] = []
    for article_id, facts in items:
        for off in facts.get("officials", []):
            m = _Member(article_id, off, _official_keys(off, g))
            if m.keys:
                for k in m.keys:
                    uf.union(m.keys[0], k)
                multi.append(m)
            else:
                single.append(m)

    groups: dict[str, list[_Member]] = {}
    for m in multi:
        groups.setdefault(uf.find(m.keys[0]), []).append(m)
    _fuzzy_join(groups, uf)
    groups = {}
    for m in multi:
        groups.setdefault(uf.find(m.keys[0]), []).append(m)

    # a lone surname joins the one person of that surname and a compatible country
    by_token: dict[str, set[str]] = {}
    for root, members in groups.items():
        for m in members:
            for form in [m.official["name"], *m.official.get("aliases", [])]:
                for tok in form.split():
                    by_token.setdefault(fold(tok), set()).add(root)
    for m in single:
        country = m.official.get("country")
        cands = [
            r for r in by_token.get(fold(m.official["name"]), ())
            if country is None or _group_country(groups[r]) in (None, country)
        ]
        root = cands[0] if len(cands) == 1 else f"s:{fold(m.official['name'])}:{country or ''}"
        groups.setdefault(root, []).append(m)

    officials: list[dict] = []
    name_map: dict[tuple[str, str], str] = {}
    used_ids: set[str] = set()
    built = [_build_official(members, g) for members in groups.values()]
    built.sort(key=lambda o: (o["_sort"], o["name"]))
    for off in built:
        base = off.pop("_base")
        off.pop("_sort")
        oid = base
        if oid in used_ids and off["country"]:
            oid = f"{base}-{slugify(off['country'])}"
        n = 2
        while oid in used_ids:
            oid = f"{base}-{n}"
            n += 1
        used_ids.add(oid)
        officials.append({"id": oid, **off})
    for off in officials:
        for src in off.pop("_sources"):
            name_map[src] = off["name"]
    officials.sort(key=lambda o: o["id"])
    return officials, name_map


def _group_country(members: list[_Member]) -> str | None:
    votes = Counter(m.official.get("country") for m in members if m.official.get("country"))
    return votes.most_common(1)[0][0] if votes else None


def _fuzzy_join(groups: dict[str, list[_Member]], uf: _UnionFind) -> None:
    """Join people outside the who's-who whose names differ by a transliteration
    slip the folding rules miss ("Bakhtiyor"/"Bakhtiyar"); only names of words
    of four letters or more, same word count and compatible country."""
    buckets: dict[tuple[str | None, int], list[tuple[str, str]]] = {}
    for root, members in groups.items():
        if any(k.startswith("w:") for m in members for k in m.keys):
            continue
        key = members[0].keys[0][2:]
        toks = key.split()
        if any(len(t) < 4 for t in toks):
            continue
        buckets.setdefault((_group_country(members), len(toks)), []).append((key, root))
    for (_country, _n), entries in buckets.items():
        if len(entries) < 2:
            continue
        keys = [k for k, _ in entries]
        for i, (key, root) in enumerate(entries):
            for _match, score, j in process.extract(
                key, keys, scorer=fuzz.ratio, score_cutoff=_FUZZY_SCORE, limit=None
            ):
                if j <= i:
                    continue
                a, b = key.split(), keys[j].split()
                if all(x[0] == y[0] and fuzz.ratio(x, y) >= _FUZZY_TOKEN_SCORE for x, y in zip(a, b, strict=True)):
                    uf.union(root, entries[j][1])


def _build_official(members: list[_Member], g: Gazetteer) -> dict:
    who = None
    for m in members:
        for k in m.keys:
            if k.startswith("w:"):
                who = g.by_id[k[2:]]
                break
        if who:
            break
    written = Counter(m.official["name"] for m in members)
    if who:
        name = who.name
    else:
        name = max(written, key=lambda n: (len(n.split()) > 1, written[n], len(n), n))
    aliases = sorted({a for m in members for a in [m.official["name"], *m.official.get("aliases", [])]} - {name})
    country = _group_country(members) or (who.country if who else None)
    # One office under one title ("Foreign Minister" is "Minister of Foreign Affairs"); the
    # role's evidence keeps the article's wording. Copies: the articles' facts stay as written.
    roles = sorted(
        (dict(r, title=canonical_title(r["title"])) for m in members for r in m.official.get("roles", [])),
        key=lambda r: (r.get("date") or "", r["article_id"], r["paragraph"]),
    )
    mentions = sorted(
        (x for m in members for x in m.official.get("mentions", [])),
        key=lambda x: (x["article_id"], x["paragraph"], x["start"]),
    )
    titles = collapse_titles([r["title"] for r in roles]
                             + [canonical_title(t) for m in members for t in m.official.get("titles", [])])
    return {
        "name": name,
        "aliases": aliases,
        "country": country,
        "titles": titles,
        "roles": roles,
        "mentions": mentions,
        "article_ids": sorted({m.article_id for m in members}),
        "_base": who.id if who else slugify(name) or "official",
        "_sort": who.id if who else slugify(name),
        "_sources": [(m.article_id, m.official["name"]) for m in members],
    }


_TERM_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]{3,}|\b[A-Z]{2,6}\b")
_CAPITALISED_RUN = re.compile(r"\b[A-Z][a-z]+(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][a-z]+)+")


@lru_cache(maxsize=65536)
def _term(word: str) -> str:
    """``slugify`` for one word, cheaply: "Xi'an" and "Xi’an" -> "xian"."""
    if word.isascii() and "'" not in word:
        return word.lower()
    return slugify(word)


def _terms(event: dict, names: list[str] = ()) -> set[str]:
    """The words two reports of one event are compared by: the summary's content
    words (spelled alike: "Xi'an" / "Xi’an" / "xian"), the acronym of a name
    written out ("Shanghai Cooperation Organization" -> "sco"), the place, and
    the participants (``names``, as merged), which summaries name only in part."""
    terms = set(_summary_terms(event.get("summary") or ""))
    if event.get("place"):
        terms.add(_term(event["place"]))
    terms.update("@" + _term(n) for n in names)
    return terms


@lru_cache(maxsize=65536)
def _summary_terms(summary: str) -> frozenset[str]:
    words = _TERM_WORD.findall(summary)
    # "China-Central Asia Summit" and "the China–Central Asia Summit" share "china" and "central"
    words += [part for w in words if "-" in w for part in w.split("-") if len(part) >= 4]
    terms = {_term(w) for w in words} - _EVENT_STOP
    for run in _CAPITALISED_RUN.findall(summary):
        # "Council of Heads of State of the Shanghai Cooperation Organization": the
        # acronym may stand for any tail of the run ("SCO")
        initials = "".join(w[0] for w in run.split() if w[0].isupper()).lower()
        terms.update(initials[i:] for i in range(len(initials) - 2))
    terms.discard("")
    return frozenset(terms)


def _same_event(a: dict, b: dict, ta: set[str], tb: set[str]) -> bool:
    pa, pb = a.get("place"), b.get("place")
    if pa and pb and pa != pb:
        return False
    ea, eb = a.get("end_date"), b.get("end_date")
    if ea and eb and ea != eb:
        return False  # "19–20 Nov" and "19–22 Nov" are two spans
    shared = len(ta & tb)
    if pa and pa == pb:
        return shared >= 2
    if ta == tb and ta:
        return True  # the same words: "The terminal is due for completion" reported twice
    union = len(ta | tb) or 1
    return shared >= 3 and shared / union >= 0.2


def _merge_events(items: list[tuple[str, dict]], name_map: dict[tuple[str, str], str]) -> list[dict]:
    buckets: dict[tuple[str, str], list[tuple[str, dict, set[str]]]] = {}
    for article_id, facts in items:
        for ev in facts.get("events", []):
            names = [name_map.get((article_id, p), p) for p in ev.get("participants", [])]
            buckets.setdefault((ev["date"], ev["precision"]), []).append((article_id, ev, _terms(ev, names)))
    merged: list[dict] = []
    for (date, precision), entries in buckets.items():
        # each cluster is compared through one summary (its place and the union of
        # its terms), so a date reported by hundreds of articles stays linear
        # (a report that matches several clusters joins them: it is the link between them)
        clusters: list[tuple[dict, set[str], list[tuple[str, dict, set[str]]]]] = []
        for entry in entries:
            hits = [c for c in clusters if _same_event(entry[1], c[0], entry[2], c[1])]
            if not hits:
                clusters.append(({"place": entry[1].get("place"), "end_date": entry[1].get("end_date")},
                                 set(entry[2]), [entry]))
                continue
            rep, terms, members = hits[0]
            for other in hits[1:]:
                if rep.get("place") and other[0].get("place") and rep["place"] != other[0]["place"]:
                    continue  # two places stay two events
                if rep.get("end_date") and other[0].get("end_date") and rep["end_date"] != other[0]["end_date"]:
                    continue  # and so do two spans
                members.extend(other[2])
                terms |= other[1]
                rep["place"] = rep.get("place") or other[0].get("place")
                rep["end_date"] = rep.get("end_date") or other[0].get("end_date")
                clusters.remove(other)
            members.append(entry)
            terms |= entry[2]
            if not rep.get("place") and entry[1].get("place"):
                rep["place"] = entry[1]["place"]
            rep["end_date"] = rep.get("end_date") or entry[1].get("end_date")
        for _rep, _cluster_terms, members in clusters:
            merged.append(_build_event(date, precision, members, name_map))
    merged.sort(key=lambda e: (e["date"], e["_slug"]))
    used: set[str] = set()
    for ev in merged:
        base = f"{ev['date']}-{ev.pop('_slug')}".rstrip("-")
        eid, n = base, 2
        while eid in used:
            eid = f"{base}-{n}"
            n += 1
        used.add(eid)
        ev["id"] = eid
    return [{"id": e.pop("id"), **e} for e in merged]


def _build_event(date: str, precision: str, cluster: list, name_map: dict[tuple[str, str], str]) -> dict:
    first_article, first, _ = cluster[0]
    participants: list[str] = []
    evidence: list[dict] = []
    place = None
    end_date = None
    for article_id, ev, _ in cluster:
        for p in ev.get("participants", []):
            name = name_map.get((article_id, p), p)
            if name not in participants:
                participants.append(name)
        for item in ev.get("evidence", []):
            if item not in evidence:
                evidence.append(item)
        place = place or ev.get("place")
        end_date = end_date or ev.get("end_date")
    words = [w for w in re.findall(r"[a-z][a-z'’-]{3,}", (first.get("summary") or "").lower()) if w not in _EVENT_STOP]
    # The id's words: the place, then the summary's first distinct words (three at most).
    place_slug = slugify(place or "")
    slugs = dict.fromkeys([place_slug] if place else [])
    for w in words:
        if len(slugs) >= 3:
            break
        if (slug := slugify(w)) != place_slug:
            slugs.setdefault(slug)
    out = {
        "date": date,
        "precision": precision,
        "summary": first.get("summary", ""),
        "place": place,
        "participants": participants,
        "article_ids": sorted({a for a, _, _ in cluster}),
        # announced, not yet reported: only while no source reports it as done
        "planned": all(ev.get("planned", False) for _, ev, _ in cluster),
        "evidence": sorted(evidence, key=lambda x: (x["article_id"], x["paragraph"])),
        "_slug": "-".join(list(slugs)[:3]),
    }
    if end_date:
        out["end_date"] = end_date
    return out
