"""The bottom line and the word budget, with handmade documents (no vocabulary)."""

from __future__ import annotations

import pytest

from medcite.answer import verify
from medcite.answer.bottom_line import (
    ADVICE_FRAME,
    DEPENDS_FRAME,
    OTHER_UNIT_FRAME,
    STOPPING_FRAME,
    VALUE_FRAME,
    WHETHER_FRAME,
    asked_kind,
    asks_whether_one_has,
    left_to_a_clinician,
    negated,
    other_unit,
    relation_denied,
    safety_question,
    value_limits,
)
from medcite.answer.compose import ComposeInput, compose, uninverted
from medcite.answer.extract import Candidate, amount_pattern, candidates, waited_for
from medcite.answer.segment import Sentence
from medcite.evidence.rank import rank
from medcite.query.understand import detect_facets, evidence_question, question_type, understand
from medcite.query.vocab import Vocabulary
from medcite.records import AbstractSection, Answer, Document, Facet, Hit, QuestionType, Source
from medcite.text import stems


def _page(doc_id: str, focus: str, qtype: str, *sentences: str) -> Document:
    return Document(
        id=f"medquad:{doc_id}",
        source=Source.MEDQUAD,
        title=f"What is {focus}?",
        focus=focus,
        question_type=qtype,
        sections=(AbstractSection(text=" ".join(sentences)),),
    )


def _study(
    doc_id: str, title: str, text: str, year: int = 2021, mesh: tuple[str, ...] = ()
) -> Document:
    """A handmade abstract with one RESULTS sentence."""
    return Document(
        id=f"pmid:{doc_id}",
        source=Source.PUBMED,
        title=title,
        year=year,
        mesh_terms=mesh,
        sections=(AbstractSection(category="RESULTS", text=text),),
    )


def _abstract(
    doc_id: str,
    title: str,
    *sections: tuple[str, str],
    publication_types: tuple[str, ...] = (),
) -> Document:
    """A handmade abstract with its (category, text) sections."""
    return Document(
        id=f"pmid:{doc_id}",
        source=Source.PUBMED,
        title=title,
        year=2021,
        publication_types=publication_types,
        sections=tuple(AbstractSection(category=c, text=t) for c, t in sections),
    )


def _shown(answer: Answer) -> list[str]:
    return [b.text for b in verify.all_bullets(answer)]


@pytest.fixture(autouse=True)
def _vocabulary(handmade_vocabulary: Vocabulary) -> None:
    global VOCABULARY  # noqa: PLW0603 - the session fixture, for the module's helper
    VOCABULARY = handmade_vocabulary


VOCABULARY = Vocabulary(None)


def _ask(question: str, docs: list[Document], detail: bool = False, budget: int = 250) -> Answer:
    query = understand(question, VOCABULARY)
    hits = [Hit(document=d, score=10.0 - i, rank=i + 1) for i, d in enumerate(docs)]
    inp = ComposeInput("t", query, 12, detail=detail, body_words=budget)
    answer = compose(inp, rank(hits, 2026))
    assert not verify.problems(answer, {d.id: d for d in docs})
    return answer


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("Can I take two aspirin with warfarin together?", QuestionType.INTERACTION),
        ("How much melatonin should an adult take?", QuestionType.DOSE),
        ("What is the difference between a cold and the flu?", QuestionType.COMPARISON),
        ("is a cold the same as the flu", QuestionType.COMPARISON),
        # a pattern told, nothing compared
        ("gout flare in my toe, same as always. what helps", QuestionType.TREATMENT),
        ("What should I do about a bee sting?", QuestionType.WHAT_TO_DO),
        ("Is gout hereditary?", QuestionType.YES_NO),
        ("What causes gout?", QuestionType.CAUSE),
        ("What is gout?", QuestionType.DEFINITION),
        ("gout", QuestionType.INFORMATION),
        ("can't sleep. what helps with insomnia", QuestionType.TREATMENT),
        ("Can I take aspirin with gout", QuestionType.YES_NO),
        # the question after a story; a request for information is no yes/no question, nor is
        # a statement whose subject was dropped
        ("I have had a red rash on my arm for a week now. Is it contagious?", QuestionType.YES_NO),
        ("I have had gout since last spring. does it come back", QuestionType.YES_NO),
        ("My father has gout in his toe. Could you tell me about it?", QuestionType.INFORMATION),
        ("I hurt my back at work on Monday. Was told to rest it.", QuestionType.INFORMATION),
        # a yes/no question after a clause, with or without its comma
        ("When having a gout attack will that cause a fever", QuestionType.YES_NO),
        ("gout pills, if I stop them, will the pain come back?", QuestionType.YES_NO),
        ("When will a gout attack end?", QuestionType.INFORMATION),
        # asked at the end of a message without its question mark
        ("my gout is flaring again, can i take colchicine for a few days", QuestionType.YES_NO),
        ("my gout is flaring again, can you send me a leaflet", QuestionType.INFORMATION),
        ("gp offered colchicine and a steroid jab, are these safe for me?", QuestionType.YES_NO),
        # whether to seek care asks what to do
        ("he bumped his head and seems fine. do we need a&e?", QuestionType.WHAT_TO_DO),
        ("does she need to see a doctor for a gout flare", QuestionType.WHAT_TO_DO),
        (
            "her toe has been red for days now, should she see anyone about it?",
            QuestionType.WHAT_TO_DO,
        ),
        ("should we take him to the er", QuestionType.WHAT_TO_DO),
        ("do i need colchicine for gout", QuestionType.YES_NO),
    ],
)
def test_question_types(question: str, kind: QuestionType) -> None:
    asked, _added = detect_facets(question)
    if "together" in question:
        assert understand(question, Vocabulary(None)).question_type in (
            QuestionType.INTERACTION,
            QuestionType.YES_NO,
        )
        return
    assert question_type(question, asked) is kind


ISOTRETINOIN = _page(
    "isotretinoin",
    "Isotretinoin",
    "information",
    "Isotretinoin is a medicine for severe acne.",
    "However, Isotretinoin also has risks. It can increase your risk of fatty liver.",
    "It can cause dry lips.",
)


def test_whether_a_medicine_causes_another_topic_is_answered_by_the_risk_it_raises() -> None:
    """ "Does X cause Y", Y a condition of its own: a statement that X raises the risk of Y says
    yes, its "It" resolved by the sentence naming X before it; one that X causes something
    else says nothing of Y."""
    answer = _ask("does isotretinoin cause fatty liver", [ISOTRETINOIN])
    line = answer.bottom_line
    assert line is not None and line.verdict == "The sources found suggest yes:"
    assert "fatty liver" in line.bullets[0].text and "Isotretinoin also" in line.bullets[0].text
    other = _ask("does isotretinoin cause angioedema", [ISOTRETINOIN]).bottom_line
    assert other is None or "suggest yes" not in other.verdict


def test_whether_to_stop_a_medicine_abruptly_is_answered_by_how_to_stop_it() -> None:
    """ "Can I stop it cold turkey? I feel better now": a page saying to stop it gradually tells
    how to stop, which is no "yes" (and feeling better is a state told, no effect asked)."""
    page = _page(
        "colchicine",
        "Colchicine",
        "information",
        "Colchicine is a medicine for gout.",
        "You often need to stop colchicine gradually.",
    )
    question = "can i stop colchicine cold turkey? i feel better now"
    line = _ask(question, [page]).bottom_line
    assert line is not None and line.verdict == STOPPING_FRAME
    assert "gradually" in line.bullets[0].text
    assert not evidence_question(question)


def test_a_case_told_inside_a_statement_gives_no_verdict() -> None:
    """ "Resting when you do not need to can stiffen the joint": "need" in its conditional
    clause says nothing of whether gout needs rest."""
    page = _page(
        "gout-rest",
        "Gout",
        "information",
        "Gout is a form of arthritis that causes sudden attacks of joint pain.",
        "Resting a joint when you do not need rest can make gout stiffness last longer.",
    )
    line = _ask("does gout need rest", [page]).bottom_line
    assert line is None or line.verdict != "The sources found suggest no:"


def test_negation_is_read_only_near_the_predicate() -> None:
    wanted = stems("hereditary")
    assert negated("Gout is not hereditary in most families.", wanted)
    assert not negated("Gout is hereditary, but it does not skip generations.", wanted)


GOUT_SENTENCES = (
    "Gout is a form of arthritis that causes sudden attacks of joint pain.",
    "Gout is hereditary in some families, and a family history raises the risk.",
    "Gout attacks are treated with anti-inflammatory medicines taken for a few days.",
)
GOUT = _page("gout", "Gout", "information", *GOUT_SENTENCES)


def test_a_yes_no_question_gets_a_verdict_resting_on_a_cited_statement() -> None:
    answer = _ask("Is gout hereditary?", [GOUT])
    assert answer.bottom_line is not None
    assert answer.bottom_line.verdict == "The sources found suggest yes:"
    assert "hereditary" in answer.bottom_line.bullets[0].text
    assert answer.bottom_line.bullets[0].citations[0].number == 1


def test_a_yes_held_back_to_some_cases_is_no_plain_yes() -> None:
    """ "Can sometimes be undone, but not always" answers whether it can be undone with "not
    always", and the statement saying so is found by its word of undoing."""
    page = _page(
        "gout-damage",
        "Gout",
        "information",
        "Gout is a form of arthritis that causes sudden attacks of joint pain.",
        "Joint damage from gout can sometimes be reversed, but not always.",
    )
    answer = _ask("is gout joint damage reversible?", [page])
    assert answer.bottom_line is not None
    assert answer.bottom_line.verdict == DEPENDS_FRAME
    assert "reversed" in answer.bottom_line.bullets[0].text
    # whether it can be undone answers no other question on its course
    other = _ask("how long does gout joint damage take to show?", [page])
    assert not any("reversed" in text for text in _shown(other))


def test_whether_to_do_something_gets_no_yes_from_a_statement_of_what_it_is() -> None:
    """ "Should I get a uric acid test?" is not answered yes by a statement that it is the usual
    test; a statement that advises it is a yes."""
    describes = _page(
        "gout-test",
        "Gout",
        "exams and tests",
        "The most common test for gout is a uric acid test.",
    )
    question = "my dad had gout. should I get a uric acid test?"
    answer = _ask(question, [describes])
    assert answer.bottom_line is not None
    assert answer.bottom_line.verdict == ADVICE_FRAME
    advises = _page(
        "gout-test-when",
        "Gout",
        "exams and tests",
        "A uric acid test is recommended when a parent has gout.",
    )
    answer = _ask(question, [describes, advises])
    assert answer.bottom_line is not None
    assert answer.bottom_line.verdict == "The sources found suggest yes:"
    assert "recommended" in answer.bottom_line.bullets[0].text


def test_the_second_of_two_yes_no_questions_is_answered_when_only_it_can_be() -> None:
    """Nothing on the page says whether gout is contagious; it says it comes in attacks. A
    sentence asking both gets the verdict on the second, said to be on the second."""
    answer = _ask("my dad has gout. is it contagious and does it come in sudden attacks?", [GOUT])
    line = answer.bottom_line
    assert line is not None
    assert line.verdict.startswith("The sources found do not answer your first question;")
    assert line.verdict.endswith("on the second, they suggest yes:")
    assert "sudden attacks" in line.bullets[0].text
    # the first answered: its verdict, the second not asked of the sources
    first = _ask("my dad has gout. does it come in sudden attacks and is it contagious?", [GOUT])
    assert first.bottom_line is not None
    assert first.bottom_line.verdict == "The sources found suggest yes:"
    # a first question whether something is safe keeps its own frame: no yes is given after it
    safe = _ask("my dad has gout. is it safe for him to run and does it come in attacks?", [GOUT])
    assert safe.bottom_line is not None
    assert "first question" not in safe.bottom_line.verdict
    # a second question that is no yes/no leaves the plain framing
    other = _ask("my dad has gout. is it contagious and what do the tablets do?", [GOUT])
    assert other.bottom_line is None or "first" not in other.bottom_line.verdict
    # a second question opening with "is" or "are" is a second question too, not words the
    # first asks: a yes to it is not given as a yes to the first
    joined = _ask("is gout contagious and are anti-inflammatory medicines used for it?", [GOUT])
    assert joined.bottom_line is not None
    assert joined.bottom_line.verdict.startswith("The sources found do not answer your first")


def test_whether_it_keeps_coming_back_is_answered_by_a_statement_that_it_recurs() -> None:
    recurs = _page(
        "gout-course",
        "Gout",
        "information",
        "Gout attacks recur in most people within two years unless uric acid is lowered.",
    ).model_copy(update={"title": "What is the outlook for Gout?"})
    answer = _ask("had my first gout attack. will it keep coming back?", [recurs, GOUT])
    line = answer.bottom_line
    assert line is not None and line.verdict == "The sources found suggest yes:"
    assert "recur" in line.bullets[0].text


def test_a_case_added_with_even_when_is_no_word_the_answer_must_say() -> None:
    """ "… even when it does not hurt" says when the question is asked: a statement that gout
    is hereditary answers "is gout hereditary even when it does not hurt", and "not" in the
    case is no denial."""
    answer = _ask("is gout hereditary even when it doesnt hurt?", [GOUT])
    line = answer.bottom_line
    assert line is not None and line.verdict == "The sources found suggest yes:"


def test_asking_whether_to_worry_gets_no_yes_from_a_statement_about_the_disease() -> None:
    """A worried message that names the disease feared gets no "suggest yes" from a statement
    that names the disease and a word of the message ("attacks", "joint"): what guideline pages
    say of when to be seen, or the framing that the sources do not answer it."""
    worried = "sudden attacks of joint pain in my toe, I read about gout. should I be worried"
    answer = _ask(worried, [GOUT], detail=True)
    assert answer.bottom_line is not None
    assert "suggest" not in answer.bottom_line.verdict
    assert "do not say yes or no to this directly" in answer.bottom_line.verdict
    seek = _page(
        "gout-care",
        "Gout",
        "information",
        *GOUT_SENTENCES,
        "See your doctor if gout attacks come with a fever or a hot, swollen joint.",
    )
    answer = _ask("gout in my toe. is it serious?", [seek])
    assert answer.bottom_line is not None
    assert answer.bottom_line.verdict.startswith("The sources found do not say whether to worry")
    assert "See your doctor" in answer.bottom_line.bullets[0].text
    # a page on a narrower condition speaks of when to worry about that one
    narrower = _page(
        "tophi",
        "Tophaceous gout",
        "information",
        "Tophaceous gout leaves chalky lumps under the skin of the fingers.",
        "See your doctor if tophaceous gout lumps break open and drain.",
    )
    answer = _ask("gout in my toe. is it serious?", [GOUT, narrower], detail=True)
    assert answer.bottom_line is not None
    assert not answer.bottom_line.verdict.startswith("The sources found do not say whether to")
    assert not any("lumps break open" in b.text for b in answer.bottom_line.bullets)


def test_a_yes_no_question_nobody_answers_says_so() -> None:
    answer = _ask("Is gout contagious?", [GOUT], detail=True)
    assert answer.bottom_line is not None
    assert "do not say yes or no to this directly" in answer.bottom_line.verdict
    assert not answer.bottom_line.bullets


def test_a_heredity_question_worded_otherwise_gets_the_inheritance_statements() -> None:
    """No statement names "run in families", so no yes or no; the page's statements on
    inheritance answer it, framed as such, and fill a section of their own."""
    inherited = _page(
        "gout-inheritance",
        "Gout",
        "inheritance",
        "Gout is inherited in an autosomal dominant pattern in a few rare families.",
        "Most people with gout have no affected relative.",
    )
    answer = _ask("Does gout run in families?", [GOUT, inherited])
    line = answer.bottom_line
    assert line is not None and "on whether it runs in families" in line.verdict
    assert "autosomal dominant" in line.bullets[0].text
    titles = [s.title for s in answer.guideline_sections]
    assert "Genetics and Inheritance" in titles or any("autosomal" in b.text for b in line.bullets)
    # a question no statement of that facet answers keeps the plain framing
    silent = _page("gout-basics", "Gout", "information", GOUT_SENTENCES[0], GOUT_SENTENCES[2])
    plain = _ask("Does gout run in families?", [silent], detail=True)
    assert plain.bottom_line is not None
    assert "do not say yes or no to this directly" in plain.bottom_line.verdict


def test_a_definition_is_no_short_answer_to_a_question_asking_something_else() -> None:
    """ "My gout, why me" is not answered by what gout is: the bottom line (long form) says the
    sources do not answer it rather than offer the definition "in short"; "gout?" and "what is
    gout" still get it."""
    for other in (
        "my gout, why me",
        "gout wakes me up, what are some things i can do besides pills",
        "which gout pill is best",
    ):
        line = _ask(other, [GOUT], detail=True).bottom_line
        assert line is not None and not line.bullets, other
        assert line.verdict.startswith("The sources found do not answer this directly"), other
    for defining in ("gout?", "what is gout"):
        line = _ask(defining, [GOUT], detail=True).bottom_line
        assert line is not None and line.bullets, defining
        assert "form of arthritis" in line.bullets[0].text


def test_a_description_in_place_of_an_answer_is_an_abstention_listing_the_page() -> None:
    """When nothing answers what was asked and only the page's description of its topic is
    left, the short answer abstains and lists the page; the long form reads it out under the
    framing sentence. A question asking what the topic is, or how two differ, is answered by
    the description; a page that also says when to be seen is no description only."""
    asked = "Is gout contagious?"
    answer = _ask(asked, [GOUT])
    assert answer.abstained and answer.bottom_line is None and not answer.guideline_lead
    assert "only describe it, and none answers this question" in (answer.abstain_reason or "")
    assert [r.document_id for r in answer.closest] == [GOUT.id]
    assert not _ask(asked, [GOUT], detail=True).abstained
    for defining in ("What is gout? My father has it.", "whats gout, is it serious"):
        assert not _ask(defining, [GOUT]).abstained, defining
    # a page that also says when to be seen still answers nothing asked: read blind, such
    # answers scored lower than the abstention that lists the page
    seek = _page(
        "gout-seen", "Gout", "information", *GOUT_SENTENCES, "See a doctor if a joint is hot."
    )
    assert [r.document_id for r in _ask(asked, [seek]).closest] == [seek.id]


def test_asking_whether_a_treatment_exists_gets_the_treatment_statements_naming_it() -> None:
    """No statement says yes or no to "is there a treatment"; the statements on treatment that
    name gout answer it, framed as such; a treatment statement that names nothing does not."""
    treatment = _page(
        "gout-treatment",
        "Gout",
        "treatment",
        "Treatment can also lower the chance of kidney stones.",
        "Gout attacks are treated with anti-inflammatory medicines for a few days.",
    )
    line = _ask("Is there a treatment for gout?", [treatment]).bottom_line
    assert line is not None and line.verdict == "On its treatment, the sources found say:"
    assert [b.text for b in line.bullets] == [
        "Gout attacks are treated with anti-inflammatory medicines for a few days."
    ]


