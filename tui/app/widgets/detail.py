"""Detail views: the reader, an official's page and an event's page.

Each is an OptionList: its options are paragraphs or links, so the keyboard
cursor, scrolling and wrapping come for free and only visible lines render.
A link's option carries where it goes (a ``tui.app.links`` value); Enter on it posts
``Navigate`` for the screen to follow.
"""

from __future__ import annotations

from typing import ClassVar

from textual.binding import BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.visual import VisualType
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tui.app.bindings import DETAIL_BINDINGS, PARAGRAPH_BINDINGS, READER_BINDINGS
from tui.app.catalog import Catalog
from tui.app.display import line, text
from tui.app.formatting import date_spans, precise_date, safe, term_spans
from tui.app.links import ArticleLink, EventLink, Link, OfficialLink, SearchLink
from tui.app.messages import Navigate
from tui.app.widgets.hanging import HangingIndent
from tui.app.widgets.reader_header import article_footer, article_header
from tui.app.widgets.wrapping import WrappingOptionList
from tui.dates import event_when
from tui.facts import spellings_by_article
from tui.records import Article, Event, Official, Paragraph
from tui.search import Query

HEADING = "bold $text-primary"
MUTED = "$text-muted"
NAME = "bold $text-secondary"
DATE = "$text-warning"
# An official named in thousands of articles: the page lists this many articles and events,
# then links to the whole list in its pane (building thousands of options took 0.2-0.3 s).
PAGE_LIMIT = 100
HIT = "bold $text-accent on $accent-muted"


class LinkOption(Option):
    """An option that goes somewhere: Enter follows ``link``; without one it is plain text."""

    def __init__(self, prompt: VisualType, link: Link | None) -> None:
        super().__init__(prompt, disabled=link is None)
        self.link = link


class ParagraphOption(Option):
    """Paragraph ``n`` of the article in the reader."""

    def __init__(self, prompt: VisualType, n: int) -> None:
        super().__init__(prompt, id=f"para:{n}")
        self.n = n


def _heading(title: str) -> Option:
    return Option(text(title, HEADING), disabled=True)


def _bullet(tip: Content) -> HangingIndent:
    return HangingIndent(Content("· ").stylize(MUTED), tip)


def _more(hidden: int, pane: str, official: Official) -> Option:
    """A link to the whole list in its pane, filtered to the official, after the first ``PAGE_LIMIT``."""
    query = f'official:"{official.name}"'
    return LinkOption(line(text(f"… {hidden} more: list them in {pane.title()} ", MUTED), text(query)),
                      SearchLink(pane, query))


def _plain(content: Content | str) -> Option:
    return Option(content if isinstance(content, Content) else text(content), disabled=True)


