"""Question understanding: facets, focus, consumer → clinical expansion, scope."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from medcite import Engine
from medcite.query.understand import (
    asks_what_it_is,
    detect_facets,
    evidence_question,
    extract_focus,
    question_type,
    understand,
)
from medcite.query.vocab import Vocabulary, load_synonyms
from medcite.records import Facet, QuestionType
from medcite.text import normalise

LAY_ONLY = Vocabulary(None)


@pytest.fixture
def roles(handmade_vocabulary: Vocabulary) -> Callable[[str], dict[str, str]]:
    """Each concept a question names, with its role (handmade vocabulary)."""

    def read(question: str) -> dict[str, str]:
        return {c.name: c.role for c in understand(question, handmade_vocabulary).concepts}

    return read


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        ("What causes facial twitches?", (Facet.CAUSES,)),
        ("How is high blood pressure treated?", (Facet.TREATMENT,)),
        ("What are the symptoms of Lyme disease?", (Facet.SYMPTOMS,)),
        ("How is celiac disease diagnosed?", (Facet.DIAGNOSIS,)),
        ("Can shingles be prevented?", (Facet.PREVENTION,)),
        ("What is the outlook for ALS?", (Facet.PROGNOSIS,)),
        ("What are the side effects of metformin?", (Facet.SIDE_EFFECTS,)),
        ("How much ibuprofen can I take?", (Facet.DOSAGE,)),
        ("What is hemifacial spasm?", (Facet.OVERVIEW,)),
        ("Is gout hereditary?", (Facet.INHERITANCE,)),
        ("Does psoriasis run in my family?", (Facet.INHERITANCE,)),
        ("Could I pass sickle cell anemia on to my kids?", (Facet.INHERITANCE,)),
        ("What are the chances my baby will have cystic fibrosis?", (Facet.INHERITANCE,)),
        ("Is there gene therapy for hemophilia?", (Facet.TREATMENT,)),
        ("Newly diagnosed with lupus, will I end up in a wheelchair?", (Facet.PROGNOSIS,)),
        ("Can people with gout live a normal life?", (Facet.PROGNOSIS,)),
        ("Does psoriasis get worse with age?", (Facet.PROGNOSIS,)),
        ("just told i have gout, how bad is it?", (Facet.PROGNOSIS,)),
        ("my gout test came back positive, what does that even mean", (Facet.DIAGNOSIS,)),
        ("uric acid level of 9, what does it mean for me", (Facet.DIAGNOSIS,)),
        ("my dad had gout, should I get checked for it", (Facet.DIAGNOSIS,)),
        ("twisted my knee, is it still RICE", (Facet.TREATMENT,)),
        ("is acupuncture worth trying for my back", (Facet.TREATMENT,)),
        ("can antibiotics make the patch less effective", (Facet.INTERACTIONS,)),
        ("is rice ok to eat with gout", (Facet.OVERVIEW,)),
        ("pulled hamstring, when can i run again", (Facet.PROGNOSIS,)),
        ("can a wart clear up on its own", (Facet.PROGNOSIS,)),
        ("my son has thrush, what can he have for it", (Facet.TREATMENT,)),
        ("mouth ulcers every few weeks, what actually helps", (Facet.TREATMENT,)),
        (
            "ringing in my ears for months, is there anything that actually helps",
            (Facet.TREATMENT,),
        ),
        ("what's the point of the purple puffer if I feel fine", (Facet.TREATMENT,)),
        ("once the pills clear my gout, can it ever come back?", (Facet.PROGNOSIS,)),
        ("when will the gout blood test come back", (Facet.DIAGNOSIS,)),
    ],
)
def test_facets_asked(question: str, asked: tuple[Facet, ...]) -> None:
    assert detect_facets(question)[0] == asked


def test_an_inheritance_question_also_gets_causes_and_diagnosis() -> None:
    asked, added = detect_facets("Is gout hereditary?")
    assert asked == (Facet.INHERITANCE,) and added == (Facet.CAUSES, Facet.DIAGNOSIS)


def test_a_causes_question_also_gets_seek_care_and_treatment() -> None:
    asked, added = detect_facets("What causes facial twitches?")
    assert asked == (Facet.CAUSES,)
    assert {Facet.SEEK_CARE, Facet.TREATMENT} <= set(added)


@pytest.mark.parametrize(
    ("question", "focus"),
    [
        ("What causes facial twitches?", "facial twitches"),
        ("How is high blood pressure treated?", "high blood pressure"),
        ("What are the side effects of metformin?", "metformin"),
        ("my eye keeps twitching, should I see a doctor?", "eye twitching"),
    ],
)
def test_focus(question: str, focus: str) -> None:
    assert extract_focus(question) == focus


def test_normalise_singularises_and_lowercases() -> None:
    assert normalise("Facial Twitches") == "facial twitch"
    assert normalise("Bell's palsy") == "bell palsy"


def test_facial_twitches_expand_to_clinical_movement_disorders() -> None:
    query = understand("What causes facial twitches?", LAY_ONLY)
    assert {"hemifacial spasm", "blepharospasm", "fasciculation", "facial myokymia", "tics"} <= set(
        query.expansions
    )
    # longest match: the phrase "facial twitch" decides; "twitch" alone is not looked up again
    assert "muscle spasm" not in query.expansions
    assert query.search_text.startswith("facial twitches ")


def test_mesh_entry_terms_expand_when_the_vocabulary_is_loaded(any_engine: Engine) -> None:
    query = any_engine.understand("What helps with benign fasciculation?")
    assert "fasciculation" in query.expansions
    heart = any_engine.understand("signs of a heart attack in women")
    assert "myocardial infarction" in heart.expansions


def test_medquad_synonyms_expand_to_the_page_topic(any_engine: Engine) -> None:
    query = any_engine.understand("What is unilateral facial spasm?")
    assert "hemifacial spasm" in query.expansions


def test_questions_outside_health_are_out_of_scope(any_engine: Engine) -> None:
    assert not any_engine.understand("What is the capital of France?").in_scope
    assert not any_engine.understand("How do I change a car tyre?").in_scope
    assert any_engine.understand("Is it safe to take ibuprofen with warfarin?").in_scope
    assert any_engine.understand("Why does my knee hurt after running?").in_scope
    # memory and kidney-function words are health words, whatever else is named
    assert any_engine.understand("dad keeps forgetting names and got lost driving").in_scope
    assert any_engine.understand("what does egfr 52 mean").in_scope


def test_without_a_vocabulary_nothing_is_refused() -> None:
    assert understand("What is the capital of France?", LAY_ONLY).in_scope


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Is acne in adolescence associated with prostate cancer risk?", True),
        ("Does vitamin D supplementation reduce COVID-19 severity?", True),
        ("What is the efficacy of aerobic exercise versus strength training for migraine?", True),
        ("Can a birth control pill cause DVT?", True),
        ("Knee replacement in people over ninety: is it safe?", True),
        ("Does a low-salt diet relieve swollen ankles in older adults?", True),
        ("Do cold packs have a role in recovery from a knee sprain?", True),
        ("Is a urine dipstick reliable in diagnosing cystitis in children?", True),
        ("Knee replacement in people over ninety: what is it?", False),
        ("What causes facial twitches?", False),
        ("How is a heart attack treated?", False),
        ("Can I take ibuprofen with warfarin?", False),
        ("What are the symptoms of Lyme disease?", False),
        ("Is shingles different from chickenpox?", False),
        ("Is a migraine the same thing as a headache?", False),
        ("Is one cold pack different from another in relieving knee pain?", True),
        ("Do knee sprains in runners differ from those in skiers?", True),
    ],
)
def test_evidence_questions(question: str, expected: bool) -> None:
    assert evidence_question(question) is expected


def test_an_evidence_question_gets_no_companion_facets() -> None:
    asked, added = detect_facets("Does botulinum toxin treatment improve hemifacial spasm?")
    assert asked == (Facet.TREATMENT,)
    assert added == ()


def test_misspelt_words_are_corrected_before_expansion(tmp_path: Path) -> None:
    db = tmp_path / "vocab.sqlite"
    load_synonyms(db, [("antiphospholipid syndrome", "Antiphospholipid Syndrome")], "mesh")
    vocabulary = Vocabulary(db)
    question = "What causes Antiphosoholipid Syndrome?"
    assert understand(question, vocabulary).expansions == ()
    query = understand(question, vocabulary, known=lambda _word: False)
    assert query.expansions == ("antiphospholipid syndrome",)
    assert "antiphospholipid" in (query.search_text or "").split()
    assert query.focus == "Antiphosoholipid Syndrome"  # the user's words are kept
    indexed = understand(question, vocabulary, known=lambda _word: True)
    assert indexed.expansions == ()  # a word found in the index is never "corrected"


def test_word_counts_come_from_the_loaded_terms_and_the_lay_table(tmp_path: Path) -> None:
    db = tmp_path / "vocab.sqlite"
    load_synonyms(db, [("aortic stenosis", "Aortic Valve Stenosis")], "mesh")
    load_synonyms(db, [("aortic aneurysm", "Aortic Aneurysm")], "medquad")
    counts = Vocabulary(db).word_counts({"aortic", "stenosis", "aneurysm", "zzzzz"})
    assert counts == {"aortic": 2, "stenosis": 1, "aneurysm": 1}
    assert Vocabulary(None).word_counts({"aortic", "twitch"}) == {
        "twitch": 7
    }  # lay phrases using it


def test_a_vocabulary_from_before_word_counts_still_answers_without_correcting(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    db = tmp_path / "vocab.sqlite"
    load_synonyms(db, [("antiphospholipid syndrome", "Antiphospholipid Syndrome")], "mesh")
    with sqlite3.connect(db) as conn:
        conn.execute("DROP TABLE words")
    vocabulary = Vocabulary(db)
    query = understand("What causes Antiphosoholipid Syndrome?", vocabulary, lambda _w: False)
    assert query.expansions == ()
    assert "medcite vocab load" in caplog.text


def test_a_drug_asked_about_inside_a_product_is_an_ingredient(
    handmade_vocabulary: Vocabulary,
) -> None:
    query = understand("how much vitamin d is in a colchicine tablet", handmade_vocabulary)
    roles = {c.name.lower(): c.role for c in query.concepts}
    assert roles["colchicine"] == "topic" and roles["vitamin d"] == "qualifier"
    # "in" followed by no drug product: both stay what the question is about
    plain = understand("is there ibuprofen and colchicine in my blood", handmade_vocabulary)
    assert {c.name.lower() for c in plain.topics} >= {"ibuprofen", "colchicine"}


def test_words_beginning_come_from_terms_and_the_lay_table(tmp_path: Path) -> None:
    db = tmp_path / "vocab.sqlite"
    load_synonyms(db, [("aortic stenosis", "Aortic Valve Stenosis")], "mesh")
    load_synonyms(db, [("aortitis", "Aortitis")], "medquad")
    vocabulary = Vocabulary(db)
    assert vocabulary.words_beginning("ao", 6, 8) == {"aortic": 1, "aortitis": 1}
    assert vocabulary.words_beginning("ao", 9, 12) == {}  # none so long
    assert vocabulary.words_beginning("ste", 8, 8) == {"stenosis": 1}


def test_a_plant_that_is_an_nih_health_topic_is_in_scope(handmade_vocabulary: Vocabulary) -> None:
    """MeSH files marijuana under plants; NIH's page "Marijuana" makes it a health topic."""
    query = understand("how is marijuana used", handmade_vocabulary)
    assert query.in_scope
    assert [c.key for c in query.primary_topics] == ["D36"]
    assert not understand("how is cannabis grown", handmade_vocabulary).in_scope


def test_a_question_on_menstruation_is_in_scope(handmade_vocabulary: Vocabulary) -> None:
    """MeSH files menstruation under phenomena (G), with meals; a late one is a health
    question, a dinner menu is not."""
    late = understand(
        "menstruation 10 days late, tests negative. when to worry", handmade_vocabulary
    )
    assert late.in_scope
    assert not understand(
        "ideas for dinner and other meals this week", handmade_vocabulary
    ).in_scope


def test_water_beside_a_drug_is_no_second_drug(handmade_vocabulary: Vocabulary) -> None:
    """Water is what a pill is swallowed with: beside a drug it is no interaction partner;
    alone, it is the topic."""
    query = understand("should I take ibuprofen with a glass of water", handmade_vocabulary)
    assert [c.name for c in query.primary_topics] == ["ibuprofen"]
    assert Facet.INTERACTIONS not in query.asked
    alone = understand("how much water should I drink a day", handmade_vocabulary)
    assert [c.name for c in alone.primary_topics] == ["water"]


def test_ice_is_a_form_of_water_not_a_medicine(handmade_vocabulary: Vocabulary) -> None:
    """MeSH files ice under water (and under phenomena and the environment): "ice it" names no
    drug that would outrank the body part asked about."""
    query = understand("hurt the back of my heel, should I ice it", handmade_vocabulary)
    ice = next(c for c in query.concepts if c.name == "ice")
    assert ice.tier == next(c.tier for c in query.concepts if c.name == "heel")
    assert "heel" in [c.name for c in query.primary_topics]


def test_cramps_beside_the_belly_are_no_muscle_cramps(handmade_vocabulary: Vocabulary) -> None:
    """Cramps told beside a gut disease or the belly are the belly's: no leg-cramp page answers
    them; told of the legs, they are muscle cramps."""
    belly = understand("fatty liver and cramps, what helps?", handmade_vocabulary)
    assert "muscle cramp" not in [c.name for c in belly.topics]
    tummy = understand("bad cramps in my tummy after meals", handmade_vocabulary)
    assert "muscle cramp" not in [c.name for c in tummy.topics]
    legs = understand("bad cramps in my legs at night", handmade_vocabulary)
    assert [c.name for c in legs.primary_topics] == ["muscle cramp"]


def test_a_condition_named_after_this_describes_one_named_before(
    roles: Callable[[str], dict[str, str]],
) -> None:
    """ "this <condition>" after another condition was named refers back to it: no topic of
    its own. Named first, it is a topic."""

    assert roles("My doctor says I have gout. Why does this fever come back?") == {
        "gout": "topic",
        "fever": "qualifier",
    }
    assert roles("This fever came back after gout started. Why?")["fever"] == "topic"
    # what the asker guesses it is: "is this <condition>" ending the clause asks about it
    assert roles("My doctor says I have gout. Is this sinusitis?")["sinusitis"] == "topic"
    assert (
        roles("I have had gout a year. could this be sinusitis and do I need drops")["sinusitis"]
        == "topic"
    )
    # asked of "it", the disease named before: what is asked of it, not a second topic
    assert roles("What is gout? is it a fever that comes back?")["fever"] == "qualifier"
    assert roles("gout in my toe. does it mean a fever will come")["fever"] == "qualifier"
    assert roles("a fever every night. could this be a sinusitis")["sinusitis"] == "topic"


def test_a_subject_line_naming_a_body_part_lifts_no_symptom(
    handmade_vocabulary: Vocabulary,
) -> None:
    """ "Knee pain." names pain of the knee, not pain in general: the disease the message
    guesses stays the central topic."""
    query = understand("Knee pain. is this gout?", handmade_vocabulary)
    assert [c.name for c in query.primary_topics] == ["gout"]


