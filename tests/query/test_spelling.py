"""Spelling correction: one-edit fixes of clinical words the index does not know."""

from __future__ import annotations

from collections.abc import Collection

from medcite.query.spelling import corrected, correction, edits1, far_correction, suggestions

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


def _near(lexicon: dict[str, int]):  # type: ignore[no-untyped-def]
    """Neighbours over a handmade lexicon: same first two letters, length within ``spread``."""

    def neighbours(word: str, spread: int) -> dict[str, int]:
        return {
            w: n
            for w, n in lexicon.items()
            if w[:2] == word[:2] and abs(len(w) - len(word)) <= spread
        }

    return neighbours


def test_a_long_name_two_edits_away_is_corrected() -> None:
    near = _near({"methotrexate": 5, "metoprolol": 9})
    assert far_correction("metotrexat", near) == "methotrexate"  # two letters dropped
    fixed, fixes = corrected(["metotrexat", "dose"], _lookup({}), lambda w: False, near)
    assert fixed == ["methotrexate", "dose"] and fixes == {"metotrexat": "methotrexate"}


def test_a_word_two_edits_away_is_no_brand_but_may_be_a_generic() -> None:
    """ "sanbrella" is two edits from the (made-up) brand "sambrela", too far to be sure it was
    meant; a generic name as far away is how a drug is spelt as it sounds."""
    near = _near({"sambrela": 4, "methotrexate": 5})
    brands = {"sambrela", "co-dydrol"}.__contains__
    fixed, fixes = corrected(
        ["sanbrella", "metotrexat"], _lookup({}), lambda w: False, near, brand_name=brands
    )
    assert fixed == ["sanbrella", "methotrexate"] and fixes == {"metotrexat": "methotrexate"}
    assert corrected(["sanbrella"], _lookup({}), lambda w: False, near)[0] == ["sambrela"]
    # a brand written without its hyphen is the brand, not a guess
    joined = _near({"co-dydrol": 4})
    written = corrected(["codydrol"], _lookup({}), lambda w: False, joined, brand_name=brands)
    assert written[0] == ["co-dydrol"]


def test_short_far_or_first_letter_misspellings_are_not_guessed() -> None:
    near = _near({"methotrexate": 5, "warfarin": 8})
    assert far_correction("warfrn", near) is None  # two edits, but too short to be sure
    assert far_correction("metrxtrate", near) is None  # three edits away
    assert far_correction("nethotrexat", near) is None  # first letters differ: not searched


def test_a_word_as_close_to_another_english_word_is_not_corrected() -> None:
    # "seperated" is two edits from the clinical "serrated" and from English "separated"
    assert far_correction("seperated", _near({"serrated": 4})) is None


def test_words_a_curated_table_knows_are_never_corrected() -> None:
    lookup = _lookup({"neuroma": 12})
    fixed, fixes = corrected(["neurona"], lookup, lambda w: False, keep={"neurona"})
    assert fixed == ["neurona"] and fixes == {}
    assert corrected(["neurona"], lookup, lambda w: False)[0] == ["neuroma"]


def test_suggestions_name_close_long_words_closest_first() -> None:
    near = _near({"levothyroxine": 3, "levetiracetam": 6, "lever": 40})
    assert suggestions("levotiroxin", near) == ("levothyroxine",)
    assert suggestions("levtiracetem", near)[0] == "levetiracetam"
    assert suggestions("levrr", near) == ()  # short words have too many neighbours
    assert suggestions("zzzzzzzzzz", near) == ()


def test_a_rare_word_one_edit_from_a_far_more_frequent_one_is_its_misspelling() -> None:
    """The index may hold a misspelling's stem in a few documents on something else ("migrane"
    → "migran", as in larva migrans); a vocabulary word one edit away that fills many times as
    many documents is what was meant. Between words of like frequency nothing is guessed."""
    lookup = _lookup({"migraine": 40, "migrant": 5})
    counts = {"migrane": 14, "migraine": 187, "migrant": 30}
    fixed, fixes = corrected(
        ["migrane", "trigger"], lookup, known=lambda w: True, frequency=lambda w: counts.get(w, 0)
    )
    assert fixes == {"migrane": "migraine"} and fixed == ["migraine", "trigger"]
    counts["migraine"] = 100  # 7 times as frequent: not enough to overrule the index
    _, fixes = corrected(["migrane"], lookup, known=lambda w: True, frequency=counts.__getitem__)
    assert fixes == {}
    _, fixes = corrected(["migrane"], lookup, known=lambda w: True)  # no counts: as before
    assert fixes == {}


