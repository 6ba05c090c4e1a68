"""Statements about the vaccine a question asks of, not another one its pages also name.

A page on pneumonia says what the pneumococcal vaccine does and, a line later, that "the vaccine
that helps prevent the flu is good for 1 year"; a page on tetanus lists the childhood schedule.
For a question about one vaccine, a statement about a vaccine against another disease only (and
not the one asked) is no answer, and read under *Prevention* or *Dosage* it tells the wrong
schedule.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from medcite.answer.extract import Candidate
from medcite.answer.segment import document_sentences
from medcite.query.concepts import is_vaccine
from medcite.records import Query
from medcite.text import any_whole_word as _rx

PREVENTED: tuple[re.Pattern[str], ...] = (
    _rx(r"flu|influenza"),
    _rx(r"shingles|(?:herpes )?zoster"),
    _rx(r"measles|mumps|rubella|mmr"),
    _rx(r"chicken ?pox|varicella"),
    _rx(r"hpv|human papilloma ?virus\w*|cervical cancer"),
    _rx(r"hepatitis a|hep a"),
    _rx(r"hepatitis b|hep b"),
    _rx(r"tetanus|diphtheria|whooping cough|pertussis|tdap|dtap"),
    _rx(r"polio\w*"),
    _rx(r"rotavirus"),
    _rx(r"meningococc\w*|meningitis"),
    _rx(r"pneumococc\w*|pneumonia"),
    _rx(r"covid(?:-19)?|coronavirus|sars-cov-2"),
    _rx(r"rabies"),
    _rx(r"typhoid"),
    _rx(r"yellow fever"),
    _rx(r"rsv|respiratory syncytial virus"),
    _rx(r"hib|ha?emophilus influenzae(?: type b)?"),
)
"""The diseases vaccines are given against, one pattern per vaccine (a combined vaccine's
diseases together: the tetanus shot is also the one against diphtheria and whooping cough)."""
_ABOUT_A_VACCINE = _rx(r"vaccin\w*|shots?|jabs?|immuni[sz]\w*|boosters?")
_SAME_VACCINE = re.compile(
    r"^(?:(?:the|this|that|these|those) (?:vaccines?|shots?|jabs?)|it|they)\b", re.IGNORECASE
)
"""A statement that takes its vaccine from the sentence before ("The vaccine is recommended for
all children younger than 5", after one on the Hib vaccine)."""


def _prevented(text: str) -> frozenset[int]:
    return frozenset(i for i, pattern in enumerate(PREVENTED) if pattern.search(text))


def of_the_asked_vaccine(query: Query, cands: Sequence[Candidate]) -> list[Candidate]:
    """``cands`` without the statements about a vaccine against other diseases only (by name,
    or as "the vaccine" right after a sentence naming one), when the question's topic is a
    vaccine and the question or the topic names what it prevents; every statement for any
    other question."""
    topics = query.primary_topics
    if not any(is_vaccine(c) for c in topics):
        return list(cands)
    asked = _prevented(" ".join([query.question, *(c.name for c in topics)]))
    if not asked:
        return list(cands)
    before: dict[str, dict[int, str]] = {}
    kept = []
    for cand in cands:
        text = cand.sentence.text
        if _of_another_vaccine(text, asked):
            continue
        if _refers_back(text):
            doc = cand.evidence.hit.document
            if doc.id not in before:
                before[doc.id] = {s.position: s.text for s in document_sentences(doc)}
            if _of_another_vaccine(_antecedent(before[doc.id], cand.sentence.position), asked):
                continue
        kept.append(cand)
    return kept


def _refers_back(text: str) -> bool:
    return bool(_SAME_VACCINE.match(text)) and not _prevented(text)


def _antecedent(sentences: dict[int, str], position: int) -> str:
    """The nearest sentence before ``position`` that names its vaccine itself (a run of "The
    vaccine …" sentences all take theirs from the one before the run)."""
    position -= 1
    while position in sentences and _refers_back(sentences[position]):
        position -= 1
    return sentences.get(position, "")


def _of_another_vaccine(text: str, asked: frozenset[int]) -> bool:
    if not _ABOUT_A_VACCINE.search(text):
        return False
    named = _prevented(text)
    return bool(named) and not named & asked
