"""Rank retrieved documents by relevance, evidence level and recency.

    score = relevance × level_weight[level] × recency

    relevance    = BM25 score / best BM25 score among hits of the same tier (0..1]; the tiers are
                   guideline-level sources and research, which the answer presents separately
    level_weight = guideline 1.15, systematic review 1.12, trial 1.08, observational 1.04,
                   review 1.02, other 1.0, case report 0.97  (excluded documents are never ranked)
    recency      = 0.9 + 0.1 × 0.5 ** (age_years / 10)   (1.0 this year, 0.95 at 10 years,
                   floor 0.9; documents without a year count as 20 years old, MedQuAD pages too)

    × ANIMAL_WEIGHT (0.85) for animal and in-vitro studies (MeSH "Animals" without "Humans", or
      an animal / cell-line word in the title), so human evidence comes first; they stay
      citable when nothing else covers a point.

Relevance dominates: level and recency only reorder hits whose relevance is within ~25% of each
other, which is exactly when the better and newer evidence should come first. The weights were
compressed from a first guess (1.5 … 0.9, recency floor 0.75) after the evaluation harness showed
that guess burying the relevant abstract (PubMedQA nDCG@10 0.419 → 0.475 with these; see
docs/evaluation.md).

That is the answer's view, which shows guideline pages and research apart. One list mixing both
(:func:`by_relevance`, over ``TieredRetriever.merged``) is ranked by relevance alone: level and
recency are evidence priority, not relevance, and the tiers' own scores are not on one scale.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from medcite.evidence.classify import classify, exclusion_reason
from medcite.records import Document, Evidence, EvidenceLevel, Hit, Source

LEVEL_WEIGHT: dict[EvidenceLevel, float] = {
    EvidenceLevel.GUIDELINE: 1.15,
    EvidenceLevel.SYSTEMATIC_REVIEW: 1.12,
    EvidenceLevel.TRIAL: 1.08,
    EvidenceLevel.OBSERVATIONAL: 1.04,
    EvidenceLevel.REVIEW: 1.02,
    EvidenceLevel.CASE_REPORT: 0.97,
    EvidenceLevel.OTHER: 1.0,
    EvidenceLevel.EXCLUDED: 0.0,
}
HALF_LIFE_YEARS = 10.0
RECENCY_FLOOR = 0.9
UNKNOWN_AGE_YEARS = 20.0


ANIMAL_WEIGHT = 0.85
_ANIMALS = (
    r"mice|mouse|rats?|rodents?|dogs?|cats?|pigs?|piglets?|sheep|lambs?|cattle|cows?|calves|"
    r"horses?|rabbits?|monkeys?|macaques?|baboons?|primates?|hamsters?|guinea pigs?|zebrafish|"
    r"chickens?|chicks?"
)
_LINKING = r"(?!(?:with|without|and|or|who|having|living|owning|exposed|near|from|to)\b)"
_IN_ANIMALS = re.compile(
    rf"\b(in|of) (the )?({_LINKING}\w+[ -]){{0,2}}?({_ANIMALS})\b(?! (bites?|owners?))", re.I
)
"""A title saying where the study was done: "… in rhesus monkeys", "… in the rat", "… behaviour
of rats" (not "… of dog bites", "… of cat owners")."""
_NON_HUMAN = re.compile(
    rf"\b({_ANIMALS}|murine|canine|feline|porcine|ovine|bovine|equine|drosophila|crayfish|"
    r"in vitro|cell lines?|cultured cells|"
    r"nanoparticles?|nanocarriers?|nanocomposites?|microspheres?|hydrogels?|in silico|"
    r"molecular docking|synthesis and (?:biological )?evaluation|"
    r"wastewaters?|sewage|sludge|bioreactors?|effluents?|sediments?|groundwater|seawater|"
    r"photocataly\w*|photodegrad\w*|biodegrad\w*|adsorption|adsorbents?|aquatic|ecotoxic\w*|"
    r"biochars?|seedlings?|arabidopsis|cultivars?|moths?(?! ?(?:repellents?|balls?))|antennal|"
    r"caenorhabditis|honeybees?|silkworms?|"
    r"leaf|leaves|cultivation|crops?|plantations?|wilt|phytopathogen\w*|biotransformation|"
    r"(?:microbial|fungal|bacterial) communit(?:y|ies)|fermentations?)\b",
    re.I,
)
"""Title words of an animal, plant, laboratory or environmental study: a drug loaded into
nanoparticles, docked in silico, found in wastewater sludge, broken down by photocatalysis or
by a fungus, given to rice seedlings or moths, or a crop's leaves, cultivation and fermentation
(coffee as a plant) is no evidence about taking it."""
_IN_CELLS = re.compile(
    r"\b(?:in|on) (?:[\w-]+ ){0,5}?cells\b(?! (?:from|of) (?:patients|people|donors|"
    r"volunteers|children|adults|women|men)\b)",
    re.I,
)
"""A title saying the work was done in cells ("Metformin reduces vascular assembly in high
glucose-treated human microvascular endothelial cells"): laboratory work, whatever species the
cells came from; not cells taken from people studied ("… in cells from patients with …")."""


