"""Sentence segmentation for abstracts and guideline pages.

Splits after ``.``, ``!`` or ``?`` followed by space and an upper-case letter, digit or opening
bracket, except after abbreviations (``e.g.``, ``i.e.``, ``et al.``, ``Dr.``, ``vs.``, ``Fig.``,
``No.``), single-letter initials (``J. Smith``) and inside decimals (``0.05`` has no space). A
leading structured-abstract label ("RESULTS:") is not part of the sentence. Every sentence is an
exact substring of its section text, so citations can always be checked against the source.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from medcite.records import Document

_BOUNDARY = re.compile(r"(?<=[.!?])[\"')\]]?\s+(?=[\"'(\[]?[A-Z0-9])")
_ABBREVIATIONS = frozenset(
    """e.g i.e et al etc vs dr mr mrs ms prof fig figs no nos approx ca cf st jr sr inc ltd
    co dept univ vol pp ed eds resp min max mg ml kg dl mmol ref refs var spp sp""".split()
)
_LABEL = re.compile(r"^[A-Z][A-Z &/-]{2,40}:\s+")
_TRAILING_WORD = re.compile(r"([A-Za-z][A-Za-z.]*)\.$")


@dataclass(frozen=True)
class Sentence:
    """One sentence of a document, with where it came from."""

    text: str
    document_id: str
    section_label: str | None
    section_category: str | None
    position: int
    """Index of the sentence within its document."""


def _ends_with_abbreviation(fragment: str) -> bool:
    match = _TRAILING_WORD.search(fragment)
    if not match:
        return False
    word = match.group(1)
    if len(word) == 1 and word.isupper():
        return True  # an initial: "J. Smith"
    return word.lower().rstrip(".") in _ABBREVIATIONS or word.lower() in _ABBREVIATIONS


def split_sentences(text: str) -> list[str]:
    """Sentences of ``text``, each an exact (stripped) substring of it."""
    text = _LABEL.sub("", text.strip())
    pieces: list[str] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        candidate = text[start : match.start()].strip()
        if _ends_with_abbreviation(candidate):
            continue
        pieces.append(text[start : match.end()].strip())
        start = match.end()
    tail = text[start:].strip()
    if tail:
        pieces.append(tail)
    return [p for p in pieces if p]


def document_sentences(doc: Document) -> Iterator[Sentence]:
    """Every sentence of ``doc``'s abstract or answer text, in order."""
    position = 0
    for section in doc.sections:
        for text in split_sentences(section.text):
            yield Sentence(text, doc.id, section.label, section.category, position)
            position += 1
