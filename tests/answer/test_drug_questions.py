"""Questions about a drug: drug facets, research that answers what was asked, human evidence,
and a drug named with a condition (handmade documents and vocabulary)."""

from __future__ import annotations

import pytest

from medcite import Engine
from medcite.answer import verify
from medcite.answer.compose import ComposeInput, compose, uncovered_medicines
from medcite.answer.extract import advises_against
from medcite.evidence.rank import rank
from medcite.evidence.topic import (
    TopicJudge,
    conjuncts,
    coordinated,
    coordinated_kind,
    gate,
    kind_of,
)
from medcite.query.understand import understand
from medcite.query.vocab import Vocabulary
from medcite.records import AbstractSection, Answer, Document, Facet, Hit, Source
from medcite.text import stems


def _paper(doc_id: str, title: str, *sentences: str, **extra: object) -> Document:
    return Document(
        id=f"pmid:{doc_id}",
        source=Source.PUBMED,
        title=title,
        year=2020,
        sections=(AbstractSection(category="CONCLUSIONS", text=" ".join(sentences)),),
        **extra,  # type: ignore[arg-type]
    )


def _page(doc_id: str, focus: str, *sentences: str) -> Document:
    return Document(
        id=f"medquad:{doc_id}",
        source=Source.MEDQUAD,
        title=f"What is (are) {focus} ?",
        focus=focus,
        question_type="information",
        sections=tuple(AbstractSection(text=s) for s in sentences),
    )


def _ask(question: str, docs: list[Document], vocabulary: Vocabulary) -> Answer:
    query = understand(question, vocabulary)
    hits = [Hit(document=d, score=10.0 - i, rank=i + 1) for i, d in enumerate(docs)]
    result = gate(query, rank(hits, 2026), TopicJudge(vocabulary))
    answer = compose(ComposeInput("t", query, 12, gate=result), result.on_topic)
    assert not verify.problems(answer, {d.id: d for d in docs})
    return answer


def _shown(question: str, docs: list[Document], vocabulary: Vocabulary) -> list[str]:
    """The text of every bullet of the answer to ``question`` over ``docs``."""
    return [b.text for b in verify.all_bullets(_ask(question, docs, vocabulary))]


def test_a_drug_question_gets_drug_facets_not_a_diseases(
    handmade_vocabulary: Vocabulary,
) -> None:
    query = understand("what is colchicine", handmade_vocabulary)
    assert query.about_a_drug
    assert Facet.SIDE_EFFECTS in query.facets
    assert not {Facet.CAUSES, Facet.SYMPTOMS, Facet.DIAGNOSIS} & set(query.facets)
    disease = understand("what is gout", handmade_vocabulary)
    assert not disease.about_a_drug and Facet.CAUSES in disease.facets


def test_research_on_a_drug_answers_only_the_facet_asked(handmade_vocabulary: Vocabulary) -> None:
    study = _paper(
        "1",
        "Colchicine in a cohort of adults",
        "Colchicine treatment was started in 120 adults with a new cardiac diagnosis.",
        "Colchicine caused diarrhea in one in five adults in this cohort.",
    )
    answer = _ask("what is colchicine", [study], handmade_vocabulary)
    # the study never says what colchicine is: no "Treatment Options" or "Side Effects" from it
    assert answer.abstained
    said = _paper(
        "5",
        "Colchicine in a cohort of adults",
        "Colchicine treatment was started in 120 adults with a new cardiac diagnosis.",
        "Diarrhea was the most common side effect of colchicine in adults.",
    )
    side_effects = _ask("what side effects does colchicine have", [said], handmade_vocabulary)
    shown = [b.text for b in verify.all_bullets(side_effects)]
    assert shown == ["Diarrhea was the most common side effect of colchicine in adults."]


def test_an_animal_study_does_not_answer_a_drug_question(handmade_vocabulary: Vocabulary) -> None:
    def study(mesh: tuple[str, ...]) -> Document:
        return _paper(
            "2",
            "Colchicine in a cohort",
            "Colchicine is an anti-inflammatory drug widely used for gout and for fever attacks.",
            mesh_terms=mesh,
        )

    assert not _ask("what is colchicine", [study(("Humans",))], handmade_vocabulary).abstained
    rats = study(("Animals", "Rats", "Colchicine"))
    assert _ask("what is colchicine", [rats], handmade_vocabulary).abstained


def test_a_drug_with_a_condition_needs_both_named_outside_the_drugs_own_page(
    handmade_vocabulary: Vocabulary,
) -> None:
    gout_page = _page("gout", "Gout", "Gout is a form of arthritis with sudden joint pain.")
    unrelated = _paper(
        "3",
        "Colchicine after heart surgery",
        "Colchicine lowered the rate of atrial fibrillation after cardiac surgery in adults.",
    )
    answer = _ask("is colchicine effective for gout", [gout_page, unrelated], handmade_vocabulary)
    assert answer.abstained  # neither names both colchicine and gout
    drug_page = _page(
        "colchicine", "Colchicine", "Colchicine is taken by mouth, usually twice a day."
    )
    named = _paper("4", "Colchicine for gout flares", "Colchicine shortened gout flares in adults.")
    question = "is colchicine effective for gout"
    answer = _ask(question, [drug_page, named, gout_page], handmade_vocabulary)
    cited = {c.document_id for b in verify.all_bullets(answer) for c in b.citations}
    assert cited == {"medquad:colchicine", "pmid:4"}


def test_a_question_about_a_drug_product_is_not_answered_from_studies(
    handmade_vocabulary: Vocabulary,
) -> None:
    study = _paper(
        "6",
        "Colchicine tablets in adults",
        "Colchicine is an anti-inflammatory drug widely used for gout and for fever attacks.",
    )
    assert not _ask("what is colchicine", [study], handmade_vocabulary).abstained
    for question in ("what color is a colchicine tablet", "who makes colchicine"):
        assert _ask(question, [study], handmade_vocabulary).abstained, question


def test_the_conditions_page_answers_for_the_drug_when_it_names_it(
    handmade_vocabulary: Vocabulary,
) -> None:
    gout_page = _page(
        "gout",
        "Gout",
        "Gout is a form of arthritis with sudden joint pain in the big toe.",
        "People with gout and kidney disease should not take colchicine without a doctor.",
    )
    answer = _ask("is colchicine safe for gout", [gout_page], handmade_vocabulary)
    shown = [b.text for b in verify.all_bullets(answer)]
    # the warning (in the bottom line and under Warnings), never the page's gout-only lines
    assert set(shown) == {
        "People with gout and kidney disease should not take colchicine without a doctor."
    }


