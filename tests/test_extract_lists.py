"""The plural title heads lists share out, per gazetteer."""

from tui.extract.gazetteer import Gazetteer
from tui.extract.lists import _singulars


def _gazetteer(*heads: str) -> Gazetteer:
    g = Gazetteer()
    g.heads = set(heads)
    return g


def test_a_new_gazetteer_gets_its_own_singulars_even_where_an_old_one_was_freed():
    # CPython gives a new object the address (the id) of one just freed: a table kept by
    # id() would hand the second gazetteer the first one's plurals.
    assert _singulars(_gazetteer("minister")) == {"ministers": "minister"}
    assert _singulars(_gazetteer("secretary")) == {"secretaries": "secretary"}
    assert _singulars(_gazetteer("chairman", "deputy")) == {"chairmen": "chairman", "deputies": "deputy"}


def test_a_head_ending_in_a_vowel_and_y_takes_an_s():
    # "envoy" → "envoys" (not "envoies"), as "attorney" → "attorneys"; "deputy" → "deputies".
    assert _singulars(_gazetteer("envoy", "attorney", "deputy")) == {
        "envoys": "envoy", "attorneys": "attorney", "deputies": "deputy"}
