"""Composition: merged multi-citation bullets, tiers, reference order, abstention, verification."""

from __future__ import annotations

import pytest

from medcite.answer import verify
from medcite.answer.compose import ComposeInput, compose
from medcite.answer.safety import detect_red_flags
from medcite.evidence.rank import rank
from medcite.query.understand import understand
from medcite.query.vocab import Vocabulary
from medcite.records import (
    AbstractSection,
    Answer,
    Document,
    Facet,
    Hit,
    Query,
    QueryConcept,
    Source,
)


def _doc(doc_id: str, text: str, source: Source = Source.PUBMED, **extra: object) -> Document:
    return Document(
        id=doc_id,
        source=source,
        title=str(extra.pop("title", doc_id)),
        sections=(AbstractSection(category=str(extra.pop("category", "CONCLUSIONS")), text=text),),
        **extra,  # type: ignore[arg-type]
    )


def _answer(question: str, docs: list[Document], max_refs: int = 12):  # type: ignore[no-untyped-def]
    query = understand(question, Vocabulary(None))
    hits = [Hit(document=d, score=10.0 - i, rank=i + 1) for i, d in enumerate(docs)]
    answer = compose(ComposeInput("test", query, max_refs), rank(hits, 2026))
    return answer, {d.id: d for d in docs}


GUIDE = _doc(
    "medquad:ninds#1",
    "Hemifacial spasm is a neuromuscular disorder characterized by involuntary contractions of "
    "the muscles on one side of the face. Most often hemifacial spasm is caused by a blood vessel "
    "pressing on the facial nerve.",
    Source.MEDQUAD,
    focus="Hemifacial Spasm",
    question_type="information",
)
TRIAL_A = _doc(
    "pmid:1",
    "Botulinum toxin injections are an effective treatment for hemifacial spasm in most patients.",
    publication_types=("Randomized Controlled Trial",),
    year=2020,
)
TRIAL_B = _doc(
    "pmid:2",
    "Botulinum toxin injections are an effective treatment of hemifacial spasm in most patients.",
    publication_types=("Systematic Review",),
    year=2019,
)
RETRACTED = _doc(
    "pmid:3",
    "Botulinum toxin injections cure hemifacial spasm in every patient treated.",
    publication_types=("Retracted Publication",),
)


def test_near_duplicate_sentences_merge_into_one_bullet_citing_both() -> None:
    answer, docs = _answer("How is hemifacial spasm treated?", [GUIDE, TRIAL_A, TRIAL_B])
    merged = next(b for b in verify.all_bullets(answer) if "Botulinum" in b.text)
    assert {c.document_id for c in merged.citations} == {"pmid:1", "pmid:2"}
    assert len({c.number for c in merged.citations}) == 2
    assert verify.problems(answer, docs) == []


def test_guideline_sources_lead_and_research_follows() -> None:
    answer, _docs = _answer("What causes hemifacial spasm?", [GUIDE, TRIAL_A, TRIAL_B])
    assert answer.guideline_lead[0].citations[0].document_id == "medquad:ninds#1"
    # the cause is the bottom line (and not repeated under Causes)
    assert answer.bottom_line is not None
    assert "blood vessel" in answer.bottom_line.bullets[0].text
    assert all(
        c.document_id.startswith("pmid:")
        for s in answer.research_sections
        for b in s.bullets
        for c in b.citations
    )
    assert [r.number for r in answer.references] == list(range(1, len(answer.references) + 1))
    assert answer.references[0].document_id == "medquad:ninds#1"


def test_retracted_documents_never_support_and_are_listed() -> None:
    answer, _docs = _answer("How is hemifacial spasm treated?", [RETRACTED, TRIAL_A])
    cited = {c.document_id for b in verify.all_bullets(answer) for c in b.citations}
    assert "pmid:3" not in cited
    assert [(e.document_id, e.reason) for e in answer.excluded] == [
        ("pmid:3", "retracted publication")
    ]


def test_no_guideline_source_says_so() -> None:
    answer, _docs = _answer("How is hemifacial spasm treated?", [TRIAL_A])
    assert answer.guideline_note and "No guideline-level source" in answer.guideline_note
    assert not answer.abstained and answer.bottom_line is not None
    assert answer.bottom_line.bullets[0].citations[0].document_id == "pmid:1"


def test_abstains_when_nothing_relevant() -> None:
    unrelated = _doc("pmid:9", "Drosophila larvae were reared at 25 degrees in standard medium.")
    answer, _docs = _answer("How is hemifacial spasm treated?", [unrelated])
    assert answer.abstained and answer.abstain_reason
    assert not answer.research_sections and not answer.guideline_sections
    assert [r.document_id for r in answer.closest] == ["pmid:9"]


def test_max_refs_limits_references_and_keeps_citations_resolvable() -> None:
    answer, docs = _answer(
        "How is hemifacial spasm treated?", [GUIDE, TRIAL_A, TRIAL_B], max_refs=1
    )
    assert len(answer.references) == 1
    assert verify.problems(answer, docs) == []


def test_verify_catches_a_citation_to_an_unretrieved_document() -> None:
    answer, docs = _answer("How is hemifacial spasm treated?", [GUIDE, TRIAL_A, TRIAL_B])
    del docs["pmid:2"]
    assert any("pmid:2" in p for p in verify.problems(answer, docs))


BOTH_SIDES = _doc(
    "pmid:11",
    "Botulinum toxin injections reduce both hemifacial spasm and blepharospasm in most patients.",
    publication_types=("Systematic Review",),
    year=2021,
)
ONE_SIDE = _doc(
    "pmid:12",
    "Microvascular decompression cures hemifacial spasm in most of the operated patients.",
    year=2021,
)
UNLABELLED = _doc(
    "pmid:13",
    "Sixty patients with facial movement disorders were followed for two years. "
    "Repeated injections relieved hemifacial spasm and blepharospasm with few adverse effects.",
    category="",
    year=2020,
)
EVIDENCE_QUESTION = "Does botulinum toxin reduce facial twitches?"