def test_a_subject_line_names_a_central_topic(handmade_vocabulary: Vocabulary) -> None:
    """ "Fever. …" heads the message: the sign it names ranks with the disease the message
    names, instead of below it; without the subject line the disease alone is central."""
    subject = understand("Fever. my son has had sinusitis for a week", handmade_vocabulary)
    assert sorted(c.key for c in subject.primary_topics) == ["D1", "D4"]
    plain = understand("my son has had sinusitis and a fever for a week", handmade_vocabulary)
    assert [c.key for c in plain.primary_topics] == ["D4"]
    # the same with the line's label typed out
    labelled = understand(
        "Subject: fever. my son has had sinusitis for a week", handmade_vocabulary
    )
    assert sorted(c.key for c in labelled.primary_topics) == ["D1", "D4"]


def test_a_topic_the_question_names_again_more_narrowly_yields_to_it(
    handmade_vocabulary: Vocabulary,
) -> None:
    """ "Gout. … someone with type 1 gout": the question is about type 1 gout, so pages on
    other kinds of gout are no answer; named apart, both stay."""
    query = understand("Gout and fever. advice for someone with type 1 gout", handmade_vocabulary)
    assert [c.name for c in query.primary_topics] == ["gout, type 1"]
    apart = understand("is sinusitis worse with gout", handmade_vocabulary)
    assert sorted(c.name for c in apart.primary_topics) == ["gout", "sinusitis"]


def test_asking_what_something_does_to_ones_health_is_in_scope(
    handmade_vocabulary: Vocabulary,
) -> None:
    """A habit the vocabulary does not know is still a health question when it is asked whether
    it is bad for you; being bad for a budget is not."""
    assert understand("is cracking your fingers bad for you", handmade_vocabulary).in_scope
    assert understand("is loud music harmful", handmade_vocabulary).in_scope
    assert not understand("is this laptop bad for my budget", handmade_vocabulary).in_scope
    assert understand("why do i get shaky and sweaty before lunch", handmade_vocabulary).in_scope


def test_body_words_inside_an_idiom_do_not_make_a_health_question(
    handmade_vocabulary: Vocabulary,
) -> None:
    """ "A pain in the neck" said of a person, "break a leg" wished before a show: no health
    question, so none is answered; a neck that hurts is one."""
    idiom = "my landlord is a total pain in the neck, how do i get him to fix the sink"
    assert not understand(idiom, handmade_vocabulary).in_scope
    assert not understand("why do actors say break a leg", handmade_vocabulary).in_scope
    literal = "how do i stop a pain in the neck after sleeping"
    assert understand(literal, handmade_vocabulary).in_scope


@pytest.mark.parametrize(
    ("question", "facet", "not_facet"),
    [
        ("how do you get rid of a yeast infection", Facet.TREATMENT, Facet.CAUSES),
        ("does psoriasis run in famlies", Facet.INHERITANCE, None),
        ("how do you get a yeast infection", Facet.CAUSES, None),
        # getting someone to do something is no catching it
        ("grandad has gout, how do i get him to eat less red meat", Facet.OVERVIEW, Facet.CAUSES),
        ("dry cough for 6 weeks, why won't it go away?", Facet.CAUSES, None),
        ("a cyst on my wrist, should I get it drained", Facet.TREATMENT, None),
        ("my son has gout, can it be cured", Facet.TREATMENT, Facet.SYMPTOMS),
        ("doc says gout flare, what helps it calm down?", Facet.TREATMENT, None),
        ("how many days should i take colchicine", Facet.DOSAGE, None),
        ("how many times a day can i take it", Facet.DOSAGE, None),
        ("must i stop warfarin before surgery, for how many days?", Facet.TREATMENT, Facet.DOSAGE),
        # an amount told in a statement is what is taken, not a dose asked
        ("my doctor has me on warfarin 5 mg a day. can i stop it?", Facet.TREATMENT, Facet.DOSAGE),
        ("is 20 mg of warfarin too much?", Facet.DOSAGE, None),
        ("can i take 800 mg ibuprofen", Facet.DOSAGE, None),
    ],
)
def test_facet_cues_read_the_whole_phrase(
    question: str, facet: Facet, not_facet: Facet | None
) -> None:
    asked, _added = detect_facets(question)
    assert facet in asked
    assert not_facet not in asked


def test_the_condition_the_asker_guesses_is_the_topic(handmade_vocabulary: Vocabulary) -> None:
    """What is told before the guess describes it ("a fever and a sore knee … could this be
    gout?"); a drug named before it stays a topic."""
    query = understand("a fever every night, could this be gout?", handmade_vocabulary)
    assert [c.name for c in query.primary_topics] == ["gout"]
    assert Facet.SYMPTOMS in query.asked
    drug = understand(
        "since starting ibuprofen I have a fever, could this be gout", handmade_vocabulary
    )
    assert "ibuprofen" in [c.name for c in drug.topics]
    starting = understand("a fever every night, is this gout starting?", handmade_vocabulary)
    assert [c.name for c in starting.primary_topics] == ["gout"]
    # "it" after a sign is the trouble told, so what follows is the guess
    sign_it = understand("vertigo when i stand up, could it be gout", handmade_vocabulary)
    assert [c.name for c in sign_it.primary_topics] == ["gout"]


def test_a_condition_in_the_askers_past_is_background(handmade_vocabulary: Vocabulary) -> None:
    """ "a history of X" beside a drug or another condition ranks documents but is no topic;
    alone it stays the topic, and a *family* history is what is asked about."""
    past = understand(
        "Can I take ibuprofen every day? Note: I have a history of gout.", handmade_vocabulary
    )
    assert [c.name for c in past.topics] == ["ibuprofen"]
    assert "gout" in [c.name for c in past.concepts if c.role == "qualifier"]
    # "had" for a time up to now is "I've had": it goes on
    lasting = understand(
        "Had gout for 4 months, rest helps a little. Is ibuprofen a good idea?", handmade_vocabulary
    )
    assert {c.name for c in lasting.topics} == {"gout", "ibuprofen"}
    over = understand(
        "Had gout for 3 weeks last year. Is ibuprofen a good idea now?", handmade_vocabulary
    )
    assert [c.name for c in over.topics] == ["ibuprofen"]
    used_to = understand("I used to have hepatitis b. Now I have gout, why?", handmade_vocabulary)
    assert [c.name for c in used_to.topics] == ["gout"]
    # told in one breath with the drug taken for it, or asked whether it returns: the topic
    same = understand("I had gout and took colchicine for it, what now?", handmade_vocabulary)
    assert {c.name for c in same.topics} == {"gout", "colchicine"}
    back = understand(
        "I had gout last year. How do I keep it from coming back? Is ibuprofen ok?",
        handmade_vocabulary,
    )
    assert {c.name for c in back.topics} == {"gout", "ibuprofen"}
    alone = understand("I have a history of gout, how do I prevent it?", handmade_vocabulary)
    assert [c.name for c in alone.topics] == ["gout"]
    # who someone is, told before what is new: "my dad who has gout … now a cold"
    cared = understand(
        "I look after my dad who has gout. He has had a cold for a week now, what should I do?",
        handmade_vocabulary,
    )
    assert [c.name for c in cared.topics] == ["common cold"]
    flare = understand(
        "my dad who has gout has a swollen big toe again, what should I do?", handmade_vocabulary
    )
    assert [c.name for c in flare.topics] == ["gout"]
    family = understand(
        "With a family history of gout, should I avoid ibuprofen?", handmade_vocabulary
    )
    assert {c.name for c in family.topics} == {"gout", "ibuprofen"}
    # named again as present, it is not only the past
    present = understand(
        "I had gout years ago and now the gout is back, can I take ibuprofen?",
        handmade_vocabulary,
    )
    assert {c.name for c in present.topics} == {"gout", "ibuprofen"}
    # a case header tells the asker's history: what follows is asked
    header = understand("70F with gout. is my hepatitis b getting worse?", handmade_vocabulary)
    assert [c.name for c in header.topics] == ["hepatitis b"]
    told = understand("I'm a 45 yo man with gout. Can I take ibuprofen?", handmade_vocabulary)
    assert [c.name for c in told.topics] == ["ibuprofen"]
    # "and now" turns to the present, and a lay description counts as naming its condition
    turned = understand(
        "I had hepatitis b years ago and now a temp of 38.5 every night, why?",
        handmade_vocabulary,
    )
    assert [c.name for c in turned.topics] == ["fever"]


def test_negations_typed_without_an_apostrophe_count(handmade_vocabulary: Vocabulary) -> None:
    for question in ("i have gout but dont have any fever", "gout, i didnt have a fever"):
        query = understand(question, handmade_vocabulary)
        assert [c.name for c in query.topics] == ["gout"], question


def test_a_negation_reaches_across_or(handmade_vocabulary: Vocabulary) -> None:
    """A "no cold or fever" denies both: neither is a topic, and the cold is the illness, not a
    temperature; what is told instead (a knee) becomes the topic."""
    query = understand("my knee aches for weeks, no cold or fever", handmade_vocabulary)
    assert [c.name for c in query.topics] == ["knee"]
    roles = {c.name: c.role for c in query.concepts}
    assert roles["fever"] == roles["common cold"] == "negated"
    with_gout = understand("gout again but no nausea or fever this time", handmade_vocabulary)
    assert [c.name for c in with_gout.topics] == ["gout"]


def test_a_comparison_is_about_the_things_compared(handmade_vocabulary: Vocabulary) -> None:
    """What the asker tells beside a comparison (someone's fever) is context, a qualifier; the
    compared pair stays the topic, also when the comparing sentence names only one of them."""
    query = understand(
        "whats the difference between gout and hepatitis b? my dad had a fever last week",
        handmade_vocabulary,
    )
    assert {c.name for c in query.topics} == {"gout", "hepatitis b"}
    assert "fever" in [c.name for c in query.concepts if c.role == "qualifier"]
    one = understand("is gout different? my dad has a fever", handmade_vocabulary)
    assert {c.name for c in one.topics} == {"gout", "fever"}
    # told after a comma in the same sentence, also context
    comma = understand(
        "difference between gout and hepatitis b, my dad has one of them after a fever",
        handmade_vocabulary,
    )
    assert {c.name for c in comma.topics} == {"gout", "hepatitis b"}


def test_medicines_compared_are_compared_for_the_condition_told_beside_them(
    handmade_vocabulary: Vocabulary,
) -> None:
    """Two medicines compared in one sentence are compared for the condition told in another:
    it stays a topic, paired with the medicines; told beside two conditions compared, it is
    context (see the test above)."""
    query = understand(
        "my gout flared up on the weekend. is ibuprofen or colchicine better?",
        handmade_vocabulary,
    )
    assert "gout" in [c.name for c in query.topics]
    pair = query.drug_and_condition
    assert pair is not None and pair[1].name == "gout"


def test_why_a_treatment_is_needed_asks_no_cause() -> None:
    """ "Why do I still need my inhaler" asks what the treatment is for, not what causes the
    illness; "why does my knee click" asks a cause."""
    asked = detect_facets("my asthma is fine now. why do I still need my inhaler?")[0]
    assert Facet.CAUSES not in asked
    assert Facet.CAUSES in detect_facets("why does my knee click on the stairs")[0]


def test_a_diagnosis_told_asks_no_diagnosis() -> None:
    """ "Just been diagnosed with gout" tells how it was found; "how is gout diagnosed" and
    "how is someone diagnosed with gout" ask it."""
    assert Facet.DIAGNOSIS not in detect_facets("just been diagnosed with gout, what is it?")[0]
    assert Facet.DIAGNOSIS not in detect_facets("was newly diagnosed with gout, what now")[0]
    assert Facet.DIAGNOSIS in detect_facets("how is gout diagnosed")[0]
    assert Facet.DIAGNOSIS in detect_facets("how is someone diagnosed with gout")[0]


def test_passing_an_infection_on_is_catching_and_passing_it_down_is_heredity() -> None:
    """ "Can I pass it on" of an infection asks how it spreads; "passed down" and "pass it on
    to my kids" ask about heredity."""
    asked = detect_facets("I have cold sores, can I pass it on to my boyfriend?")[0]
    assert Facet.CAUSES in asked and Facet.INHERITANCE not in asked
    assert Facet.INHERITANCE in detect_facets("does gout get passed down in families")[0]
    assert Facet.INHERITANCE in detect_facets("could I pass gout on to my kids?")[0]


def test_a_spreadsheet_is_no_spread_of_disease() -> None:
    """A word that only begins with "spread" asks for no causes; spreading does."""
    asked, _added = detect_facets("my eyes ache after a day of spreadsheets, what helps?")
    assert Facet.CAUSES not in asked
    assert Facet.CAUSES in detect_facets("how is scabies spread?")[0]
    assert Facet.CAUSES in detect_facets("is it spreading to others at home?")[0]


def test_a_question_of_a_conditions_course_is_about_the_condition(
    handmade_vocabulary: Vocabulary,
) -> None:
    """The drug a doctor gave, told before "how long until it goes away", is context; a drug in
    the asking sentence is what is asked about."""
    told = understand(
        "the doctor said gout and gave me colchicine. how long until it goes away?",
        handmade_vocabulary,
    )
    assert [c.name for c in told.topics] == ["gout"]
    assert "colchicine" in [c.name for c in told.concepts if c.role == "qualifier"]
    asked = understand("how long does colchicine take to work for gout", handmade_vocabulary)
    assert {c.name for c in asked.topics} == {"gout", "colchicine"}
    back = understand(
        "the dr said gout, im on colchicine now. what should i avoid so it doesnt come back",
        handmade_vocabulary,
    )
    assert [c.name for c in back.topics] == ["gout"]
    effects = understand(
        "im on colchicine for gout. what side effects should i watch for so it doesnt come back",
        handmade_vocabulary,
    )
    assert "colchicine" in [c.name for c in effects.topics]


def test_a_symptom_after_starting_a_drug_keeps_the_drug_asked(
    handmade_vocabulary: Vocabulary,
) -> None:
    query = understand(
        "just started colchicine and i have a fever. does this go away?", handmade_vocabulary
    )
    assert "colchicine" in [c.name for c in query.topics]


def test_drugs_already_tried_are_context_of_a_treatment_question(
    handmade_vocabulary: Vocabulary,
) -> None:
    tried = understand(
        "gout for years, tried ibuprofen and nothing works. what are the treatment options now",
        handmade_vocabulary,
    )
    assert [c.name for c in tried.topics] == ["gout"]
    assert "ibuprofen" in [c.name for c in tried.concepts if c.role == "qualifier"]
    asked = understand("is ibuprofen a good treatment for gout", handmade_vocabulary)
    assert {c.name for c in asked.topics} == {"gout", "ibuprofen"}


def test_a_drug_set_aside_while_asking_what_else_helps_is_context(
    handmade_vocabulary: Vocabulary,
) -> None:
    """ "What else works apart from X" asks about the disease: X is known, and set aside."""
    for question in (
        "my gout flares every winter and is awful, what works apart from ibuprofen?",
        "gout in my big toe again. anything I could take other than ibuprofen",
    ):
        query = understand(question, handmade_vocabulary)
        assert [c.name for c in query.topics] == ["gout"], question
        assert "ibuprofen" in [c.name for c in query.concepts if c.role == "qualifier"]
    asked = understand("is ibuprofen any good for gout", handmade_vocabulary)
    assert {c.name for c in asked.topics} == {"gout", "ibuprofen"}


def test_a_drug_the_asker_is_on_and_asks_about_stopping_stays_asked(
    handmade_vocabulary: Vocabulary,
) -> None:
    """ "Been on" a drug tells it is taken now; asking whether to stay on it or stop it asks
    about the drug, not about other treatments of the disease."""
    for question in (
        "been on ibuprofen daily for 2 years for gout. is it bad to stay on it long term?",
        "been taking ibuprofen for gout, can i just stop it or do i need to wean off",
    ):
        query = understand(question, handmade_vocabulary)
        assert "ibuprofen" in [c.name for c in query.topics], question


