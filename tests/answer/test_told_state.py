"""Questions told in pregnancy or while breastfeeding whose only known topic is that state
(medcite.answer.told_state): answered only from statements naming what was asked, else an
abstention that says so and where exposures in pregnancy are answered."""

from __future__ import annotations

import pytest

from conftest import SAMPLE
from medcite import Engine
from medcite.answer import verify
from medcite.answer.compose import ComposeInput, compose
from medcite.answer.told_state import state_only, subject_words
from medcite.evidence.rank import rank
from medcite.query.understand import understand
from medcite.query.vocab import Vocabulary
from medcite.records import AbstractSection, Answer, Document, Hit, Source

PREGNANCY_PAGE = Document(
    id="medquad:preg",
    source=Source.MEDQUAD,
    title="What is Pregnancy?",
    focus="Pregnancy",
    question_type="information",
    sections=(
        AbstractSection(
            text="Pregnancy lasts about forty weeks. Hot tubs and saunas raise your body "
            "temperature, which can harm the baby early in pregnancy. Many women feel tired "
            "in the first months of pregnancy and need more rest."
        ),
    ),
)


def _ask(vocabulary: Vocabulary, question: str) -> Answer:
    query = understand(question, vocabulary)
    inp = ComposeInput("t", query, 12)
    answer = compose(inp, rank([Hit(document=PREGNANCY_PAGE, score=10.0, rank=1)], 2026))
    assert not verify.problems(answer, {PREGNANCY_PAGE.id: PREGNANCY_PAGE})
    return answer


def _shown(answer: Answer) -> str:
    return " ".join(b.text for b in verify.all_bullets(answer))


def test_a_question_told_in_pregnancy_is_answered_by_what_names_its_subject(
    handmade_vocabulary: Vocabulary,
) -> None:
    answer = _ask(handmade_vocabulary, "is a hot tub ok at 10 weeks into my pregnancy")
    assert "Hot tubs and saunas" in _shown(answer)
    assert "tired" not in _shown(answer)


def test_a_question_told_in_pregnancy_no_statement_answers_abstains(
    handmade_vocabulary: Vocabulary,
) -> None:
    answer = _ask(handmade_vocabulary, "can i ride a roller coaster at 10 weeks into my pregnancy")
    assert answer.abstained
    assert "do not speak of what you asked about" in (answer.abstain_reason or "")


def test_a_question_about_pregnancy_itself_keeps_every_statement(
    handmade_vocabulary: Vocabulary,
) -> None:
    """Not told by someone pregnant: no filter (the state is what is asked about)."""
    answer = _ask(handmade_vocabulary, "tell me about pregnancy")
    assert not answer.abstained


@pytest.mark.corpora(*SAMPLE)
@pytest.mark.parametrize(
    "question",
    [
        "is a sauna ok at 12 weeks pregnant",
        "22 weeks pregnant, my sister wants me at her paintball party. can i go",
    ],
)
def test_an_exposure_no_page_names_is_not_answered_from_pages_on_pregnancy(
    sample_engine: Engine, question: str
) -> None:
    answer = sample_engine.ask(question)
    assert answer.abstained
    reason = answer.abstain_reason or ""
    assert "do not speak of what you asked about" in reason
    assert "MotherToBaby" in reason
    assert answer.closest  # the pregnancy pages are there to check


@pytest.mark.corpora(*SAMPLE)
def test_the_other_state_is_what_is_asked(sample_engine: Engine) -> None:
    """Breastfeeding told, pregnancy asked: "pregnant" is the subject, not the asker's state."""
    query = sample_engine.understand("can i get pregnant while breastfeeding my 6 month old")
    assert state_only(query)
    assert "pregnant" in subject_words(query)


@pytest.mark.corpora(*SAMPLE)
@pytest.mark.parametrize(
    "question",
    [
        "is ibuprofen safe at 20 weeks pregnant",  # a medicine is the topic
        "not pregnant yet, what are the first signs",  # told not to be pregnant
        "what happens to the body in pregnancy",  # asked about, not told
    ],
)
def test_only_a_question_told_in_the_state_about_nothing_else_is_one(
    sample_engine: Engine, question: str
) -> None:
    assert not state_only(sample_engine.understand(question))


@pytest.mark.corpora(*SAMPLE)
def test_a_breastfeeding_question_gets_no_pregnancy_service(sample_engine: Engine) -> None:
    answer = sample_engine.ask("breastfeeding my 4 month old, can i ride a roller coaster")
    assert "MotherToBaby" not in (answer.abstain_reason or "")


@pytest.mark.parametrize(
    ("question", "told"),
    [
        ("at 11 weeks pregnant, are roller coasters ok", True),
        ("i'm pregnant with twins, can i still go skiing", True),
        ("skiing while pregnant??", True),
        ("second trimester and want to go skiing", True),
        ("skiing during pregnancy? my partner is 18 wks", True),
        ("what happens to the body in pregnancy", False),
        ("i'm not pregnant, my period is 2 weeks late", False),
        ("can you get pregnant right after a period", False),
        ("how early can a pregnancy test work", False),
    ],
)
def test_told_pregnant_reads_a_pregnancy_told_not_one_asked_about(
    question: str, told: bool
) -> None:
    from medcite.query.groups import told_pregnant

    assert told_pregnant(question) is told


@pytest.mark.parametrize(
    ("question", "gestation"),
    [
        ("is paracetamol ok at 32 weeks", True),
        ("can i fly at 28 wks", True),
        ("my baby at 8 weeks has a cold, can he have saline", False),  # an age
        ("back pain at 6 weeks postpartum", False),
        ("coughing for 3 weeks now", False),  # a duration
    ],
)
def test_a_gestation_told_bare_is_a_pregnancy(question: str, gestation: bool) -> None:
    from medcite.query.groups import gestation_told, pregnant_asker

    assert gestation_told(question) is gestation
    assert pregnant_asker(question) is gestation


@pytest.mark.corpora(*SAMPLE)
def test_a_painkiller_asked_at_a_gestation_gets_no_treatment_said_of_everyone(
    sample_engine: Engine,
) -> None:
    """ "Taking pain relievers" helps most people; it reads as a yes to an NSAID late in a
    pregnancy the question tells only as a week."""
    answer = sample_engine.ask("is it ok to take advil for my back pain at 31 weeks")
    shown = " ".join(b.text for b in verify.all_bullets(answer)).lower()
    assert "pain relievers" not in shown
    assert answer.abstained and "MotherToBaby" in (answer.abstain_reason or "")


def test_a_pregnancy_denied_is_no_pregnancy_told() -> None:
    from medcite.query.groups import pregnancy_named

    assert not pregnancy_named("burning when i pee, 34F not pregnant, do i need antibiotics")
    assert pregnancy_named("burning when i pee, 12 weeks pregnant, do i need antibiotics")
    assert pregnancy_named("is it safe while breastfeeding")
