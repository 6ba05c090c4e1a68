"""A measure told high or low is read as its disorder's lay term (questions written for these
tests; the lay terms are medcite's shipped table)."""

from __future__ import annotations

import pytest

from medcite.query.measures import asks_lowering, asks_reading, measure_senses, told_as_measured
from medcite.query.repair import illness_senses
from medcite.query.understand import detect_facets
from medcite.query.vocab import Vocabulary
from medcite.records import Facet


@pytest.mark.parametrize(
    ("question", "said", "term"),
    [
        # a verb that lowers it asks about a high one
        ("what helps lower my blood pressure naturally", "blood pressure", "high blood pressure"),
        ("tips for getting my bp down before the nurse visit", "bp", "high blood pressure"),
        ("does garlic reduce ldl", "ldl", "high blood cholesterol"),
        # told after it
        ("his pulse has been really fast since the fall", "pulse", "fast heart rate"),
        ("her triglycerides came back high again", "triglycerides", "high triglyceride"),
        ("my blood glucose keeps falling overnight", "blood glucose", "low blood sugar"),
        # a reading
        ("at the clinic the bp was 162 over 101, is it serious", "bp", "high blood pressure"),
        ("blood pressure 84/52 this morning, feel faint", "blood pressure", "low blood pressure"),
        # an adjective before it, and a noun of change
        ("elevated uric acid and a sore big toe", "uric acid", "high uric acid"),
        ("why do I get a dip in blood sugar after coffee", "blood sugar", "low blood sugar"),
        # raising it on purpose asks about a low one
        ("how do you raise your blood pressure quickly", "blood pressure", "low blood pressure"),
        # a nutrient as one's level
        ("my sodium level was low on the blood test", "sodium", "low sodium"),
        # a value outside the usual range, in the unit its size tells
        ("his potassium came back at 6.1 yesterday", "potassium", "high potassium"),
        ("fasting blood glucose 2.8 and shaky", "blood glucose", "low blood sugar"),
        ("blood glucose of 320 after lunch", "blood glucose", "high blood sugar"),
        ("pulse is 128 sitting on the sofa", "pulse", "fast heart rate"),
        ("baby has a temp of 38.4 tonight", "temp", "high temperature"),
        ("total cholesterol 260, do I need pills", "total cholesterol", "high blood cholesterol"),
        ("platelet count 85,000 after the infection", "platelet count", "low platelet"),
        # a bare sugar reading
        ("woke at 2am shaking, sugar 3.3 on the meter", "sugar", "low blood sugar"),
        ("glucose was 22 after the party", "glucose", "high blood sugar"),
        # a filtration rate under 60 is kidney function told low
        ("my egfr was 38 at the last blood test", "egfr", "low kidney function"),
        ("what does a low gfr mean", "gfr", "low kidney function"),
    ],
)
def test_a_measure_told_high_or_low_is_read_as_that_lay_term(
    question: str, said: str, term: str
) -> None:
    read, changes = measure_senses(question)
    assert changes == {said: term}
    assert term in read


@pytest.mark.parametrize(
    "question",
    [
        "what is a normal blood pressure for a 70 year old",
        "is it ok to take my bp medication at night",
        "should we cut down on sodium when cooking for kids",  # a diet, not a level
        "which fruits have the most potassium",
        "how do I boost my heart rate when jogging",  # exercise, not a slow heart
        "my blood pressure is fine but my knee hurts",
        "the temperature outside is high, can the baby sleep in a vest",
        # a value inside the usual range, or a number that is no value of it
        "my potassium was 4.2 at the last check",
        "his heart rate is 72 at rest",
        "temperature 37.2 but feels cold",
        "my pulse is 120/80, what does that mean",
        "cholesterol of 180 at 45 years old",
        "i put sugar 2 teaspoons in each cup",
        "is sugar 10g a day too much for a toddler",
        "my egfr is 88, is that good",
        "egfr 19 deletion in lung cancer, which tablets",  # the gene, not the kidneys
    ],
)
def test_a_measure_without_a_direction_of_its_own_is_left_alone(question: str) -> None:
    read, changes = measure_senses(question)
    assert changes == {}
    assert read == question


def test_an_effect_on_a_measure_asks_about_its_high() -> None:
    """ "Does X raise it" asks whether X causes the disorder of a high one."""
    _read, changes = measure_senses("can liquorice raise blood pressure")
    assert changes == {"blood pressure": "high blood pressure"}


def test_a_lay_term_already_written_is_not_doubled() -> None:
    read, changes = measure_senses("low blood sugar at night, what should I eat")
    assert changes == {}
    assert read.startswith("low blood sugar at night")


def test_the_reading_is_shown_with_the_other_lay_readings() -> None:
    _read, changes = illness_senses("how can I bring my cholesterol down without statins")
    assert changes["cholesterol"] == "high blood cholesterol"


def test_the_reading_names_the_disorder_as_a_concept(handmade_vocabulary: Vocabulary) -> None:
    from medcite.query.understand import understand

    query = understand("need advice on bringing my blood pressure down", handmade_vocabulary)
    assert "hypertension" in {c.name.lower() for c in query.concepts}
    assert query.corrections.get("blood pressure") == "high blood pressure"


@pytest.mark.parametrize(
    ("question", "treatment"),
    [
        ("how do I get my cholesterol down without statins", True),
        ("what lowers blood pressure quickly", True),
        ("best ways of reducing my uric acid", True),
        ("lower back pain after lifting", False),
        ("how do I lower my dose of the pills", False),
        ("does coffee raise blood pressure", False),
    ],
)
def test_lowering_a_measure_asks_for_treatment(question: str, treatment: bool) -> None:
    assert asks_lowering(question) is treatment
    assert (Facet.TREATMENT in detect_facets(question)[0]) is treatment


@pytest.mark.parametrize(
    ("question", "reading"),
    [
        ("the bp machine at the chemist said 156/98, is that high?", True),
        ("potassium came back 6.0 on the bloods, is it dangerous", True),
        ("my resting pulse is 115 most days, is that normal", True),
        ("is a blood pressure of 120/80 normal", False),  # a usual reading
        ("my blood pressure is fine, is that normal for 70", False),
        ("is it normal to feel tired after a flu jab", False),
    ],
)
def test_a_reading_told_with_is_it_high_asks_what_it_means(question: str, reading: bool) -> None:
    assert asks_reading(question) is reading
    asked = detect_facets(question)[0]
    assert (Facet.DIAGNOSIS in asked and Facet.TREATMENT in asked) is reading


@pytest.mark.parametrize(
    ("matched", "question", "measured"),
    [
        ("ferritin", "ferritin 7.5 and I feel exhausted, is that low?", True),
        ("vitamin d", "my vitamin D 30 nmol/L, do I need tablets?", True),
        ("hydrocodone", "hydrocodone 10 every six hours", False),
        ("hydrocodone", "hydrocodone 7.5/325 for my back", False),
        ("ibuprofen", "ibuprofen 200 mg with food?", False),
    ],
)
def test_a_value_straight_after_the_name_is_a_result_when_a_decimal_or_a_concentration(
    matched: str, question: str, measured: bool
) -> None:
    assert told_as_measured(matched, question) is measured


def test_a_strength_in_percent_is_no_result() -> None:
    assert not told_as_measured("hydrocortisone", "can I use hydrocortisone 1% cream on my face")


def test_a_reading_told_alone_and_asked_high_is_blood_pressure() -> None:
    said, changes = measure_senses("is 152/96 high for a 50 year old?")
    assert "high blood pressure" in said and changes
    assert measure_senses("the score was 24/7, is that good?")[1] == {}