def test_the_reason_a_drug_was_taken_is_context_beside_another_disease(
    handmade_vocabulary: Vocabulary,
) -> None:
    other = understand(
        "got hepatitis b after taking ibuprofen for gout. is it contagious", handmade_vocabulary
    )
    assert "gout" not in [c.name for c in other.topics]
    assert "hepatitis b" in [c.name for c in other.topics]
    alone = understand("can i take ibuprofen for gout", handmade_vocabulary)
    assert "gout" in [c.name for c in alone.topics]


def test_a_topic_the_subject_line_names_is_never_context(handmade_vocabulary: Vocabulary) -> None:
    """ "Gout. … whats the difference between ibuprofen and colchicine": the subject says what
    the message is about, so gout stays a topic beside the compared drugs."""
    query = understand(
        "Gout. my knee. whats the difference between ibuprofen and colchicine?",
        handmade_vocabulary,
    )
    assert {"gout", "ibuprofen", "colchicine"} <= {c.name for c in query.topics}


def test_a_drug_no_longer_taken_is_context(handmade_vocabulary: Vocabulary) -> None:
    stopped = understand(
        "i finished colchicine last month. can i take ibuprofen for my knee?", handmade_vocabulary
    )
    assert "colchicine" not in [c.name for c in stopped.topics]
    assert Facet.INTERACTIONS not in stopped.asked
    both = understand("can i take colchicine and ibuprofen together", handmade_vocabulary)
    assert {"colchicine", "ibuprofen"} <= {c.name for c in both.topics}
    # a complaint dating from stopping it asks what stopping it does
    since = understand(
        "stopped my colchicine 3 days ago, now my knee is in pain, is that the gout",
        handmade_vocabulary,
    )
    assert "colchicine" in [c.name for c in since.topics]


def test_a_drug_taken_in_spite_of_what_went_wrong_is_context(
    handmade_vocabulary: Vocabulary,
) -> None:
    """ "my gout keeps flaring even tho im taking colchicine" is about the gout (the drug's
    studies do not explain it); a question about the drug itself keeps it the topic, and so
    does one naming nothing else."""
    for question in (
        "my gout keeps flaring even tho im taking colchicine, what does that mean",
        "gout attacks despite taking my colchicine every day",
    ):
        query = understand(question, handmade_vocabulary)
        assert [c.name for c in query.topics] == ["gout"], question
    asked = understand("does colchicine help gout", handmade_vocabulary)
    assert {"gout", "colchicine"} <= {c.name for c in asked.topics}
    alone = understand("still happening even though im taking colchicine", handmade_vocabulary)
    assert "colchicine" in [c.name for c in alone.topics]


def test_a_word_asking_for_the_course_is_no_topic(handmade_vocabulary: Vocabulary) -> None:
    """ "prognosis" or "life expectancy" asks something of the topic; with nothing else
    recognised there is no topic (no document must be about *Prognosis*)."""
    alone = understand("What is the long term prognosis with a zyxwv variant?", handmade_vocabulary)
    assert Facet.PROGNOSIS in alone.asked
    assert "prognosis" not in [c.name for c in alone.topics]
    beside = understand("what is the life expectancy with q fever", handmade_vocabulary)
    assert [c.name for c in beside.topics] == ["q fever"]


def test_a_word_asking_for_a_test_may_name_the_procedure(handmade_vocabulary: Vocabulary) -> None:
    asked = understand("should i be getting a screening for gout", handmade_vocabulary)
    assert {"mass screening", "gout"} <= {c.name for c in asked.topics}


def test_a_drink_with_ones_medicines_asks_about_interactions(
    handmade_vocabulary: Vocabulary,
) -> None:
    """ "wine" with one's pills or meds is a health question about mixing the two."""
    query = understand("Can I have a glass of wine with my evening pills?", handmade_vocabulary)
    assert Facet.INTERACTIONS in query.asked
    assert query.in_scope
    meds = understand("is it ok to have a beer while on my meds", handmade_vocabulary)
    assert meds.in_scope
    assert Facet.INTERACTIONS in meds.asked
    plain = understand("is wine made from grapes", handmade_vocabulary)
    assert Facet.INTERACTIONS not in plain.asked
    # a drink right after a drug
    after = understand("can i drink coffee right after taking my lisinopril", handmade_vocabulary)
    assert Facet.INTERACTIONS in after.asked
    cold = understand("can i drink coffee when i have a cold", handmade_vocabulary)
    assert Facet.INTERACTIONS not in cold.asked


def test_drinks_counted_beside_a_drug_one_is_on_ask_about_mixing(
    handmade_vocabulary: Vocabulary,
) -> None:
    """ "a few drinks" names no kind of drink: drinks of alcohol, which asked by someone on a
    medicine is a question of mixing the two, in whichever sentence each is named."""
    query = understand(
        "I'm on colchicine this week. Can I have a few drinks at the party?", handmade_vocabulary
    )
    assert "alcohol" in {c.name for c in query.topics}
    assert Facet.INTERACTIONS in query.asked
    water = understand("I'm on colchicine, can I have a few drinks of water", handmade_vocabulary)
    assert "alcohol" not in {c.name for c in water.concepts}


def test_a_wound_from_a_used_needle_is_a_needlestick_injury(
    handmade_vocabulary: Vocabulary,
) -> None:
    query = understand(
        "I accidentally stuck myself with a used insulin needle, what should I do?",
        handmade_vocabulary,
    )
    assert [c.name for c in query.topics] == ["needlestick injuries"]
    roles = {c.name: c.role for c in query.concepts}
    assert roles["insulin"] == roles["needles"] == "qualifier"
    pen = understand("how do I use an insulin needle", handmade_vocabulary)
    assert "insulin" in [c.name for c in pen.topics]
    assert "needlestick injuries" not in [c.name for c in pen.concepts]


def test_an_idiom_names_no_concept(handmade_vocabulary: Vocabulary) -> None:
    query = understand("is it safe to stop ibuprofen cold turkey", handmade_vocabulary)
    assert "cold temperature" not in [c.name for c in query.concepts]
    assert query.corrections.get("cold turkey") == "abruptly"


def test_a_persons_law_is_no_disease_named_after_them(handmade_vocabulary: Vocabulary) -> None:
    """ "X's law" (or principle, paradox) is a maxim: the disease named after X is not asked."""
    law = understand("how does sjogren's law apply to project deadlines", handmade_vocabulary)
    assert "sjogren's syndrome" not in [c.name for c in law.concepts]
    assert not law.in_scope
    disease = understand("what helps sjogren's dry eyes", handmade_vocabulary)
    assert "sjogren's syndrome" in [c.name for c in disease.concepts]
    # without a person's name and its apostrophe, a law is no maxim
    law = understand("what does the cannabis law say about growing it", handmade_vocabulary)
    assert "cannabis" in [c.name for c in law.concepts] and not law.corrections


@pytest.mark.parametrize(
    "question",
    [
        "I passed a stone last week, how do I keep from getting another one",
        "what can I eat so it doesnt come back",
        "how do i stop it from happening again",
        "how can i lower my chances of getting gout",
    ],
)
def test_prevention_asked_in_everyday_words(question: str) -> None:
    asked, _added = detect_facets(question)
    assert Facet.PREVENTION in asked


def test_a_lost_sense_in_lay_words_is_its_disorder(handmade_vocabulary: Vocabulary) -> None:
    query = understand(
        "had covid and still cant smell anything, will it come back", handmade_vocabulary
    )
    assert "olfaction disorders" in [c.name for c in query.topics]


def test_does_this_mean_i_have_is_a_guess(handmade_vocabulary: Vocabulary) -> None:
    """ "does this mean I have X?" guesses X: what was told before it (a blood test, a fever)
    describes the case."""
    query = understand(
        "my blood test came back odd and I have a fever. does this mean i have gout?",
        handmade_vocabulary,
    )
    roles = {c.name: c.role for c in query.concepts}
    assert roles["gout"] == "topic"
    assert roles["hematologic tests"] == roles["fever"] == "qualifier"


def test_a_nervous_system_sign_beside_a_disease_is_not_central(
    handmade_vocabulary: Vocabulary,
) -> None:
    """Loss of smell is a sign (MeSH files it under neurologic manifestations as well as signs):
    told beside a disease, the disease is the question's central topic."""
    query = understand("Gout. i also have anosmia lately, what else can i try", handmade_vocabulary)
    assert [c.name for c in query.primary_topics] == ["gout"]


def test_an_option_besides_a_drug_is_no_interaction(handmade_vocabulary: Vocabulary) -> None:
    """ "treatments besides X ... I heard about Y" asks for alternatives, not about taking X
    with Y (a "with" elsewhere in the message does not join them)."""
    query = understand(
        "any treatments besides ibuprofen for gout? i cant hold hands with my wife. "
        "i heard about colchicine",
        handmade_vocabulary,
    )
    assert Facet.INTERACTIONS not in query.asked


def test_is_it_better_to_do_one_or_the_other_is_a_comparison(
    handmade_vocabulary: Vocabulary,
) -> None:
    query = understand(
        "is it better to take ibuprofen or colchicine for a gout flare", handmade_vocabulary
    )
    assert query.question_type is QuestionType.COMPARISON
    plain = understand("is it better to rest a gout flare?", handmade_vocabulary)
    assert plain.question_type is not QuestionType.COMPARISON


def test_a_disease_named_without_its_last_word_is_found(
    handmade_vocabulary: Vocabulary,
) -> None:
    """ "ehlers danlos" is Ehlers-Danlos syndrome; everyday words are never completed
    ("watery diarrhea" is no VIPoma, "tooth" no tooth disease)."""
    query = understand("is ehlers danlos hereditary", handmade_vocabulary)
    assert "ehlers-danlos syndrome" in [c.name for c in query.topics]
    for question in ("watery diarrhea since this morning", "my tooth hurts with cold water"):
        names = [c.name for c in understand(question, handmade_vocabulary).concepts]
        assert not {"vipoma", "tooth diseases"} & set(names), question


def test_a_denied_only_topic_gives_way_to_what_is_told_instead(
    roles: Callable[[str], dict[str, str]],
) -> None:
    """ "not gout, the doctor said" beside a sore knee: the knee is the topic; denied alone,
    gout stays what the question is about."""

    told = roles("my knee hurts every morning, not gout the doctor said")
    assert told == {"knee": "topic", "gout": "negated"}
    assert roles("the doctor said it is not gout")["gout"] == "topic"
    # a part named only where a symptom is denied is not where the trouble is
    assert roles("gout in my elbow since sunday, no pain in knee")["knee"] == "negated"
    # an accident is what happened to the person, though filed beside places and jobs
    fell = roles("she had an accidental fall, no gout thank god, what now")
    assert fell["gout"] == "negated"
    assert fell["accidental falls"] == "topic"


def test_sweating_palms_in_either_order_are_hyperhidrosis(handmade_vocabulary: Vocabulary) -> None:
    for question in ("my palms sweat all the time", "sweaty palms at school"):
        names = [c.name for c in understand(question, handmade_vocabulary).concepts]
        assert "hyperhidrosis" in names, question


def test_two_drugs_are_combined_only_when_the_words_join_them(
    handmade_vocabulary: Vocabulary,
) -> None:
    """A "with" elsewhere in the message joins nothing; a drug compared or named far from
    the other is no interaction."""
    joined = understand("can i take ibuprofen with colchicine", handmade_vocabulary)
    assert Facet.INTERACTIONS in joined.asked
    apart = understand(
        "i burned my hand on the stove with a pan. should i put ibuprofen gel on it, my mom "
        "says the colchicine cream she uses for gout works",
        handmade_vocabulary,
    )
    assert Facet.INTERACTIONS not in apart.asked


def test_a_health_word_inside_another_fields_term_is_no_health_word(
    handmade_vocabulary: Vocabulary,
) -> None:
    """ "virus" is a health word, but not inside "computer virus" (MeSH's computer security)."""
    assert not understand("how do i get rid of a computer virus", handmade_vocabulary).in_scope
    assert understand("i caught a virus and feel dizzy", handmade_vocabulary).in_scope


def test_is_this_a_condition_is_a_guess_not_a_class_asked(
    roles: Callable[[str], dict[str, str]],
) -> None:
    """ "is this a gout?" after telling symptoms guesses a diagnosis: the condition is the
    topic. A drug class or a broad heading after "is X a" is still asked *of* X."""

    guessed = roles("a fever every night. is this a gout, do i need colchicine")
    assert guessed["gout"] == "topic"
    assert guessed["fever"] == "qualifier"
    assert roles("is ibuprofen a steroid?")["steroids"] == "qualifier"
    assert roles("I have gout. is it a vasculopathy?")["vascular diseases"] == "qualifier"


def test_it_after_a_drug_is_the_trouble_told_so_a_guess_stays_the_topic(
    handmade_vocabulary: Vocabulary,
) -> None:
    query = understand("i take ibuprofen every day. could it be gout?", handmade_vocabulary)
    assert "gout" in [c.name for c in query.topics]


@pytest.mark.parametrize(
    "told",
    [
        "ibuprofen barely touches it",
        "ibuprofen doesn't help",
        "the ibuprofen isnt working",
        "ibuprofen does nothing",
        "ibuprofen did not do anything",
        "the ibuprofen isn't doing much",
    ],
)
def test_a_drug_told_as_failing_is_context(told: str, handmade_vocabulary: Vocabulary) -> None:
    query = understand(
        f"my knee is swollen every morning, {told}. could it be gout?", handmade_vocabulary
    )
    assert [c.name for c in query.topics] == ["gout"]
    assert "ibuprofen" in [c.name for c in query.concepts if c.role == "qualifier"]


def test_a_failing_drug_stays_the_topic_when_asked_about_itself(
    handmade_vocabulary: Vocabulary,
) -> None:
    """Its dose, side effects or interactions are asked of the drug itself."""
    query = understand(
        "ibuprofen doesn't help my gout, how much more can I take?", handmade_vocabulary
    )
    assert "ibuprofen" in [c.name for c in query.topics]
    helped = understand("ibuprofen helps my gout. could it be the fever?", handmade_vocabulary)
    assert "ibuprofen" in [c.name for c in helped.topics]


@pytest.mark.parametrize(
    "question",
    [
        "how do they even find out if you have gout",
        "how do doctors know it is gout",
        "can they rule out gout with a blood draw",
    ],
)
def test_how_they_find_out_asks_the_diagnosis(question: str) -> None:
    assert Facet.DIAGNOSIS in detect_facets(question)[0]


@pytest.mark.parametrize(
    "question",
    [
        "i got tested for everything, what is gout and how do they treat it",
        "how do you tell gout from a sprain",
    ],
)
def test_a_test_told_or_a_difference_asked_is_no_diagnosis_question(question: str) -> None:
    """A test already done is context; telling two conditions apart is a comparison."""
    assert Facet.DIAGNOSIS not in detect_facets(question)[0]


def test_a_procedure_named_after_that_is_asked_about(
    roles: Callable[[str], dict[str, str]],
) -> None:
    """ "that" before a procedure, after a disease was named, points at the procedure
    proposed for it, not at a description of the disease: both stay topics. A disease named
    after "this" still describes the one named before."""
    assert roles("I have sinusitis, is that screening worth it")["mass screening"] == "topic"


