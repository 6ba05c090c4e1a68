"""Sentences of a document, with where they came from (:func:`medcite.text.split_sentences`).

Every sentence is an exact substring of its section text, so citations can always be checked
against the source.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from medcite.records import AbstractSection, Document, Source
from medcite.text import split_sentences

UNASSIGNED = "UNASSIGNED"
"""PubMed's NlmCategory for a structured-abstract label it did not map to a category."""
_LABEL_CATEGORIES = (
    ("CONCLUSIONS", re.compile(r"conclu|interpretation|implication", re.I)),
    ("RESULTS", re.compile(r"result|finding|outcome", re.I)),
    (
        "METHODS",
        re.compile(
            r"method|design|setting|participant|patients|subjects|material|intervention|measure"
            r"|procedure|population|data sources?|study selection|data extraction",
            re.I,
        ),
    ),
    ("OBJECTIVE", re.compile(r"objective|aims?\b|purpose|goal|question", re.I)),
    ("BACKGROUND", re.compile(r"background|introduction|context|rationale", re.I)),
)
"""Label words → NLM category, first match wins ("RESULTS AND CONCLUSIONS" reads as conclusions)."""


@dataclass(frozen=True)
class Sentence:
    """One sentence of a document, with where it came from."""

    text: str
    document_id: str
    section_label: str | None
    section_category: str | None
    position: int
    """Index of the sentence within its document."""


def document_sentences(doc: Document) -> Iterator[Sentence]:
    """Every sentence of ``doc``'s abstract or answer text, in order."""
    position = 0
    for section in doc.sections:
        category = section_category(doc, section)
        for text in split_sentences(section.text):
            yield Sentence(text, doc.id, section.label, category, position)
            position += 1


def section_category(doc: Document, section: AbstractSection) -> str | None:
    """The section's NLM category (BACKGROUND, OBJECTIVE, METHODS, RESULTS, CONCLUSIONS); for a
    PubMed label that NLM left unmapped ("METHODS" with NlmCategory UNASSIGNED, or none given), the
    category its label words name, so a methods sentence is never read as a finding."""
    category = section.category
    if category not in (None, UNASSIGNED) or not section.label:
        return category
    if category is None and doc.source is not Source.PUBMED:
        return None  # a guideline page's own heading ("Causes") is no abstract label
    return next((c for c, words in _LABEL_CATEGORIES if words.search(section.label)), category)