_STUDY_ANIMALS = re.compile(
    r"\b(rats?|mice|mouse|murine|rodents?|animals|monkeys?|macaques?|rabbits?|dogs|pigs|"
    r"piglets|hamsters?|guinea pigs|primates|in vitro|pre-?clinical|animal models?)\b",
    re.I,
)


def names_study_animals(sentence: str) -> bool:
    """True for a study's sentence about its animals or lab work ("Rats treated with 5 mg/kg
    d-amphetamine …", "in preclinical models … all three therapies were effective"): what a
    record's headings and title (:func:`non_human`) may not say."""
    return bool(_STUDY_ANIMALS.search(sentence))


def non_human(doc: Document) -> bool:
    """True for an animal or in-vitro study: MeSH says Animals and not Humans, or the title names
    an animal or a cell culture, or says what was studied *in* animals ("… in rhesus monkeys",
    whatever the headings: indexers add Humans to some animal studies); for a record with no
    headings yet, an abstract that tells animals or cells as what it studied and names no
    people."""
    mesh = set(doc.mesh_terms)
    if "Animals" in mesh and "Humans" not in mesh:
        return True
    if _IN_ANIMALS.search(doc.title):
        return True
    if "Humans" in mesh:
        return False
    if _NON_HUMAN.search(doc.title) or _IN_CELLS.search(doc.title):
        return True
    # not yet indexed (no headings): the abstract says what was studied
    return (
        not mesh
        and bool(_STUDIED_ANIMALS.search(doc.abstract))
        and not _PEOPLE.search(f"{doc.title} {doc.abstract}")
    )


_PERINATAL_TITLE = re.compile(
    r"\b(?:fetal|fetus(?:es)?|foetal|neonat\w*|newborns?|preterm|prematur\w* (?:infants?|"
    r"babies|neonates)|intrapartum|perinatal|antenatal|prenatal|in utero)\b",
    re.IGNORECASE,
)
PERINATAL_HEADINGS = frozenset(
    {"Fetus", "Infant, Newborn", "Infant, Premature", "Heart Rate, Fetal", "Fetal Diseases"}
)
"""MeSH headings of a study of unborn or newborn babies."""


def perinatal_study(doc: Document) -> bool:
    """True for a study of unborn or newborn babies: its title says so ("Fetal heart rate nadir
    during bradycardia …", "… in preterm infants"), or one of its headings is
    :data:`PERINATAL_HEADINGS`. What it finds says nothing of an adult's or an older child's
    own complaint."""
    return bool(_PERINATAL_TITLE.search(doc.title)) or not PERINATAL_HEADINGS.isdisjoint(
        doc.mesh_terms
    )


_STUDIED_ANIMALS = re.compile(
    rf"\b(?:we (?:studied|used|treated|fed|gave|exposed|randomi[sz]ed|injected|examined)|"
    rf"(?:were|was) (?:randomly )?(?:studied|used|treated|fed|assigned|allocated|exposed|"
    rf"injected|divided)|in)\s+(?:\w+[ -]){{0,3}}?(?:{_ANIMALS}|cell lines?|cultured cells)\b",
    re.I,
)
"""An abstract telling its animals or cells as what it studied ("We studied Wistar rats
treated with omeprazole"), for a record not yet given MeSH headings."""
_PEOPLE = re.compile(
    r"\b(?:patients?|participants?|volunteers?|women|men|children|adults|infants|humans?|"
    r"persons?|people|cases?|individuals)\b"
    r"(?!(?:[ -][\w-]+){0,2}[ -](?:cells?|cell lines?|tissues?|cultures?|organoids?|"
    r"samples?|serum|plasma|proteins?|genes?)\b)",
    re.I,
)
"""People an abstract names as studied; "human lymphoblastoid cell lines" or "patient-derived
cells" are no people studied but lab material."""