@pytest.mark.parametrize(
    ("question", "concept"),
    [
        ("I lost weight without trying, should I worry", "weight loss"),
        ("how can i lose weight after having a baby", "weight loss"),
        ("is my weight normal for my height", "body weight"),
    ],
)
def test_weight_is_body_weight(question: str, concept: str) -> None:
    assert concept in {c.name.lower() for c in understand(question, LAY_ONLY).concepts}


def test_leg_pain_on_walking_eased_by_rest_is_claudication(
    roles: Callable[[str], dict[str, str]],
) -> None:
    """Told in lay words ("after a couple of blocks my calf burns and I have to stop, then it's
    fine"), the story is intermittent claudication, the sign of peripheral arterial disease:
    both are topics. Legs aching after a long walk, with no rest that eases it, are not."""
    told = roles("after a couple of blocks walking my calf burns and I have to stop, then its fine")
    assert told["intermittent claudication"] == "topic"
    assert told["peripheral arterial disease"] == "topic"
    tired = roles("my legs ache after a long walk, should I rest more")
    assert "intermittent claudication" not in tired
    eased = roles("my calf aches when walking uphill and it wears off once I stand still")
    assert eased["intermittent claudication"] == "topic"
    cramp = roles("I get a cramp in my leg walking the dog, goes away if I stop for a minute")
    assert cramp["intermittent claudication"] == "topic"


def test_a_complaint_that_will_not_go_away_asks_its_cause() -> None:
    """ "won't go away" tells that a complaint lasts: the reader wants what is behind it and
    what to do; "will it go away?" asks its course."""
    lasting, _ = detect_facets("a bitter taste that won't go away, been ten days")
    assert Facet.CAUSES in lasting and Facet.PROGNOSIS not in lasting
    never, _ = detect_facets("the itch on my arm never goes away")
    assert Facet.CAUSES in never and Facet.PROGNOSIS not in never
    course, _ = detect_facets("will the rash go away on its own")
    assert Facet.PROGNOSIS in course


def test_the_illness_a_complaint_dates_from_is_context(handmade_vocabulary: Vocabulary) -> None:
    """ "a cough three weeks after the flu" asks about the cough; the flu ranks documents."""
    query = understand("a cough that lingers three weeks after the flu", handmade_vocabulary)
    assert [c.name for c in query.topics] == ["cough"]
    assert "influenza, human" in [c.name for c in query.concepts if c.role == "qualifier"]
    alone = understand("how long am I contagious after the flu", handmade_vocabulary)
    assert "influenza, human" in [c.name for c in alone.topics]


def test_a_habit_told_beside_a_complaint_is_context(handmade_vocabulary: Vocabulary) -> None:
    """ "I smoke a pack a day" beside a complaint is a risk factor the answer may rank by, not
    a second topic; asked about alone, smoke stays the topic."""
    query = understand("a dry cough for a month, i smoke a pack a day", handmade_vocabulary)
    assert [c.name for c in query.topics] == ["cough"]
    assert "smoke" in [c.name for c in query.concepts if c.role == "qualifier"]
    aged = understand("a dry cough for a month, 58 and smoke a pack a day", handmade_vocabulary)
    assert [c.name for c in aged.topics] == ["cough"]
    alone = understand("is wood smoke bad for a cough", handmade_vocabulary)
    assert {"smoke", "cough"} <= {c.name for c in alone.topics}


def test_an_illness_told_as_theirs_before_a_complaint_is_context(
    handmade_vocabulary: Vocabulary,
) -> None:
    """ "a cough that lingers after his flu" asks about the cough; so does one that asks how
    to stop someone getting it, which asks prevention."""
    query = understand("a cough that lingers after his flu", handmade_vocabulary)
    assert [c.name for c in query.topics] == ["cough"]
    asked, _ = detect_facets("how do i stop her getting a cough every winter")
    assert Facet.PREVENTION in asked


def test_foamy_urine_reads_as_protein_in_the_urine(handmade_vocabulary: Vocabulary) -> None:
    query = understand("my pee has been foamy, is foamy urine bad", handmade_vocabulary)
    assert "proteinuria" in [c.name for c in query.topics]


@pytest.mark.parametrize(
    ("question", "diagnosis_asked", "diagnosis_added"),
    [
        ("newly dx gout, do i have to stop eating meat", False, False),
        (
            "my son was diagnosed with asthma last week, what are the symptoms to watch",
            False,
            False,
        ),
        ("the doctor said i have gout, what are the symptoms", False, False),
        ("what are the symptoms of gout", False, True),
        ("how is gout diagnosed", True, False),
        ("i was never diagnosed with asthma but i wheeze, what are the symptoms", True, False),
        ("she was just diagnosed with gout, how do they confirm it with a test", True, False),
        ("my sister was diagnosed with gout, should i get tested too", True, False),
    ],
)
def test_a_diagnosis_told_as_made_is_neither_asked_nor_added(
    question: str, diagnosis_asked: bool, diagnosis_added: bool
) -> None:
    """A question that tells the diagnosis was made asks what follows from it, not how it is
    made: "diagnosed" told so is no diagnosis cue, and diagnosis is no companion facet; asked
    in words ("how is it diagnosed", "how do they confirm it"), it stays."""
    asked, added = detect_facets(question)
    assert (Facet.DIAGNOSIS in asked) is diagnosis_asked
    assert (Facet.DIAGNOSIS in added) is diagnosis_added


def _page_names(question: str, key: str, vocabulary: Vocabulary) -> tuple[str, ...]:
    """The NIH page names the concept ``key`` carries when ``question`` is understood."""
    query = understand(question, vocabulary)
    return next(c for c in query.concepts if c.key == key).page_names


def test_a_topic_carries_the_names_of_nih_pages_on_it_under_another_name(
    handmade_vocabulary: Vocabulary,
) -> None:
    """The page "Gastrointestinal Bleeding" is on gastrointestinal hemorrhage (MeSH says
    hemorrhage where NIH says bleeding): a question naming hematochezia searches its name too."""
    assert handmade_vocabulary.page_names({"D129"}) == {"D129": ("Gastrointestinal Bleeding",)}
    assert _page_names("is hematochezia serious", "D129", handmade_vocabulary) == (
        "Gastrointestinal Bleeding",
    )


def test_a_question_word_is_kept_as_part_of_a_curated_lay_name(
    handmade_vocabulary: Vocabulary,
) -> None:
    """ "bad" is a question word ("is it bad"), but "bad breath" is a lay name of halitosis."""
    query = understand("bad breath even after brushing, what causes this", handmade_vocabulary)
    assert "halitosis" in [c.name.lower() for c in query.concepts]
    assert "bad breath" in (query.focus or "")


def test_a_page_on_the_topic_together_with_another_gives_it_no_other_name(
    handmade_vocabulary: Vocabulary,
) -> None:
    """ "Problems with Hearing" is another name of hearing disorders; "Vision and Hearing
    Disorders" is about vision too, so it is none."""
    assert _page_names("what causes hearing disorders", "D114", handmade_vocabulary) == (
        "Problems with Hearing",
    )


def test_a_topic_no_page_is_on_takes_the_names_of_its_parent_s_pages(
    handmade_vocabulary: Vocabulary,
) -> None:
    """No NIH page is on "gum mold" itself; the page on its MeSH parent, whose synonyms name
    the parent, is searched for it (the topic gate admits it as the broader page)."""
    assert handmade_vocabulary.filed_at({"C01.150.703.990"}) == {"D149": "moldosis"}
    assert handmade_vocabulary.pages_named(["moldosis"]) == ("Mold Troubles",)
    assert _page_names("white spots of gum mold, what helps", "D150", handmade_vocabulary) == (
        "Mold Troubles",
    )


def test_a_condition_named_without_its_head_noun_is_that_condition(
    handmade_vocabulary: Vocabulary,
) -> None:
    """ "factor Q Leiden" is the NIH topic "Factor Q Leiden thrombophilia", not the protein
    "factor Q" that its first words name; the protein asked about alone stays the protein."""
    query = understand("I carry factor Q leiden, is the pill safe for me", handmade_vocabulary)
    assert "Factor Q Leiden thrombophilia" in [c.name for c in query.topics]
    assert "factor q" not in [c.name for c in query.concepts]
    protein = understand("what does factor Q do in clotting", handmade_vocabulary)
    assert "factor q" in [c.name for c in protein.concepts]


def test_a_shop_and_an_injection_are_no_topics(handmade_vocabulary: Vocabulary) -> None:
    """A remedy "from the health food shop" is bought over the counter, not a question about
    food; "B12 jabs" are injections, not vaccinations (a travel jab is one)."""
    shop = understand("can I take zinc from the health food shop with fever", handmade_vocabulary)
    assert "food" not in [c.name for c in shop.concepts]
    jab = understand("I get B12 jabs for my fever, can I stop", handmade_vocabulary)
    assert "vaccination" not in [c.name for c in jab.concepts]
    travel = understand("which travel jabs do I need against fever", handmade_vocabulary)
    assert "vaccination" in [c.name for c in travel.concepts]


def test_a_blood_result_told_beside_a_condition_is_context(
    handmade_vocabulary: Vocabulary,
) -> None:
    """ "my ferritin came back as 8 … iron deficient": the deficiency is asked about, the
    protein measured is context; asked about alone, the result is the topic."""
    query = understand(
        "my ferritin came back as 8 and the nurse says I'm iron deficient, why", handmade_vocabulary
    )
    assert [c.name for c in query.topics] == ["anemia, iron-deficiency"]
    assert "ferritins" in [c.name for c in query.concepts if c.role == "qualifier"]
    alone = understand("my ferritin came back as 400, is that bad", handmade_vocabulary)
    assert "ferritins" in [c.name for c in alone.topics]
    level = understand(
        "the nurse treated my iron deficient blood and my ferritin is 40 now, is that enough",
        handmade_vocabulary,
    )
    assert "ferritins" in [c.name for c in level.topics]


def test_a_bone_density_result_is_read_for_osteoporosis(handmade_vocabulary: Vocabulary) -> None:
    """A DEXA result asks about osteoporosis, not about the hip measured."""
    query = understand("my dexa result was -2.7 at the hip, what now", handmade_vocabulary)
    assert "osteoporosis" in [c.name.lower() for c in query.topics]
    assert "hip" not in [c.name.lower() for c in query.topics]


def test_an_organ_taken_out_is_its_operation(handmade_vocabulary: Vocabulary) -> None:
    """ "my tonsils were taken out" names a tonsillectomy."""
    query = understand("had my tonsils taken out, why does my ear hurt", handmade_vocabulary)
    assert "tonsillectomy" in [c.name.lower() for c in query.concepts]


def test_the_words_of_a_scan_report_are_not_a_rare_disease(handmade_vocabulary: Vocabulary) -> None:
    """ "white matter changes" and "small vessel disease" on a brain scan report are the
    common changes of age, not a leukodystrophy whose MeSH words they share."""
    query = understand(
        "the MRI report mentions white matter changes and small vessel disease",
        handmade_vocabulary,
    )
    names = [c.name.lower() for c in query.concepts]
    assert "cerebral small vessel diseases" in names and "leukoaraiosis" in names


def test_a_broken_bone_is_its_fracture(handmade_vocabulary: Vocabulary) -> None:
    """ "a broken wrist" is a fracture of the radius, not a question about the wrist."""
    query = understand("how long does a broken wrist take to heal", handmade_vocabulary)
    assert "radius fractures" in [c.name.lower() for c in query.topics]


def test_a_topic_with_a_page_of_its_own_takes_no_other_page_names(
    handmade_vocabulary: Vocabulary,
) -> None:
    """Fever has its own page ("Fever"); another page filed under the same concept ("High
    Temperature") gives it no other name to search."""
    assert "High Temperature" in handmade_vocabulary.page_names({"D1"}).get("D1", ())
    assert _page_names("what causes a fever", "D1", handmade_vocabulary) == ()


@pytest.mark.parametrize(
    ("question", "test_asked"),
    [
        ("had an ultrasound for my knee and they said i have gout. is it reversible", False),
        ("my ultrasound showed gout in the big toe, what now", False),
        ("the ultrasound says gout grade 1, is it serious", False),
        ("gout was found on my ultrasound, what diet helps", False),
        ("do i need an ultrasound to diagnose gout", True),
        ("is ultrasound better than an x-ray for gout", True),
    ],
)
def test_a_test_told_as_what_found_the_condition_is_context(
    handmade_vocabulary: Vocabulary, question: str, test_asked: bool
) -> None:
    query = understand(question, handmade_vocabulary)
    assert "gout" in [c.name for c in query.topics], question
    assert ("ultrasonography" in [c.name for c in query.topics]) is test_asked, question


def test_a_drug_the_asker_wants_to_do_without_is_no_topic(
    handmade_vocabulary: Vocabulary,
) -> None:
    """ "without popping ibuprofen" asks for other ways: the drug neither is searched for nor
    answers."""
    query = understand(
        "how to manage gout without popping ibuprofen all the time", handmade_vocabulary
    )
    assert [c.name for c in query.topics] == ["gout"]
    taken = understand("can i take ibuprofen for gout", handmade_vocabulary)
    assert "ibuprofen" in [c.name for c in taken.topics]


def test_exercise_is_a_health_question(handmade_vocabulary: Vocabulary) -> None:
    assert understand("is walking 10,000 steps a day enough exercise", handmade_vocabulary).in_scope


def test_a_drug_told_beside_what_a_disease_is_is_context(
    handmade_vocabulary: Vocabulary,
) -> None:
    """ "what exactly is gout? he was put on colchicine" asks what gout is; the drug ranks."""
    query = understand(
        "what exactly is gout? my husband was just diagnosed and put on colchicine",
        handmade_vocabulary,
    )
    assert [c.name for c in query.topics] == ["gout"]
    asked = understand("what exactly is colchicine? it was given for my gout", handmade_vocabulary)
    assert "colchicine" in [c.name for c in asked.topics]


def test_a_phrase_read_across_and_is_no_concept(roles: Callable[[str], dict[str, str]]) -> None:
    """ "my back and pain in my knee" names no back pain; "back pain and a sore knee" does."""
    apart = roles("a rash on my back and pain in my knee for a week")
    assert apart.get("back pain") != "topic"
    assert roles("back pain and a sore knee for a week")["back pain"] == "topic"


def test_a_dose_is_asked_of_the_drug_named_where_it_is_asked(
    roles: Callable[[str], dict[str, str]],
) -> None:
    """Vaccines given yesterday are context to "how much ibuprofen"; a drug the asker is on
    stays a topic, as the dose of another may depend on it."""
    given = roles("my son had his jabs yesterday, now a fever. can i give ibuprofen and how much")
    assert given["vaccines"] == "qualifier"
    assert given["ibuprofen"] == "topic"
    taken = roles("I take lisinopril every day. How much ibuprofen can I take?")
    assert taken["lisinopril"] == taken["ibuprofen"] == "topic"
    same = roles("how much ibuprofen can i give him, he has a fever after his jabs")
    assert same["vaccines"] == "qualifier"
    assert same["ibuprofen"] == "topic"


