"""Content-word stems (tantivy's English stemmer, as the index uses) for matching sentences."""

from __future__ import annotations

from functools import lru_cache

from medcite.index.tantivy_index import STEMMER, STOPWORDS

_EXTRA_STOP = frozenset({"also", "may", "can", "one", "use", "used", "using", "s", "t"})


@lru_cache(maxsize=65536)
def stems(text: str) -> frozenset[str]:
    """Stemmed content words of ``text`` (stop words and single characters dropped)."""
    return frozenset(
        t
        for t in STEMMER.analyze(text)
        if len(t) > 1 and t not in STOPWORDS and t not in _EXTRA_STOP
    )


def phrase_in(phrase: frozenset[str], sentence: frozenset[str]) -> bool:
    """True when every content stem of a phrase occurs in the sentence."""
    return bool(phrase) and phrase <= sentence


def similarity(a: frozenset[str], b: frozenset[str]) -> float:
    """max(Jaccard, 0.8 × containment of the smaller set): near-duplicate measure in [0, 1]."""
    if not a or not b:
        return 0.0
    common = len(a & b)
    return max(common / len(a | b), 0.8 * common / min(len(a), len(b)))
