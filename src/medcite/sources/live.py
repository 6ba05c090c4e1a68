"""Live search: every remote source at once, merged, written back into the local index.

:class:`LiveSearch` runs its retrievers (PubMed, Europe PMC, and openFDA for a question naming a
drug) concurrently for one question, waits at most ``timeout_s``, fuses their ranked hits (a
record found by both appears once, under its ``pmid:`` id) and hands every fetched document to a
sink — normally :class:`IndexSink`, which
upserts them into the local index in one commit so later questions and replays work offline.

A source that fails or times out does not fail the search: its status says what happened and
:attr:`LiveResult.note` gives the line to show with the answer. The question's searches run under
a :class:`~medcite.sources.http.Deadline` made from ``timeout_s``: a request that could only get
a rate-limit slot after it is not sent (the source times out at once), and whatever is still
queued when the search returns is dropped, so a question that timed out does not go on using
the rate limit that later questions need. Documents of a failed source are
never written, and a failed write is rolled back, so a failed fetch leaves the index unchanged.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor, wait
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

import httpx

from medcite.errors import MedciteError, SourceError
from medcite.records import Document, Hit, Query
from medcite.sources.base import Retrieval, TracedRetriever, fuse, top
from medcite.sources.bookshelf import BookshelfRetriever
from medcite.sources.cache import ResponseCache
from medcite.sources.europepmc import EuropePmcRetriever
from medcite.sources.eutils import EUtils, eutils_service, ncbi_api_key
from medcite.sources.http import (
    Clock,
    Deadline,
    DeadlineExceededError,
    HttpClient,
    SystemClock,
    deadline_scope,
)
from medcite.sources.medlineplus import MedlinePlusRetriever
from medcite.sources.openfda import OpenFdaRetriever, openfda_api_key
from medcite.sources.pubmed import PubMedRetriever
from medcite.sources.settings import LiveSettings

if TYPE_CHECKING:
    from medcite.index.protocol import SearchIndex

log = logging.getLogger(__name__)

DocumentSink = Callable[[Sequence[Document]], None]
"""Receives every document a live search fetched (all at once, after the sources finished)."""

LABELS = {
    "pubmed": "PubMed",
    "europepmc": "Europe PMC",
    "openfda": "openFDA",
    "medlineplus": "MedlinePlus",
    "bookshelf": "NCBI Bookshelf",
    "local": "the local index",
}


class SourceState(StrEnum):
    OK = "ok"
    FAILED = "failed"
    TIMED_OUT = "timed out"


@dataclass(frozen=True)
class SourceStatus:
    """How one source did for one question."""

    source: str
    state: SourceState
    message: str | None = None
    hits: int = 0
    seconds: float = 0.0

    @property
    def label(self) -> str:
        return LABELS.get(self.source, self.source)


@dataclass(frozen=True)
class LiveResult:
    """Merged hits, what each source did, every search made, and what was stored."""

    hits: list[Hit]
    statuses: tuple[SourceStatus, ...]
    searches: tuple[str, ...]
    stored: int = 0
    store_error: str | None = None
    store_seconds: float = 0.0
    """Time spent writing the fetched documents into the local index."""

    @property
    def degraded(self) -> bool:
        """True when at least one source failed or timed out."""
        return any(s.state is not SourceState.OK for s in self.statuses)

    @property
    def all_failed(self) -> bool:
        return all(s.state is not SourceState.OK for s in self.statuses)

    @property
    def note(self) -> str | None:
        """One line for the answer when a source was missing (``Answer.sources_note``)."""
        bad = [s for s in self.statuses if s.state is not SourceState.OK]
        if not bad:
            return None
        what = "; ".join(f"{s.label} {s.state.value}: {s.message}" for s in bad)
        good = [s.label for s in self.statuses if s.state is SourceState.OK]
        rest = " and ".join(good) if good else "the local index"
        return f"{what}. This answer uses {rest} only."


class IndexSink:
    """Upserts documents into a local index in one commit; rolls back if anything fails.

    Writes are serialised (tantivy allows one writer per index), so one sink can be shared by
    concurrent searches.
    """

    def __init__(self, index: SearchIndex, heap_mb: int = 32, threads: int = 1) -> None:
        self._index = index
        self._heap_mb = heap_mb
        self._threads = threads
        self._lock = threading.Lock()

    def __call__(self, documents: Sequence[Document]) -> None:
        with self._lock:
            writer = self._index.writer(self._heap_mb, self._threads)
            try:
                for doc in documents:
                    writer.upsert(doc)
                writer.commit()
            except BaseException:
                writer.rollback()
                raise
            finally:
                writer.close()


@dataclass(frozen=True)
class _Outcome:
    status: SourceStatus
    retrieval: Retrieval | None = None


class LiveSearch:
    """Concurrent search of several remote sources, merged, stored, with per-source status."""

    def __init__(
        self,
        retrievers: Sequence[TracedRetriever],
        sink: DocumentSink | None = None,
        timeout_s: float = 30.0,
        now: Callable[[], datetime] | None = None,
        http: HttpClient | None = None,
        *,
        clock: Clock | None = None,
    ) -> None:
        self.retrievers = tuple(retrievers)
        self.timeout_s = timeout_s
        self._sink = sink
        self._now = now or (lambda: datetime.now(UTC))
        self._http = http
        self._clock: Clock = clock or (http.clock if http is not None else SystemClock())
        """The clock each question's deadline is set on (the HTTP layer's)."""

    def search(self, query: Query, k: int) -> LiveResult:
        """Up to ``k`` merged hits; every fetched document goes to the sink first."""
        outcomes = self._run(query, k)
        retrievals = [o.retrieval for o in outcomes if o.retrieval is not None]
        documents = self._documents(retrievals)
        started = time.perf_counter()
        stored, store_error = self._store(list(documents.values()))
        store_seconds = time.perf_counter() - started
        return LiveResult(
            hits=_fused_hits(retrievals, documents, k),
            statuses=tuple(o.status for o in outcomes),
            searches=tuple(s for r in retrievals for s in r.searches),
            stored=stored,
            store_error=store_error,
            store_seconds=store_seconds,
        )

    def close(self) -> None:
        if self._http is not None:
            self._http.close()

    def _run(self, query: Query, k: int) -> list[_Outcome]:
        active = [r for r in self.retrievers if _applies(r, query)]
        deadline = Deadline(self._clock.monotonic() + self.timeout_s, self.timeout_s)
        pool = ThreadPoolExecutor(len(active) or 1, thread_name_prefix="medcite-live")
        try:
            futures = [pool.submit(_timed, r, query, k, deadline) for r in active]
            wait(futures, timeout=self.timeout_s)
            return [self._outcome(r, f) for r, f in zip(active, futures, strict=True)]
        finally:
            deadline.cancel()  # what a timed-out source still has queued is dropped
            pool.shutdown(wait=False, cancel_futures=True)

    def _outcome(self, retriever: TracedRetriever, future: Future[_Outcome]) -> _Outcome:
        if not future.done():
            message = f"no answer within {self.timeout_s:.0f}s"
            log.warning("%s %s", retriever.name, message)
            return _Outcome(SourceStatus(retriever.name, SourceState.TIMED_OUT, message))
        return future.result()

    def _documents(self, retrievals: Sequence[Retrieval]) -> dict[str, Document]:
        """Each document once (the first source's copy, with any source's retraction flags)."""
        merged: dict[str, Document] = {}
        for retrieval in retrievals:
            for hit in retrieval.hits:
                doc = self._stamped(hit.document)
                merged[doc.id] = _merge(merged[doc.id], doc) if doc.id in merged else doc
        return merged

    def _stamped(self, doc: Document) -> Document:
        return doc if doc.fetched_at else doc.model_copy(update={"fetched_at": self._now()})

    def _store(self, documents: list[Document]) -> tuple[int, str | None]:
        if self._sink is None or not documents:
            return 0, None
        try:
            self._sink(documents)
        except (MedciteError, OSError, ValueError) as exc:
            log.warning("could not store %d live documents: %s", len(documents), exc)
            return 0, str(exc)
        return len(documents), None


def _fused_hits(
    retrievals: Sequence[Retrieval], documents: Mapping[str, Document], k: int
) -> list[Hit]:
    """The ``k`` best hits over all sources (reciprocal rank fusion), each once, ranked 1..k.

    A hit keeps the first source's snippet and matched fields; its document is the merged one.
    """
    first: dict[str, Hit] = {}
    for retrieval in retrievals:
        for hit in retrieval.hits:
            first.setdefault(hit.document.id, hit)
    ranked = top(fuse([h.document.id for h in r.hits] for r in retrievals), k)
    return [
        first[doc_id].model_copy(
            update={"document": documents[doc_id], "score": round(score, 6), "rank": rank}
        )
        for rank, (doc_id, score) in enumerate(ranked, start=1)
    ]


def _applies(retriever: TracedRetriever, query: Query) -> bool:
    """False for a source with nothing to say on ``query`` (openFDA on a question naming no
    drug): it is not asked and has no status."""
    applies = getattr(retriever, "applies", None)
    return applies is None or bool(applies(query))


def _timed(retriever: TracedRetriever, query: Query, k: int, deadline: Deadline) -> _Outcome:
    """Run one retriever under the question's deadline, turning a SourceError into a failed
    status and a request the deadline stopped into a timed-out one."""
    started = time.perf_counter()
    try:
        with deadline_scope(deadline):
            retrieval = retriever.retrieve(query, k)
    except DeadlineExceededError as exc:
        log.warning("%s timed out: %s", retriever.name, exc)
        message = f"no answer within {deadline.timeout_s:.0f}s ({exc.reason})"
        seconds = time.perf_counter() - started
        return _Outcome(SourceStatus(retriever.name, SourceState.TIMED_OUT, message, 0, seconds))
    except SourceError as exc:
        log.warning("%s failed: %s", retriever.name, exc)
        seconds = time.perf_counter() - started
        return _Outcome(SourceStatus(retriever.name, SourceState.FAILED, str(exc), 0, seconds))
    seconds = time.perf_counter() - started
    status = SourceStatus(retriever.name, SourceState.OK, None, len(retrieval.hits), seconds)
    return _Outcome(status, retrieval)


def _merge(first: Document, other: Document) -> Document:
    """``first``, plus ``other``'s retraction flags: a retraction seen anywhere counts."""
    if not other.is_retracted:
        return first
    return first.model_copy(
        update={
            "publication_types": tuple(
                dict.fromkeys([*first.publication_types, *other.publication_types])
            ),
            "retracted_by": tuple(dict.fromkeys([*first.retracted_by, *other.retracted_by])),
            "retraction_of": tuple(dict.fromkeys([*first.retraction_of, *other.retraction_of])),
        }
    )