@pytest.mark.parametrize(
    ("question", "asks"),
    [
        ("what is a bunion? mine hurts in tight shoes", True),
        ("my scan found a cyst, whats a cyst exactly", True),
        ("the nurse said my ESR is raised. what does a raised ESR mean", True),
        ("what are floaters", True),
        ("slapped face rash, what is it and is it catching", True),
        ("what is this lump on my wrist", False),
        ("what is it like to have a colonoscopy", False),
        ("is a bunion serious", False),
        ("what is the best cream for a bunion", False),
        ("what's wrong with my knee", False),
        ("what are the side effects of a steroid shot", False),
        ("what is causing my bunion to hurt", False),
        ("bunion hurts, what are some things i can do", False),
        ("what are good shoes for a bunion", False),
    ],
)
def test_a_part_asking_what_something_is_is_told_apart(question: str, asks: bool) -> None:
    assert asks_what_it_is(question) is asks


def test_a_request_for_something_better_asks_for_alternatives() -> None:
    from medcite.query.understand import asks_alternatives

    assert asks_alternatives("is melatonin safe every night, or is there something better?")
    assert asks_alternatives("are there other treatments than steroids")
    assert not asks_alternatives("the scan was for something else and showed gallstones")
    assert not asks_alternatives("could it be something else")
    # whether no treatment is needed at all
    assert asks_alternatives("does a boil need antibiotics or will it go away on its own")
    assert asks_alternatives("is the cream needed, or will it just heal by itself?")
    # a condition the drug brought on: "something else" is another drug
    assert not asks_alternatives("metformin is giving me diarrhea, should I ask for something else")
    assert not asks_alternatives("the statin is making my legs ache, is there an alternative")
    # a complaint told since the drug was started is its doing too
    assert not asks_alternatives(
        "Began amlodipine in May and my ankles have swollen ever since. Is it the tablet? Is "
        "there an alternative?"
    )
    assert asks_alternatives("I take amlodipine for my blood pressure, is there anything better?")


def test_a_complaint_told_or_asked_as_a_drugs_doing() -> None:
    from medcite.query.understand import tells_drug_effect

    assert tells_drug_effect("legs aching for months. Is that the tablets?")
    assert tells_drug_effect("could the statin be causing this")
    assert tells_drug_effect("metformin is giving me diarrhea")
    assert not tells_drug_effect("what colour is the pill")


@pytest.mark.parametrize(
    ("question", "named"),
    [
        ("grandpa slipped on ice and hit his head on the step", "craniocerebral trauma"),
        ("she bumped her head on a shelf and now she's dizzy and confused", "concussion"),
        ("the twins clashed heads at soccer and one has a headache since", "concussion"),
    ],
)
def test_a_blow_to_the_head_is_a_head_injury_or_a_concussion(
    any_engine: Engine, question: str, named: str
) -> None:
    topics = [c.name.lower() for c in any_engine.understand(question).concepts if c.role == "topic"]
    assert named in topics


def test_head_lice_are_no_blow_to_the_head(any_engine: Engine) -> None:
    names = [c.name.lower() for c in any_engine.understand("got head lice from school").concepts]
    assert "craniocerebral trauma" not in names and "concussion" not in names


def test_a_sign_told_with_an_injury_is_the_injurys(any_engine: Engine) -> None:
    query = any_engine.understand("sprained ankle with a lot of swelling, what helps")
    roles = {c.name.lower(): c.role for c in query.concepts}
    assert roles.get("edema") == "qualifier"
    assert "topic" in {roles.get("sprains and strains"), roles.get("ankle injuries")}
    # a disease MeSH also files as a sign stays a topic beside a bruise
    afib = any_engine.understand("does afib make you bruise")
    assert {c.name.lower(): c.role for c in afib.concepts}.get("atrial fibrillation") == "topic"


def test_a_possessive_pronoun_opens_no_concept(any_engine: Engine) -> None:
    """Normalised, the eponym "Hers disease" reads "her disease", which "her condition" (a lay
    head noun read as disease) would name: a pronoun is nobody's disease."""
    query = any_engine.understand("my niece has eczema and we want to treat her condition")
    names = [c.name.lower() for c in query.concepts]
    assert not any("glycogen" in n for n in names)
    assert any("eczema" in n for n in names)


def test_a_misspelt_possessive_eponym_gets_its_head_noun(any_engine: Engine) -> None:
    query = any_engine.understand("first signs of parkinsens in a 60 year old")
    assert any(c.name.lower() == "parkinson disease" for c in query.concepts)


@pytest.mark.parametrize(
    "question",
    [
        "had the runs for two days after the buffet",
        "kid has got the runs, what helps",
        "these new iron tablets are giving me awful runs",
    ],
)
def test_the_runs_are_diarrhoea(any_engine: Engine, question: str) -> None:
    names = [c.name.lower() for c in any_engine.understand(question).concepts]
    assert "diarrhea" in names


def test_a_runner_s_runs_are_no_diarrhoea(any_engine: Engine) -> None:
    query = any_engine.understand("my coach gives me long runs on sunday, my knee aches after")
    assert "diarrhea" not in [c.name.lower() for c in query.concepts]


def test_covid_is_a_coronavirus_infection_and_a_fever_said_gone_is_no_topic(
    any_engine: Engine,
) -> None:
    query = any_engine.understand("had covid last week, no fever now, can I visit my gran")
    roles = {c.name.lower(): c.role for c in query.concepts}
    assert roles.get("coronavirus infections") == "topic"
    assert roles.get("fever") != "topic"


def test_a_pad_soaked_within_an_hour_is_heavy_periods(any_engine: Engine) -> None:
    query = any_engine.understand("I bleed through a maxi pad in an hour on day two, is that ok")
    assert any(c.name.lower() == "menorrhagia" for c in query.concepts)
    calm = any_engine.understand("how often should I change my tampon")
    assert not any(c.name.lower() == "menorrhagia" for c in calm.concepts)


def test_two_conditions_weighed_against_each_other_are_both_what_is_asked(
    roles: Callable[[str], dict[str, str]],
) -> None:
    """ "is it gout or a sprain" after the trouble is told weighs two guesses: neither is a
    description of the condition told first, both are topics."""
    read = roles("knee injuries last week, now hot and swollen, is it gout or a sprain")
    assert read["gout"] == "topic"
    assert read["sprains and strains"] == "topic"


def test_what_a_drug_does_not_work_for_is_not_denied(
    roles: Callable[[str], dict[str, str]],
) -> None:
    """ "colchicine doesn't work for my gout": the negation is of the drug's working, and the
    gout is there; asked as a claim ("is it true …"), the drug stays a topic too."""
    told = roles("colchicine doesnt work for my gout, what else is there")
    assert told["gout"] == "topic"
    claim = roles("is it true colchicine doesnt work for gout")
    assert claim == {"colchicine": "topic", "gout": "topic"}
    # still denied when the negation is of the condition itself
    assert roles("my knee hurts every morning, dont have gout")["gout"] == "negated"


def test_whether_it_comes_again_asks_its_course() -> None:
    for question in ("can you get gout twice", "can kids catch it again"):
        assert Facet.PROGNOSIS in detect_facets(question)[0]
    # having something again is no recurrence of a disease
    assert Facet.PROGNOSIS not in detect_facets("when can we have a bath again")[0]


def test_a_medicine_someone_is_said_not_to_be_on_is_no_topic(
    roles: Callable[[str], dict[str, str]],
) -> None:
    """ "my toe is swollen, I'm not on any colchicine": the gout is asked about, the medicine
    is denied; "can I take colchicine" is about it."""
    told = roles("my toe is swollen with gout, im not on any colchicine")
    assert told["colchicine"] == "negated" and told["gout"] == "topic"
    assert roles("can i take colchicine for gout")["colchicine"] == "topic"


@pytest.mark.parametrize(
    ("question", "name"),
    [
        (
            "had a copper coil fitted in the spring, is spotting normal",
            "intrauterine devices, copper",
        ),
        ("can't find my coil threads this month", "intrauterine devices"),
        ("booked to have the coil removed on friday, will it hurt", "intrauterine devices"),
        ("fainted twice at work this week", "syncope"),
        ("always feel faint after a hot bath", "syncope"),
        ("thin greyish discharge and an odd smell", "vaginosis, bacterial"),
    ],
)
def test_contraceptive_coils_and_a_grey_discharge_are_read_in_lay_words(
    any_engine: Engine, question: str, name: str
) -> None:
    names = [c.name.lower() for c in any_engine.understand(question).concepts]
    assert name in names, names


@pytest.mark.parametrize(
    ("question", "name"),
    [
        ("been coughing up blood since the weekend", "hemoptysis"),
        ("there is bloody phlegm when I cough in the morning", "hemoptysis"),
        ("how do I use an accuhaler properly", "dry powder inhalers"),
        ("my chest gets wheezy when I run", "asthma"),
    ],
)
def test_blood_coughed_up_inhalers_and_a_wheezy_chest_are_read_in_lay_words(
    any_engine: Engine, question: str, name: str
) -> None:
    names = [c.name.lower() for c in any_engine.understand(question).concepts]
    assert name in names, names


def test_a_phrase_written_across_the_end_of_a_sentence_names_nothing() -> None:
    from medcite.query.understand import across_sentences

    assert across_sentences("drinking water", "She is eating and drinking. Is the water off?")
    assert not across_sentences("drinking water", "Is the drinking water safe here?")
    assert not across_sentences("drinking water", "Is drinking tap water safe?")
    # words not found as written (corrected, or a single word) are not judged
    assert not across_sentences("drinking water", "Is drinkng watter safe?")
    assert not across_sentences("water", "Drink. Water.")


def test_a_phrase_written_across_two_compared_sides_names_nothing() -> None:
    """ "gout vs arthritis" compared names no "gout arthritis": the words stand on two sides;
    written together they are one name."""
    from medcite.query.understand import across_sides

    assert across_sides(
        "gout arthritis", "how does gout differ from arthritis or are gout and arthritis one?"
    )
    assert across_sides("gout arthritis", "which is worse, gout or arthritis's pain")
    assert not across_sides("gout arthritis", "what is gout arthritis")
    assert not across_sides("gout arthritis", "gout and arthritis and gout arthritis")


def test_a_water_infection_told_after_drinking_is_no_drinking_water(any_engine: Engine) -> None:
    query = any_engine.understand(
        "Gran is eating and drinking fine. Could this be a water infection?"
    )
    names = [c.name.lower() for c in query.concepts]
    assert "urinary tract infections" in names and "drinking water" not in names, names


def _topics(question: str, vocabulary: Vocabulary) -> list[str]:
    return [c.name for c in understand(question, vocabulary).concepts if c.role == "topic"]


def test_a_part_beside_a_disease_is_the_disease_of_that_part_filed_under_it(
    handmade_vocabulary: Vocabulary,
) -> None:
    """A skin disease named beside swollen joints, or beside joint pain, is its one arthritis
    (filed both under the disease and among the joint diseases), and still the disease."""
    for question in (
        "I have scalefold and now two of my joints are swollen, what is it?",
        "scalefold disease with joint pain in the mornings",
    ):
        names = _topics(question, handmade_vocabulary)
        assert "scalefold arthritis" in names and "scalefold disease" in names, names
    assert "scalefold arthritis" not in _topics("what cream for scalefold?", handmade_vocabulary)


def test_a_complaint_of_a_body_part_alone_is_about_that_part_s_diseases(
    handmade_vocabulary: Vocabulary,
) -> None:
    """A lump on a testicle, with nothing else named, asks about what goes wrong with
    testicles; what a testicle does asks about the testicle itself."""
    assert _topics("found a small lump on my testicle", handmade_vocabulary) == [
        "testicular diseases"
    ]
    assert _topics("what does a testicle make?", handmade_vocabulary) == ["testis"]
    # a lump beside the part is not the part's; a baby's part is not the adult pages'
    assert _topics("a small lump under his testicle", handmade_vocabulary) == ["testis"]
    assert _topics("my newborn's testicle looks swollen", handmade_vocabulary) == ["testis"]


def test_a_part_told_as_where_the_disease_is_is_the_disease_itself(
    handmade_vocabulary: Vocabulary,
) -> None:
    names = _topics("I have scalefold on my joints, what cream?", handmade_vocabulary)
    assert "scalefold arthritis" not in names, names


def test_no_disease_of_a_part_is_chosen_when_it_is_not_the_only_reading(
    handmade_vocabulary: Vocabulary,
) -> None:
    """Two arthritides under the disease: neither is guessed. A disease that is itself a joint
    disease keeps its name. A lung disease of a work exposure is not read from "my lungs"."""
    speckle = _topics("speckle disease and my joints", handmade_vocabulary)
    assert "speckle arthritis" not in speckle and "speckle synovitis" not in speckle, speckle
    assert "chalkbone gout" not in _topics("chalkbone disease in my joints", handmade_vocabulary)
    assert "mottle lung" not in _topics("mottle disease and my lungs", handmade_vocabulary)


def test_a_body_part_beside_diabetes_is_what_diabetes_does_to_it(
    handmade_vocabulary: Vocabulary,
) -> None:
    """ "as a diabetic, how often should my eyes be checked" is about diabetic eye disease (its
    pages say how often), and still about diabetes."""
    query = understand("as a diabetic, how often should my eyes be checked?", handmade_vocabulary)
    names = [c.name for c in query.primary_topics]
    assert "diabetic retinopathy" in names and "diabetes mellitus" in names
    plain = understand("how often should my eyes be checked?", handmade_vocabulary)
    assert "diabetic retinopathy" not in [c.name for c in plain.concepts]


def test_an_accident_asked_to_be_prevented_is_a_topic(handmade_vocabulary: Vocabulary) -> None:
    """ "how can we stop him falling" asks about falls beside the vertigo told; a fall told in
    passing stays out of the topics."""
    asked = understand(
        "my dad gets vertigo and has fallen twice, how can we stop him falling?",
        handmade_vocabulary,
    )
    assert len(asked.primary_topics) == 2 and "vertigo" in [c.name for c in asked.primary_topics]
    told = understand("my dad has vertigo and fell last week, what helps?", handmade_vocabulary)
    assert [c.name for c in told.primary_topics] == ["vertigo"]


def test_a_phrase_the_repairs_wrote_is_one_wherever_its_words_stand(
    handmade_vocabulary: Vocabulary,
) -> None:
    """ "has sjogrens … is it the syndrome?": the eponym's head the repairs added makes one
    phrase, though "syndrome" is written again in a later sentence."""
    query = understand(
        "my aunt has sjogrens and takes eye drops. is it the syndrome or the drops?",
        handmade_vocabulary,
    )
    assert "sjogren's syndrome" in [c.name for c in query.primary_topics]


def test_a_condition_named_as_what_a_medicine_is_for_is_not_paired_with_the_drug(
    handmade_vocabulary: Vocabulary,
) -> None:
    """ "my gout tablets have given me a bad cough. is ibuprofen ok": the gout is what the
    tablets are for; the drug asked about is asked with the cough."""
    query = understand(
        "my gout tablets have given me a bad cough. is ibuprofen ok", handmade_vocabulary
    )
    pair = query.drug_and_condition
    assert pair is not None and (pair[0].name, pair[1].name) == ("ibuprofen", "cough")


def test_a_drug_carried_on_a_journey_is_not_taken_with_another(
    handmade_vocabulary: Vocabulary,
) -> None:
    """ "on colchicine and ibuprofen … can I take ibuprofen in my hand luggage" asks about
    carrying it, not about taking the two together; taking them both still is."""
    carried = understand(
        "Flying to Spain next week. On colchicine and ibuprofen at night. How do I manage "
        "the time change and can I take ibuprofen in my hand luggage?",
        handmade_vocabulary,
    )
    assert Facet.INTERACTIONS not in carried.asked
    taken = understand(
        "On colchicine and ibuprofen at night. Can I take ibuprofen with it?",
        handmade_vocabulary,
    )
    assert Facet.INTERACTIONS in taken.asked


