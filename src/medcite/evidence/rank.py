"""Rank retrieved documents by relevance, evidence level and recency.

    score = relevance × level_weight[level] × recency

    relevance    = BM25 score / best BM25 score among hits of the same tier (0..1]; the tiers are
                   guideline-level sources and research, which the answer presents separately
    level_weight = guideline 1.5, systematic review 1.4, trial 1.25, observational 1.1,
                   review 1.05, case report 0.9, other 1.0  (excluded documents are never ranked)
    recency      = 0.75 + 0.25 × 0.5 ** (age_years / 10)   (1.0 this year, 0.875 at 10 years,
                   floor 0.75; documents without a year count as 20 years old, MedQuAD pages too)

Relevance dominates: a weak hit cannot be lifted above a strong one by its type alone unless they
are close, which is exactly when the better evidence should come first.
"""

from __future__ import annotations

from collections.abc import Sequence

from medcite.evidence.classify import classify, exclusion_reason
from medcite.records import Evidence, EvidenceLevel, Hit

LEVEL_WEIGHT: dict[EvidenceLevel, float] = {
    EvidenceLevel.GUIDELINE: 1.5,
    EvidenceLevel.SYSTEMATIC_REVIEW: 1.4,
    EvidenceLevel.TRIAL: 1.25,
    EvidenceLevel.OBSERVATIONAL: 1.1,
    EvidenceLevel.REVIEW: 1.05,
    EvidenceLevel.CASE_REPORT: 0.9,
    EvidenceLevel.OTHER: 1.0,
    EvidenceLevel.EXCLUDED: 0.0,
}
HALF_LIFE_YEARS = 10.0
UNKNOWN_AGE_YEARS = 20.0


def recency(year: int | None, current_year: int) -> float:
    age = UNKNOWN_AGE_YEARS if year is None else max(0, current_year - year)
    return 0.75 + 0.25 * float(0.5 ** (age / HALF_LIFE_YEARS))


def rank(hits: Sequence[Hit], current_year: int) -> list[Evidence]:
    """Evidence for each hit, best first; excluded documents last with their reason."""
    levels = [classify(hit.document) for hit in hits]
    best = {
        tier: max(
            (h.score for h, lv in zip(hits, levels, strict=True) if _tier(lv) == tier), default=0.0
        )
        or 1.0
        for tier in (True, False)
    }
    evidence = [
        _evidence(hit, level, best[_tier(level)], current_year)
        for hit, level in zip(hits, levels, strict=True)
    ]
    return sorted(evidence, key=lambda e: (e.level is EvidenceLevel.EXCLUDED, -e.score))


def _tier(level: EvidenceLevel) -> bool:
    return level is EvidenceLevel.GUIDELINE


def _evidence(hit: Hit, level: EvidenceLevel, best: float, current_year: int) -> Evidence:
    score = (hit.score / best) * LEVEL_WEIGHT[level] * recency(hit.document.year, current_year)
    return Evidence(
        hit=hit,
        level=level,
        score=round(score, 6),
        excluded_reason=exclusion_reason(hit.document),
    )
