from __future__ import annotations

import pytest

from medcite.query.english import (
    COMMON_MIN_FREQUENCY,
    english_frequency,
    english_within,
    glued,
    glued_words,
    is_common_english,
    near_english,
)


@pytest.mark.parametrize(
    "word",
    ["alright", "Alright", "progressing", "wondering", "granddaughter", "white", "bread", "achy",
     "granddaughter's", "lightheaded"],
)  # fmt: skip
def test_ordinary_words_are_english(word: str) -> None:
    assert is_common_english(word)


@pytest.mark.parametrize(
    "word",
    ["antiphosoholipid", "aeortic", "klippel-tranaunay", "tranaunay", "diabete", "pnemonia",
     "hypertention", "cholestrol", "siezure", "Albright", "", "---"],
)  # fmt: skip
def test_misspelt_clinical_words_and_rare_names_are_not(word: str) -> None:
    assert not is_common_english(word)


@pytest.mark.parametrize("word", ["couldnt", "wouldnt", "didnt", "doesnt", "ive", "theyll"])
def test_contractions_typed_without_the_apostrophe_are_english(word: str) -> None:
    assert is_common_english(word)


@pytest.mark.parametrize("word", ["alzheimers", "parkinsons", "crohns"])
def test_a_possessive_typed_without_the_apostrophe_is_no_contraction(word: str) -> None:
    assert not is_common_english(word)


def test_threshold_separates_measured_examples() -> None:
    assert english_frequency("kiddo") >= COMMON_MIN_FREQUENCY > english_frequency("albright")
    assert english_frequency("well-known") == min(
        english_frequency("well"), english_frequency("known")
    )


def test_english_words_within_two_edits() -> None:
    assert "separated" in english_within("seperated", 1)
    assert "separated" in english_within("seperatedd", 2)
    assert "separated" not in english_within("seperatedd", 1)
    assert english_within("zxqvlarphon", 2) == frozenset()


@pytest.mark.parametrize(
    ("word", "parts"),
    [
        ("managementkeeping", ("management", "keeping")),
        ("metabolismthe", ("metabolism", "the")),
        ("symptomssuch", ("symptoms", "such")),
        ("diarrhealoose", ("diarrhea", "loose")),
        ("therapyoral", ("therapy", "oral")),
        ("symptomswill", ("symptoms", "will")),
        # a short function word lost its space before a common word
        ("wereregularly", ("were", "regularly")),
        ("andswelling", ("and", "swelling")),
        # real words and compounds are not glued
        ("management", None),
        ("brainstem", None),
        ("foodborne", None),
        ("antiplatelet", None),
        ("overactivity", None),
        ("glipizide", None),
        ("spiderlike", None),
        ("survivorship", None),
        ("threadworm", None),
        ("heartburn", None),
        ("therapist", None),
        ("withstand", None),
        ("isolation", None),
        ("tomography", None),
    ],
)
def test_glued_words_split_into_common_words(word: str, parts: tuple[str, ...] | None) -> None:
    assert glued(word) == parts


def test_glued_words_of_a_text_are_lower_case_long_words() -> None:
    text = "Keep Diabetes managementkeeping simple: eat metabolismthe same way, NONSTEROIDAL."
    assert glued_words(text) == ["managementkeeping", "metabolismthe"]


def test_a_word_glued_to_the_capitalised_word_after_it_is_found() -> None:
    """A heading run into its sentence ("Older AgeThe Biggest …") is damage; a name with a
    short or rare part ("DiGeorge", "RotaTeq") is not."""
    text = "Older AgeThe first sign. DiGeorge syndrome; RotaTeq is given; pleaseVisit the page."
    assert glued_words(text) == ["AgeThe", "pleaseVisit"]


def test_an_article_glued_to_a_rare_word_is_found_but_not_a_latin_ending() -> None:
    """A medical term that lost the dash before "a" or "the" is glued ("urologista"); a Latin
    name's "a" is no article ("osteogenesis imperfecta")."""
    assert glued("urologista") == ("urologist", "a")
    assert glued("abdomenthe") == ("abdomen", "the")
    assert glued("imperfecta") is None
    assert glued("rheumatica") is None


def test_a_shade_told_with_ish_is_english() -> None:
    """ "Greyish", "reddish": a common word and "-ish" is no unknown name."""
    assert near_english("greyish") and near_english("reddish") and near_english("yellowish")
    assert not near_english("zorbexish")


def test_an_adverb_of_a_common_word_is_english() -> None:
    """ "Healthily", "gently": an adverb of a common word is no unknown name, however seldom
    the frequency table counts it; an adverb-like ending on a made-up name is."""
    assert near_english("healthily") and near_english("gently") and near_english("wrongly")
    assert not near_english("zorbexly")
