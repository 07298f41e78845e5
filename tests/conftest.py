"""Shared fixtures: every test runs with its own store, data and config dirs."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

# No per-example deadline for the property tests (Hypothesis's default is 200 ms): on a
# loaded 2-core machine, or under -n 8, a slow example is the machine, not the code (one
# failed so). Set here, before any test module makes its @settings, so every one inherits it.
settings.register_profile("cca", deadline=None)
settings.load_profile("cca")


@pytest.fixture(autouse=True)
def isolated_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Keep the developer's own store, copy history and config.toml out of every test."""
    home = tmp_path / "cca-home"
    monkeypatch.setenv("CCA_TUI_DB", str(home / "store.json"))
    monkeypatch.setenv("CCA_TUI_DATA_DIR", str(home / "data"))
    monkeypatch.setenv("CCA_TUI_CONFIG_DIR", str(home / "config"))
    monkeypatch.delenv("CCA_TUI_STYLE", raising=False)
    # A copy in a test must reach neither the developer's tmux nor their desktop clipboard
    # (xclip, wl-copy): no tmux, no display, and no SSH variables that change the paths.
    for name in ("TMUX", "DISPLAY", "WAYLAND_DISPLAY", "COLORFGBG"):
        monkeypatch.delenv(name, raising=False)
    for name in [n for n in os.environ if n.startswith("SSH_")]:
        monkeypatch.delenv(name, raising=False)
    return home


# -- stores for the explorer's tests -------------------------------------------------------

SEED_TITLE = "Launch of Central Asia–China Secretariat takes place in Xi’an"
SEED_URL = "https://daryo.uz/en/2024/03/31/launch-of-central-asiachina-secretariat-takes-place-in-xian"

# Officials of the seed as extraction describes them: name, country, title, paragraph of the role.
_SEED_OFFICIALS = [
    ("Wang Yi", "China", "Minister of Foreign Affairs", 3),
    ("Murat Nurtleu", "Kazakhstan", "Deputy Prime Minister and Minister of Foreign Affairs", 3),
    ("Jeenbek Kulubayev", "Kyrgyzstan", "Minister of Foreign Affairs", 3),
    ("Sun Weidong", "China", "Deputy Foreign Minister", 4),
    ("Wu Yingqin", "China", "Executive Director of the China-Central Asia Secretariat", 4),
]


def _seed_record() -> dict:
    from tui.ingest.source import parse_source
    from tui.paths import seed_dir

    path = sorted(seed_dir().glob("*.txt"))[0]
    return parse_source(path.read_text(encoding="utf-8"), path=str(path))


def _paragraph_starting(record: dict, text: str) -> int:
    return next(p["n"] for p in record["paragraphs"] if text in p["text"])


def hand_facts(records: list[dict]) -> tuple[list[dict], list[dict]]:
    """Officials and events for the seed (and any article naming the same people), found by plain
    string search — stable input for the UI tests, independent of the extractor's evolution."""
    officials = []
    for i, (name, country, title, role_para) in enumerate(_SEED_OFFICIALS, 1):
        mentions, article_ids = [], []
        for record in records:
            for p in record["paragraphs"]:
                start = p["text"].find(name)
                if start >= 0:
                    mentions.append({"article_id": record["id"], "paragraph": p["n"], "start": start,
                                     "end": start + len(name)})
                    if record["id"] not in article_ids:
                        article_ids.append(record["id"])
        first = records[0]
        officials.append({
            "id": f"official-{i}", "name": name, "aliases": [], "country": country, "titles": [title],
            "roles": [{"title": title, "article_id": first["id"], "paragraph": role_para,
                       "date": first.get("published"), "evidence": name}],
            "article_ids": article_ids, "mentions": mentions,
        })
    seed = records[0]
    p_launch = _paragraph_starting(seed, "gathered in Xi’an on March 30, 2024")
    p_decl = _paragraph_starting(seed, "Xi’an Declaration signed in May 2023")
    events = [
        {"id": "event-2023-05-xian-declaration", "date": "2023-05", "precision": "month",
         "summary": "Xi’an Declaration signed after the China–Central Asia Summit", "place": "Xi’an",
         "participants": [], "article_ids": [seed["id"]],
         "evidence": [{"article_id": seed["id"], "paragraph": p_decl,
                       "text": "Established on the basis of the Xi’an Declaration signed in May 2023"}]},
        {"id": "event-2024-03-30-secretariat", "date": "2024-03-30", "precision": "day",
         "summary": "China–Central Asia Secretariat inaugurated", "place": "Xi’an",
         "participants": ["Wang Yi", "Murat Nurtleu", "Jeenbek Kulubayev"], "article_ids": [seed["id"]],
         "evidence": [{"article_id": seed["id"], "paragraph": p_launch,
                       "text": "Distinguished officials … gathered in Xi’an on March 30, 2024"}]},
    ]
    return officials, events


def build_store(path: Path, extra: list[dict] | None = None):
    """A store holding the seed article (plus ``extra`` records) with hand-made facts."""
    from tui.library import Library

    records = [_seed_record(), *(extra or [])]
    for r in records:
        r.setdefault("content_hash", r["id"])
        r.setdefault("raw", "\n".join(p["text"] for p in r["paragraphs"]))
    store = Library.open(path, seed=False)
    officials, events = hand_facts(records)
    for record in records:
        names = [o for o in officials if record["id"] in o["article_ids"]]
        record["facts"] = {"officials": [{"name": o["name"], "country": o["country"]} for o in names], "events": []}
    with store.store.write_batch() as batch:
        batch.add_articles(records)
        batch.replace_derived(officials, events)
    save_index(store)
    return store