def test_asked_whether_a_drug_prevents_a_condition_a_finding_in_those_with_it_is_none(
    handmade_vocabulary: Vocabulary,
) -> None:
    """Whether colchicine prevents gout is not answered by how gout patients on it fared; a
    finding on the risk of gout is an answer."""
    question = "should I take colchicine every day to prevent gout?"
    fared = _paper(
        "82", "Colchicine in gout", "Gout patients given colchicine had shorter hospital stays."
    )
    risk = _paper(
        "83", "Colchicine and gout", "Daily colchicine lowered the risk of gout in older adults."
    )

    def cited(docs: list[Document]) -> set[str]:
        answer = _ask(question, docs, handmade_vocabulary)
        return {c.document_id for b in verify.all_bullets(answer) for c in b.citations}

    assert "pmid:82" not in cited([fared])
    assert cited([fared, risk]) == {"pmid:83"}


def test_an_old_study_gives_a_key_finding_only_when_no_newer_one_does(
    handmade_vocabulary: Vocabulary,
) -> None:
    def study(doc_id: str, year: int, finding: str) -> Document:
        return _paper(doc_id, "Colchicine for gout flares", finding).model_copy(
            update={"year": year}
        )

    old = study("80", 1979, "Colchicine did not shorten gout flares in this small series.")
    new = study("81", 2021, "Colchicine shortened gout flares in most adults treated.")
    question = "is colchicine effective for gout"

    def findings(docs: list[Document]) -> set[str]:
        answer = _ask(question, docs, handmade_vocabulary)
        section = next(s for s in answer.research_sections if s.title == "Key Findings")
        return {c.document_id for b in section.bullets for c in b.citations}

    assert findings([old, new]) == {"pmid:81"}
    assert findings([old]) == {"pmid:80"}


def test_an_abstention_on_a_drug_class_sends_to_the_pharmacist(
    handmade_vocabulary: Vocabulary,
) -> None:
    answer = _ask("which antiviral agents are there", [], handmade_vocabulary)
    assert answer.abstained and "pharmacist" in (answer.abstain_reason or "")
    answer = _ask("is gout common", [], handmade_vocabulary)
    assert answer.abstained and "pharmacist" not in (answer.abstain_reason or "")


@pytest.mark.parametrize(
    ("question", "pharmacist"),
    [
        ("how long can i keep taking ibuprofen", True),
        # a chemical no drug table names as a medicine: the doctor, not the pharmacist
        ("is the lead in our old pipes a problem", False),
        # a medicine named as what a test measures: the doctor who ordered the test
        ("my ibuprofen level came back high on a blood test, what does it mean", False),
    ],
)
def test_the_pharmacist_is_named_for_a_medicine_not_for_any_chemical(
    question: str, pharmacist: bool, handmade_vocabulary: Vocabulary
) -> None:
    answer = _ask(question, [], handmade_vocabulary)
    assert answer.abstained
    assert ("pharmacist" in (answer.abstain_reason or "")) is pharmacist


def test_a_studys_sentence_that_does_not_name_the_drug_says_nothing_about_it(
    handmade_vocabulary: Vocabulary,
) -> None:
    study = _paper(
        "7",
        "Colchicine in macrophages infected with a virus",
        "Rift Valley fever is a viral infection that spreads from animals to people.",
        "Colchicine is an anti-inflammatory drug widely used for gout and for fever attacks.",
    )
    shown = [
        b.text for b in verify.all_bullets(_ask("what is colchicine", [study], handmade_vocabulary))
    ]
    assert shown == [
        "Colchicine is an anti-inflammatory drug widely used for gout and for fever attacks."
    ]


VACCINES = _page(
    "tdp",
    "Tetanus, Diphtheria, and Pertussis Vaccines",
    "Tetanus and diphtheria are serious bacterial infections.",
    "Td prevents diphtheria and tetanus in older children and adults.",
)


def test_a_page_on_coordinated_vaccines_is_about_each_combination(
    handmade_vocabulary: Vocabulary,
) -> None:
    """ "Tetanus, Diphtheria, and Pertussis Vaccines" covers the diphtheria-tetanus vaccine;
    its uses are what it prevents."""
    answer = _ask("what is the diphtheria-tetanus vaccine", [VACCINES], handmade_vocabulary)
    assert not answer.abstained
    assert Facet.PREVENTION in answer.query.facets
    texts = [b.text for b in verify.all_bullets(answer)]
    assert "Td prevents diphtheria and tetanus in older children and adults." in texts
    single = VACCINES.model_copy(update={"id": "medquad:tp", "title": "Pertussis Vaccines"})
    single = single.model_copy(update={"focus": "Pertussis Vaccines"})
    assert _ask("what is the diphtheria-tetanus vaccine", [single], handmade_vocabulary).abstained


def test_a_product_of_every_coordinated_item_is_a_kind_of_the_pages_topic(
    handmade_vocabulary: Vocabulary,
) -> None:
    """The acellular product is filed beside, not under, the whole-cell vaccine the label's
    words name; the page on all three vaccines is still about it."""
    answer = _ask("who should get the tdap vaccine", [VACCINES], handmade_vocabulary)
    assert not answer.abstained
    assert answer.query.concepts[0].key == "D38"


@pytest.mark.parametrize(
    ("name", "label", "expected"),
    [
        (
            "diphtheria-tetanus-acellular pertussis vaccines",
            "Tetanus, Diphtheria, and Pertussis Vaccines",
            True,
        ),
        ("pertussis vaccine", "Tetanus, Diphtheria, and Pertussis Vaccines", False),
        (
            "new live attenuated measles mumps rubella vaccine",
            "Measles, Mumps, and Rubella Vaccine",
            False,
        ),
        ("tetanus", "Nausea and Vomiting", False),
    ],
)
def test_kinds_of_a_coordinated_label(name: str, label: str, expected: bool) -> None:
    kind = coordinated_kind(label)
    assert (kind is not None and kind_of(name, kind)) is expected


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("Measles, Mumps, and Rubella Vaccine", "mumps measles rubella vaccine"),
        ("Hepatitis A and B vaccines", "hepatitis a b vaccines"),
    ],
)
def test_coordinated_labels_stand_for_their_combinations(label: str, expected: str) -> None:
    assert expected in [c.lower() for c in coordinated(label)]


