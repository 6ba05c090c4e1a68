"""Sentence selection: what counts as on topic, for consumer and evidence questions."""

from __future__ import annotations

import pytest

from medcite.answer.causes import effect_of_topic
from medcite.answer.extract import (
    SENTENCE_CUES,
    AmountAsked,
    Candidate,
    Topic,
    amount_pattern,
    candidates,
    damaged,
    dangling,
    defines_topic,
    expiring,
    is_statement,
    states_a_value,
    treatment_study,
)
from medcite.answer.segment import Sentence
from medcite.evidence.rank import rank
from medcite.query.understand import understand
from medcite.query.vocab import Vocabulary
from medcite.records import (
    AbstractSection,
    Document,
    Evidence,
    EvidenceLevel,
    Facet,
    Hit,
    Query,
    QueryConcept,
    Source,
)
from medcite.text import stems


def _query(question: str, focus: str, expansions: tuple[str, ...]) -> Query:
    return Query(
        question=question,
        focus=focus,
        facets=(Facet.OVERVIEW,),
        asked=(Facet.OVERVIEW,),
        expansions=expansions,
        search_text=focus,
    )


EVIDENCE = _query(
    "Can progression of valvar aortic stenosis be predicted accurately?",
    "progression valvar aortic stenosis predicted accurately",
    ("aortic valve stenosis", "constriction, pathologic"),
)


def test_an_evidence_question_needs_both_sides() -> None:
    topic = Topic.of(EVIDENCE)
    assert topic.needed == 2
    assert topic.covers(stems("Aortic valve stenosis progressed faster in older patients."))
    assert not topic.covers(stems("Aortic valve stenosis is common in the elderly."))
    assert not topic.covers(stems("Progression was predicted accurately in most patients."))


def test_a_consumer_question_needs_one_topic_phrase() -> None:
    topic = Topic.of(
        _query("What is aortic stenosis?", "aortic stenosis", ("aortic valve stenosis",))
    )
    assert topic.needed == 1
    assert topic.covers(stems("Aortic valve stenosis is common in the elderly."))
    assert not topic.covers(stems("Mitral regurgitation is common in the elderly."))


def test_taking_two_drugs_together_needs_both_drugs_named() -> None:
    from medcite.records import QueryConcept

    drugs = tuple(
        QueryConcept(key=k, name=n, matched=n, via="MeSH", drug=True, names=(n,))
        for k, n in (("D1", "zorbexil"), ("D2", "metformin"))
    )
    query = Query(
        question="how to combine zorbexil with metformin",
        focus="combine zorbexil metformin",
        facets=(Facet.INTERACTIONS,),
        asked=(Facet.INTERACTIONS,),
        expansions=("zorbexil", "metformin"),
        search_text="zorbexil metformin",
        concepts=drugs,
    )
    topic = Topic.of(query)
    assert topic.covers(stems("Zorbexil and metformin may be combined in one tablet."))
    # one drug and the question's own word "combine" are not both drugs
    assert not topic.covers(stems("Another drug combined with metformin lowered glucose."))


def _class_and_condition_query() -> Query:
    from medcite.records import QueryConcept

    concepts = (
        QueryConcept(
            key="D1",
            name="Anticonvulsants",
            matched="anticonvulsant",
            via="MeSH term",
            tree_numbers=("D27.505.954.427.210",),
            names=("anticonvulsants", "anticonvulsant"),
        ),
        QueryConcept(
            key="D2",
            name="Migraine Disorders",
            matched="migraine",
            via="MeSH term",
            tree_numbers=("C10.228.140.546.399.750",),
            names=("migraine disorders", "migraine"),
        ),
    )
    return Query(
        question="which anticonvulsant suits someone with migraine",
        focus="anticonvulsant migraine",
        facets=(Facet.TREATMENT,),
        asked=(Facet.TREATMENT,),
        expansions=("anticonvulsants", "migraine disorders"),
        search_text="anticonvulsant migraine",
        concepts=concepts,
    )


def test_a_drug_class_with_a_condition_needs_both_named() -> None:
    topic = Topic.of(_class_and_condition_query(), gated=True)
    assert topic.covers(stems("Some anticonvulsants prevent migraine attacks."))
    # a page on the condition that never names the class answers neither
    assert not topic.covers(stems("Migraine is a common headache disorder."))
    assert not topic.covers(stems("Anticonvulsants are taken every day."))


@pytest.mark.parametrize(
    ("text", "research", "expected"),
    [
        ("It is a very common problem in older adults.", False, True),
        ("However, they usually go away within a week.", False, True),
        ("These are treated with rest and fluids.", False, True),
        ("Such cases need surgery.", False, True),
        ("It is important to see a doctor if the rash spreads.", False, False),
        ("It may be necessary to repeat the test.", False, False),
        ("It is a good idea to rest the joint for a day.", False, False),
        ("It is not known whether the rash spreads to others.", False, False),
        ("It is a condition that damages the nerves of the hand.", False, True),
        ("It is an infection that spreads through the blood.", False, True),
        ("These findings suggest that exercise lowers blood pressure.", True, False),
        ("These findings suggest that exercise lowers blood pressure.", False, True),
        ("Itching is the main symptom of the rash.", False, False),
        ("While these drugs cannot cure the disease, they may slow it.", False, True),
        ("Researchers are asking whether this treatment helps older adults.", False, True),
        ("Researchers are asking whether this treatment helps older adults.", True, False),
        ("Drugs such as ibuprofen ease the pain of the rash.", False, False),
        ("If it does not go away in a week, see a doctor.", False, True),
        ("When they are used for a long time, they can cause ulcers.", False, True),
        ("When it is caught early, the rash can be treated at home.", False, False),
        ("When this happens, the skin cannot heal and the rash spreads.", False, True),
        ("If that occurs, the joint may need surgery.", False, True),
        ("When a rash happens, the skin is often itchy.", False, False),
        ("If you have a fever, drink fluids and rest at home.", False, False),
        ("But other types of the rash spread through blood.", False, True),
        ("Other symptoms of the rash may include itching.", False, False),
        ("The rash usually clears within a week.", False, False),
        ("Some of these rashes are caused by changes in one gene.", False, True),
        ("In these cases, the cause of the rash is unknown.", False, True),
        ("Because of these possible effects, older adults should ask first.", False, True),
        ("Because of the rash, older adults should ask first.", False, False),
        ("In some of these families, the rash runs from parent to child.", False, True),
        ("In most cases, the cause of the rash is unknown.", False, False),
        ("Some of the people with the rash have a fever.", False, False),
        ("For those who have the rash, a cream may help.", False, False),
        # "these <things>" inside a sentence is left: "Some people should not get these
        # vaccines" is a warning a reader understands beside the answer's topic
        ("Some people should not get these vaccines after a severe reaction.", False, False),
        ("Get this vaccine if you are younger than 64.", False, True),
        ("Have this blood test at least twice a year.", False, True),
        ("Some creams block this process and calm the rash.", False, True),
        ("Results of these trials are used to improve care.", False, True),
        ("Pregnant women should not get this vaccine.", False, False),
        ("A blood test can show whether you have the rash.", False, False),
        ("About half of them recover within a week.", False, True),
        ("About half of people with the rash recover within a week.", False, False),
        ("There are many other causes.", False, True),
        ("There are many causes of the rash.", False, False),
        ("Bleeding can come from any of these areas.", False, True),
        ("You can change some of these things but not others.", False, True),
        ("All three types of the cream have been effective.", True, True),
        ("These two groups had the rash for as long.", True, True),
        ("The four main signs of the rash are itching, redness, heat and pain.", False, False),
        ("Two types of the rash are common in adults.", False, False),
        ("You can change some things, like your diet, but not others.", False, False),
        # an aside in brackets explains the sentence before it
        ("(Chronic means the rash lasts for months.)", False, True),
        ("Chronic rashes (ones that last for months) need a doctor.", False, False),
        # a care-seeking step that says no when was an item under a condition
        ("Go to the nearest hospital emergency room.", False, True),
        ("Call your doctor right away.", False, True),
        ("See your doctor on a regular basis.", False, False),
        ("Call 911 for emergency services.", False, True),
        ("Call 911 if you have chest pain that does not go away.", False, False),
        ("See a doctor for a rash that lasts more than a week.", False, False),
        ("Get plenty of rest and drink fluids.", False, False),
        (
            "A rash can appear in any of these places: the face, the hands or the feet.",
            False,
            False,
        ),
        # "Similarly," goes on from the sentence before; "Some people find they help" and a
        # bare quantifier ("Most can be …") do not say what; "Also," with its own subject, a
        # name given with "also called" and "find it hard to" stand alone; "below" and "the
        # following" point to a list the sentence does not hold
        ("Also, your doctor may prescribe iron tablets.", False, False),
        ("Similarly, the swelling went down faster.", False, True),
        ("Some people find they ease the itch.", False, True),
        ("Many patients say it helps them sleep.", False, True),
        ("Also called a cold sore, a fever blister is common.", False, False),
        ("Also seek help if the rash spreads.", False, False),
        ("Below are the signs to look for.", False, True),
        ("Your doctor may order one or more of the following tests.", False, True),
        ("The following foods are high in iron: beans and spinach.", False, False),
        ("Many people find it hard to stop smoking.", False, False),
        ("Some people find that warm baths ease the itch.", False, False),
        ("Some use cold to numb the skin.", False, True),
        ("Most can be treated at home.", False, True),
        ("Many of them get better in a week.", True, True),
        ("Some creams use cold to numb the skin.", False, False),
        ("Most people can be treated at home.", False, False),
        ("Some causes of a cough include: smoke; dust; colds.", False, False),
    ],
)
def test_a_sentence_opening_with_an_unresolved_reference_is_dangling(
    text: str, research: bool, expected: bool
) -> None:
    assert dangling(text, research) is expected