def test_an_evidence_question_leads_research_with_key_findings() -> None:
    answer, docs = _answer(EVIDENCE_QUESTION, [BOTH_SIDES, ONE_SIDE, UNLABELLED])
    findings = answer.research_sections[0]
    assert findings.title == "Key Findings"
    cited = [c.document_id for b in findings.bullets for c in b.citations]
    assert cited == ["pmid:11", "pmid:13"]  # evidence order; the last sentence of pmid:13
    assert findings.bullets[1].text.startswith("Repeated injections")
    assert verify.problems(answer, docs) == []


def test_a_finding_names_both_sides_of_the_relation() -> None:
    answer, _docs = _answer(EVIDENCE_QUESTION, [ONE_SIDE])
    assert all(s.title != "Key Findings" for s in answer.research_sections)


def test_a_consumer_question_gets_facet_sections_not_key_findings() -> None:
    answer, _docs = _answer("What causes facial twitches?", [BOTH_SIDES, ONE_SIDE, UNLABELLED])
    assert all(s.title != "Key Findings" for s in answer.research_sections)


def test_an_unanswered_interaction_question_names_the_drugs_only(
    handmade_vocabulary: Vocabulary,
) -> None:
    query = understand("Can I take ibuprofen with lisinopril for a fever?", handmade_vocabulary)
    answer = compose(ComposeInput("a1", query), [])
    assert answer.abstained and answer.abstain_reason is not None
    assert "ibuprofen together with lisinopril" in answer.abstain_reason
    assert "fever" not in answer.abstain_reason


def test_an_unanswered_interaction_question_names_a_medicine_once_beside_its_class(
    handmade_vocabulary: Vocabulary,
) -> None:
    """ "painkillers … ibuprofen" names one medicine twice: no reason says the index has
    nothing on ibuprofen together with the painkillers it is one of."""
    query = understand(
        "do painkillers interact with anything? I take ibuprofen for my knee", handmade_vocabulary
    )
    answer = compose(ComposeInput("a1", query), [])
    assert answer.abstained and answer.abstain_reason is not None
    assert "together with" not in answer.abstain_reason
    pair = understand("can I take painkillers like ibuprofen with lisinopril", handmade_vocabulary)
    both = compose(ComposeInput("a2", pair), [])
    assert both.abstain_reason is not None
    assert "ibuprofen together with lisinopril" in both.abstain_reason


@pytest.mark.parametrize(
    ("question", "whom"),
    [
        ("my vitamin d is 12, what does that mean", "Your doctor"),
        ("vitamin d level came back at 14, is that low", "Your doctor"),
        ("is vitamin d 2000 iu a day too much", "pharmacist"),
        ("should i take ibuprofen 400 mg or 200 mg", "pharmacist"),
    ],
)
def test_a_result_is_for_the_doctor_and_a_dose_for_the_pharmacist(
    question: str, whom: str, handmade_vocabulary: Vocabulary
) -> None:
    """A chemical named with its result ("my vitamin d is 12") is a test to ask the doctor about;
    named with a dose it is a medicine to ask the pharmacist about."""
    answer = compose(ComposeInput("a1", understand(question, handmade_vocabulary)), [])
    assert answer.abstained and answer.abstain_reason is not None
    assert whom in answer.abstain_reason


MIGRAINE_PAGE = _doc(
    "medquad:migraine#1",
    "Migraine is a headache with throbbing pain. Treatment of migraine attacks consists of "
    "triptans, ergotamine drugs and ibuprofen.",
    Source.MEDQUAD,
    focus="Migraine",
    question_type="treatment",
    category="treatment",
)
EVERYONE_S_TREATMENT = "Treatment of migraine attacks consists of triptans, ergotamine"


def _bullets(question: str, vocabulary: Vocabulary) -> list[str]:
    hits = [Hit(document=MIGRAINE_PAGE, score=10.0, rank=1)]
    answer = compose(ComposeInput("a", understand(question, vocabulary)), rank(hits, 2026))
    return [b.text for b in verify.all_bullets(answer)]


@pytest.mark.parametrize(
    "question",
    [
        "is ibuprofen ok for my migraines in the first trimester",
        "is ibuprofen ok for my migraines, im pregnant",
        "is ibuprofen safe for migraine while breastfeeding",
    ],
)
def test_in_pregnancy_treatment_said_of_everyone_is_not_shown(
    question: str, handmade_vocabulary: Vocabulary
) -> None:
    """A treatment statement that says nothing of pregnancy could harm a pregnant or
    breastfeeding reader ("ergotamine drugs"): it answers everyone else, not her."""
    assert any(
        EVERYONE_S_TREATMENT in t
        for t in _bullets("is ibuprofen ok for my migraines", handmade_vocabulary)
    )
    assert not any(EVERYONE_S_TREATMENT in t for t in _bullets(question, handmade_vocabulary))


def test_a_reader_who_says_she_is_not_pregnant_gets_everyone_s_treatment(
    handmade_vocabulary: Vocabulary,
) -> None:
    question = "is ibuprofen ok for my migraines, 34f not pregnant"
    assert any(EVERYONE_S_TREATMENT in t for t in _bullets(question, handmade_vocabulary))


def test_under_an_emergency_an_abstention_sends_to_the_card_only(
    handmade_vocabulary: Vocabulary,
) -> None:
    """No pharmacist, no label, no closest documents under an emergency card: the card says what
    to do."""
    question = "how many ibuprofen would it take to not wake up"
    query = understand(question, handmade_vocabulary)
    query = query.model_copy(update={"red_flags": detect_red_flags(question)})
    hits = [
        Hit(
            document=_doc("pmid:9", "Ibuprofen overdose in adults: a case series."), score=5, rank=1
        )
    ]
    answer = compose(ComposeInput("a1", query), rank(hits, 2026))
    assert answer.abstained and answer.abstain_reason is not None
    assert "card above" in answer.abstain_reason
    assert "pharmacist" not in answer.abstain_reason
    assert not answer.closest