def test_a_yes_no_question_on_something_beside_the_topic_gets_what_its_page_says() -> None:
    """No statement says yes or no to "always"; the gout page's line on fever is shown, framed
    as what the sources say about it, not as a yes."""
    page = _page(
        "gout-fever",
        "Gout",
        "symptoms",
        "Gout attacks bring sudden pain and swelling in one joint.",
        "A mild fever can come with an attack.",
    )
    answer = _ask("Does gout always come with a fever?", [page])
    line = answer.bottom_line
    assert line is not None and line.verdict.endswith("what they say about fever:")
    assert [b.text for b in line.bullets] == ["A mild fever can come with an attack."]


def test_a_test_told_as_how_the_condition_was_found_is_not_what_a_yes_no_asks_about() -> None:
    """ "told I have gout on an ultrasound … can it go away": the scan only says how gout was
    found, so the page's scan line is no answer framed as "what they say about ultrasound"; a
    yes/no sentence that names the scan still asks about it."""
    page = _page(
        "gout-scan",
        "Gout",
        "information",
        "Gout attacks bring sudden pain and swelling in one joint.",
        "An ultrasound can show gout crystals in a joint.",
    )
    told = _ask("I was told I have gout on an ultrasound. Can it go away for good?", [page])
    line = told.bottom_line
    assert line is None or "ultrasound" not in line.verdict
    asked = _ask("Can an ultrasound show gout?", [page]).bottom_line
    assert asked is not None and "An ultrasound can show gout crystals in a joint." in [
        b.text for b in asked.bullets
    ]


def test_a_word_of_health_care_is_not_named_as_what_a_yes_no_asks_about() -> None:
    """ "need" is a MeSH term of health care (needs and demand): named by that everyday word,
    it is nothing the yes/no asks about, so the page's line that merely uses the word ("Some
    people need a cane") is no short answer, framed "about need" or otherwise."""
    page = _page(
        "gout-need",
        "Gout",
        "treatment",
        "Gout attacks bring sudden pain and swelling in one joint.",
        "Some people need a cane while a gout attack lasts.",
    )
    line = _ask("does gout go away by itself or will i always need pills", [page]).bottom_line
    assert line is None or "about need" not in line.verdict
    assert line is None or "Some people need a cane while a gout attack lasts." not in [
        b.text for b in line.bullets
    ]


def test_a_genetic_test_is_no_yes_to_whether_a_disease_is_genetic() -> None:
    """ "genetic blood tests confirm gout" names the word "genetic" but says nothing of whether
    gout is inherited; "gout is a genetic disease" does."""
    test = "In some cases, a doctor orders genetic blood tests to confirm gout."
    page = _page("gout-gen", "Gout", "diagnosis", "Gout attacks bring sudden pain.", test)
    line = _ask("is gout genetic?", [page]).bottom_line
    assert line is None or all(b.text != test for b in line.bullets)
    said = "Gout is partly a genetic disease that runs in some families."
    page = _page("gout-gen2", "Gout", "inheritance", "Gout attacks bring sudden pain.", said)
    line = _ask("is gout genetic?", [page]).bottom_line
    assert line is not None and [b.text for b in line.bullets] == [said]


def test_a_food_told_before_a_yes_no_is_not_what_it_asks() -> None:
    """Bread, told before the yes/no sentence, is no symptom of gout: the page's line on it
    does not stand in for the answer about coffee; asked in the yes/no sentence, it does."""
    page = _page(
        "gout-foods",
        "Gout",
        "information",
        "Gout attacks bring sudden pain and swelling in one joint.",
        "Bread and other starchy foods raise uric acid only a little.",
    )
    told = _ask("Gout. I ate bread at a party. Can I ever drink coffee again?", [page])
    line = told.bottom_line
    assert line is None or all("Bread" not in b.text for b in line.bullets)
    asked = _ask("Gout. Can I ever eat bread again?", [page]).bottom_line
    assert asked is not None and any("Bread" in b.text for b in asked.bullets)


def test_a_heredity_statement_on_a_page_named_for_a_form_of_the_topic_answers() -> None:
    """ "FTD often runs in families" on the page "Frontotemporal dementia" speaks of dementia;
    the same statement on a page that names the topic nowhere does not."""
    line = "Tophi often run in families in an autosomal dominant pattern."
    form = _page("tophaceous", "Tophaceous gout", "inheritance", line)
    answer = _ask("Does gout run in families?", [form])
    assert answer.bottom_line is not None
    assert [b.text for b in answer.bottom_line.bullets] == [line]
    other = _page("tophi", "Tophi", "inheritance", line)
    answer = _ask("Does gout run in families?", [other])
    assert answer.bottom_line is None or not answer.bottom_line.bullets


def test_two_conditions_named_together_are_said_to_be_apart_when_no_source_links_them() -> None:
    sinus = _page(
        "sinusitis", "Sinusitis", "information", "Sinusitis is an inflammation of the sinuses."
    )
    answer = _ask("gout and sinusitis in one patient", [GOUT, sinus])
    line = answer.bottom_line
    assert line is not None
    assert line.verdict.startswith("No source found speaks of gout and sinusitis together")
    both = _page(
        "gout-sinus",
        "Gout",
        "information",
        "Gout and sinusitis rarely occur together in one patient.",
    )
    answer = _ask("gout and sinusitis in one patient", [GOUT, sinus, both])
    line = answer.bottom_line
    assert line is not None and line.verdict == "Where the sources found speak of both:"
    assert line.bullets[0].text == "Gout and sinusitis rarely occur together in one patient."


def test_the_readings_of_one_phrase_are_one_thing_named() -> None:
    """ "facial twitch" read as hemifacial spasm and as blepharospasm is one thing asked about,
    not two conditions apart."""
    page = _page(
        "hfs",
        "Hemifacial spasm",
        "causes",
        "Hemifacial spasm is most often caused by a blood vessel pressing on the facial nerve.",
    )
    query = understand("What causes facial twitches?", VOCABULARY)
    assert len({c.matched for c in query.primary_topics}) == 1 < len(query.primary_topics)
    line = _ask("What causes facial twitches?", [page]).bottom_line
    assert line is not None and line.verdict == "In short:"


def test_a_dose_question_without_a_dose_in_the_sources_says_where_to_ask() -> None:
    answer = _ask("How much colchicine should I take for gout?", [GOUT])
    # the gout page never names colchicine: nothing it says is about the drug asked for
    assert answer.abstained and "pharmacist" in (answer.abstain_reason or "")
    named = _page("gout-drugs", "Gout", "information", *GOUT_LINES)
    answer = _ask("How much colchicine should I take for gout?", [named], detail=True)
    assert answer.bottom_line is not None
    assert answer.bottom_line.verdict.startswith("No source in the index gives a dose")
    dosed = _page(
        "colchicine", "Colchicine", "dosage", "Colchicine for gout is taken as 0.6 mg twice a day."
    )
    answer = _ask("How much colchicine should I take for gout?", [dosed, GOUT])
    assert answer.bottom_line is not None and answer.bottom_line.bullets
    assert "0.6 mg" in answer.bottom_line.bullets[0].text


CAUSE_LINES = [
    "Gout is caused by uric acid crystals that build up in a joint when blood levels stay high.",
    "Eating large amounts of red meat, organ meats and shellfish raises the risk of gout.",
    "Drinking beer or sweetened drinks with fructose makes gout attacks more likely in adults.",
    "Some water pills prescribed for high blood pressure can trigger gout in older people.",
    "Kidney disease causes gout because the kidneys clear less uric acid from the body.",
    "A family history of gout increases the chance that a person will develop it too.",
]
TREAT_LINES = [
    "Gout flares are treated with anti-inflammatory painkillers started as early as possible.",
    "Steroid injections into the swollen joint relieve a gout attack when pills cannot be used.",
    "Long-term treatment with allopurinol lowers uric acid and prevents future gout attacks.",
    "Losing weight slowly and limiting alcohol help treat gout alongside prescribed medicines.",
    "Ice packs and resting the painful joint relieve gout symptoms during a flare at home.",
    "Doctors treat frequent gout with daily tablets that must be continued even without pain.",
]


def test_the_body_keeps_to_its_word_budget_unless_detail_is_asked() -> None:
    docs = [
        _page("cause", "Gout", "causes", *CAUSE_LINES),
        _page("treat", "Gout", "treatment", *TREAT_LINES),
        _page(
            "cause2",
            "Gout",
            "causes",
            *(line.replace("Gout", "Gouty arthritis") for line in CAUSE_LINES[::-1]),
        ),
    ]
    short = _ask("What causes gout and how is it treated?", docs, budget=80)
    long = _ask("What causes gout and how is it treated?", docs, detail=True, budget=80)

    def words(answer: Answer) -> int:
        bullets = [b for s in answer.guideline_sections for b in s.bullets]
        bullets += [
            *answer.guideline_lead,
            *(answer.bottom_line.bullets if answer.bottom_line else ()),
        ]
        return sum(len(b.text.split()) for b in bullets)

    assert words(short) <= 80 < words(long)
    assert long.detail and not short.detail
    # every facet asked keeps a bullet
    titles = {s.title for s in short.guideline_sections}
    assert {"Causes", "Treatment Options"} <= titles


def test_the_budget_drops_bullets_of_facets_not_asked_before_those_asked() -> None:
    docs = [
        _page("cause", "Gout", "causes", *CAUSE_LINES),
        _page("treat", "Gout", "treatment", *TREAT_LINES),
    ]
    # causes are shown beside the heredity asked, but treatment is what was asked
    answer = _ask("what treatment is there for gout and is it hereditary", docs, budget=90)
    shown = {s.title: len(s.bullets) for s in answer.guideline_sections}
    assert shown["Treatment Options"] > shown.get("Causes", 0)


def test_a_safety_question_is_never_answered_yes() -> None:
    page = _page(
        "colchicine-preg",
        "Colchicine",
        "information",
        "Colchicine is a medicine for gout flares taken by mouth.",
        "Colchicine should not be taken in pregnancy without a doctor's advice.",
    )
    answer = _ask("Is colchicine safe during pregnancy?", [page])
    assert answer.bottom_line is not None
    assert answer.bottom_line.verdict == "The sources found warn:"
    assert "should not" in answer.bottom_line.bullets[0].text
    # the warning is also why a group named in the question gets a Warnings section
    quiet = _page("colchicine-2", "Colchicine", "information", GOUT_LINES[0])
    answer = _ask("Is colchicine safe during pregnancy?", [quiet])
    assert answer.bottom_line is None or "do not say whether this is safe" in (
        answer.bottom_line.verdict
    )


GOUT_LINES = ["Colchicine is a medicine for gout flares taken by mouth."]


def test_can_i_take_is_a_safety_question_never_answered_yes() -> None:
    # "can cause birth defects" must not read as "yes, you can take it"
    page = _page(
        "colchicine-harm",
        "Colchicine",
        "information",
        "Colchicine is a medicine for gout flares taken by mouth.",
        "Colchicine can cause birth defects when it is taken in early pregnancy.",
    )
    for question in (
        "Can I take colchicine while pregnant?",
        "should my daughter use colchicine during pregnancy",
        "Will colchicine hurt my unborn baby?",
    ):
        answer = _ask(question, [page])
        assert answer.bottom_line is not None, question
        assert "yes" not in answer.bottom_line.verdict, question
        assert answer.bottom_line.verdict == "The sources found warn:", question


def test_an_amount_without_a_drug_is_no_dose_question() -> None:
    asked, _ = detect_facets("How much urine does a bladder hold?")
    assert question_type("How much urine does a bladder hold?", asked, drug=False) is not (
        QuestionType.DOSE
    )


def test_an_abstention_says_where_to_go(handmade_vocabulary: Vocabulary) -> None:
    answer = _ask("What is colchicine used for?", [])
    assert answer.abstained
    assert "pharmacist" in (answer.abstain_reason or "")
    assert "reaction" not in (answer.abstain_reason or "")
    # a side effect asked about and not answered: a possible reaction should not wait
    answer = _ask("Can colchicine cause side effects like a rash?", [])
    assert answer.abstained and "call emergency services" in (answer.abstain_reason or "")


def test_a_warning_for_the_group_the_question_names_is_always_shown() -> None:
    page = _page(
        "colchicine-kids",
        "Colchicine",
        "treatment",
        "Colchicine treats gout flares when started early in the attack.",
        "Colchicine should not be given to children under 12 because of serious side effects.",
        "Colchicine tablets are swallowed whole with water after meals.",
    )
    answer = _ask("How is colchicine used for gout in children?", [page])
    shown = _shown(answer)
    assert any("should not be given to children" in text for text in shown)
    warnings = [s for s in answer.guideline_sections if s.title == "Warnings"]
    assert warnings or any("children" in b.text for b in answer.bottom_line.bullets)  # type: ignore[union-attr]


FEVER_PAGE = (
    "fever",
    "Fever",
    "information",
    "A fever is a body temperature that is higher than normal.",
    "Treatment depends on the cause of your fever.",
    "Your provider may recommend ibuprofen to lower a very high fever.",
    "Adults can also take aspirin, but children with fevers should not take aspirin.",
)


@pytest.mark.parametrize(
    ("question", "warned"),
    [
        ("my 3 yr old has a fever of 101, what should i do", True),
        ("what should i do about a fever in my 18-month-old", True),
        ("what should i do about a fever i have had for two years", False),
    ],
)
def test_a_child_named_by_age_gets_the_pages_warning_about_children(
    question: str, warned: bool
) -> None:
    """A child is named by age too ("3 yr old", "18-month-old"); "for two years" names none."""
    answer = _ask(question, [_page(*FEVER_PAGE)])
    shown = _shown(answer)
    assert (
        "Adults can also take aspirin, but children with fevers should not take aspirin." in shown
    ) is warned


def test_an_either_or_question_is_a_comparison() -> None:
    text = "is ibuprofen or colchicine better for gout"
    asked, _ = detect_facets(text)
    assert question_type(text, asked, drug=True) is QuestionType.COMPARISON


def test_a_concentration_is_no_dose() -> None:
    lab = _page(
        "colchicine-lab",
        "Colchicine",
        "information",
        "Colchicine levels of 2 mg/100 ml were measured in patients taking colchicine for gout.",
    )
    answer = _ask("How much colchicine should I take for gout?", [lab], detail=True)
    assert answer.bottom_line is not None
    assert answer.bottom_line.verdict.startswith("No source in the index gives a dose")


def test_a_question_asking_an_amount_is_answered_by_the_sentence_stating_it() -> None:
    page = _page(
        "gout-amount",
        "Gout",
        "information",
        "Gout is a form of arthritis that causes sudden attacks of joint pain.",
        "It is common in older men.",
        "An attack of gout usually lasts 3 to 10 days without treatment.",
        "About 4 percent of adults in the United States have gout.",
    )
    long_ = _ask("How long does an attack of gout last?", [page]).bottom_line
    assert long_ is not None and "3 to 10 days" in long_.bullets[0].text
    many = _ask("How many adults get gout?", [page]).bottom_line
    assert many is not None and "4 percent" in many.bullets[0].text
    # a duration of something else ("lasts … without treatment") is no answer to this one
    cleared = _ask("How long does gout take to clear after treatment starts?", [page], detail=True)
    assert cleared.bottom_line is not None
    assert all("3 to 10 days" not in b.text for b in cleared.bottom_line.bullets)


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("Influenza, Human", "human influenza"),
        ("Lupus Erythematosus, Systemic", "systemic lupus erythematosus"),
        ("Gout", "gout"),
        (
            "Tetanus, Diphtheria, and Pertussis Vaccines",
            "tetanus, diphtheria, and pertussis vaccines",
        ),
        ("Ear, Nose and Throat Disorders", "ear, nose and throat disorders"),
    ],
)
def test_mesh_headings_are_named_in_reading_order(name: str, shown: str) -> None:
    assert uninverted(name) == shown


def test_a_study_s_background_or_a_line_not_naming_the_topic_is_no_bottom_line() -> None:
    def study(doc_id: str, *sections: tuple[str | None, str]) -> Document:
        return Document(
            id=f"pmid:{doc_id}",
            source=Source.PUBMED,
            title="A cohort study",
            year=2021,
            sections=tuple(AbstractSection(category=c, text=t) for c, t in sections),
        )

    background = study(
        "81",
        ("BACKGROUND", "Gout is treated with colchicine in most adults with acute attacks."),
        ("RESULTS", "Enrolment finished on time in all twelve centres of the network."),
    )
    answer = _ask("How is gout treated?", [background])
    line = answer.bottom_line
    assert line is None or not line.bullets
    unnamed = study("82", ("RESULTS", "Most adults were treated with colchicine for attacks."))
    line = _ask("How is gout treated?", [unnamed]).bottom_line
    assert line is None or not line.bullets
    found = study("83", ("RESULTS", "Gout attacks were treated with colchicine in most adults."))
    line = _ask("How is gout treated?", [found]).bottom_line
    assert line is not None and line.bullets


def test_a_what_to_do_question_gets_advice_never_a_study_s_findings() -> None:
    def study(doc_id: str, text: str) -> Document:
        return _study(doc_id, "Colchicine for gout flares: a cohort study", text)

    question = "What should I do about a gout flare?"
    assert question_type(question, detect_facets(question)[0], False) is QuestionType.WHAT_TO_DO
    finding = study("91", "Gout flares treated with colchicine resolved within five days.")
    line = _ask(question, [finding]).bottom_line
    assert line is not None and not line.bullets
    assert line.verdict.startswith("The sources found do not say what to do")
    advice = study("92", "Colchicine treatment should be started within a day of a gout flare.")
    line = _ask(question, [finding, advice]).bottom_line
    assert line is not None and [b.text for b in line.bullets] == [
        "Colchicine treatment should be started within a day of a gout flare."
    ]


def _dosing_study(doc_id: str, year: int) -> Document:
    text = "Adults with gout took colchicine 0.5 mg three times a day for attacks."
    return _study(doc_id, "Colchicine for gout attacks in adults", text, year)


def _duration_study(doc_id: str, year: int) -> Document:
    text = "Untreated gout attacks resolve within 7 to 10 days in most adults."
    return _study(doc_id, "The course of gout attacks in adults", text, year, ("Humans", "Gout"))


def test_a_decades_old_study_is_never_the_direct_answer() -> None:
    question = "How long does a gout attack last?"
    old = _ask(question, [_duration_study("95", 1979)]).bottom_line
    assert old is None or not old.bullets
    recent = _ask(question, [_duration_study("96", 2019)]).bottom_line
    assert recent is not None and recent.bullets
    assert "7 to 10 days" in recent.bullets[0].text


def test_a_study_is_no_answer_about_a_pill_s_appearance() -> None:
    line = _ask("What colour is a colchicine 0.5 mg pill?", [_dosing_study("97", 2019)])
    assert line.bottom_line is None or not line.bottom_line.bullets


