"""What the user writes is never lost: tags and notes through `db rebuild`, `db repair`,
re-ingest, backups, and the officials and events whose ids shift when articles are added."""

from __future__ import annotations

import json
from pathlib import Path

import orjson
import pytest

from tests.cli_run import run, run_json
from tui.library import Library, saved_search, snapshot
from tui.library import indexing
from tui.library.userdata import Finder, PlacedNote, annotations, place_notes
from tui.records import ARTICLE, EVENT, OFFICIAL, Article, Event, Evidence, Note, Official, Paragraph, Ref, Tag

FIXTURES = Path(__file__).parent / "fixtures" / "cli"
SEED_ID = "daryo-2024-03-31-launch-of-central-asia-china-secretariat"
LAUNCH = "2024-03-30-xian-distinguished-officials"


@pytest.fixture
def db(tmp_path):
    """The seed with tags on each kind of record and two notes."""
    path = tmp_path / "db.json"
    library = Library.open(path)
    contents = library.contents()
    seed = contents.article(SEED_ID)
    wang = next(o for o in contents.officials if o.id == "wang-yi")
    launch = next(e for e in contents.events if e.id == LAUNCH)
    library.tag([seed, wang, launch], ["chapter-3"])
    library.tag([seed], ["to-verify"])
    library.note(seed, "Check the title against the MFA release", 3)
    library.note(seed, "A press release, reworded")
    return path


def user_view(capsys, path) -> dict:
    """Everything the CLI shows of what the user wrote."""
    db = str(path)
    return {
        "tags": run_json(capsys, "--db", db, "tags"),
        "notes": [{k: v for k, v in n.items() if k not in ("created", "updated")}
                  for n in run_json(capsys, "--db", db, "notes")],
        "articles": [r["article_id"] for r in run_json(capsys, "--db", db, "search", "tag:chapter-3", "note:mfa")],
        "officials": [o["id"] for o in run_json(capsys, "--db", db, "officials", "tag:chapter-3")],
        "events": [e["id"] for e in run_json(capsys, "--db", db, "timeline", "tag:chapter-3")],
    }


EXPECTED_TAGS = [
    {"tag": "chapter-3", "articles": 1, "officials": 1, "events": 1, "not_found": 0,
     "on": [{"kind": "article", "id": SEED_ID}, {"kind": "official", "id": "wang-yi"},
            {"kind": "event", "id": LAUNCH}]},
    {"tag": "to-verify", "articles": 1, "officials": 0, "events": 0, "not_found": 0,
     "on": [{"kind": "article", "id": SEED_ID}]},
]


def test_the_fixture_is_what_the_cli_shows(capsys, db):
    view = user_view(capsys, db)
    assert view["tags"] == EXPECTED_TAGS
    assert [(n["paragraph"], n["changed"], n["text"]) for n in view["notes"]] == [
        (None, False, "A press release, reworded"), (3, False, "Check the title against the MFA release")]
    assert (view["articles"], view["officials"], view["events"]) == ([SEED_ID], ["wang-yi"], [LAUNCH])


def test_tags_and_notes_survive_db_rebuild(capsys, db):
    before = user_view(capsys, db)
    assert run(capsys, "--db", str(db), "db", "rebuild")[0] == 0
    assert user_view(capsys, db) == before


def test_tags_and_notes_survive_the_repair_of_a_damaged_article(capsys, db):
    before = user_view(capsys, db)
    tree = orjson.loads(db.read_bytes())
    (article,) = tree["articles"].values()
    article["paragraphs"] = "lost"  # set apart as unusable, until repaired from its raw text
    tree["officials"] = {}
    db.write_bytes(orjson.dumps(tree))
    assert run(capsys, "--db", str(db), "db", "check")[0] == 1
    code, out, _ = run(capsys, "--db", str(db), "db", "repair")
    assert code == 0, out
    assert f"article record 1 (id {SEED_ID}): rebuilt from its raw text" in out
    assert user_view(capsys, db) == before
    assert Library.open(db).check().sound


def test_a_damaged_tag_is_reported_kept_and_never_dropped(capsys, db):
    tree = orjson.loads(db.read_bytes())
    doc_id, damaged = next((k, t) for k, t in tree["tags"].items() if t["tag"] == "to-verify")
    damaged["on"] = "somewhere"
    db.write_bytes(orjson.dumps(tree))
    code, out, _ = run(capsys, "--db", str(db), "db", "check")
    assert code == 1
    assert f"problem: tag record {doc_id} (tag to-verify): on is text, not an object (left out until repaired)" in out
    code, out, _ = run(capsys, "--db", str(db), "db", "repair")
    assert code == 1
    assert (f"tag record {doc_id} (tag to-verify): on is text, not an object: what the user wrote is not rebuilt "
            f"from anything; left as it was (edit it by hand in {db.name}, or remove it)") in out
    assert orjson.loads(db.read_bytes())["tags"][doc_id] == damaged  # still there, as it was
    # The rest is all there, and every write keeps the damaged record too.
    assert [t["tag"] for t in run_json(capsys, "--db", str(db), "tags")] == ["chapter-3"]
    run(capsys, "--db", str(db), "tag", "daryo", "later")
    assert orjson.loads(db.read_bytes())["tags"][doc_id] == damaged


