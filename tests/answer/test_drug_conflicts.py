"""Advice a medicine the question names makes unsafe (``answer.drug_conflicts``)."""

from __future__ import annotations

from medcite.answer.drug_conflicts import without_unsafe_advice
from medcite.answer.extract import Candidate
from medcite.answer.segment import Sentence
from medcite.query.understand import understand
from medcite.query.vocab import Vocabulary
from medcite.records import (
    AbstractSection,
    Document,
    Evidence,
    EvidenceLevel,
    Facet,
    Hit,
    Source,
)
from medcite.text import stems


def _said(text: str) -> Candidate:
    page = Document(
        id="medquad:bp",
        source=Source.MEDQUAD,
        title="What is High Blood Pressure?",
        focus="High Blood Pressure",
        question_type="treatment",
        sections=(AbstractSection(text=text),),
    )
    evidence = Evidence(
        hit=Hit(document=page, score=1.0, rank=1), level=EvidenceLevel.GUIDELINE, score=1.0
    )
    return Candidate(
        Sentence(text, page.id, None, None, 0), evidence, Facet.TREATMENT, 1.0, stems(text)
    )


POTASSIUM = (
    "To help lower blood pressure, eat less salt and increase potassium in your diet.",
    "Salt substitutes can help you cut down on sodium.",
)
OTHER = "Regular exercise helps lower blood pressure."


def test_more_potassium_is_not_advised_to_someone_on_a_drug_that_raises_it(
    handmade_vocabulary: Vocabulary,
) -> None:
    """On lisinopril (an ACE inhibitor, which raises the blood's potassium), advice to take in
    more potassium or use a salt substitute is left out; the other advice stays."""
    cands = [_said(t) for t in (*POTASSIUM, OTHER)]
    on_it = understand(
        "I take lisinopril, what can I eat to lower my blood pressure?", handmade_vocabulary
    )
    assert [c.sentence.text for c in without_unsafe_advice(on_it, cands)] == [OTHER]


def test_potassium_advice_stays_for_someone_on_no_such_drug(
    handmade_vocabulary: Vocabulary,
) -> None:
    cands = [_said(t) for t in (*POTASSIUM, OTHER)]
    on_another = understand(
        "I take ibuprofen, what can I eat to lower my blood pressure?", handmade_vocabulary
    )
    kept = without_unsafe_advice(on_another, cands)
    assert [c.sentence.text for c in kept] == [*POTASSIUM, OTHER]


RELIEVERS = "Most people feel better by resting and taking pain relievers."
RELAX = "Learning ways to relax can help with tension headaches."


def test_painkillers_are_not_advised_to_someone_taking_them_most_days_for_headaches(
    handmade_vocabulary: Vocabulary,
) -> None:
    """Painkillers taken most days for headaches bring headaches on: a page's advice to take
    pain relievers is left out for that asker, and kept for one who took them once."""
    cands = [_said(t) for t in (RELIEVERS, RELAX)]
    often = understand(
        "been on ibuprofen for my headaches nearly every day for months, what else helps?",
        handmade_vocabulary,
    )
    assert [c.sentence.text for c in without_unsafe_advice(often, cands)] == [RELAX]
    once = understand(
        "took ibuprofen for a headache yesterday, what else helps?", handmade_vocabulary
    )
    assert [c.sentence.text for c in without_unsafe_advice(once, cands)] == [RELIEVERS, RELAX]


def test_asked_of_a_salt_substitute_on_a_drug_that_raises_potassium_medcite_cautions(
    handmade_vocabulary: Vocabulary,
) -> None:
    """Naming a salt substitute and a medicine that raises potassium gets medcite's own
    caution; the same question on another medicine, or the medicine without the substitute,
    gets none."""
    from medcite.answer.drug_conflicts import caution

    on_it = understand("is a salt substitute ok for me? I take lisinopril", handmade_vocabulary)
    assert "potassium" in caution(on_it)
    other = understand("is a salt substitute ok for me? I take ibuprofen", handmade_vocabulary)
    assert caution(other) == ""
    plain = understand("is lisinopril ok with a glass of wine?", handmade_vocabulary)
    assert caution(plain) == ""


def test_an_abstention_on_a_salt_substitute_and_a_potassium_raising_drug_keeps_the_caution(
    handmade_vocabulary: Vocabulary,
) -> None:
    """With nothing found to answer, the abstention still carries medcite's caution."""
    from medcite.answer.compose import ComposeInput, compose
    from medcite.answer.drug_conflicts import caution

    query = understand("is a salt substitute ok for me? I take lisinopril", handmade_vocabulary)
    answer = compose(ComposeInput("t", query, 12), [])
    assert answer.abstained
    assert caution(query) in (answer.abstain_reason or "")