def test_the_condition_asked_about_names_no_group_to_warn() -> None:
    page = _page(
        "fatty-liver",
        "Fatty Liver",
        "causes",
        "Drinking too much alcohol can cause fatty liver in adults.",
        "Obesity and type 2 diabetes are common causes of fatty liver in adults.",
    )
    answer = _ask("What causes fatty liver?", [page])
    assert not [s for s in answer.guideline_sections if s.title == "Warnings"]
    shown = _shown(answer)
    assert any("alcohol can cause fatty liver" in text for text in shown)
    # a drug named with the condition: its warnings for people with liver disease are shown
    drug = _page(
        "colchicine-liver",
        "Colchicine",
        "treatment",
        "Colchicine treats gout flares when started early in the attack.",
        "Colchicine should not be taken by people with fatty liver or other liver disease.",
    )
    answer = _ask("Can I take colchicine with fatty liver?", [drug])
    shown = _shown(answer)
    assert any("should not be taken by people with fatty liver" in text for text in shown)


def test_a_yes_no_question_on_two_conditions_no_source_links_says_so() -> None:
    sinus = _page(
        "sinusitis", "Sinusitis", "information", "Sinusitis is an inflammation of the sinuses."
    )
    line = _ask("Do people with gout also get sinusitis?", [GOUT, sinus], detail=True).bottom_line
    assert line is not None
    assert line.verdict.startswith("No source found speaks of gout and sinusitis together")


def test_what_to_do_about_a_condition_with_a_drug_gets_steps_that_name_the_condition() -> None:
    drug = _page(
        "ibuprofen",
        "Ibuprofen",
        "information",
        "Ibuprofen is best taken with food or milk to spare the stomach.",
        "See a doctor if stomach pain starts while taking ibuprofen.",
    )
    question = "What should I do about a fever while taking ibuprofen?"
    line = _ask(question, [drug]).bottom_line
    assert line is None or not line.bullets  # a step that never names the fever is no step
    named = _page(
        "ibuprofen-fever",
        "Ibuprofen",
        "information",
        "Ibuprofen is best taken with food or milk to spare the stomach.",
        "See a doctor if a fever lasts more than three days while taking ibuprofen.",
    )
    line = _ask(question, [named]).bottom_line
    assert line is not None and [b.text for b in line.bullets] == [
        "See a doctor if a fever lasts more than three days while taking ibuprofen."
    ]


def test_a_study_is_no_direct_answer_to_a_patient_s_drug_question() -> None:
    study = _study(
        "98",
        "Colchicine in hospitalised adults",
        "Colchicine is used to treat gout flares in most hospitalised adults.",
        mesh=("Humans", "Colchicine"),
    )
    line = _ask("How is colchicine used to treat flares?", [study]).bottom_line
    assert line is not None and not line.bullets
    assert line.verdict.startswith("The sources found do not answer this directly")
    what_to_do = _ask("What should I do to treat flares with colchicine?", [study]).bottom_line
    assert what_to_do is not None and not what_to_do.bullets
    assert what_to_do.verdict.startswith("The sources found do not say what to do")


def test_a_bottom_line_that_answers_nothing_says_where_to_go() -> None:
    line = _ask("Do people with gout also get sinusitis?", [GOUT], detail=True).bottom_line
    assert line is not None and not line.bullets
    assert "Your doctor can answer it for your situation" in line.verdict
    answered = _ask("Is gout hereditary?", [GOUT]).bottom_line
    assert answered is not None and answered.bullets
    assert "Your doctor can answer" not in answered.verdict


def test_a_yes_no_question_after_a_story_is_answered_by_a_statement_of_the_cause() -> None:
    """The yes/no question is the sentence that asks it, after what the asker tells; "contribute
    to" is answered by "a cause of", any wording of causation."""
    page = _page(
        "sinusitis-symptoms",
        "Sinusitis",
        "symptoms",
        "Sinusitis brings a blocked nose and pain over the cheeks.",
        "Sinusitis is a common cause of fever in children.",
    )
    question = "My son has had a blocked nose for two weeks. Could sinusitis contribute to a fever?"
    answer = _ask(question, [page])
    assert answer.query.question_type is QuestionType.YES_NO
    line = answer.bottom_line
    assert line is not None and line.verdict == "The sources found suggest yes:"
    assert [b.text for b in line.bullets] == ["Sinusitis is a common cause of fever in children."]
    denied = _page("sinusitis-fever", "Sinusitis", "symptoms", "Sinusitis does not cause fever.")
    answer = _ask(question, [denied])
    assert answer.bottom_line is not None
    assert answer.bottom_line.verdict == "The sources found suggest no:"


@pytest.mark.parametrize(
    "text",
    ["Get a flu shot every year in the fall.", "The vaccine is given annually.", "a single dose"],
)
def test_how_often_a_vaccine_is_given_reads_as_a_dose(text: str) -> None:
    from medcite.answer.extract import DOSE

    assert DOSE.search(text)


def test_a_count_of_doses_is_a_dose() -> None:
    """How often a vaccine is given ("a booster dose every 10 years", "a single dose") answers a
    dose question as an amount in milligrams does."""
    page = _page(
        "dt",
        "Diphtheria-Tetanus Vaccine",
        "dosage",
        "Adults need a booster dose of the diphtheria-tetanus vaccine every 10 years.",
    )
    answer = _ask("how often do adults need the diphtheria-tetanus vaccine", [page])
    assert answer.query.question_type is QuestionType.DOSE
    line = answer.bottom_line
    assert line is not None and line.bullets
    assert "every 10 years" in line.bullets[0].text


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("can I take ibuprofen and lisinopril on the same day", QuestionType.INTERACTION),
        ("is ibuprofen safe with lisinopril", QuestionType.INTERACTION),
        ("what is the difference between ibuprofen and lisinopril", QuestionType.COMPARISON),
        ("how are ibuprofen and lisinopril made", QuestionType.INFORMATION),
    ],
)
def test_two_drugs_are_an_interaction_only_when_taken_together(
    question: str, kind: QuestionType
) -> None:
    """Two drugs joined by "and" are taken together only with a verb of taking; a comparison
    of two drugs is a comparison."""
    assert understand(question, VOCABULARY).question_type is kind


def test_the_lead_does_not_repeat_the_bottom_line() -> None:
    answer = _ask("What is gout?", [GOUT])
    line = answer.bottom_line
    assert line is not None and line.bullets
    lead = {b.text for b in answer.guideline_lead}
    assert not lead & {b.text for b in line.bullets}


def test_research_answers_only_the_facets_asked_about_what_is_no_condition() -> None:
    """A study's "associated with" is a cause of a condition; about a body part (or a substance)
    it is no answer to a question that asked none."""
    study = _study(
        "1",
        "Knee cartilage in older adults",
        "Loss of knee cartilage was associated with obesity in older adults in this cohort.",
    )
    about_knee = _ask("tell me about the knee", [study])
    assert about_knee.query.primary_topics and not about_knee.query.primary_topics[0].condition
    assert not about_knee.research_sections
    gout = _study(
        "2",
        "Gout in older adults",
        "Gout was associated with obesity in older adults in this cohort.",
    )
    assert _ask("tell me about gout", [gout]).research_sections


def test_research_keeps_to_what_a_patient_asked_unless_an_overview_was_asked() -> None:
    """A trial's treatment finding beside a question on how long an attack lasts, or on what
    causes gout, is padding; an overview question ("what is gout") still gets it."""
    trial = _abstract(
        "5",
        "Allopurinol in gout: a randomized trial",
        ("CONCLUSIONS", "Allopurinol was an effective treatment for gout in adults in this trial."),
        publication_types=("Randomized Controlled Trial",),
    )
    page = _page("g1", "Gout", "information", "Gout is a kind of arthritis.")
    for question in ("how long does a gout attack last", "what causes gout"):
        assert not _ask(question, [page, trial]).research_sections
    assert _ask("what is gout", [page, trial]).research_sections


def test_a_question_on_one_attribute_of_the_topic_is_not_answered_by_its_definition() -> None:
    """ "What is the smell of X" is not answered by "X is …": the short answer must name what
    was asked about, or the bottom line says the sources do not answer it."""
    plain = _ask("What is gout?", [GOUT]).bottom_line
    assert plain is not None and plain.verdict == "In short:"
    attribute = _ask("what is the colour of gout crystals", [GOUT]).bottom_line
    assert attribute is not None and not attribute.bullets
    assert attribute.verdict.startswith("The sources found do not answer this directly")
    # the words of a request are no attribute asked
    request = _ask("I want to know more about gout, please", [GOUT]).bottom_line
    assert request is not None and request.verdict == "In short:"


def test_the_short_answer_names_the_topic_before_other_things_on_its_page() -> None:
    page = _page(
        "gout-care",
        "Gout",
        "treatment",
        "Skin sores that become infected should be treated with an antibiotic from a doctor.",
        "Gout flares are treated with anti-inflammatory medicines started early.",
    )
    line = _ask("How is gout treated?", [page]).bottom_line
    assert line is not None and line.bullets
    assert line.bullets[0].text.startswith("Gout flares")


def test_a_dose_from_a_decades_old_study_is_never_shown() -> None:
    """Doses are superseded like advice: a 1979 study's dose is no dose to take today."""
    text = "Colchicine at 0.6 mg twice daily was well tolerated in adults with gout flares."
    old = _study("79", "Colchicine for gout flares", text, year=1979)
    assert text not in _shown(_ask("How much colchicine should I take for gout?", [old]))
    recent = _study("21", "Colchicine for gout flares", text, year=2021)
    assert text in _shown(_ask("How much colchicine should I take for gout?", [recent]))


def test_a_safety_question_is_answered_by_the_warning_the_answer_shows() -> None:
    """A warning statement (a group named, a harm) answers "would it hurt the baby?" even where
    no facet asked takes it."""
    from medcite.answer.bottom_line import bottom_line
    from medcite.answer.extract import Candidate
    from medcite.answer.segment import Sentence
    from medcite.records import Evidence, EvidenceLevel, Facet

    text = "Colchicine can cause birth defects in the first weeks of pregnancy."
    page = _page("fcs", "Fetal colchicine syndrome", "information", text)
    evidence = Evidence(
        hit=Hit(document=page, score=1.0, rank=1), level=EvidenceLevel.GUIDELINE, score=1.0
    )
    sentence = Sentence(text, page.id, None, None, 0)
    warning = Candidate(sentence, evidence, Facet.WARNINGS, 1.0, stems(text))
    query = understand("Would colchicine affect the baby if I got pregnant?", VOCABULARY)
    alone = bottom_line(query, [], "colchicine")
    assert alone is not None and "do not say whether this is safe" in alone.verdict
    pick = bottom_line(query, [], "colchicine", warned=[warning])
    assert pick is not None and pick.verdict == "The sources found warn:"
    assert pick.chosen == (warning,)


def test_what_a_substance_causes_is_not_where_it_comes_from(
    handmade_vocabulary: Vocabulary,
) -> None:
    page = _page(
        "tobacco",
        "Tobacco",
        "information",
        "Tobacco is a plant grown for its leaves, which are dried and smoked.",
        "Its leaves are sold as cigarettes, cigars and chewing tobacco.",
        "Many people who use tobacco find it hard to stop using it.",
        "Tobacco can cause cancer of the mouth, throat and lungs.",
    )
    query = understand("where does tobacco come from", handmade_vocabulary)
    hits = [Hit(document=page, score=10.0, rank=1)]
    # the long form: the short one lists the page in place of other facts (see below)
    answer = compose(ComposeInput("t", query, 12, detail=True), rank(hits, 2026))
    assert answer.bottom_line is not None
    assert not any("cancer" in b.text for b in answer.bottom_line.bullets)
    # of a condition, a cause question is answered by a cause
    gout = _page("gout", "Gout", "causes", "Gout is caused by too much uric acid in the blood.")
    query = understand("where does gout come from", handmade_vocabulary)
    answer = compose(
        ComposeInput("t", query, 12), rank([Hit(document=gout, score=10.0, rank=1)], 2026)
    )
    assert answer.bottom_line is not None
    assert "uric acid" in answer.bottom_line.bullets[0].text


def test_whether_one_condition_differs_from_another_is_answered_by_what_each_is() -> None:
    """ "Is X different from Y" asks what each is, which their pages say, not what studies
    measured; only a statement that tells the two apart (their numbers, when the names share
    every other word) is a comparison."""
    one = _page("t1", "Type 1 gout", "information", "Type 1 gout begins in the big toe.")
    two = _page("t2", "Type 2 gout", "information", "Type 2 gout begins in the knee.")
    answer = _ask("is type 1 gout different from type 2 gout", [one, two])
    assert not answer.abstained
    line = answer.bottom_line
    assert line is not None and not line.bullets
    assert line.verdict.startswith("No source in the index compares type 1 gout and type 2 gout")
    both = _page(
        "t3",
        "Type 1 gout",
        "information",
        "Type 1 gout starts earlier in life than type 2 gout does.",
    )
    line = _ask("is type 1 gout different from type 2 gout", [one, two, both]).bottom_line
    assert line is not None and [b.text for b in line.bullets] == [
        "Type 1 gout starts earlier in life than type 2 gout does."
    ]


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("what foods help prevent gout", {"food"}),
        ("which exercises can ease gout pain", {"exercis"}),
        ("what kinds of drinks can trigger gout", {"drink"}),
        ("what causes gout", set()),
        ("what is gout", set()),
    ],
)
def test_the_kind_of_thing_asked_for(question: str, kind: set[str]) -> None:
    assert asked_kind(question) == kind


def test_a_finding_that_names_no_thing_of_the_kind_asked_is_no_short_answer() -> None:
    """ "What foods help prevent gout" is not answered by a trial of a drug."""
    drug = _study(
        "8",
        "Colchicine and gout flares",
        "Colchicine prevented gout flares in adults with frequent attacks.",
    )
    line = _ask("what foods help prevent gout", [drug]).bottom_line
    assert line is not None and not line.bullets
    food = _study(
        "9", "Cherries and gout flares", "Eating cherries prevented gout flares in adults."
    )
    line = _ask("what foods help prevent gout", [food]).bottom_line
    assert line is not None and not line.bullets  # "cherries" is no word "food"
    foods = _study(
        "10",
        "Foods and gout flares",
        "Foods rich in purines triggered gout flares; low-purine foods prevented them.",
    )
    line = _ask("what foods help prevent gout", [foods]).bottom_line
    assert line is not None and [b.text for b in line.bullets] == [
        "Foods rich in purines triggered gout flares; low-purine foods prevented them."
    ]


def test_a_comparison_of_two_conditions_opens_with_what_each_is() -> None:
    """ "gout vs sinusitis": each page says what its own condition is and names no other; the
    lead holds one statement on each side, although gout's pages rank first."""
    gouts = [
        _page(f"g{i}", "Gout", "information", f"Gout is a painful arthritis of the toe, {i}.")
        for i in range(3)
    ]
    sinus = _page("s", "Sinusitis", "information", "Sinusitis is a swelling of the sinuses.")
    answer = _ask("gout vs sinusitis, how do you tell them apart", [*gouts, sinus])
    lead = [b.text for b in answer.guideline_lead]
    assert len(lead) == 2 and lead[1] == "Sinusitis is a swelling of the sinuses."
    assert lead[0].startswith("Gout is a painful arthritis")


def test_a_patient_question_the_pages_answer_takes_only_reviews_and_trials_from_research() -> None:
    """Beside a page that answers "what causes gout", one cohort's finding about its own
    sample adds nothing for the reader; a review's does. An evidence question ("does diet
    cause gout flares") still reads every design."""
    page = _page("gc", "Gout", "causes", "Gout is caused by uric acid crystals in a joint.")
    cohort = _study("c1", "Gout in one town", "In this town, gout was caused by beer in 60%.")
    review = _study("r1", "Gout: a review", "Gout is caused by diet and genes in most people.")
    review = review.model_copy(update={"publication_types": ("Review",)})
    shown = _shown(_ask("what causes gout", [page, cohort, review]))
    assert "Gout is caused by diet and genes in most people." in shown
    assert not any("beer" in line for line in shown)
    evidence = _shown(_ask("does beer cause gout in adults", [page, cohort, review]))
    assert any("beer" in line for line in evidence)


def test_a_yes_no_predicate_is_answered_in_other_words_of_the_same_sense() -> None:
    """ "Is gout contagious?" is answered by a statement that it does not spread."""
    page = _page(
        "gs",
        "Gout",
        "information",
        "Gout is a kind of arthritis. Gout does not spread from one person to another.",
    )
    line = _ask("is gout contagious", [page]).bottom_line
    assert line is not None
    assert [b.text for b in line.bullets] == ["Gout does not spread from one person to another."]
    assert line.verdict.lower().startswith("the sources found suggest no")


def test_a_negation_between_two_topics_denies_their_relation() -> None:
    """ "Ibuprofen does not shorten a common cold, which lasts about a week": the negation
    stands between the names of the two topics asked about, however far from the word the
    statement shares with the question."""
    drug, cold = frozenset({"ibuprofen"}), frozenset({"cold"})
    assert relation_denied(
        "Ibuprofen does not shorten a common cold, which lasts a week.", [drug, cold]
    )
    assert relation_denied("A cold is not shortened by ibuprofen.", [drug, cold])
    assert not relation_denied(
        "Ibuprofen eases a cold; it does not need a prescription.", [drug, cold]
    )
    assert not relation_denied("Ibuprofen does not shorten a fever.", [drug, cold])
    assert not relation_denied("Ibuprofen does not shorten a common cold.", [drug])


def test_a_yes_no_asked_in_the_negative_asks_the_positive() -> None:
    """ "Did it not work?" asks whether it worked: a statement that it does not work says no,
    as it does to "did it work?"."""
    page = _page(
        "cn",
        "Colchicine",
        "information",
        "Colchicine is a medicine for gout attacks.",
        "Colchicine does not work well when it is started days after an attack began.",
    )
    for question in (
        "I took colchicine days into a gout attack. Did it work?",
        "I took colchicine days into a gout attack. Did it not work?",
    ):
        line = _ask(question, [page]).bottom_line
        assert line is not None
        assert line.verdict == "The sources found suggest no:", question


def test_caught_from_shared_places_says_it_spreads_to_whoever_is_asked_about() -> None:
    """ "Is hantavirus contagious to the rest of the family?" is answered by how people catch
    it, "by touching" what others left; whom it might pass to is no word a statement must name.
    How one gets something from a habit is no spreading."""
    page = _page(
        "hv",
        "Hantavirus Infections",
        "information",
        "Hantavirus infections are rare infections of the lungs.",
        "People can get the infection by touching droppings of infected mice.",
    )
    line = _ask("are hantavirus infections contagious to my kids and partner?", [page]).bottom_line
    assert line is not None
    assert line.verdict == "The sources found suggest yes:"
    habit = _page("gh", "Gout", "information", "You can get gout from eating a lot of red meat.")
    other = _ask("is gout contagious to my kids?", [habit]).bottom_line
    assert other is None or "suggest yes" not in other.verdict