def test_the_same_article_under_two_pmids_is_one_reference() -> None:
    title = "Botulinum toxin for hemifacial spasm: a national survey of treatment"
    first = _doc(
        "pmid:10",
        "Botulinum toxin injections relieved hemifacial spasm in most surveyed patients.",
        title=title,
        authors=("Prieto M", "Ielpo B"),
        pmid="10",
        year=2021,
    )
    translation = _doc(
        "pmid:11",
        "Botulinum toxin injections relieved hemifacial spasm in most of the surveyed patients.",
        title=title + ".",
        authors=("Prieto M", "Ielpo B"),
        pmid="11",
        year=2021,
    )
    answer, docs = _answer("How is hemifacial spasm treated?", [GUIDE, first, translation])
    published = [r for r in answer.references if r.pmid]
    assert len(published) == 1
    assert {published[0].document_id, *published[0].also} == {"pmid:10", "pmid:11"}
    assert verify.problems(answer, docs) == []
    # another first author: another article
    other = translation.model_copy(update={"id": "pmid:12", "pmid": "12", "authors": ("Smith J",)})
    answer, _docs = _answer("How is hemifacial spasm treated?", [GUIDE, first, other])
    assert len([r for r in answer.references if r.pmid]) == 2


FLUOCINOLONE = QueryConcept(
    key="D1",
    name="fluocinolone",
    matched="fluocinolone",
    via="drug",
    drug=True,
    names=("fluocinolone",),
)
"""A handmade drug concept for the abstention tests."""


def test_after_the_topic_gate_the_closest_documents_name_the_topic_once_per_page() -> None:
    from medcite.evidence.topic import GateResult

    drug = FLUOCINOLONE
    query = understand("What is fluocinolone cream used for?", Vocabulary(None))
    query = query.model_copy(update={"concepts": (drug,)})
    url = "https://example.org/skin-creams"
    docs = [
        _doc(
            "medquad:a#1",
            "Creams are used on dry skin twice a day.",
            Source.MEDQUAD,
            url="https://example.org/dry-skin",
        ),
        _doc("medquad:b#1", "Fluocinolone is a steroid cream.", Source.MEDQUAD, url=url),
        _doc("medquad:b#2", "Fluocinolone is used for eczema.", Source.MEDQUAD, url=url),
        _doc(
            "pmid:7",
            "Fluocinolone acetonide reduced itching in a trial.",
            title="Fluocinolone acetonide for itching",
        ),
    ]
    hits = [Hit(document=d, score=10.0 - i, rank=i + 1) for i, d in enumerate(docs)]
    gate = GateResult(on_topic=[], off_topic=rank(hits, 2026), applied=True)
    answer = compose(ComposeInput("test", query, 12, gate=gate), [])
    assert answer.abstained
    assert [r.document_id for r in answer.closest] == ["medquad:b#1", "pmid:7"]

    unrelated = GateResult(on_topic=[], off_topic=rank(hits[:1], 2026), applied=True)
    answer = compose(ComposeInput("test", query, 12, gate=unrelated), [])
    assert answer.closest == ()
    assert answer.abstain_reason and "none is listed" in answer.abstain_reason


def test_closest_documents_also_name_what_else_the_question_names() -> None:
    """A question on a drug and a sign ("fluocinolone made my skin itch") lists only documents
    naming both, and says so when none does; an interaction question lists only documents
    naming both drugs."""
    from medcite.evidence.topic import GateResult
    from medcite.records import QueryConcept

    drug = FLUOCINOLONE
    itch = QueryConcept(
        key="D2",
        name="pruritus",
        matched="itch",
        via="lay",
        role="qualifier",
        names=("pruritus", "itching"),
        tree_numbers=("C17.800.685",),
    )
    query = understand("does fluocinolone make the skin itch?", Vocabulary(None))
    query = query.model_copy(update={"concepts": (drug, itch)})
    docs = [
        _doc(
            "pmid:1",
            "Fluocinolone acetonide stayed stable for two years in storage.",
            title="Fluocinolone storage",
        ),
        _doc(
            "pmid:2",
            "Fluocinolone reduced itching in a trial of eczema.",
            title="Fluocinolone in eczema",
        ),
    ]

    def closest(kept: list[Document], asked: Query) -> Answer:
        hits = [Hit(document=d, score=10.0 - i, rank=i + 1) for i, d in enumerate(kept)]
        gate = GateResult(on_topic=[], off_topic=rank(hits, 2026), applied=True)
        return compose(ComposeInput("test", asked, 12, gate=gate), [])

    assert [r.document_id for r in closest(docs, query).closest] == ["pmid:2"]
    none = closest(docs[:1], query)
    assert none.closest == ()
    assert none.abstain_reason and "fluocinolone together with pruritus" in none.abstain_reason
    unnamed = closest([_doc("pmid:4", "Creams are used on dry skin.")], query).abstain_reason
    assert unnamed and "even names the topic" in unnamed

    other = QueryConcept(
        key="D3", name="warfarin", matched="warfarin", via="drug", drug=True, names=("warfarin",)
    )
    pair = understand("can I take fluocinolone with warfarin", Vocabulary(None))
    pair = pair.model_copy(update={"concepts": (drug, other), "asked": (Facet.INTERACTIONS,)})
    both = _doc(
        "pmid:3",
        "Fluocinolone and warfarin were both listed in the chart review.",
        title="Fluocinolone and warfarin in a chart review",
    )
    assert [r.document_id for r in closest([*docs, both], pair).closest] == ["pmid:3"]


def test_a_name_whose_stems_lose_a_word_names_a_closest_document_only_as_written() -> None:
    """A brand "Day Z" stems to "day": a page on day care does not name it; one writing
    "Day Z" does."""
    from medcite.records import QueryConcept

    concept = QueryConcept(
        key="D5",
        name="zetamol",
        matched="day z",
        via="drug",
        drug=True,
        names=("zetamol", "day z"),
    )
    docs = [
        _doc("pmid:1", "Day care for older adults cut hospital visits.", title="Day care"),
        _doc("pmid:2", "Day Z was taken by most people in the survey.", title="Day Z use"),
    ]
    assert _closest_ids("can I take day z twice", concept, docs) == ["pmid:2"]