@pytest.mark.parametrize(
    "text",
    [
        "The Human Phenotype Ontology provides the following list of signs and symptoms.",
        "The first number of the fraction is the pressure when the heart beats.",
        "For copies of this booklet, call the toll-free number 1-800-555-0100 today.",
        "The table below lists the most common side effects of this medicine.",
        "Highlight the contribution of this survey to the organisation of future care.",
        "Describe the outcomes of surgery for the condition in older adults.",
        "So a frequency of 3/10 means that three of ten people studied had the sign.",
        "When there is no information on frequency, a sign may be rare or common.",
        "The frequencies are based on one study and may differ in another group.",
        "Look up these words in a medical dictionary if they are new to you.",
        "Most of what follows comes from Orphanet, a database of rare diseases.",
        "A national registry is a centralized online resource for information about gout tests.",
        "Get more details about who should be checked for high blood pressure.",
        "For more information on gout, talk with your doctor or nurse.",
        "See risk factors for gout in older adults.",
        "More information is provided in the NIDDK health topic, Gout in the Kidneys.",
        "Liu JL, Chu KY, Smith AT, et al. Treatments for Gout: A Position Statement.",
        "The medical term for the big toe joint is the first metatarsophalangeal joint.",
        "For more tips on taking gout medicines safely, see the Taking Medicines topic.",
        "See a chart that compares gout with other kinds of arthritis.",
        "Watch a short video about how gout crystals form.",
        "To make the video smaller, press the Escape button on your keyboard.",
        "Our purpose was to assess how well allopurinol works for gout.",
        "Having a risk factor does not mean that you will get bone cancer.",
        "Certain factors affect prognosis (chance of recovery) and treatment options.",
        "GoutFinder is an online tool that lets you search a database of funded gout studies.",
        "You may have heard of crash diets for gout, which can do harm.",
        # a sentence leaning on a list the reader does not see
        "Call your doctor if the pain comes with any of the signs listed above.",
        "Treatment depends on which of the causes mentioned above is found.",
        "The national gout institute has more information about gout.",
    ],
)
def test_page_boilerplate_is_no_statement(text: str) -> None:
    sentence = Sentence(text, "d", None, None, 3)
    assert not is_statement(sentence)
    assert is_statement(
        Sentence("Gout attacks are treated with rest and medicines.", "d", None, None, 3)
    )
    advice = "Report any side effects of the medicine to your doctor or pharmacist."
    assert is_statement(Sentence(advice, "d", None, None, 3))


@pytest.mark.parametrize(
    ("text", "statement"),
    [
        ("children and adults with weakened immune systems, such as after a transplant.", False),
        ("and people who live with someone who has the infection.", False),
        ("mRNA vaccines teach cells to make a harmless protein piece.", True),
        ("pH levels below 7 mean the blood is too acidic.", True),
    ],
)
def test_a_piece_of_a_list_opening_with_a_plain_lower_case_word_is_no_statement(
    text: str, statement: bool
) -> None:
    assert is_statement(Sentence(text, "d", None, None, 3)) is statement


@pytest.mark.parametrize(
    ("text", "statement"),
    [
        # an item of a list of things to do, alone, reads as advice to do it
        ("Taking the blood pressure pill lisinopril.", False),
        ("Drinking eight glasses of water daily.", False),
        ("Taking a short walk after meals lowers blood sugar.", True),
        ("Swelling in the legs and the feet.", True),
        # an item of a list of who is at risk, alone, says nothing
        ("People who have kidney disease, heart failure or a weak immune system.", False),
        ("Older adults with long-term lung disease or diabetes.", False),
        ("People who smoke are more likely to get a chest infection.", True),
        ("Children with asthma should have a flu vaccine every year.", True),
    ],
)
def test_a_list_item_of_something_to_do_without_a_verb_is_no_statement(
    text: str, statement: bool
) -> None:
    assert is_statement(Sentence(text, "d", None, None, 3)) is statement


@pytest.mark.parametrize(
    ("text", "statement"),
    [
        ("Frostnip - a mild cold injury that numbs the skin but leaves no lasting damage", True),
        ("Chilblains - small itchy swellings of the skin after exposure to cold", True),
        ("Frostnip - numb skin", False),  # too short to say what it is
        ("Centers for Disease Control and Prevention", False),
        ("Cold injuries of the hands and feet in winter when it is wet and windy", False),
    ],
)
def test_a_glossary_line_of_a_list_is_a_statement(text: str, statement: bool) -> None:
    """A list item "<term> - <what it is>" names its own subject: quoted alone it reads as a
    statement, though it has no end stop."""
    assert is_statement(Sentence(text, "d", None, None, 3)) is statement


def test_some_kinds_named_by_example_are_no_reference() -> None:
    """ "Some X, such as A, ..." names its examples; "such" alone, or after another opening,
    still refers back."""
    assert not dangling("Some rashes, such as hives, fade within hours.", research=False)
    assert not dangling("Some gout drugs, such as colchicine, upset the gut.", research=False)
    assert dangling("Such rashes fade within hours.", research=False)
    assert dangling("Use certain creams, such as steroids, on it.", research=False)


def test_a_stage_or_a_need_told_without_what_for_is_dangling() -> None:
    """A stage ("… progress to this advanced stage") and a bare "Treatment is usually not
    required." lean on the sentence before; told with what they are said of, they stand alone."""
    assert dangling("Most people with lupus never reach this severe stage.", research=False)
    assert dangling("Surgery is rarely needed.", research=False)
    assert not dangling("Surgery is rarely needed for a hernia in a baby.", research=False)
    assert not dangling("Lupus has three stages of kidney damage.", research=False)


def test_an_elliptical_condition_and_an_unnamed_drugs_use_are_dangling() -> None:
    """ "If you do, ..." and "Use of the drug for ..." lean on the sentence before."""
    assert dangling("If you do, a short course of steroids can help the rash.", research=False)
    assert dangling("Use of the medicine for more than a year is not advised.", research=False)
    assert not dangling("If you do not smoke, your risk is lower.", research=False)
    assert not dangling("Use of the drug warfarin for years needs blood tests.", research=False)


def test_a_definite_description_of_the_page_topic_is_dangling() -> None:
    assert dangling("The condition may be caused by an injury or a tumor.", research=False)
    assert not dangling("The knee joint can be injured by a fall.", research=False)


def test_a_study_sentence_gives_a_dose_only_when_it_names_the_drug() -> None:
    from medcite.answer.extract import candidates
    from medcite.records import AbstractSection, Document, Evidence, EvidenceLevel, Hit, Source

    query = Query(
        question="What is the usual dose of zorbexil?",
        focus="usual dose zorbexil",
        facets=(Facet.DOSAGE,),
        asked=(Facet.DOSAGE,),
        expansions=("zorbexil",),
        search_text="zorbexil",
    )
    text = (
        "A total of 87% of patients required a higher dose after the first month. "
        "Zorbexil at a dose of 20 mg daily was well tolerated in adults."
    )
    for level, source in (
        (EvidenceLevel.TRIAL, Source.PUBMED),
        (EvidenceLevel.GUIDELINE, Source.MEDQUAD),
    ):
        doc = Document(
            id=f"{source.value}:1",
            source=source,
            title="Zorbexil in adults",
            focus="Zorbexil" if source is Source.MEDQUAD else None,
            sections=(AbstractSection(category="RESULTS", text=text),),
        )
        evidence = Evidence(hit=Hit(document=doc, score=1.0, rank=1), level=level, score=1.0)
        doses = [c.sentence.text[:9] for c in candidates(query, [evidence], gated=True)
                 if c.facet is Facet.DOSAGE]  # fmt: skip
        if level is EvidenceLevel.TRIAL:  # a study: only the sentence naming the drug
            assert doses == ["Zorbexil "]
        else:  # the drug's own page speaks of it throughout
            assert sorted(doses) == ["A total o", "Zorbexil "]


def test_a_substance_one_is_exposed_to_is_no_medicine_named_with_a_condition() -> None:
    from medcite.records import QueryConcept

    smoke = QueryConcept(
        key="D1",
        name="Tobacco Smoke Pollution",
        matched="second hand smoke",
        via="MeSH term",
        tree_numbers=("D20.945.500", "N06.850.460.350.850.500"),
        drug=True,
        tier=2,
        names=("tobacco smoke pollution", "second hand smoke"),
    )
    amd = QueryConcept(
        key="D2",
        name="Macular Degeneration",
        matched="macular degeneration",
        via="MeSH term",
        tree_numbers=("C11.768.585",),
        tier=2,
        names=("macular degeneration",),
    )
    query = _class_and_condition_query().model_copy(update={"concepts": (smoke, amd)})
    assert query.drug_and_condition is None
    pill = smoke.model_copy(update={"name": "Nicotine", "tier": 1, "tree_numbers": ("D03.1",)})
    assert query.model_copy(update={"concepts": (pill, amd)}).drug_and_condition is not None


def test_a_condition_paired_with_a_drug_is_named_by_any_reading_of_its_phrase() -> None:
    """ "arthritis in both knees" reads as knee osteoarthritis and as osteoarthritis: a page
    sentence naming osteoarthritis and the drug names both sides."""
    from medcite.answer.extract import Topic
    from medcite.records import QueryConcept
    from medcite.text import stems

    drug = QueryConcept(
        key="D1",
        name="Fishbone Extract",
        matched="fishbone extract",
        via="MeSH term",
        tree_numbers=("D03.1",),
        drug=True,
        tier=1,
        names=("fishbone extract",),
    )
    readings = [
        QueryConcept(
            key=key,
            name=name,
            matched="arthritis both knee",
            via="lay term",
            tree_numbers=(tree,),
            tier=2,
            names=(name.lower(), "arthritis both knee"),
        )
        for key, name, tree in (
            ("D2", "Osteoarthritis, Knee", "C05.550.114.606.500"),
            ("D3", "Osteoarthritis", "C05.550.114.606"),
        )
    ]
    query = _class_and_condition_query().model_copy(
        update={
            "question": "arthritis in both knees, is fishbone extract worth it",
            "concepts": (drug, *readings),
        }
    )
    assert query.drug_and_condition is not None
    topic = Topic.of(query)
    sentence = stems("Fishbone extract eased the pain of osteoarthritis in a small trial.")
    assert topic.names_side(0, sentence) and topic.names_side(1, sentence)
    assert not topic.names_side(1, stems("Fishbone extract eased the pain of gout."))