def test_a_statement_naming_its_page_topic_by_a_pronoun_answers_whether_it_spreads() -> None:
    """On the bronchitis page, "You can get it by touching …" can only mean bronchitis: it
    says yes to whether bronchitis spreads. The same line on another topic's page says nothing
    of it."""
    page = _page(
        "bp",
        "Bronchitis",
        "information",
        "Bronchitis is an inflammation of the airways that carry air to the lungs.",
        "You can get it by touching an infected person or sharing their cups.",
    )
    line = _ask("is bronchitis contagious?", [page]).bottom_line
    assert line is not None
    assert line.verdict == "The sources found suggest yes:"
    other = _page(
        "bo",
        "Gout",
        "information",
        "Gout is a form of arthritis that causes sudden attacks of joint pain.",
        "You can get it by touching an infected person or sharing their cups.",
    )
    elsewhere = _ask("is bronchitis contagious?", [other]).bottom_line
    assert elsewhere is None or "suggest yes" not in elsewhere.verdict


def test_how_long_most_take_to_get_better_is_no_time_to_take_up_a_sport_again() -> None:
    """Asked how long before a sport, a page's time to get better is no bottom line; asked how
    long it takes to get better, it is."""
    page = _page(
        "br",
        "Bronchitis",
        "information",
        "Bronchitis is an inflammation of the airways that carry air to the lungs.",
        "Most people with bronchitis get better in two to three weeks.",
    )
    back = _ask(
        "My daughter has had bronchitis for ten days, she feels better now and wants to get "
        "back to hockey. How long does she need to wait?",
        [page],
    )
    assert back.bottom_line is None or not any(
        "two to three weeks" in b.text for b in back.bottom_line.bullets
    )
    lasts = _ask("how long does it take to get better from bronchitis?", [page]).bottom_line
    assert lasts is not None
    assert any("two to three weeks" in b.text for b in lasts.bullets)


def test_a_cause_of_what_is_told_is_no_yes_to_whether_it_is_normal() -> None:
    """ "Is that normal?" is not answered yes by a statement that the complaint may come from
    another disease; a statement that it is common answers it."""
    question = "my fatigue gets worse at night, is that normal?"
    caused = _page(
        "fa",
        "Fatigue",
        "information",
        "Fatigue is a feeling of weariness, tiredness, or lack of energy.",
        "Fatigue that gets worse at night may be due to anemia.",
    )
    line = _ask(question, [caused]).bottom_line
    assert line is not None
    assert "suggest yes" not in line.verdict
    assert "whether this is normal" in line.verdict
    usual = _page(
        "fb",
        "Fatigue",
        "information",
        "Fatigue is a feeling of weariness, tiredness, or lack of energy.",
        "Fatigue that gets worse at night is common and usually harmless.",
    )
    told = _ask(question, [usual]).bottom_line
    assert told is not None and "whether this is normal" not in told.verdict


def test_a_yes_no_on_a_drink_no_statement_names_says_the_sources_say_nothing_of_it() -> None:
    """Whether drinking prevents gout attacks is not answered by the gout page's other ways to
    prevent them: the bottom line says the sources say nothing of it. A page that names it is
    used as before."""
    lines = (
        "Gout is a form of arthritis that causes sudden attacks of joint pain.",
        "Gout attacks often start at night and can last for days.",
        "You can lower your chance of an attack by losing weight.",
    )
    question = "will alcohol drinking prevent gout attacks?"
    line = _ask(question, [_page("gt", "Gout", "information", *lines)]).bottom_line
    assert line is not None
    assert line.verdict.startswith("The sources found say nothing of alcohol drinking")
    named = _page(
        "gn", "Gout", "information", *lines, "Alcohol drinking can bring on a gout attack."
    )
    said = _ask(question, [named]).bottom_line
    assert said is not None and "say nothing of" not in said.verdict


def test_fearing_it_is_serious_gets_the_page_s_word_that_it_is_mostly_harmless() -> None:
    """Someone scared that what they feel is serious gets the topic page's word that it is
    mostly harmless, framed as what the sources say on that; without such a word, no frame."""
    lines = (
        "Fatigue is a feeling of weariness, tiredness, or lack of energy.",
        "Most fatigue is harmless and goes away with rest and sleep.",
        "See your doctor if fatigue lasts longer than two weeks.",
    )
    question = "fatigue all week and I'm frightened it could be something serious. is that normal?"
    line = _ask(question, [_page("fh", "Fatigue", "information", *lines)]).bottom_line
    assert line is not None
    assert line.verdict == "On whether it is serious, the sources found say:"
    assert [b.text for b in line.bullets] == [lines[1]]
    other = _ask(question, [_page("fo", "Fatigue", "information", lines[0], lines[2])])
    assert other.bottom_line is None or "whether it is serious" not in other.bottom_line.verdict


def test_a_short_statement_of_the_topic_itself_answers_whether_it_spreads() -> None:
    """ "Gout is not catching." is four words, too short for a statement, but it names the
    topic as its subject: it answers whether gout spreads, also when the asker names the
    relative it might pass to. A short line whose subject is something else ("Treatment is
    simple.") stays unusable."""
    page = _page(
        "gs",
        "Gout",
        "information",
        "Gout is a form of arthritis that causes sudden attacks of joint pain.",
        "Gout is not contagious.",
        "Treatment is simple.",
        "Gout is very common.",
    )
    for question in ("is gout contagious?", "my dad has gout, can I catch it from him?"):
        line = _ask(question, [page]).bottom_line
        assert line is not None, question
        assert line.verdict == "The sources found suggest no:", question
        assert [b.text for b in line.bullets] == ["Gout is not contagious."]
    shown = _shown(_ask("how is gout treated?", [page]))
    shown += _shown(_ask("is gout common?", [page]))
    assert "Treatment is simple." not in shown
    assert "Gout is very common." not in shown  # a short line granting a property


def test_someone_afraid_of_getting_it_is_not_advised_its_treatment() -> None:
    """What treats gout is no first step for someone who fears getting it; when to have a
    joint checked is."""
    treat = "Doctors treat gout attacks with anti-inflammatory medicines and rest."
    check = "See a doctor if a joint becomes suddenly hot, red and painful."
    page = _page(
        "gf",
        "Gout",
        "information",
        "Gout is a form of arthritis that causes sudden attacks of joint pain.",
        "Gout attacks often start at night in the big toe.",
        "Attacks can come back months or years later.",
        treat,
        check,
    )
    feared = _ask("my uncle has gout and I'm worried I might get it, what should I do?", [page])
    assert feared.bottom_line is not None
    assert [b.text for b in feared.bottom_line.bullets] == [check]


def test_a_medicine_that_cures_it_is_a_treatment_statement() -> None:
    """ "Colchicine can cure most gout attacks" tells a treatment, though it names no treatment
    word but the cure."""
    cure = "Colchicine can cure most gout attacks within a few days."
    page = _page(
        "gc",
        "Gout",
        "information",
        "Gout is a form of arthritis that causes sudden attacks of joint pain.",
        "Gout attacks often start at night in the big toe.",
        "Attacks can come back months or years later.",
        cure,
    )
    answer = _ask("how is gout treated?", [page])
    assert not answer.abstained
    assert cure in _shown(answer)
    # that nothing cures it is no treatment statement
    none = "There is no cure for the stiffness that follows an attack."
    page = _page("gn", "Gout", "information", *GOUT_SENTENCES[:3], none)
    assert none not in _shown(_ask("how is gout treated?", [page]))


def test_an_emphasis_word_is_no_part_of_what_is_asked() -> None:
    """ "Does colchicine actually work?" asks whether it works; "actually" is no word a
    statement must also say."""
    page = _page(
        "ca",
        "Colchicine",
        "information",
        "Colchicine is a medicine for gout attacks.",
        "Colchicine works best when it is taken within a day of a gout attack starting.",
    )
    line = _ask("does colchicine actually work for gout?", [page]).bottom_line
    assert line is not None
    assert line.verdict == "The sources found suggest yes:"


def test_a_yes_no_asked_first_is_answered_without_the_story_after_it() -> None:
    """ "Is gout contagious? My brother wants to visit": the story after the question is not
    what a statement must name; a no and a yes from pages on the topic are one answer with its
    limits, not a disagreement."""
    page = _page(
        "gc",
        "Gout",
        "information",
        "Gout is a kind of arthritis. Gout cannot be passed from one person to another.",
    )
    other = _page(
        "gc2",
        "Gout",
        "information",
        "Gout is common. Gout is more contagious than people think when crystals are shared.",
    )
    line = _ask("is gout contagious? my brother wants to visit me this weekend", [page]).bottom_line
    assert line is not None and line.bullets
    assert line.bullets[0].text == "Gout cannot be passed from one person to another."
    both = _ask("is gout contagious? my brother wants to visit me this weekend", [page, other])
    assert both.bottom_line is not None
    assert both.bottom_line.verdict == "The sources found answer with a qualification:"


def test_a_study_s_sentence_about_itself_is_no_bottom_line_for_a_patient() -> None:
    """ "These findings may inform counselling on the recurrence of gout" may be shown with its
    citation; the study's finding, not its sentence about itself, answers a patient."""
    study = _abstract(
        "77",
        "Long-term outcomes of gout",
        ("RESULTS", "Gout recurred in 40% of patients within two years."),
        (
            "CONCLUSIONS",
            "These findings may inform counselling on the recurrence of gout and the need for "
            "long-term treatment.",
        ),
    )
    page = _page("g1", "Gout", "information", "Gout is a kind of arthritis.")
    line = _ask("what is the long term outlook for gout", [page, study]).bottom_line
    assert line is not None
    assert [b.text for b in line.bullets] == ["Gout recurred in 40% of patients within two years."]


def test_a_facet_question_on_two_conditions_gets_the_facet_before_a_line_naming_both() -> None:
    """ "how to prevent gout and sinusitis": a statement naming both that prevents neither
    yields to the best prevention statement; an overview question keeps the statement naming
    both."""
    sinus = _page(
        "sinusitis",
        "Sinusitis",
        "prevention",
        "To prevent sinusitis, wash your hands often and avoid smoke.",
    )
    both = _page(
        "gout-sinus",
        "Gout",
        "information",
        "Gout and sinusitis rarely occur together in one patient.",
    )
    line = _ask("how to prevent gout and sinusitis", [both, sinus]).bottom_line
    assert line is not None and line.verdict == "In short:"
    assert line.bullets[0].text.startswith("To prevent sinusitis")
    line = _ask("gout and sinusitis in one patient", [both, sinus]).bottom_line
    assert line is not None and line.verdict == "Where the sources found speak of both:"


def test_what_some_kinds_named_by_example_do_is_no_short_answer_for_all() -> None:
    """A statement of some kinds ("Some kinds of gout, including …, are mild") is true of those
    kinds only: the bottom line takes the statement on the whole topic; the other stays in
    the body."""
    page = _page(
        "gout-outlook",
        "Gout",
        "outlook",
        "Some kinds of gout, including the gout of young women, are mild and never come back.",
        "Gout attacks come back in most people unless the uric acid level is lowered.",
    )
    line = _ask("what is the outlook for gout", [page]).bottom_line
    assert line is not None and line.verdict == "In short:"
    assert line.bullets[0].text.startswith("Gout attacks come back")


def test_a_statement_about_pregnancy_is_no_short_answer_for_an_asker_who_names_none() -> None:
    """ "A pregnant woman …" is true of pregnant women: the bottom line for a question that
    names no pregnancy takes the statement on everyone."""
    page = _page(
        "gout-treat",
        "Gout",
        "treatment",
        "A pregnant woman who takes gout medicines should tell her doctor about the gout.",
        "Gout medicines lower the uric acid level and stop new attacks of gout.",
    )
    line = _ask("how is gout treated", [page]).bottom_line
    assert line is not None and line.verdict == "In short:"
    assert line.bullets[0].text.startswith("Gout medicines lower")
    asked = _ask("i am pregnant, how is gout treated", [page]).bottom_line
    assert asked is not None and asked.bullets[0].text.startswith("A pregnant woman")


def test_a_statement_about_pregnancy_ranks_below_the_others_for_an_asker_who_names_none() -> None:
    """Within a section, what is said of pregnant women comes after what is said of everyone
    when the question names no pregnancy; a pregnancy warning is not held back."""
    page = _page(
        "gout-treat2",
        "Gout",
        "treatment",
        "Pregnant women with gout are usually treated with rest and ice packs.",
        "Gout attacks are treated with anti-inflammatory medicines and rest.",
        "Gout medicines lower the uric acid level over months.",
    )
    shown = _shown(_ask("how is gout treated", [page]))
    general = shown.index("Gout attacks are treated with anti-inflammatory medicines and rest.")
    pregnant = shown.index("Pregnant women with gout are usually treated with rest and ice packs.")
    assert general < pregnant


def test_a_choice_among_a_condition_s_treatments_is_answered_from_its_page() -> None:
    """Colchicine named as one option beside an operation: the gout page's treatment lines
    answer, though they do not name colchicine; asked of colchicine alone, they do not."""
    page = _page(
        "gout-options",
        "Gout",
        "treatment",
        "Gout is treated with anti-inflammatory medicines during an attack.",
        "Surgery is rarely needed for gout, only for large deposits in a joint.",
    )
    chosen = _shown(
        _ask("I have gout. choose between colchicine or surgery, pros and cons?", [page])
    )
    assert "Surgery is rarely needed for gout, only for large deposits in a joint." in chosen
    alone = _shown(_ask("I have gout. is colchicine safe for it?", [page]))
    assert "Surgery is rarely needed for gout, only for large deposits in a joint." not in alone


def test_a_cancer_s_staging_is_no_limit_for_a_told_value() -> None:
    """ "In stage 4, the uric acid can be any level and the score is 8 or higher" says what a
    stage is: a told value is read against the limits a page gives, not a stage's."""
    doc = _page("gout-levels", "Gout", "information", "x")
    hit = Hit(document=doc, score=10.0, rank=1)
    evidence = rank([hit], 2026)[0]
    query = understand("my uric acid is 7.4, is that high", VOCABULARY)

    def cand(text: str) -> Candidate:
        sentence = Sentence(text, doc.id, None, None, 0)
        return Candidate(sentence, evidence, Facet.DIAGNOSIS, 1.0, stems(text))

    staged = cand("In stage 4, the uric acid can be any level and the score is 8 or higher.")
    limit = cand("A uric acid level of 6.8 or higher is high.")
    assert value_limits(query, [staged, limit]) == [limit]
    # when the value was measured names nothing: "at least 3 times a week" is no limit for
    # readings "over the last week"; the readings are of the topic
    averaged = understand("gout. my readings over the last week average 7.4, high?", VOCABULARY)
    weekly = cand("Walk at least 3 times a week.")
    in_gout = cand("In gout, a uric acid level of 6.8 or higher is high.")
    assert value_limits(averaged, [weekly, in_gout]) == [in_gout]
    # the same limit on two pages is one limit
    assert value_limits(averaged, [in_gout, weekly, in_gout]) == [in_gout]


def test_a_study_s_treatment_line_that_does_not_name_the_topic_is_no_treatment_for_a_patient() -> (
    None
):
    """A study the topic gate kept for gout, whose treatment sentence names only another
    condition ("effective for kidney stones"), treats that condition: a patient asking how gout
    is treated does not get it as a treatment; a study's sentence naming gout, or any sentence of
    a study whose title names gout, still answers."""
    other = _abstract(
        "9001",
        "Urate lowering in older men",
        ("CONCLUSIONS", "Allopurinol treatment is effective for kidney stones in older men."),
    )
    named = _abstract(
        "9002",
        "Urate lowering in older men",
        ("CONCLUSIONS", "Allopurinol treatment is effective for gout in older men."),
    )
    # a study whose title names gout speaks of gout in every line
    titled = _abstract(
        "9003",
        "Allopurinol for gout in older men",
        ("CONCLUSIONS", "Allopurinol treatment is effective in older men."),
    )
    docs = (other, named, titled)
    hits = [Hit(document=d, score=10.0, rank=i) for i, d in enumerate(docs, 1)]
    found = candidates(understand("how is gout treated", VOCABULARY), rank(hits, 2026), True)
    treating = {c.sentence.document_id for c in found if c.facet is Facet.TREATMENT}
    assert treating == {"pmid:9002", "pmid:9003"}


def test_a_yes_no_question_s_sections_keep_to_what_was_asked() -> None:
    """ "Is gout contagious?" asks one thing: no treatment section around the answer, which
    an open question about gout gets."""
    asked = _ask("Is gout contagious?", [GOUT])
    assert [s.title for s in asked.guideline_sections] == []
    opened = _ask("Tell me about gout", [GOUT])
    assert "Treatment Options" in [s.title for s in opened.guideline_sections]


def test_a_person_told_as_fine_asks_no_safety_question() -> None:
    """ "she is ok-ish by day" tells how someone is; "is it ok to …" asks whether one may."""
    told = "dad has gout; he is ok-ish at breakfast, yet why does the toe ache by night?"
    assert not safety_question(understand(told, VOCABULARY))
    assert not safety_question(
        understand("dad is ok most days, does gout come in waves?", VOCABULARY)
    )
    assert safety_question(understand("is it ok to take colchicine for gout", VOCABULARY))
    assert safety_question(understand("would that be ok with my gout?", VOCABULARY))


@pytest.mark.parametrize(
    ("text", "left"),
    [
        ("If you feel well, talk to your doctor about whether you need colchicine.", True),
        ("Ask your pharmacist whether the pills may be split.", True),
        ("Colchicine is needed for most gout attacks.", False),
        ("Talk to your doctor if the pain lasts more than two days.", False),
    ],
)
def test_a_statement_leaving_the_point_to_a_clinician_is_no_yes(text: str, left: bool) -> None:
    """ "talk to your doctor about whether X is needed" names what was asked but leaves it to
    the doctor: its bottom line says so, not yes."""
    assert left_to_a_clinician(text) is left


def test_what_a_statement_says_after_its_turn_decides_its_yes_or_no() -> None:
    """ "Gout is not catching, but the germ behind gouty sores can spread to others" says yes to
    whether it spreads."""
    said = (
        "Gout itself is not contagious, but the germ that infects gouty sores can spread "
        "from one person to another."
    )
    page = _page("gout-turn", "Gout", "information", *GOUT_SENTENCES[:2], said)
    line = _ask("is gout contagious to my dad?", [page]).bottom_line
    assert line is not None
    assert line.verdict == "The sources found suggest yes:"
    # a turn to something else asked keeps the no
    said = "You will probably not get gout attacks again, but the flare can return in adults."
    page = _page("gout-again", "Gout", "prognosis", *GOUT_SENTENCES[:2], said)
    line = _ask("can adults get gout attacks twice?", [page]).bottom_line
    assert line is not None
    assert line.verdict == "The sources found suggest no:"


def test_can_you_have_a_condition_asks_whether_it_happens_not_whether_one_may() -> None:
    """ "can you have gout without a fever" is no safety question, and a statement that only
    names a fever does not answer it yes."""
    page = _page(
        "gout-fever",
        "Gout",
        "symptoms",
        "Gout attacks can bring a fever and a red, hot, swollen joint.",
        "Gout is hereditary in some families, and a family history raises the risk.",
    )
    query = understand("can you have gout without a fever", VOCABULARY)
    assert not safety_question(query)
    assert safety_question(understand("can I have colchicine with gout", VOCABULARY))
    assert safety_question(
        understand("can you have gout and still take colchicine safely", VOCABULARY)
    )
    line = _ask("can you have gout without a fever", [page]).bottom_line
    assert line is None or ("warn" not in line.verdict and "suggest yes" not in line.verdict)