def test_tags_survive_reingest_of_the_same_text_and_new_articles(capsys, db):
    before = user_view(capsys, db)
    text = FIXTURES / "astana-water-talks.txt"
    assert run(capsys, "--db", str(db), "ingest", str(text))[0] == 0
    after = user_view(capsys, db)
    assert after["tags"] == before["tags"] and after["notes"] == before["notes"]
    code, out, _ = run(capsys, "--db", str(db), "ingest", str(text), "--json")
    assert code == 0 and json.loads(out)["added"] == []  # the same text: nothing stored again
    assert run(capsys, "--db", str(db), "tag", "2025-02", "water")[0] == 0
    assert user_view(capsys, db)["tags"][0] == before["tags"][0]
    assert [r["article_id"] for r in run_json(capsys, "--db", str(db), "search", "tag:water")] == [
        "2025-02-12-kazakh-and-uzbek-ministers-discuss-water"]


def test_the_backup_after_a_tag_holds_it(db):
    library = Library.open(db)
    seed = library.contents().article(SEED_ID)
    library.tag([seed], ["backed-up"])
    library.note(seed, "one more")  # this write keeps the version before it: with the tag
    backup = library.store.last_backup
    assert backup is not None
    tags = [t["tag"] for t in orjson.loads(backup.read_bytes())["tags"].values()]
    assert tags == ["chapter-3", "chapter-3", "chapter-3", "to-verify", "backed-up"]


def test_a_tag_re_merges_nothing_and_carries_the_index_over(db, monkeypatch):
    library = Library.open(db)
    library.index()  # current
    seed = library.contents().article(SEED_ID)

    def no(*args, **kwargs):
        raise AssertionError("rebuilt")

    index_file = db.with_name(db.name + ".index")
    before = binary_part(index_file.read_bytes())
    monkeypatch.setattr("tui.library.upkeep.rebuild_derived", no)
    monkeypatch.setattr("tui.search.inverted.add_document", no)  # what building an index does per article
    monkeypatch.setattr("tui.library.indexing.encode", no)  # nor encoded again: its binary part is copied
    library.tag([seed], ["fast"])
    library.note(seed, "fast too", 2)
    assert indexing.state(library.store) == ("current", "")
    assert binary_part(index_file.read_bytes()) == before
    results, headings, found = saved_search(db, "tag:fast note:fast")
    assert [r.article_id for r in results] == [SEED_ID]
    assert found.tags_of(ARTICLE, SEED_ID) == ["chapter-3", "fast", "to-verify"]


def binary_part(data: bytes) -> bytes:
    """An index file's postings, counts and token strings: what follows its header."""
    from tui.library.index_file import DIGEST_LEN, MAGIC

    head_len = int.from_bytes(data[len(MAGIC):len(MAGIC) + 8], "little")
    return data[len(MAGIC) + 8 + DIGEST_LEN + head_len:]


def test_an_index_file_of_another_version_is_not_issued_again(db):
    from tui.library.index_file import restamped

    store = Library.open(db).store
    path = db.with_name(db.name + ".index")
    Library.open(db).index()
    other = (store.file_stamp[0] + 1, *store.file_stamp[1:])
    assert restamped(path, (other, store.revision), other, store.revision + 1, None, None, 0) is None
    assert restamped(path, (store.file_stamp, store.revision + 1), other, store.revision + 1, None, None, 0) is None
    again = restamped(path, (store.file_stamp, store.revision), other, store.revision + 1, None, None, 0)
    assert again is not None and binary_part(again) == binary_part(path.read_bytes())


def test_the_explorer_snapshot_has_them(db):
    view = snapshot(db)
    assert view is not None
    assert view.tags_of(ARTICLE, SEED_ID) == ["chapter-3", "to-verify"]
    assert view.tags_of(OFFICIAL, "wang-yi") == ["chapter-3"]
    assert view.tags_of(EVENT, LAUNCH) == ["chapter-3"]
    placed = view.notes_in(view.article(SEED_ID))
    assert [(p.paragraph, p.changed, p.note.text) for p in placed] == [
        (None, False, "A press release, reworded"), (3, False, "Check the title against the MFA release")]


# -- what a tag is on, found again ----------------------------------------------------------


def _official(oid, name, country, aliases=()):
    return Official(oid, name, tuple(aliases), country)


def _event(eid, date, *sentences):
    return Event(eid, date, "day", evidence=tuple(Evidence(a, 1, t) for a, t in sentences))


def test_an_official_is_found_by_name_and_country_when_its_id_shifts():
    tagged = _official("wang-yi", "Wang Yi", "China")
    ref = Ref(OFFICIAL, "wang-yi", name="Wang Yi", country="China")
    # A namesake arrives: the merge gives the plain id to the other one.
    now = [_official("wang-yi", "Wang Yi", "Kazakhstan"), _official("wang-yi-china", "Wang Yi", "China")]
    assert Finder(now, []).find(ref) == "wang-yi-china"
    assert Finder([tagged], []).find(ref) == "wang-yi"
    # Known only by an alias now, and a name no one has.
    assert Finder([_official("wang-yi", "Wang Yi (FM)", "China", ["Wang Yi"])], []).find(ref) == "wang-yi"
    assert Finder(now, []).find(Ref(OFFICIAL, "x", name="Li Qiang", country="China")) is None


