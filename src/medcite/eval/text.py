"""Small text helpers shared by the evaluation metrics and baselines: words, sentences.

They are deliberately simple and deterministic so that metric values can be computed by hand in
tests: words are lower-cased ``\\w+`` runs, content words drop a short stopword list and a plural
``s``, sentences end at ``.``, ``!`` or ``?`` followed by white space and an upper-case letter,
digit or opening bracket/quote.
"""

from __future__ import annotations

import re

from medcite.index.tantivy_index import STOPWORDS

_WORD = re.compile(r"\w+")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"')\]]*\s+(?=[A-Z0-9(\[\"'])")
_CITATION_MARK = re.compile(r"\s*\[\d+(?:\s*[,-]\s*\d+)*\]")
_SPACE = re.compile(r"\s+")
_ABBREVIATIONS = ("e.g.", "i.e.", "et al.", "vs.", "Dr.", "Fig.", "approx.", "No.")
_MIN_PLURAL_STEM = 3


def words(text: str) -> list[str]:
    """Lower-cased word tokens of ``text``."""
    return _WORD.findall(text.lower())


def normalise_word(word: str) -> str:
    """A crude stem: drop one plural ``s`` (``cells`` → ``cell``; ``virus`` stays)."""
    if len(word) > _MIN_PLURAL_STEM and word.endswith("s") and not word.endswith(("ss", "us")):
        return word[:-1]
    return word


def content_words(text: str) -> set[str]:
    """Distinct content words of ``text``: stopwords and one-letter tokens removed, plurals cut."""
    return {normalise_word(w) for w in words(text) if len(w) > 1 and w not in STOPWORDS}


def split_sentences(text: str) -> list[str]:
    """Split ``text`` into sentences (white space inside each sentence kept verbatim)."""
    sentences: list[str] = []
    for paragraph in re.split(r"\n\s*\n", text):
        sentences.extend(_split_paragraph(paragraph.strip()))
    return [s for s in sentences if _WORD.search(s)]


def _split_paragraph(paragraph: str) -> list[str]:
    pieces: list[str] = []
    start = 0
    for match in _SENTENCE_END.finditer(paragraph):
        candidate = paragraph[start : match.start()]
        if candidate.endswith(_ABBREVIATIONS):
            continue
        pieces.append(candidate.strip())
        start = match.end()
    pieces.append(paragraph[start:].strip())
    return [p for p in pieces if p]


def strip_citation_marks(text: str) -> str:
    """Remove ``[1]``, ``[2, 3]``, ``[4-6]`` markers (reference answers written with citations)."""
    return _CITATION_MARK.sub("", text)


def squash(text: str) -> str:
    """Collapse every run of white space to one space and strip the ends."""
    return _SPACE.sub(" ", text).strip()
