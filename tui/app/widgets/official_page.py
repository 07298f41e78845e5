"""An official's page: what they did and when first, then titles, articles, who they appear with.

The page leads with the official's dated events (date and summary, each a link to the
event) under the same strip the Timeline shows, or says there are none; ``[`` / ``]``
move the cursor to the first event of the previous / next period, and the strip marks
the period of the event under the cursor.
"""

from __future__ import annotations

from typing import ClassVar

from textual.binding import BindingType
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tui.app.bindings import STRIP_BINDINGS
from tui.app.catalog import Catalog
from tui.app.chart import Chart, bar_rows_for
from tui.app.display import line, text
from tui.app.formatting import precise_date, safe
from tui.app.links import ArticleLink, EventLink, OfficialLink, SearchLink
from tui.app.widgets.detail import DetailList
from tui.app.widgets.hanging import HangingIndent
from tui.app.widgets.marginalia import header_options
from tui.app.widgets.options import DATE, MUTED, LinkOption, heading, plain
from tui.app.widgets.strip import StripVisual, strip_hint
from tui.dates import event_when
from tui.facts import spellings_by_article
from tui.records import OFFICIAL, Event, Official

# An official named in thousands of articles: the page lists this many articles and events,
# then links to the whole list in its pane (building thousands of options took 0.2-0.3 s).
PAGE_LIMIT = 100
STRIP_ROWS = 3  # the page's strip is at most this many rows of bars: the events come right under it


class EventOption(LinkOption):
    """One of the official's events: a link to its page."""

    def __init__(self, event: Event) -> None:
        super().__init__(HangingIndent(text(f"{event_when(event):<14} ", DATE), text(event.summary)),
                         EventLink(event.id))
        self.event_id = event.id


class StripOption(Option):
    """The strip of the official's events, a line of the page that goes nowhere."""

    def __init__(self, visual: StripVisual) -> None:
        super().__init__(visual, disabled=True)
        self.visual = visual


def more_link(hidden: int, pane: str, official: Official) -> Option:
    """A link to the whole list in its pane, filtered to the official, after the first ``PAGE_LIMIT``."""
    query = f'official:"{official.name}"'
    return LinkOption(line(text(f"… {hidden} more: list them in {pane.title()} ", MUTED), text(query)),
                      SearchLink(pane, query))


class OfficialDetail(DetailList):
    """Events (with their strip), aliases, titles over time, articles naming them, co-mentioned officials."""

    BINDINGS: ClassVar[list[BindingType]] = STRIP_BINDINGS

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.chart = Chart()

    def show(self, official: Official | None, catalog: Catalog) -> None:
        self.clear_options()
        self.key = official.id if official else None
        self.chart = Chart()
        if official is None:
            self.add_option(plain("No official selected."))
            return
        options: list[Option] = [Option(text(official.name, "bold"), disabled=True)]
        about = " · ".join(safe(v) for v in (official.country, catalog.latest_title(official)) if v)
        if about:
            options.append(plain(text(about, MUTED)))
        aliases = [a for a in official.aliases if a != official.name]
        if aliases:
            options.append(plain(line(text("Also written: ", MUTED), text(", ".join(aliases)))))
        options.extend(header_options(catalog.tags_of(OFFICIAL, official.id), []))
        options += self._events(official, catalog)
        options += self._titles(official, catalog)
        options += self._articles(official, catalog)

        co = catalog.co_mentioned(official)
        if co:
            options.append(heading("Often mentioned with"))
            for other, count in co:
                options.append(LinkOption(line(
                    text(other.name), text(f"  {safe(other.country or '')} · {count} shared", MUTED),
                ), OfficialLink(other.id)))
        self.set_page(options)
        self._mark_period()

    def _events(self, official: Official, catalog: Catalog) -> list[Option]:
        events = [e for e in catalog.events_of(official) if e.date]
        if not events:
            return [heading("Events"), plain(f"No dated events found for {official.name} in these articles.")]
        self.chart = Chart.of(events)
        rows = min(bar_rows_for(self.app.size.height), STRIP_ROWS)
        options: list[Option] = [heading(f"Events ({len(events)})"),
                                 StripOption(StripVisual(self.chart, None, rows, strip_hint(self)))]
        options += [EventOption(event) for event in events[:PAGE_LIMIT]]
        if len(events) > PAGE_LIMIT:
            options.append(more_link(len(events) - PAGE_LIMIT, "timeline", official))
        return options

    @staticmethod
    def _titles(official: Official, catalog: Catalog) -> list[Option]:
        runs = catalog.title_runs(official)
        options: list[Option] = [heading("Titles over time")] if runs else []
        for run in runs:
            # One line per run of the same title, linked to the article that first gives it.
            role = run[0]
            article = catalog.article_by_id.get(role.article_id or "")
            if len(run) == 1:
                source = safe(article.title) if article else "unknown article"
            else:
                source = f"{len(run)} articles, to {precise_date(run[-1].date, 'day')}"
            prompt = HangingIndent(text(f"{precise_date(role.date, 'day'):<12} ", DATE),
                                   line(text(role.title), text(f" — {source}", MUTED)))
            options.append(LinkOption(prompt, ArticleLink(role.article_id, role.paragraph or 1) if article else None))
        return options

    @staticmethod
    def _articles(official: Official, catalog: Catalog) -> list[Option]:
        places = catalog.mention_places(official)
        options: list[Option] = [heading(f"Articles ({len(places)})")]
        spellings = spellings_by_article(official)
        for article_id, n in places[:PAGE_LIMIT]:
            article = catalog.article_by_id[article_id]
            # the article's own spelling, for quoting it
            written = [w for w in spellings.get(article_id, ()) if w != official.name]
            options.append(LinkOption(HangingIndent(
                text(f"{article.published or 'undated':<11} ", MUTED),
                line(text(article.title), text(f"  ¶{n}", MUTED),
                     text(f"  as “{', '.join(written)}”" if written else "", MUTED)),
            ), ArticleLink(article_id, n)))
        if len(places) > PAGE_LIMIT:
            options.append(more_link(len(places) - PAGE_LIMIT, "articles", official))
        return options

    # -- the strip follows the cursor; [ and ] move it ----------------------------------

    def _event_index(self, event_id: str) -> int | None:
        return next((i for i, o in enumerate(self.options) if getattr(o, "event_id", None) == event_id), None)

    def _mark_period(self, chosen: int | None = None) -> None:
        """Mark ``chosen`` on the strip, or else the period of the event under the cursor."""
        strip = next(((i, o) for i, o in enumerate(self.options) if isinstance(o, StripOption)), None)
        if strip is None:
            return
        if chosen is None:
            chosen = self.chart.bucket_of.get(getattr(self.highlighted_option, "event_id", None) or "")
        index, option = strip
        if chosen != option.visual.chosen:
            old = option.visual
            option.visual = StripVisual(old.chart, chosen, old.bar_rows, old.hint)
            self.replace_option_prompt_at_index(index, option.visual)

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        if self.chart.buckets:
            self._mark_period()

    def action_strip_step(self, direction: int) -> None:
        """``[`` / ``]``: the first event of the previous / next period with events."""
        strip = next((o for o in self.options if isinstance(o, StripOption)), None)
        if strip is None:
            return
        target = self.chart.step(strip.visual.chosen, direction, self.highlighted, self._event_index)
        if target is None:
            return
        index = self._event_index(self.chart.buckets[target].ids[0])
        self._mark_period(target)
        if index is not None:
            self.highlighted = index
