"""Question concepts: longest match over a handmade MeSH-like vocabulary, roles, scope."""

from __future__ import annotations

from pathlib import Path

import pytest

from medcite.query.concepts import question_concepts
from medcite.query.understand import extract_focus, understand
from medcite.query.vocab import Vocabulary, load_synonyms
from medcite.records import Facet, QuestionType
from medcite.text import normalise


def _keys(text: str, vocabulary: Vocabulary) -> list[tuple[str, str]]:
    return [(c.key, c.role) for c in question_concepts(normalise(text).split(), vocabulary)]


def test_a_word_maps_to_its_own_concept_never_a_longer_term_containing_it(
    handmade_vocabulary: Vocabulary,
) -> None:
    assert _keys("fever", handmade_vocabulary) == [("D1", "topic")]
    assert _keys("pyrexia", handmade_vocabulary) == [("D1", "topic")]


def test_the_longest_phrase_of_the_question_wins(handmade_vocabulary: Vocabulary) -> None:
    assert _keys("q fever", handmade_vocabulary) == [("D2", "topic")]
    assert _keys("sick sinus syndrome", handmade_vocabulary) == [("D5", "topic")]


def test_entry_terms_resolve_brands(handmade_vocabulary: Vocabulary) -> None:
    assert _keys("accutane during pregnancy", handmade_vocabulary) == [
        ("D6", "topic"),
        ("D9", "qualifier"),
    ]


def test_a_body_part_and_the_disease_after_it_are_one_concept(
    handmade_vocabulary: Vocabulary,
) -> None:
    """ "thyroid tumor" is no term as written, but the part's words and the lay word's clinical
    name are (Thyroid Neoplasms); a part not followed by a disease stays context."""
    assert _keys("a thyroid tumor", handmade_vocabulary) == [("D57", "topic")]
    assert _keys("tumor near the thyroid", handmade_vocabulary) == [
        ("D58", "topic"),
        ("D56", "qualifier"),
    ]


def test_an_everyday_word_is_read_in_a_clinical_sense_only_when_curated(
    handmade_vocabulary: Vocabulary,
) -> None:
    """MeSH files "bend" under decompression sickness ("the bends") and "bleeding" under
    hemorrhage; a patient's "can't bend over" names no disease, while the lay table keeps
    the clinical sense of "bleeding". The word named by the concept itself stays ("fever")."""
    assert _keys("cant bend over", handmade_vocabulary) == []
    assert _keys("decompression sickness after a dive", handmade_vocabulary) == [("D63", "topic")]
    assert ("D64", "topic") in _keys("bleeding after a fall", handmade_vocabulary)
    assert _keys("fever", handmade_vocabulary) == [("D1", "topic")]
    # a page's everyday synonym too: cracked skin is no cocaine
    assert _keys("cracks at the corners of my mouth", handmade_vocabulary) == []
    assert _keys("cocaine", handmade_vocabulary) == [("mq:cocaine", "topic")]


def test_an_acronym_spelling_an_everyday_word_is_no_synonym(tmp_path: Path) -> None:
    """A topic's synonym written in capitals that spells an everyday word ("HARD") is not
    loaded; a street name written as a word ("Speed") is, and so is a short name with a
    digit ("A1C")."""
    db = tmp_path / "vocab.sqlite"
    pairs = [
        ("HARD", "Hantavirus pulmonary syndrome"),
        ("Speed", "Methamphetamine"),
        ("CAR", "Coxsackie and adenovirus receptor"),
        ("A1C", "A1C"),
    ]
    load_synonyms(db, pairs, "medquad")
    found = {c.phrase: c.name for c in Vocabulary(db).lookup(["hard", "speed", "car", "a1c"])}
    # too short to tell from English ("CAR"), unless it holds a digit, which no word has
    assert found == {"speed": "Methamphetamine", "a1c": "A1C"}


def test_population_words_are_not_topics(handmade_vocabulary: Vocabulary) -> None:
    assert _keys("white knee", handmade_vocabulary) == [("D7", "ignored"), ("D10", "topic")]