@pytest.mark.parametrize(
    ("text", "facets"),
    [
        ("All-cause mortality did not differ between the two valve systems.", {Facet.PROGNOSIS}),
        ("There was no difference in all cause death at one year.", set()),
        ("Gout is caused by uric acid crystals in the joint.", {Facet.CAUSES}),
        (
            "Cystic fibrosis is inherited in an autosomal recessive pattern.",
            {Facet.INHERITANCE},
        ),
        ("Certain genes have been linked to psoriasis.", {Facet.INHERITANCE}),
        ("The gene expression profile was measured in serum.", set()),
        ("Gout attacks recurred within a year in half the patients.", {Facet.PROGNOSIS}),
        ("Recurrent neural networks extract the time information.", set()),
        ("Long-term exposure to dust can irritate the lungs.", set()),
        ("Eczema is a chronic (long-term) skin condition.", set()),
        ("The long-term outlook for most children is good.", {Facet.PROGNOSIS}),
        ("Measles spreads through the air when someone coughs.", {Facet.CAUSES}),
        ("Gout cannot be passed from one person to another.", {Facet.CAUSES}),
        ("The person is no longer contagious once the scabs form.", {Facet.CAUSES}),
        ("The cancer spread to the lymph nodes.", set()),
        ("Contaminated food or water may transmit the bacteria.", {Facet.CAUSES}),
        ("Gout spreads easily, through saliva and mucus.", {Facet.CAUSES}),
        ("You can get it when an infected person coughs or sneezes.", {Facet.CAUSES}),
        ("The infection spreads to the bloodstream.", set()),
        ("You can catch it from sexual contact with a partner.", {Facet.CAUSES}),
        ("The virus can still spread even when no blisters show.", {Facet.CAUSES}),
        ("The cancer can spread before any symptom shows.", set()),
        ("Most gout crystals pass out of the body without help from a doctor.", {Facet.PROGNOSIS}),
        ("Small crystals usually pass through the joint without treatment.", {Facet.PROGNOSIS}),
        ("Pass the crystals to a laboratory for testing.", set()),
    ],
)
def test_sentence_cues_name_the_facet_a_sentence_answers(text: str, facets: set[Facet]) -> None:
    kinds = (Facet.CAUSES, Facet.INHERITANCE, Facet.PROGNOSIS)
    cued = {f for f in kinds if SENTENCE_CUES[f].search(text)}
    assert cued == facets


@pytest.mark.parametrize(
    ("text", "prevents"),
    [
        ("Regular exercise may help reduce your chance of falling.", True),
        ("Nonskid shoes lower the risk of a fall at home.", True),
        ("Vitamin D cuts the odds of a broken hip.", True),
        ("Falls reduce the quality of life of older people.", False),
        ("Chemotherapy after surgery lowers the risk that the cancer will come back.", False),
    ],
)
def test_a_sentence_that_lowers_the_chance_of_something_answers_prevention(
    text: str, prevents: bool
) -> None:
    assert bool(SENTENCE_CUES[Facet.PREVENTION].search(text)) is prevents


@pytest.mark.parametrize(
    ("title", "treatment"),
    [
        ("Are biologics combined with methotrexate better than monotherapy in psoriasis?", True),
        ("Surgical valve replacement for aortic stenosis: a network meta-analysis", True),
        ("Anticholinergic drugs and the risk of dementia", False),  # a cause too
        ("Chromosome analysis in couples with repeated miscarriages", False),
    ],
)
def test_a_study_of_a_treatment_is_told_by_its_title(title: str, treatment: bool) -> None:
    doc = Document(id="pmid:1", source=Source.PUBMED, title=title)
    assert treatment_study(doc) is treatment


def test_a_treatment_study_answers_no_causes() -> None:
    query = Query(
        question="What causes psoriasis?",
        focus="psoriasis",
        facets=(Facet.CAUSES,),
        asked=(Facet.CAUSES,),
        search_text="psoriasis",
    )
    text = "In psoriasis, withdrawals due to adverse events were rare with either regimen."

    def facets(title: str) -> set[Facet]:
        doc = Document(
            id="pmid:2", source=Source.PUBMED, title=title, sections=(AbstractSection(text=text),)
        )
        hit = Hit(document=doc, score=10.0, rank=1)
        evidence = [Evidence(hit=hit, level=EvidenceLevel.TRIAL, score=1.0)]
        return {c.facet for c in candidates(query, evidence)}

    assert Facet.CAUSES in facets("Psoriasis in a cohort of adults")
    assert Facet.CAUSES not in facets("Methotrexate therapy for psoriasis: a randomised trial")


def _asking(topic: str, asked: tuple[Facet, ...], concepts: tuple[QueryConcept, ...] = ()) -> Query:
    """A question on ``topic`` (its whole text) asking ``asked``, with ``concepts``."""
    return Query(
        question=topic,
        focus=topic,
        facets=asked,
        asked=asked,
        search_text=topic,
        concepts=concepts,
    )


def _study_facets(text: str, asked: tuple[Facet, ...]) -> set[Facet]:
    query = _asking("appendicitis", asked)
    doc = Document(
        id="pmid:3",
        source=Source.PUBMED,
        title="Appendicitis in adults",
        sections=(AbstractSection(text=text),),
    )
    evidence = [
        Evidence(
            hit=Hit(document=doc, score=10.0, rank=1), level=EvidenceLevel.OBSERVATIONAL, score=1.0
        )
    ]
    return {c.facet for c in candidates(query, evidence)}


def test_a_studys_account_of_its_methods_is_no_statement() -> None:
    asked = (Facet.DIAGNOSIS, Facet.SEEK_CARE)
    methods = "Medical records of adults seen in the emergency room for appendicitis were reviewed."
    assert _study_facets(methods, asked) == set()
    found = "Appendicitis was diagnosed late in adults seen first in an emergency room."
    assert _study_facets(found, asked)
    tools = "Logistic regression models were used to assess the causes of late appendicitis care."
    assert _study_facets(tools, (Facet.CAUSES,)) == set()
    pooled = "The data were standardized by the criteria used to diagnose appendicitis in adults."
    assert _study_facets(pooled, asked) == set()
    # a dose studied is no dose to take
    studied = "Pressure fell significantly within an hour of 6.5 mg of colchicine for appendicitis."
    assert Facet.DOSAGE not in _study_facets(studied, (Facet.DOSAGE,))
    # a study's dose line must state a dose
    vague = "Lower doses of colchicine are required during surgery for appendicitis."
    assert Facet.DOSAGE not in _study_facets(vague, (Facet.DOSAGE,))
    # a sentence about the study's animals, whatever the record's headings said
    rats = "In rats, appendicitis was caused by a blocked appendix in most cases."
    assert _study_facets(rats, (Facet.CAUSES,)) == set()
    # how long each arm was treated, and what counted as a cure, are the design
    assert _study_facets("Duration of therapy was seven days for both groups.", asked) == set()
    cured = "Cure was defined as no pain in the right lower abdomen after appendicitis surgery."
    assert _study_facets(cured, (Facet.TREATMENT,)) == set()
    shorter = (
        "The duration of treatment was shorter when appendicitis was treated with antibiotics."
    )
    assert _study_facets(shorter, (Facet.TREATMENT,))


def test_what_people_need_after_an_event_the_reader_never_had_is_no_treatment() -> None:
    after = "Therefore, people who get appendicitis after a liver transplant are treated early."
    assert Facet.TREATMENT not in _study_facets(after, (Facet.TREATMENT,))
    told = "Therefore, people who get a fever after appendicitis surgery are treated early."
    assert Facet.TREATMENT in _study_facets(told, (Facet.TREATMENT,))


def test_a_medicine_class_a_condition_needs_is_a_treatment_statement() -> None:
    needs = "Appendicitis in adults with a high fever and chills may require antibiotics."
    assert Facet.TREATMENT in _study_facets(needs, (Facet.TREATMENT,))
    told = "Appendicitis in adults was not more common after a course of antibiotics."
    assert Facet.TREATMENT not in _study_facets(told, (Facet.TREATMENT,))


def test_a_studys_advice_stands_only_under_management_facets() -> None:
    advice = (
        "Surgery is not recommended in adults with appendicitis whose symptoms and signs are mild."
    )
    assert _study_facets(advice, (Facet.SYMPTOMS, Facet.TREATMENT)) == {Facet.TREATMENT}
    assert _study_facets(advice, (Facet.SYMPTOMS,)) == set()