class DetailList(WrappingOptionList):
    """An OptionList with j/k/g/G; Enter on a link posts ``Navigate``."""

    BINDINGS: ClassVar[list[BindingType]] = DETAIL_BINDINGS

    DEFAULT_CSS = """
    DetailList > .option-list--option-disabled { color: $foreground; }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes, markup=False)
        self.key: str | None = None

    def set_page(self, options: list[Option]) -> None:
        """Replace the options, with the cursor on the first link."""
        self.clear_options()
        self.add_options(options)
        self.highlight_first_link()

    def show_empty(self, heading: Content, tips: list[Content]) -> None:
        """Nothing is listed: say so, with what to try, instead of a blank page."""
        self.key = None
        options = [_plain(heading)]
        if tips:
            options += [_plain(Content(" ")), *(Option(_bullet(tip), disabled=True) for tip in tips)]
        self.set_page(options)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        link = getattr(event.option, "link", None)
        if link is not None:
            self.post_message(Navigate(link))

    def highlight_first_link(self) -> None:
        for index, option in enumerate(self.options):
            if not option.disabled:
                self.highlighted = index
                return
        self.highlighted = None

    def scroll_to_highlight(self, top: bool = False) -> None:
        """Bring the cursor into view, with the top of the page (the reader's title and URL)
        when the cursor's option fits below it, or is the first link and starts on screen."""
        index = self.highlighted
        if index is not None and index in self._index_to_line:
            start = self._index_to_line[index]
            height = self.scrollable_content_region.height
            first_link = all(o.disabled for o in self.options[:index])
            if start + self._heights[index] <= height or (first_link and start < height):
                self.scroll_home(animate=False, immediate=True)
                return
            if all(o.disabled for o in self.options[index + 1:]) and start >= self.virtual_size.height - height:
                # The last link or paragraph, whose start stays in view at the end: what
                # follows it (the reader's full id) too.
                self.scroll_end(animate=False, immediate=True)
                return
        super().scroll_to_highlight(top)

    @property
    def current_link(self) -> Link | None:
        """Where the highlighted option goes (None: it is no link)."""
        return getattr(self.highlighted_option, "link", None)


# -- the reader ---------------------------------------------------------------------


def paragraph_content(
    paragraph: Paragraph, catalog: Catalog, article_id: str, query: Query | None, hit: bool
) -> HangingIndent:
    """One numbered paragraph: names, dates and search hits highlighted; headings styled."""
    body = text(paragraph.text)  # same length: the stored offsets of names still apply
    plain = body.plain
    n = paragraph.n
    if paragraph.is_heading:
        body = body.stylize(HEADING)
    for mention in catalog.mentions.get(article_id, {}).get(n, ()):
        body = body.stylize(NAME, mention.start, mention.end)
    for start, end in date_spans(plain):
        body = body.stylize(DATE, start, end)
    if query is not None and hit:
        for start, end in term_spans(plain, query.words, query.phrases):
            body = body.stylize(HIT, start, end)
    marks = "◆" if n in catalog.evidence.get(article_id, {}) else " "
    gutter = Content(f"{n:>3}{marks} ").stylize(MUTED, 0, 4)
    return HangingIndent(gutter, body)


class ParagraphList(DetailList):
    """The reader's paragraphs; the highlighted one is the current paragraph."""

    BINDINGS: ClassVar[list[BindingType]] = PARAGRAPH_BINDINGS

    # The current paragraph is read, not just picked: a tint rather than the block cursor,
    # so its names, dates and hits keep their own colours (see tui.app.contrast).
    DEFAULT_CSS = """
    ParagraphList > .option-list--option-highlighted {
        color: $foreground; background: $primary 15%; text-style: none;
    }
    ParagraphList:focus > .option-list--option-highlighted {
        color: $foreground; background: $primary 35%; text-style: none;
    }
    """

    @property
    def current_paragraph(self) -> int | None:
        option = self.highlighted_option
        return option.n if isinstance(option, ParagraphOption) else None

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        # Enter on a paragraph lists its officials, like `o`.
        event.stop()
        reader = next((a for a in self.ancestors if isinstance(a, Reader)), None)
        if reader is not None:
            reader.action_paragraph_officials()


class Reader(Vertical):
    """An article: header (title, outlet, date, URL) and numbered paragraphs, in one scrolling list."""

    BINDINGS: ClassVar[list[BindingType]] = READER_BINDINGS

    class ParagraphOfficials(Message):
        """`o`: the officials of the current paragraph were asked for."""

        def __init__(self, article_id: str, paragraph: int) -> None:
            super().__init__()
            self.article_id = article_id
            self.paragraph = paragraph

    class QuoteParagraph(Message):
        """`y`: copy the current paragraph as a quotation."""

        def __init__(self, article_id: str, paragraph: int) -> None:
            super().__init__()
            self.article_id = article_id
            self.paragraph = paragraph

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.article: Article | None = None

    def compose(self):
        yield ParagraphList(classes="paragraphs")

    def on_mount(self) -> None:
        self.paragraphs.add_option(_plain("No article selected."))

    @property
    def paragraphs(self) -> ParagraphList:
        return self.query_one(ParagraphList)

    @property
    def key(self) -> str | None:
        return self.article.id if self.article else None

    def show(self, article: Article | None, catalog: Catalog, query: Query | None = None,
             hits: set[int] | None = None, paragraph: int | None = None) -> None:
        """Display ``article``; put the paragraph cursor on ``paragraph`` (or the first hit)."""
        self.article = article
        plist = self.paragraphs
        plist.clear_options()
        if article is None:
            plist.add_option(_plain("No article selected."))
            return
        hits = hits or set()
        plist.add_options([
            *article_header(article, catalog.short_id(article.id)),
            *(ParagraphOption(paragraph_content(p, catalog, article.id, query, p.n in hits), p.n)
              for p in article.paragraphs or ()),
            *article_footer(article),
        ])
        target = paragraph if paragraph is not None else (min(hits) if hits else None)
        self.go_to_paragraph(target)

    def show_empty(self, heading: Content, tips: list[Content]) -> None:
        """Nothing is listed: the header says so and the page lists what to try."""
        self.article = None
        plist = self.paragraphs
        plist.clear_options()
        plist.add_options([_plain(heading), None, *(Option(_bullet(tip), disabled=True) for tip in tips)])

    def go_to_paragraph(self, paragraph: int | None) -> None:
        plist = self.paragraphs
        numbers = [(i, o.n) for i, o in enumerate(plist.options) if isinstance(o, ParagraphOption)]
        if not numbers:
            return
        plist.highlighted = next((i for i, n in numbers if n == paragraph), numbers[0][0])
        # After layout (a new page has no size yet): the paragraph at the top (the first
        # one under the header, see DetailList.scroll_to_highlight).
        self.call_after_refresh(plist.scroll_to_highlight, top=True)

    @property
    def current_paragraph(self) -> int | None:
        return self.paragraphs.current_paragraph

    def action_paragraph_officials(self) -> None:
        n = self.current_paragraph
        if self.article is not None and n is not None:
            self.post_message(self.ParagraphOfficials(self.article.id, n))

    def action_copy_quotation(self) -> None:
        n = self.current_paragraph
        if self.article is not None and n is not None:
            self.post_message(self.QuoteParagraph(self.article.id, n))


# -- an official's page ------------------------------------------------------------------


class OfficialDetail(DetailList):
    """Titles over time, aliases, articles mentioning them, co-mentioned officials, events."""

    def show(self, official: Official | None, catalog: Catalog) -> None:
        self.clear_options()
        self.key = official.id if official else None
        if official is None:
            self.add_option(_plain("No official selected."))
            return
        options: list[Option] = [Option(text(official.name, "bold"), disabled=True)]
        about = " · ".join(safe(v) for v in (official.country, catalog.latest_title(official)) if v)
        if about:
            options.append(_plain(text(about, MUTED)))
        aliases = [a for a in official.aliases if a != official.name]
        if aliases:
            options.append(_plain(line(text("Also written: ", MUTED), text(", ".join(aliases)))))

        runs = catalog.title_runs(official)
        if runs:
            options.append(_heading("Titles over time"))
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
                link = ArticleLink(role.article_id, role.paragraph or 1) if article else None
                options.append(LinkOption(prompt, link))

        places = catalog.mention_places(official)
        options.append(_heading(f"Articles ({len(places)})"))
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
            options.append(_more(len(places) - PAGE_LIMIT, "articles", official))

        co = catalog.co_mentioned(official)
        if co:
            options.append(_heading("Often mentioned with"))
            for other, count in co:
                options.append(LinkOption(line(
                    text(other.name), text(f"  {safe(other.country or '')} · {count} shared", MUTED),
                ), OfficialLink(other.id)))

        events = catalog.events_of(official)
        if events:
            options.append(_heading(f"Events ({len(events)})" if len(events) > PAGE_LIMIT else "Events"))
            for event in events[:PAGE_LIMIT]:
                options.append(LinkOption(HangingIndent(
                    text(f"{event_when(event):<14} ", DATE),
                    text(event.summary),
                ), EventLink(event.id)))
            if len(events) > PAGE_LIMIT:
                options.append(_more(len(events) - PAGE_LIMIT, "timeline", official))
        self.set_page(options)


# -- an event's page -------------------------------------------------------------------------


class EventDetail(DetailList):
    """Date, place, participants (links to officials), evidence (links into the reader)."""

    def show(self, event: Event | None, catalog: Catalog) -> None:
        self.clear_options()
        self.key = event.id if event else None
        if event is None:
            self.add_option(_plain("No event selected."))
            return
        options = [
            Option(text(event.summary, "bold"), disabled=True),
            _plain(line(
                text(event_when(event), DATE),
                text(f" · {safe(event.place)}" if event.place else "", MUTED),
            )),
        ]
        if event.participants:
            options.append(_heading("Participants"))
            for name in event.participants:
                official = catalog.official_named(name)
                label = line(text(name), text(f"  {safe(official.country or '')}", MUTED)) if official else text(name)
                options.append(LinkOption(label, OfficialLink(official.id) if official else None))
        evidence = event.evidence
        options.append(_heading(f"Evidence ({len(evidence)})"))
        for item in evidence:
            article = catalog.article_by_id.get(item.article_id or "")
            source = safe(article.title) if article else "unknown article"
            options.append(LinkOption(line(
                text(f"“{safe(item.text)}”"), Content("\n"),
                text(f"   — {source}, ¶{item.paragraph}", MUTED),
            ), ArticleLink(item.article_id, item.paragraph or 1) if article else None))
        self.set_page(options)
