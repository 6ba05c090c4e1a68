"""The shared text module: sentences, stopwords, singulars, stems, query terms."""

from __future__ import annotations

from medcite.eval.text import split_sentences as eval_sentences
from medcite.text import (
    EXTRA_STOPWORDS,
    STOPWORDS,
    content_words,
    drop_plural_s,
    normalise,
    query_terms,
    singular,
    split_sentences,
    squash,
    stems,
    words,
)


def test_abbreviations_do_not_end_a_sentence() -> None:
    text = (
        "Statins (e.g. Atorvastatin) lower LDL. Smith et al. found it, i.e. Less risk. "
        "Compare Fig. 3 with No. 4 vs. Placebo. Dr. Lee agreed. The U.S. Army and the U.K. "
        "Navy took part."
    )
    assert split_sentences(text) == [
        "Statins (e.g. Atorvastatin) lower LDL.",
        "Smith et al. found it, i.e. Less risk.",
        "Compare Fig. 3 with No. 4 vs. Placebo.",
        "Dr. Lee agreed.",
        "The U.S. Army and the U.K. Navy took part.",
    ]


def test_decimals_and_initials_do_not_end_a_sentence() -> None:
    text = "The risk fell by 0.5 points (p = 0.01). J. R. Smith wrote it. 12 patients left."
    assert split_sentences(text) == [
        "The risk fell by 0.5 points (p = 0.01).",
        "J. R. Smith wrote it.",
        "12 patients left.",
    ]


def test_a_lower_case_word_after_a_full_stop_continues_the_sentence() -> None:
    assert split_sentences("It was approx. equal. then it ended. Done.") == [
        "It was approx. equal. then it ended.",
        "Done.",
    ]


def test_a_heading_run_into_a_sentence_opening_with_a_common_subject_is_split_off() -> None:
    assert split_sentences("A Single Dose To lower the risk, adults get one dose.") == [
        "A Single Dose",
        "To lower the risk, adults get one dose.",
    ]
    assert split_sentences("Who Should Be Tested Adults 50 or older should be tested.") == [
        "Who Should Be Tested",
        "Adults 50 or older should be tested.",
    ]
    assert split_sentences("Many Adults 60 and older get it.") == [
        "Many Adults 60 and older get it."
    ]


def test_a_leading_structured_label_is_dropped() -> None:
    assert split_sentences("CONCLUSIONS: Rest helps. Ice may help.") == [
        "Rest helps.",
        "Ice may help.",
    ]
    assert split_sentences("Rest helps. RESULTS: ignored") == ["Rest helps.", "RESULTS: ignored"]
    # in title case too, as many journals print them; any other word before a colon stays
    assert split_sentences("Background and Aims: Rest helps.") == ["Rest helps."]
    assert split_sentences("Conclusion: Rest helps.") == ["Rest helps."]
    assert split_sentences("Note: rest helps.") == ["Note: rest helps."]


def test_sentences_are_exact_substrings_with_closing_marks_kept() -> None:
    text = 'He said "stop."  (It hurt.) Then   he rested! Why? 3 days later [1] he ran.'
    sentences = split_sentences(text)
    assert sentences == [
        'He said "stop."',
        "(It hurt.)",
        "Then   he rested!",
        "Why?",
        "3 days later [1] he ran.",
    ]
    assert all(s in text for s in sentences)


def test_eval_sentences_split_paragraphs_and_drop_wordless_pieces() -> None:
    text = "RESULTS: One line\n\nMETHODS: Two. Three.\n  \n ... "
    assert eval_sentences(text) == ["One line", "Two.", "Three."]


def test_stopwords_are_one_list_with_fillers_apart() -> None:
    assert {"what", "the", "is", "please", "anybody"} <= STOPWORDS
    assert "also" not in STOPWORDS
    assert "also" in EXTRA_STOPWORDS
    assert "pain" not in STOPWORDS | EXTRA_STOPWORDS


def test_query_terms_keep_order_and_drop_stopwords_and_underscores() -> None:
    assert query_terms("What is the best treatment for the TREATMENT of _x gout?") == [
        "best",
        "treatment",
        "gout",
    ]
    assert query_terms("Can it also be used?") == ["also", "used"]


