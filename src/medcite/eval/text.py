"""Evaluation text helpers: reference answers as sentences, citation marks removed.

Words, content words and the sentence splitter itself are :mod:`medcite.text`'s, shared with the
index, the query and the answer stages.
"""

from __future__ import annotations

import re

from medcite import text as shared

_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
_WORD = re.compile(r"\w")
_CITATION_MARK = re.compile(r"\s*\[\d+(?:\s*[,-]\s*\d+)*\]")


def split_sentences(text: str) -> list[str]:
    """Sentences of ``text``, paragraph by paragraph (blank lines always end a sentence); each is
    an exact substring, and pieces without a word character are dropped."""
    sentences: list[str] = []
    for paragraph in _PARAGRAPH_BREAK.split(text):
        sentences.extend(shared.split_sentences(paragraph))
    return [s for s in sentences if _WORD.search(s)]


def strip_citation_marks(text: str) -> str:
    """Remove ``[1]``, ``[2, 3]``, ``[4-6]`` markers (reference answers written with citations)."""
    return _CITATION_MARK.sub("", text)
