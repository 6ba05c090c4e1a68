"""Sentence segmentation edge cases."""

from __future__ import annotations

from medcite.text import split_sentences


def test_abbreviations_decimals_and_initials_do_not_split() -> None:
    text = (
        "Hemifacial spasm (HFS) is common, e.g. in Asia. Smith et al. reported p < 0.05 in 12.5% "
        "of cases. Dr. Jones agreed. J. Smith disagreed! Was it real? (Yes) it was. "
        "3 patients died."
    )
    assert split_sentences(text) == [
        "Hemifacial spasm (HFS) is common, e.g. in Asia.",
        "Smith et al. reported p < 0.05 in 12.5% of cases.",
        "Dr. Jones agreed.",
        "J. Smith disagreed!",
        "Was it real?",
        "(Yes) it was.",
        "3 patients died.",
    ]


def test_structured_label_is_not_part_of_the_sentence() -> None:
    assert split_sentences("RESULTS: Botulinum toxin helped. It was safe.") == [
        "Botulinum toxin helped.",
        "It was safe.",
    ]


def test_sentences_are_exact_substrings() -> None:
    text = "First one i.e. this.  Second   one (n = 3). Third vs. fourth. Fig. 2 shows it."
    for sentence in split_sentences(text):
        assert sentence in text


def test_lowercase_after_period_continues_the_sentence() -> None:
    assert split_sentences("Values were approx. equal. Then it ended.") == [
        "Values were approx. equal.",
        "Then it ended.",
    ]


def test_empty_text() -> None:
    assert split_sentences("   ") == []
