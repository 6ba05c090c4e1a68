"""Engine.ask end to end on a real index: the sample corpora, else the mini corpora."""

from __future__ import annotations

import pytest

from conftest import SAMPLE
from medcite import Engine
from medcite.answer import verify
from medcite.errors import InputError
from medcite.records import Answer, EvidenceLevel


def _cited_docs(answer: Answer, sections: str) -> set[str]:
    return {
        c.document_id for s in getattr(answer, sections) for b in s.bullets for c in b.citations
    }


def _text(answer: Answer, sections: str) -> str:
    return " ".join(b.text for s in getattr(answer, sections) for b in s.bullets).lower()


@pytest.fixture(scope="module")
def twitch(any_engine: Engine) -> Answer:
    return any_engine.ask("What causes facial twitches?")


def test_facial_twitch_names_hemifacial_spasm_and_blepharospasm_from_guidelines(
    twitch: Answer,
) -> None:
    guideline_text = " ".join(b.text for b in twitch.guideline_lead).lower() + _text(
        twitch, "guideline_sections"
    )
    assert "hemifacial spasm" in guideline_text
    assert "blepharospasm" in guideline_text
    levels = {d: r.level for r in twitch.references for d in (r.document_id, *r.also)}
    assert all(
        levels[d] is EvidenceLevel.GUIDELINE for d in _cited_docs(twitch, "guideline_sections")
    )


def test_facial_twitch_treatment_mentions_botulinum_toxin(twitch: Answer) -> None:
    treatment = [s for s in twitch.guideline_sections if s.title == "Treatment Options"]
    assert treatment and "botulinum toxin" in " ".join(b.text for b in treatment[0].bullets).lower()


def test_facial_twitch_answer_cites_only_retrieved_documents(
    twitch: Answer, any_engine: Engine
) -> None:
    hits, _searched, _note = any_engine.retrieve(twitch.query)
    assert verify.problems(twitch, {h.document.id: h.document for h in hits}) == []
    assert twitch.disclaimer and not twitch.abstained and twitch.banner is None


def test_red_flag_question_gets_the_banner_first(any_engine: Engine) -> None:
    answer = any_engine.ask("I have sudden chest pain and shortness of breath, what should I do?")
    assert answer.banner and answer.banner.startswith("Seek care now.")


def test_out_of_scope_question_is_politely_refused(any_engine: Engine) -> None:
    answer = any_engine.ask("What is the capital of France?")
    assert answer.abstained and "health" in (answer.abstain_reason or "")
    assert not answer.references


def test_a_question_about_a_pet_is_sent_to_a_veterinarian(any_engine: Engine) -> None:
    """Refused like any question outside people's health, but told where to go, and that an
    animal that may have eaten something poisonous needs a call now."""
    answer = any_engine.ask("my cat got into the trash and ate a chocolate bar, what do i do")
    reason = answer.abstain_reason or ""
    assert answer.abstained and "veterinarian" in reason and "poison control" in reason
    plain = any_engine.ask("What is the capital of France?")
    assert "veterinarian" not in (plain.abstain_reason or "")


def test_a_pet_given_human_medicine_is_sent_to_a_veterinarian(any_engine: Engine) -> None:
    """Naming a human medicine does not make a pet's question one for human evidence; a
    person hurt by an animal is still answered as a person."""
    answer = any_engine.ask("my dog is limping after a run, can i give him one of my ibuprofen")
    assert answer.abstained and "veterinarian" in (answer.abstain_reason or "")
    assert not answer.references
    bitten = any_engine.ask("my dog bit me and the wound is red, do I need antibiotics")
    assert "veterinarian" not in (bitten.abstain_reason or "")


def test_thoughts_of_suicide_naming_a_pet_get_the_crisis_card(any_engine: Engine) -> None:
    """A person arranging who will keep their dog is the one at risk: the crisis card, never
    a veterinarian."""
    answer = any_engine.ask(
        "how many of my sleeping tablets would it take to never wake up. "
        "the neighbours will take my dog"
    )
    assert "veterinarian" not in (answer.abstain_reason or "")
    assert any(flag.kind == "suicidal thoughts" for flag in answer.query.red_flags)


def test_thin_evidence_abstains_and_shows_what_was_searched(any_engine: Engine) -> None:
    answer = any_engine.ask("What are the treatments for zygomycotic keratoconjunctival xerosis?")
    if not answer.abstained:
        pytest.fail(f"expected abstention, got {answer.research_sections}")
    assert answer.searched and answer.closest is not None


@pytest.mark.parametrize("question", ["", "  ", "x" * 5000, "gout \ud800 causes"])
def test_bad_questions_are_input_errors(any_engine: Engine, question: str) -> None:
    with pytest.raises(InputError):
        any_engine.ask(question)