def build_live_search(
    settings: LiveSettings,
    *,
    index: SearchIndex | None = None,
    env: Mapping[str, str] | None = None,
    refresh: bool = False,
    transport: httpx.BaseTransport | None = None,
    clock: Clock | None = None,
    cache_path: Path | None = None,
) -> LiveSearch:
    """A LiveSearch wired from settings: one HTTP client, cache, retrievers and index sink.

    ``env`` supplies ``NCBI_API_KEY`` and ``OPENFDA_API_KEY`` (pass ``os.environ``); ``index``
    receives every fetched document and lets PubMed refresh records it already holds with
    ESummary.
    """
    http = _http_client(settings, refresh, transport, clock, cache_path)
    retrievers: list[TracedRetriever] = []
    if "pubmed" in settings.sources:
        service = eutils_service(settings.pubmed, ncbi_api_key(env or {}))
        known = index.get if index is not None else None
        retrievers.append(PubMedRetriever(EUtils(http, service), settings.pubmed, known=known))
    if "europepmc" in settings.sources:
        retrievers.append(EuropePmcRetriever(http, settings.europepmc))
    if "openfda" in settings.sources:
        key = openfda_api_key(env or {})
        retrievers.append(OpenFdaRetriever(http, settings.openfda, key))
    if "medlineplus" in settings.sources:
        retrievers.append(MedlinePlusRetriever(http, settings.medlineplus))
    if "bookshelf" in settings.sources:
        eutils = eutils_service(settings.pubmed, ncbi_api_key(env or {}))
        retrievers.append(BookshelfRetriever(http, eutils, settings.bookshelf))
    sink = IndexSink(index) if index is not None else None
    now = lambda: datetime.fromtimestamp(http.clock.time(), tz=UTC)  # noqa: E731
    return LiveSearch(retrievers, sink, settings.timeout_s, now=now, http=http, clock=http.clock)


def _http_client(
    settings: LiveSettings,
    refresh: bool,
    transport: httpx.BaseTransport | None,
    clock: Clock | None,
    cache_path: Path | None,
) -> HttpClient:
    conf = settings.http
    clock = clock or SystemClock()
    cache = None
    if conf.cache:
        ttl = conf.cache_ttl_days * 86400
        cache = ResponseCache(cache_path or conf.cache_path, ttl, clock.time, refresh=refresh)
    return HttpClient(conf, cache=cache, transport=transport, clock=clock)