def test_a_topic_named_beside_the_one_asked_about_is_no_predicate() -> None:
    """ "do I need to rest before a gout blood test": the blood test is another topic named
    beside gout, so a statement naming a blood test does not answer the question."""
    page = _page(
        "gout-test",
        "Gout",
        "exams and tests",
        "A blood test can show a high level of uric acid in gout.",
    )
    line = _ask("do I need to rest before a gout blood test", [page]).bottom_line
    assert line is not None and "suggest" not in line.verdict


def test_the_readings_of_one_phrase_are_one_side_of_a_yes_no_question() -> None:
    """ "facial twitches" read as hemifacial spasm and as blepharospasm is one thing: a
    statement naming one reading and one predicate word ("pain", not "without") is no yes."""
    page = _page(
        "hfs-pain",
        "Hemifacial spasm",
        "symptoms",
        "Hemifacial spasm and blepharospasm twitches often come with pain in the face.",
    )
    line = _ask("do facial twitches happen without pain", [page]).bottom_line
    assert line is None or "suggest" not in line.verdict


def test_peeing_asked_is_urinating_stated() -> None:
    """ "does gout hurt when I pee" is answered by a statement saying it hurts when you
    urinate: the lay word and the clinical one are one predicate."""
    page = _page(
        "gout-urine",
        "Gout",
        "symptoms",
        "Gout can hurt when you urinate if uric acid stones form in the kidney.",
    )
    line = _ask("does gout hurt when I pee", [page]).bottom_line
    assert line is not None and line.verdict == "The sources found suggest yes:"


def test_either_or_about_one_condition_is_a_comparison_without_sides() -> None:
    """ "should I use ice or heat for gout" chooses between two remedies: no yes or no; and
    with one condition, there are no two conditions to compare."""
    assert question_type("should I use ice or heat for gout", ()) is QuestionType.COMPARISON
    line = _ask("should I use ice or heat for gout", [GOUT]).bottom_line
    assert line is not None and "compares" not in line.verdict


def test_a_dose_found_only_in_studies_is_not_said_to_be_missing() -> None:
    """A dose question answered by no patient page but by a study stating the dose it gave
    says where the doses shown come from, not that no source gives one."""
    study = _study(
        "cd",
        "Colchicine dosing for gout flares",
        "Colchicine 0.5 mg twice a day prevented gout flares in adults with gout.",
    )
    answer = _ask("how much colchicine should I take for gout", [study])
    line = answer.bottom_line
    shown = _shown(answer)
    assert any("0.5 mg twice a day" in text for text in shown)
    assert line is not None and "studies below report the doses" in line.verdict


def test_a_drug_and_the_condition_it_treats_are_no_two_sides() -> None:
    """ "what helps gout besides antiviral agents" asks for other treatments of gout: the
    answer never frames it as a comparison of the drugs and gout."""
    question = "what helps gout besides antiviral agents"
    assert question_type(question, ()) is QuestionType.COMPARISON
    page = _page(
        "gt",
        "Gout",
        "treatment",
        "Medicines that lower uric acid in the blood treat gout.",
        "Rest and ice help a joint during a gout attack.",
    )
    drugs = _page(
        "av",
        "Antiviral agents",
        "information",
        "Antiviral agents are medicines that treat infections with viruses.",
    )
    line = _ask(question, [page, drugs]).bottom_line
    assert line is not None and "compare" not in line.verdict


def test_what_another_condition_is_never_the_short_answer() -> None:
    """On the gout page, "Arthritis is a disease of the joints" says what arthritis is: for a
    question on gout's outlook it is no answer, even when nothing else is."""
    page = _page(
        "gout-outlook",
        "Gout",
        "outlook",
        "Arthritis is a long-term disease of the joints that can last for life.",
        "Most attacks go away within a week or two with treatment.",
    )
    line = _ask("how long does gout last", [page]).bottom_line
    assert line is not None and line.bullets
    assert line.bullets[0].text.startswith("Most attacks")


def test_a_body_part_or_procedure_gets_no_treatment_options() -> None:
    """The knee is not treated: a line on treatment found beside it answers no treatment
    question about the knee, and the answer has no treatment section."""
    page = _page(
        "knee",
        "Knee",
        "treatment",
        "The knee is the largest joint in the body.",
        "Treatment with ice and rest helps the knee after a long run.",
    )
    answer = _ask("what helps my knee", [page])
    assert "Treatment Options" not in [s.title for s in answer.guideline_sections]
    line = answer.bottom_line
    assert line is None or all("Treatment" not in b.text for b in line.bullets)


def test_feeling_ok_is_no_safety_question() -> None:
    """ "I feel ok" tells how one is; "is it ok to …" asks whether one may."""
    assert not safety_question(understand("i feel ok. how long does gout last", VOCABULARY))
    assert safety_question(understand("is it ok to take colchicine for gout", VOCABULARY))
    assert safety_question(understand("ok to drink alcohol with gout?", VOCABULARY))


def test_a_study_finding_gives_no_yes_or_no_to_a_patient() -> None:
    """ "will my gout come back" is not answered yes by one study's finding."""
    study = _study(
        "77", "Gout flares", "Gout flares came back within a year in most treated adults."
    )
    line = _ask("will my gout flares come back", [study]).bottom_line
    assert line is None or "suggest" not in line.verdict


def test_a_measured_value_is_judged_only_by_a_statement_giving_values() -> None:
    """ "My uric acid came back 7.2, is that gout?" asks what the value means: a statement that
    only says what the test is for is no yes; one that gives the threshold is shown as the
    limit it is, with no yes or no: its own yes is about the limit ("likely above 6.8"), which
    a value of 5.0 would not meet either."""
    question = "my uric acid came back 7.2, does that mean I have gout?"
    test_for = _page("ua", "Gout", "information", "Gout is found with a uric acid blood test.")
    answer = _ask(question, [test_for], detail=True)
    assert answer.bottom_line is not None
    assert "suggest yes" not in answer.bottom_line.verdict
    threshold = _page(
        "ua2", "Gout", "information", "Gout is likely with a uric acid level above 6.8 mg/dL."
    )
    for value in ("7.2", "5.0"):
        answer = _ask(question.replace("7.2", value), [threshold])
        assert answer.bottom_line is not None
        assert answer.bottom_line.verdict == VALUE_FRAME
        assert [b.text for b in answer.bottom_line.bullets] == [
            "Gout is likely with a uric acid level above 6.8 mg/dL."
        ]
    # a limit of something else than what was measured is none
    other = _page(
        "ua3", "Gout", "information", "Gout is treated when attacks come more than twice."
    )
    line = _ask(question, [threshold, other]).bottom_line
    assert line is not None and len(line.bullets) == 1


def test_a_body_part_told_after_the_question_is_not_what_it_asks() -> None:
    """ "Can gout pass to my son? It's in my knee." asks about gout passing on; the knee only
    says where it is, so the bottom line is not what the sources say about the knee. Asked in
    the question itself, it is."""
    page = _page("g", "Gout", "information", "Gout often starts in a big toe or a knee.")
    told = _ask("Can gout pass to my son? It is in my knee.", [page], detail=True)
    assert told.bottom_line is not None
    assert "about knee" not in told.bottom_line.verdict
    asked = _ask("Can gout affect the knee?", [page])
    assert asked.bottom_line is not None
    assert asked.bottom_line.bullets


def test_a_condition_added_with_if_is_not_what_a_yes_or_no_asks() -> None:
    """ "is impetigo contagious if the sores have crusted" asks whether it spreads: a page
    saying it spreads answers yes without repeating the sores."""
    page = _page(
        "imp", "Impetigo", "information", "Impetigo spreads easily from one person to another."
    )
    answer = _ask("is impetigo contagious if the sores have crusted over", [page])
    assert answer.bottom_line is not None
    assert answer.bottom_line.verdict.startswith("The sources found suggest yes")


def test_a_topic_written_in_two_words_is_named_by_either_spelling() -> None:
    """Read as "ringworm" after a correction, "ring worm" is still the asker's topic: a page
    sentence that writes it in two words names it."""
    from medcite.evidence.topic import GateResult
    from medcite.records import QueryConcept

    ringworm = QueryConcept(
        key="D9", name="Ringworm", matched="ringworm", via="medquad", names=("ringworm",)
    )
    query = understand("is ring worm contagious", VOCABULARY)
    query = query.model_copy(
        update={"concepts": (ringworm,), "corrections": {"ring worm": "ringworm"}}
    )
    page = _page(
        "rw",
        "Ringworm",
        "information",
        "Ringworm is a common infection of the skin.",
        "Ring worm spreads by touching the skin of a person who has it.",
    )
    evidence = rank([Hit(document=page, score=10.0, rank=1)], 2026)
    gate = GateResult(on_topic=evidence, off_topic=[], applied=True, exact=frozenset({page.id}))
    answer = compose(ComposeInput("t", query, 12, gate=gate), evidence)
    assert answer.bottom_line is not None
    assert answer.bottom_line.verdict.startswith("The sources found suggest yes")


def test_a_patients_bottom_line_quotes_a_guideline_page_before_a_study() -> None:
    """Asked by a patient, the short answer comes from a guideline page's statement on any
    facet asked before a study's finding on the first one."""
    page = _page(
        "gout-treat",
        "Gout",
        "treatment",
        "Gout attacks are treated with anti-inflammatory medicines taken for a few days.",
    )
    study = _study(
        "7", "Uric acid and gout in men", "High uric acid levels caused gout in most of the men."
    )
    answer = _ask("what causes gout and how is it treated", [study, page])
    assert answer.bottom_line is not None
    assert answer.bottom_line.bullets[0].text.startswith("Gout attacks are treated")


def test_a_question_of_which_of_two_things_it_is_gets_no_yes() -> None:
    """ "Is it A or B?" asks which; a statement naming both is shown, never as "yes"."""
    page = _page(
        "gout-causes",
        "Gout",
        "causes",
        "Gout can be hereditary, and a diet rich in meat also raises the risk of attacks.",
    )
    answer = _ask("My dad has gout in his toe. Is it hereditary or from his diet?", [page])
    line = answer.bottom_line
    assert line is not None
    assert line.verdict == "The sources found do not say which of the two it is; they say:"
    assert "hereditary" in line.bullets[0].text
    # asked as a yes or no, the same statement is a yes
    plain = _ask("My dad has gout in his toe. Is it hereditary and due to diet?", [page])
    assert plain.bottom_line is not None
    assert plain.bottom_line.verdict == "The sources found suggest yes:"


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("since my wife passed i cant sleep. is this grief or depression", True),
        ("is it broken or just a sprain?", True),
        ("is my son's rash eczema or an allergy?", True),
        ("could it be a cold or the flu", True),
        ("is it contagious or not?", False),
        ("is walking good for my knees?", False),
        ("can i take ibuprofen or paracetamol for this?", False),
    ],
)
def test_which_of_two_is_told_from_yes_no(question: str, expected: bool) -> None:
    from medcite.answer.bottom_line import either_or

    assert either_or(question) is expected


@pytest.mark.parametrize(
    ("page", "question", "verdict", "shown"),
    [
        # after falls, the first step is what keeps the next one from happening, not a line
        # that merely names medicines
        (
            (
                "Accidental falls",
                "information",
                "An accidental fall can change your life.",
                "Some medicines make people dizzy.",
                "Exercise and regular eye exams may help prevent an accidental fall.",
            ),
            "she had an accidental fall twice this month, what can we do",
            "What the sources found advise:",
            "Exercise and regular eye exams may help prevent an accidental fall.",
        ),
        # a step that cures another condition is for those who have that one
        (
            (
                "Gout",
                "information",
                "Gout is a form of arthritis with sudden attacks of joint pain.",
                "Treating the kidneys cures cystinosis and prevents gout attacks.",
                "Drinking plenty of water may help prevent gout attacks.",
            ),
            "gout attack last spring, how can we stop them recurring again?",
            "What the sources found advise:",
            "Drinking plenty of water may help prevent gout attacks.",
        ),
        # whether it must be taken out is answered by whether treatment is needed
        (
            (
                "Gout",
                "treatment",
                "Anesthesia is not needed for a scan of the joint.",
                "If gout is not causing symptoms, treatment is usually not needed.",
            ),
            "a scan showed gout in my toe but no pain. does it need taking out?",
            "The sources found suggest no:",
            "If gout is not causing symptoms, treatment is usually not needed.",
        ),
    ],
)
def test_the_bottom_line_answers_what_the_words_ask(
    page: tuple[str, ...], question: str, verdict: str, shown: str
) -> None:
    answer = _ask(question, [_page("p", *page)])
    line = answer.bottom_line
    assert line is not None
    assert line.verdict == verdict
    assert [b.text for b in line.bullets] == [shown]


@pytest.mark.parametrize(
    ("matched", "question", "said"),
    [
        ("ach", "my knee aches going down stairs", "aches"),
        ("burp", "why am i burping so much", "burping"),
        ("pain neck", "pain from my neck to my arm", "neck pain"),
    ],
)
def test_a_concept_is_named_in_the_askers_own_word(matched: str, question: str, said: str) -> None:
    """A matched stem ("ach") is named by the word the asker typed, never by the stem."""
    from medcite.answer.bottom_line import _as_said
    from medcite.records import QueryConcept

    concept = QueryConcept(key="D1", name="Neck Pain", matched=matched, via="mesh")
    assert _as_said(concept, question) == said


def test_a_name_said_inside_a_longer_lay_phrase_is_the_name_alone() -> None:
    """ "quit smoking" names smoking (and smoking cessation): "what they say about smoking",
    not "about quit smoking"."""
    from medcite.answer.bottom_line import _as_said
    from medcite.records import QueryConcept

    concept = QueryConcept(key="D2", name="Smoking", matched="quit smoking", via="lay term")
    assert _as_said(concept, "I quit smoking last year, will my cough go") == "smoking"


def test_a_study_stating_no_amount_is_no_short_answer_to_how_long() -> None:
    """A patient asking how long gives no bottom line from a study that states no length of
    time ("uric acid might predict how gout progresses"); a study stating one may still be it,
    and a question on what predicts gout is answered by the first."""
    vague = _study("7", "Uric acid in gout", "Uric acid might predict how gout progresses.")
    timed = _study(
        "8", "Gout over time", "Untreated gout progresses to chronic gout over 10 years."
    )
    page = _page(
        "g1",
        "Gout",
        "information",
        "Gout is a kind of arthritis.",
        "Gout is treated with medicines.",
    )
    line = _ask("how long can someone live with gout", [page, vague], detail=True).bottom_line
    assert line is not None and not line.bullets
    line = _ask("how long can someone live with gout", [page, timed]).bottom_line
    assert line is not None and [b.text for b in line.bullets] == [
        "Untreated gout progresses to chronic gout over 10 years."
    ]


def test_a_told_value_is_answered_by_the_limits_of_what_was_measured() -> None:
    """ "my uric acid went from 6.8 to 7.9 even tho im taking colchicine, what does that mean"
    is about the uric acid result: the page's limits for uric acid are the short answer, not
    what the page says gout is, nor a limit of something else (a time, a share of weight)."""
    page = _page(
        "ua",
        "Gout",
        "information",
        "Gout is a kind of arthritis.",
        "A normal uric acid level is below 6.8 mg/dL.",
        "Losing at least 5 to 10 percent of your weight can help gout.",
        "Gout attacks last more than 3 days.",
    )
    line = _ask(
        "my uric acid went from 6.8 to 7.9 even tho im taking colchicine for my gout, what "
        "does that mean",
        [page],
    ).bottom_line
    assert line is not None and line.verdict == "In short:"
    shown = [b.text for b in line.bullets]
    assert len(shown) == 1 and shown[0].startswith("A normal uric acid level is below 6.8 mg/dL.")


def test_a_told_count_is_answered_by_the_reference_range_its_page_gives() -> None:
    """ "my white blood cell count came back as 3900": the page's normal range is the short
    answer, though its thousands make it mostly digits (a reference range is no run of
    statistics); a line of bare statistics still is one, and is never shown."""
    page = _page(
        "wbc",
        "Leukocyte Count",
        "information",
        "A white blood cell count measures the white cells in blood.",
        "A normal white blood cell count ranges from 4,500 to 11,000 cells per microliter.",
        "In 2,010 of 10,400 people, 1,990 had 3,500 to 4,100 cells.",
    )
    asked = "my white blood cell count came back as 3900, what does that mean"
    line = _ask(asked, [page]).bottom_line
    assert line is not None and line.verdict == "In short:"
    assert [b.text for b in line.bullets] == [
        "A normal white blood cell count ranges from 4,500 to 11,000 cells per microliter."
    ]
    shown = _ask(asked, [page], detail=True)
    assert not any("1,990" in b.text for b in verify.all_bullets(shown))


def test_a_length_of_time_in_words_answers_how_long() -> None:
    """ "Recovery takes a few weeks to several months" states how long as much as "2 to 3
    weeks" does: it is the short answer to "how long does recovery take"."""
    page = _page(
        "g1",
        "Gout",
        "information",
        "Gout can be a painful disorder because of its sudden onset.",
        "Recovery from a gout attack takes a few days to several weeks.",
        "Gout is treated with medicines.",
    )
    line = _ask("how long does recovery from a gout attack take", [page]).bottom_line
    assert line is not None and line.verdict == "In short:"
    assert [b.text for b in line.bullets] == [
        "Recovery from a gout attack takes a few days to several weeks."
    ]


def test_a_yes_or_no_is_asked_of_what_its_own_clause_names() -> None:
    """In "I had the flu last week. is gout contagious and when can I go back to work" the flu
    is the story and the work question another: "Gout cannot be passed from one person to
    another" answers it, though it names no flu and no work."""
    page = _page(
        "g1",
        "Gout",
        "information",
        "Gout is a kind of arthritis.",
        "Gout cannot be passed from one person to another.",
    )
    question = "I had the flu last week. is gout contagious and when can I go back to work"
    line = _ask(question, [page]).bottom_line
    assert line is not None and line.verdict == "The sources found suggest no:"


def test_whether_someone_has_a_condition_gets_no_yes_from_its_description() -> None:
    """ "could this be gout" is not answered yes by what gout is like: the statements are shown
    framed as what the sources say, not as a verdict."""
    page = _page(
        "g1",
        "Gout",
        "information",
        "Gout is a kind of arthritis.",
        "Gout causes a red, hot and swollen big toe joint.",
        "Gout is treated with medicines.",
    )
    line = _ask("do i have gout in my swollen big toe joint?", [page]).bottom_line
    assert line is not None and line.verdict == WHETHER_FRAME
    assert asks_whether_one_has("my big toe is red hot and swollen, could this be gout")
    assert asks_whether_one_has("am i diabetic")
    assert not asks_whether_one_has("is gout contagious")
    assert not asks_whether_one_has("could this be contagious to my kids? i have gout")
    assert asks_whether_one_has("the scan showed a shadow, does that mean cancer")
    assert not asks_whether_one_has("the x-ray showed a tear, does this mean I need surgery")
    # a name asked after a story; not a quality of it
    assert asks_whether_one_has("sore swollen toe every few months, is that gout?")
    assert not asks_whether_one_has("sore swollen toe every few months, is that normal?")
    assert not asks_whether_one_has("my son has gout, is it contagious")
    # whether a rule told is right, not a name
    assert not asks_whether_one_has("the school says he must stay home a week, is that right?")
    assert not asks_whether_one_has("they want him on tablets first, is that correct")