def test_a_correction_that_completes_a_term_with_its_neighbour_wins() -> None:
    """ "ganglian" is one edit from "ganglia" (in more terms) and "ganglion"; beside "cyst"
    only "ganglion" makes a term, so the reader meant a ganglion cyst."""
    lexicon = {"ganglia": 40, "ganglion": 12, "cyst": 30}
    terms = {"ganglion cyst", "basal ganglia"}

    def known_terms(phrases: Collection[str]) -> Collection[str]:
        return [p for p in phrases if p in terms]

    def lookup(words: Collection[str]) -> dict[str, int]:
        return {w: lexicon[w] for w in words if w in lexicon}

    def unknown(word: str) -> bool:
        return word in lexicon

    words = ["ganglian", "cyst"]
    assert corrected(words, lookup, unknown)[0] == ["ganglia", "cyst"]
    assert corrected(words, lookup, unknown, terms=known_terms)[0] == ["ganglion", "cyst"]
    alone = corrected(["ganglian", "swelling"], lookup, unknown, terms=known_terms)
    assert alone[0] == ["ganglia", "swelling"]


def test_a_short_word_is_never_turned_into_a_drug_s_name() -> None:
    """Short brand names one letter apart are look-alike names: a patient's "visine" is no
    misspelt "vidine"; a longer misspelt drug name and a short non-drug word are still fixed."""
    lookup = _lookup({"vidine": 3, "lisinopril": 50, "tablet": 90})
    drugs = {"vidine", "lisinopril"}.__contains__
    fixed, fixes = corrected(["visine", "drops"], lookup, lambda w: False, drug_name=drugs)
    assert fixed == ["visine", "drops"] and fixes == {}
    fixed, _ = corrected(["lisinoprl", "tabet"], lookup, lambda w: False, drug_name=drugs)
    assert fixed == ["lisinopril", "tablet"]
    assert corrected(["visine"], lookup, lambda w: False)[0] == ["vidine"]  # without the guard


def test_a_word_that_names_a_disease_with_its_neighbour_is_not_corrected() -> None:
    """ "schlatter" is two letters from "scatter", but "osgood schlatter" with "disease" after
    it is a vocabulary term: an eponym written without its head noun, no misspelling."""
    lexicon = {"scatter": 40, "osgood": 1}

    def lookup(words: Collection[str]) -> dict[str, int]:
        return {w: lexicon[w] for w in words if w in lexicon}

    def known_terms(phrases: Collection[str]) -> Collection[str]:
        return [p for p in phrases if p == "osgood schlatter disease"]

    near = _near(lexicon)
    words = ["osgood", "schlatter", "knee"]
    assert corrected(words, lookup, lambda w: False, near, terms=known_terms)[0] == words
    assert corrected(["schlatter", "knee"], lookup, lambda w: False, near)[0] == ["scatter", "knee"]


def test_a_british_spelling_takes_the_vocabulary_s_american_one() -> None:
    """ "anaemia" and "sulphate" are the words MeSH spells "anemia" and "sulfate", though the
    index knows them and a few entry terms use them; a word the vocabulary spells the British
    way more often, and short words ("does", "toes"), stay as typed."""
    from medcite.query.spelling import american

    lexicon = {"anaemia": 8, "anemia": 263, "sulphate": 15, "sulfate": 328, "oestrus": 9}
    words = ["anaemia", "ferrous", "sulphate", "oestrus", "does", "toes"]
    fixed, fixes = corrected(words, _lookup(lexicon), known=lambda w: True)
    assert fixed == ["anemia", "ferrous", "sulfate", "oestrus", "does", "toes"]
    assert fixes == {"anaemia": "anemia", "sulphate": "sulfate"}
    assert american("haemorrhage") == "hemorrhage"
    assert american("diarrhoea") == "diarrhea"
    assert american("canoes") == "canoes"


def test_an_adjective_made_with_y_said_of_a_look_is_not_corrected_to_its_noun() -> None:
    """ "stenosisy looking patches" say what the patches look like, not that they are the
    condition; a misspelling is still corrected."""
    lookup = _lookup(LEXICON)
    fixed, fixes = corrected(["stenosisy", "looking", "patches"], lookup, known=lambda w: False)
    assert fixes == {}
    assert fixed == ["stenosisy", "looking", "patches"]
    _, fixes = corrected(["stenosisy", "patches"], lookup, known=lambda w: False)
    assert fixes == {"stenosisy": "stenosis"}


def test_a_shade_before_its_colour_is_not_joined_to_the_word_before() -> None:
    """ "the skin is bright red" names no herb "skinbright"; a shade with no colour after it
    still may join ("heart burn")."""
    lookup = _lookup({"skinbright": 3, "heartburn": 40})
    fixed, fixes = corrected(["skin", "bright", "red"], lookup, known=lambda w: True)
    assert fixed == ["skin", "bright", "red"] and fixes == {}
    joined, _ = corrected(["heart", "burn", "again"], lookup, known=lambda w: True)
    assert joined == ["heartburn", "again"]
