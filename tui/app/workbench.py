"""`t` and `n` on the main screen: what they are about, and the dialogs they open.

``tag_targets`` says what `t` tags: the pane's marked rows when it has any (shown or not,
as the status line counts them), else the selected row, or the record its detail shows when
the focus is there.
"""

from __future__ import annotations

from textual.screen import Screen

from tui.app.writing import what
from tui.records import ARTICLE, EVENT, OFFICIAL, Article, Official
from tui.tag_names import tag_key

# Each function is handed the main screen (its catalog, panes, marks), typed as a Screen:
# the main screen imports this module, so this one imports nothing of it.

KINDS = {"articles": ARTICLE, "officials": OFFICIAL, "timeline": EVENT}


def _kind(record) -> str:
    return ARTICLE if isinstance(record, Article) else OFFICIAL if isinstance(record, Official) else EVENT


def _records(screen: Screen, kind: str) -> dict:
    catalog = screen.catalog
    return {"articles": catalog.article_by_id, "officials": catalog.official_by_id,
            "timeline": catalog.event_by_id}[kind]


def selected_record(screen: Screen):
    """The record the current pane is on: its detail's when the focus is in it, else the
    selected row's (else the detail's)."""
    catalog = screen.catalog
    if catalog is None:
        return None
    pane = screen.current_pane
    focused = screen.focused
    in_detail = focused is not None and pane.detail in focused.ancestors_with_self
    key = pane.detail_key if in_detail else (pane.records.current_key or pane.detail_key)
    if key is None:
        return None
    return _records(screen, pane.kind).get(key)


def tag_targets(screen: Screen) -> list:
    """What `t` tags: the pane's marked records, else [the selected or open record], or []
    when there is none."""
    if screen.catalog is not None:
        records = _records(screen, screen.kind)
        marked = [records[k] for k in screen.marked(screen.kind) if k in records]
        if marked:
            return marked
    record = selected_record(screen)
    return [record] if record is not None else []


def open_tagger(screen: Screen, targets: list) -> None:
    """The tag dialog for ``targets`` (their tags now; the store's tags to complete from)."""
    from tui.app.screens.tagging import TagScreen

    catalog = screen.catalog
    if catalog is None:
        screen.notify("The store is still loading.", severity="warning")
        return
    if not targets:
        screen.notify("Select an article, an official or an event to tag.", severity="warning")
        return
    present: dict[str, str] = {}
    for record in targets:
        for tag in catalog.tags_of(_kind(record), record.id):
            present.setdefault(tag_key(tag), tag)
    screen.app.push_screen(TagScreen(targets, what(targets), list(present.values()), catalog.known_tags()))


def open_note(screen: Screen) -> None:
    """The note dialog: on the current paragraph when the focus is in the reader, else on the
    open or selected article; with the note there now, to edit."""
    from tui.app.screens.noting import NoteScreen

    catalog = screen.catalog
    if catalog is None:
        screen.notify("The store is still loading.", severity="warning")
        return
    pane = screen.current_pane
    paragraph = None
    reader = getattr(pane, "reader", None)
    if reader is not None and screen.focused is reader.paragraphs and reader.article is not None:
        article = catalog.article(reader.article.id)
        paragraph = reader.current_paragraph
    else:
        article = screen.current_article()
    if article is None:
        screen.notify("Open an article to write a note on it (or on a paragraph, in the reader).",
                      severity="warning")
        return
    original, changed_from = "", None
    for placed in catalog.notes_in(article):
        if placed.paragraph == paragraph and (paragraph is not None or placed.note.paragraph is None):
            original = placed.note.text
            changed_from = placed.note.quoted if placed.changed else None
            break
    screen.app.push_screen(NoteScreen(article, paragraph, original, changed_from))


def refresh_pages(screen: Screen) -> None:
    """After a reload: the official's and the event's page show the new version (their tags),
    the cursor where it was."""
    from tui.app.widgets.detail import DetailList

    for pane in screen.panes:
        key = pane.detail_key
        if pane.kind == "articles" or key is None:
            continue
        page = pane.detail
        at = page.highlighted if isinstance(page, DetailList) else None
        pane.show_detail(key, force=True)
        if isinstance(page, DetailList) and at is not None and at < page.option_count:
            page.highlighted = at
