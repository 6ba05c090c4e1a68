"""Advice a medicine the question names makes unsafe for the asker.

A page on high blood pressure advises "increase potassium"; for someone on spironolactone or
an ACE inhibitor, which raise the blood's potassium, that advice (and salt substitutes, which
are potassium salts) can bring a dangerous potassium level. A page on headaches advises
"taking pain relievers"; for someone taking them most days for headaches, that advice feeds
the headaches painkillers bring on when taken that often (medication-overuse headache). A
statement giving such advice is not shown when the question tells such a medicine: the page
was written for readers on none.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from medcite.answer.extract import Candidate
from medcite.records import Query


@dataclass(frozen=True)
class Conflict:
    """Advice (``advice``) unsafe for anyone on one of ``drugs`` or a drug of ``classes``."""

    drugs: frozenset[str]
    classes: frozenset[str]
    advice: re.Pattern[str]
    told: re.Pattern[str] | None = None
    """What the question must also tell (how often the medicine is taken), if anything."""
    note: str = ""
    """medcite's own caution, shown before the bottom line when the question asks of what the
    advice names (:attr:`asked`): the pages found were written for readers on no such drug."""
    asked: re.Pattern[str] | None = None


CONFLICTS = (
    Conflict(
        drugs=frozenset({"spironolactone", "eplerenone", "amiloride", "triamterene"}),
        classes=frozenset({"ACE inhibitors", "ARBs"}),
        advice=re.compile(
            r"\b(?:increase|more|add|adding|extra|boost|rich in|high in|get enough)\b[^.;]{0,30}?"
            r"\bpotassium\b|\bpotassium[- ](?:rich|supplements?)\b|\bsalt substitutes?\b",
            re.IGNORECASE,
        ),
        note=(
            "Salt substitutes and potassium supplements add potassium, and the medicine you "
            "name can raise the blood's potassium too: ask your pharmacist or doctor before "
            "using one."
        ),
        asked=re.compile(
            r"\b(?:salt substitutes?|lo-?salt|low[- ]sodium salt|potassium (?:salt|chloride|"
            r"supplements?|tablets?)|so-?low|nu-?salt|no salt)\b",
            re.IGNORECASE,
        ),
    ),
    Conflict(
        drugs=frozenset(),
        classes=frozenset({"pain relievers", "triptans", "opioids"}),
        advice=re.compile(
            r"\b(?:take|taking|use|using|try|trying)\b[^.;]{0,40}?\b(?:pain ?relievers?|"
            r"painkillers?|pain medicines?|analgesics?|over-the-counter (?:pain )?(?:medicines?|"
            r"drugs?))\b",
            re.IGNORECASE,
        ),
        told=re.compile(
            r"^(?=[\s\S]*\b(?:headaches?|migraines?)\b)[\s\S]*\b(?:(?:most|every|nearly every|"
            r"almost every) (?:day|days|morning|mornings)\b|daily\b|(?:[3-9]|three|four|five|six)"
            r" (?:or more )?days (?:a|per|each) week\b|for (?:the (?:past|last) )?(?:a few |a "
            r"couple of |several |\d+ )?months\b)",
            re.IGNORECASE,
        ),
    ),
)
"""Medicines that raise the blood's potassium, and advice to take in more of it; painkillers
taken most days for headaches, and advice to take them."""


def _on(query: Query, conflict: Conflict) -> bool:
    """True when the question names one of ``conflict``'s drugs or a drug of its classes (or
    the class itself), and tells what the conflict also needs told."""
    if conflict.told is not None and not conflict.told.search(query.question):
        return False
    for concept in query.concepts:
        if not concept.drug:
            continue
        name = concept.name.lower()
        if name in conflict.drugs or conflict.classes & {name, *concept.classes}:
            return True
    return False


def without_unsafe_advice(query: Query, cands: Sequence[Candidate]) -> list[Candidate]:
    """``cands`` without the statements whose advice a medicine the question names makes
    unsafe (:data:`CONFLICTS`)."""
    active = [c for c in CONFLICTS if _on(query, c)]
    if not active:
        return list(cands)
    return [c for c in cands if not any(k.advice.search(c.sentence.text) for k in active)]


def caution(query: Query) -> str:
    """medcite's own caution for a question that names a medicine of a conflict and asks of
    what its unsafe advice names ("we use a salt substitute; he takes spironolactone"); ""
    otherwise."""
    for conflict in CONFLICTS:
        asked = conflict.asked is not None and conflict.asked.search(query.question)
        if conflict.note and asked and _on(query, conflict):
            return conflict.note
    return ""