@pytest.mark.parametrize(
    "label", ["Nausea and Vomiting", "Fever", "A, B, C, D, and E vaccines", "What is X ?"]
)
def test_labels_that_coordinate_no_modifiers_stand_for_nothing_more(label: str) -> None:
    assert coordinated(label) == []


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("Urine and Urination", ["Urine", "Urination"]),
        ("Nausea and Vomiting", ["Nausea", "Vomiting"]),
        ("Do you have information about Urine and Urination", []),
        ("Fever", []),
    ],
)
def test_a_label_joining_topics_is_about_each(label: str, expected: list[str]) -> None:
    assert conjuncts(label) == expected


def test_a_page_joining_topics_is_about_each_under_its_medquad_topic(
    handmade_vocabulary: Vocabulary,
) -> None:
    """The whole topic "Gout and Pregnancy" is a MedQuAD term of its own; the page is still
    about gout."""
    page = _page("gp", "Gout and Pregnancy", "Gout can flare during pregnancy.")
    judge = TopicJudge(handmade_vocabulary)
    gout = understand("what is gout", handmade_vocabulary).primary_topics[0]
    assert judge.concepts([page])[page.id].about(gout)


def test_a_vaccine_question_is_answered_from_the_prevented_disease_s_page_lines_on_the_vaccine(
    handmade_vocabulary: Vocabulary,
) -> None:
    """Who should get a vaccine, and when, is told on the page of the disease it prevents; of
    that page only the statements on the vaccine answer, never those on the disease alone."""
    query = understand("who should get the hepatitis b vaccine", handmade_vocabulary)
    prevented = [c for c in query.concepts if c.key == "D19"]
    assert prevented and "prevents" in prevented[0].via
    assert query.drug_and_condition is not None
    page = _page(
        "hbv-prevention",
        "Hepatitis B",
        "Hepatitis B is an infection of the liver caused by a virus.",
        "All infants should get the hepatitis B vaccine at birth.",
    )
    answer = _ask("who should get the hepatitis b vaccine", [page], handmade_vocabulary)
    texts = [b.text for b in verify.all_bullets(answer)]
    assert "All infants should get the hepatitis B vaccine at birth." in texts
    assert "Hepatitis B is an infection of the liver caused by a virus." not in texts
    # a question naming the disease itself adds nothing twice
    both = understand(
        "is the hepatitis b vaccine safe for people with hepatitis b", handmade_vocabulary
    )
    assert [c.key for c in both.concepts].count("D19") == 1


HEROIN = _page(
    "heroin",
    "Heroin",
    "Heroin is a white or brown powder made from morphine.",
    "Major health problems from heroin include miscarriages and death from overdose.",
    "People who inject the drug also risk getting infectious diseases such as hepatitis.",
    "At higher doses over time, the body becomes dependent on heroin.",
)


def test_a_drug_pages_words_for_harm_are_side_effects_not_treatment(
    handmade_vocabulary: Vocabulary,
) -> None:
    """A page about a drug of abuse names its harms in plain words, and calls it "the drug": no
    treatment statement."""
    answer = _ask("what is heroin", [HEROIN], handmade_vocabulary)
    sections = {s.title: [b.text for b in s.bullets] for s in answer.guideline_sections}
    assert "Treatment Options" not in sections
    assert sections["Side Effects"] == [
        "People who inject the drug also risk getting infectious diseases such as hepatitis.",
        "At higher doses over time, the body becomes dependent on heroin.",
    ]


def test_a_condition_page_s_harms_are_no_side_effects_of_the_drug(
    handmade_vocabulary: Vocabulary,
) -> None:
    """On the page of the condition a drug is named with, "serious problems" are the
    condition's, not the drug's."""
    gout = _page(
        "gout",
        "Gout",
        "Gout is a kind of arthritis caused by uric acid crystals.",
        "Common serious problems include kidney stones and joint damage from gout.",
        "Colchicine is a medicine used to treat gout attacks.",
    )
    shown = _shown("what are the side effects of colchicine for gout", [gout], handmade_vocabulary)
    assert "Common serious problems include kidney stones and joint damage from gout." not in shown


def test_a_substance_a_condition_responds_to_is_part_of_its_name(
    handmade_vocabulary: Vocabulary,
) -> None:
    """ "Steroid-responsive encephalopathy" is a condition, not a page about steroids."""
    page = _page(
        "he",
        "Hashimoto encephalitis",
        "Hashimoto encephalitis is treated with steroids in most people.",
    ).model_copy(update={"synonyms": ("Steroid-responsive encephalopathy",)})
    judge = TopicJudge(handmade_vocabulary)
    steroids = understand("what are steroids", handmade_vocabulary)
    assert [c.key for c in steroids.topics] == ["D42"]
    assert not judge.concepts([page])[page.id].about(steroids.topics[0])
    plain = page.model_copy(update={"id": "medquad:st", "focus": "Steroids", "synonyms": ()})
    assert judge.concepts([plain])[plain.id].about(steroids.topics[0])


def test_a_page_named_by_the_questions_own_words_is_about_what_was_asked() -> None:
    """The vocabulary may file the question's words under a narrower concept than the page
    named by the same words; word order aside, only the same words count ("fever" is not
    "Q fever")."""
    from medcite.evidence.topic import DocumentConcepts
    from medcite.records import QueryConcept

    asked = QueryConcept(
        key="D2", name="candidiasis, vulvovaginal", matched="yeast infection", via="lay term"
    )
    page = DocumentConcepts(
        frozenset(), frozenset(), names=frozenset({frozenset({"yeast", "infection"})})
    )
    assert page.about(asked)
    fever = QueryConcept(key="D1", name="fever", matched="fever", via="MeSH term")
    q_fever = DocumentConcepts(
        frozenset(), frozenset(), names=frozenset({frozenset({"q", "fever"})})
    )
    assert not q_fever.about(fever)


def test_a_condition_pages_warning_for_the_group_asked_about_names_any_drug(
    handmade_vocabulary: Vocabulary,
) -> None:
    """On the page of the condition a drug is asked for, a warning about the group the question
    names stands even when it names another drug ("children with gout should not take
    aspirin", asked about ibuprofen for a toddler)."""
    gout = _page(
        "gout-kids",
        "Gout",
        "Gout is a kind of arthritis caused by uric acid crystals.",
        "Ibuprofen can ease the pain of a gout attack.",
        "Adults can take aspirin, but children with gout should not take aspirin.",
    )
    shown = _shown("can i give ibuprofen to my toddler for gout", [gout], handmade_vocabulary)
    assert "Adults can take aspirin, but children with gout should not take aspirin." in shown