def test_an_event_is_found_by_its_sentences_and_date_when_its_id_shifts():
    ref = Ref(EVENT, "2024-03-30-xian", date="2024-03-30", evidence=(Evidence("a1", 1, "They met in Xi’an."),))
    events = [_event("2024-03-30-xian", "2024-03-30", ("a2", "Another sentence.")),
              _event("2024-03-30-xian-2", "2024-03-30", ("a2", "More."), ("a1", "They met in Xi’an."))]
    assert Finder([], events).find(ref) == "2024-03-30-xian-2"
    # One sentence stating two events: the date tells them apart.
    two = [_event("2024-03-30-a", "2024-03-30", ("a1", "They met in Xi’an.")),
           _event("2024-04-02-b", "2024-04-02", ("a1", "They met in Xi’an."))]
    assert Finder([], two).find(ref) == "2024-03-30-a"
    assert Finder([], two).find(Ref(EVENT, "x", date="2024-04-02", evidence=ref.evidence)) == "2024-04-02-b"
    assert Finder([], [_event("2024-03-30-xian", "2024-03-30", ("a1", "Other."))]).find(ref) is None


def test_a_tag_not_found_is_kept_counted_and_found_again():
    tag = Tag("chapter-3", Ref(OFFICIAL, "wang-yi", name="Wang Yi", country="China"))
    gone = annotations([tag], [], [_official("li-qiang", "Li Qiang", "China")], [])
    assert gone.tags_of(OFFICIAL, "wang-yi") == [] and gone.unplaced == [tag]
    [count] = gone.counts()
    assert (count.tag, count.counts, count.unplaced) == ("chapter-3", {"article": 0, "official": 0, "event": 0}, 1)
    back = annotations([tag], [], [_official("wang-yi-2", "Wang Yi", "China")], [])
    assert back.tags_of(OFFICIAL, "wang-yi-2") == ["chapter-3"] and back.unplaced == []


def test_cli_tags_counts_the_tags_not_found(capsys, db, monkeypatch):
    monkeypatch.setenv("COLUMNS", "100")
    tree = orjson.loads(db.read_bytes())
    for tag in tree["tags"].values():
        if tag["on"]["kind"] == "official":
            tag["on"]["name"] = "Someone Gone"  # as if the extraction no longer found them
    db.write_bytes(orjson.dumps(tree))
    assert run(capsys, "--db", str(db), "tags") == (0, (
        "TAG         ARTICLES  OFFICIALS  EVENTS  NOT FOUND\n"
        "chapter-3   1         0          1       1\n"
        "to-verify   1         0          0       0\n"
        "(not found: on an official or event that the last extraction did not find again; kept, and shown "
        "again when it is)\n"), "")


# -- where a note shows ---------------------------------------------------------------------


def _article(*texts):
    return Article("a", paragraphs=tuple(Paragraph(n, "para", t) for n, t in enumerate(texts, 1)))


def test_a_paragraph_note_follows_its_text_or_is_flagged():
    moved = Note("a", "on the second", 2, "Second.")
    changed = Note("a", "on the third", 3, "Third.")
    gone = Note("a", "on the ninth", 9, "Ninth.")
    whole = Note("a", "on it all")
    article = _article("New first.", "First.", "Second.", "Third, reworded.")
    assert place_notes(article, [moved, changed, gone, whole]) == [
        PlacedNote(gone, None, True),  # its paragraph is no more: shown on the article, flagged
        PlacedNote(whole, None, False),
        PlacedNote(moved, 3, False),  # the same text, one paragraph down
        PlacedNote(changed, 3, True),  # the text changed: where it was, flagged
    ]


def test_tag_and_note_documents_come_back_as_stored():
    from tui.library import codec
    from tui.library.shapes import NOTE, TAG, problems

    tag = {"tag": "chapter-3", "on": {"kind": "event", "id": LAUNCH, "name": None, "country": None,
                                      "date": "2024-03-30",
                                      "evidence": [{"article_id": SEED_ID, "paragraph": 1, "text": "They met."}]},
           "added": "2024-04-01T10:00:00+00:00", "label": "2024-03-30 They met"}
    note = {"article_id": SEED_ID, "text": "Two\nlines", "paragraph": 3, "quoted": "P3.",
            "created": "2024-04-01T10:00:00+00:00", "updated": "2024-04-02T10:00:00+00:00"}
    assert codec.document(codec.tag(tag)) == tag and problems(tag, TAG) == []
    assert codec.document(codec.note(note)) == note and problems(note, NOTE) == []
    assert problems({**note, "paragraph": True}, NOTE) == ["paragraph is true/false, not a number"]
    assert problems({**tag, "on": {**tag["on"], "kind": "person"}}, TAG) == [
        "on.kind is 'person', not article, official or event"]