def test_what_a_study_set_out_to_do_is_no_statement() -> None:
    asked = (Facet.DIAGNOSIS,)
    aim = (
        "Our study aimed to report how often appendicitis was diagnosed late in adults seen "
        "first by a family doctor."
    )
    assert _study_facets(aim, asked) == set()
    found = "Appendicitis was diagnosed late in one in five adults seen first by a family doctor."
    assert _study_facets(found, asked)
    for call in (
        "Further studies are needed to know how appendicitis is best diagnosed in adults.",
        "How appendicitis is diagnosed in adults should be further investigated in trials.",
        "However, further and more robust research is needed before appendicitis scans are used.",
        "We performed a meta-analysis to clarify how appendicitis is diagnosed in adults.",
        "The current approach to the diagnosis of appendicitis in adults is described.",
        "The present review summarizes the tests used to diagnose appendicitis in adults.",
        # the authors speaking of their own paper
        "Here we briefly discuss how appendicitis in adults could be diagnosed earlier.",
        "Our article would help doctors and guide their work on appendicitis in adults.",
        "This review will help clinicians to diagnose appendicitis in adults.",
        "The review concludes with comment on the prospects of scans for appendicitis.",
        # what the study measured, not what it found
        "The primary outcome was a missed diagnosis of appendicitis within a week.",
        "The primary outcomes, stratified by age, were (1) perforation and (2) appendicitis.",
        "The score was derived from the pain and fever of adults with appendicitis.",
        "Secondary outcomes were pain and fever of adults with appendicitis at one week.",
        "The white cell count of adults with appendicitis was also measured.",
        # how the reviewed studies were done, and a need for more of them
        "One study relied on scans to diagnose appendicitis in adults, two on surgery.",
        "Our retrieved studies included various scans for appendicitis in adults.",
        "There is need for more clinical studies of how appendicitis is diagnosed in adults.",
        # studies under way: not yet a finding
        "Larger trials are now under way to test whether scans diagnose appendicitis sooner.",
        "Prospective studies are underway to validate the appendicitis score in adults.",
        "The results of these registry studies are expected to improve appendicitis care.",
        # how a review found its studies
        "After removing duplicates, 40 reports on how appendicitis is diagnosed were read.",
        "Our search of three databases identified 212 records on diagnosing appendicitis.",
        "Screening the abstracts resulted in 12 studies of appendicitis diagnosis, read in full.",
        "Eleven studies were eligible for our meta-analysis of scans for appendicitis in adults.",
    ):
        assert _study_facets(call, asked) == set(), call


def test_a_methods_sentence_that_also_reports_a_finding_is_kept() -> None:
    asked = (Facet.DIAGNOSIS,)
    compared = "Two scores for diagnosing appendicitis were compared in adults seen in hospital."
    assert _study_facets(compared, asked) == set()
    both = (
        "Two scores for diagnosing appendicitis were compared, and the second was found "
        "to miss fewer cases in adults."
    )
    assert _study_facets(both, asked)


def test_a_study_s_finding_is_no_advice_on_when_to_seek_care() -> None:
    finding = "Adults with appendicitis who waited two days to see a doctor had more perforations."
    advice = (
        "Patients with suspected appendicitis should be seen urgently in an emergency department."
    )
    assert Facet.SEEK_CARE not in _study_facets(finding, (Facet.SEEK_CARE,))
    assert Facet.SEEK_CARE in _study_facets(advice, (Facet.SEEK_CARE,))


def test_a_condition_named_earlier_in_an_abstract_is_a_dangling_reference() -> None:
    text = "When a patient presents with this complaint, a scan settles the diagnosis early."
    assert dangling(text, research=True)
    assert not dangling(text, research=False)  # a page's own condition is its topic
    # effects an earlier sentence told, referred to after the sentence opens
    effects = "Two trials showed that these favourable effects held in older patients too."
    assert dangling(effects, research=True)
    assert not dangling("Fish oil had few adverse effects in older patients.", research=True)


def test_animal_studies_answer_only_a_question_about_what_studies_found() -> None:
    doc = Document(
        id="pmid:8",
        source=Source.PUBMED,
        title="Vitamin D and rickets",
        year=2020,
        mesh_terms=("Animals", "Rats", "Rickets", "Vitamin D"),
        sections=(
            AbstractSection(text="Rickets was caused by a lack of vitamin D in young rats."),
        ),
    )
    evidence = [
        Evidence(hit=Hit(document=doc, score=10.0, rank=1), level=EvidenceLevel.TRIAL, score=1.0)
    ]

    def found(question: str) -> list[Candidate]:
        asked = (Facet.CAUSES,)
        query = Query(question=question, focus="rickets", facets=asked, asked=asked)
        return candidates(query, evidence)

    assert not found("What causes rickets in my toddler?")
    assert found("Is rickets associated with a lack of vitamin D?")


def test_a_study_of_unborn_babies_answers_no_adult_s_own_complaint() -> None:
    doc = Document(
        id="pmid:9",
        source=Source.PUBMED,
        title="Fetal heart rate slowing during labour",
        year=2020,
        mesh_terms=("Humans", "Heart Rate, Fetal", "Bradycardia"),
        sections=(AbstractSection(text="Bradycardia was caused by pressure on the cord."),),
    )
    evidence = [
        Evidence(hit=Hit(document=doc, score=10.0, rank=1), level=EvidenceLevel.TRIAL, score=1.0)
    ]

    def found(question: str) -> list[Candidate]:
        asked = (Facet.CAUSES,)
        query = Query(question=question, focus="bradycardia", facets=asked, asked=asked)
        return candidates(query, evidence)

    assert not found("my watch says my pulse is slow at night, what causes bradycardia?")
    assert found("I'm pregnant and the midwife heard bradycardia, what causes it?")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Most commonly, it is caused by a change in one gene.", True),
        ("In most cases, they clear up without treatment.", True),
        ("Those are rare in adults.", True),
        ("Among adults with gout, those with kidney disease need lower doses.", False),
        ("Those who smoke have more attacks of gout.", False),
        ("The other 10 percent of cases result from a new mutation.", True),
        ("The third gene codes for a protein in the kidney.", True),
        ("The second most common cause of gout is a water pill.", False),
        ("Rarely they spread to the kidneys.", True),
        ("Most commonly it is due to a change in one gene.", True),
        ("It is important to see a doctor when a joint is hot.", False),
        ("In adults with gout, colchicine is taken at the first sign of a flare.", False),
    ],
)
def test_an_opening_phrase_before_a_pronoun_still_leaves_it_dangling(
    text: str, expected: bool
) -> None:
    assert dangling(text, research=False) is expected


def _page_facets(
    text: str,
    asked: tuple[Facet, ...],
    focus: str = "Gout",
    concepts: tuple[QueryConcept, ...] = (),
) -> set[Facet]:
    """The facets ``text`` answers on a guideline page about ``focus``, for a question on gout
    (with ``concepts``, as understanding would name them)."""
    query = _asking("gout", asked, concepts)
    return {c.facet for c in candidates(query, [_page_evidence(focus, text)])}


def _page_evidence(focus: str, text: str, question_type: str | None = None) -> Evidence:
    """A handmade guideline page about ``focus`` whose answer is ``text`` (to a question of
    ``question_type``, "outlook" say)."""
    doc = Document(
        id=f"medquad:{focus}",
        source=Source.MEDQUAD,
        title=f"What is {focus}?",
        focus=focus,
        question_type=question_type,
        sections=(AbstractSection(text=text),),
    )
    hit = Hit(document=doc, score=10.0, rank=1)
    return Evidence(hit=hit, level=EvidenceLevel.GUIDELINE, score=1.0)


def test_a_page_saying_what_another_condition_is_answers_nothing_about_the_topic() -> None:
    """On the page about gout, a question on gout's outlook: "Psoriasis is a long-term skin
    disease" tells nothing of gout's; a sentence saying what gout is does."""
    from medcite.records import QueryConcept

    gout = QueryConcept(
        key="D3", name="Gout", matched="gout", via="MeSH term", tier=2, names=("gout",)
    )
    asked = (Facet.PROGNOSIS,)
    other = "Psoriasis is a long-term skin disease that can flare for years."
    assert Facet.PROGNOSIS not in _page_facets(other, asked, concepts=(gout,))
    own = "Gout is a long-term joint disease that can flare for years."
    assert Facet.PROGNOSIS in _page_facets(own, asked, concepts=(gout,))


def test_a_side_effect_said_of_everyone_answers_no_question_whether_it_is_safe_in_pregnancy() -> (
    None
):
    asked = (Facet.SIDE_EFFECTS,)
    everyone = "Gout medicines can cause diarrhoea and stomach cramps as side effects."
    in_pregnancy = "In pregnancy, gout medicines can cause side effects in the unborn baby."
    for question, kept in (
        ("is gout medicine safe while I'm pregnant", {in_pregnancy}),
        ("what are the side effects of gout medicine, I'm pregnant", {everyone, in_pregnancy}),
        ("is gout medicine safe for me", {everyone, in_pregnancy}),
    ):
        query = _asking("gout", asked).model_copy(update={"question": question})
        evidence = [_page_evidence("Gout", f"{everyone} {in_pregnancy}")]
        shown = {
            c.sentence.text
            for c in candidates(query, evidence)
            if c.facet in (Facet.SIDE_EFFECTS, Facet.WARNINGS)
        }
        assert shown == kept, question


def test_a_cause_named_as_a_condition_of_the_claim_is_no_cause_statement() -> None:
    asked = (Facet.CAUSES, Facet.TREATMENT)
    conditional = (
        "If gout is caused by a water pill, doctors treat it by switching to another pill."
    )
    assert _page_facets(conditional, asked) == {Facet.TREATMENT}
    depends = "The treatment for gout depends on the cause of the attacks in each person."
    assert Facet.CAUSES not in _page_facets(depends, asked)
    search = "To find the cause of gout, the doctor will test a sample of fluid from the joint."
    assert Facet.CAUSES not in _page_facets(search, asked)
    cause = "Gout is caused by crystals of uric acid that build up in a joint."
    assert Facet.CAUSES in _page_facets(cause, asked)


def test_a_count_of_patients_treated_is_methods_not_a_finding() -> None:
    asked = (Facet.TREATMENT,)
    assert (
        _study_facets("Thirty-two adults with appendicitis were treated with antibiotics.", asked)
        == set()
    )
    found = "Thirty-two adults with appendicitis were treated with antibiotics and most improved."
    assert _study_facets(found, asked)
    seen = "Nine consecutive referred adults seen over a year with appendicitis had antibiotics."
    assert _study_facets(seen, asked) == set()


