"""The explorer's view of a store: rows, cross-links and filtering for the three panes.

Plain Python (no Textual) built once per store load in a worker thread, so the UI
thread only ever swaps lists of ids.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

from tui.folding import fold
from tui.ids import short_ids
from tui.library import Contents, Query, SearchIndex
from tui.library.userdata import PlacedNote
from tui.records import Article, Event, Official, Role


@dataclass(slots=True)
class NameMark:
    """Where an official's name is marked in a paragraph: ``start:end``."""

    official_id: str
    start: int
    end: int


@dataclass
class ArticleMatches:
    """The articles a query found, in display order, with their hit paragraphs."""

    ids: list[str]
    hits: Mapping[str, set[int]] = field(default_factory=dict)
    query: Query | None = None


def result_ids(results) -> list[str]:
    """Article ids of search results in order (without making every result, when it can)."""
    fast = getattr(results, "article_ids", None)
    return fast() if fast is not None else [r.article_id for r in results]


class HitParagraphs(Mapping[str, set[int]]):
    """Hit paragraph numbers per article id, worked out for an article when first asked
    (the reader asks for the one it shows; a query may match thousands)."""

    def __init__(self, results, ids: list[str]):
        self._results = results
        self._ids = ids
        self._where: dict[str, int] | None = None
        self._done: dict[str, set[int]] = {}

    def __getitem__(self, key: str) -> set[int]:
        found = self._done.get(key)
        if found is None:
            if self._where is None:
                self._where = {article_id: k for k, article_id in enumerate(self._ids)}
            k = self._where[key]  # KeyError: not a result
            found = self._done[key] = {h.paragraph for h in self._results[k].hits}
        return found

    def __iter__(self) -> Iterator[str]:
        return iter(self._ids)

    def __len__(self) -> int:
        return len(self._ids)