def test_a_complaint_since_starting_a_drug_asks_its_side_effects(
    handmade_vocabulary: Vocabulary,
) -> None:
    """A complaint told after a drug was started, with "is this normal" or "should I stop",
    asks the drug's side effects first; the same drug asked about otherwise does not."""
    felt = understand(
        "started colchicine 5 days ago and I feel sick all morning, is this normal or should "
        "I stop it",
        handmade_vocabulary,
    )
    assert felt.asked[0] is Facet.SIDE_EFFECTS
    # the complaint is the drug's doing, not a disease's symptom to describe
    assert Facet.SYMPTOMS not in felt.facets
    swollen = understand(
        "began ibuprofen last week and now my ankles are puffy, should I stop it",
        handmade_vocabulary,
    )
    assert swollen.asked[0] is Facet.SIDE_EFFECTS
    plain = understand("how long should I take colchicine for gout", handmade_vocabulary)
    assert Facet.SIDE_EFFECTS not in plain.asked


def test_a_medicine_named_in_the_plural_is_still_found_in_the_question(
    handmade_vocabulary: Vocabulary,
) -> None:
    """ "the shingles vaccine … safe with colchicine" names two medicines taken together,
    though the vocabulary matched the vaccine as "shingle vaccine"."""
    query = understand(
        "The clinic offered me the shingles vaccine, is that safe with colchicine?",
        handmade_vocabulary,
    )
    assert Facet.INTERACTIONS in query.asked


def test_asking_leave_straight_after_a_short_subject_is_a_yes_no_question(
    handmade_vocabulary: Vocabulary,
) -> None:
    from medcite.records import QuestionType

    asked = understand("gout flare can i still eat cherries", handmade_vocabulary)
    assert asked.question_type is QuestionType.YES_NO
    how = understand("gout flare how often can i take colchicine", handmade_vocabulary)
    assert how.question_type is not QuestionType.YES_NO


def test_a_pack_of_two_medicines_asked_when_to_start_is_no_interaction(
    handmade_vocabulary: Vocabulary,
) -> None:
    """Two medicines named as a pair, then asked when to start taking them, ask timing; asked
    leave to take them ("is it ok to take them"), they ask whether the two go together."""
    timing = understand(
        "The GP gave me a flare pack of colchicine and ibuprofen. When should I start taking it?",
        handmade_vocabulary,
    )
    assert Facet.INTERACTIONS not in timing.asked
    leave = understand("Colchicine and ibuprofen. Is it ok to take them?", handmade_vocabulary)
    assert Facet.INTERACTIONS in leave.asked


def test_a_shot_or_jab_the_vocabulary_does_not_know_is_its_vaccine(
    handmade_vocabulary: Vocabulary,
) -> None:
    query = understand("is the hpv shot worth getting at 30", handmade_vocabulary)
    assert "papillomavirus vaccines" in [c.name for c in query.topics]
    assert query.corrections.get("hpv shot") == "hpv vaccine"


def test_what_the_asked_thing_is_likened_to_is_context(handmade_vocabulary: Vocabulary) -> None:
    """ "is the hpv jab worth it or is it just another tdap vaccine?" asks about the HPV vaccine;
    the Tdap vaccine is only what it is likened to. Named alone it stays the topic."""
    query = understand(
        "is the hpv jab worth it or is it just another tdap vaccine?", handmade_vocabulary
    )
    names = [c.name for c in query.topics]
    assert "papillomavirus vaccines" in names
    assert "diphtheria-tetanus-acellular pertussis vaccines" not in names
    alone = understand("is it just another tdap vaccine?", handmade_vocabulary)
    assert "diphtheria-tetanus-acellular pertussis vaccines" in [c.name for c in alone.topics]
    # the asker's own guess is no likening: "just a gout flare?" asks about gout
    guess = understand(
        "hoarse voice and a swollen toe for a week, just a gout flare?", handmade_vocabulary
    )
    assert "gout" in [c.name for c in guess.topics]


def test_a_drug_just_started_and_leave_asked_for_alcohol_is_an_interaction(
    handmade_vocabulary: Vocabulary,
) -> None:
    query = understand(
        "just started colchicine for gout, am I allowed any alcohol at all?", handmade_vocabulary
    )
    assert Facet.INTERACTIONS in query.asked
    plain = understand(
        "just started colchicine for gout, how long until it works?", handmade_vocabulary
    )
    assert Facet.INTERACTIONS not in plain.asked


def test_a_brand_in_brackets_after_its_drug_is_no_unknown_name(
    handmade_vocabulary: Vocabulary,
) -> None:
    """ "colchicine (Zorbexal)" glosses the drug with its brand: no "did you mean" for it; the
    same name alone is one nobody here knows."""
    glossed = understand(
        "on colchicine (Zorbexal) for gout, can I take it with food?",
        handmade_vocabulary,
        known=lambda word: False,
    )
    assert "zorbexal" not in glossed.unknown_terms
    alone = understand("what is zorbexal for my knee", handmade_vocabulary, known=lambda w: False)
    assert "zorbexal" in alone.unknown_terms


def test_two_kinds_of_one_medicine_named_as_a_pair_are_no_interaction(
    handmade_vocabulary: Vocabulary,
) -> None:
    """A long- and a short-acting insulin named as a pair are one regimen: "is it safe" about
    the fast asked after them is no question of combining them."""
    regimen = understand(
        "on lantus and novorapid, want to fast this year. is it safe", handmade_vocabulary
    )
    assert Facet.INTERACTIONS not in regimen.asked
    pair = understand("colchicine and ibuprofen. is it ok to take both", handmade_vocabulary)
    assert Facet.INTERACTIONS in pair.asked


def test_how_long_to_wait_asks_the_course_and_a_drug_told_after_is_context(
    handmade_vocabulary: Vocabulary,
) -> None:
    query = understand(
        "GP said my gout flare will settle by itself. how long should I wait before going back? "
        "I've had ibuprofen and it is a bit better today",
        handmade_vocabulary,
    )
    names = [c.name for c in query.topics]
    assert "gout" in names and "ibuprofen" not in names


def test_asked_whether_to_take_both_is_an_interaction(handmade_vocabulary: Vocabulary) -> None:
    query = understand(
        "I'm on colchicine and the doctor just gave me ibuprofen for my back, is it ok to take "
        "both?",
        handmade_vocabulary,
    )
    assert Facet.INTERACTIONS in query.asked


def test_a_steroid_cream_is_a_corticosteroid(any_engine: Engine) -> None:
    """A steroid cream, ointment or injection is a corticosteroid, not the anabolic steroids a
    page on "Steroids" warns about."""
    for question in ("is the steroid ointment ok on eyelids", "how often can I get a steroid shot"):
        names = [c.name.lower() for c in any_engine.understand(question).concepts]
        assert "adrenal cortex hormones" in names and "steroids" not in names, names


def test_blood_in_semen_is_hemospermia_not_blood(any_engine: Engine) -> None:
    for question in ("noticed blood in my semen twice", "is blood in sperm serious"):
        names = [c.name.lower() for c in any_engine.understand(question).primary_topics]
        assert names == ["hemospermia"], names


def test_a_negation_does_not_reach_into_the_next_sentence(
    handmade_vocabulary: Vocabulary,
) -> None:
    """ "no fever. sinusitis?" denies the fever, not the guess asked after it."""
    query = understand("blocked nose, no fever. sinusitis or just a cold?", handmade_vocabulary)
    roles = {c.name: c.role for c in query.concepts}
    assert roles.get("sinusitis") == "topic" and roles.get("fever") == "negated", roles


def test_a_discharge_from_the_tip_is_read_as_a_possible_sti(any_engine: Engine) -> None:
    names = [
        c.name.lower()
        for c in any_engine.understand(
            "stinging and some discharge from the tip since monday"
        ).concepts
    ]
    assert "sexually transmitted diseases" in names, names


def test_periods_that_stopped_and_flashbacks_name_their_conditions(sample_engine: Engine) -> None:
    """Lay words for a condition: periods that have stopped are amenorrhea, flashbacks and
    nightmares about an accident are post-traumatic stress."""
    cases = {
        "her periods have stopped since she started running a lot": "amenorrhea",
        "I still get flashbacks years later": "stress disorders, post-traumatic",
        "bad nightmares about the accident every night": "stress disorders, post-traumatic",
    }
    for question, name in cases.items():
        names = {c.name.lower() for c in sample_engine.understand(question).concepts}
        assert name in names, (question, names)


def test_a_carer_telling_their_own_strain_asks_about_caregiving(
    handmade_vocabulary: Vocabulary,
) -> None:
    query = understand(
        "I have been caring for my father with back pain for four years and I am worn out "
        "and snap at him, is that normal?",
        handmade_vocabulary,
    )
    assert [c.name for c in query.topics] == ["caregivers"]
    assert {c.name: c.role for c in query.concepts}["back pain"] == "qualifier"


def test_caring_for_someone_without_strain_keeps_their_illness_the_topic(
    handmade_vocabulary: Vocabulary,
) -> None:
    query = understand(
        "what can I do when caring for my father with back pain?", handmade_vocabulary
    )
    assert "caregivers" not in [c.name for c in query.concepts]
    assert "back pain" in [c.name for c in query.topics]


@pytest.mark.parametrize(
    "question",
    [
        "is this just something I have to live with?",
        "the rash is itchy, should I take anything for it?",
        "is there anything that can be done about my snoring?",
    ],
)
def test_whether_anything_helps_asks_for_treatment(
    question: str, handmade_vocabulary: Vocabulary
) -> None:
    assert Facet.TREATMENT in understand(question, handmade_vocabulary).asked


@pytest.mark.parametrize(
    "question",
    [
        "my son has nits again, what kills them best?",
        "what will kill the mites on my skin?",
    ],
)
def test_what_kills_it_asks_for_treatment(question: str, handmade_vocabulary: Vocabulary) -> None:
    assert Facet.TREATMENT in understand(question, handmade_vocabulary).asked


@pytest.mark.parametrize(
    "question",
    [
        "we all have scabies, do we have to wash all the bedding and towels?",
        "after the tummy bug should I disinfect the toys?",
    ],
)
def test_washing_the_bedding_asks_how_to_stop_the_spread(
    question: str, handmade_vocabulary: Vocabulary
) -> None:
    assert Facet.PREVENTION in understand(question, handmade_vocabulary).asked


def test_a_death_told_is_not_asking_what_kills(handmade_vocabulary: Vocabulary) -> None:
    assert (
        Facet.TREATMENT
        not in understand(
            "my uncle was killed by a heart attack, am I at risk?", handmade_vocabulary
        ).asked
    )


def test_my_pill_told_with_protection_is_the_contraceptive_pill(
    handmade_vocabulary: Vocabulary,
) -> None:
    query = understand(
        "took my pill 13 hours late this morning, am I still protected?", handmade_vocabulary
    )
    assert "contraceptives, oral" in [c.name for c in query.topics]
    other = understand("is my pill safe with grapefruit juice?", handmade_vocabulary)
    assert "contraceptives, oral" not in [c.name for c in other.concepts]


def test_a_condition_asked_of_a_newborn_is_its_newborn_form(
    handmade_vocabulary: Vocabulary,
) -> None:
    query = understand("why do newborns get jaundice?", handmade_vocabulary)
    assert [c.name for c in query.topics] == ["jaundice, neonatal"]
    adult = understand("why do adults get jaundice?", handmade_vocabulary)
    assert [c.name for c in adult.topics] == ["jaundice"]


@pytest.mark.parametrize(
    "question",
    ["can this rash lead to death?", "is a stomach ulcer deadly", "can you die from shingles"],
)
def test_whether_it_can_kill_asks_the_outlook(question: str) -> None:
    assert Facet.PROGNOSIS in detect_facets(question)[0]


def test_how_much_water_to_drink_is_no_medicine_dose(handmade_vocabulary: Vocabulary) -> None:
    query = understand(
        "how much water should I drink a day to stop getting gout again", handmade_vocabulary
    )
    assert query.question_type is not QuestionType.DOSE
    assert Facet.PREVENTION in query.asked
    assert (
        understand("how much ibuprofen can I take for gout", handmade_vocabulary).question_type
        is QuestionType.DOSE
    )


def test_whether_one_works_as_well_as_another_is_a_comparison() -> None:
    assert question_type("does walking work as well as tablets for gout?", ()) is (
        QuestionType.COMPARISON
    )
    assert question_type("is a heat pad as good as ice for a sprain", ()) is (
        QuestionType.COMPARISON
    )


def test_the_setting_of_a_complaint_is_never_its_topic(
    roles: Callable[[str], dict[str, str]],
) -> None:
    """ "stubbed my toe on the bed": the bed is where it happened, the toe what is asked about."""
    found = roles("stubbed my toe on the bed, it is purple, is it broken")
    assert found["beds"] == "qualifier"
    assert found["toes"] == "topic"


def test_what_a_smell_is_likened_to_is_no_topic(roles: Callable[[str], dict[str, str]]) -> None:
    """ "everything smells like burnt toast" is not about burns."""
    found = roles("since my cold everything smells like burnt toast, will it pass")
    assert found.get("burns") not in ("topic", "qualifier")
    assert roles("how do I treat a burn from the oven")["burns"] == "topic"


def test_what_someone_slipped_on_is_where_it_happened(
    roles: Callable[[str], dict[str, str]],
) -> None:
    """ "slipped on ice and hurt my knee": the ice is the setting; "ice or heat for my knee" asks
    about it."""
    assert roles("slipped on ice and landed on my knee, how long will it hurt")["ice"] != "topic"
    assert roles("should I put ice on my knee")["ice"] == "topic"


def test_a_function_told_to_be_fine_is_no_trouble(roles: Callable[[str], dict[str, str]]) -> None:
    assert roles("my knee aches when I kneel but walking is fine")["walking"] != "topic"
    assert roles("walking hurts my knee, what helps")["walking"] == "topic"


def test_a_word_of_feeling_used_as_a_verb_is_no_injury(
    roles: Callable[[str], dict[str, str]],
) -> None:
    """ "my knee burns a bit when I kneel" is how the knee feels, not a burn."""
    found = roles("my knee burns a bit when I kneel, what is it")
    assert found["burns"] != "topic"
    assert found["knee"] == "topic"
    assert roles("got a burn on my knee from the oven door")["burns"] == "topic"


def test_a_body_part_named_for_a_tool_is_not_where_it_hurts(
    roles: Callable[[str], dict[str, str]],
) -> None:
    """ "cut it off with knee pads" names a tool for the knee, not the knee."""
    assert roles("can I trim the corn on my toe with knee pads on")["knee"] != "topic"
    assert roles("my knee hurts when I kneel")["knee"] == "topic"


def test_a_letter_that_is_an_article_names_no_vitamin(
    roles: Callable[[str], dict[str, str]],
) -> None:
    """ "started a B complex vitamin a week ago": the "a" is the article of "a week"."""
    assert roles("started a B complex vitamin a week ago, now my urine is bright yellow").get(
        "vitamin a"
    ) not in ("topic", "qualifier")
    assert roles("is vitamin a good for my skin")["vitamin a"] == "topic"


def test_a_fear_told_beside_a_lay_sign_is_context(roles: Callable[[str], dict[str, str]]) -> None:
    """A lay reading without a tree ("twitching") is trouble told, so the fear beside it is
    context."""
    found = roles("my calves keep twitching and now im convinced i have nerve wither disease")
    assert found["nerve wither disease"] == "qualifier"