def test_qualifiers_become_topics_when_nothing_else_is_named(
    handmade_vocabulary: Vocabulary,
) -> None:
    assert _keys("pregnancy", handmade_vocabulary) == [("D9", "topic")]


def test_medquad_topics_share_the_mesh_concept_key(handmade_vocabulary: Vocabulary) -> None:
    concepts = handmade_vocabulary.lookup(["fever"])
    assert {c.key for c in concepts if c.origin != "lay"} == {"D1"}
    assert {c.key for c in handmade_vocabulary.lookup(["isotretinoin embryopathy"])} == {
        "mq:fetal retinoid syndrome"
    }


def test_a_question_naming_only_food_is_out_of_scope(handmade_vocabulary: Vocabulary) -> None:
    assert not understand("how do I bake sourdough bread", handmade_vocabulary).in_scope
    assert understand("is bread bad for a fever", handmade_vocabulary).in_scope
    # a recipe is cooking, whatever chemical its ingredients name
    recipe = understand("easy vitamin d pancake recipe with almond flour", handmade_vocabulary)
    assert not recipe.in_scope
    assert understand("is vitamin d in pancakes good for gout", handmade_vocabulary).in_scope
    assert understand("a recipe that is safe with gout", handmade_vocabulary).in_scope


def test_understand_records_concepts_and_why(handmade_vocabulary: Vocabulary) -> None:
    query = understand("What should I do if I get a fever?", handmade_vocabulary)
    assert query.focus == "fever"
    (concept,) = query.topics
    assert (concept.key, concept.matched) == ("D1", "fever")
    assert concept.via in {"MeSH term", "lay term"}
    assert "q fever" not in query.search_text


def test_two_drugs_taken_together_ask_about_interactions(handmade_vocabulary: Vocabulary) -> None:
    query = understand("Can I take ibuprofen with lisinopril?", handmade_vocabulary)
    assert query.asked[0] is Facet.INTERACTIONS
    assert [c.key for c in query.topics] == ["D11", "D12"]


def test_a_drug_laced_with_another_is_one_product_not_an_interaction(
    handmade_vocabulary: Vocabulary,
) -> None:
    laced = understand("can you overdose on heroin laced with fentanyl", handmade_vocabulary)
    assert Facet.INTERACTIONS not in laced.asked
    assert {c.key for c in laced.topics} == {"D40", "D41"}
    taken = understand("is it safe to use heroin with fentanyl", handmade_vocabulary)
    assert taken.asked[0] is Facet.INTERACTIONS


def test_one_drug_named_twice_is_no_interaction(handmade_vocabulary: Vocabulary) -> None:
    query = understand("Is accutane the same as isotretinoin and safe?", handmade_vocabulary)
    assert Facet.INTERACTIONS not in query.asked
    assert [c.key for c in query.topics] == ["D6"]


def test_a_broad_category_yields_to_the_specific_concept_beside_it() -> None:
    from medcite.records import Query, QueryConcept

    uveitis = QueryConcept(
        key="D1", name="uveitis", matched="uveitis", via="MeSH term", tree_numbers=("C11.941.879",)
    )
    autoimmune = QueryConcept(
        key="D2",
        name="autoimmune diseases",
        matched="autoimmune",
        via="MeSH term",
        tree_numbers=("C20.111",),
    )
    query = Query(question="Is uveitis autoimmune?", concepts=(uveitis, autoimmune))
    assert query.primary_topics == (uveitis,)
    alone = Query(question="What are autoimmune diseases?", concepts=(autoimmune,))
    assert alone.primary_topics == (autoimmune,)
    # a broad reading of the same words as the specific one is one of its readings
    sprain = QueryConcept(
        key="D3",
        name="sprains and strains",
        matched="sprain ankle",
        via="lay term",
        tree_numbers=("C26.844",),
    )
    ankle = QueryConcept(
        key="D4",
        name="ankle injuries",
        matched="sprain ankle",
        via="lay term",
        tree_numbers=("C26.558.100",),
    )
    both = Query(question="a sprained ankle", concepts=(sprain, ankle))
    assert both.primary_topics == (sprain, ankle)