@pytest.mark.corpora(*SAMPLE)  # scripts/examples.sh renders it from the sample corpora
def test_docs_example_is_current(twitch: Answer) -> None:
    from conftest import ROOT
    from medcite.render import markdown

    example = ROOT / "docs" / "examples" / "facial-twitches.md"
    shown = example.read_text(encoding="utf-8").splitlines()
    rendered = (markdown.render(twitch) + "\n").splitlines()
    stale = (
        "docs/examples/facial-twitches.md is stale: run scripts/demo.sh then scripts/examples.sh"
    )

    # Headings, the bottom line's framing and the prose lines must match exactly; bullets may
    # differ by a near-tied one: BM25 statistics count replaced documents until tantivy's
    # background merges finish, so two builds of the same corpus can swap a bullet whose score
    # ties another's within noise (and its reference numbers with it). A stale example differs
    # by far more.
    def fixed(lines: list[str]) -> list[str]:
        return [line for line in lines if line.startswith(("#", "**"))]

    assert fixed(shown) == fixed(rendered), stale
    bullets = {line for line in shown if line.startswith("- ")}
    mine = {line for line in rendered if line.startswith("- ")}
    assert len(bullets & mine) >= 0.8 * max(len(bullets), len(mine)), stale


def test_a_body_part_told_as_where_gets_no_yes_from_a_definition(any_engine: Engine) -> None:
    """ "Would a wrist brace help?" asks about the brace: the definition of carpal tunnel
    syndrome names the wrist, which makes it no "yes"."""
    answer = any_engine.ask(
        "tingling in my hand when I wake up. carpal tunnel? would a wrist brace help"
    )
    verdict = answer.bottom_line.verdict if answer.bottom_line else ""
    assert "suggest yes" not in verdict


@pytest.mark.parametrize(
    ("question", "pointer"),
    [
        ("is zyrtec ok while nursing my baby", "LactMed"),
        ("can i take claritin at 30 weeks pregnant", "MotherToBaby"),
    ],
)
def test_a_medicine_nobody_answers_for_a_mother_points_to_the_right_service(
    any_engine: Engine, question: str, pointer: str
) -> None:
    """A medicine asked about in pregnancy or breastfeeding, when the index has nothing on it:
    the pharmacist and the label, and the service that answers exactly that ("at 30 weeks" is
    a time, not a test result)."""
    answer = any_engine.ask(question)
    assert answer.abstained
    assert "pharmacist" in (answer.abstain_reason or "")
    assert pointer in (answer.abstain_reason or "")


def test_an_asker_who_is_not_pregnant_gets_no_pregnancy_service(any_engine: Engine) -> None:
    answer = any_engine.ask("28 and not pregnant, can i take claritin every day")
    assert "MotherToBaby" not in (answer.abstain_reason or "")


def test_the_service_for_mothers_keeps_the_reaction_advice(any_engine: Engine) -> None:
    """Adding the pregnancy service to a medicine's abstention keeps what to do about a
    reaction when its safety was asked."""
    reason = any_engine.ask("is claritin safe to take at 25 weeks pregnant").abstain_reason or ""
    assert "MotherToBaby" in reason and "reaction" in reason


def test_other_facts_in_place_of_an_answer_are_an_abstention_listing_the_pages(
    sample_engine: Engine,
) -> None:
    """When nothing found answers what was asked, a description with sections of other facts
    on the topic (its causes, its treatment) is no answer either: the short answer abstains
    and lists the guideline pages, and the long form still reads them out."""
    question = "is sciatica permanent"
    short = sample_engine.ask(question)
    assert short.abstained and not short.guideline_sections and not short.guideline_lead
    assert "tell other facts, but none answers this question" in (short.abstain_reason or "")
    assert short.closest and all("ciatica" in r.title for r in short.closest)
    long_form = sample_engine.ask(question, detail=True)
    assert not long_form.abstained and long_form.guideline_sections
    # asked what to buy, how the topic is treated answers it
    care = sample_engine.ask("my boyfriend thinks he has scabies, what do we buy at the pharmacy")
    assert not care.abstained
    assert any(s.title == "Treatment Options" for s in care.guideline_sections)
    # asked what a medicine is for, its description says it
    assert not sample_engine.ask("why is fluoxetine used").abstained
    assert not sample_engine.ask("how is cannabis smoked").abstained
    # asked how long, a span of time the page states ("two to four weeks") is read out
    lasting = sample_engine.ask("how long does glandular fever last in teenagers")
    assert not lasting.abstained
    # asked whether to see to it oneself, a page saying when to be seen answers
    own = sample_engine.ask(
        "I'm 70 with itchy piles and a little blood on the tissue, can I just buy a cream for it"
    )
    assert not own.abstained
    assert any(s.title == "Importance of Medical Evaluation" for s in own.guideline_sections)


def test_studies_alone_that_say_nothing_asked_are_an_abstention_listing_them(
    sample_engine: Engine,
) -> None:
    """No guideline-level source, and studies of the medicine that report other findings
    (what it does to a blood marker) for what to do before a scan: the short answer abstains
    and lists the studies; the long form still reads them out."""
    question = (
        "I take metformin every morning and have a hospital scan with contrast tomorrow, "
        "what should I do?"
    )
    short = sample_engine.ask(question)
    assert short.abstained and not short.research_sections
    assert "report other findings" in (short.abstain_reason or "")
    assert short.closest and all(r.document_id.startswith("pmid:") for r in short.closest)
    long_form = sample_engine.ask(question, detail=True)
    assert not long_form.abstained and long_form.research_sections
    # asked as what to know, told of one's own family: the same
    told = "we are stopping smoking next month and my brother takes olanzapine. anything important?"
    assert "report other findings" in (sample_engine.ask(told).abstain_reason or "")