@pytest.mark.parametrize(
    "question",
    [
        "do I really need to use the cream on it?",
        "is resting enough or does he need to take something?",
    ],
)
def test_whether_a_treatment_is_needed_asks_for_treatment(
    question: str, handmade_vocabulary: Vocabulary
) -> None:
    assert Facet.TREATMENT in understand(question, handmade_vocabulary).asked


def test_a_fear_a_friend_or_a_search_says_is_context(
    roles: Callable[[str], dict[str, str]],
) -> None:
    """ "google says it could be …" is a fear told, in the singular verb form too."""
    found = roles("my calves keep twitching, google says it could be nerve wither disease")
    assert found["nerve wither disease"] == "qualifier"
    found = roles("my calves keep twitching and my friend says it might be nerve wither disease")
    assert found["nerve wither disease"] == "qualifier"


@pytest.mark.parametrize(
    "question", ["the whole house has worms now, what do I take?", "she has nits, what do we use?"]
)
def test_what_do_i_take_or_use_asks_for_treatment(
    question: str, handmade_vocabulary: Vocabulary
) -> None:
    assert Facet.TREATMENT in understand(question, handmade_vocabulary).asked


def test_a_sign_denied_as_a_fact_is_no_topic_even_alone(
    roles: Callable[[str], dict[str, str]],
) -> None:
    """ "No fever." told beside something the vocabulary does not know leaves nothing to answer
    about fever; a denial asked about ("it's not a fever, is it") keeps it, and so does a
    diagnosis denied (see above)."""
    assert roles("a sore spot came up after dinner yesterday. no fever. what is it")["fever"] == (
        "negated"
    )
    assert roles("it's not a fever, is it")["fever"] == "topic"
    assert roles("is it not a fever? she feels hot")["fever"] == "topic"


def test_what_someone_cannot_do_without_is_asked_for_not_denied(
    roles: Callable[[str], dict[str, str]],
) -> None:
    told = roles("gout in my big toe again and I can't get to work without colchicine")
    assert told["colchicine"] == "topic"
    assert roles("gout again, trying to manage without colchicine")["colchicine"] != "topic"


def test_a_drug_the_doctor_will_not_give_is_context(
    roles: Callable[[str], dict[str, str]],
) -> None:
    told = roles("the GP won't give me ibuprofen. how long does gout last")
    assert told["gout"] == "topic"
    assert told["ibuprofen"] == "qualifier"


def test_a_disease_foreseen_is_not_one_the_person_has(
    roles: Callable[[str], dict[str, str]],
) -> None:
    """A cough is no sign of a lung disease the child is only feared to get one day."""
    told = roles("she coughs every winter, does this mean she will have copd")
    assert told["cough"] == "topic"
    assert roles("she has copd and coughs every winter")["cough"] == "qualifier"


def test_a_grave_disease_seen_online_or_feared_as_something_serious_is_context(
    roles: Callable[[str], dict[str, str]],
) -> None:
    for question in (
        "my thyroid gland feels swollen, googled it and saw thyroid cancer",
        "my thyroid gland feels swollen, could it be something serious like thyroid cancer",
        "my thyroid gland feels swollen, could it be a cyst or thyroid cancer",
    ):
        assert roles(question)["thyroid neoplasms"] == "qualifier", question
    # asked what it is, the disease named stays the topic
    assert roles("googled it and saw thyroid cancer, what is that")["thyroid neoplasms"] == (
        "topic"
    )


def test_a_fear_others_voice_or_told_of_several_things_is_context(
    roles: Callable[[str], dict[str, str]],
) -> None:
    """A fear voiced by a lay person ("a mum at work said …") or told of several things ("scared
    they're …") is context; what a doctor said it could be is a diagnosis asked about."""
    for question in (
        "my calves keep twitching, a mum at work said it could be nerve wither disease",
        "my calves keep twitching and I'm scared they're nerve wither disease",
        "my calves keep twitching, scared it's nerve wither disease",
    ):
        assert roles(question)["nerve wither disease"] == "qualifier", question
    told = roles("my calves keep twitching, the doctor said it could be nerve wither disease")
    assert told["nerve wither disease"] == "topic"


def test_the_condition_a_test_looked_for_is_context_to_what_it_found(
    roles: Callable[[str], dict[str, str]],
) -> None:
    told = roles("had an ultrasound for gout and they said I have a fatty liver, is that bad")
    assert told["gout"] == "qualifier"
    assert told["fatty liver"] == "topic"
    # with nothing else found, the condition looked for is what is asked about
    assert roles("had an ultrasound for gout, what will it show")["gout"] == "topic"


def test_a_condition_told_as_over_is_no_topic_beside_another(
    roles: Callable[[str], dict[str, str]],
) -> None:
    told = roles("the fever has gone but the cough is still bad, what helps")
    assert told["fever"] == "negated"
    assert told["cough"] == "topic"
    assert roles("the fever has gone red and the cough is bad")["fever"] == "topic"
    # told alone, it is still what the question is about
    assert roles("my fever has gone, can I go back to work")["fever"] == "topic"


def test_a_stroke_feared_of_a_sign_told_is_context(
    roles: Callable[[str], dict[str, str]],
) -> None:
    """Pages on stroke cannot say whether a dizzy spell is one, and read as confirming the fear;
    asked about without a sign told, the stroke stays the topic."""
    told = roles("vertigo every time I turn over in bed, I'm terrified I'm having a stroke")
    assert told["stroke"] == "qualifier"
    assert told["vertigo"] == "topic"
    assert roles("what are the first signs of a stroke")["stroke"] == "topic"


def test_a_condition_in_an_opening_line_with_the_age_is_background(
    roles: Callable[[str], dict[str, str]],
) -> None:
    """ "60M, type 2 diabetes. Back pain for a month …": the opening line introduces the asker,
    and the complaint told after it is what is asked about; asked about a drug, the condition
    stays (it may be why the drug is asked about)."""
    told = roles("60M, type 2 diabetes. Back pain for a month now, what could it be?")
    assert told["diabetes mellitus, type 2"] == "qualifier"
    assert told["back pain"] == "topic"
    drug = roles("60M, type 2 diabetes. Back pain for a month, can I take ibuprofen?")
    assert drug["diabetes mellitus, type 2"] == "topic"
    # the same system's complaint is the condition's own
    assert (
        roles("60M, type 2 diabetes. my sugars are high, what could it be")[
            "diabetes mellitus, type 2"
        ]
        == "topic"
    )
    # an opening line that tells more than who the asker is tells the trouble
    told = roles("im 60 and my gout flared again last week. back pain for a month, why?")
    assert told["gout"] == "topic"


def test_a_fear_of_one_thing_or_another_and_a_drink_told_beside_it(
    roles: Callable[[str], dict[str, str]],
) -> None:
    """ "scared its gout or stomach cancer" fears the cancer as much as "scared its stomach
    cancer" does; coffee the asker lives on is a habit told, which leaves the knee as the
    trouble the fear is of."""
    either = roles("My knee has ached for weeks. Scared its gout or stomach cancer")
    assert either["stomach neoplasms"] == "qualifier"
    habit = roles(
        "My knee has ached for weeks and I have been living on coffee. Scared its stomach cancer"
    )
    assert habit["stomach neoplasms"] == "qualifier"
    sign = roles("My knee has ached for weeks. Is this a sign of stomach cancer?")
    assert sign["stomach neoplasms"] == "qualifier"


def test_whether_it_will_go_on_its_own_asks_its_course_and_whether_a_drug_is_needed() -> None:
    """ "does a stye need antibiotics or will it go on its own" asks whether any treatment is
    needed at all, and the course without one; so does "will he grow out of it"."""
    from medcite.query.understand import asks_alternatives, detect_facets

    asked = "does a stye need antibiotic cream or will it go on its own"
    assert asks_alternatives(asked)
    assert Facet.PROGNOSIS in detect_facets(asked)[0]
    assert Facet.PROGNOSIS in detect_facets("he still wets the bed, will he grow out of it")[0]
    assert not asks_alternatives("does a stye need antibiotic cream? it went on my eyelid")


@pytest.mark.parametrize(
    ("question", "topic", "context"),
    [
        # an illness gone through before the story turns to now is the occasion
        ("I had bronchitis in January and I'm still coughing", "cough", "bronchitis"),
        (
            "I've had the flu all week and this morning I woke up with a rash",
            "exanthema",
            "influenza, human",
        ),
        ("I've had the flu and this morning the cough is much worse", "cough", "influenza, human"),
        # a sign of one part of the body, gone through before a complaint of another part
        ("I've been coughing all week and today I woke up with a rash", "exanthema", "cough"),
        # a fit of coughing that something followed names no cough
        ("My nose started bleeding after a violent coughing fit", "hemorrhage", None),
        # a result told fine beside the complaint
        ("My iron came back normal, so why am I exhausted?", "fatigue", "iron"),
    ],
)
def test_an_illness_or_result_told_as_the_occasion_is_context(
    roles: Callable[[str], dict[str, str]], question: str, topic: str, context: str | None
) -> None:
    read = roles(question)
    assert read.get(topic) == "topic", read
    if context is None:
        assert read.get("cough") != "topic", read
    else:
        assert read.get(context) == "qualifier", read


def test_a_complaint_since_a_drug_was_started_makes_its_reason_context(
    handmade_vocabulary: Vocabulary,
) -> None:
    """A complaint told as the drug's doing ("started X … for Y and now my ankles are
    swollen") asks about the drug: the reason it was started is context, and what treats the
    complaint as a disease is not asked unless the question asks it."""
    question = (
        "Began amlodipine 5 mg a fortnight ago for migraine and since then my ankles have been "
        "swollen. Is that expected?"
    )
    read = understand(question, handmade_vocabulary)
    roles_read = {c.name: c.role for c in read.concepts}
    assert roles_read["migraine disorders"] == "qualifier", roles_read
    assert roles_read["amlodipine"] == "topic", roles_read
    assert Facet.SIDE_EFFECTS in read.facets
    assert Facet.TREATMENT not in read.facets
    # the reason alone beside the drug stays what is asked about
    alone = understand("Can I take amlodipine for migraine?", handmade_vocabulary)
    assert {c.name: c.role for c in alone.concepts}["migraine disorders"] == "topic"


def test_a_harm_seen_only_in_the_mind_is_no_topic(
    roles: Callable[[str], dict[str, str]],
) -> None:
    """An injury the asker only pictures happened to no one: neither it nor the setting of the
    picture is what the answer is about; one told as having happened stays the topic."""
    pictured = roles(
        "Since the birth I get awful pictures of my daughter getting burns at bath time. "
        "Would I ever act on them?"
    )
    assert pictured.get("burns") != "topic", pictured
    assert pictured.get("baths") != "topic", pictured
    happened = roles("My daughter got burns from the kettle and I keep thinking about it")
    assert happened.get("burns") == "topic", happened


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        # a condition one lives with is no episode
        ("I have diabetes and now I've got the flu", "diabetes mellitus"),
        # a sign of no part of the body in particular stays
        ("I've had back pain for a week and today I woke up with a rash", "back pain"),
        # its return asked about
        (
            "I had bronchitis last winter and now I cough again, will bronchitis come back?",
            "bronchitis",
        ),
        ("Is my iron normal?", "iron"),
        ("ibuprofen and coffee ok?", "coffee"),
        ("My little boy keeps coughing through the night", "cough"),
    ],
)
def test_what_is_asked_about_stays_the_topic(
    roles: Callable[[str], dict[str, str]], question: str, topic: str
) -> None:
    assert roles(question).get(topic) == "topic"


def test_coughing_told_as_when_a_pain_comes_is_no_complaint(
    roles: Callable[[str], dict[str, str]],
) -> None:
    assert roles("Bad pain in my knee while coughing or sneezing").get("cough") != "topic"
    assert roles("Bad pain in my knee and I keep coughing").get("cough") == "topic"


@pytest.mark.parametrize(
    ("question", "name"),
    [
        ("Both ears popped and stayed muffled after the plane landed", "barotrauma"),
        ("Every time I stand up my pulse shoots up", "postural orthostatic tachycardia syndrome"),
        ("my heart keeps racing when I climb stairs", "tachycardia"),
        ("Does a rotator cuff tear heal without surgery?", "rotator cuff injuries"),
        ("I've lost my sense of taste", "taste disorders"),
        ("Caught a cold 10 days ago, still blocked up", "common cold"),
    ],
)
def test_lay_descriptions_name_their_condition(
    roles: Callable[[str], dict[str, str]], question: str, name: str
) -> None:
    assert roles(question).get(name) == "topic"


@pytest.mark.parametrize(
    ("question", "absent"),
    [
        ("my ears feel blocked and muffled", "barotrauma"),
        ("my heart keeps racing when I climb stairs", "postural orthostatic tachycardia syndrome"),
        ("his wee has turned tea coloured", "tea"),
        ("his wee has turned coffee coloured", "coffee"),
        ("Caught a cold 10 days ago, still blocked up", "cold temperature"),
    ],
)
def test_lay_descriptions_keep_their_literal_sense(
    roles: Callable[[str], dict[str, str]], question: str, absent: str
) -> None:
    assert absent not in roles(question)


def test_a_drink_named_as_itself_stays(roles: Callable[[str], dict[str, str]]) -> None:
    assert roles("is coffee bad for gout").get("coffee") == "topic"


def test_a_condition_denied_in_lay_words_is_negated(
    roles: Callable[[str], dict[str, str]],
) -> None:
    assert roles("I have no kidney problems, can I take amlodipine?")["kidney diseases"] == (
        "negated"
    )
    assert roles("I have kidney problems, can I take amlodipine?")["kidney diseases"] == "topic"


def test_a_complaint_since_a_drug_was_started_asks_its_side_effects(
    handmade_vocabulary: Vocabulary,
) -> None:
    query = understand(
        "They put my mum on amlodipine and she has felt dizzy ever since. Can she stop it?",
        handmade_vocabulary,
    )
    assert query.asked[0] is Facet.SIDE_EFFECTS
    assert {c.name: c.role for c in query.concepts}["amlodipine"] == "topic"


def test_a_complaint_lingering_after_an_illness_asked_if_normal_asks_its_course() -> None:
    """ "Had the flu three weeks ago and still exhausted. Is that normal?" asks how the
    illness usually runs; "is it normal to feel exhausted?" tells no course gone through."""
    from medcite.query.understand import detect_facets

    lingering = "had the flu three weeks ago and I'm still exhausted, is that normal?"
    assert Facet.PROGNOSIS in detect_facets(lingering)[0]
    assert Facet.PROGNOSIS in detect_facets("still coughing 4 weeks after a cold. Normal?")[0]
    assert Facet.PROGNOSIS not in detect_facets("is it normal to feel exhausted?")[0]


def test_the_brand_of_a_home_test_told_with_its_results_is_no_unknown_name(
    handmade_vocabulary: Vocabulary,
) -> None:
    """ "2 negative zorbexal tests" names a product the asker used; the question (a fever
    that will not settle) is still answered. A name asked about is still unknown."""
    told = understand(
        "fever for 5 days but 2 negative zorbexal tests, what is going on",
        handmade_vocabulary,
        known=lambda w: False,
    )
    assert "zorbexal" not in told.unknown_terms
    asked = understand("is zorbexal safe with a fever", handmade_vocabulary, known=lambda w: False)
    assert "zorbexal" in asked.unknown_terms