def test_a_shallow_disease_heading_without_a_class_word_is_a_condition() -> None:
    """ "Burns" sits as shallow in MeSH as "Autoimmune Diseases", but it is one condition: it
    stays a topic beside another condition named with it."""
    from medcite.records import Query, QueryConcept

    burns = QueryConcept(
        key="D1", name="burns", matched="burn", via="MeSH term", tree_numbers=("C26.200",)
    )
    blister = QueryConcept(
        key="D2", name="blister", matched="blister", via="MeSH term", tree_numbers=("C17.800.865",)
    )
    query = Query(question="a burn with a blister on my hand", concepts=(burns, blister))
    assert not burns.category
    assert query.primary_topics == (burns, blister)
    neoplasms = QueryConcept(
        key="D3", name="neoplasms by site", matched="x", via="MeSH term", tree_numbers=("C04.588",)
    )
    assert neoplasms.category


def test_the_condition_paired_with_a_drug_is_the_one_in_its_sentence() -> None:
    from medcite.records import Query, QueryConcept

    def concept(key: str, name: str, tree: str, **extra: object) -> QueryConcept:
        fields: dict[str, object] = {"matched": name, "via": "MeSH term", **extra}
        return QueryConcept(key=key, name=name, tree_numbers=(tree,), **fields)

    fever = concept("D1", "fever", "C23.888.119.344")
    otitis = concept("D2", "otitis", "C09.218.705.663")
    drug = concept("D3", "antibiotics", "D27.505.954.122.085", drug=True)
    query = Query(
        question="My son has a fever. Does otitis always need antibiotics?",
        concepts=(fever, otitis, drug),
    )
    pair = query.drug_and_condition
    assert pair is not None and pair[1].key == "D2"
    one = Query(question="fever and otitis, are antibiotics needed", concepts=(fever, otitis, drug))
    pair = one.drug_and_condition
    assert pair is not None and pair[1].key == "D1"
    # a condition more central to the question comes before one told in the drug's sentence
    tingle = concept("D4", "tingling", "C10.1", matched="tingle", via="lay term", tier=3)
    sores = concept("D5", "cold sores", "C02.256.466.382.465", via="lay term", tier=2)
    told = Query(
        question="I get cold sores often. Does antibiotics work if I take it at the tingle?",
        concepts=(tingle, sores, drug),
    )
    pair = told.drug_and_condition
    assert pair is not None and pair[1].key == "D5"


def test_the_drug_a_question_asks_of_is_named_as_a_medicine() -> None:
    """Of two drugs, the one the asking sentence names pairs with the condition, unless the
    told one is named as a medicine and the asked one is not (a substance measured)."""
    from medcite.records import DRUG_NAME_VIA, Query, QueryConcept

    def drug(key: str, name: str, via: str) -> QueryConcept:
        return QueryConcept(
            key=key, name=name, matched=name, via=via, tier=1, drug=True, tree_numbers=("D02.1",)
        )

    gout = QueryConcept(
        key="C1", name="gout", matched="gout", via="MeSH term", tree_numbers=("C05.550.114",)
    )
    globulin = drug("D1", "immune globulin", "MeSH term")
    allopurinol = drug("D2", "allopurinol", DRUG_NAME_VIA)
    potassium = drug("D3", "potassium", "MeSH term")
    told = "He has gout and got immune globulin. Why is he on allopurinol now?"
    pair = Query(question=told, concepts=(gout, globulin, allopurinol)).drug_and_condition
    assert pair is not None and pair[0].key == "D2"
    measured = "On allopurinol for gout. Do I need my potassium checked?"
    pair = Query(question=measured, concepts=(gout, allopurinol, potassium)).drug_and_condition
    assert pair is not None and pair[0].key == "D2"


def test_a_disease_is_the_subject_beside_a_symptom(handmade_vocabulary: Vocabulary) -> None:
    query = understand("fever with sinusitis", handmade_vocabulary)
    assert [c.key for c in query.primary_topics] == ["D4"]
    assert [c.key for c in understand("fever", handmade_vocabulary).primary_topics] == ["D1"]