def test_a_name_of_several_words_names_a_closest_document_only_said_together() -> None:
    """A name ("knee bursitis") is said by a page naming its words within a few words, in
    either order ("bursitis of the knee"); not by one saying "bursitis" in one place and
    "knee" far on."""
    from medcite.records import QueryConcept

    concept = QueryConcept(
        key="D7",
        name="knee bursitis",
        matched="knee bursitis",
        via="mesh",
        names=("knee bursitis", "bursitis, knee"),
        tree_numbers=("C05.550.205",),
    )
    docs = [
        _doc(
            "medquad:s#1",
            "Bursitis of the shoulder is common in people who throw or lift above the head at "
            "work or in sport. Knee pain after running is common too.",
            Source.MEDQUAD,
            url="https://example.org/running-injuries",
        ),
        _doc(
            "medquad:k#1",
            "Bursitis of the knee gets better with rest.",
            Source.MEDQUAD,
            url="https://example.org/knee-problems",
        ),
    ]
    assert _closest_ids("what helps knee bursitis", concept, docs) == ["medquad:k#1"]


def test_a_short_abbreviation_names_a_closest_document_only_in_capitals() -> None:
    from medcite.records import QueryConcept

    concept = QueryConcept(
        key="D2",
        name="Restless Legs Syndrome",
        matched="rls",
        via="abbreviation",
        names=("restless legs syndrome", "rls"),
    )
    docs = [
        _doc("pmid:1", "Hospitals ranked by their rls score had shorter stays.", title="rls"),
        _doc("pmid:2", "Iron lowered RLS severity scores in a trial.", title="Iron in RLS"),
    ]
    assert _closest_ids("tell me about RLS", concept, docs) == ["pmid:2"]


def test_a_patient_s_question_lists_only_studies_of_people_that_name_the_topic_in_the_title() -> (
    None
):
    """A study naming the topic only in its text, or loading the drug into nanoparticles, is no
    reading for someone who missed a dose; a question asking what studies found lists those
    naming it in passing too."""
    from medcite.evidence.topic import GateResult
    from medcite.records import QueryConcept

    drug = QueryConcept(
        key="D9",
        name="zetacillin",
        matched="zetacillin",
        via="drug",
        drug=True,
        names=("zetacillin",),
    )
    docs = [
        _doc("pmid:1", "Zetacillin was one of twelve drugs given.", title="Ward rounds", year=2020),
        _doc(
            "pmid:2",
            "Zetacillin was released slowly.",
            title="Zetacillin-loaded nanoparticles",
            year=2020,
        ),
        _doc(
            "pmid:3",
            "Zetacillin cleared the infection in most children.",
            title="Zetacillin for ear infections in children",
            year=2020,
        ),
    ]

    def closest(question: str, kept: list[Document]) -> Answer:
        query = understand(question, Vocabulary(None))
        query = query.model_copy(update={"concepts": (drug,)})
        hits = [Hit(document=d, score=10.0 - i, rank=i + 1) for i, d in enumerate(kept)]
        gate = GateResult(on_topic=[], off_topic=rank(hits, 2026), applied=True)
        return compose(ComposeInput("test", query, 12, gate=gate, current_year=2026), [])

    missed = "I missed a dose of zetacillin, should I take two?"
    assert [r.document_id for r in closest(missed, docs).closest] == ["pmid:3"]
    passing = closest(missed, docs[:2])
    assert passing.closest == ()
    assert "name it only in passing" in (passing.abstain_reason or "")
    studies = "Is zetacillin associated with rash?"
    # laboratory work still only when nothing else is left
    assert [r.document_id for r in closest(studies, docs).closest] == ["pmid:1", "pmid:3"]


def _closest_ids(question: str, concept: QueryConcept, docs: list[Document]) -> list[str]:
    """The closest documents listed when the topic gate found none about ``concept``."""
    from medcite.evidence.topic import GateResult

    query = understand(question, Vocabulary(None))
    query = query.model_copy(update={"concepts": (concept,)})
    hits = [Hit(document=d, score=10.0 - i, rank=i + 1) for i, d in enumerate(docs)]
    gate = GateResult(on_topic=[], off_topic=rank(hits, 2026), applied=True)
    answer = compose(ComposeInput("test", query, 12, gate=gate), [])
    return [r.document_id for r in answer.closest]


def test_old_evidence_is_used_only_when_nothing_newer_answers_the_facet() -> None:
    old = _doc(
        "pmid:70",
        "Botulinum toxin injections relieved hemifacial spasm in most patients treated.",
        year=1979,
        publication_types=("Clinical Trial",),
    )
    new = _doc(
        "pmid:71",
        "Microvascular decompression relieved hemifacial spasm in most patients treated.",
        year=2021,
        publication_types=("Clinical Trial",),
    )
    answer, _docs = _answer("How is hemifacial spasm treated?", [old, new])
    cited = {c.document_id for b in verify.all_bullets(answer) for c in b.citations}
    assert cited == {"pmid:71"}
    answer, _docs = _answer("How is hemifacial spasm treated?", [old])
    cited = {c.document_id for b in verify.all_bullets(answer) for c in b.citations}
    assert cited == {"pmid:70"}
    assert any("over 25 years ago" in n for n in answer.references[0].notes)


def test_a_patients_question_is_not_answered_from_decades_old_studies_alone() -> None:
    """When nothing newer and nothing guideline-level says anything, a question told of the
    asker's own case or asking how to do something gets the old studies listed with their age,
    not quoted under a bottom line that says they do not answer it; an old finding on what was
    asked is still quoted, labelled with its year."""
    method = _doc(
        "pmid:80",
        "Botulinum toxin treatment of hemifacial spasm has been investigated in twelve patients.",
        year=1978,
        title="Hemifacial spasm in twelve patients",
    )
    finding = _doc(
        "pmid:82",
        "Botulinum toxin injections relieved hemifacial spasm in most patients treated.",
        year=1979,
        publication_types=("Clinical Trial",),
    )
    newer = _doc(
        "pmid:81",
        "Botulinum toxin injections relieved hemifacial spasm in most patients treated in 2020.",
        year=2022,
        publication_types=("Clinical Trial",),
    )
    own = "My hemifacial spasm is getting worse, what helps?"
    answer, _docs = _answer(own, [method])
    assert answer.abstained
    assert "studies over 25 years old" in (answer.abstain_reason or "")
    assert [r.document_id for r in answer.closest] == ["pmid:80"]
    assert any("over 25 years ago" in n for n in answer.closest[0].notes)
    assert not _answer(own, [method, newer])[0].abstained
    kept, _docs = _answer(own, [finding])
    assert [r.document_id for r in kept.references] == ["pmid:82"]
    # the same study for a general question is quoted, labelled
    general, _docs = _answer("How is hemifacial spasm treated?", [method])
    assert [r.document_id for r in general.references] == ["pmid:80"]


