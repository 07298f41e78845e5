"""``cca-tui ingest`` of saved pages and of files that are neither text nor HTML."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.cli_run import run, run_json

WEB = Path(__file__).parent / "fixtures" / "web"
KAZINFORM = WEB / "dev" / "kazinform-article.html"
KAZINFORM_ID = "kazinform-2024-05-17-kazakhstan-and-china-agree-to-expand"


@pytest.fixture
def db(tmp_path):
    return str(tmp_path / "store" / "db.json")


def test_saved_page_lands_with_the_metadata_the_page_carries(capsys, db):
    report = run_json(capsys, "--db", db, "--no-seed", "ingest", str(KAZINFORM))
    assert report["added"] == [KAZINFORM_ID] and report["failed"] == []
    assert run_json(capsys, "--db", db, "articles") == [
        {
            "id": KAZINFORM_ID,
            "title": "Kazakhstan and China agree to expand Khorgos dry port",
            "outlet": "Kazinform",
            "url": "https://www.inform.kz/en/kazakhstan-and-china-agree-to-expand-khorgos-dry-port-a1d3f2",
            "published": "2024-05-17",
            "authors": ["Aigerim Sadykova"],
            "language": "en",
            "tags": [],
            "notes": 0,
        }
    ]
    doc = run_json(capsys, "--db", db, "article", KAZINFORM_ID)
    texts = [p["text"] for p in doc["paragraphs"]]
    assert texts[0].startswith("ASTANA. KAZINFORM – Kazakhstan and China have agreed")
    assert [p["text"] for p in doc["paragraphs"] if p["kind"] == "heading"] == ["Transit volumes keep growing"]
    assert texts[-1].startswith("The expansion is expected to cost about 120 billion tenge")
    assert len(texts) == 8
    body = "\n".join(texts)
    for chrome in ("Read also", "Related news", "Share", "cookies", "Photo:", "Tags", "All rights reserved", "Advertisement"):
        assert chrome not in body


def test_flags_override_what_the_page_says(capsys, db):
    report = run_json(
        capsys, "--db", db, "--no-seed", "ingest", str(KAZINFORM),
        "--title", "Khorgos to grow", "--outlet", "Steppe Wire", "--published", "2024-05-20",
        "--author", "A. Writer", "--url", "https://steppe.example/khorgos", "--language", "kk",
    )
    (article_id,) = report["added"]
    (summary,) = run_json(capsys, "--db", db, "articles")
    assert summary == {
        "id": article_id,
        "title": "Khorgos to grow",
        "outlet": "Steppe Wire",
        "url": "https://steppe.example/khorgos",
        "published": "2024-05-20",
        "authors": ["A. Writer"],
        "language": "kk",
        "tags": [],
        "notes": 0,
    }


def test_page_named_txt_is_read_as_a_page_and_reingest_adds_nothing(capsys, db, tmp_path):
    page = tmp_path / "saved.txt"
    shutil.copy(WEB / "dev" / "trend-jsonld-date.html", page)
    first = run_json(capsys, "--db", db, "--no-seed", "ingest", str(page))
    (article_id,) = first["added"]
    assert article_id == "trend-news-agency-2024-02-21-turkmenistan-china-discuss-construction-of-line"
    again = run_json(capsys, "--db", db, "ingest", str(page))
    assert again["added"] == [] and [s["reason"] for s in again["skipped"]] == [f"already stored as {article_id}"]


def test_db_repair_rebuilds_a_page_article_from_its_stored_text(capsys, db):
    run_json(capsys, "--db", db, "--no-seed", "ingest", str(KAZINFORM))
    before = run_json(capsys, "--db", db, "article", KAZINFORM_ID)
    from tui.library import Library
    from tui.library.repair import _rebuild_from_raw

    _rebuild_from_raw(Library.open(db, seed=False).store, 1)
    after = run_json(capsys, "--db", db, "article", KAZINFORM_ID)
    assert [p["text"] for p in after["paragraphs"]] == [p["text"] for p in before["paragraphs"]]
    assert (after["title"], after["outlet"], after["published"]) == (before["title"], before["outlet"], before["published"])


@pytest.mark.parametrize(
    ("name", "data", "what"),
    [
        ("notes.docx", b"PK\x03\x04\x14\x00\x06\x00word/document.xml", "a ZIP archive or an Office document (.docx, .odt, .epub)"),
        ("notes.txt", b"PK\x03\x04\x14\x00\x06\x00word/document.xml", "a ZIP archive or an Office document (.docx, .odt, .epub)"),
        ("report.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "a PDF document"),
        ("page.html", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "a PDF document"),
        ("photo.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", "a JPEG image"),
        ("scan.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "a PNG image"),
        ("archive.zip", b"PK\x03\x04\n\x00\x00\x00", "a ZIP archive or an Office document (.docx, .odt, .epub)"),
        ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00\x00", "an old Office document (.doc, .xls)"),
    ],
)
def test_named_non_text_files_are_refused_in_one_line(capsys, db, tmp_path, name, data, what):
    path = tmp_path / name
    path.write_bytes(data + bytes(range(256)))
    run(capsys, "--db", db, "--no-seed", "articles")  # the store exists: no "created" line below
    code, out, err = run(capsys, "--db", db, "--no-seed", "ingest", str(path))
    assert code == 1
    (line,) = err.strip().splitlines()
    assert line.startswith(f"cca-tui: {path}: not a text or HTML file ({what}")
    assert "0 added, 0 skipped, 1 failed" in out


def test_folder_summary_counts_what_it_skipped_and_why(capsys, db, tmp_path):
    folder = tmp_path / "saved"
    (folder / "sub").mkdir(parents=True)
    shutil.copy(KAZINFORM, folder / "kazinform.html")
    shutil.copy(WEB / "dev" / "daryo-content-ads.html", folder / "sub" / "daryo.htm")
    # A page saved without a suffix (as wget does) is found by its bytes.
    shutil.copy(WEB / "dev" / "cgtn-gallery.html", folder / "sub" / "view")
    (folder / "scan.pdf").write_bytes(b"%PDF-1.7\n" + bytes(range(256)))
    (folder / "sub" / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256)))
    (folder / "notes.docx").write_bytes(b"PK\x03\x04" + bytes(range(256)))
    (folder / "data.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    report = run_json(capsys, "--db", db, "--no-seed", "ingest", str(folder))
    assert report["added"] == [
        KAZINFORM_ID,
        "daryo-2024-04-02-uzbekistan-to-launch-direct-flights",
        "cgtn-2024-05-20-in-pictures-china-central-asia-trade",
    ]
    assert report["failed"] == []
    assert sorted((Path(s["path"]).name, s["reason"]) for s in report["skipped"]) == [
        ("data.csv", "not a .txt, .md or .html file"),
        ("notes.docx", "not a text or HTML file (a ZIP archive or an Office document (.docx, .odt, .epub))"),
        ("photo.jpg", "not a text or HTML file (a JPEG image)"),
        ("scan.pdf", "not a text or HTML file (a PDF document)"),
    ]
    assert report["skipped_by_reason"] == {"not a text or HTML file": 3, "not a .txt, .md or .html file": 1}
    code, out, err = run(capsys, "--db", db, "ingest", str(folder))
    assert code == 0 and err == ""
    assert out.splitlines()[-1].startswith(
        "0 added, 7 skipped (3 already stored, 3 not a text or HTML file, 1 not a .txt, .md or .html file), 0 failed"
    )


def test_hostile_page_text_stays_inert(capsys, db, tmp_path):
    page = tmp_path / "hostile.html"
    page.write_text(
        "<!DOCTYPE html><html lang='en'><head><title>Talks [bold]held[/bold] &#x1b;]52;c;QUJD&#x07; | Wire</title>"
        "<meta property='og:site_name' content='Wire'></head><body><article><h1>Talks held</h1>"
        "<p>Ministers met in Astana on Monday to discuss &#x1b;[31mwater&#x1b;[0m sharing on the Syr Darya and Amu Darya rivers.</p>"
        "<p>The talks \u202eended\u202c with a protocol on [link=https://evil.example]data[/link] exchange between the two sides.</p>"
        "</article></body></html>",
        encoding="utf-8",
    )
    (article_id,) = run_json(capsys, "--db", db, "--no-seed", "ingest", str(page))["added"]
    doc = run_json(capsys, "--db", db, "article", article_id)
    # Escape sequences go whole (an OSC 52 clipboard write with its payload); markup stays literal.
    assert doc["title"] == "Talks [bold]held[/bold]"
    texts = [p["text"] for p in doc["paragraphs"]]
    assert texts == [
        "Ministers met in Astana on Monday to discuss water sharing on the Syr Darya and Amu Darya rivers.",
        "The talks ended with a protocol on [link=https://evil.example]data[/link] exchange between the two sides.",
    ]
    assert not any(c in "".join(texts) + doc["title"] for c in "\x1b\x07\u202e\u202c")