def test_whether_a_story_is_the_condition_is_answered_by_a_statement_of_one_sign() -> None:
    """ "… is that gout?" after a story of one sign the page names: the page's statement of it,
    framed as what the sources say (one word of the story told is enough, no verdict rests on
    it)."""
    page = _page(
        "g2",
        "Gout",
        "information",
        "Gout is a kind of arthritis.",
        "Attacks of gout often start at night.",
        "Gout is treated with medicines.",
    )
    line = _ask("woke at night with a toe so sore i cant walk, is that gout?", [page]).bottom_line
    assert line is not None and line.verdict == WHETHER_FRAME
    assert "night" in line.bullets[0].text


def test_two_conditions_with_statements_on_one_say_which_is_left_out() -> None:
    from medcite.evidence.topic import TopicJudge, gate

    gout = _page(
        "g",
        "Gout",
        "information",
        "Gout is a form of arthritis that causes sudden joint pain.",
        "Gout attacks often start in the big toe.",
        "Doctors treat gout attacks with medicines that reduce pain and swelling.",
    )
    query = understand("gout or cough? my big toe hurts", VOCABULARY)
    hits = [Hit(document=gout, score=10.0, rank=1)]
    result = gate(query, rank(hits, 2026), TopicJudge(VOCABULARY))
    answer = compose(ComposeInput("t", query, 12, gate=result), result.on_topic)
    assert answer.bottom_line is not None
    assert answer.bottom_line.verdict.startswith(
        "None of the statements found is about cough; what the sources say about gout follows."
    )


def test_pregnancy_statements_do_not_answer_for_a_son() -> None:
    page = _page(
        "gout1",
        "Gout",
        "information",
        "Gout is a kind of arthritis.",
        "A blood test during pregnancy can tell if you have gout.",
        "A blood test can show high uric acid.",
        "Pregnant women with gout should avoid some medicines.",
    )
    for_her = " ".join(_shown(_ask("my wife has gout, what test shows it", [page])))
    assert "during pregnancy" in for_her
    for_him = " ".join(_shown(_ask("my son has gout, what test shows it", [page])))
    assert "during pregnancy" not in for_him
    assert "high uric acid" in for_him


@pytest.mark.parametrize(
    ("question", "will", "has"),
    [
        ("My father has gout. Does this mean I will get it?", True, True),
        ("my sister was told she has it, will my kids get it too", True, True),
        ("am I going to develop it as well", True, True),
        ("I'm scared it is impetigo. Do I?", False, True),
        ("will I get the flu from the flu shot", False, False),  # its statements may say no
        ("Do I need to fast before the test?", False, False),
    ],
)
def test_whether_one_will_get_or_has_a_condition(question: str, will: bool, has: bool) -> None:
    """Whether someone will get a condition named before, or the bare "Do I?" after a fear,
    asks what no statement answers yes or no to: the bottom line frames what the pages say
    instead of reading a "cannot" in one of them as a no."""
    from medcite.answer.bottom_line import asks_whether_one_has, asks_whether_one_will

    assert asks_whether_one_will(question) is will
    assert asks_whether_one_has(question) is has


def test_the_bottom_line_comes_from_the_page_under_the_topic_s_own_name() -> None:
    """Of two pages on one topic, the page under its own name ("Hepatitis B") gives the
    bottom line before a page under another of its names ("Serum hepatitis"), ranked first."""
    other = _page(
        "sh1",
        "Serum hepatitis",
        "information",
        "Serum hepatitis is a liver infection spread by blood and body fluids.",
    )
    own = _page(
        "hb1",
        "Hepatitis B",
        "information",
        "Hepatitis B is a liver infection caused by the hepatitis B virus.",
    )
    query = understand("what is hepatitis b?", VOCABULARY)
    (topic,) = query.primary_topics
    named = topic.model_copy(update={"names": ("hepatitis b", "serum hepatitis")})
    query = query.model_copy(update={"concepts": (named,)})
    hits = [Hit(document=d, score=10.0 - i, rank=i + 1) for i, d in enumerate([other, own])]
    line = compose(ComposeInput("t", query, 12), rank(hits, 2026)).bottom_line
    assert line is not None and line.bullets
    assert "hepatitis B virus" in line.bullets[0].text


@pytest.mark.parametrize(
    ("text", "female_only"),
    [
        ("In women, gout often starts after the menopause.", True),
        ("Gout in women mostly follows the menopause.", True),
        ("Gout is common in both men and women.", False),
        ("Causes include: beer; red meat; water tablets in women.", False),  # a list
        ("Gout can run in families and is more common later in life in women.", False),
    ],
)
def test_a_statement_said_only_of_one_sex(text: str, female_only: bool) -> None:
    from medcite.answer.extract import said_only_of

    assert said_only_of(text, "female") is female_only


def test_statements_said_only_of_the_other_sex_do_not_answer_an_asker_who_tells_hers() -> None:
    page = _page(
        "gout2",
        "Gout",
        "causes",
        "In men, gout is often caused by drinking beer.",
        "In women, gout is mostly caused by water tablets after the menopause.",
        "In both men and women, gout is caused by uric acid crystals.",
    )
    for_her = " ".join(_shown(_ask("I'm a 58 year old woman, what causes gout", [page])))
    assert "drinking beer" not in for_her
    assert "water tablets" in for_her
    assert "uric acid crystals" in for_her
    for_him = " ".join(_shown(_ask("61m, what causes gout", [page])))
    assert "drinking beer" in for_him
    assert "water tablets" not in for_him
    untold = " ".join(_shown(_ask("my dad has gout, what causes it", [page])))
    assert "drinking beer" in untold and "water tablets" in untold


@pytest.mark.parametrize(
    ("question", "sex"),
    [
        ("I'm a 40 year old woman with sore knees", "female"),
        ("34F, heavy periods for months", "female"),
        ("my hair is thinning since having my baby", "female"),
        ("I'm a man of 50 and my feet hurt", "male"),
        ("52m, my prostate check came back odd", "male"),
        ("my mum has gout, will I get it", None),  # a relative's sex is not the asker's
        ("I'm a dad, my daughter has a rash", None),  # both told
        ("I'm 34, heavy periods and always tired", None),  # "I'm 34" is no "m 34"
        ("night sweats, last period was a year ago, is this menopause", "female"),
    ],
)
def test_the_sex_an_asker_tells(question: str, sex: str | None) -> None:
    from medcite.query.groups import asker_sex

    assert asker_sex(question) == sex


@pytest.mark.parametrize(
    ("question", "excluded"),
    [
        ("my son has chickenpox, is he contagious", True),
        ("my 6 year old has a rash", True),
        ("32m, heart skips a beat at night", True),
        ("my husband has shingles, should I worry", False),  # the reader may be pregnant
        ("my nephew has fragile x. I'm a woman planning to start a family", False),
        ("my son has a cold and I'm 20 weeks pregnant", False),
        ("had 3 miscarriages, my dad says it runs in the family", False),
        ("will my inhaler hurt my unborn baby", False),
    ],
)
def test_who_cannot_be_pregnant(question: str, excluded: bool) -> None:
    from medcite.query.groups import pregnancy_excluded

    assert pregnancy_excluded(question) is excluded


@pytest.mark.parametrize(
    ("question", "course"),
    [
        ("how long should I take amoxicillin for strep", True),
        ("how long do i stay on prednisone after a flare", True),
        ("how long does it take for ibuprofen to work", False),
        ("how long does cipro take to kick in", False),
    ],
)
def test_how_long_to_take_a_medicine_asks_the_course(question: str, course: bool) -> None:
    from medcite.answer.bottom_line import ASKS_HOW_LONG_TO_TAKE

    assert bool(ASKS_HOW_LONG_TO_TAKE.search(question)) is course


@pytest.mark.parametrize(
    ("text", "course"),
    [
        ("Most bladder infections clear with 3 days of antibiotic treatment.", True),
        ("The medicine is usually given for at least 7 to 10 days.", True),
        ("A urine culture takes 48 hours to grow.", False),
        ("Symptoms often improve within 2 days.", False),
    ],
)
def test_a_course_length_is_the_time_a_treatment_is_taken(text: str, course: bool) -> None:
    from medcite.answer.bottom_line import COURSE_LENGTH

    assert bool(COURSE_LENGTH.search(text)) is course


def test_two_questions_asked_as_alternatives_get_no_yes_or_no() -> None:
    """ "will X fix it or do I need Y": a "yes" would not say to which."""
    page = _page("g1", "Gout", "treatment", "Gout attacks need anti-inflammatory medicines.")
    answer = _ask("will cherry juice fix my gout or do i need medicines", [page])
    verdict = answer.bottom_line.verdict if answer.bottom_line else ""
    assert "suggest" not in verdict
    assert answer.bottom_line is not None


def test_cancer_feared_of_something_told_is_not_answered_from_pages_on_any_cancer() -> None:
    """ "a lump below my knee, is it neoplasms?": a page on cancer in general cannot say whether
    this lump is one; medcite abstains and says a doctor who examines it can tell. A question
    about cancer itself is still answered from the page."""
    page = _page(
        "cancer-gen",
        "neoplasms",
        "information",
        "Neoplasms are growths of cells that divide without control.",
        "Treatment of neoplasms depends on their type and stage.",
    )
    feared = _ask("sore lump just below my knee, could it be neoplasms?", [page])
    assert not _shown(feared) and feared.bottom_line is None
    assert feared.abstained
    assert "cannot be told from pages on cancer in general" in (feared.abstain_reason or "")
    asked = _ask("what are neoplasms", [page])
    assert _shown(asked)


def test_a_named_grave_condition_feared_of_what_is_told_is_not_answered_from_its_pages() -> None:
    """ "my knee twitches, could it be nerve wither disease?": its page describes the disease,
    which cannot say whether this is it and reads as confirming the fear; medcite says a doctor
    who examines it can tell. Feared beside a sign, the sign's page answers under that
    framing. A question about the disease itself is still answered from its page."""
    grave = _page(
        "nwd",
        "nerve wither disease",
        "symptoms",
        "Nerve wither disease causes weakness that slowly spreads.",
        "Nerve wither disease has no cure.",
    )
    fever = _page(
        "fever-told",
        "fever",
        "information",
        "A fever is a body temperature that is higher than normal.",
        "See your doctor if a fever lasts more than three days.",
    )
    feared = _ask("my knee feels odd, could it be nerve wither disease?", [grave])
    assert feared.abstained and not _shown(feared)
    assert "Whether what you describe is nerve wither disease cannot be told" in (
        feared.abstain_reason or ""
    )
    told = _ask("I keep getting a fever and I read it can be nerve wither disease", [grave, fever])
    assert told.bottom_line is not None
    assert told.bottom_line.verdict.startswith("Whether this is nerve wither disease cannot")
    assert not any("Nerve wither" in b.text for b in told.bottom_line.bullets)
    asked = _ask("what are the symptoms of nerve wither disease", [grave])
    assert any("slowly spreads" in text for text in _shown(asked))
    worried = _ask(
        "fever for a week and I'm freaking out about nerve wither disease", [grave, fever]
    )
    assert worried.bottom_line is not None
    assert worried.bottom_line.verdict.startswith("Whether this is nerve wither disease")
    # a diagnosis the doctor suggests, which the asker asks to have explained, is the topic
    explained = _ask(
        "the doctor said my fever could be nerve wither disease. what is that?", [grave, fever]
    )
    assert any("Nerve wither" in text for text in _shown(explained))


def test_how_much_of_a_substance_is_answered_by_what_it_depends_on() -> None:
    """ "How much water should I drink a day" has no dose: a page saying how much a day, or
    what the amount depends on, is the short answer, not an abstention."""
    page = _page(
        "w1",
        "Water",
        "information",
        "We all need to drink water to stay alive.",
        "Water makes up more than half of the weight of an adult body.",
        "How much you need depends on your size, how active you are and the weather.",
    )
    line = _ask("how much water should I drink a day", [page]).bottom_line
    assert line is not None and line.verdict == "In short:"
    assert [b.text for b in line.bullets] == [
        "How much you need depends on your size, how active you are and the weather."
    ]


def test_an_amount_answers_only_when_it_is_of_the_thing_asked() -> None:
    """ "How much walking with gout": the page's limit on drinks is an amount too, but of
    something else; the one on walking answers."""
    page = _page(
        "g1",
        "Gout",
        "information",
        "Gout is a kind of arthritis that causes sudden pain in a joint.",
        "People with gout should have no more than two drinks of alcohol a day.",
        "Walking for at least 30 minutes a day keeps joints moving in people with gout.",
    )
    line = _ask("how much walking should I do with gout", [page]).bottom_line
    assert line is not None and line.verdict == "In short:"
    assert [b.text for b in line.bullets] == [
        "Walking for at least 30 minutes a day keeps joints moving in people with gout."
    ]


@pytest.mark.parametrize(
    ("kind", "unit", "sentence", "states"),
    [
        ("many", "hours", "Adults should get at least 7 to 8 hours of sleep.", True),
        # "how many hours" is not answered by minutes
        ("many", "hours", "Sitting in traffic for a few minutes makes you sleepy.", False),
        ("many", "hours", "Sleep stages repeat in a pattern of 4 cycles each night.", False),
        ("much", "", "Moderate drinking is no more than seven drinks per week.", True),
        # how often is no amount
        ("much", "", "You may need to check your blood sugar several times each day.", False),
        ("much", "", "Foods with 20 percent or more Daily Value of sodium are high.", False),
        ("often", "", "People at risk should have an eye exam every two years.", True),
        ("much", "", "The amount you need varies with age and activity.", True),
    ],
)
def test_the_amount_each_how_question_asks(
    kind: str, unit: str, sentence: str, states: bool
) -> None:
    assert bool(amount_pattern(kind, unit).search(sentence)) is states


def test_an_amount_said_of_everyone_is_not_the_amount_for_a_baby_or_in_pregnancy() -> None:
    """ "How much water for my 9 month old": what an adult's need depends on is not said of a
    baby; the page's line about babies is the answer, and without one there is none."""
    lines = (
        "We all need to drink water to stay alive.",
        "Water makes up more than half of the weight of an adult body.",
        "How much you need depends on your size, how active you are and the weather.",
    )
    babies = "Babies over 6 months can have a few sips of water a day with meals."
    asked = "my baby is 9 months old, how much water can she have a day"
    alone = _ask(asked, [_page("w1", "Water", "information", *lines)]).bottom_line
    assert alone is None or not alone.bullets
    line = _ask(asked, [_page("w1", "Water", "information", *lines, babies)]).bottom_line
    assert line is not None and [b.text for b in line.bullets] == [babies]


def test_a_negated_claim_asked_is_answered_by_a_statement_that_denies_it() -> None:
    """ "Is it true vitamin D doesn't work for gout?": a page saying it does not help answers
    yes; the claim itself, not whether vitamin D works, is what was asked."""
    page = _page(
        "v1",
        "Vitamin D",
        "information",
        "Vitamin D is a vitamin found in a few foods and made in sunlit skin.",
        "Taking vitamin D does not help gout.",
    )
    line = _ask("is it true vitamin d doesnt work for gout", [page]).bottom_line
    assert line is not None and line.verdict == "The sources found suggest yes:"
    line = _ask("does vitamin d work for gout", [page]).bottom_line
    assert line is not None and line.verdict == "The sources found suggest no:"


def test_whether_it_comes_twice_is_answered_by_a_statement_of_it_coming_again() -> None:
    page = _page(
        "g1",
        "Gout",
        "information",
        "Gout is a kind of arthritis that causes sudden pain in a joint.",
        "Adults who have had one attack of gout often get it again within a few years.",
    )
    line = _ask("can adults get gout twice", [page]).bottom_line
    assert line is not None and line.verdict == "The sources found suggest yes:"


def test_coming_again_answers_only_a_question_whether_it_comes_again() -> None:
    """ "You probably will not get gout again" says whether gout recurs; it does not say how long
    until one can go back to school."""
    page = _page(
        "g1",
        "Gout",
        "information",
        "Gout is a kind of arthritis that causes sudden pain in a joint.",
        "Gout lasts 3 to 10 days.",
        "You probably will not get gout again once it is treated.",
    )
    line = _ask("gout how long until he can go back to school", [page]).bottom_line
    assert line is None or not line.bullets or "again" not in line.bullets[0].text


def test_an_amount_in_another_measure_is_no_answer() -> None:
    """ "How many units of alcohol a week": a limit counted in drinks is another measure (a US
    drink is not a UK unit); one counted in units answers."""
    drinks = "Moderate drinking is no more than seven drinks of alcohol per week."
    units = "Drinking no more than 14 units of alcohol a week keeps the risk low."
    opening = ("Alcohol is a drug found in beer, wine and spirits.", "Many adults drink alcohol.")
    asked = "how many units of alcohol a week is safe"
    line = _ask(asked, [_page("a1", "Alcohol", "information", *opening, drinks)]).bottom_line
    assert line is None or drinks not in [b.text for b in line.bullets]
    line = _ask(asked, [_page("a1", "Alcohol", "information", *opening, drinks, units)]).bottom_line
    assert line is not None and [b.text for b in line.bullets] == [units]


def test_whether_to_stop_a_drug_is_answered_by_how_to_stop_its_class() -> None:
    """Asked whether to stop a drug, its class page's line on how to stop leads the bottom
    line, though it names the class, not the drug."""
    from medcite.answer.bottom_line import STOPPING_FRAME, bottom_line
    from medcite.answer.extract import Candidate
    from medcite.answer.segment import Sentence
    from medcite.records import Evidence, EvidenceLevel, Facet

    text = "You should stop gout medicines gradually, with your doctor."
    page = _page("gout-medicines", "Gout medicines", "treatment", text)
    evidence = Evidence(
        hit=Hit(document=page, score=1.0, rank=1), level=EvidenceLevel.GUIDELINE, score=1.0
    )
    how = Candidate(
        Sentence(text, page.id, None, None, 0), evidence, Facet.TREATMENT, 1.0, stems(text)
    )
    query = understand("can i just stop my colchicine", VOCABULARY)
    pick = bottom_line(query, [how], "colchicine")
    assert pick is not None and pick.verdict == STOPPING_FRAME
    assert pick.chosen == (how,)


