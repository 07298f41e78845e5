"""``cca-tui export``: matching articles as a reference list, a bibliography, a table, or source
texts in a folder."""

from __future__ import annotations

import argparse
import os
import stat
from pathlib import Path

from tui.cite import EXPORT_FORMATS, UnknownStyle, format_many, resolve_format
from tui.cli.arguments import iso_date, path_value
from tui.cli.common import cli_query, open_store
from tui.cli.out_files import source_file_names
from tui.files import KeptFile, write_file
from tui.cli.output import error, note, write_stdout
from tui.library import source_text
from tui.paths import display_path
from tui.records import Article

SOURCES = "sources"  # source texts with front matter, one file per article
FORMATS = (*EXPORT_FORMATS, SOURCES)
EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("export", parents=[common],
                       help="export matching articles as a reference list, a bibliography or a table")
    p.add_argument("query", nargs="*", metavar="QUERY", help="search query (default: all articles)")
    p.add_argument("--format", required=True, metavar="FORMAT",
                   help="|".join(FORMATS) + " (apa, mla, chicago, chicago-note, chicago-ad: a reference list "
                   "under its heading, sorted as the style wants)")
    p.add_argument("--no-heading", dest="heading", action="store_false",
                   help="a reference list without its heading line (References, Works Cited, Bibliography)")
    p.add_argument("--accessed", type=iso_date, metavar="YYYY-MM-DD",
                   help="access date where an entry needs one (an undated page; default: today)")
    p.add_argument("-o", "--output", metavar="FILE", type=path_value,
                   help="write to FILE atomically instead of stdout (`-` is stdout; "
                   f"a folder for --format {SOURCES}: one source text per article, ready to ingest again)")
    p.add_argument("--force", action="store_true",
                   help="replace files that already exist (otherwise they are kept and the exit status is 1)")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    fmt = args.format.strip().lower()
    if fmt != SOURCES:
        try:
            fmt = resolve_format(args.format)
        except UnknownStyle:
            error(str(UnknownStyle(args.format, FORMATS, "export format")))
            return EXIT_USAGE
    to_stdout = args.output is None or args.output == "-"
    if fmt == SOURCES and to_stdout:
        error(f"--format {SOURCES} needs -o FOLDER")
        return EXIT_USAGE
    query = cli_query(args.query) if args.query else None  # a bad query fails before the store opens
    target = None if to_stdout else Path(args.output)
    problem = _target_problem(target, folder=fmt == SOURCES) if target is not None else None
    if problem:
        error(f"{display_path(target)}: {problem}")
        return EXIT_USAGE
    contents = open_store(args).contents()
    articles = contents.articles
    if query is not None:
        wanted = set(contents.find_articles(query).article_ids())
        articles = [a for a in articles if a.id in wanted]  # store order: newest first
    if fmt == SOURCES:
        full = [contents.article(a.id) for a in articles]  # with their paragraphs
        return _export_sources([a for a in full if a is not None], target, force=args.force)
    text = format_many(articles, fmt, accessed=args.accessed, heading=args.heading,
                       extra=_user_data(contents) if fmt == "json" else None)
    if target is None:
        write_stdout(text)
        return EXIT_OK
    # The user named this path: a symlink there is theirs, so its target is written.
    real = Path(os.path.realpath(target))
    try:
        real.parent.mkdir(parents=True, exist_ok=True)
        write_file(real, text.encode("utf-8"), force=args.force)
    except KeptFile as kept:
        error(f"{display_path(target)}: {kept}; nothing written")
        return EXIT_FAILED
    except OSError as exc:
        error(f"{display_path(target)}: cannot write it ({_reason(exc)})")
        return EXIT_FAILED
    note(f"wrote {len(articles)} article(s) as {fmt} to {display_path(target)}")
    return EXIT_OK


def _user_data(contents):
    """The ``json`` export's fields for what the user wrote on an article: its tags and notes
    (each where it shows now, with the paragraph's text when written)."""
    from tui.cli.notes_cmd import note_json
    from tui.records import ARTICLE

    def extra(article: Article) -> dict:
        full = contents.article(article.id) or article
        return {"tags": contents.tags_of(ARTICLE, article.id), "notes": [note_json(n) for n in contents.notes_in(full)]}

    return extra


def _target_problem(target: Path, *, folder: bool) -> str | None:
    """Why ``target`` cannot be written at all (a usage error), or None."""
    try:
        st = target.stat()
    except FileNotFoundError:
        return None
    except OSError as exc:
        return f"cannot be used ({_reason(exc)})"
    if folder:
        return None if stat.S_ISDIR(st.st_mode) else "not a folder"
    if stat.S_ISDIR(st.st_mode):
        return "is a folder; name a file (or use --format sources for a folder of source texts)"
    if not stat.S_ISREG(st.st_mode):
        # Renaming over /dev/null would replace the device with a file.
        return "not a regular file (-o - writes to stdout)"
    return None


def _export_sources(articles: list[Article], folder: Path, *, force: bool) -> int:
    """One front-matter source text per article: ``ingest`` reads them back unchanged."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        error(f"{display_path(folder)}: cannot create the folder ({_reason(exc)})")
        return EXIT_FAILED
    written, kept, failed = 0, 0, 0
    # .txt, not .md: markdown emphasis rules must not touch the text on the way back.
    for article, name in zip(articles, source_file_names(a.id for a in articles)):
        path = folder / name
        try:
            write_file(path, source_text(article).encode("utf-8"), force=force)
        except KeptFile as why:
            kept += 1
            error(f"{display_path(path)}: {why}")
        except OSError as exc:
            failed += 1
            error(f"{display_path(path)}: cannot write it ({_reason(exc)})")
        else:
            written += 1
    summary = f"wrote {written} source text(s) to {display_path(folder)}"
    if kept:
        summary += f"; kept {kept} existing file(s)"
    if failed:
        summary += f"; {failed} failed"
    note(summary)
    return EXIT_FAILED if kept or failed else EXIT_OK


def _reason(exc: OSError) -> str:
    return (exc.strerror or exc.__class__.__name__).lower()