def test_street_names_and_word_acronyms_name_no_second_topic(
    handmade_vocabulary: Vocabulary,
) -> None:
    """A drug page's street name that is an ordinary word ("Ice") is no page about ice; an
    acronym spelling a word ("STING" in a title or a condition's name) is not the word; what a
    condition is "associated" with qualifies it."""
    judge = TopicJudge(handmade_vocabulary)
    ice = understand("is ice good for swelling", handmade_vocabulary).topics[0]
    sting = understand("what helps a bee sting", handmade_vocabulary).topics[0]
    meth = _page("meth", "Methamphetamine", "Meth is a very addictive stimulant drug.")
    meth = meth.model_copy(update={"synonyms": ("Ice", "Crystal", "Meth")})
    gene = _page("savi", "STING-associated vasculopathy", "SAVI is a disorder of blood vessels.")
    paper = _paper("9", "The cGAS-STING pathway in lupus", "STING signalling drives lupus.")
    bites = _page("bites", "Insect Bites and Stings", "Bee stings usually hurt.")
    found = judge.concepts([meth, gene, paper, bites])
    assert not found[meth.id].about(ice)
    assert not found[gene.id].about(sting) and not found[paper.id].about(sting)
    assert found[bites.id].about(sting)
    vessels = understand("what is vasculopathy", handmade_vocabulary).topics[0]
    assert found[gene.id].about(vessels)


def test_a_studys_scene_setting_opening_answers_nothing(handmade_vocabulary: Vocabulary) -> None:
    """The opening of an unstructured abstract that does not name the topic sets the scene of
    the study; its findings that name the topic still answer."""
    study = Document(
        id="pmid:77",
        source=Source.PUBMED,
        title="Gout information on the Internet",
        year=2021,
        sections=(
            AbstractSection(
                text="The Internet is used more than ever to research illnesses and treatments. "
                "Colchicine treatment relieved gout flares in most of the 80 adults we followed."
            ),
        ),
    )
    shown = _shown("how is gout treated", [study], handmade_vocabulary)
    assert "The Internet is used more than ever to research illnesses and treatments." not in shown
    assert (
        "Colchicine treatment relieved gout flares in most of the 80 adults we followed." in shown
    )


def test_an_interaction_answer_says_which_named_medicine_no_statement_covers(
    handmade_vocabulary: Vocabulary,
) -> None:
    """A line on two of three drugs must not read as the whole answer; with nothing shown on
    any of them, the bottom line already says the sources do not answer."""
    query = understand(
        "can I take ibuprofen with lisinopril and colchicine together?", handmade_vocabulary
    )
    line = stems("Ibuprofen can weaken the effect of lisinopril when taken together.")
    assert uncovered_medicines(query, [line]) == ["colchicine"]
    assert uncovered_medicines(query, []) == []
    two = understand("can I take ibuprofen with lisinopril?", handmade_vocabulary)
    assert uncovered_medicines(two, [line]) == []
    gout = understand("what is gout?", handmade_vocabulary)
    assert uncovered_medicines(gout, [line]) == []
    options = understand(
        "ibuprofen with lisinopril or colchicine, whats the difference", handmade_vocabulary
    )
    assert uncovered_medicines(options, [line]) == []


def test_two_medicines_taken_together_are_the_sides_of_an_interaction_not_one_and_its_use(
    handmade_vocabulary: Vocabulary,
) -> None:
    """Asked whether a new medicine goes with one taken for a condition, a study of the old
    medicine in that condition says nothing of the pair; one naming both medicines does."""
    question = (
        "I take lisinopril for high blood pressure and the doctor gave me ibuprofen, is that OK "
        "together?"
    )
    use = _paper(
        "61",
        "Lisinopril in hypertension",
        "Lisinopril interacts with many drugs used by older people with hypertension.",
    )
    assert _shown(question, [use], handmade_vocabulary) == []
    pair = _paper(
        "62",
        "Ibuprofen and lisinopril",
        "Ibuprofen interacts with lisinopril and can weaken its effect on blood pressure.",
    )
    shown = _shown(question, [use, pair], handmade_vocabulary)
    assert shown and all("Ibuprofen" in text for text in shown)
    # what both are taken for stays a side
    flare = _paper(
        "63", "Gout flares", "Ibuprofen can interact with other medicines taken for a gout flare."
    )
    both = "can I take colchicine and ibuprofen together for my gout?"
    assert _shown(both, [flare], handmade_vocabulary)
    one = "I take colchicine for my gout, can I take ibuprofen with it?"
    assert _shown(one, [flare], handmade_vocabulary) == []


def test_a_medicine_named_with_its_class_is_one_side_of_an_interaction(
    handmade_vocabulary: Vocabulary,
) -> None:
    """ "painkillers … I'm on ibuprofen" names one medicine twice: a study naming ibuprofen
    among painkillers says nothing of the other medicine asked about."""
    question = "can painkillers stop lisinopril working? I'm on ibuprofen for a week"
    levels = _paper(
        "64",
        "Ibuprofen and other painkillers in serum",
        "Painkillers such as ibuprofen reach effective blood levels at the usual doses.",
    )
    assert _shown(question, [levels], handmade_vocabulary) == []
    pair = _paper(
        "65",
        "Ibuprofen and lisinopril",
        "Ibuprofen interacts with lisinopril and can weaken its effect on blood pressure.",
    )
    assert _shown(question, [levels, pair], handmade_vocabulary)


def test_one_medicine_with_the_asker_s_condition_says_nothing_of_the_pair(
    handmade_vocabulary: Vocabulary,
) -> None:
    """Asked whether ibuprofen goes with colchicine by someone with gout, a study of colchicine
    in gout that does not speak of taking it with anything says nothing of the pair."""
    question = "Is it safe to take ibuprofen with colchicine? I have gout and my back hurts"
    adherence = _paper(
        "64",
        "Colchicine in gout",
        "Colchicine use in gout was associated with better adherence than other treatments.",
    )
    assert _shown(question, [adherence], handmade_vocabulary) == []


def test_a_contraction_s_remnant_is_no_word_of_the_question(
    handmade_vocabulary: Vocabulary,
) -> None:
    """ "we're" leaves "re", which "re-activation" also holds: a study of gout that never names
    heat is no finding on whether heat makes gout worse."""
    question = "does heat make gout worse? we're going somewhere hot in august"
    study = _paper(
        "65",
        "Gout in a cohort",
        "There were cases of re-activation of arthritis in patients with gout.",
    )
    assert _shown(question, [study], handmade_vocabulary) == []


def _class_page(doc_id: str, focus: str, synonyms: tuple[str, ...], *sentences: str) -> Document:
    return _page(doc_id, focus, *sentences).model_copy(update={"synonyms": synonyms})