def test_what_a_condition_is_or_who_gets_it_is_no_warning() -> None:
    """Asked whether something is safe, the harm words of a definition, of who is at risk of
    the condition or of its course are the illness's: no warning is claimed from them."""
    from medcite.answer.bottom_line import WARN_FRAME, bottom_line
    from medcite.answer.extract import Candidate
    from medcite.answer.segment import Sentence
    from medcite.records import Evidence, EvidenceLevel, Facet

    def candidate(text: str, facet: Facet, position: int) -> Candidate:
        page = _page(f"gout-{position}", "Gout", "information", text)
        evidence = Evidence(
            hit=Hit(document=page, score=1.0, rank=1), level=EvidenceLevel.GUIDELINE, score=1.0
        )
        sentence = Sentence(text, page.id, None, None, position)
        return Candidate(sentence, evidence, facet, 1.0, stems(text))

    query = understand("is it safe to take colchicine for my gout", VOCABULARY)
    illness = [
        candidate(
            "Gout is a painful disease in which colchicine-free joints get damaged.",
            Facet.OVERVIEW,
            0,
        ),
        candidate("People at risk for developing gout rarely take colchicine.", Facet.OVERVIEW, 1),
        candidate(
            "Untreated gout can lead to complications despite colchicine.", Facet.PROGNOSIS, 2
        ),
        # one choice bringing fewer harms than another warns of nothing
        candidate(
            "You may have fewer side effects with colchicine than with other gout medicines.",
            Facet.SIDE_EFFECTS,
            4,
        ),
    ]
    pick = bottom_line(query, illness, "colchicine")
    assert pick is not None and pick.verdict != WARN_FRAME
    harm = candidate(
        "Colchicine can cause serious harm in people with gout and kidney disease.",
        Facet.WARNINGS,
        3,
    )
    pick = bottom_line(query, [*illness, harm], "colchicine")
    assert pick is not None and pick.verdict == WARN_FRAME and pick.chosen == (harm,)


@pytest.mark.parametrize(
    ("question", "verdict"),
    [
        ("Can gout be cured?", "The sources found suggest no:"),
        ("is gout curable", "The sources found suggest no:"),
        ("Is there a cure for gout?", "The sources found suggest no:"),
    ],
)
def test_whether_a_condition_can_be_cured_is_answered_by_its_cure_statement(
    question: str, verdict: str
) -> None:
    """The focus keeps no trace of "cured" (a word of the treatment facet); the statement that
    there is no cure answers, not a statement that merely names the topic."""
    page = _page(
        "gout-outlook",
        "Gout",
        "outlook",
        "Gout is a common kind of arthritis in older adults.",
        "There is no cure for gout, but medicines can control the attacks.",
    )
    line = _ask(question, [page]).bottom_line
    assert line is not None and line.verdict == verdict
    assert [b.text for b in line.bullets] == [
        "There is no cure for gout, but medicines can control the attacks."
    ]


def test_a_told_value_is_not_answered_with_limits_when_heredity_is_asked() -> None:
    """ "Does gout run in families? My uric acid is 9.": a limit says nothing of heredity, so
    it is no bottom line for it."""
    page = _page(
        "gout-genes",
        "Gout",
        "information",
        "A uric acid level above 6.8 is too high for people with gout.",
        "Gout often runs in families.",
    )
    line = _ask("Does gout run in families? My uric acid is 9.", [page], detail=True).bottom_line
    assert line is not None and line.verdict != VALUE_FRAME
    assert "A uric acid level above 6.8 is too high for people with gout." not in [
        b.text for b in line.bullets
    ]


def test_the_bottom_line_names_what_the_asking_sentence_names_beside_the_drug(
    handmade_vocabulary: Vocabulary,
) -> None:
    """ "does coffee stop colchicine working?": a statement on coffee and colchicine answers
    it before a better-scored one on colchicine and another drug."""
    from medcite.answer.bottom_line import bottom_line
    from medcite.answer.segment import Sentence
    from medcite.records import Evidence, EvidenceLevel

    def candidate(text: str, score: float, position: int) -> Candidate:
        page = _page(f"colchicine-{position}", "Colchicine", "treatment", text)
        evidence = Evidence(
            hit=Hit(document=page, score=score, rank=1), level=EvidenceLevel.GUIDELINE, score=1.0
        )
        sentence = Sentence(text, page.id, None, None, position)
        return Candidate(sentence, evidence, Facet.TREATMENT, score, stems(text))

    other = candidate("Naproxen works less well than colchicine for gout flares.", 2.0, 0)
    asked = candidate("A lot of coffee may make colchicine work less well.", 1.0, 1)
    query = understand("does coffee stop colchicine working? my gout is bad", handmade_vocabulary)
    pick = bottom_line(query, [other, asked], "colchicine")
    assert pick is not None and pick.chosen == (asked,)


def test_a_told_value_is_answered_by_a_limit_of_that_value_only() -> None:
    """ "uric acid 7.4": "High uric acid can harm the kidneys, so keep your blood pressure
    below 130/80" names uric acid but gives a limit of blood pressure; "A uric acid level of
    6.8 or higher is high" gives one of uric acid."""
    doc = _page("gout-limits", "Gout", "information", "x")
    evidence = rank([Hit(document=doc, score=10.0, rank=1)], 2026)[0]
    query = understand("my uric acid is 7.4, is that high", VOCABULARY)

    def cand(text: str) -> Candidate:
        sentence = Sentence(text, doc.id, None, None, 0)
        return Candidate(sentence, evidence, Facet.DIAGNOSIS, 1.0, stems(text))

    pressure = cand(
        "High uric acid can harm the kidneys, so keep your blood pressure below 130/80 as well."
    )
    limit = cand("A uric acid level of 6.8 or higher is high.")
    assert value_limits(query, [pressure, limit]) == [limit]


def test_whether_it_is_safe_to_visit_someone_with_an_infection_asks_how_it_spreads(
    handmade_vocabulary: Vocabulary,
) -> None:
    """ "Is it safe for me to visit" someone with a cold asks whether it passes on: a statement
    of how it spreads answers, not the page's general harms."""
    page = _page(
        "cold",
        "Common Cold",
        "information",
        "A cold can be serious for people with asthma.",
        "The common cold spreads through droplets when someone with a cold sneezes or coughs.",
    )
    answer = _composed(
        "my grandson has a cold and I'm 80. is it safe for me to visit him?",
        page,
        handmade_vocabulary,
    )
    assert answer.bottom_line is not None
    said = " ".join(b.text for b in answer.bottom_line.bullets)
    assert "spreads through droplets" in said


def test_is_it_just_the_harmless_thing_is_answered_by_how_to_tell_them_apart(
    handmade_vocabulary: Vocabulary,
) -> None:
    """ "Is it just a cold?" takes no yes or no: the statement of how long a cold lasts, framed
    as how to tell it from something more serious."""
    from medcite.answer.bottom_line import TELL_APART_FRAME

    page = _page(
        "cold2",
        "Common Cold",
        "information",
        "Colds are caused by viruses and spread in droplets.",
        "A cold usually goes away on its own within a week or ten days.",
    )
    answer = _composed(
        "my son has been poorly since monday, is it just a cold?", page, handmade_vocabulary
    )
    assert answer.bottom_line is not None
    assert answer.bottom_line.verdict.startswith(TELL_APART_FRAME)
    said = " ".join(b.text for b in answer.bottom_line.bullets)
    assert "goes away on its own within a week" in said


def test_a_story_ending_is_this_just_the_harmless_thing_gets_no_description_as_its_answer(
    handmade_vocabulary: Vocabulary,
) -> None:
    """ "…, is this just a cold" with no statement on how to tell: what a cold is ("Colds are
    very common in winter") would read as a yes, so the bottom line says the sources do not
    answer, and the page follows."""
    page = _page(
        "cold3",
        "Common Cold",
        "information",
        "Colds are very common in winter.",
        "Colds are caused by viruses.",
    )
    answer = _composed(
        "my son has had a cold since monday and sleeps a lot, is this just a cold",
        page,
        handmade_vocabulary,
        detail=True,
    )
    assert answer.bottom_line is not None
    assert answer.bottom_line.verdict.startswith("The sources found do not answer this directly")
    assert not answer.bottom_line.bullets


def _composed(
    question: str, page: Document, vocabulary: Vocabulary, detail: bool = False
) -> Answer:
    """The answer to ``question`` from ``page`` alone, read with ``vocabulary``."""
    query = understand(question, vocabulary)
    return compose(
        ComposeInput("t", query, 12, detail=detail),
        rank([Hit(document=page, score=10.0, rank=1)], 2026),
    )


def test_whether_something_is_normal_at_an_age_needs_a_statement_naming_ages() -> None:
    """ "Is it normal for a 7 year old to have gout flares in the big toe?" asks about that age:
    a statement of where flares start says nothing of it and gives no yes."""
    question = "is it normal for a 7 year old to have gout flares in the big toe?"
    where = _page("g1", "Gout", "information", "Gout flares usually start in the big toe.")
    answer = _ask(question, [where])
    assert answer.bottom_line is None or "suggest yes" not in answer.bottom_line.verdict
    assert (
        "suggest yes" in _ask("are gout flares normal in the big toe?", [where]).bottom_line.verdict
    )


def test_a_person_told_before_a_yes_no_question_is_not_what_it_asks_about() -> None:
    """ "My husband has had gout for years. Is it normal …": the husband is who has it, never
    the thing asked about, even though MeSH files spouses under family relations too."""
    page = _page(
        "gout-spouse",
        "Gout",
        "information",
        "Gout attacks bring sudden pain and swelling in one joint.",
        "A husband or wife often notices the attacks first, at night.",
    )
    answer = _ask(
        "My husband has had gout for years. Is it normal for the attacks to come at night?", [page]
    )
    line = answer.bottom_line
    assert line is None or "husband" not in line.verdict


def test_a_dose_question_about_a_supplement_gets_the_advice_to_ask_how_much() -> None:
    """No amount is stated; the page's advice to ask a health care provider how much to take
    answers a dose question as it answers a "how much" one."""
    page = _page(
        "colchicine-dose",
        "Colchicine",
        "information",
        "Colchicine is a medicine that eases gout attacks.",
        "Check with your health care provider to see how much you should take.",
    )
    line = _ask("colchicine dose for a woman of 70?", [page]).bottom_line
    assert line is not None
    assert [b.text for b in line.bullets] == [
        "Check with your health care provider to see how much you should take."
    ]


def test_a_vaccine_question_leaves_out_what_its_pages_say_of_another_vaccine() -> None:
    """A page on hepatitis B also speaks of the flu shot: that line, and the "the vaccine"
    lines that take their vaccine from it, are no answer on the hepatitis B vaccine."""
    page = _page(
        "hep-b-vaccine",
        "Hepatitis B",
        "prevention",
        "The hepatitis B vaccine is given as three doses over six months.",
        "Adults at risk should get the hepatitis B vaccine.",
        "The flu vaccine is given once a year in the autumn.",
        "The vaccine is recommended for everyone older than 6 months.",
        "The shot is given each year.",
    )
    shown = _shown(_ask("When is the hepatitis b vaccine given to adults?", [page], True))
    assert "The hepatitis B vaccine is given as three doses over six months." in shown
    assert not any("flu" in s or "6 months" in s or "each year" in s for s in shown)


@pytest.mark.parametrize(
    ("question", "waited"),
    [
        ("how long does it take an 80 year old to walk again after a fall?", {"walk"}),
        ("how long before I can drive after my knee operation", {"drive"}),
        ("how long until my son can play sports again?", {"play", "sport"}),
        ("how long does a cold last?", set()),
    ],
)
def test_how_long_until_names_what_it_waits_for(question: str, waited: set[str]) -> None:
    """A "how long until" question is answered by a time of what it waits for (walking
    again), not by any length of time (a 30-day death rate): :func:`waited_for`."""
    assert waited_for(question) == waited


def test_an_answer_of_key_findings_alone_still_opens_with_a_bottom_line() -> None:
    """No statement names both sides, so none can be the bottom line; the study's conclusion
    is still shown as a key finding, under a framing sentence that says it does not answer
    directly (an answer never starts without its bottom line)."""
    study = _abstract(
        "kf-1",
        "Vaping and smoking among adults with gout",
        ("METHODS", "We surveyed 300 adults with gout in 2020."),
        ("CONCLUSIONS", "Vaping was more common among smokers than among non-smokers."),
    )
    answer = _ask("Is vaping better than smoking for people with gout?", [study])
    assert _shown(answer) == ["Vaping was more common among smokers than among non-smokers."]
    assert answer.bottom_line is not None
    assert "do not answer this directly" in answer.bottom_line.verdict


def test_a_negation_told_before_the_asked_clause_does_not_turn_the_answer() -> None:
    page = _page(
        "gout-treat",
        "Gout",
        "treatment",
        "If gout causes no attacks, daily tablets are usually not needed.",
    )
    question = "the doctor says it is gout but i never had an attack, do i need gout tablets?"
    answer = _ask(question, [page])
    assert answer.bottom_line is not None
    assert answer.bottom_line.verdict == "The sources found suggest no:"


def test_limits_in_another_unit_than_the_value_told_are_framed_as_such() -> None:
    page = _page(
        "uric",
        "Gout",
        "diagnosis",
        "A uric acid level above 7 mg/dL is high and can lead to gout.",
    )
    answer = _ask("my uric acid came back 0.48, is that high for gout?", [page])
    assert answer.bottom_line is not None
    assert answer.bottom_line.verdict == OTHER_UNIT_FRAME
    same = _ask("my uric acid came back 8.1, is that high for gout?", [page])
    assert same.bottom_line is not None and same.bottom_line.verdict != OTHER_UNIT_FRAME


@pytest.mark.parametrize(
    ("question", "text", "other"),
    [
        ("total cholesterol 6.2, is that bad", "Less than 200 mg/dL is desirable.", True),
        ("cholesterol 240 is that bad", "Less than 200 mg/dL is desirable.", False),
        ("uric acid was 7.2, gout?", "Above 6.8 mg/dL is high.", False),
        ("fasting blood sugar 110 mg/dl", "A level below 5.6 mmol/L is normal.", True),
        ("a1c of 6.1", "A normal A1C level is below 5.7 percent.", False),
    ],
)
def test_other_unit(question: str, text: str, other: bool) -> None:
    assert other_unit(question, text) is other


def test_whether_a_drug_is_needed_or_it_settles_alone_keeps_the_treatment_section(
    handmade_vocabulary: Vocabulary,
) -> None:
    """ "Will my gout need colchicine or will it settle on its own?" asks its course and
    whether treatment is needed: the page's treatment statement answers, not an abstention."""
    answer = _composed(
        "Will my gout need colchicine or will it settle on its own?", GOUT, handmade_vocabulary
    )
    assert not answer.abstained
    shown = [b.text for s in answer.guideline_sections for b in s.bullets]
    assert any("anti-inflammatory" in t for t in shown)


def test_a_page_on_the_topic_gives_its_point_when_nothing_answers_directly() -> None:
    """Nothing states a yes or no to "should I wear compression stockings", but the topic's own
    page names them: that statement is shown under a framing saying it is not a direct
    answer, in place of an abstention that the pages only describe the topic."""
    page = _page(
        "gout-1",
        "Gout",
        "information",
        "Gout is a common form of arthritis that comes in sudden attacks.",
        "Your doctor may suggest a compression wrap for the swollen joint.",
    )
    shown = _ask("I have gout in my ankle. Should I wear a compression wrap on the flight?", [page])
    assert shown.bottom_line is not None
    assert shown.bottom_line.verdict.startswith("The sources found do not answer this in one")
    assert any("compression wrap" in b for b in _shown(shown))
    # only the question's way of asking in common: no point to show
    plain = _ask("I have gout in my ankle. Is this normal?", [page])
    assert not any("compression" in b for b in _shown(plain))


def test_a_definition_or_a_name_is_no_warning_for_a_safety_question() -> None:
    """ "Is that ok?" is answered by a warning the sources give; what the condition is ("the
    sudden death of …") or what some call it names harm without warning of anything."""
    page = _page(
        "gout-2",
        "Gout",
        "information",
        "Gout is the sudden, painful swelling of a joint that some call a disease of kings.",
        "Some people call gout the disease of kings because it was linked to rich food and death.",
    )
    answer = _ask("My dad had gout. I like sleeping with my foot up, is that ok?", [page])
    assert answer.bottom_line is None or answer.bottom_line.verdict != "The sources found warn:"


def test_how_soon_most_get_better_is_no_answer_to_when_to_go_back_to_sport() -> None:
    """ "When can he go back to football" is not answered by how soon most people recover (a
    swollen spleen or joint may still be at risk); a statement naming the activity may be."""
    recovery = "Most people with gout get better in two to four weeks."
    page = _page("gout-back", "Gout", "outlook", "Gout attacks bring sudden pain.", recovery)
    line = _ask("my son has gout in his knee, when can he go back to football?", [page])
    assert line.bottom_line is None or all(b.text != recovery for b in line.bottom_line.bullets)
    sport = "Most people with gout can return to sport once the joint is no longer swollen."
    named = _page("gout-sport", "Gout", "outlook", "Gout attacks bring sudden pain.", sport)
    shown = _ask("my son has gout in his knee, when can he go back to football?", [named])
    assert shown.bottom_line is not None
    assert any(b.text == sport for b in shown.bottom_line.bullets)


def test_a_rare_form_the_question_does_not_name_fills_nothing_beside_the_own_page() -> None:
    """Beside a page on the question's own topic, a genetic or rare condition's page on a
    narrower form fills no section, not even one the own page leaves out."""
    own = _page("4_MPlus_Health_Topics_QA/1#1-1", "Gout", "information",
                "Gout is caused by uric acid crystals that collect in a joint.")  # fmt: skip
    rare = _page("2_GARD_QA/2#2-1", "Juvenile gout syndrome", "symptoms",
                 "Juvenile gout syndrome causes kidney stones and deafness.")  # fmt: skip
    rare = rare.model_copy(update={"site": "GARD"})
    both = _ask("what are the causes and symptoms of gout?", [own, rare])
    shown = " ".join(_shown(both))
    assert "uric acid" in shown and "deafness" not in shown


def test_whether_a_stone_passes_unaided_is_no_question_whether_it_spreads() -> None:
    """Whether stones pass by themselves: passing is not spreading, and a statement that
    stones pass without help says yes; one about a stone that will not pass is a case, second."""
    page = _page(
        "gs",
        "Gout Stones",
        "information",
        "A gout stone is a hard lump of crystals. Most gout stones pass out of the body without "
        "help from a doctor. If you have a stone that won't pass on its own, you may need "
        "treatment. Gout stones cannot be passed from one person to another.",
    )
    answer = _ask("do most small gout stones pass by themselves?", [page])
    assert answer.bottom_line is not None and answer.bottom_line.bullets
    assert answer.bottom_line.bullets[0].text == (
        "Most gout stones pass out of the body without help from a doctor."
    )
    spread = _ask("can I pass gout stones on to my kids?", [page])
    assert spread.bottom_line is not None and spread.bottom_line.bullets
    assert spread.bottom_line.bullets[0].text == (
        "Gout stones cannot be passed from one person to another."
    )


