"""The command palette (ctrl+p): commands that fit where you are.

Titles are ``area: action`` so typing the area narrows the list (``cite``, ``open``,
``add``, ``filter``, ``export``, ``pane``, ``theme``). Titles and help hold article titles, names
and outlets: they reach the palette as literal ``Content`` (Textual would parse a string
as markup: a title with ``[/]`` crashed it, ``[@click=…]`` ran an action).

A command calls down into the main screen (switch a pane, follow a link, set filters) or
posts a message up for the app (copy, show, export); it never imports the app.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.message import Message

from tui.app import copying
from tui.app.display import fuzzy_highlight, text
from tui.app.formatting import plural, safe
from tui.app.links import ArticleLink, OfficialLink
from tui.app.messages import AddSources, CopyCitation, CopyQuotation, ExportList, FetchFeeds, ShowCitation
from tui.app.screens.main import MainScreen

Command = tuple[str, Callable[[], object], str]


class CcaCommands(Provider):
    """Panes, opening by name, citations, exports, filters and theme."""

    def _main(self) -> MainScreen | None:
        screen = self.screen
        return screen if isinstance(screen, MainScreen) else None

    @staticmethod
    def _ask(main: MainScreen, message: type[Message], *args: object) -> Callable[[], object]:
        """Post ``message(*args)`` from the main screen when the command runs (the app handles it)."""
        return lambda: main.post_message(message(*args))

    def _app_action(self, action: str) -> Callable[[], object]:
        """Run the app's ``action`` (``help``, ``copy_history``, ``change_theme``)."""
        return partial(self.app.run_action, f"app.{action}")

    def fixed_commands(self) -> Iterator[Command]:
        """The short list shown before typing (and searched too)."""
        main = self._main()
        if main is None:
            return
        for kind, title in (("articles", "Articles"), ("officials", "Officials"), ("timeline", "Timeline")):
            if main.current_pane.kind != kind:
                yield f"pane: {title}", partial(main.action_show_pane, kind), f"Switch to the {title} pane"
        article = main.current_article()
        if article is not None:
            title = safe(article.title)
            short = title if len(title) <= 40 else title[:39].rstrip() + "…"  # not a whole title
            for style in copying.styles():
                yield (f"cite: copy as {style.label}", self._ask(main, CopyCitation, article, style.name),
                       f"Copy the citation of “{short}”")
            yield ("cite: show the citation text", self._ask(main, ShowCitation, article),
                   "Show the citation (default style) whole, to select it by hand")
            reader = main.pane("articles").reader
            if main.current_pane.kind == "articles" and reader.current_paragraph is not None:
                n = reader.current_paragraph
                yield (f"cite: quote paragraph {n}", self._ask(main, CopyQuotation, article, n),
                       "Copy the current paragraph as a quotation with its citation")
        pane = main.current_pane
        for fmt in copying.list_export_formats(pane.kind):
            # The keys are read when the command runs: the list as it is then.
            yield (f"export: {pane.title.lower()} list as {fmt}",
                   lambda kind=pane.kind, fmt=fmt: main.post_message(ExportList(kind, fmt, main.listed(kind))),
                   f"Save the {pane.summary()} shown now to a file")
        yield from self._mark_commands(main)
        yield "add: fetch feeds", self._ask(main, FetchFeeds), "Fetch the followed news feeds' new articles"
        yield ("add: URL or file…", self._ask(main, AddSources),
               "Add web pages by URL, saved pages and texts by path, as cca-tui ingest does")
        yield "filter: choose…", main.action_filters, "Filter all panes by country, outlet and dates"
        if main.filters.active:
            yield "filter: clear all", main.action_clear_filters, f"Remove: {main.filters.describe()}"
        catalog = main.catalog
        if catalog is not None:
            for country in catalog.countries:
                yield (f"filter: country {safe(country)}",
                       partial(main.set_filters, main.filters.with_(country=country)), "Officials of this country")
            for outlet in catalog.outlets:
                yield (f"filter: outlet {safe(outlet)}",
                       partial(main.set_filters, main.filters.with_(outlet=outlet)), "Articles from this outlet")
        yield "theme: change theme", self._app_action("change_theme"), "Pick a colour theme"
        yield "help: keys", self._app_action("help"), "Every key, grouped"
        yield ("history: recent copies", self._app_action("copy_history"),
               "Citations copied recently: copy one again, or show its text")

    @staticmethod
    def _mark_commands(main: MainScreen) -> Iterator[Command]:
        """Export the marked articles (from any pane); clear this pane's marks."""
        articles = len(main.marked("articles"))
        if articles:
            yield ("marks: export marked articles…", main.action_export_marked,
                   f"Save the {plural(articles, 'marked article')} to a file: a reference list, BibTeX, RIS, …")
        marked = len(main.marked(main.current_pane.kind))
        if marked:
            yield ("marks: clear marks", main.action_clear_marks,
                   f"Unmark the {plural(marked, main.current_pane.noun)} marked in this pane")

    def name_commands(self) -> Iterator[Command]:
        """Every article and official by name (searched, not listed up front)."""
        main = self._main()
        catalog = main.catalog if main is not None else None
        if main is None or catalog is None:
            return
        for official in catalog.officials:
            yield (f"open official: {safe(official.name)}", partial(main.go, OfficialLink(official.id)),
                   safe(" · ".join(v for v in (official.country, catalog.latest_title(official)) if v)))
        for article in catalog.articles:
            yield (f"open article: {safe(article.title)}", partial(main.go, ArticleLink(article.id)),
                   safe(" · ".join(v for v in (article.outlet, article.published) if v)))

    async def discover(self) -> Hits:
        for title, callback, help_text in self.fixed_commands():
            yield DiscoveryHit(text(title), callback, text=title, help=text(help_text))  # type: ignore[arg-type]

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for source in (self.fixed_commands(), self.name_commands()):
            for title, callback, help_text in source:
                score = matcher.match(title)
                if score > 0:
                    yield Hit(score, fuzzy_highlight(matcher, title), callback, text=title,
                              help=text(help_text))  # type: ignore[arg-type]  # Content: never parsed