def test_what_the_topic_causes_is_no_cause_of_it() -> None:
    gout = (stems("gout"),)
    assert effect_of_topic("Kidney stones can form secondary to gout in some adults.", gout)
    assert effect_of_topic("Joint damage caused by repeated gout attacks is permanent.", gout)
    assert not effect_of_topic("Gout is caused by crystals of uric acid in a joint.", gout)
    # "associated with" has no direction: a risk factor is associated with the condition
    assert not effect_of_topic("Obesity was associated with gout in older men.", gout)
    # the topic, or "it" on its page, as the subject that causes something
    assert effect_of_topic("Gout can cause kidney stones in some adults.", gout)
    assert effect_of_topic("It can also lead to joint damage over the years.", gout)
    assert not effect_of_topic("Gout often has more than one cause in older adults.", gout)
    assert not effect_of_topic("Uric acid crystals cause gout attacks in a joint.", gout)
    # after an adverbial opening
    assert effect_of_topic("In rare cases, gout can cause kidney stones in adults.", gout)
    assert not effect_of_topic("In most adults, uric acid crystals cause gout attacks.", gout)
    assert not effect_of_topic("Diet, alcohol and obesity can cause gout in adults.", gout)
    # the topic by an acronym its page defines
    from medcite.answer.causes import defined_acronyms

    page = "Gouty arthritis (GA) is a kind of arthritis."
    acronyms = defined_acronyms(page, ["gouty arthritis"])
    assert acronyms == {"ga"}
    assert effect_of_topic("GA can cause kidney stones in some adults.", gout, acronyms)


def test_a_comparison_of_treatments_is_filed_under_treatment_not_symptoms() -> None:
    text = "Colchicine was more effective than placebo in relieving the symptoms of appendicitis."
    assert _study_facets(text, (Facet.SYMPTOMS, Facet.TREATMENT)) == {Facet.TREATMENT}


def test_what_happens_without_treatment_says_why_to_be_seen_not_how_to_treat() -> None:
    text = "If gout is not treated, the attacks can come more often and damage the joints."
    assert _page_facets(text, (Facet.TREATMENT,)) == set()
    assert _page_facets(text, (Facet.TREATMENT, Facet.SEEK_CARE)) == {Facet.SEEK_CARE}
    underwent = "Forty adults with appendicitis underwent surgery within a day of admission."
    assert _study_facets(underwent, (Facet.TREATMENT,)) == set()


def test_having_a_professional_check_it_is_seeking_care() -> None:
    """ "Have a health care professional check …" and "checked by a doctor" say when to be
    seen, as "see a doctor" does."""
    check = "Have a health care professional check a gout joint that grows hot or changes color."
    assert Facet.SEEK_CARE in _page_facets(check, (Facet.SEEK_CARE,))
    checked = "A joint that stays swollen should be checked by a doctor."
    assert Facet.SEEK_CARE in _page_facets(checked, (Facet.SEEK_CARE,))


def test_a_reassurance_that_no_visit_is_needed_must_name_what_it_is_about() -> None:
    """On a gout page, "no need to see a doctor before you start walking" is about walking."""
    walking = "Most people don't need to see a doctor before they start a walking program."
    assert Facet.SEEK_CARE not in _page_facets(walking, (Facet.SEEK_CARE,))
    mild = "Most people with mild gout do not need to see a doctor for every flare."
    assert Facet.SEEK_CARE in _page_facets(mild, (Facet.SEEK_CARE,))
    see = "See a doctor if a joint is hot and red and you have a fever."
    assert Facet.SEEK_CARE in _page_facets(see, (Facet.SEEK_CARE,))


def _treats(question: str, text: str) -> bool:
    """Whether ``text`` on a gout page answers the treatment facet for ``question``."""
    asked = (Facet.TREATMENT,)
    query = Query(question=question, focus="gout", facets=asked, asked=asked, search_text="gout")
    found = candidates(query, [_page_evidence("Gout", text)])
    return Facet.TREATMENT in {c.facet for c in found}


def test_a_treatment_for_children_treats_no_adult_asked_about() -> None:
    """On a gout page, a line on treating children answers no question about an adult."""
    children = "Doctors give children and teens medicines for gout at special doses."
    both = "Doctors give adults and children medicines for gout at the doses they need."

    assert not _treats("gout in my big toe, 52m", children)
    assert not _treats("my husband has gout", children)
    assert _treats("gout in my big toe, 52m", both)
    assert _treats("gout in my 12 year old son", children)
    assert _treats("gout", children)  # no patient told: the page's line may be the one


def test_a_treatment_said_of_everyone_treats_no_baby_asked_about() -> None:
    """On a gout page, "you might need medicines or surgery" is said of adults: no treatment
    for a baby; a line on treating children, or one saying there is no treatment, is."""
    everyone = "In some cases, you might need medicines or surgery for gout."
    children = "Babies and young children with gout are given smaller doses of medicine."
    none = "There is no treatment for gout in the first year of life, but it passes."

    for baby in ("my 7 week old has gout, does he need meds", "gout in my newborn", "my baby"):
        assert not _treats(baby, everyone), baby
        assert _treats(baby, children), baby
        assert _treats(baby, none), baby
    for other in ("gout in my big toe", "can i take baby aspirin for gout", "gout while pregnant"):
        assert _treats(other, everyone), other


def test_a_list_headed_by_another_condition_s_symptoms_is_not_the_topic_s() -> None:
    """On a gout page, "the symptoms of a kidney stone include …" are a kidney stone's."""
    other = "The symptoms of a kidney stone include pain in the side and blood in the urine."
    assert _page_facets(other, (Facet.SYMPTOMS,)) == set()
    warning = "The most common warning signs of a kidney stone are pain and blood in the urine."
    assert _page_facets(warning, (Facet.SYMPTOMS,)) == set()
    own = "The symptoms of gout include a hot, swollen joint."
    assert _page_facets(own, (Facet.SYMPTOMS,)) == {Facet.SYMPTOMS}
    acronym = "Gout (GT) is a kind of arthritis. The first symptoms of GT include a hot joint."
    assert _page_facets(acronym, (Facet.SYMPTOMS,)) == {Facet.SYMPTOMS}
    this = "Symptoms of this condition include a hot, swollen joint."
    assert _page_facets(this, (Facet.SYMPTOMS,)) == {Facet.SYMPTOMS}


def test_a_study_s_overview_line_must_name_the_topic_itself() -> None:
    # the title names appendicitis; the sentence is about something else the study is on
    assert Facet.OVERVIEW not in _study_facets(
        "Amyloidosis is an uncommon disease that can affect many organs.", (Facet.OVERVIEW,)
    )
    assert Facet.OVERVIEW in _study_facets(
        "Appendicitis is an inflammation of the appendix that needs surgery.", (Facet.OVERVIEW,)
    )


def test_a_case_report_s_account_of_its_case_is_no_statement() -> None:
    text = "Appendicitis was the diagnosis in the current case of an adult with pain."
    assert _study_facets(text, (Facet.DIAGNOSIS,)) == set()


@pytest.mark.parametrize(
    ("text", "defines"),
    [
        ("Appendicitis is an inflammation of the appendix that needs prompt surgery.", True),
        ("Acute appendicitis (AA) is the most common abdominal emergency in children.", True),
        ("The dominant cause of appendicitis in adults is a blocked appendix.", False),
        ("Disadvantages of appendicitis scores are that they miss early cases.", False),
        ("Moreover appendicitis seen in the clinic probably is an artifact of referral.", False),
    ],
)
def test_a_study_gives_an_overview_only_by_saying_what_the_topic_is(
    text: str, defines: bool
) -> None:
    assert defines_topic(text, [stems("appendicitis")]) is defines


def test_what_a_substance_causes_stays_a_statement_on_it(handmade_vocabulary: Vocabulary) -> None:
    """For a topic that is neither a condition nor a drug (a plant NIH has a page on), what it
    causes is what a reader asks of it."""
    query = understand("what is marijuana", handmade_vocabulary)
    assert not Topic.of(query).caused
    assert Topic.of(understand("what is gout", handmade_vocabulary)).caused


@pytest.mark.parametrize(
    ("text", "treatment"),
    [
        ("Without gout pain you might not notice a joint problem that needs treatment.", False),
        ("Clean clothing should be worn by people with gout after treatment.", False),
        ("Most people with gout need treatment with anti-inflammatory medicines.", True),
        ("Most people with mild gout do not need any treatment at all.", True),
        ("The work gives insight into the pathophysiology, genetics and treatment of gout.", False),
        ("Uric acid transporters are promising therapeutic targets in gout.", False),
        ("Colchicine is an effective treatment for gout attacks.", True),
    ],
)
def test_treatment_named_in_passing_is_no_treatment_statement(text: str, treatment: bool) -> None:
    assert (Facet.TREATMENT in _page_facets(text, (Facet.TREATMENT,))) is treatment


def test_a_condition_page_says_nothing_of_a_drug_it_does_not_name() -> None:
    """A page on a harm a drug does ("Fetal zorbexil syndrome") is admitted for a question
    about the drug, but its lines on the condition's own care are not about the drug."""
    from medcite.answer.extract import candidates
    from medcite.records import (
        QueryConcept,
    )

    drug = QueryConcept(
        key="D1", name="zorbexil", matched="zorbexil", via="MeSH", drug=True, names=("zorbexil",)
    )
    asked = (Facet.OVERVIEW, Facet.TREATMENT)
    query = Query(
        question="what is zorbexil",
        focus="zorbexil",
        facets=asked,
        asked=asked,
        expansions=("zorbexil",),
        search_text="zorbexil",
        concepts=(drug,),
    )
    text = (
        "Fetal zorbexil syndrome is a disorder caused by exposure of a fetus to zorbexil. "
        "Treatment may include surgery for a cleft lip and speech therapy for the child."
    )

    def treatment(focus: str) -> list[str]:
        found = candidates(query, [_page_evidence(focus, text)], gated=True)
        return [c.sentence.text[:9] for c in found if c.facet is Facet.TREATMENT]

    assert treatment("Fetal zorbexil syndrome") == []
    assert treatment("Zorbexil") == ["Treatment"]  # the drug's own page speaks of it