PAIN_RELIEVERS = _class_page(
    "pr",
    "Pain Relievers",
    ("Analgesics",),
    "Pain relievers are medicines that reduce or relieve aches and pains.",
    "There are many different pain medicines, and each one has advantages and risks.",
    "Some pain relievers can irritate the stomach and cause bleeding as a side effect.",
    "Narcotics can cause side effects such as constipation and drowsiness.",
    "You may have heard of herbal painkillers, which can cause side effects too.",
)
NEPHROPATHY = _page(
    "an",
    "Analgesic Nephropathy (Painkillers and the Kidneys)",
    "Painkillers taken every day for years can cause side effects in the kidneys.",
)


def test_a_page_on_the_drugs_class_answers_for_a_drug_no_page_is_on(
    handmade_vocabulary: Vocabulary,
) -> None:
    answer = _ask(
        "what side effects can ibuprofen cause", [PAIN_RELIEVERS, NEPHROPATHY], handmade_vocabulary
    )
    shown = [b.text for b in verify.all_bullets(answer)]
    assert any("irritate the stomach" in t for t in shown)
    # another kind of the class (narcotics, herbal painkillers) is not said of ibuprofen; a page
    # whose topic only contains a class name is no page on the class
    assert not any("Narcotics" in t or "herbal" in t or "kidneys" in t for t in shown)
    assert {r.document_id for r in answer.references} == {PAIN_RELIEVERS.id}


def test_a_class_page_says_what_the_drug_is_only_when_asked_that(
    handmade_vocabulary: Vocabulary,
) -> None:
    what = _shown("what is ibuprofen used for", [PAIN_RELIEVERS], handmade_vocabulary)
    assert any(t.startswith("Pain relievers are medicines") for t in what)
    assert not any(t.startswith("There are many") for t in what)
    brand = _shown("what is the brand name of ibuprofen", [PAIN_RELIEVERS], handmade_vocabulary)
    assert not any("reduce or relieve" in t for t in brand)
    dose = _shown("how much ibuprofen can I take", [PAIN_RELIEVERS], handmade_vocabulary)
    assert not any("Pain relievers are" in t for t in dose)


def test_a_drug_with_a_condition_is_named_by_its_class_on_the_condition_s_page_only(
    handmade_vocabulary: Vocabulary,
) -> None:
    gout = _page(
        "g",
        "Gout",
        "Gout is a form of arthritis with sudden joint pain in the big toe.",
        "People with gout and kidney disease should not take NSAIDs without a doctor.",
        "People with gout should not take topical NSAIDs without a doctor.",
    )
    study = _paper("7", "Analgesic safety in gout", "NSAIDs were safe for most adults with gout.")
    shown = _shown("is ibuprofen safe for gout", [gout, study], handmade_vocabulary)
    assert "People with gout and kidney disease should not take NSAIDs without a doctor." in shown
    # a kind of the class ("topical NSAIDs") and a study of the class in general
    assert not any("topical" in t or "most adults" in t for t in shown)


def test_someone_on_a_drug_with_a_complaint_is_not_told_its_class_treats_it(
    handmade_vocabulary: Vocabulary,
) -> None:
    """On ibuprofen and now with bad fatigue, that doctors give NSAIDs for it is no answer (the
    asker is on one already), and a statement that the class can make it worse is; taking it
    for the fatigue, or with a disease it is taken for (gout), the class's treatment is one."""

    def page(word: str) -> Document:
        return _page(
            word,
            word.capitalize(),
            f"{word.capitalize()} is common in adults.",
            f"Doctors usually prescribe NSAIDs to ease {word}.",
            f"NSAIDs taken for a long time can cause kidney problems that make {word} worse.",
        )

    def shown(question: str, word: str) -> list[str]:
        return _shown(question, [page(word)], handmade_vocabulary)

    on_it = shown("I'm on ibuprofen every day and now my fatigue is bad, what can I do?", "fatigue")
    assert not any("prescribe NSAIDs" in t for t in on_it)
    assert any("can cause kidney problems" in t for t in on_it)
    assert any("prescribe" in t for t in shown("I'm on ibuprofen for my fatigue, ok?", "fatigue"))
    gout = shown("I'm on ibuprofen every day and now my gout is bad, what can I do?", "gout")
    assert any("prescribe NSAIDs" in t for t in gout)


def test_asked_for_something_better_the_condition_s_treatments_answer(
    handmade_vocabulary: Vocabulary,
) -> None:
    gout = _page(
        "g",
        "Gout",
        "Gout is a form of arthritis with sudden joint pain in the big toe.",
        "Doctors treat gout attacks with rest, ice and a medicine called colchicine.",
        "Gout attacks often start at night.",
    )
    better = _shown(
        "is it safe to take ibuprofen every day for gout, or is there something better?",
        [gout],
        handmade_vocabulary,
    )
    assert "Doctors treat gout attacks with rest, ice and a medicine called colchicine." in better
    assert not any("at night" in t for t in better)  # only its treatments
    alone = _shown("is it safe to take ibuprofen every day for gout", [gout], handmade_vocabulary)
    assert not any("colchicine" in t for t in alone)


def test_asked_whether_a_condition_passes_untreated_its_course_answers(
    handmade_vocabulary: Vocabulary,
) -> None:
    gout = _page(
        "g",
        "Gout",
        "Gout is a form of arthritis with sudden joint pain in the big toe.",
        "Often, gout attacks go away on their own within a week or two.",
        "Gout attacks often start at night.",
    )
    passes = _shown(
        "does gout always need ibuprofen, or will it clear up by itself?",
        [gout],
        handmade_vocabulary,
    )
    assert "Often, gout attacks go away on their own within a week or two." in passes
    assert not any("at night" in t for t in passes)


def _relievers(doc_id: str, *sentences: str) -> Document:
    """A handmade page on pain relievers (a class of ibuprofen) with ``sentences``."""
    return _class_page(
        doc_id,
        "Pain Relievers",
        (),
        "Pain relievers are medicines that reduce or relieve aches and pains.",
        *sentences,
    )


def test_asked_about_stopping_a_class_page_says_how_to_stop_not_what_it_is_for(
    handmade_vocabulary: Vocabulary,
) -> None:
    from medcite.answer.class_pages import STOPPING

    page = _relievers(
        "pr2",
        "Keep taking your medicine even if you feel better.",
        "Do not stop taking your medicines without talking to your doctor.",
    )
    shown = _shown("can I just stop taking ibuprofen", [page], handmade_vocabulary)
    assert "Do not stop taking your medicines without talking to your doctor." in shown
    assert not any("reduce or relieve" in t or "Keep taking" in t for t in shown)
    assert STOPPING.search("been on it a year, can i just stop")
    assert not STOPPING.search("whats the best way to stop them early")