def test_words_and_squash() -> None:
    assert words("COVID-19, in 2020!") == ["covid", "19", "in", "2020"]
    assert squash("  a\n\n b\tc ") == "a b c"


def test_singular_rules() -> None:
    assert singular("twitches") == "twitch"
    assert singular("rashes") == "rash"
    assert singular("abscesses") == "abscess"
    assert singular("boxes") == "box"
    assert singular("allergies") == "allergy"
    assert singular("cells") == "cell"
    assert singular("diseases") == "disease"
    for word in ("virus", "stress", "diagnosis", "psoriasis", "gas", "was"):
        assert singular(word) == word
    assert singular("bell's") == "bell"


def test_normalise_lower_cases_and_singularises_words() -> None:
    assert normalise("Facial Twitches") == "facial twitch"
    assert normalise("Bell’s palsy") == "bell palsy"
    assert normalise("Cells, (COPD)") == "cell copd"


def test_metric_content_words_use_the_crude_plural_rule() -> None:
    assert drop_plural_s("viruses") == "viruse"
    assert drop_plural_s("virus") == "virus"
    assert drop_plural_s("gas") == "gas"
    assert content_words("The cells of my kidneys") == {"cell", "kidney"}


def test_stems_use_the_english_stemmer_and_drop_stopwords_and_fillers() -> None:
    assert stems("Running treatments were also used") == frozenset({"run", "treatment"})
    assert stems("Treated") == stems("treating") == frozenset({"treat"})
    assert stems("a b c") == frozenset()


def test_a_letter_ending_a_name_ends_the_sentence() -> None:
    text = (
        "It is caused by hepatitis B. Treatment is rest. Levels of vitamin A. Doses vary. "
        "Levels of IL-17A. Both fell. As shown by J. Smith, it held."
    )
    assert split_sentences(text) == [
        "It is caused by hepatitis B.",
        "Treatment is rest.",
        "Levels of vitamin A.",
        "Doses vary.",
        "Levels of IL-17A.",
        "Both fell.",
        "As shown by J. Smith, it held.",
    ]


def test_a_heading_run_into_a_sentence_is_a_piece_of_its_own() -> None:
    text = (
        "Risk Factors The main risk factor is age. How To Treat It Your doctor may prescribe rest."
    )
    assert split_sentences(text) == [
        "Risk Factors",
        "The main risk factor is age.",
        "How To Treat It",
        "Your doctor may prescribe rest.",
    ]
    # a heading before an opening phrase, or repeated as its sentence's opening
    assert split_sentences("Help Is Available In general, rest helps.") == [
        "Help Is Available",
        "In general, rest helps.",
    ]
    assert split_sentences("Cold Packs Cold packs, used early, ease swelling.") == [
        "Cold Packs",
        "Cold packs, used early, ease swelling.",
    ]
    assert split_sentences("Rest: the First Step Rest is the first step.") == [
        "Rest: the First Step",
        "Rest is the first step.",
    ]
    # a heading before "The" and an organisation's name
    assert split_sentences("Get Your Feet Checked The Foot Care Group (FCG) urges it.") == [
        "Get Your Feet Checked",
        "The Foot Care Group (FCG) urges it.",
    ]
    # "A" and title-case words are no name after a heading
    pieces = split_sentences("Caused By A Virus Shingles is caused by a virus.")
    assert "A Virus Shingles is caused by a virus." not in pieces
    # a title-case name inside a sentence, or one before a verb, is no heading
    assert split_sentences("Read The Lancet for it. Hepatitis B Vaccine Is given at birth.") == [
        "Read The Lancet for it.",
        "Hepatitis B Vaccine Is given at birth.",
    ]


def test_the_dash_of_a_flattened_list_item_ends_the_sentence_before_it() -> None:
    text = "Lead in the environment can cause gout. - Other health problems. Rest helps."
    assert split_sentences(text) == [
        "Lead in the environment can cause gout.",
        "Other health problems.",
        "Rest helps.",
    ]
    assert split_sentences("Take 1-2 tablets. Drink water.") == [
        "Take 1-2 tablets.",
        "Drink water.",
    ]
