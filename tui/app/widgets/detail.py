"""Detail views: the reader and an event's page (an official's: ``official_page``).

Each is an OptionList: its options are paragraphs or links, so the keyboard
cursor, scrolling and wrapping come for free and only visible lines render.
A link's option carries where it goes (a ``tui.app.links`` value); Enter on it posts
``Navigate`` for the screen to follow.
"""

from __future__ import annotations

from bisect import bisect_right
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
from tui.app.evidence import line_starts, sentence_span
from tui.app.formatting import date_spans, safe, term_spans
from tui.app.links import ArticleLink, Link, OfficialLink
from tui.app.messages import Navigate
from tui.app.widgets.hanging import HangingIndent
from tui.app.widgets.marginalia import NOTE, NOTE_MARK, header_options, marginalia, note_option
from tui.app.widgets.options import DATE, HEADING, MUTED, LinkOption
from tui.app.widgets.options import bullet as _bullet
from tui.app.widgets.options import heading as _heading
from tui.app.widgets.options import plain as _plain
from tui.app.widgets.reader_header import article_footer, article_header
from tui.app.widgets.wrapping import WrappingOptionList
from tui.dates import event_when
from tui.records import EVENT, Article, Event, Paragraph
from tui.library import Query

NAME = "bold $text-secondary"
HIT = "bold $text-accent on $accent-muted"
SENTENCE = "underline on $warning-muted"  # an event's evidence, reached from the event


