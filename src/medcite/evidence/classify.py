"""Evidence levels from publication types and source (DESIGN.md "Evidence levels").

Retracted publications and retraction notices are EXCLUDED: they never support an answer and are
listed as excluded with the reason.
"""

from __future__ import annotations

import re

from medcite.records import Document, EvidenceLevel, Source

_BY_TYPE: tuple[tuple[EvidenceLevel, frozenset[str]], ...] = (
    (
        EvidenceLevel.GUIDELINE,
        frozenset(
            {
                "Practice Guideline",
                "Guideline",
                "Consensus Development Conference",
                "Consensus Development Conference, NIH",
            }
        ),
    ),
    (EvidenceLevel.SYSTEMATIC_REVIEW, frozenset({"Systematic Review", "Meta-Analysis"})),
    (
        EvidenceLevel.TRIAL,
        frozenset(
            {
                "Randomized Controlled Trial",
                "Controlled Clinical Trial",
                "Clinical Trial",
                "Clinical Trial, Phase I",
                "Clinical Trial, Phase II",
                "Clinical Trial, Phase III",
                "Clinical Trial, Phase IV",
                "Pragmatic Clinical Trial",
                "Equivalence Trial",
            }
        ),
    ),
    (
        EvidenceLevel.OBSERVATIONAL,
        frozenset(
            {
                "Observational Study",
                "Comparative Study",
                "Multicenter Study",
                "Evaluation Study",
                "Validation Study",
                "Twin Study",
            }
        ),
    ),
    (EvidenceLevel.REVIEW, frozenset({"Review", "Scoping Review"})),
    (EvidenceLevel.CASE_REPORT, frozenset({"Case Reports"})),
)
GUIDELINE_SOURCES = frozenset({Source.MEDQUAD, Source.OPENFDA, Source.MEDLINEPLUS})
"""Sources whose pages are guideline-level (NIH/NLM patient pages, FDA drug labels)."""
REVIEW_SOURCES = frozenset({Source.BOOKSHELF})
"""Sources whose documents are clinician-level reviews (NCBI Bookshelf: StatPearls, GeneReviews)."""

_TITLE_CUES: tuple[tuple[EvidenceLevel, re.Pattern[str]], ...] = (
    (
        EvidenceLevel.GUIDELINE,
        re.compile(
            r"\b(practice guidelines?|consensus statement|"
            r"clinical guidelines?)\b",
            re.I,
        ),
    ),
    (
        EvidenceLevel.SYSTEMATIC_REVIEW,
        re.compile(r"\b(systematic review|meta-?analys[ie]s)\b", re.I),
    ),
    (EvidenceLevel.TRIAL, re.compile(r"\b(randomi[sz]ed (controlled |clinical )?trial)\b", re.I)),
    (
        EvidenceLevel.CASE_REPORT,
        re.compile(
            r"\bcase reports?\b|\breport of (a|an|one|two|three) (unusual |rare )?cases?\b|"
            r"^(a|an) (unusual |rare )?case of\b",
            re.I,
        ),
    ),
)
"""New PubMed records are indexed with publication types months later (most of a daily update
file is "Journal Article" only), so an explicit design statement in the title also counts."""

RANK: dict[EvidenceLevel, int] = {level: i for i, level in enumerate(EvidenceLevel)}
"""Position in the hierarchy: 0 = strongest (guideline)."""


def exclusion_reason(doc: Document) -> str | None:
    """Why ``doc`` may not support an answer, or None."""
    types = set(doc.publication_types)
    if doc.retraction_of or "Retraction of Publication" in types:
        return "retraction notice"
    if doc.retracted_by or "Retracted Publication" in types:
        return "retracted publication"
    return None


def classify(doc: Document) -> EvidenceLevel:
    """The evidence level of ``doc``: the strongest level any of its publication types gives."""
    if exclusion_reason(doc):
        return EvidenceLevel.EXCLUDED
    if doc.source in GUIDELINE_SOURCES:
        return EvidenceLevel.GUIDELINE
    if doc.source in REVIEW_SOURCES:
        return EvidenceLevel.REVIEW
    types = set(doc.publication_types)
    by_type = next((level for level, names in _BY_TYPE if types & names), EvidenceLevel.OTHER)
    by_title = next((level for level, cue in _TITLE_CUES if cue.search(doc.title)), None)
    if by_title is not None and RANK[by_title] < RANK[by_type]:
        return by_title
    return by_type


def is_guideline_level(level: EvidenceLevel) -> bool:
    return level is EvidenceLevel.GUIDELINE


GUIDELINE_KINDS = {
    "Practice Guideline": "Practice guideline",
    "Guideline": "Practice guideline",
    "Consensus Development Conference": "Consensus statement",
    "Consensus Development Conference, NIH": "Consensus statement",
}
PATIENT_PAGE = "NIH patient information"
SOURCE_KINDS: dict[Source, str] = {Source.OPENFDA: "FDA drug label"}
"""Guideline-level sources with a badge of their own."""
BOOK_KINDS: dict[str, str] = {"StatPearls": "StatPearls", "GeneReviews": "GeneReviews chapter"}
"""NCBI Bookshelf books (``Document.site`` of a Bookshelf chapter) → badge."""
KIND_OF_LEVEL: dict[EvidenceLevel, str] = {
    EvidenceLevel.GUIDELINE: "Guideline-level source",
    EvidenceLevel.SYSTEMATIC_REVIEW: "Systematic review",
    EvidenceLevel.TRIAL: "Clinical trial",
    EvidenceLevel.OBSERVATIONAL: "Observational study",
    EvidenceLevel.REVIEW: "Review",
    EvidenceLevel.CASE_REPORT: "Case report",
    EvidenceLevel.OTHER: "Other study",
    EvidenceLevel.EXCLUDED: "Excluded",
}


def source_kind(doc: Document, level: EvidenceLevel) -> str:
    """What a source is, for its badge: a guideline-level source says whether it is a practice
    guideline or consensus statement (PubMed publication types) or an NIH/NLM patient page (no
    PMID, a publishing site: MedQuAD); a study says its design."""
    if doc.source in REVIEW_SOURCES and level is EvidenceLevel.REVIEW:
        return BOOK_KINDS.get(doc.site or "", "Book chapter")
    if level is not EvidenceLevel.GUIDELINE:
        return KIND_OF_LEVEL[level]
    if doc.source in SOURCE_KINDS:
        return SOURCE_KINDS[doc.source]
    kinds = [GUIDELINE_KINDS[t] for t in doc.publication_types if t in GUIDELINE_KINDS]
    if kinds:
        return kinds[0]
    return PATIENT_PAGE if doc.pmid is None and doc.site else KIND_OF_LEVEL[level]