def test_words_that_lost_their_dash_damage_a_page_sentence_only() -> None:
    """MedQuAD lost every non-ASCII character, so "management—keeping" reads
    "managementkeeping"; a study keeps its dashes, and its compounds are real words."""
    from medcite.answer.extract import damaged
    from medcite.records import Document, Source

    page = Document(id="medquad:1", source=Source.MEDQUAD, title="What is gout?", focus="Gout")
    study = Document(id="pmid:1", source=Source.PUBMED, title="Gout in adults")
    glued = "Careful gout managementkeeping uric acid low can prevent attacks."
    assert damaged(page, glued)
    assert not damaged(study, glued)
    # a range lost between two small numbers before a count of checks
    assert damaged(page, "Your doctor usually takes 23 readings of uric acid to diagnose gout.")
    assert not damaged(page, "Your doctor usually takes 2 or 3 readings of uric acid.")
    # a fraction or range lost after a 1, a heading run into the list before it
    assert damaged(page, "Gout pain lasts about 1 days after the first dose.")
    assert not damaged(page, "Gout pain lasts about 1 day, or 2.1 days at most.")
    heading = "Foods to limit are: red meat; beer; sugary drinks; Living With Gout."
    assert damaged(page, heading)
    assert not damaged(page, "Foods to limit are: red meat; beer; sugary drinks.")
    # a lettered key flattened into the sentence that led to it
    assert damaged(page, "Check a gout lump with your doctor if it has R = Redness.")
    assert not damaged(page, "Check a gout lump with your doctor if it is red.")
    # an aside that lost its dashes
    assert damaged(page, "Gouty arthritisalso called GAis a kind of arthritis.")
    assert damaged(page, "Gouty arthritis, also called GA, is a kind of arthritis.") is False
    for fine in (
        "Gout is a kind of arthritis that can affect the brainstem rarely.",
        "Foodborne illness and antiplatelet medicines are not causes of gout.",
        "Gout can also be called podagra when it is in the big toe.",
        "Your GP can check uric acid.",
    ):
        assert not damaged(page, fine), fine


@pytest.mark.parametrize(
    ("text", "cause"),
    [
        # causes of the page's topic, by name, acronym or reference
        ("Many different diseases can cause gout.", True),
        ("Mental health problems can also cause or worsen GF.", True),
        ("What causes this to happen is not known.", True),
        ("Other causes include kidney disease and some medicines.", True),
        ("Gout is sometimes due to a diet rich in meat.", True),
        # what leads to what inside the condition
        ("Uric acid crystals cause pain and swelling in the joint.", False),
        ("Heart disease is the leading cause of death in older adults.", False),
        ("Heart disease is the leading cause of death for people with gout.", False),
        ("Regular visits can find problems before the crystals cause damage.", False),
    ],
)
def test_a_cause_statement_states_a_cause_of_the_topic(text: str, cause: bool) -> None:
    """ "Gout flare" (GF) is the handmade page topic here."""
    gout = QueryConcept(
        key="D1",
        name="Gout",
        matched="gout",
        via="MeSH",
        names=("gout",),
        tree_numbers=("C05.550.114.423",),
    )
    facets = _page_facets(text, (Facet.CAUSES,), "Gout flare", (gout,))
    assert (Facet.CAUSES in facets) is cause


def test_initials_are_the_acronym_of_a_name() -> None:
    from medcite.answer.causes import initials

    assert initials("Erectile dysfunction") == "ed"
    assert initials("Tetralogy of Fallot") == "tf"
    assert initials("Age-related macular degeneration") == "amd"
    assert initials("Gout") == ""


def test_a_study_warns_only_about_a_group_the_question_names() -> None:
    """A drug question naming no group shows the warnings of patient pages for any group; a
    study's finding about pregnant patients (of another use of the drug) is no warning then."""
    from medcite.answer.extract import warnings
    from medcite.records import QueryConcept

    drug = QueryConcept(
        key="D1", name="zorbexil", matched="zorbexil", via="MeSH", drug=True, names=("zorbexil",)
    )
    text = "Zorbexil should not be used routinely in pregnant patients with a rash."
    study = Document(
        id="pmid:7",
        source=Source.PUBMED,
        title="Zorbexil for rashes",
        year=2021,
        sections=(AbstractSection(category="CONCLUSIONS", text=text),),
    )
    hit = Hit(document=study, score=1.0, rank=1)
    evidence = [Evidence(hit=hit, level=EvidenceLevel.TRIAL, score=1.0)]

    def warned(question: str) -> list[str]:
        query = Query(
            question=question,
            focus="zorbexil",
            facets=(Facet.OVERVIEW,),
            asked=(Facet.OVERVIEW,),
            expansions=("zorbexil",),
            search_text="zorbexil",
            concepts=(drug,),
        )
        return [c.sentence.text for c in warnings(query, evidence, gated=True)]

    assert warned("is zorbexil ointment good for sore eyelids") == []
    assert warned("can I use zorbexil while pregnant") == [text]

    def study_saying(said: str, category: str = "CONCLUSIONS") -> None:
        """The one study of ``evidence`` now says only ``said``."""
        document = study.model_copy(
            update={"sections": (AbstractSection(category=category, text=said),)}
        )
        hit = Hit(document=document, score=1.0, rank=1)
        evidence[:] = [Evidence(hit=hit, level=EvidenceLevel.TRIAL, score=1.0)]

    # what nobody has studied yet warns of nothing
    study_saying("The safety of zorbexil in pregnant patients has never been evaluated in trials.")
    assert warned("can I use zorbexil while pregnant") == []
    # a study's warning for teenagers is no warning for a baby or its mother
    teens = "Teenagers and children should not take zorbexil, as it can raise blood pressure."
    study_saying(teens)
    assert warned("can I use zorbexil while breastfeeding my 3 month old baby") == []
    assert warned("can my 15 year old teenager use zorbexil") == [teens]
    # what those surveyed think should be done is an opinion, not a warning
    study_saying(
        "Most nurses agreed that zorbexil should not be given to children under 5.", "RESULTS"
    )
    assert warned("can my 3 year old child have zorbexil") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("But according to the association, stress makes the ringing worse.", True),
        ("And in people who still got the disease, it was milder.", True),
        ("So the doctor may order more tests to find the cause.", True),
        ("But if you are pregnant and have bleeding, call your provider right away.", False),
        ("Andersen disease is a rare inherited disorder of glycogen storage.", False),
        # a line read against the line before it
        ("In others, however, the swelling lasts for weeks.", True),
        ("Others eventually need a cane to walk.", True),
        ("People with this form of the condition have attacks of swelling.", True),
        ("The time from onset to death varies, too.", True),
        ("If these other factors can be ruled out, your doctor may refer you.", True),
        ("Other people with gout never have a second attack.", False),
        ("People with gout have attacks of swelling in one joint.", False),
        ("Gout can affect the toe and the knee too often to ignore.", False),
        ("All adults should get the vaccine, but children can get it too.", False),
    ],
)
def test_a_page_line_going_on_from_the_one_before_is_dangling(text: str, expected: bool) -> None:
    assert dangling(text, research=False) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Genetic Causes High blood pressure often runs in families.", True),
        ("Genes Play a Role No one knows what causes the disease.", True),
        ("Risk Factors for stroke include high blood pressure.", False),
        ("Rocky Mountain spotted fever causes a rash and a fever.", False),
    ],
)
def test_a_heading_run_into_its_sentence_is_damage(text: str, expected: bool) -> None:
    page = Document(id="medquad:x", source=Source.MEDQUAD, title="What is (are) X ?")
    assert damaged(page, text) is expected


def test_an_opening_this_on_a_page_is_dangling_but_a_studys_is_not() -> None:
    assert dangling("In this form of diabetes, the pancreas stops making insulin.", research=False)
    assert not dangling("In this study, the pancreas stopped making insulin in 3 of 40.", True)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Most patients are mildly affected, and few lose the ability to walk.", True),
        ("Some people eventually need a wheelchair or other assistive devices.", True),
        ("With treatment, most people with gout lead normal lives.", True),
        ("The disease progresses slowly over many years.", True),
        ("Primary progressive gout is diagnosed by joint fluid tests.", False),
    ],
)
def test_a_course_told_in_plain_words_answers_the_outlook(text: str, expected: bool) -> None:
    assert bool(SENTENCE_CUES[Facet.PROGNOSIS].search(text)) is expected


def test_an_outlook_page_line_about_diagnosis_ranks_below_its_lines_on_the_course() -> None:
    """On a page answering "What is the outlook for …", a line without an outlook word still
    answers the outlook, but one about another aspect (diagnosis) less well than the rest."""
    query = _asking("gout", (Facet.PROGNOSIS,))
    text = (
        "A physician may diagnose gout soon after the first attack. "
        "Attacks of gout come back in many people within a year. "
        "Gout rarely harms the kidneys in most people."
    )
    evidence = _page_evidence("Gout", text, question_type="outlook")
    found = [c for c in candidates(query, [evidence], gated=True) if c.facet is Facet.PROGNOSIS]
    assert found[-1].sentence.text.startswith("A physician may diagnose")
    assert len(found) == 3


def test_a_word_of_a_topic_s_name_counts_only_with_the_whole_name(
    handmade_vocabulary: Vocabulary,
) -> None:
    """ "Can ice cause type 1 gout?" needs a statement on ice and type 1 gout: "type" alone (of
    "type 1 gout") is no second thing named, while the whole name is."""
    topic = Topic.of(understand("can ice cause type 1 gout in older adults", handmade_vocabulary))
    assert topic.needed == 2
    assert not topic.covers(stems("Ice of this type is stored in freezers."))
    assert topic.covers(stems("Ice packs did not cause type 1 gout flares."))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("There is currently no vaccine for the rash.", True),
        ("No vaccine is available yet.", True),
        ("There are currently no FDA-approved treatments for the rash.", True),
        ("There is currently no cure, but therapies slow the rash.", False),
        ("There is no vaccine for the rash.", False),
        ("Currently, treatment includes rest.", False),
    ],
)
def test_a_claim_that_nothing_exists_yet_is_of_its_time(text: str, expected: bool) -> None:
    """From a page whose date is unknown, "there is currently no vaccine" may have expired."""
    assert expiring(text) is expected