_BIOMEDICAL = re.compile(
    r"\b(?:patients?|clinic\w*|disease\w*|disorders?|health\w*|medic\w*|therap\w*|treat\w*|"
    r"drugs?|dos(?:e|es|ing|age)|symptom\w*|diagnos\w*|syndrome\w*|infect\w*|cancers?|tumou?r\w*|"
    r"mortality|morbidity|hospital\w*|blood|tissues?|genes?|genetic\w*|proteins?|cellular|"
    r"human\w*|child\w*|women|men|adults?|infants?|pregnan\w*|mice|rats?|animals?|plasma|serum|"
    r"pharmac\w*|toxic\w*|injur\w*|surg\w*|nurs\w*|physician\w*|vaccin\w*|antibod\w*|"
    r"bacteri\w*|vir(?:al|us\w*)|brain|heart|liver|kidney\w*|lungs?|skin|bone\w*|muscle\w*|"
    r"psych\w*|neur\w*|cardi\w*|pediatr\w*|paediatr\w*|bio\w*|physiol\w*|sleep\w*|"
    r"care|emotion\w*|behavio\w*|mental|stress\w*|fatigue|alcohol\w*|smok\w*)\b",
    re.IGNORECASE,
)
"""Words a biomedical record uses somewhere: a study of patients, a disease, a drug, tissue.
Not "cell" nor "risk", which a paper on batteries uses too."""
_ARTICLE_SOURCES = frozenset({Source.PUBMED, Source.EUROPEPMC})
MIN_ABSTRACT_WORDS = 50


def outside_medicine(doc: Document) -> bool:
    """True for a PubMed record from another field that PubMed also indexes (a chemistry or
    materials paper: "lithium metal anodes" for a question about the drug lithium): it carries
    no MeSH heading, and its title, journal, keywords and abstract (of at least
    MIN_ABSTRACT_WORDS words) use no word of :data:`_BIOMEDICAL`. Guideline pages never are."""
    if doc.source not in _ARTICLE_SOURCES or doc.mesh_terms:
        return False
    abstract = " ".join(s.text for s in doc.sections)
    if len(abstract.split()) < MIN_ABSTRACT_WORDS:
        return False  # a title alone says too little to tell
    text = " ".join([doc.title, doc.journal or "", *doc.keywords, abstract])
    return _BIOMEDICAL.search(text) is None


def recency(year: int | None, current_year: int) -> float:
    age = UNKNOWN_AGE_YEARS if year is None else max(0, current_year - year)
    return RECENCY_FLOOR + (1 - RECENCY_FLOOR) * float(0.5 ** (age / HALF_LIFE_YEARS))


def rank(hits: Sequence[Hit], current_year: int) -> list[Evidence]:
    """Evidence for each hit, best first; excluded documents last with their reason.

    Relevance divides by the best score of the hit's own tier (guideline pages or research):
    the answer shows the tiers apart, and each tier's retrieval scores are on its own scale
    (see index.retriever)."""
    levels = [classify(hit.document) for hit in hits]
    best = {tier: _best(hits, levels, tier) for tier in (True, False)}
    evidence = [
        _evidence(hit, level, best[_tier(level)], current_year)
        for hit, level in zip(hits, levels, strict=True)
    ]
    return _best_first(evidence)


def by_relevance(hits: Sequence[Hit]) -> list[Evidence]:
    """Evidence for hits whose scores are on one scale (``TieredRetriever.merged``), ranked by
    relevance alone: score = hit score / best hit score, no level weight, no recency, no animal
    weight (those say which evidence to prefer, not what answers the question). Excluded
    documents still come last, with their reason.

    Multiplying a merged list by level weights and recency, over tier scores not on one scale,
    put on-topic guideline pages (×1.15) above the abstract a question was written from: PQA-L
    nDCG@10 0.162 (quick suite, dev, evaluation index) against 0.677 this way and 0.907 for
    the independent bm25s baseline; see docs/evaluation.md."""
    best = max((h.score for h in hits), default=0.0) or 1.0
    evidence = [
        Evidence(
            hit=hit,
            level=classify(hit.document),
            score=round(hit.score / best, 6),
            excluded_reason=exclusion_reason(hit.document),
        )
        for hit in hits
    ]
    return _best_first(evidence)


def _best_first(evidence: list[Evidence]) -> list[Evidence]:
    """Best score first, excluded documents last (stable: ties keep the given order)."""
    return sorted(evidence, key=lambda e: (e.level is EvidenceLevel.EXCLUDED, -e.score))


def _best(hits: Sequence[Hit], levels: Sequence[EvidenceLevel], tier: bool) -> float:
    """The best score among the hits of ``tier``; 1.0 when there is none."""
    scores = (h.score for h, lv in zip(hits, levels, strict=True) if _tier(lv) == tier)
    return max(scores, default=0.0) or 1.0


def _tier(level: EvidenceLevel) -> bool:
    return level is EvidenceLevel.GUIDELINE


def _evidence(hit: Hit, level: EvidenceLevel, best: float, current_year: int) -> Evidence:
    score = (hit.score / best) * LEVEL_WEIGHT[level] * recency(hit.document.year, current_year)
    if non_human(hit.document):
        score *= ANIMAL_WEIGHT
    return Evidence(
        hit=hit,
        level=level,
        score=round(score, 6),
        excluded_reason=exclusion_reason(hit.document),
    )
