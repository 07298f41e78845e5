"""Every citation and clipboard call of the explorer, in one module.

``tui.cite`` formats, ``tui.clipboard`` delivers (OSC 52, tmux, a native tool) and
keeps the copy history. When one of them is missing (an older install, or the
citation work not landed yet) this falls back to a plain reference copied with
Textual's OSC 52, so ``c`` always does something useful.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Callable
from dataclasses import dataclass

from tui.app.formatting import long_date

PLAIN = "plain"


@dataclass(frozen=True)
class StyleChoice:
    name: str
    label: str


def _cite():
    try:
        import tui.cite as cite

        return cite
    except ImportError:
        return None


def styles() -> list[StyleChoice]:
    """Citation styles in menu order."""
    cite = _cite()
    if cite is None:
        return [StyleChoice(PLAIN, "Plain reference")]
    return [StyleChoice(s.name, s.label) for s in cite.STYLES.values()]


def default_style() -> str:
    """The user's default style (config file / ``CCA_TUI_STYLE``), else the library default."""
    try:
        from tui.config import default_style as configured  # type: ignore[attr-defined]

        return configured()
    except Exception:  # noqa: BLE001 - no config module yet, or a bad config: use the default
        pass
    cite = _cite()
    if cite is None:
        return PLAIN
    wanted = os.environ.get("CCA_TUI_STYLE")
    if wanted:
        try:
            return cite.resolve_style(wanted)
        except ValueError:
            pass
    return cite.DEFAULT_STYLE


def plain_reference(article: dict) -> str:
    """Title. Outlet, date. URL — the fallback when no citation library is present."""
    parts = [article.get("title") or "Untitled", article.get("outlet") or "", long_date(article.get("published"))]
    text = ". ".join(p for p in parts[:2] if p) + f", {parts[2]}."
    if article.get("url"):
        text += f" {article['url']}"
    return text


def citation(article: dict, style: str | None = None) -> tuple[str, str]:
    """(citation text, what to say in the toast)."""
    style = style or default_style()
    cite = _cite()
    title = article.get("title") or "untitled article"
    if cite is None or style == PLAIN:
        return plain_reference(article), f"reference of “{title[:48]}”"
    return cite.format_citation(article, style), cite.describe(article, style)


def quotation(article: dict, paragraph: int, style: str | None = None) -> tuple[str, str]:
    """(paragraph quoted with its citation, toast text)."""
    style = style or default_style()
    cite = _cite()
    if cite is None or style == PLAIN:
        para = next((p for p in article.get("paragraphs", []) if p["n"] == paragraph), None)
        text = f"“{(para or {}).get('text', '')}” (para. {paragraph})\n{plain_reference(article)}"
        return text, f"quotation from “{(article.get('title') or '')[:48]}”"
    return cite.format_quotation(article, paragraph, style), cite.describe(article, style, quotation=True)


def deliver(text: str, what: str, osc52: Callable[[str], None], *, style: str = "", article_id: str = "") -> tuple[bool, str]:
    """Copy ``text`` by every path that may work and remember it; returns (ok, toast message)."""
    try:
        from tui.clipboard import copy_and_remember
    except ImportError:
        copy_and_remember = None
    if copy_and_remember is not None:
        result = copy_and_remember(text, what, osc52, style=style, article_id=article_id)
        return result.ok, result.message(what)
    osc52(text)
    used = ["OSC 52"]
    if os.environ.get("TMUX"):
        try:
            subprocess.run(["tmux", "load-buffer", "-w", "-"], input=text.encode(), timeout=2,
                           check=True, capture_output=True)
            used.append("tmux")
        except (OSError, subprocess.SubprocessError):
            pass
    return True, f"{what} copied ({', '.join(used)})"


def history() -> list[tuple[str, str]]:
    """Recent copies, newest first, as (label, text)."""
    try:
        from tui.clipboard import load_history
    except ImportError:
        return []
    return [(e.label or e.text[:60], e.text) for e in load_history()]


def export_formats() -> list[str]:
    cite = _cite()
    return list(getattr(cite, "EXPORT_FORMATS", ())) if cite else []


def export_articles(articles: list[dict], fmt: str) -> str:
    """The articles in an export format (bibtex, ris, csl-json, markdown, json, csv)."""
    cite = _cite()
    if cite is None:
        raise RuntimeError("exports need the citation module")
    return cite.format_many(articles, fmt)