def test_a_pages_line_on_research_under_way_answers_only_a_question_about_research() -> None:
    """ "Researchers are examining …" says what is not yet known; what researchers found is a
    statement like any other."""
    asked = (Facet.CAUSES, Facet.TREATMENT)
    under_way = "Researchers also are examining how diet may cause gout attacks in older adults."
    assert _page_facets(under_way, asked) == set()
    trials = "Prospective studies are testing whether meat in the diet causes gout attacks."
    assert _page_facets(trials, asked) == set()
    being = "Other studies are being conducted to find out if tea treats gout attacks."
    assert _page_facets(being, asked) == set()
    future = "Possible future treatments under investigation include a gout vaccine."
    assert _page_facets(future, asked) == set()
    found = "Researchers have found that diets rich in meat cause gout attacks in older adults."
    assert Facet.CAUSES in _page_facets(found, asked)
    question = "is there new research on what causes gout"
    query = _asking("gout", asked).model_copy(update={"question": question})
    evidence = [_page_evidence("Gout", under_way)]
    assert {c.facet for c in candidates(query, evidence)} == {Facet.CAUSES}


def test_a_case_report_answers_no_patient_question() -> None:
    """One patient's course says nothing of the reader's own; an evidence question ("does …
    cause …") may still rest on it."""
    text = "Appendicitis was diagnosed late in a woman seen first in an emergency room."
    doc = Document(
        id="pmid:4",
        source=Source.PUBMED,
        title="Appendicitis",
        sections=(AbstractSection(text=text),),
    )
    case = Evidence(
        hit=Hit(document=doc, score=10.0, rank=1), level=EvidenceLevel.CASE_REPORT, score=1.0
    )
    asked = (Facet.DIAGNOSIS,)
    assert candidates(_asking("appendicitis", asked), [case]) == []
    question = "does appendicitis cause a late diagnosis in women"
    evidence_question = _asking("appendicitis", asked).model_copy(update={"question": question})
    assert candidates(evidence_question, [case])


@pytest.mark.parametrize(
    ("text", "statement"),
    [
        ("Here are some tips to help you avoid falls at home.", False),
        ("The following can raise the risk of gout in older adults.", False),
        ("To look for early signs of cancer in the colon and rectum.", False),
        ("To prevent gout attacks, drink plenty of water every day.", True),
        ("To be diagnosed with gout you must have crystals in a joint.", True),
        ("To date no cure exists for this rare form of gout.", True),
    ],
)
def test_an_announcement_or_a_purpose_cut_from_its_list_is_no_statement(
    text: str, statement: bool
) -> None:
    assert is_statement(Sentence(text, "d", None, None, 3)) is statement


def test_a_question_naming_only_context_is_answered_by_pages_never_studies() -> None:
    """With no clinical topic recognised, the context word the question was read by ("food")
    may find NIH's page on it, but a study of it is about something else."""
    food = QueryConcept(
        key="D9", name="food", matched="food", via="MeSH", names=("food",), promoted=True
    )
    asked = (Facet.TREATMENT,)
    text = "Soft food is the best treatment for a sore mouth after dental surgery."
    doc = Document(
        id="pmid:5", source=Source.PUBMED, title="Food", sections=(AbstractSection(text=text),)
    )
    study = Evidence(
        hit=Hit(document=doc, score=10.0, rank=1), level=EvidenceLevel.TRIAL, score=1.0
    )
    page = _page_evidence("Food", text)
    found = candidates(_asking("food", asked, (food,)), [study, page])
    assert {c.sentence.document_id for c in found} == {"medquad:Food"}
    named = food.model_copy(update={"promoted": False})
    both = candidates(_asking("food", asked, (named,)), [study, page])
    assert {c.sentence.document_id for c in both} == {"medquad:Food", "pmid:5"}


def test_a_sentence_headed_by_its_facet_answers_only_that_facet() -> None:
    """ "Causes include: … eye drops or ointments" lists causes; its treatment words do not
    make it a treatment statement."""
    text = "Causes of gout include: rich food; water pills; creams or ointments on the skin."
    assert _page_facets(text, (Facet.TREATMENT, Facet.CAUSES)) == {Facet.CAUSES}
    assert _page_facets(text, (Facet.TREATMENT,)) == set()


def test_a_list_of_what_you_may_notice_is_symptoms() -> None:
    text = "You may have gout if you notice a red, hot and swollen big toe at night."
    assert Facet.SYMPTOMS in _page_facets(text, (Facet.SYMPTOMS, Facet.TREATMENT))


def _facets_for(question: str, text: str) -> set[Facet]:
    """The facets ``text`` answers on a page about gout, asked ``question``."""
    query = _asking("gout", (Facet.SYMPTOMS, Facet.DIAGNOSIS)).model_copy(
        update={"question": question}
    )
    return {c.facet for c in candidates(query, [_page_evidence("Gout", text)])}


def test_a_page_speaking_of_the_readers_own_symptoms_does_not_describe_a_baby() -> None:
    """For a question about a baby or a toddler, "if you have these symptoms…, you may have
    gout" describes the adult reader; a sentence that names the child, or any sentence for a
    question about an adult or a pregnancy (the baby unborn), still answers."""
    adult_rule = "If you have these symptoms more than twice a year, you may have gout."
    baby = "my 9 month old baby cries when i touch her toe, could it be gout"
    assert _facets_for(baby, adult_rule) == set()
    assert _facets_for("my toddler has a red toe, is it gout", adult_rule) == set()
    assert _facets_for("could my red toe be gout", adult_rule) == {Facet.SYMPTOMS}
    named = "If you notice that your baby has symptoms of gout, such as a red toe, call."
    assert _facets_for(baby, named)
    assert _facets_for("my 30 year old son has a red toe, is it gout", adult_rule)
    assert _facets_for("i am 30 weeks pregnant, will my baby get gout", adult_rule)


def test_a_test_that_finds_the_condition_answers_how_it_is_diagnosed() -> None:
    for line in (
        "In men, joint fluid tests can find the crystals that cause gout.",
        "In men, lab tests of the joint fluid show the crystals that cause gout.",
    ):
        assert Facet.DIAGNOSIS in _page_facets(line, (Facet.DIAGNOSIS,)), line
    trials = "In men, tests of new drugs for gout have not yet ended."
    assert Facet.DIAGNOSIS not in _page_facets(trials, (Facet.DIAGNOSIS,))


def test_what_a_study_says_is_unknown_is_no_patients_answer() -> None:
    asked = (Facet.CAUSES,)
    gap = "The cause of appendicitis in adults has never been evaluated in large cohorts."
    assert _study_facets(gap, asked) == set()
    unknown = "The natural history of appendicitis in adults remains largely unknown."
    assert _study_facets(unknown, asked) == set()
    needed = "A study of appendicitis in adults only is required to clarify its causes."
    assert _study_facets(needed, asked) == set()
    found = "Appendicitis in adults was most often caused by a blocked appendix."
    assert _study_facets(found, asked)
    premise = "There is currently no effective treatment for appendicitis in adults with pain."
    assert _study_facets(premise, (Facet.TREATMENT,)) == set()


def test_a_time_since_diagnosis_dates_the_course_and_answers_no_diagnosis() -> None:
    dated = "Most adults with gout walk again within 1 to 3 years of diagnosis."
    assert Facet.DIAGNOSIS not in _page_facets(dated, (Facet.DIAGNOSIS,))
    how = "The diagnosis of gout is made from crystals in the joint fluid."
    assert Facet.DIAGNOSIS in _page_facets(how, (Facet.DIAGNOSIS,))


@pytest.mark.parametrize(
    ("text", "cued"),
    [
        ("If you are worried about his breathing, call your health care provider right away.", 1),
        ("Call your doctor right away if your symptoms worsen suddenly.", 1),
        ("Phone your GP if the rash spreads.", 1),
        ("Call a friend to drive you home after the procedure.", 0),
        ("The doctor will call you with the results.", 0),
    ],
)
def test_a_line_telling_the_reader_to_call_a_doctor_says_when_to_seek_care(
    text: str, cued: int
) -> None:
    assert bool(SENTENCE_CUES[Facet.SEEK_CARE].search(text)) is bool(cued)


def test_a_treatment_said_of_people_with_something_else_is_no_treatment_of_the_topic() -> None:
    """On the gout page, "A person with kidney failure must receive dialysis" treats kidney
    failure; "People with gout may need colchicine" treats gout."""
    page = Document(
        id="medquad:g",
        source=Source.MEDQUAD,
        title="What is gout?",
        focus="Gout",
        sections=(
            AbstractSection(
                text="Gout is a kind of arthritis. A person with kidney failure must receive "
                "dialysis treatment. People with gout may need colchicine treatment."
            ),
        ),
    )
    query = understand("how is gout treated", Vocabulary(None))
    cands = candidates(query, rank([Hit(document=page, score=5.0, rank=1)], 2026))
    treated = {c.sentence.text for c in cands if c.facet is Facet.TREATMENT}
    assert "People with gout may need colchicine treatment." in treated
    assert "A person with kidney failure must receive dialysis treatment." not in treated


def _titled_study_facets(title: str, text: str, vocabulary: Vocabulary) -> set[Facet]:
    query = understand("how is gout treated and what is the outlook", vocabulary)
    doc = Document(
        id="pmid:5", source=Source.PUBMED, title=title, sections=(AbstractSection(text=text),)
    )
    hit = Hit(document=doc, score=10.0, rank=1)
    evidence = [Evidence(hit=hit, level=EvidenceLevel.OBSERVATIONAL, score=1.0)]
    return {c.facet for c in candidates(query, evidence)}