def test_whether_a_mark_is_the_condition_is_answered_with_what_its_page_says_it_is() -> None:
    """ "… is that gout?" after the signs: the page cannot say, but what it says gout is, is what
    the asker can compare with, under a frame that says so."""
    page = _page(
        "gd",
        "Gout",
        "information",
        "Gout is a painful swelling of a joint caused by crystals. Gout stones cannot be passed "
        "from one person to another.",
    )
    answer = _ask("the joint at the base of my thumb is throbbing and shiny. Is that gout?", [page])
    assert answer.bottom_line is not None and answer.bottom_line.bullets
    assert answer.bottom_line.verdict.startswith("The sources found cannot say whether you have")
    assert answer.bottom_line.bullets[0].text == (
        "Gout is a painful swelling of a joint caused by crystals."
    )


def test_a_yes_no_going_on_to_ask_how_long_is_answered_by_its_first_question() -> None:
    """ "Is gout catching and in which season …?": the second question, after a preposition, is not
    part of what a statement must say to answer the first."""
    page = _page(
        "gk",
        "Gout",
        "information",
        "Gout is a kind of arthritis. Gout cannot be passed from one person to another.",
    )
    answer = _ask("is gout catching and in which season is it worst?", [page])
    assert answer.bottom_line is not None and answer.bottom_line.bullets
    assert answer.bottom_line.verdict == "The sources found suggest no:"


def test_whether_a_story_is_a_condition_is_not_answered_with_what_a_medicine_is() -> None:
    """A medicine's page says what the medicine is, not whether one has a condition: after
    signs read as nothing the index knows, it gives no statement to compare with."""
    page = _page(
        "cx",
        "Colchicine",
        "information",
        "Colchicine is a medicine made from a plant. Colchicine is taken by mouth.",
    )
    answer = _ask("my toe throbs at night. Is that colchicine?", [page])
    line = answer.bottom_line
    assert line is None or not line.verdict.startswith("The sources found cannot say whether")


def test_beside_a_red_flag_a_guessed_condition_is_not_described() -> None:
    """Signs that raise a card, then "is it gout?": what gout is would read as the answer to
    signs that need care, so no statement is given to compare with."""
    page = _page(
        "gr",
        "Gout",
        "information",
        "Gout is a painful swelling of a joint caused by crystals. Gout stones cannot be passed "
        "from one person to another.",
    )
    from medcite.answer.safety import detect_red_flags

    question = "my toe is hot and swollen and I have a fever and feel shivery. Is it gout?"
    query = understand(question, VOCABULARY)
    flagged = query.model_copy(update={"red_flags": tuple(detect_red_flags(question))})
    assert flagged.red_flags
    hits = [Hit(document=page, score=10.0, rank=1)]
    line = compose(ComposeInput("t", flagged, 12), rank(hits, 2026)).bottom_line
    assert line is None or not line.bullets
    unflagged = compose(ComposeInput("t", query, 12), rank(hits, 2026)).bottom_line
    assert unflagged is not None and unflagged.bullets


def test_a_finding_told_with_a_feared_name_is_not_answered_with_what_the_name_is() -> None:
    """ "My urate came back at 9, does that mean gout?": what gout is would read as a yes."""
    page = _page(
        "gm",
        "Gout",
        "information",
        "Gout is a painful swelling of a joint caused by crystals. Gout stones cannot be passed "
        "from one person to another.",
    )
    line = _ask("my urate came back at 9. Does that mean gout?", [page]).bottom_line
    assert line is None or not any("painful swelling" in b.text for b in line.bullets)
    told = _ask("my toe throbs and is shiny. Is it gout?", [page]).bottom_line
    assert told is not None and any("painful swelling" in b.text for b in told.bullets)


def test_a_yes_no_naming_no_topic_keeps_its_own_word() -> None:
    """ "… is this normal?" names no topic: what it asks is still asked (normality), not cleared
    as a question only whether it is the topic ("… is this gout?")."""
    from medcite.answer.bottom_line import predicate

    assert predicate(understand("gout flares every night this week. is this normal?", VOCABULARY))
    assert not predicate(understand("my big toe throbs every night. is this gout?", VOCABULARY))


def test_whether_a_medicine_is_needed_is_answered_by_whether_it_works_for_the_condition() -> None:
    """ "Gout again, do I need colchicine?": a statement that the medicine does or does not
    help the condition answers."""
    page = _page(
        "cn",
        "Colchicine",
        "information",
        "Colchicine is a medicine made from a plant.",
        "Colchicine treats the pain and swelling of gout.",
    )
    line = _ask("a bad gout flare since monday. do i need colchicine?", [page]).bottom_line
    assert line is not None and line.verdict == "The sources found suggest yes:"
    assert [b.text for b in line.bullets] == ["Colchicine treats the pain and swelling of gout."]


def test_a_statement_on_infections_in_general_does_not_say_whether_a_medicine_works_for_one() -> (
    None
):
    """A line on what a medicine does for a kind of infection ("infections caused by fungi")
    names no infection with a name of its own: it says neither yes nor no for it."""
    page = _page(
        "ib",
        "Ibuprofen",
        "information",
        "Ibuprofen does not treat infections caused by fungi, such as thrush.",
        "Ibuprofen eases pain.",
    )
    answer = _ask("does ibuprofen work for helicobacter infections", [page])
    assert answer.bottom_line is None or answer.bottom_line.verdict != (
        "The sources found suggest no:"
    )


def test_a_topic_named_only_in_an_exception_gets_no_verdict_from_it() -> None:
    """ "… does not work for aches, unless the joint is swollen": what the sentence says of
    swelling is only its exception, so it says no "no" to whether the medicine works for it."""
    page = _page(
        "cx",
        "Colchicine",
        "information",
        "Colchicine is a medicine made from a plant.",
        "Colchicine does not work for aches, unless the joint is swollen.",
    )
    line = _ask("does colchicine work for a swollen joint", [page]).bottom_line
    assert line is None or line.verdict != "The sources found suggest no:"


def test_sections_that_state_what_was_asked_stay_when_the_bottom_line_finds_nothing() -> None:
    """Sections of other facts on the topic are no answer ("can I still go to the gym with
    gout" abstains and lists the page); a section that states what was asked, in the question's
    words or its senses (surgery, for whether gout will need an operation), is read out even
    though the bottom line took none of it."""
    page = _page(
        "gout-more",
        "Gout",
        "information",
        *GOUT_SENTENCES,
        "Doctors treat gout with medicines that lower uric acid.",
        "Large gout deposits are sometimes taken out by surgery.",
    )
    other = _ask("can I still go to the gym with gout", [page])
    assert other.abstained and not other.guideline_sections
    assert "none answers this question" in (other.abstain_reason or "")
    assert [r.document_id for r in other.closest] == [page.id]
    assert not _ask("can I still go to the gym with gout", [page], detail=True).abstained
    stated = _ask("will my gout ever need surgery", [page])
    assert not stated.abstained
    assert any("surgery" in b.text for s in stated.guideline_sections for b in s.bullets)


def test_is_it_just_the_harmless_thing_told_with_a_time_gets_how_long_that_thing_lasts(
    handmade_vocabulary: Vocabulary,
) -> None:
    """ "Two weeks now, is it just a cold?": beside how a cold differs, the page's word on how
    long a cold lasts comes first, for the asker to set beside their two weeks; asked without
    a time, the differing statement stands alone."""
    from medcite.answer.bottom_line import TELL_APART_FRAME

    lines = (
        "Colds are caused by viruses and spread in droplets.",
        "A chest infection is more severe than a cold.",
        "Most colds clear up within seven to ten days.",
    )
    page = _page("cold3", "Common Cold", "information", *lines)
    timed = _composed(
        "feeling rough for two weeks now, is it just a cold?", page, handmade_vocabulary
    )
    assert timed.bottom_line is not None
    assert timed.bottom_line.verdict.startswith(TELL_APART_FRAME)
    assert [b.text for b in timed.bottom_line.bullets] == [lines[2], lines[1]]
    untimed = _composed("feeling rough, is it just a cold?", page, handmade_vocabulary)
    assert untimed.bottom_line is not None
    assert [b.text for b in untimed.bottom_line.bullets] == [lines[1]]


def test_a_yes_then_a_share_of_people_it_fails_says_not_always() -> None:
    """ "Gout flares may be eased with X. But nearly half of people with gout do not respond to
    X alone." says yes for the others: "not always", never no. A plain no after the turn, of
    everyone, still says no."""
    held = _page(
        "gout-share",
        "Gout",
        "information",
        "Gout is a form of arthritis that causes sudden attacks of joint pain.",
        "Gout flares may be eased with cold packs. But nearly half of people with gout do not "
        "respond to cold packs alone.",
    )
    answer = _ask("do cold packs actually work for gout?", [held])
    assert answer.bottom_line is not None
    assert answer.bottom_line.verdict == DEPENDS_FRAME
    plain = _page(
        "gout-none",
        "Gout",
        "information",
        "Gout is a form of arthritis that causes sudden attacks of joint pain.",
        "Some people try cold packs for gout flares. But cold packs do not work for gout flares.",
    )
    other = _ask("do cold packs actually work for gout?", [plain])
    assert other.bottom_line is not None
    assert other.bottom_line.verdict != DEPENDS_FRAME


def test_a_list_of_symptoms_is_no_word_on_doing_what_it_names_as_a_sign() -> None:
    """Asked whether losing weight eases gout, a list of gout's symptoms naming weight loss
    says nothing of doing it: no bottom line from it. Asked whether a sign comes with gout, the
    list answers."""
    page = _page(
        "gsym",
        "Gout",
        "information",
        "Gout is a form of arthritis that causes sudden attacks of joint pain.",
        "Symptoms of gout can include hot red joints, weight loss and a mild fever.",
        "Gout attacks often start at night.",
    )
    done = _ask("is it true losing weight can ease gout attacks?", [page])
    assert done.bottom_line is None or not any(
        "Symptoms of gout" in b.text for b in done.bottom_line.bullets
    )
    sign = _ask("is there always weight loss with gout?", [page])
    assert sign.bottom_line is not None
    assert any("Symptoms of gout" in b.text for b in sign.bottom_line.bullets)


def test_when_to_worry_is_answered_by_lines_telling_when_to_get_care_not_what_hospitals_have() -> (
    None
):
    """Asked whether to worry, a care line that tells the reader nothing to do (that joint scans
    for an emergency are not available at all hours) is left out; the line telling
    when to see a doctor answers."""
    hospital = (
        "Although often used in the emergency diagnosis of gout, joint scans are not available "
        "at all hours in most hospitals."
    )
    seek = "See your doctor if gout attacks come with a fever or a hot, swollen joint."
    scans = _page("gout-er", "Gout", "information", *GOUT_SENTENCES, hospital)
    care = _page("gout-gp", "Gout", "information", *GOUT_SENTENCES[:1], seek)
    answer = _ask("gout in my toe. is it serious?", [scans, care])
    assert answer.bottom_line is not None
    assert answer.bottom_line.verdict.startswith("The sources found do not say whether to worry")
    assert [b.text for b in answer.bottom_line.bullets] == [seek]


def test_the_bottom_line_on_taking_two_together_needs_a_line_naming_both() -> None:
    """Asked whether ibuprofen goes with lisinopril, a line on one of them with "other drugs"
    is no word on the pair: the bottom line says the sources do not answer. A line naming
    both, one by its class, is framed as what they say about taking them together."""
    from medcite.answer.bottom_line import bottom_line
    from medcite.answer.segment import Sentence
    from medcite.records import Evidence, EvidenceLevel

    def interaction(doc_id: str, text: str) -> Candidate:
        page = _page(doc_id, "Lisinopril", "information", text)
        evidence = Evidence(
            hit=Hit(document=page, score=1.0, rank=1), level=EvidenceLevel.GUIDELINE, score=1.0
        )
        sentence = Sentence(text, page.id, None, None, 0)
        return Candidate(sentence, evidence, Facet.INTERACTIONS, 1.0, stems(text))

    query = understand("does ibuprofen interact with my lisinopril?", VOCABULARY)
    one = interaction("lis1", "Lisinopril can interact with some other drugs.")
    pick = bottom_line(query, [one], "ibuprofen")
    together = "What the sources found say about taking them together:"
    assert pick is not None and pick.verdict != together
    both = interaction("lis2", "NSAIDs such as ibuprofen can make lisinopril work less well.")
    pick = bottom_line(query, [one, both], "ibuprofen")
    assert pick is not None and pick.verdict == together
    assert pick.chosen == (both,)


def test_whether_it_is_safe_to_be_near_an_infection_gets_how_it_spreads_never_a_yes(
    handmade_vocabulary: Vocabulary,
) -> None:
    """That a cold spreads is no yes to "is it safe for me to visit": the bottom line says the
    sources do not say whether it is safe and gives how it spreads, also when the visit is told
    first and asked of after a dash."""
    from medcite.answer.bottom_line import CONTACT_FRAME

    page = _page(
        "cold4",
        "Common Cold",
        "information",
        "A cold can be serious for people with asthma.",
        "The common cold spreads through droplets when someone with a cold sneezes or coughs.",
    )
    for question in (
        "my nephew has a cold and I'm 79. is it safe for me to go round?",
        "I've got a cold and I'm due to see my newborn niece on sunday - is that ok?",
    ):
        answer = _composed(question, page, handmade_vocabulary)
        assert answer.bottom_line is not None, question
        assert answer.bottom_line.verdict == CONTACT_FRAME, question
        assert "spreads through droplets" in answer.bottom_line.bullets[0].text


def test_whether_a_condition_that_is_no_infection_spreads_gets_its_cause_when_none_says() -> None:
    """No page says whether gout passes on: its page's cause ("too much uric acid") is given
    under its own frame. An infection's germ says nothing of how it passes on: no such frame."""
    from medcite.answer.bottom_line import CAUSED_FRAME

    cause = "Gout is caused by too much uric acid in the blood."
    page = _page(
        "gout-cause",
        "Gout",
        "causes",
        "Gout is a form of arthritis that causes sudden attacks of joint pain.",
        cause,
    )
    answer = _ask("is gout contagious?", [page])
    assert answer.bottom_line is not None
    assert answer.bottom_line.verdict == CAUSED_FRAME
    assert [b.text for b in answer.bottom_line.bullets] == [cause]
    cold = _page(
        "cold-cause",
        "Common Cold",
        "causes",
        "The common cold is an infection of the nose and throat.",
        "Colds are caused by more than 200 different viruses.",
    )
    other = _ask("is the common cold contagious?", [cold])
    assert other.bottom_line is None or other.bottom_line.verdict != CAUSED_FRAME


def test_worrying_about_getting_it_is_answered_by_the_page_s_advice_to_be_checked() -> None:
    """A parent's gout and "should I be worried?": the page's advice that people at risk be
    checked is when to be seen, whatever facet its sentence falls under."""
    checked = "People with a family history of gout should get their uric acid checked each year."
    page = _page("gout-risk", "Gout", "information", *GOUT_SENTENCES, checked)
    answer = _ask("my dad had gout in his 60s, should I be worried?", [page])
    assert answer.bottom_line is not None
    assert answer.bottom_line.verdict.startswith("The sources found do not say whether to worry")
    assert [b.text for b in answer.bottom_line.bullets] == [checked]


def test_a_cause_told_in_a_page_s_overview_answers_whether_a_non_infection_spreads() -> None:
    """Without a causes line, the page's statement of how the condition comes about ("With
    gout, the body does not make …") stands in, but only one naming the condition: "Uric acid
    results from …" is about uric acid."""
    from medcite.answer.bottom_line import CAUSED_FRAME

    how = "With gout, the body does not make enough of what it needs to clear uric acid."
    page = _page(
        "gout-how",
        "Gout",
        "information",
        "Gout is a form of arthritis that causes sudden attacks of joint pain.",
        how,
        "Uric acid results from the breakdown of purines found in many foods.",
    )
    answer = _ask("is gout contagious?", [page])
    assert answer.bottom_line is not None
    assert answer.bottom_line.verdict == CAUSED_FRAME
    assert [b.text for b in answer.bottom_line.bullets] == [how]


def test_a_yes_no_asked_after_a_dash_is_read_without_the_story_before_it(
    handmade_vocabulary: Vocabulary,
) -> None:
    """ "… 12 weeks gone - could I catch it from her?": the question is what follows the
    dash; the weeks and the pregnancy told before it, and whom it would come from, are no
    words the answer must name."""
    spread = "The common cold spreads through droplets when someone with a cold sneezes or coughs."
    page = _page(
        "cold5",
        "Common Cold",
        "information",
        "A cold is an infection of the nose and throat.",
        spread,
    )
    answer = _composed(
        "gran has a cold and I'm 12 weeks gone - could I catch it from her?",
        page,
        handmade_vocabulary,
    )
    assert answer.bottom_line is not None
    assert [b.text for b in answer.bottom_line.bullets] == [spread]


def test_the_cause_given_for_whether_it_spreads_is_of_the_form_asked() -> None:
    """Asked whether type 2 diabetes spreads, a line on what causes type 1 is no answer: the
    number in the name must be the one asked."""
    from medcite.answer.bottom_line import CAUSED_FRAME

    two = "Type 2 diabetes is caused by the body not using insulin well."
    page = _page(
        "dm-cause",
        "Diabetes Mellitus, Type 2",
        "information",
        "Type 2 diabetes is a disease in which blood sugar levels are too high.",
        "Type 1 diabetes is caused by the immune system attacking the pancreas.",
        two,
    )
    answer = _ask("is type 2 diabetes catching?", [page])
    assert answer.bottom_line is not None
    assert answer.bottom_line.verdict == CAUSED_FRAME
    assert [b.text for b in answer.bottom_line.bullets] == [two]


def test_two_words_one_concept_names_together_are_compared_by_what_each_is() -> None:
    """ "A bite versus a sting": one concept names both, so no two sides; the page's statement
    of what each is answers, wherever on the page it stands."""
    from medcite.answer.bottom_line import EACH_FRAME

    bite = "A bite is a wound made when an insect pierces the skin to feed."
    sting = "A sting is venom pushed into the skin by an insect defending itself."
    page = _page(
        "bs",
        "Insect Bites and Stings",
        "information",
        bite,
        "Most reactions are mild and settle within a day or two.",
        "Cool packs can ease the swelling.",
        "Children are bitten more often than adults.",
        sting,
    )
    answer = _ask("insect bite versus a sting, how are they different?", [page])
    assert answer.bottom_line is not None
    assert answer.bottom_line.verdict == EACH_FRAME
    assert [b.text for b in answer.bottom_line.bullets] == [bite, sting]


def test_a_question_after_a_dash_that_asks_what_the_story_means_keeps_the_story() -> None:
    """ "… I'm 40 - does that mean I will get it?" asks what the story means: the story stays
    part of what is asked. Any other question after a dash is read alone."""
    from medcite.answer.bottom_line import asked_clause

    means = asked_clause("Gout runs in my family. I'm 40 - does that mean I will get it?")
    assert means is not None and "40" in means
    alone = asked_clause("Gout runs in my family. I'm 40 - can I still eat cherries?")
    assert alone == "can i still eat cherries?"