class ParagraphOption(Option):
    """Paragraph ``n`` of the article in the reader."""

    def __init__(self, prompt: VisualType, n: int) -> None:
        super().__init__(prompt, id=f"para:{n}")
        self.n = n


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
    paragraph: Paragraph, catalog: Catalog, article_id: str, query: Query | None, hit: bool,
    sentence: tuple[int, int] | None = None,
    noted: bool | None = None,
) -> HangingIndent:
    """One numbered paragraph: names, dates and search hits highlighted; headings styled;
    ``sentence`` (a span) marked: the evidence of the event followed here; ``noted`` (in an
    article with paragraph notes): a column marking those that have one."""
    body = text(paragraph.text)  # same length: the stored offsets of names still apply
    plain = body.plain
    n = paragraph.n
    if paragraph.is_heading:
        body = body.stylize(HEADING)
    if sentence is not None:
        body = body.stylize(SENTENCE, *sentence)
    for mention in catalog.mentions.get(article_id, {}).get(n, ()):
        body = body.stylize(NAME, mention.start, mention.end)
    for start, end in date_spans(plain):
        body = body.stylize(DATE, start, end)
    if query is not None and hit:
        for start, end in term_spans(plain, query.words, query.phrases):
            body = body.stylize(HIT, start, end)
    marks = "◆" if n in catalog.evidence.get(article_id, {}) else " "
    if noted is not None:
        marks += NOTE_MARK if noted else " "
    gutter = Content(f"{n:>3}{marks} ").stylize(MUTED, 0, 4).stylize(NOTE, 4, 4 + len(marks) - 1)
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

    marked: tuple[int, int, int] | None = None  # (paragraph, start, end): the sentence marked in it

    def scroll_to_highlight(self, top: bool = False) -> None:
        """The current paragraph in view (see ``DetailList``) and, in the paragraph with the
        marked sentence, that sentence: however the reader came to be shown or moved."""
        super().scroll_to_highlight(top)
        if self.marked is not None and self.current_paragraph == self.marked[0]:
            self.scroll_to_span(*self.marked[1:])

    def scroll_to_span(self, start: int, end: int) -> None:
        """Bring characters ``start:end`` of the current paragraph into view, if they are not
        (a long paragraph on a short screen): their first line at the top."""
        index = self.highlighted
        option = self.highlighted_option
        if index is None or not isinstance(option, ParagraphOption) or index not in self._index_to_line:
            return
        prompt = option.prompt
        width = self.scrollable_content_region.width - self.get_component_styles("option-list--option").padding.width
        starts = line_starts(prompt.body, prompt.body_width(width))
        top = self._index_to_line[index] + bisect_right(starts, start) - 1
        bottom = self._index_to_line[index] + bisect_right(starts, max(end - 1, start)) - 1
        view = int(self.scroll_offset.y)
        if top < view or bottom >= view + self.scrollable_content_region.height:
            self.scroll_to(y=top, animate=False, immediate=True)

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
        self.sentence: str | None = None  # the words marked in the current paragraph, if any

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
             hits: set[int] | None = None, paragraph: int | None = None, sentence: str | None = None) -> None:
        """Display ``article``; put the paragraph cursor on ``paragraph`` (or the first hit),
        with ``sentence`` (words of that paragraph) marked and scrolled into view."""
        self.article = article
        self.sentence = None
        plist = self.paragraphs
        plist.marked = None
        plist.clear_options()
        if article is None:
            plist.add_option(_plain("No article selected."))
            return
        hits = hits or set()
        marked = self._find_sentence(article, paragraph, sentence)
        options = article_header(article, catalog.short_id(article.id))
        on_article, by_paragraph = marginalia(catalog, article)
        at = options.index(None) if None in options else len(options)  # before the rule
        options[at:at] = on_article
        for p in article.paragraphs or ():
            noted = p.n in by_paragraph if by_paragraph else None  # a column for ✎ only where needed
            content = paragraph_content(p, catalog, article.id, query, p.n in hits,
                                        marked if p.n == paragraph else None, noted)
            options.append(ParagraphOption(content, p.n))
            options.extend(note_option(placed, content.indent) for placed in by_paragraph.get(p.n, ()))
        options.extend(article_footer(article))
        plist.add_options(options)
        target = paragraph if paragraph is not None else (min(hits) if hits else None)
        if marked is not None and paragraph is not None:
            self.sentence = sentence
            plist.marked = (paragraph, *marked)
        self.go_to_paragraph(target)

    def _find_sentence(self, article: Article, paragraph: int | None, sentence: str | None) -> tuple[int, int] | None:
        if not sentence or paragraph is None:
            return None
        found = next((p for p in article.paragraphs or () if p.n == paragraph), None)
        span = sentence_span(found.text, sentence) if found else None
        if span is None:
            self.notify(f"The evidence is not found word for word in paragraph {paragraph}: it may have been "
                        "edited since. The paragraph is shown.", severity="warning")
        return span

    def show_empty(self, heading: Content, tips: list[Content]) -> None:
        """Nothing is listed: the header says so and the page lists what to try."""
        self.article = None
        self.sentence = None
        plist = self.paragraphs
        plist.marked = None
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


# -- an event's page -------------------------------------------------------------------------


class EventDetail(DetailList):
    """Date, place, evidence (links to the sentence in the reader), participants (links to officials)."""

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
            *header_options(catalog.tags_of(EVENT, event.id), []),
        ]
        # The evidence first: Enter on a new page opens the sentence that states the event.
        evidence = event.evidence
        options.append(_heading(f"Evidence ({len(evidence)})"))
        for item in evidence:
            article = catalog.article_by_id.get(item.article_id or "")
            source = safe(article.title) if article else "unknown article"
            options.append(LinkOption(line(
                text(f"“{safe(item.text)}”"), Content("\n"),
                text(f"   — {source}, ¶{item.paragraph}", MUTED),
            ), ArticleLink(item.article_id, item.paragraph or 1, item.text) if article else None))
        if event.participants:
            options.append(_heading("Participants"))
            for name in event.participants:
                official = catalog.official_named(name)
                label = line(text(name), text(f"  {safe(official.country or '')}", MUTED)) if official else text(name)
                options.append(LinkOption(label, OfficialLink(official.id) if official else None))
        self.set_page(options)