def test_a_class_page_warns_only_when_a_harm_is_asked_and_never_reassures(
    handmade_vocabulary: Vocabulary,
) -> None:
    page = _relievers(
        "pr3",
        "Pain relievers may cause mild side effects that usually do not last long.",
        "Pain relievers are not recommended for pregnant women or people with kidney disease.",
    )
    harm = _shown("can ibuprofen cause side effects", [page], handmade_vocabulary)
    assert any("not recommended for pregnant women" in t for t in harm)
    assert not any("do not last long" in t for t in harm)
    colour = _shown("what colour is an ibuprofen pill", [page], handmade_vocabulary)
    assert not any("not recommended" in t for t in colour)


def test_asking_whether_the_class_causes_a_complaint_is_asking_its_harms(
    handmade_vocabulary: Vocabulary,
) -> None:
    """ "can painkillers cause X? I take ibuprofen" asks a harm of ibuprofen, as "side
    effects" would: the class page's warning answers it."""
    page = _relievers(
        "pr4",
        "Pain relievers are not recommended for pregnant women or people with kidney disease.",
    )
    harm = _shown("can painkillers cause a fever? I take ibuprofen", [page], handmade_vocabulary)
    assert any("not recommended" in t for t in harm)
    told = _shown("I take ibuprofen, what causes a fever", [page], handmade_vocabulary)
    assert not any("not recommended" in t for t in told)


def test_a_complaint_in_the_first_weeks_gets_the_class_s_word_that_it_passes(
    handmade_vocabulary: Vocabulary,
) -> None:
    """Told a stomach upset days after starting ibuprofen, and asked whether it is normal, the
    class's "mild side effects that usually do not last long" answers; a sexual complaint,
    which can last as long as the drug is taken, does not get it."""
    page = _relievers(
        "pr4",
        "Many of them can be bought without a prescription.",
        "Pain relievers may cause side effects that usually do not last long. These may include "
        "an upset stomach, headache and dizziness. Tell your doctor if you have any side effects.",
    )
    early = _shown(
        "started ibuprofen 4 days ago and I feel queasy after meals, is this normal",
        [page],
        handmade_vocabulary,
    )
    assert any("do not last long" in t for t in early)
    lasting = _shown(
        "started ibuprofen 4 days ago and now I have no sex drive, is this normal",
        [page],
        handmade_vocabulary,
    )
    assert not any("do not last long" in t for t in lasting)


def test_a_class_said_to_treat_another_condition_says_nothing_of_the_one_asked(
    handmade_vocabulary: Vocabulary,
) -> None:
    gout = _page(
        "g2",
        "Gout",
        "Gout is a form of arthritis with sudden joint pain in the big toe.",
        "NSAIDs are used to treat high blood pressure headaches in adults.",
        "People with gout who take NSAIDs may have side effects such as an upset stomach.",
    )
    shown = _shown("is ibuprofen safe for gout", [gout], handmade_vocabulary)
    assert (
        "People with gout who take NSAIDs may have side effects such as an upset stomach." in shown
    )
    assert not any("high blood pressure" in t for t in shown)


def test_a_question_about_stopping_a_drug_is_told_in_several_ways() -> None:
    from medcite.answer.class_pages import STOPPING

    assert STOPPING.search("is it safe to stop my antidepressant? i feel fine now")
    assert STOPPING.search("would it be dangerous for me to suddenly stop them")
    assert not STOPPING.search("is it safe to take them with food")


def test_a_statement_may_name_a_drug_by_the_question_s_own_word(
    handmade_vocabulary: Vocabulary,
) -> None:
    """An effect question ("is it safe to …") needs a statement naming two of its things; the
    statement's "HPV vaccine" is the question's own name for the vocabulary's "papillomavirus
    vaccines", and it adds no weight beyond the names it already counts."""
    from medcite.answer.extract import Topic

    query = understand("is it safe to get the hpv vaccine with a cold", handmade_vocabulary)
    topic = Topic.of(query, gated=True)
    said = stems("You can get the HPV vaccine even if you have a cold.")
    assert topic.covers(said)
    assert not topic.covers(stems("You can go to work even if you have a cold."))
    assert topic.count(said) > topic.weight(said)


def test_asked_whether_a_habit_is_harmful_its_page_s_harms_answer(
    handmade_vocabulary: Vocabulary,
) -> None:
    """Asked what harm a habit does, its page (tobacco use) states the harms in plain words,
    as a drug's page does."""
    harm = "Tobacco use can cause problems with your gums and teeth."
    page = _page(
        "tb1",
        "Tobacco Use",
        "Tobacco use means smoking or chewing tobacco.",
        "Tobacco is a plant grown for its leaves.",
        "The leaves are dried and made into cigarettes, cigars and snuff.",
        harm,
    )
    answer = _ask("is tobacco use every day harmful", [page], handmade_vocabulary)
    assert harm in answer.model_dump_json()


def test_a_liver_or_kidney_disease_is_the_condition_a_drug_is_asked_with(
    handmade_vocabulary: Vocabulary,
) -> None:
    """Of two conditions named beside a drug, a liver or kidney disease is the one the drug is
    asked with: whether the drug is safe in it is the question, whichever is named first."""
    query = understand(
        "my gout is flaring and i have fatty liver, can i take ibuprofen", handmade_vocabulary
    )
    pair = query.drug_and_condition
    assert pair is not None and (pair[0].name, pair[1].name) == ("ibuprofen", "fatty liver")
    plain = understand("my gout is flaring, can i take ibuprofen", handmade_vocabulary)
    assert plain.drug_and_condition is not None
    assert plain.drug_and_condition[1].name == "gout"


def test_a_topic_pages_warning_advises_against_something(handmade_vocabulary: Vocabulary) -> None:
    """A sentence of the condition's page that names the group asked about but no drug is a
    warning only when it advises against something, not when it merely negates."""
    liver = _page(
        "fatty-liver",
        "Fatty Liver",
        "Fatty liver is a build-up of fat in the liver.",
        "Most people who drink a little alcohol do not get damage to the liver.",
        "People with fatty liver should not drink alcohol, as it adds to the damage.",
    )
    shown = _shown("i have fatty liver, is ibuprofen ok for my liver", [liver], handmade_vocabulary)
    assert "People with fatty liver should not drink alcohol, as it adds to the damage." in shown
    assert not any("do not get damage" in text for text in shown)


