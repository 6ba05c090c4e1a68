"""Typed records passed between medcite's stages.

Every stage (ingest, index, sources, evidence, answer, render) speaks only in these records.
They are pydantic v2 models, frozen so a record handed to the next stage cannot be changed
behind its back. JSON output of any record is ``record.model_dump_json()``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import datetime
from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, computed_field

from medcite.text import message_sentences, stems


class Source(StrEnum):
    """Where a document came from."""

    PUBMED = "pubmed"
    MEDQUAD = "medquad"
    JSONL = "jsonl"
    EUROPEPMC = "europepmc"
    PUBMEDQA = "pubmedqa"
    OPENFDA = "openfda"
    MEDLINEPLUS = "medlineplus"
    BOOKSHELF = "bookshelf"


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class AbstractSection(_Frozen):
    """One labelled part of a (possibly structured) abstract or answer text."""

    label: str | None = None
    """Label as printed by the publisher, e.g. ``BACKGROUND`` or ``Patients and methods``."""
    category: str | None = None
    """NLM category: BACKGROUND, OBJECTIVE, METHODS, RESULTS, CONCLUSIONS or UNASSIGNED."""
    text: str


class Document(_Frozen):
    """A citable piece of evidence: a PubMed record, an NIH patient page answer, a JSONL row.

    ``id`` is stable across re-ingests and sources: ``pmid:NNN`` for PubMed records,
    ``medquad:<file>#<qid>`` for MedQuAD answers, the row's own id for JSONL.
    """

    id: str = Field(min_length=1)
    source: Source
    title: str = ""
    sections: tuple[AbstractSection, ...] = ()
    journal: str | None = None
    pub_date: str | None = None
    """Publication date as precise as known, ISO-like: ``2021``, ``2021-03`` or ``2021-03-04``."""
    year: int | None = None
    authors: tuple[str, ...] = ()
    """Display names, ``Family Initials`` (``Smith JA``) or a collective name."""
    publication_types: tuple[str, ...] = ()
    mesh_terms: tuple[str, ...] = ()
    mesh_major: tuple[str, ...] = ()
    """The MeSH headings NLM marked as the record's major topics (MajorTopicYN on the descriptor
    or one of its qualifiers): what the article is about."""
    keywords: tuple[str, ...] = ()
    language: str | None = None
    pmid: str | None = None
    doi: str | None = None
    pmcid: str | None = None
    url: str | None = None
    site: str | None = None
    """Publishing organisation for non-journal sources (e.g. ``NINDS``, ``GHR``, ``CDC``)."""
    focus: str | None = None
    """The topic a guideline-style page is about (MedQuAD ``Focus``), e.g. ``Hemifacial Spasm``."""
    question_type: str | None = None
    """MedQuAD question type: ``causes``, ``treatment``, ``symptoms``, ``information`` ..."""
    synonyms: tuple[str, ...] = ()
    retracted_by: tuple[str, ...] = ()
    """PMIDs of retraction notices for this record (CommentsCorrections ``RetractionIn``)."""
    retraction_of: tuple[str, ...] = ()
    """PMIDs this record retracts (CommentsCorrections ``RetractionOf``)."""
    fetched_at: datetime | None = None

    @computed_field  # type: ignore[prop-decorator]
    @property
    def abstract(self) -> str:
        """The abstract (or answer) as one text, sections separated by blank lines."""
        return "\n\n".join(s.text for s in self.sections)

    @property
    def is_retracted(self) -> bool:
        """True for retracted publications and for retraction notices themselves."""
        types = set(self.publication_types)
        return bool(
            self.retracted_by
            or self.retraction_of
            or types & {"Retracted Publication", "Retraction of Publication"}
        )


BOXED_WARNING_TYPE = "boxed warning"
"""``Document.question_type`` of a drug label's boxed warning (ingest.openfda): always shown when
the label is on topic (answer.extract.warnings)."""


class Deletion(_Frozen):
    """A record withdrawn by its source (PubMed ``DeleteCitation``)."""

    id: str


class SkippedRecord(_Frozen):
    """A record that could not become a Document, with the reason."""

    where: str
    """Where in the input it was, e.g. ``PMID 123`` or ``line 17``."""
    reason: str


ParsedItem = Document | Deletion | SkippedRecord
"""What a format parser yields for each record it reads."""


class Hit(_Frozen):
    """A document returned by a search, with its score and what matched."""

    document: Document
    score: float
    rank: int = Field(ge=1)
    matched_fields: tuple[str, ...] = ()
    snippet: str = ""
    """A short passage around the matching terms, plain text."""
    highlights: tuple[tuple[int, int], ...] = ()
    """Character ranges of matched terms inside ``snippet``."""


class FileReport(_Frozen):
    """What ingest did with one input file."""

    path: str
    format: str | None = None
    added: int = 0
    """Records added or changed."""
    unchanged: int = 0
    """Records the index already held as they are (nothing written)."""
    deleted: int = 0
    skipped: int = 0
    skip_reasons: dict[str, int] = Field(default_factory=dict)
    error: str | None = None
    seconds: float = 0.0


class IngestReport(_Frozen):
    """Summary of one ingest run over several files."""

    files: tuple[FileReport, ...] = ()

    @property
    def added(self) -> int:
        return sum(f.added for f in self.files)

    @property
    def unchanged(self) -> int:
        return sum(f.unchanged for f in self.files)

    @property
    def deleted(self) -> int:
        return sum(f.deleted for f in self.files)

    @property
    def skipped(self) -> int:
        return sum(f.skipped for f in self.files)

    @property
    def failed(self) -> tuple[FileReport, ...]:
        return tuple(f for f in self.files if f.error)


class IndexStats(_Frozen):
    """What is in an index (``medcite index info``)."""

    path: str
    schema_version: int
    documents: int
    size_bytes: int
    by_source: dict[str, int]
    by_publication_type: dict[str, int]
    by_year: dict[str, int]


# --- questions and answers -------------------------------------------------------------------


class Facet(StrEnum):
    """What a question asks about; answer sections are named after facets."""

    OVERVIEW = "overview"
    CAUSES = "causes"
    MECHANISMS = "mechanisms"
    INHERITANCE = "inheritance"
    """Whether and how a condition runs in families (genes, inheritance pattern, carriers)."""
    SYMPTOMS = "symptoms"
    DIAGNOSIS = "diagnosis"
    TREATMENT = "treatment"
    PROGNOSIS = "prognosis"
    PREVENTION = "prevention"
    SEEK_CARE = "seek_care"
    SIDE_EFFECTS = "side_effects"
    INTERACTIONS = "interactions"
    DOSAGE = "dosage"
    WARNINGS = "warnings"
    """Never asked as such: a warning the evidence gives for a drug or group the question names
    (pregnancy, children, older adults, kidney or liver disease) is always shown."""


class QuestionType(StrEnum):
    """What kind of answer a question wants (``query.understand.question_type``); the bottom
    line is shaped by it."""

    INTERACTION = "interaction"
    DOSE = "dose"
    COMPARISON = "comparison"
    WHAT_TO_DO = "what to do"
    YES_NO = "yes/no"
    SIDE_EFFECT = "side effect"
    CAUSE = "cause"
    TREATMENT = "treatment"
    PROGNOSIS = "prognosis"
    PREVENTION = "prevention"
    DIAGNOSIS = "diagnosis"
    SYMPTOMS = "symptoms"
    DEFINITION = "definition"
    INFORMATION = "information"


class EvidenceLevel(StrEnum):
    """Evidence hierarchy, strongest first (see DESIGN.md "Evidence levels")."""

    GUIDELINE = "guideline"
    SYSTEMATIC_REVIEW = "systematic review"
    TRIAL = "trial"
    OBSERVATIONAL = "observational"
    REVIEW = "review"
    CASE_REPORT = "case report"
    OTHER = "other"
    EXCLUDED = "excluded"


class RedFlag(_Frozen):
    """An emergency sign detected in a question."""

    kind: str
    """e.g. ``stroke``, ``chest pain``, ``anaphylaxis``."""
    matched: str
    """The words of the question that triggered it."""
    advice: str
    urgency: Literal["emergency", "same-day", "soon"] = "emergency"
    """``emergency``: call the emergency number or go to an emergency department now;
    ``same-day``: be seen today (urgent care, the doctor's out-of-hours line), the emergency
    number only if it gets worse; ``soon``: be seen within days rather than at a routine
    check-up (a sign that needs tests), the emergency number only for the signs the advice
    names."""


CATEGORY_DEPTH = 2
"""MeSH tree numbers at most this many levels deep name categories, not conditions."""
MIN_PARENT_DEPTH = 3
"""Tree-number segments a broader concept needs to stand in for a narrower one: "Back Pain"
(C23.888.592.612.107) may answer "low back pain", a MeSH category ("C23.888") may not."""


def parent_numbers(tree_numbers: Iterable[str]) -> frozenset[str]:
    """The tree numbers just above ``tree_numbers`` that are deep enough to stand in for them
    (:data:`MIN_PARENT_DEPTH`)."""
    return frozenset(
        parent
        for number in tree_numbers
        if (parent := number.rpartition(".")[0]).count(".") >= MIN_PARENT_DEPTH - 1
    )


CLASS_WORDS = frozenset(
    "diseases disorders infections neoplasms syndromes abnormalities conditions manifestations "
    "phenomena injuries complications symptoms poisoning deformities findings trauma reactions "
    "wounds".split()
)
"""Words that make a shallow disease heading a class of conditions ("Autoimmune Diseases",
"Neoplasms by Site"); a shallow one without ("Burns", "Sprains and Strains", "Vitreous
Detachment") is a condition a patient has."""


class QueryConcept(_Frozen):
    """A vocabulary concept the question names, and why medcite chose it (``--explain``)."""

    key: str
    """MeSH DescriptorUI (``D005334``), ``mq:<topic>`` (MedQuAD topic), ``lay:<name>``."""
    name: str
    matched: str
    """The words of the question that name it."""
    via: str
    """How the words were mapped: MeSH term, MedQuAD topic, lay term, abbreviation, brand name."""
    role: str = "topic"
    """``topic`` (what the question is about: a cited document must be about one of these),
    ``qualifier`` (context such as a body part or a population, used for ranking only),
    ``negated`` (said to be absent: "not overweight") or ``ignored``."""
    tier: int = 2
    """How central the concept is among several (1 specific drug, 2 disease / drug class /
    curated topic, 3 sign or symptom, 4 procedure, 5 other; see query.concepts.tier)."""
    tree_numbers: tuple[str, ...] = ()
    names: tuple[str, ...] = ()
    """Names to search for: the concept's name and the question's words for it."""
    also_said: tuple[str, ...] = ()
    """Other words of the question that name the same concept ("bed sores" after a red patch
    read as a pressure ulcer): not searched for, but no part of what is asked about it."""
    page_names: tuple[str, ...] = ()
    """The names of the NIH pages (MedQuAD topics) on the same concept under another name
    ("Gastrointestinal Bleeding" for gastrointestinal hemorrhage): searched with ``names`` in
    the pages' topic field."""
    drug: bool = False
    """True for a drug or chemical: MeSH tree D, or a name from the brand/generic drug table
    (which carries no tree numbers when MeSH lacks the drug: "montelukast")."""
    promoted: bool = False
    """True for a qualifier made a topic because the question named nothing more central."""
    feared: bool = False
    """True for a grave condition the asker fears of what they tell, made a qualifier ("could
    it be bone cancer?" of a bump): its pages cannot say whether this is it."""
    combination: str | None = None
    """The product name when this drug is one ingredient of a combination the question names
    ("percocet" for oxycodone and acetaminophen): a document must be about every ingredient."""
    classes: tuple[str, ...] = ()
    """For a drug, the names of its classes as patient pages write them ("statins" for
    atorvastatin, ``query.drugs.drug_classes``): when no page is on the drug, a page's sentence
    that names its class speaks for it."""

    @property
    def condition(self) -> bool:
        """A disease, sign or mental disorder (MeSH ``CONDITION_TREES``)."""
        return _in_tree(self, *CONDITION_TREES)

    @property
    def may_be_condition(self) -> bool:
        """A condition, or a concept without tree numbers (a curated lay name the vocabulary
        does not place) that may be one."""
        return self.condition or not self.tree_numbers

    @property
    def has_causes(self) -> bool:
        """A condition (or a concept that may be one) or a drug: a question of cause asks what
        causes it, and what it causes is no cause of it. Not a substance such as marijuana,
        whose effects are what a reader asks of it."""
        return self.may_be_condition or self.drug

    @property
    def procedure_or_part(self) -> bool:
        """A procedure or device (MeSH E) or a body part (MeSH A), and nothing else: it is not
        treated, so studies of it hold no treatment options ("an MRI")."""
        return only_under(self.tree_numbers, ("A", "E"))

    @property
    def impaired_organ(self) -> str | None:
        """ "kidney" or "liver" for a kidney or liver disease (MeSH ``IMPAIRMENT_TREES``), else
        None: the states that most often change which medicines are safe and at what dose."""
        return next((o for o, trees in IMPAIRMENT_TREES.items() if _in_tree(self, *trees)), None)

    @property
    def medicine(self) -> bool:
        """A drug taken (tier 1) or a drug class; not a substance one is exposed to
        ("second-hand smoke" ranks with diseases, see ``query.concepts.tier``)."""
        return (self.drug and self.tier == 1) or self.drug_class

    @property
    def drug_class(self) -> bool:
        """A class of drugs by action or use (MeSH D27: "antibiotics", "statins")."""
        return _in_tree(self, DRUG_CLASS_TREE)

    def narrower_than(self, other: QueryConcept) -> bool:
        """True when one of this concept's tree numbers lies under one of ``other``'s."""
        return lies_under(self.tree_numbers, other.tree_numbers)

    @property
    def category(self) -> bool:
        """True for a broad MeSH heading (every tree number at most two levels deep:
        "Neoplasms" C04, "Autoimmune Diseases" C20.111), except a disease heading that names no
        class of conditions (:data:`CLASS_WORDS`: "Burns" C26.200 is one condition)."""
        shallow = bool(self.tree_numbers) and all(
            n.count(".") <= CATEGORY_DEPTH - 1 for n in self.tree_numbers
        )
        if not shallow or not all(n.startswith("C") for n in self.tree_numbers):
            return shallow
        return bool(CLASS_WORDS.intersection(re.findall(r"[a-z]+", self.name.lower())))


def _asked_of(text: str, phrase: str) -> bool:
    """True when a sentence of ``text`` that ends with a question mark holds the words of
    ``phrase`` (the concept's matched words, normalised: compared as stems)."""
    words = stems(phrase)
    return bool(words) and any(
        words <= stems(sentence)
        for sentence in message_sentences(text)
        if sentence.rstrip().endswith("?")
    )


def _named_for_a_medicine(text: str, phrase: str) -> bool:
    """True when ``phrase`` is named only as what a medicine is for ("my back pain meds have
    made me constipated"): the reason for a medicine told, not the condition asked about."""
    if not phrase:
        return False
    mentions = list(re.finditer(rf"\b{re.escape(phrase)}\b", text, re.IGNORECASE))
    return bool(mentions) and all(_FOR_A_MEDICINE.match(text, m.end()) for m in mentions)


_FOR_A_MEDICINE = re.compile(
    r"\s+(?:meds?|medications?|medicines?|pills?|tablets?|drugs?|painkillers?|tabs)\b",
    re.IGNORECASE,
)
"""A medicine named by what it is for, right after the condition ("back pain meds")."""


def _same_sentence(text: str, first: str, second: str) -> bool:
    """True when one sentence of ``text`` (:func:`medcite.text.message_sentences`) holds both
    phrases (case-insensitive)."""
    return any(
        first.lower() in sentence and second.lower() in sentence
        for sentence in (s.lower() for s in message_sentences(text))
    )


_DISEASE_TIER, _SIGN_TIER = 2, 3
"""The tiers of a disease and of a sign or symptom (``query.concepts.tier``)."""
_INFECTIONS = "C01"
"""MeSH Infections: an infection told with a sign (a cold with a headache) explains it; a
chronic disease told beside one (obesity, a vitamin deficiency) need not."""


def _signs_beside_a_disease(topics: tuple[QueryConcept, ...]) -> tuple[QueryConcept, ...]:
    """``topics`` without the disease readings of a phrase that also reads as a sign
    ("headache": headache, and headache disorders) when another phrase names an infection
    (:data:`_INFECTIONS`): told beside it, the sign is the infection's."""
    signs = {c.matched for c in topics if c.tier == _SIGN_TIER}
    diseases = {
        c.matched
        for c in topics
        if c.tier == _DISEASE_TIER
        and not c.drug  # a drug class ranks with diseases, but explains no sign
        and any(n.startswith(_INFECTIONS) for n in c.tree_numbers)
        and c.matched not in signs
    }
    if not signs or not diseases:
        return topics
    return tuple(c for c in topics if not (c.matched in signs and c.tier == _DISEASE_TIER))


class Query(_Frozen):
    """A question as understood: focus, facets, expansions and what will be searched."""

    question: str
    focus: str | None = None
    facets: tuple[Facet, ...] = ()
    """Facets to answer: those asked first, then companions a clinician would add."""
    asked: tuple[Facet, ...] = ()
    """The facets the question itself asks."""
    expansions: tuple[str, ...] = ()
    """Clinical terms added to the consumer wording (MeSH entry terms, MedQuAD synonyms ...)."""
    search_text: str = ""
    """The text actually sent to retrieval."""
    red_flags: tuple[RedFlag, ...] = ()
    in_scope: bool = True
    """False for questions outside health (answered with a polite refusal)."""
    concepts: tuple[QueryConcept, ...] = ()
    """Vocabulary concepts named by the question, longest match first (see query.concepts)."""
    vocabulary_read: bool = False
    """True when the question was read against a loaded vocabulary: no concept then means the
    question named none the index knows (not that concepts were never looked for)."""
    corrections: dict[str, str] = Field(default_factory=dict)
    """Spelling corrections and word repairs made before the vocabulary lookup (as written →
    as looked up; see query.spelling and query.repair)."""
    question_type: QuestionType = QuestionType.INFORMATION
    """What kind of answer is wanted (yes/no, dose, comparison ...): shapes the bottom line."""
    unknown_terms: tuple[str, ...] = ()
    """Words of the focus that look like a name (no English word, no typo of one) but that
    neither the vocabulary nor any indexed document knows ("zorbexal")."""
    suggestions: dict[str, tuple[str, ...]] = Field(default_factory=dict)
    """For unknown terms: the vocabulary words the reader may have meant, closest first
    ("ciprofaxin" → ciprofloxacin), named in the answer, never used silently."""

    @property
    def topics(self) -> tuple[QueryConcept, ...]:
        """The question's topic concepts (empty: no concept recognised)."""
        return tuple(c for c in self.concepts if c.role == "topic")

    @property
    def primary_topics(self) -> tuple[QueryConcept, ...]:
        """The most central topic concepts (lowest tier): a cited document must be about one.
        Within that tier a broad MeSH category ("autoimmune diseases", tree depth ≤ 2) yields
        to a specific concept named beside it ("Is uveitis autoimmune?" is about uveitis), and
        so does any concept a narrower one named beside it falls under ("is the measles
        vaccine a safe vaccine" is about the measles vaccine, not vaccines in general), as
        does a concept whose words the question repeats inside a longer name ("Diabetes and
        pain. … a person who has diabetes type 2" is about type 2 diabetes); the readings of
        one phrase all stay ("sleep apnea": the syndromes and obstructive sleep apnea), except
        the disease reading of a sign beside an infection ("a cold with a headache": the
        headache is the cold's sign, not headache disorders)."""
        topics = _signs_beside_a_disease(self.topics)
        best = min((c.tier for c in topics), default=0)
        central = [c for c in topics if c.tier == best]
        specific_phrases = {c.matched for c in central if not c.category}
        specific = [c for c in central if not c.category or c.matched in specific_phrases]
        specific = specific or central
        return tuple(
            c
            for c in specific
            if not any(
                o.matched != c.matched and (o.narrower_than(c) or _inside(c.matched, o.matched))
                for o in specific
            )
        )

    @property
    def drug_and_condition(self) -> tuple[QueryConcept, QueryConcept] | None:
        """A drug or drug class the question is about and a condition it names beside it
        ("which antidepressants suit someone with an arrhythmia", "will citalopram make
        arrhythmias worse", "is aspirin safe for a child with a fever"), or None; of several
        conditions, a primary topic first, then, when none is one, a kidney or liver disease (the
        drug's safety in it is the question: "I have CKD stage 4 and my arthritis is flaring,
        can I take naproxen" pairs the naproxen with the kidney disease), then the most central
        (``tier``), then one named in
        the drug's own sentence ("temp 38. does an ear infection need antibiotics?" pairs the
        antibiotics with the ear infection).
        The question is about the two together: pages on either may hold the answer (the topic
        gate admits both), but a page on the condition that never names the drug, or a study of
        the drug that never names the condition, answers neither, so each statement, with its
        document's label, must name both (``answer.extract.Topic``)."""
        drugs = [c for c in self.primary_topics if c.medicine]
        if not drugs:
            return None
        # of several, the one a question asks of ("… got IVIG in the hospital. They sent us
        # home on aspirin which I thought kids aren't supposed to take??"); a medicine named by
        # a drug name is not passed over for a substance asked of as a test ("on
        # spironolactone … do I need my potassium checked?")
        by_name = [c for c in drugs if c.via == DRUG_NAME_VIA]
        pool = by_name if drugs[0] in by_name else drugs
        drug = next((c for c in pool if _asked_of(self.question, c.matched)), drugs[0])
        conditions = [
            c
            for c in self.topics
            if c is not drug and not c.promoted and not c.drug and c.condition
        ]
        primary = {c.key for c in self.primary_topics}
        # asked of the drug alone, a kidney or liver disease beside it is what it is asked with
        impairment = not any(c.key in primary for c in conditions)
        ranked = sorted(
            conditions,
            key=lambda c: (
                c.key not in primary,
                impairment and c.impaired_organ is None,
                _named_for_a_medicine(self.question, c.matched),
                c.tier,
                not _same_sentence(self.question, drug.matched, c.matched),
            ),
        )
        return (drug, ranked[0]) if ranked else None

    @property
    def about_a_procedure_or_part(self) -> bool:
        """True when the question's most central topics are procedures or body parts ("an
        MRI", "my knee"): nothing of theirs is treated."""
        topics = self.primary_topics
        return bool(topics) and all(c.procedure_or_part for c in topics)

    @property
    def about_a_drug(self) -> bool:
        """True when the question's most central topics are drugs ("what is xanax", "can
        lexapro lower blood pressure"): its answer is about the drug, not a disease's causes."""
        topics = self.primary_topics
        return bool(topics) and all(c.drug for c in topics)


def _inside(phrase: str, longer: str) -> bool:
    """True when the words of ``phrase`` occur as whole words inside ``longer``."""
    return bool(phrase) and f" {phrase} " in f" {longer} "


CONDITION_TREES = ("C", "F03")
"""MeSH trees of diseases, signs and mental disorders."""
DRUG_NAME_VIA = "brand/generic drug name"
"""How a concept read from the drug-name table is labelled (``QueryConcept.via``)."""
IMPAIRMENT_TREES = {
    "kidney": ("C12.777.419", "C12.200.777.419", "C13.351.968.419"),
    "liver": ("C06.552",),
}
"""MeSH Kidney Diseases (in its male, female and 2023+ urogenital places) and Liver Diseases."""
DRUG_CLASS_TREE = "D27"
"""MeSH pharmacological actions ("antibiotics", "anti-inflammatory agents"): drug classes, not
drugs (also read by ``query.concepts``)."""
DIAGNOSTIC_TREE = "E01"
"""MeSH Diagnosis: tests and examinations ("Liver Function Tests", "Ultrasonography")."""


def _in_tree(concept: QueryConcept, *trees: str) -> bool:
    return any(n.startswith(trees) for n in concept.tree_numbers)


def lies_under(numbers: Sequence[str], broader: Sequence[str]) -> bool:
    """True when one of the tree ``numbers`` lies under one of the ``broader`` tree numbers
    (C23.300.825.411.235 under C23.300.825): a narrower concept."""
    return any(mine.startswith(theirs + ".") for mine in numbers for theirs in broader)


def only_under(numbers: Sequence[str], trees: str | tuple[str, ...]) -> bool:
    """True when there are tree ``numbers`` and every one is under one of ``trees``."""
    return bool(numbers) and all(n.startswith(trees) for n in numbers)


class Evidence(_Frozen):
    """A retrieved document with its evidence level and the score that ranked it."""

    hit: Hit
    level: EvidenceLevel
    score: float
    """Combined relevance x level x recency (see medcite.evidence.rank)."""
    excluded_reason: str | None = None


class Citation(_Frozen):
    """A pointer from a bullet to the exact sentence of a document that supports it."""

    number: int = Field(ge=1)
    """The reference number shown to the reader."""
    document_id: str
    sentence: str
    """The supporting sentence, verbatim from the document."""


class Bullet(_Frozen):
    """One statement of the answer and every retrieved document that supports it."""

    text: str
    citations: tuple[Citation, ...]


class Section(_Frozen):
    """A facet heading with its bullets."""

    facet: Facet
    title: str
    bullets: tuple[Bullet, ...]


class Reference(_Frozen):
    """A numbered reference, in order of first citation."""

    number: int = Field(ge=1)
    document_id: str
    authors: tuple[str, ...] = ()
    title: str
    journal: str | None = None
    year: int | None = None
    level: EvidenceLevel
    publication_types: tuple[str, ...] = ()
    pmid: str | None = None
    doi: str | None = None
    url: str | None = None
    site: str | None = None
    kind: str = ""
    """What the source is, for its badge: "Practice guideline", "NIH patient information",
    "Clinical trial" ... (evidence.classify.source_kind)."""
    notes: tuple[str, ...] = ()
    """What the reader should know about the source beside its design: "animal or laboratory
    study", "published 1979, over 25 years ago"."""
    also: tuple[str, ...] = ()
    """Other document ids of the same page cited under this number (a MedQuAD page's several
    question-answer entries share one URL and are one reference)."""


class ExcludedDocument(_Frozen):
    """A retrieved document that was not allowed to support the answer, and why."""

    document_id: str
    title: str
    reason: str
    url: str | None = None


class BottomLine(_Frozen):
    """The direct answer that opens an answer: medcite's own framing sentence (no claim of its
    own: "Short answer: the sources say no.", "No source in the index gives a dose for X.") and
    the verbatim, cited sentences it rests on."""

    verdict: str
    bullets: tuple[Bullet, ...] = ()


class Passage(_Frozen):
    """A numbered source text given to the language model: one reference of the extractive
    answer (same number), its evidence label and the text the model may use."""

    number: int = Field(ge=1)
    document_id: str
    label: str
    """What the source is: "Practice guideline", "NIH patient information", "Randomized trial"."""
    guideline: bool
    """Guideline-level (shown under *From the Guidelines*)."""
    title: str
    text: str
    """Exact text of the document (abstract or page answer, possibly cut at a sentence end)."""


class DraftClaim(_Frozen):
    """One sentence the model wrote, with the passage numbers it cited (before verification)."""

    text: str
    citations: tuple[int, ...]
    section: str
    """Where it goes: ``bottom_line``, ``guideline_prose``, ``guideline:<heading>`` or
    ``research:<heading>`` (headings as the model gave them)."""


class ClaimVerdict(StrEnum):
    SUPPORTED = "supported"
    UNSUPPORTED = "unsupported"
    """The cited passages do not say it (or a number, dose or negation differs)."""
    MISCITED = "miscited"
    """It cites no passage, or a number that was not given to the model."""


class Claim(_Frozen):
    """A draft claim after verification against the passages it cites."""

    text: str
    citations: tuple[int, ...]
    section: str
    verdict: ClaimVerdict
    score: float
    """Support score in [0, 1] from the method below (1 = fully supported)."""
    method: str
    """How it was checked, e.g. ``lexical+embedding``, ``nli:<model>``, ``judge:<model>``."""
    reason: str | None = None
    """Why it was rejected (for ``--show-unsupported`` and the JSON)."""


class Synthesis(_Frozen):
    """The optional language-model synthesis of an answer, every claim checked."""

    model: str
    claims: tuple[Claim, ...] = ()
    """Every claim the model made, in its order, with its verdict (rejected ones included)."""
    shown: bool = True
    """False when too little survived verification: the extractive answer is shown instead."""
    fallback_reason: str | None = None
    """Why the synthesis is not shown (too little supported, time-out, malformed reply ...)."""
    seconds: float = 0.0
    """The model's own time; verification is timed in ``Answer.timings_ms``."""

    @property
    def supported(self) -> tuple[Claim, ...]:
        return tuple(c for c in self.claims if c.verdict is ClaimVerdict.SUPPORTED)


class Answer(_Frozen):
    """A complete cited answer; every renderer (terminal, Markdown, JSON, HTML) works from this."""

    id: str
    question: str
    query: Query
    banner: str | None = None
    """Urgent-care advice shown first when the question describes an emergency."""
    bottom_line: BottomLine | None = None
    """The direct answer to the question as asked, shown before the sections."""
    detail: bool = False
    """True for the long form (every bullet found); False for the default ≤ BODY_WORDS body."""
    guideline_lead: tuple[Bullet, ...] = ()
    """1-2 overview sentences from guideline-level sources, rendered as prose before sections."""
    guideline_sections: tuple[Section, ...] = ()
    guideline_note: str | None = None
    """Shown instead of guideline sections when no guideline-level source supports an answer."""
    research_sections: tuple[Section, ...] = ()
    references: tuple[Reference, ...] = ()
    excluded: tuple[ExcludedDocument, ...] = ()
    abstained: bool = False
    abstain_reason: str | None = None
    closest: tuple[Reference, ...] = ()
    """When abstaining: the closest documents found, for the reader to check."""
    disclaimer: str
    searched: tuple[str, ...] = ()
    """Every search made, as text (local or remote)."""
    sources_note: str | None = None
    """e.g. that a live source was unreachable and the answer is from the local index only."""
    timings_ms: dict[str, float] = Field(default_factory=dict)
    created_at: datetime | None = None
    notes: tuple[str, ...] = ()
    """How the answer was made, for ``--explain``: the topic gate's verdict, whether semantic
    (embedding) ranking was on."""
    synthesis: Synthesis | None = None
    """The language-model synthesis (``ask --llm``), verified claim by claim; None without it."""
