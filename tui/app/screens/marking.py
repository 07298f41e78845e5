"""The main screen's marks: `space` and `U`, the count in the status line, `c` and `C` on the
marked articles, and saving them to a file (the palette's "Export marked articles…").

A mixin of ``MainScreen`` (it uses the screen's panes, catalog and status line), kept apart
so the screen stays one job a module.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

from textual.widgets.option_list import Option

from tui.app import copying
from tui.app.catalog import Catalog
from tui.app.display import line
from tui.app.exporting import ExportProblem, export_target, save_export
from tui.app.formatting import plural
from tui.app.marks import KINDS, Marks
from tui.app.messages import CopyReferences
from tui.records import Article

# How each export format reads in the picker and the toast.
_LABELS = {"apa": "APA 7 reference list", "mla": "MLA 9 works-cited list", "chicago": "Chicago 17 bibliography",
           "chicago-note": "Chicago 17 full notes", "chicago-ad": "Chicago 17 author-date reference list",
           "bibtex": "BibTeX (biblatex)", "ris": "RIS", "csl-json": "CSL-JSON", "markdown": "Markdown list",
           "json": "JSON (the articles' metadata)", "csv": "CSV (the articles' metadata)"}


def format_label(fmt: str) -> str:
    """``APA 7 reference list``, ``BibTeX (biblatex)``, …"""
    return _LABELS.get(fmt, fmt)


class Marking:
    """Marks per pane, kept across searches and filters; see ``tui.app.marks``."""

    marks: Marks

    def marked(self, kind: str) -> list[str]:
        """The keys (article, official or event ids) marked in the ``kind`` pane, in the order
        they were marked, whether the list shows them now or not."""
        return self.marks.keys(kind)

    def marked_articles(self) -> list[Article]:
        """The marked articles' records (headings: what a citation needs), in marking order."""
        catalog: Catalog | None = self.catalog
        if catalog is None:
            return []
        return [a for a in (catalog.article_by_id.get(k) for k in self.marks.keys("articles")) if a is not None]

    def marks_status(self, kind: str) -> str:
        """``3 marked``, ``3 marked, 1 not shown`` for the status line; ``""`` without marks."""
        count = self.marks.count(kind)
        if not count:
            return ""
        hidden = self.marks.hidden(kind, self.pane(kind).records.shown_keys)
        return f"{count} marked" + (f", {hidden} not shown" if hidden else "")

    def _show_marks(self, kind: str) -> None:
        self.pane(kind).records.set_marked(frozenset(self.marks.keys(kind)))

    def keep_marks(self, catalog: Catalog) -> None:
        """After a (re)load: drop the marks of records the store no longer has."""
        exists = {"articles": catalog.article_by_id.__contains__, "officials": catalog.official_by_id.__contains__,
                  "timeline": catalog.event_by_id.__contains__}
        gone = sum(self.marks.keep(kind, exists[kind]) for kind in KINDS)
        for kind in KINDS:
            self._show_marks(kind)
        if gone:
            self.notify(f"{plural(gone, 'mark')} dropped: no longer in the store.", severity="warning")

    def action_toggle_mark(self) -> None:
        """`space`: mark or unmark the selected row and move to the next; in a detail view, the
        record it shows."""
        pane = self.current_pane
        in_list = self.focused is pane.records
        key = pane.records.current_key if in_list else pane.detail_key
        if self.catalog is None or key is None:
            self.notify("Nothing selected to mark.", severity="warning")
            return
        self.marks.toggle(pane.kind, key)
        self._show_marks(pane.kind)
        if in_list:
            pane.records.action_cursor_down()
        self.update_status()

    def action_clear_marks(self) -> None:
        """`U`: unmark every row of this pane (the ones not shown too)."""
        pane = self.current_pane
        count = self.marks.clear(pane.kind)
        self._show_marks(pane.kind)
        self.update_status()
        if count:
            self.notify(f"Unmarked {plural(count, pane.noun)}.")
        else:
            self.notify(f"No {plural(2, pane.noun).split(' ', 1)[1]} marked in this pane.")

    def copy_marked(self, style: str | None) -> bool:
        """`c` in the Articles pane with articles marked: copy them as one reference list (True).
        False when there is nothing marked to copy, so `c` cites the selected article."""
        if self.kind != "articles" or not self.marks.count("articles"):
            return False
        self.post_message(CopyReferences(self.marked_articles(), style))
        return True

    def choose_style_for_marked(self) -> bool:
        """`C` with articles marked: pick a style, then copy them all (True); else False."""
        from tui.app.screens.pickers import StylePicker

        if self.kind != "articles" or not self.marks.count("articles"):
            return False
        articles = self.marked_articles()
        title = f"Copy the {plural(len(articles), 'marked article')} as…"
        self.app.push_screen(StylePicker(title),
                             lambda style: style and self.post_message(CopyReferences(articles, style)))
        return True

    # -- the palette's "Export marked articles…" ----------------------------------------------

    def action_export_marked(self) -> None:
        """Ask for a format and a file, then save the marked articles there."""
        from tui.app.screens.pickers import Picker

        articles = self.marked_articles()
        if not articles:
            self.notify(f"No articles marked: {self.key_hint('marks.toggle')} marks the selected one.",
                        severity="warning")
            return
        default, _ = copying.default_style()
        options = [Option(line(format_label(f), ("  (default style)", "$text-muted") if f == default else ""), id=f)
                   for f in copying.export_formats()]
        self.app.push_screen(Picker(f"Export the {plural(len(articles), 'marked article')} as…", options),
                             partial(self._export_format_chosen, articles))

    def _export_format_chosen(self, articles: list[Article], fmt: str | None) -> None:
        from tui.app.screens.prompt import PathPrompt

        if not fmt:
            return
        suggested = Path.cwd() / f"references.{copying.export_suffix(fmt)}"
        prompt = PathPrompt(f"Save {plural(len(articles), 'article')} as {format_label(fmt)} to:", str(suggested),
                            "Enter saves (a file there is not replaced without asking); escape cancels.")
        self.app.push_screen(prompt, partial(self._export_path_typed, articles, fmt))

    def _export_path_typed(self, articles: list[Article], fmt: str, typed: str | None) -> None:
        from tui.app.screens.pickers import Picker

        if typed is None:
            return
        try:
            path = export_target(typed)
        except ExportProblem as problem:
            self.notify(f"Not exported: {problem}", severity="error")
            return
        if not path.exists():
            self._write_export(articles, fmt, path, replace=False)
            return
        options = [Option("Replace it", id="replace"), Option("Keep it (nothing is written)", id="keep")]
        self.app.push_screen(Picker(f"{path} exists. Replace it?", options),
                             partial(self._replace_answered, articles, fmt, path))

    def _replace_answered(self, articles: list[Article], fmt: str, path: Path, answer: str | None) -> None:
        if answer == "replace":
            self._write_export(articles, fmt, path, replace=True)
        else:
            self.notify(f"Not exported: {path} kept as it was.")

    def _write_export(self, articles: list[Article], fmt: str, path: Path, *, replace: bool) -> None:
        try:
            save_export(path, copying.export_articles(articles, fmt), replace=replace)
        except ExportProblem as problem:
            self.notify(f"Not exported: {problem}", severity="error")
            return
        self.notify(f"Wrote {plural(len(articles), 'article')} as {format_label(fmt)} to {path}")
