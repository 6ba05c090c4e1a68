"""Spelling correction: one-edit fixes of clinical words the index does not know."""

from __future__ import annotations

from collections.abc import Collection

from medcite.query.spelling import corrected, correction, edits1

LEXICON = {"antiphospholipid": 11, "syndrome": 900, "aortic": 140, "stenosis": 60, "ricket": 3}


def test_edits1_covers_delete_swap_replace_insert() -> None:
    edits = edits1("aortc")
    assert {"aort", "aotrc", "aortx", "aortic"} <= edits
    assert "aortc" not in edits


def test_a_misspelt_clinical_word_is_corrected() -> None:
    assert correction("antiphosoholipid", LEXICON) == "antiphospholipid"
    assert correction("aeortic", LEXICON) == "aortic"


def test_known_short_and_far_words_are_left_alone() -> None:
    assert correction("aortic", LEXICON) is None  # already a vocabulary word
    assert correction("aortx", LEXICON) is None  # no vocabulary word one edit away
    assert correction("sydr", LEXICON) is None  # too short to correct safely
    assert correction("9aortic", LEXICON) is None  # not a word


def test_the_most_used_word_wins_a_tie() -> None:
    assert correction("stenoses", {"stenosis": 60, "stenose": 2}) == "stenosis"


def test_words_the_index_knows_are_not_corrected() -> None:
    words = ["aeortic", "stenosis", "rickett"]

    def lookup(candidates: Collection[str]) -> dict[str, int]:
        return {w: LEXICON[w] for w in candidates if w in LEXICON}

    fixed, fixes = corrected(words, lookup, known=lambda w: w == "rickett")
    assert fixed == ["aortic", "stenosis", "rickett"]
    assert fixes == {"aeortic": "aortic"}


def test_a_misspelling_with_the_words_stem_is_corrected_though_the_index_finds_it() -> None:
    # the index stems: "enalaprill" is found as "enalapril", so "known" cannot tell them apart
    lexicon = {"enalapril": 4}

    def lookup(candidates: Collection[str]) -> dict[str, int]:
        return {w: lexicon[w] for w in candidates if w in lexicon}

    fixed, fixes = corrected(["enalaprill", "dose"], lookup, known=lambda w: True)
    assert fixed == ["enalapril", "dose"]
    assert fixes == {"enalaprill": "enalapril"}


def _lookup(lexicon: dict[str, int]):  # type: ignore[no-untyped-def]
    def lookup(candidates: Collection[str]) -> dict[str, int]:
        return {w: lexicon[w] for w in candidates if w in lexicon}

    return lookup


def test_a_clinical_word_written_in_two_parts_is_joined() -> None:
    lookup = _lookup({"bronchiectasis": 4, "cough": 50})
    fixed, fixes = corrected(["bronchi", "ectasis", "cough"], lookup, known=lambda w: True)
    assert fixed == ["bronchiectasis", "cough"]
    assert fixes == {"bronchi ectasis": "bronchiectasis"}


def test_two_parts_one_edit_from_a_word_join_only_when_a_part_is_strange() -> None:
    lookup = _lookup({"carbamazepine": 2})
    fixed, _ = corrected(["carba", "mazepime"], lookup, known=lambda w: False)
    assert fixed == ["carbamazepine"]
    # both parts known words: nothing is joined, a typo of two real words is left alone
    kept, fixes = corrected(["carba", "mazepime"], lookup, known=lambda w: True)
    assert kept == ["carba", "mazepime"] and fixes == {}


def test_ordinary_neighbours_are_not_joined() -> None:
    lookup = _lookup({"pressure": 90, "blood": 300})
    fixed, fixes = corrected(["high", "blood", "pressure"], lookup, known=lambda w: True)
    assert fixed == ["high", "blood", "pressure"] and fixes == {}
