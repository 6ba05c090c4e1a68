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


def test_an_unmapped_pubmed_label_gets_the_category_its_words_name() -> None:
    from medcite.answer.segment import document_sentences
    from medcite.records import AbstractSection, Document, Source

    def section(label: str, category: str | None, text: str) -> AbstractSection:
        return AbstractSection(label=label, category=category, text=text)

    paper = Document(
        id="pmid:1",
        source=Source.PUBMED,
        sections=(
            section("METHODS", "UNASSIGNED", "Regression analysis to find risk factors."),
            section("Principal findings", None, "Smoking doubled the risk."),
            section("Results and conclusions", "UNASSIGNED", "Quitting lowered it."),
            section("KEY MESSAGE", "UNASSIGNED", "Smoking harms the eyes."),
            section("BACKGROUND", "BACKGROUND", "Eye disease is common."),
        ),
    )
    categories = [s.section_category for s in document_sentences(paper)]
    assert categories == ["METHODS", "RESULTS", "CONCLUSIONS", "UNASSIGNED", "BACKGROUND"]
    page = Document(
        id="medquad:x#1",
        source=Source.MEDQUAD,
        sections=(section("Treatment methods", None, "Rest helps most people."),),
    )
    assert [s.section_category for s in document_sentences(page)] == [None]