def test_one_warning_on_two_pages_is_one_bullet_citing_both(
    handmade_vocabulary: Vocabulary,
) -> None:
    warning = "People with fatty liver should not drink alcohol, as it adds to the damage."
    first = _page("fatty-liver-1", "Fatty Liver", "Fatty liver is fat in the liver.", warning)
    second = _page("fatty-liver-2", "Fatty Liver", "Fatty liver may cause no symptoms.", warning)
    answer = _ask(
        "i have fatty liver, is ibuprofen ok for my liver", [first, second], handmade_vocabulary
    )
    bullets = [b for b in verify.all_bullets(answer) if b.text == warning]
    assert len(bullets) == 1
    assert {c.document_id for c in bullets[0].citations} == {first.id, second.id}


def test_a_question_on_stopping_a_drug_is_not_answered_by_what_it_does(
    handmade_vocabulary: Vocabulary,
) -> None:
    """Asked whether to stop a drug, a statement of what the drug does or how to dose it with
    another says nothing; one on stopping it answers."""
    study = _paper(
        "31",
        "Colchicine and clarithromycin in adults with gout",
        "Colchicine lowered the number of gout attacks in 200 adults.",
        "Clinicians should halve the colchicine dose when clarithromycin is given.",
    )
    assert _ask("can i just stop my colchicine", [study], handmade_vocabulary).abstained
    label = _paper(
        "32",
        "Stopping colchicine in adults with gout",
        "Colchicine lowered the number of gout attacks in 200 adults.",
        "Stopping colchicine abruptly was followed by more gout attacks within 3 months.",
    )
    shown = _shown("can i just stop my colchicine", [label], handmade_vocabulary)
    assert shown and all("Stopping colchicine" in text for text in shown)


@pytest.mark.parametrize(
    ("text", "bare"),
    [
        ("If you have kidney disease, do not use NSAIDs.", True),
        ("Avoid using NSAIDs after surgery.", True),
        ("Many people get NSAIDs over the counter.", True),
        ("Topical NSAIDs are gels rubbed on the skin.", False),
    ],
)
def test_a_verb_of_taking_picks_out_no_kind_of_a_class(text: str, bare: bool) -> None:
    """ "use" and "get" are stopwords to the stemmer, yet verbs of taking like "take"."""
    from medcite.answer.class_pages import bare_mention
    from medcite.query.drugs import class_pattern

    assert bare_mention(text, class_pattern(["NSAIDs"])) is bare


def test_a_topic_pages_warning_on_medicines_for_the_group_asked_stands(
    handmade_vocabulary: Vocabulary,
) -> None:
    """Not advice, but a warning: what medicines may do to the group the question names."""
    gout = _page(
        "gout-medicines",
        "Gout",
        "Gout is a kind of arthritis caused by uric acid crystals.",
        "Gout medicines for adults may be dangerous for children.",
    )
    shown = _shown("can my toddler take ibuprofen for gout", [gout], handmade_vocabulary)
    assert "Gout medicines for adults may be dangerous for children." in shown


def test_stopping_a_habit_is_not_stopping_the_drug(handmade_vocabulary: Vocabulary) -> None:
    """ "Should I stop drinking" asked beside a drug does not ask about stopping the drug."""
    from medcite.answer.class_pages import on_stopping
    from medcite.answer.extract import Candidate
    from medcite.answer.segment import Sentence
    from medcite.records import Evidence, EvidenceLevel

    text = "Colchicine lowered gout attacks."
    study = _paper("33", "Colchicine in adults with gout", text)
    hit = Hit(document=study, score=1.0, rank=1)
    evidence = Evidence(hit=hit, level=EvidenceLevel.OBSERVATIONAL, score=1.0)
    cands = [
        Candidate(
            Sentence(text, study.id, None, None, 0), evidence, Facet.TREATMENT, 1.0, stems(text)
        )
    ]
    query = understand("i take colchicine, should i stop drinking", handmade_vocabulary)
    assert query.about_a_drug
    assert on_stopping(query, cands) == cands
    asked = understand("i take colchicine, should i stop it", handmade_vocabulary)
    assert on_stopping(asked, cands) == []
    # finishing the course is what stopping early is asked against
    text = "It is important to finish your medicine even if you feel better."
    finish = Candidate(
        Sentence(text, study.id, None, None, 1), evidence, Facet.TREATMENT, 1.0, stems(text)
    )
    assert on_stopping(asked, [finish]) == [finish]


def test_the_drug_a_question_asks_of_pairs_with_the_condition(
    handmade_vocabulary: Vocabulary,
) -> None:
    """Of two drugs told beside a condition, the one the question asks of pairs with it: a
    statement naming that one with the condition answers."""
    page = _page(
        "gout-treatment",
        "Gout",
        "Gout is a kind of arthritis caused by uric acid crystals.",
        "Colchicine is often given for a gout attack in adults.",
    )
    question = "my dad has gout and got ibuprofen at the clinic. what about colchicine for it?"
    pair = understand(question, handmade_vocabulary).drug_and_condition
    assert pair is not None and pair[0].name == "colchicine"
    shown = _shown(question, [page], handmade_vocabulary)
    assert "Colchicine is often given for a gout attack in adults." in shown


def test_a_page_on_the_congenital_form_answers_only_a_question_from_birth(
    sample_engine: Engine,
) -> None:
    """A newborn's treatment on the page of a condition's congenital form is no answer for an
    adult told they have the condition; it answers a question about a baby."""

    def congenital(question: str) -> bool:
        answer = sample_engine.ask(question)
        cited = {c.document_id for b in verify.all_bullets(answer) for c in b.citations}
        pages = [sample_engine.get(i) for i in cited]
        return any(d is not None and "congenital" in (d.focus or "").lower() for d in pages)

    assert not congenital(
        "i'm 45 and my doctor says i have mild hypothyroidism. should i be taking levothyroxine?"
    )
    assert congenital("our newborn has congenital hypothyroidism, how is it treated")