def test_a_baby_told_to_look_yellow_is_jaundice(roles: Callable[[str], dict[str, str]]) -> None:
    """ "nine days old and still a little yellow" names jaundice; yellow teeth or poo
    do not."""
    assert roles("our daughter is nine days old and still a little yellow")["jaundice"] == "topic"
    assert "jaundice" not in roles("she is 5 and her teeth look yellow")
    assert "jaundice" not in roles("my baby is 4 weeks and his poo is yellow and seedy")


def test_attacks_of_pain_round_one_eye_with_a_watering_eye_are_a_cluster_headache(
    roles: Callable[[str], dict[str, str]],
) -> None:
    """Pain behind one eye, in attacks of about an hour, with that eye streaming, is the
    description of a cluster headache; pain behind the eyes with a cold's runny nose is not."""
    read = roles(
        "a searing pain around my left eye wakes me at 2am, lasts about an hour, and the eye "
        "streams the whole time"
    )
    assert read.get("cluster headache") == "topic", read
    assert "cluster headache" not in roles("pain behind my eye with a cold and a runny nose")


def test_wanting_to_know_whether_what_is_told_is_a_disease_fears_it(
    roles: Callable[[str], dict[str, str]],
) -> None:
    """ "I'd love to know if these scaly patches on my back are cancer" asks whether what is
    told is cancer: a feared disease, not the topic whose pages answer; asked of the disease
    itself, it stays the topic."""
    told = roles("I'd love to know if these scaly, stuck-on patches on my back are cancer")
    assert told.get("neoplasms") == "qualifier", told
    asked = roles("how do doctors know if cancer has spread to the bones?")
    assert asked.get("neoplasms") == "topic", asked


def test_something_falling_off_or_out_is_no_fall(roles: Callable[[str], dict[str, str]]) -> None:
    """ "will the scab fall off", "my hair falls out": something coming away, not a person
    falling; nor is falling asleep; a person who falls still does."""
    for question in (
        "will the scab fall off by itself? it is my knee",
        "my gout came back and now my hair falls out",
        "my dad falls asleep a lot with his gout",
    ):
        assert not {"falls", "accidental falls"} & {n.lower() for n in roles(question)}, question
    assert roles("my dad falls a lot")["Falls"] == "topic"


def test_an_accident_asked_to_be_stopped_after_it_was_told_is_a_topic(
    roles: Callable[[str], dict[str, str]],
) -> None:
    """ "three falls this year … how do we stop it happening?": the falls are what the question
    asks to prevent, as central as the medicine told beside them."""
    told = "my dad has had three falls this year and he is on amlodipine."
    assert roles(f"{told} how do we stop it happening?")["Falls"] == "topic"
    assert roles(f"{told} is it the tablets?")["Falls"] == "qualifier"


def test_tests_all_clear_name_no_eye_drops(roles: Callable[[str], dict[str, str]]) -> None:
    """ "my blood tests were all clear" tells a result, not the eye-drop brand All Clear."""
    assert "naphazoline" not in roles("my gout tests came back all clear, why the pain?")
    assert roles("can I use all clear eye drops with gout?")["naphazoline"] == "topic"


def test_an_illness_a_complaint_came_with_is_context(
    roles: Callable[[str], dict[str, str]],
) -> None:
    """ "my gout flared up with a bad common cold": the gout is asked about; the cold it came
    with, or came after, is context. A cold asked about is still the topic."""
    told = roles("my gout flared up with a bad common cold last week, what helps the toe?")
    assert told["gout"] == "topic"
    assert told["common cold"] == "qualifier"
    after = roles("gout in my knee after a common cold, is that usual?")
    assert after["common cold"] == "qualifier"
    assert roles("what helps a common cold?")["common cold"] == "topic"


def test_a_later_line_about_oneself_is_background(
    roles: Callable[[str], dict[str, str]],
) -> None:
    """ "… aches at night. I'm diabetic. Why?" tells who the asker is: the diabetes is context
    beside the knee pain asked about. A line that asks, or tells of someone else, does not."""
    told = roles("my knee has been stiff for weeks and the pain wakes me. I'm diabetic. Why?")
    assert told["diabetes mellitus"] == "qualifier"
    assert told["pain"] == "topic"
    asked = roles("my knee has been stiff for weeks and the pain is worse at night. is it diabetes")
    assert asked["diabetes mellitus"] == "topic"
    other = roles(
        "my knee has been stiff for weeks and the pain is worse at night. He has diabetes."
    )
    assert other["diabetes mellitus"] == "topic"


def test_an_infection_dated_as_the_start_of_a_complaint_is_context(
    roles: Callable[[str], dict[str, str]],
) -> None:
    """ "loss of smell began after influenza three weeks ago": the smell is asked about, and
    "will my smell come back" asks for the smell. An infection asked about after "after" stays."""
    dated = roles(
        "My loss of smell began after influenza three weeks ago. Will my smell come back?"
    )
    assert dated["influenza, human"] == "qualifier"
    assert dated["olfaction disorders"] == "topic"
    asked = roles("how long am I contagious after influenza? the cough is still there")
    assert asked["influenza, human"] == "topic"


def test_a_sign_of_the_disease_a_doctor_named_is_the_disease_s(
    roles: Callable[[str], dict[str, str]],
) -> None:
    """A cough beside the bronchitis a doctor named is the bronchitis's."""
    named = roles("my son has a nasty cough, the GP said bronchitis. how long will it last?")
    assert named["cough"] == "qualifier"
    assert named["bronchitis"] == "topic"


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        (
            "he knocked his knee on the table. should we do anything about it?",
            QuestionType.WHAT_TO_DO,
        ),
        (
            "my daughter still wets the bed at 8, must we be doing something?",
            QuestionType.WHAT_TO_DO,
        ),
        ("is there anything we can do to help a scald heal?", QuestionType.WHAT_TO_DO),
        ("do we need to know anything about gout?", QuestionType.YES_NO),
    ],
)
def test_whether_to_do_anything_asks_what_to_do(question: str, kind: QuestionType) -> None:
    assert question_type(question, detect_facets(question)[0]) is kind


@pytest.mark.parametrize(
    ("question", "facet", "present"),
    [
        ("my knee aches every morning and clicks, what could it be?", Facet.CAUSES, True),
        ("my knee aches every morning, could it be gout?", Facet.CAUSES, False),
        ("is it worth taking vitamin d every winter just to be safe?", Facet.PREVENTION, True),
        ("is it safe to take aspirin with gout?", Facet.PREVENTION, False),
        (
            "my lashes are stuck together with crust when I wake, can I still swim?",
            Facet.INTERACTIONS,
            False,
        ),
        ("can I take ibuprofen together with colchicine?", Facet.INTERACTIONS, True),
        # keeping another from coming, not another test or appointment
        (
            "first attack of gout in March. what should I eat to stop getting another?",
            Facet.PREVENTION,
            True,
        ),
        ("my gout has settled, how do I make sure I don't get any more?", Facet.PREVENTION, True),
        ("gout again: should I get another blood test?", Facet.PREVENTION, False),
        (
            "had a gout attack last month, how can I stop it coming back again?",
            Facet.PREVENTION,
            True,
        ),
        ("my gout hurts, how do I stop the pain?", Facet.TREATMENT, True),
        (
            "gout pain for days; I fear it may be something serious. normal?",
            Facet.PROGNOSIS,
            True,
        ),
        ("gout pain for days. is that normal?", Facet.PROGNOSIS, False),
    ],
)
def test_more_facets_are_read(question: str, facet: Facet, present: bool) -> None:
    assert (facet in detect_facets(question)[0]) is present


def test_being_on_a_drug_is_told_not_asked(handmade_vocabulary: Vocabulary) -> None:
    from medcite.query.understand import tells_being_on

    def on(question: str) -> bool:
        drug = next(c for c in understand(question, handmade_vocabulary).concepts if c.drug)
        return tells_being_on(question, drug)

    assert on("I'm on ibuprofen and now my knee is swollen")
    assert on("she takes colchicine and feels sick")
    assert not on("my knee is swollen, can I take ibuprofen?")
    assert not on("is it ok to take colchicine with food")


def test_keeping_a_condition_from_coming_again_asks_prevention_before_treatment() -> None:
    asked = detect_facets("had a gout attack last month, how can I stop it coming back again?")[0]
    assert asked[:2] == (Facet.PREVENTION, Facet.TREATMENT)


def test_a_medicine_told_as_carried_is_context(roles: Callable[[str], dict[str, str]]) -> None:
    """ "has gout and carries colchicine everywhere … is gout hereditary": the medicine tells who
    she is; asked about, or beside another drug, it is the topic."""
    told = roles("my wife has gout and carries colchicine everywhere. is gout hereditary?")
    assert told["colchicine"] == "qualifier"
    assert told["gout"] == "topic"
    assert roles("I carry colchicine, how much should I take in a flare?")["colchicine"] == "topic"
    assert roles("should I carry colchicine for my gout?")["colchicine"] == "topic"
    # beside another drug, the one carried may be what it interacts with
    other = roles("my husband has gout and carries colchicine. can he take ibuprofen?")
    assert other["colchicine"] == "topic"


def test_a_complaint_told_as_had_is_not_demoted_as_a_sign_of_itself(
    roles: Callable[[str], dict[str, str]],
) -> None:
    """ "I have a cough": the words that tell the disease had are not a sign of that disease,
    even when the vocabulary also files them as a sign of its organ system."""
    told = roles("my mum has memory loss, what can we do?")
    assert told["memory disorders"] == "topic" and told["dementia"] == "topic"
    assert roles("I have a bad cough, what helps?")["cough"] == "topic"


def test_a_vaccine_told_as_the_occasion_of_a_medicine_s_dose_is_no_topic(
    roles: Callable[[str], dict[str, str]],
) -> None:
    """Asked how much of a medicine to give after a vaccine, the dose is the medicine's: the
    vaccine is a qualifier. Asked the vaccine's own dose, it stays the topic."""
    read = roles("she gets her hepatitis b vaccines on friday. how much ibuprofen can she have?")
    assert read["ibuprofen"] == "topic" and read["hepatitis b vaccines"] == "qualifier"
    assert (
        roles("how many doses of hepatitis b vaccines does an adult need")["hepatitis b vaccines"]
        == "topic"
    )


def test_a_vaccine_named_as_a_drug_is_no_medicine_that_makes_another_the_occasion(
    sample_engine: Engine,
) -> None:
    """How many doses of two vaccines: a vaccine the drug table names ("… zoster vaccine") is
    no other medicine whose dose is asked, so the second vaccine stays a topic."""
    query = sample_engine.understand("how many doses of shingrix and hepatitis b vaccines are due")
    roles = {c.name: c.role for c in query.concepts}
    assert roles["hepatitis b vaccines"] == "topic"


def test_a_stage_of_life_guessed_as_the_cause_is_the_topic(any_engine: Engine) -> None:
    """ "Worried and sleeping badly, periods all over the place: could this be the
    perimenopause?" asks about the perimenopause, a stage of life, not about the worry told
    before it; a stage named as context ("is pregnancy safe with lupus") stays context."""
    guessed = any_engine.understand(
        "worried constantly and sleeping badly, my periods keep changing. might it be "
        "perimenopause?"
    )
    assert [c.name.lower() for c in guessed.primary_topics] == ["perimenopause"]
    context = any_engine.understand("is pregnancy safe with lupus")
    assert "pregnancy" not in [c.name.lower() for c in context.primary_topics]
    # an activity asked about is no stage guessed
    activity = any_engine.understand("my gout flare has settled, is it ok to go running again?")
    assert [c.name.lower() for c in activity.primary_topics] == ["gout"]


def test_a_mouth_disease_read_from_words_placed_on_another_part_is_dropped(
    any_engine: Engine,
) -> None:
    """ "White spots" is an entry term of dental caries: placed on the nose it is no tooth
    decay; placed on the teeth it is."""

    def names(question: str) -> list[str]:
        return [c.name.lower() for c in any_engine.understand(question).concepts]

    assert "dental caries" not in names("tiny white spots across his nose since the weekend")
    assert "dental caries" in names("chalky white spots on her front teeth")


def test_a_class_named_with_the_after_its_own_drug_is_that_drug_again(
    any_engine: Engine,
) -> None:
    """ "Hydrocortisone from the doctor … how thick should the steroid cream go on": the class
    names the drug told before it, so there is no pair to interact; a class in another form
    ("the steroid inhaler" after a cream) is a second medicine."""
    again = any_engine.understand(
        "the doctor prescribed hydrocortisone for his rash. how thick should the steroid cream "
        "go on?"
    )
    assert again.question_type is not QuestionType.INTERACTION
    assert [c.name for c in again.topics if c.drug] == ["hydrocortisone"]
    other = any_engine.understand(
        "she is on hydrocortisone cream for a rash, is it fine to use the steroid inhaler too?"
    )
    assert len([c for c in other.topics if c.drug]) == 2


def test_a_thing_of_the_physical_world_guessed_is_no_stage_of_life(any_engine: Engine) -> None:
    """ "Could it be the sun?" after a patch of skin darkened guesses no state of the body:
    the sun is no topic to answer from."""
    query = any_engine.understand(
        "a patch on my cheek went darker after the holiday, could it be the sun?"
    )
    assert "solar system" not in [c.name.lower() for c in query.topics]


def test_a_stage_offered_as_the_harmless_reading_leaves_the_complaint_the_topic(
    any_engine: Engine,
) -> None:
    """ "Is that just perimenopause?" after heavy bleeding asks whether the bleeding is
    harmless: the bleeding told stays the topic."""
    query = any_engine.understand(
        "my periods keep getting heavier with clots, is that just perimenopause?"
    )
    assert "perimenopause" not in [c.name.lower() for c in query.primary_topics]


def test_a_complaint_named_by_its_drug_asks_its_side_effects(any_engine: Engine) -> None:
    """ "My lisinopril cough" names the drug that brings the cough: the drug's side effects are
    asked and the drug stays a topic, even when the question asks whether it will pass; a
    cough named by no drug is the cough."""
    named = any_engine.understand(
        "the lisinopril cough keeps me up at night. I've taken it for half a year. Will it stop?"
    )
    assert Facet.SIDE_EFFECTS in named.asked
    assert "lisinopril" in [c.name.lower() for c in named.topics]
    plain = any_engine.understand("a dry cough keeps me up at night, will it stop?")
    assert Facet.SIDE_EFFECTS not in plain.asked


def test_a_tickle_one_chokes_on_is_read_as_a_cough(any_engine: Engine) -> None:
    names = [
        c.name.lower()
        for c in any_engine.understand(
            "most evenings I am choking on a tickle in my throat"
        ).concepts
    ]
    assert "airway obstruction" not in names


def test_a_blood_protein_measured_beside_a_drug_is_no_interaction(sample_engine: Engine) -> None:
    """A haemoglobin value (an A1C) told beside a medicine is a measure on it, not a second
    drug taken with it: no interaction question. Two medicines named together still are."""
    measured = sample_engine.understand("what level of A1C to aim for while on metformin")
    assert Facet.INTERACTIONS not in measured.asked
    taken = sample_engine.understand("can I take metformin with ibuprofen")
    assert Facet.INTERACTIONS in taken.asked


def test_a_frozen_shoulder_is_no_bursitis(sample_engine: Engine) -> None:
    """MeSH files "frozen shoulder" (adhesive capsulitis) under Bursitis, another condition
    with its own treatments: the lay table reads it as shoulder pain instead."""
    names = {c.name.lower() for c in sample_engine.understand("my frozen shoulder aches").concepts}
    assert "bursitis" not in names
    assert "shoulder pain" in names