def test_a_study_of_another_condition_in_people_with_the_topic_treats_that_condition(
    handmade_vocabulary: Vocabulary,
) -> None:
    """ "Vitamin C deficiency in gout": the vitamin it gives treats the deficiency, not the
    gout. A study of a treatment goal in the topic is the topic's own."""
    text = "Vitamin C treatment cured the deficiency, and gout attacks came back in most of them."
    title = "Vitamin C deficiency in gout: a review of cases"
    other = _titled_study_facets(title, text, handmade_vocabulary)
    assert Facet.TREATMENT not in other
    own = _titled_study_facets(
        "Early remission as a treatment goal in gout", text, handmade_vocabulary
    )
    assert Facet.TREATMENT in own


def test_a_short_course_is_not_said_to_someone_who_has_had_it_for_weeks() -> None:
    """ "Acute gout usually lasts 3 days and goes away on its own" reassures falsely someone
    who has had the attack for five weeks; told of a day, it answers."""
    text = (
        "A gout attack usually lasts 3 to 5 days and goes away on its own. "
        "Gout attacks are treated with anti-inflammatory medicines."
    )
    evidence = [_page_evidence("Gout", text)]
    asked = (Facet.TREATMENT, Facet.PROGNOSIS)
    told_ways = (
        ("my gout attack has lasted for about 5 weeks now, what now", False),
        # told as lasting since an event months ago
        ("I started allopurinol 3 months ago and still get gout attacks, what now", False),
        ("my gout attack has lasted since yesterday, what now", True),
    )
    for question, kept in told_ways:
        query = _asking(question, asked)
        texts = {c.sentence.text for c in candidates(query, evidence, gated=True)}
        assert (
            "A gout attack usually lasts 3 to 5 days and goes away on its own." in texts
        ) is kept
        assert "Gout attacks are treated with anti-inflammatory medicines." in texts


def test_when_children_should_see_a_doctor_is_not_told_to_an_adult() -> None:
    """A child's thresholds ("fever for more than 24 hours") are not an adult's: for a
    45-year-old the statement for adults answers when to be seen, the one for children does
    not."""
    text = (
        "Children with any of these signs should see a health care provider: gout for more than "
        "24 hours or a fever. "
        "Adults with any of these signs should see a health care provider: gout for more than "
        "2 days or a fever. "
        "Parents, siblings and children of a person with gout should see a doctor to be checked."
    )
    evidence = [_page_evidence("Gout", text)]
    query = _asking(
        "I'm 45 and have had gout since monday, should I see someone", (Facet.SEEK_CARE,)
    )
    seen = {
        c.sentence.text[:8]
        for c in candidates(query, evidence, gated=True)
        if c.facet is Facet.SEEK_CARE
    }
    assert seen == {"Adults w", "Parents,"}


@pytest.mark.parametrize(
    ("question", "text", "states"),
    [
        ("how long does my uncle have", "The monitor is worn for 24 hours at home.", False),
        ("how long does my uncle have", "Most people live for 5 years or more with it.", True),
        ("how long will she live with this", "Walk for 30 minutes a day.", False),
        ("how long does a cold last", "A cold lasts 7 to 10 days.", True),
    ],
)
def test_how_long_someone_has_to_live_is_a_length_of_living(
    question: str, text: str, states: bool
) -> None:
    """How long someone has to live is answered by a length of time of living or of the
    illness's course, not by any length of time ("the monitor is worn for 24 hours")."""
    pattern = amount_pattern("long")
    assert AmountAsked.of(question, pattern).stated_by(text, stems(text), frozenset()) is states


@pytest.mark.parametrize(
    ("question", "valued"),
    [
        ("my a1c came back 6.5, is that diabetes?", True),
        ("ferritin 9.5 and tired all the time", True),
        ("the nurse said 1.5 litres a day at most, does tea count?", False),
        ("I walk 2.5 miles a day, is that enough?", False),
        ("lost 3.5 kg this month without trying", False),
    ],
)
def test_an_amount_drunk_walked_or_weighed_is_no_measured_value(
    question: str, valued: bool
) -> None:
    """A test result told ("a1c 6.5") is answered by the limits a page gives; an amount
    drunk, walked or lost is not a value to hold against a test's range."""
    assert states_a_value(question) is valued


def test_a_medicine_named_among_causes_is_no_treatment() -> None:
    asked = (Facet.CAUSES, Facet.TREATMENT)
    listed = "Appendicitis in adults has several causes, including medicines and infections."
    assert _study_facets(listed, asked) == {Facet.CAUSES}
    treated = "Appendicitis in adults is treated with medicines, and its causes include infections."
    assert Facet.TREATMENT in _study_facets(treated, asked)
    caused = "Appendicitis in adults caused by a blockage is treated with medicines."
    assert Facet.TREATMENT in _study_facets(caused, asked)


@pytest.mark.parametrize(
    ("text", "course"),
    [
        ("Most people with gout get better in two to four weeks.", True),
        ("However, you may feel tired for a few months afterward.", True),
        # a time that is no recovery: an incubation, a test's wait
        ("Symptoms of gout appear two weeks after the trigger.", False),
    ],
)
def test_how_long_recovery_takes_tells_the_course(text: str, course: bool) -> None:
    assert (Facet.PROGNOSIS in _page_facets(text, (Facet.PROGNOSIS,))) is course


def test_a_page_on_children_is_no_answer_for_an_adult() -> None:
    """Told of an adult patient, a page whose title is about children (their growth, their
    doses) gives no statement; for a child it does."""
    from medcite.answer.extract import children_page

    def page(title: str) -> Document:
        return Document(id="medquad:x", source=Source.MEDQUAD, title=title, focus="Gout")

    assert children_page(page("Growth Failure in Children with Gout"))
    assert children_page(page("A pediatric cohort with gout"))
    assert not children_page(page("Gout in children and adults"))
    assert not children_page(page("What is Gout?"))
    text = "The outlook for most people with gout is good with treatment."
    evidence = _page_evidence("Gout", text)
    kids = evidence.model_copy(
        update={
            "hit": evidence.hit.model_copy(
                update={
                    "document": evidence.hit.document.model_copy(
                        update={"title": "Growth Failure in Children with Gout"}
                    )
                }
            )
        }
    )

    def asked(question: str) -> Query:
        return _asking("gout", (Facet.PROGNOSIS,)).model_copy(update={"question": question})

    assert candidates(asked("my son is 6 and has gout, will it get worse?"), [kids])
    assert not candidates(asked("I'm 61 and have gout, will it get worse?"), [kids])


def test_a_list_led_by_its_purpose_answers_that_purpose() -> None:
    """ "To lower your risk of gout: drink water; …" lists prevention, and "To ease a gout
    attack: rest the joint; …" treatment, whatever words their items use."""
    asked = (Facet.TREATMENT, Facet.PREVENTION)
    prevent = "To lower your risk of gout:\nDrink plenty of water\nTake your medicines as advised"
    assert _page_facets(prevent, asked) == {Facet.PREVENTION}
    ease = "To ease a gout attack:\nRest the joint\nDrink plenty of water"
    assert _page_facets(ease, asked) == {Facet.TREATMENT}


def test_how_long_it_lasts_in_numbers_is_a_statement_of_its_course() -> None:
    """ "Attacks usually start within 1 or 2 days and last 7 to 10 days." tells the course in
    numbers: a statement, not a run of statistics, and it answers how long."""
    text = "Attacks usually start within 1 or 2 days and last 7 to 10 days."
    assert _page_facets(text, (Facet.PROGNOSIS,)) == {Facet.PROGNOSIS}
    statistics = "Of 812 cases, 12.5% had 3 to 4 attacks in 2019 and 27% in 2020."
    assert _page_facets(statistics, (Facet.PROGNOSIS,)) == set()


def test_the_problems_a_page_lists_answer_what_it_could_be() -> None:
    """A page's list of the problems a part of the body has answers what a complaint there
    could be (the causes asked)."""
    text = (
        "Because the joint is used so much, it is the site of many common problems. They "
        "include gout, sprains and tendinitis."
    )
    assert Facet.CAUSES in _page_facets(text, (Facet.CAUSES,))


def test_advice_to_call_the_doctor_is_no_boilerplate() -> None:
    """ "Call the doctor if …" is when to seek care; "Call the center at …" is a contact box."""
    advice = "Call the doctor if the joint stays red and hot for more than two days."
    assert Facet.SEEK_CARE in _page_facets(advice, (Facet.SEEK_CARE,))
    contact = "Call the center for a free booklet on gout and its treatment."
    assert not _page_facets(contact, (Facet.SEEK_CARE, Facet.TREATMENT))


def test_what_can_be_serious_for_a_group_asked_about_is_a_warning() -> None:
    """ "It can be serious if you are pregnant", on the page of the condition asked about, warns
    a question that names a pregnancy; a page's "usually mild" warns nobody."""
    from medcite.answer.extract import warnings

    page = _page_evidence(
        "Gout",
        "Gout is usually mild in young adults. It can be serious if you are pregnant or older.",
    )
    gout = QueryConcept(
        key="D26",
        name="gout",
        matched="gout",
        via="mesh",
        names=("gout",),
        tree_numbers=("C05.550.114.423",),
    )
    query = _asking(
        "gout in my sister, she is pregnant, does she need to see someone?", (), (gout,)
    )
    shown = [c.sentence.text for c in warnings(query, [page], gated=True)]
    assert shown == ["It can be serious if you are pregnant or older."]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # ways announced but named only in the sentences after, and one item of them
        ("Gout can be confirmed in two simple ways.", True),
        ("The second option is to draw fluid from the joint with a needle.", True),
        # a statement that names what it counts, or counts kinds
        ("Gout can be confirmed in two ways: a joint fluid test or an ultrasound.", False),
        ("Gout has two main types.", False),
        ("The first step in treating gout is to see a doctor.", False),
        ("If the doctor thinks it is gout, the next step is a joint fluid test.", False),
        ("If the doctor suspects gout, he or she may order several tests.", False),
    ],
)
def test_ways_announced_but_not_named_are_no_statement(text: str, expected: bool) -> None:
    assert dangling(text, research=False) is expected