def test_a_page_on_the_questions_own_topic_answers_before_a_narrower_page(
    handmade_vocabulary: Vocabulary,
) -> None:
    general = _doc(
        "medquad:fever#1",
        "Fever is most often caused by infections such as colds and flu.",
        Source.MEDQUAD,
        focus="Fever",
        question_type="causes",
        category="",
    )
    narrower = Document(
        id="medquad:fuo#1",
        source=Source.MEDQUAD,
        title="Fever of unknown origin",
        focus="Fever of unknown origin",
        sections=(
            AbstractSection(
                text="Fever of unknown origin is caused by hidden infections, cancers or "
                "autoimmune disease. Treatment of fever of unknown origin depends on the illness "
                "found to cause it."
            ),
        ),
    )
    query = understand("What causes a fever and how is a fever treated?", handmade_vocabulary)
    hits = [Hit(document=d, score=10.0 - i, rank=i + 1) for i, d in enumerate([narrower, general])]
    answer = compose(ComposeInput("test", query, 12), rank(hits, 2026))
    assert answer.bottom_line is not None
    assert answer.bottom_line.bullets[0].citations[0].document_id == "medquad:fever#1"
    by_facet = {
        s.title: {c.document_id for b in s.bullets for c in b.citations}
        for s in answer.guideline_sections
    }
    assert "medquad:fuo#1" not in by_facet.get("Causes", set())  # the fever page answers it
    assert "medquad:fuo#1" in by_facet.get("Treatment Options", set())  # it does not: fill in


def test_a_pages_bullets_keep_its_reading_order() -> None:
    late = "Signs and symptoms of gout include severe pain, redness and swelling of the big toe."
    page = Document(
        id="medquad:gout#1",
        source=Source.MEDQUAD,
        title="What are the symptoms of Gout ?",
        focus="Gout",
        question_type="symptoms",
        sections=(
            AbstractSection(text="The main symptom of gout is sudden pain in one joint."),
            AbstractSection(text="Gout attacks can last a few days."),
            AbstractSection(text=late),
        ),
    )
    answer, docs = _answer("What are the symptoms of gout?", [page])
    assert verify.problems(answer, docs) == []
    section = next(s for s in answer.guideline_sections if s.title == "Symptoms")
    # the later sentence scores higher, but the page says the other one first
    assert [b.text for b in section.bullets] == ["Gout attacks can last a few days.", late]


def test_inheritance_is_answered_by_the_narrower_pages_too(
    handmade_vocabulary: Vocabulary,
) -> None:
    """How a condition is inherited belongs to its specific forms: a general page that says an
    inherited form exists does not keep the narrower page's inheritance pattern out."""
    general = _doc(
        "medquad:fever#2",
        "A fever is a body temperature above normal. It is a sign of illness. Most fevers "
        "pass in a few days. Some families inherit a tendency to fevers.",
        Source.MEDQUAD,
        focus="Fever",
        question_type="information",
        category="",
    )
    narrower = Document(
        id="medquad:fuo#2",
        source=Source.MEDQUAD,
        title="Is fever of unknown origin inherited?",
        focus="Fever of unknown origin",
        question_type="inheritance",
        sections=(
            AbstractSection(
                text="Familial fever of unknown origin is inherited in an autosomal recessive "
                "pattern."
            ),
        ),
    )
    query = understand("Is fever inherited?", handmade_vocabulary)
    hits = [Hit(document=d, score=10.0 - i, rank=i + 1) for i, d in enumerate([general, narrower])]
    answer = compose(ComposeInput("test", query, 12), rank(hits, 2026))
    cited = {c.document_id for b in verify.all_bullets(answer) for c in b.citations}
    assert "medquad:fuo#2" in cited


def test_a_study_s_advice_older_than_the_horizon_is_never_quoted() -> None:
    advice = "Surgery is not recommended for hemifacial spasm in patients over 70 years of age."
    old = _doc("pmid:90", advice, year=1990, publication_types=("Clinical Trial",))
    answer, _docs = _answer("How is hemifacial spasm treated?", [old])
    assert answer.abstained or all(
        c.document_id != "pmid:90" for b in verify.all_bullets(answer) for c in b.citations
    )
    new = _doc("pmid:91", advice, year=2021, publication_types=("Clinical Trial",))
    answer, _docs = _answer("How is hemifacial spasm treated?", [new])
    cited = {c.document_id for b in verify.all_bullets(answer) for c in b.citations}
    assert cited == {"pmid:91"}


def test_closest_documents_leave_out_old_and_animal_studies_unless_alone() -> None:
    from medcite.evidence.topic import GateResult

    query = understand("What is fluocinolone cream used for?", Vocabulary(None))
    old = _doc("pmid:11", "Fluocinolone in eczema.", year=1977)
    rats = _doc("pmid:12", "Fluocinolone in rats.", year=2020, mesh_terms=("Animals", "Rats"))
    new = _doc("pmid:13", "Fluocinolone acetonide reduced itching in a trial.", year=2020)

    def closest(docs: list[Document]) -> list[str]:
        hits = [Hit(document=d, score=10.0 - i, rank=i + 1) for i, d in enumerate(docs)]
        gate = GateResult(on_topic=[], off_topic=rank(hits, 2026), applied=True)
        answer = compose(ComposeInput("test", query, 12, gate=gate, current_year=2026), [])
        return [r.document_id for r in answer.closest]

    assert closest([old, rats, new]) == ["pmid:13"]
    assert closest([old, rats]) == ["pmid:11", "pmid:12"]


def test_an_abstention_on_no_known_concept_lists_no_document(
    handmade_vocabulary: Vocabulary,
) -> None:
    """A question naming nothing the vocabulary knows matched papers on its free words only:
    none is listed for the reader to check, and the reason says why."""
    query = understand("my nan keeps muddling the days of the week, why", handmade_vocabulary)
    assert query.vocabulary_read and not query.primary_topics
    unrelated = _doc("pmid:9", "The days of the week and muddling of rhythm in larvae.")
    hits = rank([Hit(document=unrelated, score=10.0, rank=1)], 2026)
    answer = compose(ComposeInput("a3", query), hits)
    assert answer.abstained and answer.closest == ()
    assert answer.abstain_reason is not None and "no document is listed" in answer.abstain_reason


