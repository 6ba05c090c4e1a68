"""Sentence and word helpers used by the metrics and the lead-sentences baseline."""

from __future__ import annotations

from medcite.eval.text import split_sentences, strip_citation_marks
from medcite.text import content_words, squash


def test_sentences_split_at_end_punctuation_before_a_capital_or_digit() -> None:
    text = "Aspirin lowers fever. It may upset the stomach! Is it safe? 20% had no effect."
    assert split_sentences(text) == [
        "Aspirin lowers fever.",
        "It may upset the stomach!",
        "Is it safe?",
        "20% had no effect.",
    ]


def test_sentences_do_not_split_after_abbreviations_or_decimals() -> None:
    text = "Drugs (e.g. Aspirin) help. The dose was 2.5 mg vs. Placebo in Fig. 2 of the trial."
    assert split_sentences(text) == [
        "Drugs (e.g. Aspirin) help.",
        "The dose was 2.5 mg vs. Placebo in Fig. 2 of the trial.",
    ]


def test_sentences_are_verbatim_substrings_and_paragraphs_split() -> None:
    text = "First  sentence here. Second one.\n\nNew paragraph"
    sentences = split_sentences(text)
    assert sentences == ["First  sentence here.", "Second one.", "New paragraph"]
    assert all(s in text for s in sentences)


def test_content_words_drop_stopwords_and_plural_s() -> None:
    assert content_words("What are the causes of the viruses in cells?") == {
        "cause",
        "viruse",
        "cell",
    }
    assert content_words("Is this a virus, or is it stress?") == {"virus", "stress"}


def test_citation_marks_are_removed() -> None:
    assert strip_citation_marks("Blood is red [1]. Iron binds oxygen [2, 3][4-6].") == (
        "Blood is red. Iron binds oxygen."
    )
    assert squash("  a \n b\t c ") == "a b c"
