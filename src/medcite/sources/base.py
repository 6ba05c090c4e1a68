"""What every retrieval backend is: the :class:`Retriever` protocol, and helpers they share.

A retriever turns an understood :class:`~medcite.records.Query` into ranked
:class:`~medcite.records.Hit` records: ranks 1..n, scores descending, at most ``k``. The local
index (:class:`LocalRetriever`), PubMed and Europe PMC all pass the same contract test
(``tests/sources/test_contract.py``).
"""

from __future__ import annotations

import contextvars
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Protocol, TypeVar, runtime_checkable

from medcite.records import Document, Hit, Query

if TYPE_CHECKING:
    from medcite.index.protocol import SearchIndex

T = TypeVar("T")
RRF_K = 60
"""Reciprocal-rank-fusion constant: a list's top item scores 1/61, its 10th 1/70."""


@runtime_checkable
class Retriever(Protocol):
    """A retrieval backend: ranked hits for a query."""

    name: str

    def search(self, query: Query, k: int) -> list[Hit]: ...


@dataclass(frozen=True)
class Retrieval:
    """Hits plus every search made to find them (for the answer's "searched" list and audit)."""

    hits: list[Hit]
    searches: tuple[str, ...]


@runtime_checkable
class TracedRetriever(Retriever, Protocol):
    """A retriever that also reports the searches it made."""

    def retrieve(self, query: Query, k: int) -> Retrieval: ...


def query_text(query: Query) -> str:
    """The text a full-text backend should search: the prepared search text, else the question."""
    return query.search_text.strip() or query.question


class LocalRetriever:
    """The local tantivy index seen as a :class:`Retriever`."""

    name = "local"

    def __init__(self, index: SearchIndex, snippet_chars: int = 240) -> None:
        self._index = index
        self._snippet_chars = snippet_chars

    def search(self, query: Query, k: int) -> list[Hit]:
        return self.retrieve(query, k).hits

    def retrieve(self, query: Query, k: int) -> Retrieval:
        text = query_text(query)
        hits = self._index.search(text, k, self._snippet_chars)
        return Retrieval(hits, (f"local: {text}",))


def fuse(ranked_lists: Iterable[Sequence[str]], weights: Sequence[float] = ()) -> dict[str, float]:
    """Reciprocal rank fusion of ranked id lists (list ``i`` weighted by ``weights[i]``, else 1)."""
    scores: dict[str, float] = {}
    for number, ids in enumerate(ranked_lists):
        weight = weights[number] if number < len(weights) else 1.0
        for rank, item in enumerate(dict.fromkeys(ids), start=1):
            scores[item] = scores.get(item, 0.0) + weight / (RRF_K + rank)
    return scores


def fuse_scores(
    scored_lists: Iterable[Sequence[tuple[str, float]]], weights: Sequence[float] = ()
) -> dict[str, float]:
    """Score-aware fusion (CombSUM of min-max normalised scores) of (id, score) lists, best
    first: in each list the best hit counts 1 and the last 0, and an id's fused value is the
    weighted sum over the lists that hold it (list ``i`` weighted by ``weights[i]``, else 1).

    Unlike :func:`fuse`, a decisive lead survives fusion: when one search's best hit scores far
    above the rest (a question worded like one abstract) it stays first, whereas reciprocal
    rank fusion gives a rank-1 hit the same credit however far it leads, so a second search's
    top hits, near ties in their own list, climb over it. A list of one hit counts it 1."""
    scores: dict[str, float] = {}
    for number, pairs in enumerate(scored_lists):
        if not pairs:
            continue
        weight = weights[number] if number < len(weights) else 1.0
        firsts = dict(reversed(pairs))  # an id listed twice keeps its first (best) score
        best, low = max(firsts.values()), min(firsts.values())
        span = best - low
        for item, score in firsts.items():
            share = (score - low) / span if span > 0 else 1.0
            scores[item] = scores.get(item, 0.0) + weight * share
    return scores


def top(scores: Mapping[str, float], k: int) -> list[tuple[str, float]]:
    """The ``k`` best (id, score) pairs: score descending, ties broken by id (stable)."""
    return sorted(scores.items(), key=lambda item: (-item[1], item[0]))[:k]


def make_hits(ranked: Sequence[tuple[Document, float]], snippet_chars: int = 240) -> list[Hit]:
    """Hits ranked 1..n in the given order (callers pass scores in descending order)."""
    return [
        Hit(document=doc, score=round(score, 6), rank=rank, snippet=snippet(doc, snippet_chars))
        for rank, (doc, score) in enumerate(ranked, start=1)
    ]


def snippet(doc: Document, chars: int) -> str:
    """The start of the abstract (else the title), cut at a word boundary."""
    text = " ".join((doc.abstract or doc.title).split())
    if len(text) <= chars:
        return text
    cut = text[:chars].rsplit(" ", 1)[0]
    return cut + " …"


def timestamp(seconds: float) -> datetime:
    """A UTC datetime for ``seconds`` since the epoch (``Document.fetched_at``)."""
    return datetime.fromtimestamp(seconds, tz=UTC)


def parallel(calls: Sequence[Callable[[], T]]) -> list[T]:
    """Run ``calls`` concurrently (threads: the work is network-bound); results in call order.

    The first exception is re-raised after every call has finished. Each call runs in a copy of
    the caller's context, so the question's deadline (:func:`medcite.sources.http.deadline_scope`)
    holds in every thread.
    """
    if len(calls) <= 1:
        return [call() for call in calls]
    with ThreadPoolExecutor(max_workers=len(calls), thread_name_prefix="medcite-io") as pool:
        futures = [pool.submit(contextvars.copy_context().run, call) for call in calls]
    return [future.result() for future in futures]
