"""Comparing sentences by their content-word stems (:func:`medcite.text.stems`)."""

from __future__ import annotations


def phrase_in(phrase: frozenset[str], sentence: frozenset[str]) -> bool:
    """True when every content stem of a phrase occurs in the sentence."""
    return bool(phrase) and phrase <= sentence


def similarity(a: frozenset[str], b: frozenset[str]) -> float:
    """max(Jaccard, 0.8 × containment of the smaller set): near-duplicate measure in [0, 1]."""
    if not a or not b:
        return 0.0
    common = len(a & b)
    return max(common / len(a | b), 0.8 * common / min(len(a), len(b)))