def test_a_relative_or_a_dosage_form_standing_in_for_a_topic_lists_no_document(
    handmade_vocabulary: Vocabulary,
) -> None:
    """When the only topic is a relative or a dosage form promoted for want of anything else
    ("my husband …", "… tablets"), the question names no subject: no paper on husbands or on
    tablet making is listed, and the reason does not say the question was about them."""
    from medcite.records import QueryConcept

    query = understand("my husband keeps waking at night, is that age", handmade_vocabulary)
    spouse = QueryConcept(
        key="D018454",
        name="Spouses",
        matched="husband",
        via="mesh",
        role="topic",
        promoted=True,
        names=("spouses", "husband"),
        tree_numbers=("M01.620.785",),
    )
    tablets = spouse.model_copy(
        update={
            "key": "D013607",
            "name": "Tablets",
            "matched": "tablets",
            "names": ("tablets",),
            "tree_numbers": ("D26.255.800",),
        }
    )
    paper = _doc(
        "pmid:9",
        "Husbands of women with cancer reported poor sleep.",
        title="Sleep of husbands and tablets",
        year=2021,
    )
    for concept in (spouse, tablets):
        asked = query.model_copy(update={"concepts": (concept,), "vocabulary_read": True})
        answer = compose(
            ComposeInput("a4", asked), rank([Hit(document=paper, score=9.0, rank=1)], 2026)
        )
        assert answer.abstained and answer.closest == ()
        reason = answer.abstain_reason or ""
        assert "no document is listed" in reason and concept.name.lower() not in reason


def test_an_abstention_names_the_topic_not_the_whole_message(
    handmade_vocabulary: Vocabulary,
) -> None:
    question = "so my toe hurts after the party last night, could it be gout and what now"
    query = understand(question, handmade_vocabulary)
    answer = compose(ComposeInput("a2", query), [])
    assert answer.abstained and answer.abstain_reason is not None
    assert "this question about gout" in answer.abstain_reason
    assert "party" not in answer.abstain_reason


def test_a_broader_page_speaks_only_of_the_topic_in_general_or_by_name() -> None:
    """When no page is on gout, the arthritis page one level up stands in: its overview and
    what it says of gout by name answer, its lines on other kinds of arthritis do not."""
    from medcite.answer.compose import within_broader
    from medcite.answer.extract import candidates
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

    gout = QueryConcept(key="D1", name="gout", matched="gout", via="MeSH term", names=("gout",))
    query = Query(
        question="what causes gout and how is it treated",
        focus="gout",
        facets=(Facet.OVERVIEW, Facet.CAUSES, Facet.TREATMENT),
        asked=(Facet.CAUSES, Facet.TREATMENT),
        search_text="gout",
        concepts=(gout,),
    )
    text = (
        "Arthritis is a disease of the joints. Gout is caused by uric acid crystals in a joint. "
        "Some arthritis is caused by the immune system attacking the joints. "
        "Arthritis is treated with medicines in most people. "
        "Arthritis of the spine causes back pain. "
        "Childhood arthritis is caused by an immune attack on a growing joint."
    )
    page = Document(
        id="medquad:arthritis",
        source=Source.MEDQUAD,
        title="What is Arthritis?",
        focus="Arthritis",
        sections=(AbstractSection(text=text),),
    )
    evidence = Evidence(
        hit=Hit(document=page, score=10.0, rank=1), level=EvidenceLevel.GUIDELINE, score=1.0
    )
    cands = candidates(query, [evidence], gated=True)
    kept = {c.sentence.text for c in within_broader(query, cands, {"medquad:arthritis"})}
    assert "Gout is caused by uric acid crystals in a joint." in kept
    assert not any(t.startswith("Some arthritis") for t in kept)
    # said of arthritis as a whole, a line stands for gout too; of one kind, it does not
    assert "Arthritis is treated with medicines in most people." in kept
    assert not any(t.startswith(("Arthritis of the spine", "Childhood")) for t in kept)
    everything = {c.sentence.text for c in within_broader(query, cands, set())}
    assert everything == {c.sentence.text for c in cands}
    assert any(t.startswith("Some arthritis") for t in everything)


def test_a_combination_is_named_with_every_ingredient_also_one_named_alone() -> None:
    """ "acetaminophen" asked beside DayQuil: the product still shows that it holds
    acetaminophen, which is what a question about too much of it turns on."""
    from medcite.answer.compose import topic_names

    alone = QueryConcept(
        key="D1",
        name="acetaminophen",
        matched="acetaminophen",
        via="drug",
        drug=True,
        names=("acetaminophen",),
    )
    parts = [
        QueryConcept(
            key=f"D{i}",
            name=name,
            matched="dayquil",
            via="drug",
            drug=True,
            names=(name,),
            combination="dayquil",
        )
        for i, name in ((2, "dextromethorphan"), (3, "phenylephrine"))
    ]
    query = understand("how much acetaminophen with dayquil", Vocabulary(None))
    query = query.model_copy(update={"concepts": (alone, *parts)})
    assert "dayquil (acetaminophen, dextromethorphan and phenylephrine)" in topic_names(query)


def test_an_abstention_on_a_mood_names_the_crisis_line() -> None:
    """No answer on low mood still says where to turn if the feelings come with thoughts of
    self-harm; one on a knee says nothing of it."""
    from medcite.evidence.topic import GateResult

    def reason(concept: QueryConcept) -> str:
        query = understand("why do I feel this way", Vocabulary(None))
        query = query.model_copy(update={"concepts": (concept,)})
        gate = GateResult(on_topic=[], off_topic=[], applied=True)
        answer = compose(ComposeInput("test", query, 12, gate=gate), [])
        return answer.abstain_reason or ""

    low = QueryConcept(
        key="D1",
        name="depressive disorder",
        matched="depressed",
        via="mesh",
        tree_numbers=("F03.600.300",),
        names=("depressive disorder",),
    )
    passing = QueryConcept(
        key="D3",
        name="affect",
        matched="affect",
        via="mesh",
        tree_numbers=("F01.470.047",),
        names=("affect",),
    )
    assert "988" not in reason(passing)
    knee = QueryConcept(
        key="D2",
        name="knee injuries",
        matched="knee",
        via="mesh",
        tree_numbers=("C26.558",),
        names=("knee injuries",),
    )
    assert "988" in reason(low)
    assert "988" not in reason(knee)


