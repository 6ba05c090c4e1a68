"""Advice a medicine the question names makes unsafe for the asker.

A page on high blood pressure advises "increase potassium"; for someone on spironolactone or
an ACE inhibitor, which raise the blood's potassium, that advice (and salt substitutes, which
are potassium salts) can bring a dangerous potassium level. A statement giving such advice is
not shown when the question names such a medicine: the page was written for readers on none.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from medcite.answer.extract import Candidate
from medcite.query.drugs import drug_classes
from medcite.records import Query


@dataclass(frozen=True)
class Conflict:
    """Advice (``advice``) unsafe for anyone on one of ``drugs`` or a drug of ``classes``."""

    drugs: frozenset[str]
    classes: frozenset[str]
    advice: re.Pattern[str]


CONFLICTS = (
    Conflict(
        drugs=frozenset({"spironolactone", "eplerenone", "amiloride", "triamterene"}),
        classes=frozenset({"ACE inhibitors", "ARBs"}),
        advice=re.compile(
            r"\b(?:increase|more|add|adding|extra|boost|rich in|high in|get enough)\b[^.;]{0,30}?"
            r"\bpotassium\b|\bpotassium[- ](?:rich|supplements?)\b|\bsalt substitutes?\b",
            re.IGNORECASE,
        ),
    ),
)
"""Medicines that raise the blood's potassium, and advice to take in more of it."""


def _on(query: Query, conflict: Conflict) -> bool:
    """True when the question names one of ``conflict``'s drugs or a drug of its classes."""
    for concept in query.concepts:
        if not concept.drug:
            continue
        name = concept.name.lower()
        if name in conflict.drugs or conflict.classes & set(drug_classes(name)):
            return True
    return False


def without_unsafe_advice(query: Query, cands: Sequence[Candidate]) -> list[Candidate]:
    """``cands`` without the statements whose advice a medicine the question names makes
    unsafe (:data:`CONFLICTS`)."""
    active = [c for c in CONFLICTS if _on(query, c)]
    if not active:
        return list(cands)
    return [c for c in cands if not any(k.advice.search(c.sentence.text) for k in active)]