def test_a_sign_s_disease_reading_yields_to_a_disease_named_beside_it() -> None:
    """ "a cold with a headache": the headache is the cold's sign, so its disease reading
    (headache disorders) is no primary topic beside the cold; named alone, it stays."""
    from medcite.records import Query, QueryConcept

    cold = QueryConcept(
        key="C1", name="common cold", matched="cold", via="mesh", tier=2, tree_numbers=("C01.1",)
    )
    sign = QueryConcept(key="S1", name="headache", matched="headache", via="lay term", tier=3)
    disorders = QueryConcept(
        key="S2", name="headache disorders", matched="headache", via="lay term", tier=2
    )
    beside = Query(question="a cold with a headache", concepts=(cold, sign, disorders))
    assert [c.key for c in beside.primary_topics] == ["C1"]
    alone = Query(question="a headache every day", concepts=(sign, disorders))
    assert [c.key for c in alone.primary_topics] == ["S2"]
    # a drug class ranks with diseases but explains no sign
    pills = QueryConcept(
        key="P1", name="analgesics", matched="painkillers", via="mesh", tier=2, drug=True
    )
    taken = Query(question="painkillers for a headache", concepts=(pills, sign, disorders))
    assert [c.key for c in taken.primary_topics] == ["P1", "S2"]


def test_an_environmental_exposure_does_not_outrank_the_disease_beside_it() -> None:
    from medcite.query.concepts import tier
    from medcite.query.vocab import Concept

    def concept(name: str, *numbers: str) -> Concept:
        return Concept(name, name, "".join(sorted({n[0] for n in numbers})), "mesh", "D1", numbers)

    glaucoma = concept("glaucoma", "C11.525")
    fumes = concept("vehicle emissions", "D20.633.500", "N06.850.460.350.850.500")
    eye_drop = concept("timolol", "D02.033.100")
    assert tier(fumes) == tier(glaucoma) == 2  # both are what the question is about
    assert tier(eye_drop) == 1  # a medicine is the subject beside the disease
    risk = concept("risk", "E05.318.740.600.800.715", "N06.850.520.830.600.800.715")
    assert tier(risk) == 4  # a public-health measure is no exposure


@pytest.mark.parametrize(
    ("question", "focus"),
    [
        ("what are the symptoms of type 2 diabetes", "type 2 diabetes"),
        ("is type II collagen good for joints", "type II collagen good joints"),
        ("what type of doctor treats gout", "treats gout"),
    ],
)
def test_a_type_with_its_number_is_part_of_a_name(question: str, focus: str) -> None:
    assert extract_focus(question) == focus


def test_a_vaccine_named_for_its_virus_prevents_the_virus_infections(
    handmade_vocabulary: Vocabulary,
) -> None:
    """ "Papillomavirus Vaccines" without the vaccine word is a virus, not a disease: the
    disease it prevents is the virus's infections, whose pages say who should get it."""
    query = understand("is the hpv vaccine safe", handmade_vocabulary)
    assert [c.key for c in query.primary_topics] == ["D66"]
    pair = query.drug_and_condition
    assert pair is not None and (pair[0].key, pair[1].key) == ("D66", "D67")


def test_a_painful_body_part_stands_for_the_page_on_its_disorders(
    handmade_vocabulary: Vocabulary,
) -> None:
    """ "elbow pain" is about what goes wrong with the elbow (NIH's page on its injuries and
    disorders), not pain in general, whose narrower kinds (back pain) name another part. A
    disease named beside the part keeps it context (unless the question says nobody has it),
    and so does a question without a symptom."""

    def keys(question: str) -> list[tuple[str, str]]:
        return [(c.key, c.role) for c in understand(question, handmade_vocabulary).concepts]

    page = "mq:elbow injury and disorder"
    assert keys("elbow pain") == [(page, "topic"), ("D71", "topic")]
    assert keys("pain outside my elbow")[1] == (page, "topic")
    assert ("D70", "qualifier") in keys("gout in my elbow with pain")
    assert (page, "topic") in keys("pain in my elbow, I do not have gout")
    assert keys("a brace for the elbow") == [("D70", "topic")]


