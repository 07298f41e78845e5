"""``cca-tui feeds add|list|remove`` and ``cca-tui fetch``: follow news feeds."""

from __future__ import annotations

import argparse

from tui.cli.arguments import positive_int, text_value, web_url
from tui.cli.common import add_json_flag, open_store
from tui.cli.output import Progress, error, print_json, safe
from tui.library.codec import document
from tui.library.feeds import DEFAULT_LIMIT, FeedsError, add_feed, fetch_feeds, remove_feed
from tui.library.web_sources import DEFAULT_FEED_DELAY as DEFAULT_DELAY
from tui.library.web_sources import feed_delay_from_env, fetcher_from_env



def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("feeds", parents=[common], help="news feeds (RSS/Atom) the store follows")
    fsub = p.add_subparsers(dest="feeds_command", metavar="ACTION", required=True)
    a = fsub.add_parser("add", parents=[common], help="follow a feed")
    a.add_argument("url", metavar="URL", type=web_url)
    a.add_argument("--name", type=text_value, help="what to call it (default: the feed's host)")
    a.set_defaults(run=run_add)
    ls = fsub.add_parser("list", parents=[common], help="the feeds followed")
    add_json_flag(ls)
    ls.set_defaults(run=run_list)
    r = fsub.add_parser("remove", parents=[common], help="stop following a feed (its articles stay)")
    r.add_argument("feed", metavar="NAME|URL", type=text_value)
    r.set_defaults(run=run_remove)
    f = sub.add_parser("fetch", parents=[common], help="fetch the followed feeds and add their new articles")
    f.add_argument("--limit", type=positive_int, default=DEFAULT_LIMIT, metavar="N",
                   help=f"at most N new pages per feed and run; the rest wait (default {DEFAULT_LIMIT})")
    f.add_argument("--delay", type=float, default=None, metavar="SECONDS",
                   help=f"pause between requests to one host (default $CCA_TUI_FETCH_DELAY or {DEFAULT_DELAY:g})")
    add_json_flag(f)
    f.set_defaults(run=run_fetch)


def run_add(args: argparse.Namespace) -> int:
    library = open_store(args)
    try:
        feed = add_feed(library, args.url, args.name)
    except FeedsError as err:
        return _fail(str(err))
    print(f"following {safe(feed.name)}: {safe(feed.url)} (`cca-tui fetch` fetches it)")
    return 0


def run_list(args: argparse.Namespace) -> int:
    feeds = open_store(args).feeds()
    if args.json:
        print_json([document(f) for f in feeds])
        return 0
    for f in feeds:
        print(f"{safe(f.name)}  {safe(f.url)}  (last fetched {safe(f.fetched or 'never')})")
    if not feeds:
        print("no feeds followed; `cca-tui feeds add URL` follows one")
    return 0


def run_remove(args: argparse.Namespace) -> int:
    library = open_store(args)
    try:
        feed = remove_feed(library, args.feed)
    except FeedsError as err:
        return _fail(str(err))
    print(f"no longer following {safe(feed.name)}: {safe(feed.url)} (its articles stay)")
    return 0


def _fail(message: str) -> int:
    error(message)
    return 1


def _delay(args: argparse.Namespace) -> float:
    return max(0.0, args.delay) if args.delay is not None else feed_delay_from_env()


def run_fetch(args: argparse.Namespace) -> int:
    library = open_store(args)
    if not library.feeds():
        return _fail("no feeds followed; `cca-tui feeds add URL` follows one")
    progress = Progress()
    fetcher = fetcher_from_env()
    try:
        results = fetch_feeds(library, fetcher, limit=args.limit, delay=_delay(args), progress=progress)
    finally:
        fetcher.close()
        progress.close()
    for result in results:
        if result.error:
            error(result.error)
    if args.json:
        print_json([r.as_json() for r in results])
    else:
        for r in results:
            if r.status == "failed":
                continue
            if r.status == "not modified":
                print(f"{safe(r.name)}: not modified")
                continue
            marked = f" ({len(r.summaries)} from the feed's summary only)" if r.summaries else ""
            wait = f", {r.waiting} waiting for the next fetch" if r.waiting else ""
            print(f"{safe(r.name)}: {len(r.added)} added{marked}, {len(r.skipped)} skipped{wait}")
    return 1 if any(r.status == "failed" for r in results) else 0