def replace_events(library, events: list[dict]) -> None:
    """Give ``library``'s store these events (its officials kept), its index saved again."""
    with library.store.write_batch() as batch:
        batch.replace_derived(library.store.officials(), events)
    save_index(library)


def save_index(library) -> None:
    """Save the search index of ``library``'s file as it is now, as every ingest does: the
    explorer then starts on it through its snapshot, the way it starts on a user's store."""
    library.index()  # loaded when current, else built and saved


@pytest.fixture
def hand_store(tmp_path: Path):
    """The seed article with hand-made officials and events (stable for snapshots)."""
    return build_store(tmp_path / "hand.json")


@pytest.fixture
def markup_store(tmp_path: Path):
    """The seed plus an article whose title and body look like Rich markup and escapes."""
    hostile = {
        "id": "hostile-1", "title": "[bold red]Injected[/] [Update] Talks in Astana", "outlet": "[i]Wire[/i]",
        "url": "https://example.org/[link=https://evil.example]x[/link]", "published": "2024-04-02",
        "authors": [], "language": "en",
        "paragraphs": [
            {"n": 1, "kind": "para", "text": "Body with [link=https://evil.example]a link[/link] and [b]bold[/b]."},
            {"n": 2, "kind": "para", "text": "An escape \x1b]52;c;SGVsbG8=\x07 sequence and Wang Yi."},
        ],
    }
    return build_store(tmp_path / "markup.json", extra=[hostile])


@pytest.fixture(autouse=True)
def _stable_app(monkeypatch: pytest.MonkeyPatch) -> None:
    """No cursor blink and no store polling in the explorer's tests: stable snapshots."""
    try:
        from tui.app.app import CcaApp
    except ImportError:
        return
    monkeypatch.setattr(CcaApp, "CURSOR_BLINK", False)
    monkeypatch.setattr(CcaApp, "POLL_STORE", False)


@pytest.fixture
def seed_store(tmp_path: Path):
    """A fresh store seeded the way a user gets it: the seed article and what extraction finds."""
    from tui.library import Library

    return Library.open(tmp_path / "seed.json", seed=True)


async def loaded(pilot, seconds: float = 20.0) -> None:
    """Wait (at most ``seconds``) until the explorer has read its store or given up on it.

    The store is read in a worker started after the first frame: on a loaded machine that
    can come after any fixed pause, and waiting for workers before it starts waits for none."""
    app = pilot.app
    for _ in range(int(seconds / 0.02)):
        if getattr(app, "catalog", None) is not None or getattr(app, "startup_error", None) is not None:
            return
        await pilot.pause(0.02)


async def settle(pilot, delay: float = 0.15) -> None:
    """Let loading, debounced searches, workers and the detail view catch up."""
    await pilot.pause(delay)
    await loaded(pilot)
    await pilot.app.workers.wait_for_complete()
    await pilot.pause(0.05)


def screen_text(app) -> str:
    """The characters on the app's screen, as a terminal would show them."""
    import io

    from rich.console import Console

    width, height = app.size
    console = Console(width=width, height=height, file=io.StringIO(), force_terminal=True,
                      color_system=None, record=True, legacy_windows=False, safe_box=False)
    console.print(app.screen._compositor.render_update(full=True, screen_stack=app._background_screens))
    return console.export_text()


# -- reading the screen ------------------------------------------------------------------------

async def shown(pilot) -> None:
    """Messages handled, then a layout and a repaint (scrollbars appear), twice over."""
    for _ in range(2):
        await pilot.pause(0)


def squash(text: str) -> str:
    """``text`` without whitespace: what must survive however the lines wrap."""
    return "".join(text.split())


def region_text(app, widget) -> str:
    """The characters the widget shows on the screen now (its content, not its scrollbar)."""
    region = widget.scrollable_content_region
    strips = app.screen._compositor.render_strips()  # what the terminal gets, cell by cell
    return "\n".join(strip.crop(region.x, region.right).text for strip in strips[region.y:region.bottom])


async def read_all(pilot, scroller) -> str:
    """Every line a scrolling widget holds, read off the screen a page at a time."""
    page = max(scroller.scrollable_content_region.height, 1)
    lines: list[str] = []
    for y in range(0, scroller.virtual_size.height, page):
        scroller.scroll_to(y=y, animate=False, immediate=True)
        await shown(pilot)
        # At the end the scroll stops short: skip the lines already read.
        lines += region_text(pilot.app, scroller).split("\n")[y - int(scroller.scroll_y):]
    return "\n".join(lines)


@pytest.fixture
def timeline_corpus(tmp_path: Path):
    """The articles of tests/fixtures/timeline (events on known days of 2024, one of 2022),
    ingested as a user would: extraction finds the events."""
    from tui.library import Library

    library = Library.open(tmp_path / "timeline.json", seed=False)
    library.add_paths([Path(__file__).parent / "fixtures" / "timeline"])
    save_index(library)
    return library