def test_the_body_part_page_is_the_central_topic(handmade_vocabulary: Vocabulary) -> None:
    """The page ranks with diseases, the pain beside it with signs; a subject line that names
    the part lifts no pain beside it."""
    for question in ("my elbow pain won't go away", "Elbow pain. it hurts when I grab a cup"):
        query = understand(question, handmade_vocabulary)
        assert [c.name for c in query.primary_topics] == ["Elbow Injuries and Disorders"]


def test_an_organism_nih_has_a_page_for_stands_for_its_infection(
    handmade_vocabulary: Vocabulary,
) -> None:
    """ "pinworms" is filed under the worm in MeSH, but people ask about the infection: it
    reads as enterobiasis ("pinworm infection"), not as context beside "the whole family"."""
    query = understand("pinworm symptoms and how to treat the whole family", handmade_vocabulary)
    assert [c.name for c in query.primary_topics] == ["enterobiasis"]


def test_an_acronym_spelling_a_less_frequent_english_word_is_no_synonym(tmp_path: Path) -> None:
    """ "CLIPPERS" (a rare brain inflammation) spells "clippers", common though not everyday
    English: a question about nail clippers names no such disease. An acronym that is no
    English word ("LHON") stays a synonym."""
    db = tmp_path / "vocab.sqlite"
    pairs = [
        ("CLIPPERS", "Chronic lymphocytic inflammation with pontine perivascular enhancement"),
        ("LHON", "Leber hereditary optic neuropathy"),
    ]
    load_synonyms(db, pairs, "medquad")
    found = {c.phrase for c in Vocabulary(db).lookup(["clipper", "clippers", "lhon"])}
    assert found == {"lhon"}


def test_a_sign_told_in_a_phrase_with_its_own_part_is_no_body_part_page(
    handmade_vocabulary: Vocabulary,
) -> None:
    """ "legs swell" is edema, a sign whose lay phrase names its part: another part named
    beside it ("my elbow and legs swell") does not make the question one about that part's
    injuries and disorders."""
    query = understand("my elbow and legs swell up by the evening", handmade_vocabulary)
    roles = {(c.key, c.role) for c in query.concepts}
    assert ("D121", "topic") in roles
    assert ("mq:elbow injury and disorder", "topic") not in roles


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("they found polyps during my colonoscopy", "D124"),
        ("the colonoscopy found one polyp", "D124"),
        ("what are polyps", "D123"),
        ("polyps in my nasal cavity and at my colonoscopy", "D123"),
        ("is a polyp worse than eczema", "D123"),
    ],
)
def test_a_general_condition_beside_a_word_for_its_site_is_the_narrower_condition(
    handmade_vocabulary: Vocabulary, text: str, topic: str
) -> None:
    """ "polyps" in a question about a colonoscopy are colonic polyps (the site word shares
    its first letters with the narrower term's: colonoscopy, colonic), not any polyp; with
    two sites named, or none, or another condition beside it, the general condition stays."""
    keys = [key for key, role in _keys(text, handmade_vocabulary) if role == "topic"]
    assert topic in keys
    assert {"D123", "D124", "D125"} & set(keys) == {topic}


def test_a_qualifier_nih_has_a_page_on_becomes_the_topic_first(
    handmade_vocabulary: Vocabulary,
) -> None:
    """Nothing clinical is named: of the place (a bathroom) and the event NIH has a patient page
    on (falls), the event is what is asked about."""
    keys = dict(_keys("she fell in the bathroom, how to prevent another fall", handmade_vocabulary))
    assert keys == {"D130": "topic", "D131": "qualifier"}


def test_health_care_named_by_one_everyday_word_never_becomes_the_topic(
    handmade_vocabulary: Vocabulary,
) -> None:
    """ "need" is a MeSH term of health care (needs and demand); in "do we all need treating"
    it is a verb, and the question names nothing it is about. A health-care phrase no everyday
    word spells, or an everyday word of public health ("falls"), stays the topic when nothing
    else is named."""
    assert _keys("do we all need treating", handmade_vocabulary) == [("D128", "qualifier")]
    assert _keys("what is the life expectancy", handmade_vocabulary) == [("D80", "topic")]
    assert _keys("why does she keep having falls", handmade_vocabulary) == [("D130", "topic")]