def test_a_screening_age_quoted_from_an_nih_page_carries_a_dated_advice_note() -> None:
    """NIH patient pages date from about 2017: a screening age or vaccine schedule they give
    comes with a note to check the current one; the same words in a study do not."""
    text = (
        "Gout screening with a uric acid blood test usually starts at age 50 in men. "
        "Gout screening finds high uric acid before the first attack."
    )
    page = _doc("medquad:gout#1", text, Source.MEDQUAD, focus="Gout", category="overview")
    answer, _ = _answer("when should gout screening start", [page])
    assert not answer.abstained
    assert answer.sources_note is not None and "date from about 2017" in answer.sources_note
    study = _doc("pmid:5", text, title="Gout screening in men")
    answer, _ = _answer("when should gout screening start", [study])
    assert not answer.abstained
    assert answer.sources_note is None


GOUT = _doc(
    "medquad:gout#1",
    "Gout is a form of arthritis. "
    "Gout symptoms include pain and swelling in the big toe. "
    "Gout symptoms may suddenly get worse after a large meal. "
    "Gout is treated with medicines. "
    "Surgery can remove large crystal deposits in gout.",
    Source.MEDQUAD,
    focus="Gout",
    question_type="information",
)


def _weighed(question: str, vocabulary: Vocabulary) -> tuple[dict[str, float], dict[str, float]]:
    """Candidate scores before and after :func:`compose.asked_first`."""
    from medcite.answer.compose import asked_first
    from medcite.answer.extract import candidates

    query = understand(question, vocabulary)
    cands = candidates(query, rank([Hit(document=GOUT, score=5.0, rank=1)], 2026))
    before = {c.sentence.text: c.score for c in cands}
    return before, {c.sentence.text: c.score for c in asked_first(query, cands)}


def test_a_line_saying_what_the_question_asks_of_its_topic_weighs_more(
    handmade_vocabulary: Vocabulary,
) -> None:
    """ "is it a flare up" asks whether it got worse: the line on symptoms that "suddenly get
    worse" comes to outweigh the line on symptoms in general; a question on the symptoms in
    general weighs both as they were."""
    worse = "Gout symptoms may suddenly get worse after a large meal."
    usual = "Gout symptoms include pain and swelling in the big toe."
    before, after = _weighed("what are the symptoms of gout", handmade_vocabulary)
    assert after == before
    before, after = _weighed("gout - how do i know if its a flare up", handmade_vocabulary)
    assert before[worse] <= before[usual] < after[worse]
    assert after[usual] == before[usual]


def test_a_sense_the_question_sets_aside_weighs_nothing(handmade_vocabulary: Vocabulary) -> None:
    """ "anything that helps besides surgery" does not ask for lines on surgery."""
    surgery = "Surgery can remove large crystal deposits in gout."
    before, after = _weighed("does gout need surgery to remove it", handmade_vocabulary)
    assert after[surgery] > before[surgery]
    before, after = _weighed("is there anything for gout besides surgery", handmade_vocabulary)
    assert after[surgery] == before[surgery]


def test_an_answer_on_a_mood_disorder_names_the_crisis_line_first() -> None:
    """An answered question on depression opens its bottom line with where to turn if the
    feelings come with thoughts of self-harm, as an abstention on it does; an answer on the
    knee does not."""
    page = _doc(
        "medquad:dep#1",
        "Depressive disorder is a common illness. Depressive disorder is treated with talk "
        "therapy and medicines.",
        Source.MEDQUAD,
        focus="Depressive disorder",
        question_type="information",
    )

    def verdict(tree: str, name: str) -> str:
        query = understand(f"how is {name} treated", Vocabulary(None))
        concept = QueryConcept(
            key="D1", name=name, matched=name, via="mesh", tree_numbers=(tree,), names=(name,)
        )
        query = query.model_copy(update={"concepts": (concept,)})
        doc = page.model_copy(
            update={
                "focus": name,
                "sections": (
                    AbstractSection(text=f"{name.capitalize()} is treated with medicines."),
                ),
            }
        )
        hits = [Hit(document=doc, score=5.0, rank=1)]
        answer = compose(ComposeInput("t", query, 12), rank(hits, 2026))
        assert answer.bottom_line is not None
        return answer.bottom_line.verdict

    low = verdict("F03.600.300", "depressive disorder")
    assert low.startswith("If these feelings come with thoughts of harming yourself")
    assert low.endswith("In short:")
    assert "988" not in verdict("C26.558", "knee injuries")


def test_a_bereavement_names_the_crisis_line() -> None:
    """Grief that stops someone sleeping is told beside the crisis line, whatever its topic;
    a death told of a pet or a plant is not."""
    from medcite.evidence.topic import GateResult

    def reason(question: str) -> str:
        query = understand(question, Vocabulary(None))
        gate = GateResult(on_topic=[], off_topic=[], applied=True)
        answer = compose(ComposeInput("test", query, 12, gate=gate), [])
        return answer.abstain_reason or ""

    assert "988" in reason("my wife passed last spring and I still cannot sleep at night")
    assert "988" in reason("widowed in June, no appetite since")
    assert "988" not in reason("I cannot sleep at night since we moved house")
    assert "988" not in reason("my father died of a stroke at 50, am I at risk of one")


def test_a_patients_yes_no_lists_no_study_that_names_the_drug_only_in_passing() -> None:
    """ "Is fluocinolone safe while breastfeeding?" is a patient's question even though worded
    as one about an effect: a 1977 series of scans that names the drug in its abstract is not
    listed for them to check; asked as "what does the research say", it is."""
    from medcite.evidence.topic import GateResult

    docs = [
        _doc(
            "pmid:8",
            "Children were sedated with fluocinolone before the scans.",
            title="Head scans in 1,024 children",
        ),
    ]
    hits = [Hit(document=d, score=10.0, rank=1) for d in docs]

    def closest(question: str) -> list[str]:
        query = understand(question, Vocabulary(None))
        query = query.model_copy(update={"concepts": (FLUOCINOLONE,)})
        gate = GateResult(on_topic=[], off_topic=rank(hits, 2026), applied=True)
        answer = compose(ComposeInput("test", query, 12, gate=gate), [])
        assert answer.abstained
        return [r.document_id for r in answer.closest]

    assert closest("is fluocinolone safe while breastfeeding?") == []
    assert closest("what does the research say about fluocinolone?") == ["pmid:8"]


