"""Sentences of a document, with where they came from (:func:`medcite.text.split_sentences`).

Every sentence is an exact substring of its section text, so citations can always be checked
against the source.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from medcite.records import Document
from medcite.text import split_sentences


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
        for text in split_sentences(section.text):
            yield Sentence(text, doc.id, section.label, section.category, position)
            position += 1