def test_a_patient_s_word_for_having_a_disease_names_it(handmade_vocabulary: Vocabulary) -> None:
    """ "type 2 diabetic" (also glued: "type2 diabetic") names the disease, and "tingle" the
    sensation, as the lay table says; "pins and needles" is tingling. (Tingling feet told with
    diabetes are read as diabetic neuropathy: ``test_repair``.)"""
    for text in ("type 2 diabetic for 12 yrs, hands tingle", "type2 diabetic, fingers tingle"):
        query = understand(text, handmade_vocabulary)
        assert {c.name for c in query.topics} >= {"diabetes mellitus, type 2", "paresthesia"}
    needles = understand("pins and needles in my hands at night", handmade_vocabulary)
    assert "paresthesia" in [c.name for c in needles.topics]
    assert "needle" not in " ".join(c.name for c in needles.concepts)


def test_a_twitching_eyelid_is_read_as_myokymia(handmade_vocabulary: Vocabulary) -> None:
    """ "eye twitching" and "lid twitching" (the "-ing" form is no plural the lay table's
    "eye twitch" would catch) name the common eyelid twitch (myokymia), not a spasm of any
    muscle nor benign essential blepharospasm, a progressive disorder of forced closing."""
    for text in ("eye twitching lower lid 2 weeks", "my lid twitching wont stop"):
        names = [c.name.lower() for c in understand(text, handmade_vocabulary).topics]
        assert "myokymia" in names and "blepharospasm" not in names, (text, names)


@pytest.mark.parametrize(
    "question",
    [
        "i take ibuprofen or lisinopril most mornings, could the pills be causing my headaches",
        "ibuprofen gave me a rash once and im taking lisinopril now, why do i cough so much",
        "i get a wheeze every time i take ibuprofen, could i have lisinopril instead?",
    ],
)
def test_drugs_listed_not_joined_are_no_interaction(
    handmade_vocabulary: Vocabulary, question: str
) -> None:
    """ "or", or an "and" with other words between the two, lists drugs; it does not join
    them: a verb of taking elsewhere in the sentence does not make them taken together."""
    assert Facet.INTERACTIONS not in understand(question, handmade_vocabulary).asked


@pytest.mark.parametrize(
    "question",
    [
        "can i take ibuprofen if im on lisinopril 10 mg",
        "I had surgery last year and take lisinopril every day. Is it ok to keep taking ibuprofen?",
        "is it ok to rub ibuprofen gel on my knee and also take lisinopril",
        "can you take ibuprofen 400mg and lisinopril",
        "could my grandad have some ibuprofen for his knee? he's on lisinopril",
        "should my wife take ibuprofen, she is on lisinopril for her heart",
    ],
)
def test_a_drug_asked_beside_one_the_asker_is_on_asks_about_interactions(
    handmade_vocabulary: Vocabulary, question: str
) -> None:
    assert understand(question, handmade_vocabulary).asked[0] is Facet.INTERACTIONS


def test_which_one_is_safer_of_two_options_is_a_comparison(
    handmade_vocabulary: Vocabulary,
) -> None:
    query = understand(
        "my doctor offered ibuprofen pills or colchicine for my gout. which one is safer",
        handmade_vocabulary,
    )
    assert query.question_type is QuestionType.COMPARISON
    query = understand("whats the difference, ibuprofen or colchicine", handmade_vocabulary)
    assert query.question_type is QuestionType.COMPARISON


def test_a_kneecap_is_the_knee(handmade_vocabulary: Vocabulary) -> None:
    """A symptom just below the kneecap is a symptom of the knee, whose page is about it, not
    of pain in general (whose pages are on other parts: back, chest, pelvis)."""
    query = understand("painful lump just below my kneecap, growing pains?", handmade_vocabulary)
    assert [(c.name, c.matched) for c in query.primary_topics] == [
        ("Knee Injuries and Disorders", "kneecap")
    ]