def test_a_product_named_with_its_own_ingredient_is_said_to_hold_it_twice(
    handmade_vocabulary: Vocabulary,
) -> None:
    """ "Lemsip with Tylenol": the product table says Lemsip holds acetaminophen, so the
    abstention says the two hold the same medicine; a product named with another drug does
    not say it."""
    from medcite.query.lookups import lookups

    def reason(question: str) -> str:
        query = understand(question, handmade_vocabulary, extra=lookups(question))
        result = gate(query, rank([], 2026), TopicJudge(handmade_vocabulary))
        answer = compose(ComposeInput("t", query, 12, gate=result), result.on_topic)
        assert answer.abstained
        return answer.abstain_reason or ""

    assert "already contains acetaminophen" in reason("can i take lemsip with tylenol")
    assert "already contains" not in reason("can i take lemsip with colchicine")
    # told as taken one after the other, though not asked as a pair
    assert "already contains" in reason("took 2 tylenol at 8 then nyquil at 11, too much?")
    assert "already contains" in reason("on nyquil for flu, may i have 2 tylenol too")
    assert "already contains" not in reason("on nyquil for flu, may i have 2 tylenol")
    # alternatives, or the product's own ingredient named as what it holds: no note
    assert "already contains" not in reason("dad takes tylenol pm or sometimes benadryl, safe?")
    assert "already contains" not in reason("addicted to codeine? been taking co-codamol daily")


def test_a_class_page_s_word_on_other_drugs_answers_a_pair(
    handmade_vocabulary: Vocabulary,
) -> None:
    """Asked whether ibuprofen goes with colchicine, the pain relievers page's "Some pain
    relievers also interact badly with other drugs" speaks of the pair (it names one of the
    two and speaks of combining with any other)."""
    page = _relievers(
        "pr5",
        "Many of them can be bought without a prescription.",
        "Some pain relievers also interact badly with other drugs.",
    )
    pair = _shown(
        "I'm on colchicine and the doctor gave me ibuprofen, is it ok to take both?",
        [page],
        handmade_vocabulary,
    )
    assert any("interact badly with other drugs" in t for t in pair)


@pytest.mark.parametrize(
    ("text", "warns"),
    [
        ("Do not use zorbamol for colds; that combination can cause harm.", True),
        ("People taking warfarin should not be given zorbamol.", True),
        ("Children with a fever should not take zorbamol.", True),
        ("Avoid zorbamol if you have had an ulcer.", False),  # avoiding is no prohibition said
        ("Never delay calling for help to take zorbamol.", False),
        ("Zorbamol is widely used; do not stop it suddenly.", False),
        ("Do not use other painkillers for more than three days with zorbamol.", False),
    ],
)
def test_advice_against_the_drug_by_name_is_a_warning(text: str, warns: bool) -> None:
    assert advises_against(text, ["zorbamol"]) is warns


def test_a_guideline_page_advising_against_the_drug_asked_warns_in_the_answer(
    sample_engine: Engine,
) -> None:
    """NIH's chickenpox page advises against aspirin for chickenpox and names no group of
    people: the warning is shown for an adult's question too."""
    answer = sample_engine.ask("Is aspirin all right for an adult with chickenpox?")
    texts = [b.text.lower() for b in verify.all_bullets(answer)]
    assert any("aspirin" in t and "reye" in t for t in texts)


def test_a_product_and_its_own_ingredient_are_one_medicine_unless_joined(
    handmade_vocabulary: Vocabulary,
) -> None:
    """ "sent home with co-codamol. Is codeine ok for my baby?" asks about the codeine in the
    co-codamol, no interaction of two medicines; the two joined ("co-codamol and codeine
    linctus") are a pair."""
    from medcite.query.lookups import lookups

    def asked(question: str) -> tuple[Facet, ...]:
        return understand(question, handmade_vocabulary, extra=lookups(question)).asked

    one = "The hospital sent me home with co-codamol. Is codeine ok while breastfeeding?"
    assert Facet.INTERACTIONS not in asked(one)
    assert Facet.INTERACTIONS in asked("can I take co-codamol and codeine linctus")


def test_a_class_page_s_harms_do_not_hold_for_a_form_used_where_it_acts(
    handmade_vocabulary: Vocabulary,
) -> None:
    """What a class's page says of its harms is said of tablets: asked of a gel or a cream,
    only a harm the page says of that form answers."""
    page = _class_page(
        "pr2",
        "Pain Relievers",
        ("Analgesics",),
        "Pain relievers are medicines that reduce or relieve aches and pains.",
        "Some pain relievers can irritate the stomach and cause bleeding as a side effect.",
        "Pain relievers in a gel can cause red skin as a side effect where they are rubbed in.",
    )
    gel = _shown("what side effects can ibuprofen gel cause", [page], handmade_vocabulary)
    assert not any("irritate the stomach" in t for t in gel)
    assert any("red skin" in t for t in gel)
    tablets = _shown("what side effects can ibuprofen cause", [page], handmade_vocabulary)
    assert any("irritate the stomach" in t for t in tablets)


def test_a_medicine_told_as_someone_elses_gets_a_note_to_ask_first(
    handmade_vocabulary: Vocabulary,
) -> None:
    """ "My flatmate handed me two of hers": a prescription chosen for someone else is no
    answer to whether it suits the asker, so the answer (or abstention) says to ask first; a
    medicine the doctor gave is the asker's own."""
    from medcite.answer.compose import BORROWED_HELP
    from medcite.query.lookups import lookups

    def reason(question: str) -> str:
        query = understand(question, handmade_vocabulary, extra=lookups(question))
        result = gate(query, rank([], 2026), TopicJudge(handmade_vocabulary))
        answer = compose(ComposeInput("t", query, 12, gate=result), result.on_topic)
        return answer.abstain_reason or ""

    note = BORROWED_HELP.strip()
    assert note in reason("my flatmate handed me two of her colchicine for my gout, ok?")
    assert note in reason("can i use my dad's colchicine for a gout flare")
    assert note not in reason("my doctor gave me some colchicine for my gout, ok?")
    # a relative's own medicine, asked about for them
    assert note not in reason("is it ok to crush my dad's colchicine tablets for his gout")


def test_asked_whether_something_causes_a_condition_a_finding_without_a_link_is_none(
    handmade_vocabulary: Vocabulary,
) -> None:
    """Whether colchicine brings on gout is not answered by a study of how to image gout joints
    on it; a finding that speaks of the link is an answer."""
    question = "can colchicine cause gout?"
    imaging = _paper(
        "84",
        "Colchicine and gout joints on ultrasound",
        "Half-dose contrast showed gout joints on colchicine as well as the full dose.",
    )
    link = _paper(
        "85",
        "Colchicine and new gout",
        "Colchicine use was not associated with new gout in older adults.",
    )

    def cited(docs: list[Document]) -> set[str]:
        answer = _ask(question, docs, handmade_vocabulary)
        return {c.document_id for b in verify.all_bullets(answer) for c in b.citations}

    assert "pmid:84" not in cited([imaging])
    assert cited([imaging, link]) == {"pmid:85"}
