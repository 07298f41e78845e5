"""The search engine as first written (substring scans over every document), kept as an oracle:
the indexed engine must rank and hit exactly as this does.
"""
from __future__ import annotations

import math
from bisect import bisect_left
from dataclasses import dataclass, field

from tui.search.match import name_matches
from tui.search.query import Query, parse_query
from tui.search.text import fold, token_string

TITLE_WEIGHT = 3.0


@dataclass
class Hit:
    paragraph: int
    text: str


@dataclass
class Result:
    article_id: str
    title: str
    score: float
    hits: list[Hit] = field(default_factory=list)

    def as_json(self) -> dict:
        return {
            "article_id": self.article_id,
            "title": self.title,
            "score": round(self.score, 4),
            "hits": [{"paragraph": h.paragraph, "text": h.text} for h in self.hits],
        }


class _Doc:
    """What the index keeps of one article."""

    __slots__ = ("article", "title_tokens", "para_tokens", "outlet", "countries", "names")

    def __init__(self, article: dict):
        self.article = article
        self.title_tokens = token_string(article.get("title") or "")
        self.para_tokens = [token_string(p["text"]) for p in article.get("paragraphs", [])]
        self.outlet = fold(article.get("outlet") or "")
        facts = article.get("facts") or {}
        people = facts.get("officials") or []
        self.countries = {fold(p["country"]) for p in people if p.get("country")}
        self.names = [fold(n) for p in people for n in (p.get("name"), *p.get("aliases", ())) if n]


class SearchIndex:
    """Built once over the store's articles; answers many queries."""

    def __init__(self, articles: list[dict]):
        self.docs = [_Doc(a) for a in articles]
        postings: dict[str, set[int]] = {}
        for i, doc in enumerate(self.docs):
            seen = set(doc.title_tokens.split())
            for para in doc.para_tokens:
                seen.update(para.split())
            for tok in seen:
                postings.setdefault(tok, set()).add(i)
        self.postings = postings
        self.vocab = sorted(postings)

    # -- candidates ----------------------------------------------------------

    def _with_prefix(self, word: str) -> set[int]:
        if len(word) < 2:
            return set(self.postings.get(word, ()))
        found: set[int] = set()
        start = bisect_left(self.vocab, word)
        for tok in self.vocab[start:]:
            if not tok.startswith(word):
                break
            found |= self.postings[tok]
        return found

    def _candidates(self, query: Query) -> set[int]:
        sets = [self._with_prefix(w) for w in query.words]
        for phrase in query.phrases:
            sets.extend(self._with_prefix(w) if i == len(phrase.split()) - 1 else set(self.postings.get(w, ()))
                        for i, w in enumerate(phrase.split()))
        if not sets:
            return set(range(len(self.docs)))
        sets.sort(key=len)
        result = sets[0].copy()
        for s in sets[1:]:
            result &= s
            if not result:
                break
        return result

    # -- matching ------------------------------------------------------------

    def search(self, query: Query | str, limit: int | None = None) -> list[Result]:
        """Articles matching ``query``, best first, each with its hit paragraphs."""
        if isinstance(query, str):
            query = parse_query(query)
        n_docs = max(len(self.docs), 1)
        idf = {
            term: math.log(1 + n_docs / max(len(self._with_prefix(term.split()[0])), 1))
            for term in query.positive_terms
        }
        results: list[Result] = []
        for i in self._candidates(query):
            doc = self.docs[i]
            if not _passes_filters(doc, query):
                continue
            score = _score(doc, query, idf)
            if score is None:
                continue
            results.append(Result(doc.article["id"], doc.article.get("title") or "", score, _hits(doc, query)))
        published = {d.article["id"]: d.article.get("published") or "" for d in self.docs}
        # Stable sorts, least significant first: id, then newest, then score.
        results.sort(key=lambda r: r.article_id)
        results.sort(key=lambda r: published[r.article_id], reverse=True)
        results.sort(key=lambda r: -r.score)
        return results[:limit] if limit else results


def _occurrences(text: str, term: str) -> int:
    return text.count(term)


def _score(doc: _Doc, query: Query, idf: dict[str, float]) -> float | None:
    """Relevance, or None when a required term is absent or an excluded one present."""
    body = doc.para_tokens
    for term in (f" {w} " for w in query.excluded_words):
        if term in doc.title_tokens or any(term in p for p in body):
            return None
    for phrase in query.excluded_phrases:
        if phrase in doc.title_tokens or any(phrase in p for p in body):
            return None
    score = 0.0
    for word in query.words:
        term = f" {word}"
        count = TITLE_WEIGHT * _occurrences(doc.title_tokens, term) + sum(_occurrences(p, term) for p in body)
        if not count:
            return None
        exact = f" {word} "
        bonus = 0.5 if exact in doc.title_tokens or any(exact in p for p in body) else 0.0
        score += (1 + math.log(count) + bonus) * idf[term]
    for phrase in query.phrases:
        # The last word of a phrase may still be being typed: match it as a prefix.
        partial = phrase.rstrip()
        count = TITLE_WEIGHT * _occurrences(doc.title_tokens, partial) + sum(_occurrences(p, partial) for p in body)
        if not count:
            return None
        score += (2 + math.log(count)) * idf[phrase]
    if not query.positive_terms:
        score = 1.0
    return score


def _hits(doc: _Doc, query: Query) -> list[Hit]:
    terms = [f" {w}" for w in query.words] + [p.rstrip() for p in query.phrases]
    if not terms:
        return []
    paragraphs = doc.article.get("paragraphs", [])
    return [
        Hit(p["n"], p["text"])
        for p, toks in zip(paragraphs, doc.para_tokens)
        if any(t in toks for t in terms)
    ]


def _passes_filters(doc: _Doc, query: Query) -> bool:
    # Every value narrows; names match as ``tui.search.match`` says (the index's sets are under test).
    if not all(o in doc.outlet for o in query.outlets):
        return False
    if not all(fold(c) in doc.countries for c in query.countries):
        return False
    if query.officials and not all(name_matches(want, doc.names) for want in query.officials):
        return False
    published = doc.article.get("published")
    if query.since and (not published or published < query.since.start.isoformat()):
        return False
    if query.until and (not published or published > query.until.end.isoformat()):
        return False
    return True