def test_the_lead_does_not_define_another_condition_named_on_the_page() -> None:
    """A page about one condition that defines another one it mentions ("Snoring disease is
    a common disorder …" on a page about a weak heart) does not say with that definition what
    the condition is."""
    page = _doc(
        "medquad:weak-heart#1",
        "Snoring disease is a common disorder in which breathing stops for a while in sleep. "
        "Weak heart is a condition in which the heart cannot pump enough blood for the body.",
        Source.MEDQUAD,
        focus="Weak Heart",
        question_type="information",
    )
    answer, docs = _answer("What is weak heart?", [page])
    shown = " ".join(b.text for b in verify.all_bullets(answer))
    assert "Weak heart is a condition" in shown
    assert "Snoring disease" not in shown
    assert verify.problems(answer, docs) == []
    # the organ the condition is of says where it happens
    organ = _doc(
        "medquad:tonsillitis#1",
        "The tonsils are lumps of tissue at the back of the throat. "
        "Tonsillitis is an infection of the tonsils that makes the throat sore.",
        Source.MEDQUAD,
        focus="Tonsillitis",
        question_type="information",
    )
    answer, _docs = _answer("What is tonsillitis?", [organ])
    assert "The tonsils are lumps" in " ".join(b.text for b in verify.all_bullets(answer))


KIDNEY_WARNING = (
    "If you have kidney disease, you should not take ibuprofen for a migraine without asking "
    "your doctor."
)


@pytest.mark.parametrize(
    "question", ["is ibuprofen ok for my migraines with kidney disease", "how is migraine treated"]
)
def test_a_sentence_a_page_says_twice_makes_one_bullet(
    question: str, handmade_vocabulary: Vocabulary
) -> None:
    """A page (or two parts of one page) that repeats a sentence word for word gives it one
    bullet, under Warnings as under any facet."""
    treatment = _doc(
        "medquad:migraine#1",
        f"Treatment of migraine attacks consists of triptans and ibuprofen. {KIDNEY_WARNING} "
        f"Rest in a dark room helps. {KIDNEY_WARNING}",
        Source.MEDQUAD,
        focus="Migraine",
        question_type="treatment",
        category="treatment",
    )
    overview = _doc(
        "medquad:migraine#2",
        f"Migraine is a headache with throbbing pain. {KIDNEY_WARNING}",
        Source.MEDQUAD,
        focus="Migraine",
        question_type="information",
        category="information",
    )
    hits = [
        Hit(document=d, score=10.0 - i, rank=i + 1) for i, d in enumerate([treatment, overview])
    ]
    answer = compose(ComposeInput("a", understand(question, handmade_vocabulary)), rank(hits, 2026))
    texts = [b.text for b in verify.all_bullets(answer)]
    assert texts.count(KIDNEY_WARNING) == 1, texts


def test_an_unanswered_question_is_not_quoted_back_as_its_keywords() -> None:
    """The reason for an abstention names the question's topics or says "this question": the
    focus keywords read as a garbled quote."""
    unrelated = _doc("pmid:9", "Drosophila larvae were reared at 25 degrees in standard medium.")
    answer, _docs = _answer("I keep picturing awful things happening and it scares me", [unrelated])
    assert answer.abstained and answer.abstain_reason
    assert "“" not in answer.abstain_reason


def test_a_rare_condition_s_page_is_listed_only_when_the_question_names_it() -> None:
    """An abstention does not point someone with a common complaint to a rare syndrome's page;
    asked by name, the page is listed."""
    from medcite.evidence.topic import GateResult

    drug = FLUOCINOLONE
    rare = _doc(
        "medquad:r#1",
        "Fluocinolone was given to a child with Dunmore-Vail syndrome.",
        Source.MEDQUAD,
        site="GARD",
        focus="Dunmore-Vail syndrome",
    )

    def closest(question: str) -> list[str]:
        query = understand(question, Vocabulary(None)).model_copy(update={"concepts": (drug,)})
        gate = GateResult(
            on_topic=[], off_topic=rank([Hit(document=rare, score=9.0, rank=1)], 2026), applied=True
        )
        answer = compose(ComposeInput("test", query, 12, gate=gate), [])
        return [r.document_id for r in answer.closest]

    assert closest("can fluocinolone cream make my periods stop?") == []
    assert closest("is fluocinolone used in Dunmore-Vail syndrome?") == ["medquad:r#1"]


def test_closest_documents_name_the_breastfeeding_or_pregnancy_asked_about() -> None:
    """A drug asked about while breastfeeding lists only documents that speak of breastfeeding
    too: a study of the drug after surgery says nothing of it."""
    from medcite.evidence.topic import GateResult
    from medcite.records import QueryConcept

    nursing = QueryConcept(
        key="D3",
        name="Breastfeeding",
        matched="breastfeeding",
        via="mesh",
        role="qualifier",
        names=("breastfeeding", "breast feeding"),
        tree_numbers=("F01.145.407.199",),
    )
    query = understand("can I use fluocinolone while breastfeeding?", Vocabulary(None))
    query = query.model_copy(update={"concepts": (FLUOCINOLONE, nursing)})
    docs = [
        _doc(
            "pmid:1",
            "Fluocinolone eased itching after surgery.",
            title="Fluocinolone after surgery",
        ),
        _doc(
            "pmid:2",
            "Fluocinolone cream was used by mothers during breastfeeding without harm.",
            title="Fluocinolone and breastfeeding",
        ),
    ]
    hits = [Hit(document=d, score=10.0 - i, rank=i + 1) for i, d in enumerate(docs)]
    gate = GateResult(on_topic=[], off_topic=rank(hits, 2026), applied=True)
    answer = compose(ComposeInput("test", query, 12, gate=gate), [])
    assert [r.document_id for r in answer.closest] == ["pmid:2"]
