"""Helpers shared by the CLI commands."""

from __future__ import annotations

import argparse
import sys

from tui import collector
from tui.cli.layout import TITLE_MIN, fit_row, natural_width, one_line, terminal_width
from tui.cli.output import error, safe
from tui.ids import AmbiguousId, UnknownId, resolve_id, short_ids
from tui.library import Annotations, Contents, Library, Query, QueryError, check_window, conditions, parse_query
from tui.records import ARTICLE, Article


def open_store(args: argparse.Namespace, *, name_unusable: bool = True) -> Library:
    """The library at ``--db`` (or the default), created and seeded if nothing is there;
    says on stderr when it was created, and (unless ``name_unusable`` is False: ``db check``
    lists them itself) which records it had to leave out."""
    with collector.loading():  # what it reads lives until the command exits
        library = Library.open(args.db, seed=not args.no_seed)
    for line in library.notices(unusable=name_unusable):
        error(line)
    return library


class CommandExit(Exception):
    """Stop the command with this exit status; what went wrong is already printed."""

    def __init__(self, code: int) -> None:
        super().__init__(code)
        self.code = code


ID_HELP = "the article's id, or any start of it no other id has (`cca-tui articles` shows the shortest)"
# An ambiguous id lists this many candidates, then how many more there are.
CANDIDATES_SHOWN = 10


def find_article(contents: Contents, given: str) -> Article:
    """The article ``given`` names: its id, or a start of its id that no other id has
    (see ``tui.ids``). Otherwise says so on stderr and raises ``CommandExit``: 1 for no
    such article (as for any missing input), 2 for an ambiguous start (a usage error),
    after the candidates: short id, date and title, a line each."""
    article = contents.article(given)
    if article is not None:
        return article
    articles = {a.id: a for a in contents.articles}
    try:
        return contents.article(resolve_id(given, articles))
    except UnknownId:
        error(f"no article with id {given!r} (see `cca-tui articles`)")
        raise CommandExit(1) from None
    except AmbiguousId as many:
        named = set(many.candidates)
        lines = candidate_lines([a for a in articles.values() if a.id in named],  # newest first
                                short_ids(articles), terminal_width() - 2)
        print(f"cca-tui: {safe(given)!r} is the start of {len(many.candidates)} article ids; "
              "give more of it:", file=sys.stderr)
        for line in lines:
            print("  " + line, file=sys.stderr)
        raise CommandExit(2) from None


def candidate_lines(articles: list[Article], short: dict[str, str], width: int) -> list[str]:
    """Short id, date and title of each candidate, at most ``CANDIDATES_SHOWN`` of
    them, then "… and N more"."""
    shown = articles[:CANDIDATES_SHOWN]
    rows = [[short[a.id], safe(a.published or "—"), one_line(a.title) or "(untitled)"] for a in shown]
    id_w = natural_width("", [r[0] for r in rows])
    date_w = natural_width("", [r[1] for r in rows])
    lines = [fit_row(r, [id_w, date_w, max(TITLE_MIN, width - id_w - date_w - 4)]) for r in rows]
    if len(articles) > len(shown):
        lines.append(f"… and {len(articles) - len(shown)} more")
    return lines


def cli_query(words: list[str], **flags: str | None) -> Query:
    """The typed QUERY words narrowed by each filter flag (``country="kz"``), every flag read
    as its filter reads a value — the explorer's picker builds its query the same way, with
    no query text in between; raises ``QueryError`` naming the flag.

    Words that were given but hold nothing to search (``""``, ``"!!!"``) are an error
    here, not "everything": on the command line they are a mistake, e.g. an unset variable.
    """
    query = parse_query(" ".join(words))
    if words and query.is_empty:
        raise QueryError("nothing to search: the query is empty")
    for key, value in flags.items():
        try:
            query &= conditions(**{key: value or ""})
        except QueryError as exc:
            raise QueryError(f"--{key}: {exc}") from None
    return check_window(query)


def add_json_flag(parser: argparse._ActionsContainer) -> None:
    parser.add_argument("--json", action="store_true", help="print one JSON document")


def user_data_json(annotations: Annotations, article_id: str) -> dict:
    """What the user wrote on an article, as ``articles --json`` and ``search --json`` give
    it: its tags, and how many notes it has (``article ID --json`` gives them)."""
    return {"tags": annotations.tags_of(ARTICLE, article_id), "notes": len(annotations.notes_of(article_id))}


def article_summary(article: Article) -> dict:
    """The ``articles --json`` shape of an article."""
    return {
        "id": article.id,
        "title": article.title,
        "outlet": article.outlet,
        "url": article.url,
        "published": article.published,
        "authors": list(article.authors),
        "language": article.language,
    }