def test_a_chemical_said_again_after_its_therapy_is_the_therapy() -> None:
    from medcite.query.concepts import without_heads
    from medcite.records import QueryConcept

    therapy = QueryConcept(
        key="D1",
        name="oxygen inhalation therapy",
        matched="home oxygen",
        via="lay term",
        tree_numbers=("E02.041.625",),
    )
    element = QueryConcept(
        key="D2",
        name="oxygen",
        matched="oxygen",
        via="MeSH term",
        drug=True,
        tree_numbers=("D01.268.556",),
    )
    assert without_heads((therapy, element)) == (therapy,)
    assert without_heads((element,)) == (element,)


def test_a_medicine_from_the_drug_table_is_a_topic_even_when_mesh_files_it_as_a_plant() -> None:
    """The drug table resolves medicines only: an herbal medicine it knows (MeSH files St
    John's wort under plants) is what is asked about; the same plant from MeSH stays context."""
    from medcite.query.concepts import role
    from medcite.query.vocab import Concept

    numbers = ("B01.650.940.800.575",)
    herbal = Concept("st john wort", "st. john's wort", "B", "drug", key="H1", tree_numbers=numbers)
    plant = Concept("st john wort", "hypericum", "B", "mesh", key="H1", tree_numbers=numbers)
    assert role(herbal) == "topic"
    assert role(plant) == "qualifier"


def test_a_medicine_s_other_spelling_is_the_medicine(handmade_vocabulary: Vocabulary) -> None:
    """ "aciclovir" (the international spelling) is an entry term of Acyclovir: the question
    is about the drug itself, with its class, not about an unplaced name."""
    from medcite.query.lookups import lookups

    question = "does aciclovir cream help cold sores"
    query = understand(question, handmade_vocabulary, extra=lookups(question))
    drug = next(c for c in query.concepts if c.drug)
    assert drug.name == "acyclovir"
    assert drug.tree_numbers
    assert "antivirals" in drug.classes


def test_spelling_variants_are_letters_apart_not_prefixes_or_salts() -> None:
    from medcite.query.concepts import spelling_variant

    assert spelling_variant("aciclovir", "acyclovir")
    assert spelling_variant("cefalexin", "cephalexin")
    assert not spelling_variant("escitalopram", "citalopram")
    assert not spelling_variant("levothyroxine", "thyroxine")
    assert not spelling_variant("sildenafil", "sildenafil citrate")


def test_vaccines_in_general_are_no_topic_beside_the_vaccine_named() -> None:
    """ "the Shingrix vaccine": the vaccine named is the topic; pages on any vaccine (tetanus,
    the flu shot) are not about it. Asked alone, vaccines in general stay the topic."""
    from medcite.query.concepts import without_any_vaccine
    from medcite.records import QueryConcept

    named = QueryConcept(
        key="drug:rzv",
        name="Recombinant zoster vaccine",
        matched="shingrix",
        via="brand",
        drug=True,
        tier=1,
    )
    general = QueryConcept(
        key="D14",
        name="Vaccines",
        matched="vaccine",
        via="MeSH term",
        drug=True,
        tier=1,
        tree_numbers=("D20.215.894",),
    )
    gout = QueryConcept(key="D3", name="Gout", matched="gout", via="MeSH term")
    assert [c.key for c in without_any_vaccine((named, general, gout))] == ["drug:rzv", "D3"]
    assert [c.key for c in without_any_vaccine((general, gout))] == ["D14", "D3"]


def test_a_concept_named_twice_in_other_words_keeps_both_names(
    handmade_vocabulary: Vocabulary,
) -> None:
    """A concept named twice in other words ("high temperature", then "pyrexia") is one
    concept, and each wording the question used is one of its names (a statement may name it
    by either)."""
    words = normalise("woke with a high temperature, would a doctor call it pyrexia").split()
    (fever,) = [c for c in question_concepts(words, handmade_vocabulary) if c.key == "D1"]
    assert {"high temperature", "pyrexia"} <= {*fever.names, *fever.also_said}
