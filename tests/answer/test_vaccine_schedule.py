"""Vaccines for a trip or a child: no single-vaccine page answers which a destination or an age
needs (handmade)."""

from __future__ import annotations

from medcite.answer.compose import ComposeInput, compose
from medcite.evidence.rank import rank
from medcite.evidence.vaccine_schedule import CHILDHOOD_VACCINES, TRAVEL_VACCINES, asked_schedule
from medcite.query.understand import understand
from medcite.query.vocab import Vocabulary
from medcite.records import AbstractSection, Answer, Document, Hit, Source


def _page(doc_id: str, focus: str, *sentences: str) -> Document:
    return Document(
        id=f"medquad:{doc_id}",
        source=Source.MEDQUAD,
        title=f"What is {focus}?",
        focus=focus,
        question_type="information",
        sections=(AbstractSection(text=" ".join(sentences)),),
    )


FLU_SHOT = _page(
    "flu-shot",
    "Vaccines",
    "Vaccines protect people from diseases caused by germs.",
    "Getting the flu vaccine every year is the best way to lower your chance of getting the flu.",
)


def _answer(question: str, vocabulary: Vocabulary) -> Answer:
    query = understand(question, vocabulary)
    hits = [Hit(document=FLU_SHOT, score=10.0, rank=1)]
    return compose(ComposeInput("t", query, 12), rank(hits, 2026))


def test_which_vaccines_a_trip_needs_is_not_answered_from_single_vaccine_pages(
    handmade_vocabulary: Vocabulary,
) -> None:
    answer = _answer("what vaccines do i need for my trip abroad next month", handmade_vocabulary)
    assert answer.abstained
    assert answer.abstain_reason == TRAVEL_VACCINES
    assert not answer.bottom_line or not answer.bottom_line.bullets


def test_vaccines_asked_without_a_trip_are_answered(handmade_vocabulary: Vocabulary) -> None:
    query = understand("what are vaccines", handmade_vocabulary)
    assert asked_schedule(query) is None
    assert not _answer("what are vaccines", handmade_vocabulary).abstained


def test_a_page_on_travel_health_answers_instead_of_single_vaccine_pages(
    handmade_vocabulary: Vocabulary,
) -> None:
    travel = _page(
        "travel",
        "Traveler's Health",
        "Traveling can increase your chances of getting sick.",
        "If you are traveling abroad, you might need vaccinations to prevent specific illnesses.",
        "See your doctor 4 to 6 weeks before your trip.",
    )
    query = understand("what vaccines do i need for my trip abroad", handmade_vocabulary)
    hits = [Hit(document=FLU_SHOT, score=10.0, rank=1), Hit(document=travel, score=9.0, rank=2)]
    answer = compose(ComposeInput("t", query, 12), rank(hits, 2026))
    assert not answer.abstained
    assert [r.document_id for r in answer.references] == ["medquad:travel"]


def test_which_vaccines_a_baby_needs_is_not_answered_from_single_vaccine_pages(
    handmade_vocabulary: Vocabulary,
) -> None:
    answer = _answer("what vaccines does my 2 month old need", handmade_vocabulary)
    assert answer.abstained
    assert answer.abstain_reason == CHILDHOOD_VACCINES
    pregnant = understand("which vaccines do i need while pregnant", handmade_vocabulary)
    assert asked_schedule(pregnant) is None
    after = understand("baby had her vaccines yesterday and is hot and cranky", handmade_vocabulary)
    assert asked_schedule(after) is None


def test_a_page_on_childhood_immunization_answers_for_a_baby(
    handmade_vocabulary: Vocabulary,
) -> None:
    childhood = _page(
        "childhood",
        "Childhood Immunization",
        "Vaccines work best when they are given at certain ages.",
        "The Centers for Disease Control and Prevention publishes a schedule for childhood "
        "vaccines.",
    )
    children = _page("children", "Children's Health", "Children need regular checkups.")
    query = understand("what vaccines does my 2 month old need", handmade_vocabulary)
    hits = [
        Hit(document=FLU_SHOT, score=10.0, rank=1),
        Hit(document=children, score=9.5, rank=2),
        Hit(document=childhood, score=9.0, rank=3),
    ]
    answer = compose(ComposeInput("t", query, 12), rank(hits, 2026))
    assert not answer.abstained
    assert [r.document_id for r in answer.references] == ["medquad:childhood"]
