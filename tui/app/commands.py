"""The command palette (ctrl+p): commands that fit where you are.

Titles are ``area: action`` so typing the area narrows the list (``cite``, ``open``,
``filter``, ``export``, ``pane``, ``theme``). Titles and help hold article titles, names
and outlets: they reach the palette as literal ``Content`` (Textual would parse a string
as markup: a title with ``[/]`` crashed it, ``[@click=…]`` ran an action).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider

from tui.app import copying
from tui.app.display import fuzzy_highlight, text
from tui.app.formatting import safe

if TYPE_CHECKING:
    from tui.app.app import CcaApp

Command = tuple[str, Callable[[], object], str]


class CcaCommands(Provider):
    """Panes, opening by name, citations, exports, filters and theme."""

    @property
    def cca(self) -> CcaApp:
        return self.app  # type: ignore[return-value]

    def _main(self):
        from tui.app.screens.main import MainScreen

        screen = self.screen
        return screen if isinstance(screen, MainScreen) else None

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
                yield (f"cite: copy as {style.label}", partial(self.cca.copy_citation, article, style.name),
                       f"Copy the citation of “{short}”")
            yield ("cite: show the citation text", partial(self.cca.show_citation, article),
                   "Show the citation (default style) whole, to select it by hand")
            reader = main.pane("articles").reader
            if main.current_pane.kind == "articles" and reader.current_paragraph is not None:
                n = reader.current_paragraph
                yield (f"cite: quote paragraph {n}", partial(self.cca.copy_quotation, article, n),
                       "Copy the current paragraph as a quotation with its citation")
        pane = main.current_pane
        for fmt in self.cca.export_formats(pane.kind):
            yield (f"export: {pane.title.lower()} list as {fmt}", partial(self.cca.export_list, pane.kind, fmt),
                   f"Save the {pane.summary()} shown now to a file")
        yield "filter: choose…", main.action_filters, "Filter all panes by country, outlet and dates"
        if main.filters.active:
            yield "filter: clear all", main.action_clear_filters, f"Remove: {main.filters.describe()}"
        catalog = self.cca.catalog
        if catalog is not None:
            for country in catalog.countries:
                yield (f"filter: country {safe(country)}",
                       partial(main.set_filters, main.filters.with_(country=country)), "Officials of this country")
            for outlet in catalog.outlets:
                yield (f"filter: outlet {safe(outlet)}",
                       partial(main.set_filters, main.filters.with_(outlet=outlet)), "Articles from this outlet")
        yield "theme: change theme", self.cca.action_change_theme, "Pick a colour theme"
        yield "help: keys", self.cca.action_help, "Every key, grouped"
        yield ("history: recent copies", self.cca.action_copy_history,
               "Citations copied recently: copy one again, or show its text")

    def name_commands(self) -> Iterator[Command]:
        """Every article and official by name (searched, not listed up front)."""
        main = self._main()
        catalog = self.cca.catalog
        if main is None or catalog is None:
            return
        for official in catalog.officials:
            yield (f"open official: {safe(official.name)}", partial(main.go, "official", official.id),
                   safe(" · ".join(v for v in (official.country, catalog.latest_title(official)) if v)))
        for article in catalog.articles:
            yield (f"open article: {safe(article.title)}", partial(main.go, "article", article.id),
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