class Catalog:
    """Articles, officials and events of one store, indexed for the UI.

    ``articles`` and ``article_by_id`` may hold headings only (records without body and
    facts, see ``tui.library.snapshot``): ``article(id)`` gives the full record.
    """

    def __init__(self, contents: Contents):
        """Index ``contents`` for the panes (slow for big stores: build it in a worker); its
        search index is loaded (or built and saved) now too."""
        self.contents = contents
        # The index saved beside the store loads in milliseconds; building one takes seconds.
        self.index: SearchIndex = contents.index
        articles, officials, events = contents.articles, contents.officials, contents.events
        self.articles = articles
        self.article_by_id = {a.id: a for a in articles}
        self.officials = sorted(officials, key=lambda o: (-len(o.article_ids), fold(o.name)))
        self.official_by_id = {o.id: o for o in self.officials}
        self.official_by_name = {fold(o.name): o for o in self.officials}
        self.events = events
        self.event_by_id = {e.id: e for e in events}
        self.mentions: dict[str, dict[int, list[NameMark]]] = defaultdict(lambda: defaultdict(list))
        people: dict[str, set[str]] = defaultdict(set)
        for official in self.officials:
            for m in official.mentions:
                self.mentions[m.article_id][m.paragraph].append(NameMark(official.id, m.start, m.end))
                people[m.article_id].add(official.id)
            for article_id in official.article_ids:
                people[article_id].add(official.id)
        self._official_counts = {article_id: len(ids) for article_id, ids in people.items()}
        self.evidence: dict[str, dict[int, list[str]]] = defaultdict(lambda: defaultdict(list))
        for event in events:
            for ev in event.evidence:
                self.evidence[ev.article_id][ev.paragraph].append(event.id)
        self.outlets = sorted({a.outlet for a in articles if a.outlet}, key=str.casefold)
        self.countries = sorted({o.country for o in officials if o.country}, key=str.casefold)
        self._short_ids: dict[str, str] | None = None

    def short_id(self, article_id: str) -> str:
        """The shortest start of the article's id that names it alone (at least 6 characters),
        as `cca-tui articles` shows it and every id-taking command accepts."""
        if self._short_ids is None:  # one sort of every id: when first asked, or warming up
            self._short_ids = short_ids(self.article_by_id)
        return self._short_ids.get(article_id, article_id)

    def article(self, article_id: str) -> Article | None:
        """The full record of an article (with its paragraphs), for reading, quoting, exporting.

        Falls back to the heading when the body cannot be read (the file went away)."""
        heading = self.article_by_id.get(article_id)
        if heading is None:
            return None
        return self.contents.article(article_id) or heading

    # -- what the user wrote (tags and notes) --------------------------------

    def tags_of(self, kind: str, key: str) -> list[str]:
        """The tags on an article, official or event (``tui.records.ARTICLE`` …), sorted."""
        return self.contents.tags_of(kind, key)

    def notes_in(self, article: Article) -> list[PlacedNote]:
        """The notes on ``article`` (read with its paragraphs) and where each shows."""
        return self.contents.notes_in(article)

    def known_tags(self) -> list[str]:
        """Every tag in the store, sorted: what the tag dialog completes."""
        return self.contents.annotations.known_tags()

    # -- rows --------------------------------------------------------------

    def official_count(self, article: Article) -> int:
        """Distinct officials named in an article (as the officials pane knows them)."""
        return self._official_counts.get(article.id, 0)

    @staticmethod
    def latest_title(official: Official) -> str:
        """The official's most recent title (by the date of the article it came from)."""
        roles = [r for r in official.roles if r.title]
        if roles:
            return max(roles, key=lambda r: r.date or "").title
        return official.titles[-1] if official.titles else ""

    @staticmethod
    def title_runs(official: Official) -> list[list[Role]]:
        """The official's roles by date, grouped into runs of the same title: a title held
        through 2,000 articles is one run, and a change of title starts the next."""
        runs: list[list[Role]] = []
        for role in sorted((r for r in official.roles if r.title), key=lambda r: r.date or ""):
            if runs and runs[-1][-1].title == role.title:
                runs[-1].append(role)
            else:
                runs.append([role])
        return runs

    # -- cross-links ---------------------------------------------------------

    def officials_in(self, article_id: str, paragraph: int | None = None) -> list[Official]:
        """Officials mentioned in an article (or one of its paragraphs), in order of appearance."""
        by_para = self.mentions.get(article_id, {})
        paras = [paragraph] if paragraph is not None else sorted(by_para)
        seen: dict[str, Official] = {}
        for n in paras:
            for m in sorted(by_para.get(n, ()), key=lambda m: m.start):
                if m.official_id not in seen and m.official_id in self.official_by_id:
                    seen[m.official_id] = self.official_by_id[m.official_id]
        return list(seen.values())

    def mention_places(self, official: Official) -> list[tuple[str, int]]:
        """(article id, first paragraph) for each article that mentions the official, newest first."""
        first: dict[str, int] = {}
        for m in official.mentions:
            aid, n = m.article_id, m.paragraph
            first[aid] = min(n, first.get(aid, n))
        for aid in official.article_ids:
            first.setdefault(aid, 1)
        order = {a.id: i for i, a in enumerate(self.articles)}
        return sorted(((a, n) for a, n in first.items() if a in self.article_by_id), key=lambda p: order[p[0]])

    def co_mentioned(self, official: Official, limit: int = 8) -> list[tuple[Official, int]]:
        """Officials most often named in the same articles, with the number of shared articles."""
        counts: Counter[str] = Counter()
        for aid in official.article_ids:
            for other in self.officials_in(aid):
                if other.id != official.id:
                    counts[other.id] += 1
        return [(self.official_by_id[i], n) for i, n in counts.most_common(limit)]

    def events_of(self, official: Official) -> list[Event]:
        """Timeline events the official took part in."""
        names = {fold(n) for n in official.names if n}
        return [e for e in self.events if any(fold(p) in names for p in e.participants)]

    def official_named(self, name: str) -> Official | None:
        return self.official_by_name.get(fold(name))

    # -- filtering: one Query, the typed text narrowed by the picker's filters -------------

    def match_articles(self, query: Query) -> ArticleMatches:
        """Articles meeting ``query``: ranked when it has words or phrases, else newest first."""
        if query.is_empty:
            return ArticleMatches([a.id for a in self.articles], {}, query)
        results = self.contents.find_articles(query)
        ids = result_ids(results)
        if not query.has_text:
            # Filters alone: keep newest-first order rather than scores.
            keep = set(ids)
            return ArticleMatches([a.id for a in self.articles if a.id in keep], {}, query)
        return ArticleMatches(ids, HitParagraphs(results, ids), query)

    def match_officials(self, query: Query) -> list[str]:
        """Ids of the officials meeting ``query``, in list order."""
        matches = self.contents.official_matches
        return [o.id for o in self.officials if matches(o, query)]

    def match_events(self, query: Query) -> list[str]:
        """Ids of the events meeting ``query``, in date order."""
        matches = self.contents.event_matches
        return [e.id for e in self.events if matches(e, query)]
