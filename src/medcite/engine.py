"""The library API: one object that wires medcite's stages together.

>>> from medcite import Engine
>>> engine = Engine("/tmp/medcite-index")              # doctest: +SKIP
>>> engine.ingest(["pubmed21n1298.xml.gz"])            # doctest: +SKIP
>>> engine.search("hemifacial spasm botulinum toxin")  # doctest: +SKIP

The CLI and the server are thin shells over this class.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from medcite.config import Settings
from medcite.errors import IndexMissingError, InputError, SourceError, StoreError
from medcite.index.integrity import short, sqlite_problem
from medcite.index.sharded import RAY_ADDRESS_ENV, create_or_open_index, open_index
from medcite.records import Answer, Document, Hit, IndexStats, IngestReport, Source

if TYPE_CHECKING:
    from collections.abc import Callable

    from medcite.answer.compose import SentenceRelevance
    from medcite.answer.pipeline import Pipeline
    from medcite.answer.synthesize import Synthesizer
    from medcite.evidence.topic import TopicJudge
    from medcite.index.protocol import SearchIndex
    from medcite.index.retriever import DenseSearch, TieredRetriever
    from medcite.ingest.pipeline import IngestProgress
    from medcite.query.vocab import Vocabulary
    from medcite.records import Evidence, Query
    from medcite.semantic.model import Embedder, Vectors
    from medcite.semantic.store import DenseStore, EmbedProgress
    from medcite.sources.live import LiveSearch

    Progress = Callable[[str], None]

log = logging.getLogger(__name__)

TOPIC_SOURCES = (Source.MEDQUAD, Source.MEDLINEPLUS)
"""Sources whose pages are about a named topic with synonyms, read into the vocabulary."""


class Engine:
    """Ingest, search and answer over one local index (plus live sources on request).

    Opening is lazy: constructing an Engine touches no files, so it is cheap and never fails; the
    index is opened on first use and a missing or outdated index raises a clear error then.
    """

    def __init__(self, index_path: str | Path | None = None, settings: Settings | None = None):
        base = settings or Settings()
        if index_path is not None:
            base = base.model_copy(update={"index": Path(index_path)})
        self.settings = base
        self._index: SearchIndex | None = None
        self._vocabulary: Vocabulary | None = None
        self._live: LiveSearch | None = None
        self._synthesis: Synthesizer | None = None
        self._live_lock = threading.Lock()
        self._judge: TopicJudge | None = None
        self._vectors: dict[str, Vectors] = {}

    @property
    def index_path(self) -> Path:
        return self.settings.index

    def _open(self) -> SearchIndex:
        if self._index is None:
            self._index = open_index(self.index_path, os.environ.get(RAY_ADDRESS_ENV))
        return self._index

    def ingest(
        self,
        paths: Iterable[str | Path],
        progress: IngestProgress | None = None,
        embed_progress: EmbedProgress | None = None,
        *,
        workers: int = 0,
        ray_address: str | None = None,
        shards: int | None = None,
    ) -> IngestReport:
        """Stream the files (or directories, archives) at ``paths`` into the index, then bring
        the dense store up to date (when ``settings.semantic`` is on and the model installed).

        ``progress`` receives per-file progress and ``embed_progress`` the embedding's (the CLI
        draws progress bars from them). ``workers`` > 0 parses in that many local processes,
        ``ray_address`` in Ray tasks on that cluster (:mod:`medcite.scale.ingest`); ``shards``
        creates a new index with that many shards (an existing index keeps its count).
        """
        from medcite.ingest import pipeline, reader
        from medcite.scale.ingest import WriterSettings, ingest_parallel, prepare_layout
        from medcite.semantic.build import after_ingest

        files = list(reader.expand([Path(p) for p in paths]))
        if not files:
            raise InputError("nothing to ingest: no files found under the given paths")
        layout = prepare_layout(self.index_path, shards)
        conf = self.settings.index_settings
        if workers or ray_address:
            writing = WriterSettings(conf.writer_heap_mb, conf.writer_threads, conf.commit_every)
            report = ingest_parallel(
                layout, files, writing, progress, workers=workers, ray_address=ray_address
            )
            index = open_index(self.index_path, os.environ.get(RAY_ADDRESS_ENV))
        else:
            index = create_or_open_index(self.index_path)
            writer = index.writer(conf.writer_heap_mb, conf.writer_threads)
            try:
                report = pipeline.ingest_paths(writer, files, conf.commit_every, progress)
            finally:
                writer.close()
        self._index = index
        self._dense: DenseStore | None = after_ingest(index, self.settings.semantic, embed_progress)
        return report

    def dense(self) -> DenseStore | None:
        """The dense (embedding) store beside the index, or None when none was built
        (opened once; ingest replaces it with the updated store)."""
        from medcite.semantic.store import DenseStore

        if not hasattr(self, "_dense"):
            self._dense = DenseStore.open(self.index_path)
        return self._dense

    def search(self, query: str, k: int = 10) -> list[Hit]:
        """Rank documents for ``query`` by BM25 over title, abstract, MeSH, keywords and focus."""
        conf = self.settings.search
        _check_query(query, conf.max_query_chars)
        if not 1 <= k <= conf.max_k:
            raise InputError(f"k must be between 1 and {conf.max_k}, got {k}")
        return self._open().search(query, k, conf.snippet_chars)

    def get(self, doc_id: str) -> Document | None:
        """The stored document with this id (``pmid:123``, ``medquad:...``), or None."""
        return self._open().get(doc_id)

    def stats(self) -> IndexStats:
        """Document counts by source, publication type and year, and size on disk."""
        return self._open().stats()

    def verify(self) -> None:
        """Check every index file against its checksum (reads the whole index, ~1 GB/s); raise
        :class:`medcite.errors.IndexCorruptError` naming the first damaged file. tantivy checks
        no checksum when it reads, so bytes changed inside a file can otherwise go unnoticed."""
        self._open().verify()

    # --- answers ----------------------------------------------------------------------------

    @property
    def vocabulary_path(self) -> Path:
        return self.index_path / "vocab.sqlite"

    def vocabulary(self) -> Vocabulary:
        """The clinical vocabulary beside the index (lay terms only until ``vocab load``)."""
        from medcite.query.vocab import Vocabulary

        if self._vocabulary is None:
            self._vocabulary = Vocabulary(self.vocabulary_path)
        return self._vocabulary

    def load_vocabulary(
        self, mesh_terms: str | Path, mesh_trees: str | Path | None = None
    ) -> dict[str, int]:
        """Store MeSH entry terms (and the topic names and synonyms of MedQuAD pages and
        MedlinePlus health topics — their "also called" names — from the index) beside the index.
        Both sources' topics are loaded together as topic synonyms (origin ``medquad``)."""
        from medcite.query import vocab

        index = self._open()  # no vocabulary beside something that is not an index
        trees = Path(mesh_trees) if mesh_trees else None
        with self._vocabulary_faults():
            counts = {"mesh": vocab.load_mesh_terms(self.vocabulary_path, Path(mesh_terms), trees)}
            pairs = (
                (name, doc.focus)
                for source in TOPIC_SOURCES
                for doc in index.documents(source)
                if doc.focus
                for name in (doc.focus, *doc.synonyms)
            )
            counts["medquad"] = vocab.load_synonyms(self.vocabulary_path, pairs, "medquad")
        self._vocabulary = None
        self._judge = None
        return counts

    @contextmanager
    def _vocabulary_faults(self) -> Iterator[None]:
        """SQLite errors from the vocabulary (the one store read without its own error
        handling on every question) become a one-line :class:`StoreError` naming the file."""
        try:
            yield
        except sqlite3.Error as exc:
            raise StoreError(self._vocabulary_message(exc)) from exc

    def _vocabulary_message(self, exc: sqlite3.Error) -> str:
        path = self.vocabulary_path
        from medcite.query.vocab import LOAD_COMMAND

        rebuild = f"rebuild it with `{LOAD_COMMAND}` (your index is not affected)"
        problem = sqlite_problem(path)
        if problem is not None:
            return f"the vocabulary {path} is damaged ({problem}); {rebuild}"
        return (
            f"the vocabulary {path} could not be read or written ({short(exc)}): free disk space "
            f"or make the index folder writable, or {rebuild}"
        )

    def understand(self, question: str) -> Query:
        """The question as understood: focus, facets, concepts, clinical expansions, red flags."""
        from medcite.answer.safety import detect_red_flags
        from medcite.query.understand import understand

        _check_query(question, self.settings.search.max_query_chars)
        from medcite.query.drugs import generic_words
        from medcite.query.lookups import lookups

        with self._vocabulary_faults():
            query = understand(
                question.strip(),
                self.vocabulary(),
                self._indexed_word,
                lookups(question),
                generic_words(),
                frequency=self._document_count,
            )
        return query.model_copy(update={"red_flags": detect_red_flags(question)})

    def _indexed_word(self, word: str) -> bool:
        """True when ``word`` occurs in at least MIN_KNOWN_DOCS indexed documents (the spelling
        corrector leaves such words alone); without an index every word counts as known."""
        found = self._counted(word, MIN_KNOWN_DOCS)
        return found is None or found >= MIN_KNOWN_DOCS

    def _document_count(self, word: str) -> int:
        """In how many indexed documents ``word`` (its stem) occurs, up to MAX_COUNTED_DOCS; 0
        without an index."""
        return self._counted(word, MAX_COUNTED_DOCS) or 0

    def _counted(self, word: str, cap: int) -> int | None:
        """In how many indexed documents ``word`` occurs, counting up to ``cap``; None without
        an index."""
        try:
            return len(self._open().search(word, cap, details=False))
        except IndexMissingError:
            return None

    def retriever(self) -> TieredRetriever:
        """The local retriever (guideline pages + research, lexical and, when built, dense)."""
        from medcite.index.retriever import TieredRetriever
        from medcite.query.understand import evidence_question, page_types

        conf = self.settings.answer
        return TieredRetriever(
            self._open(),
            guideline_k=conf.guideline_k,
            research_k=conf.research_k,
            page_types=page_types,
            dense=self._dense_search(),
            weights=conf.fusion,
            asks_evidence=evidence_question,
        )

    def _dense_search(self) -> DenseSearch | None:
        """Dense search over the store beside the index, or None (no store, or no model)."""
        embedder = self._embedder()
        store = self.dense() if embedder is not None else None
        if embedder is None or store is None:
            return None

        def search(text: str, k: int, sources: tuple[str, ...]) -> list[tuple[str, float]]:
            return store.search(self._question_vector(embedder, text), k, sources)

        return search

    def _embedder(self) -> Embedder | None:
        """The sentence-embedding model, or None (disabled in settings, or not installed)."""
        from medcite.semantic.model import available, load_embedder

        if not self.settings.semantic.enabled or not available():
            return None
        return load_embedder(self.settings.semantic)

    def _question_vector(self, embedder: Embedder, text: str) -> Vectors:
        """The question's embedding, computed once per question (both tiers' dense searches and
        the sentence scoring use it); a small bounded cache."""
        vector = self._vectors.get(text)
        if vector is None:
            vector = embedder.embed([text])[0]
            if len(self._vectors) >= QUESTION_VECTORS:
                self._vectors.pop(next(iter(self._vectors)))
            self._vectors[text] = vector
        return vector

    def _sentence_relevance(self) -> SentenceRelevance | None:
        """Question ↔ sentence similarity by the embedding model (None without the model)."""
        embedder = self._embedder()
        if embedder is None or not self.settings.answer.semantic_sentences:
            return None

        def relevance(question: str, sentences: Sequence[str]) -> list[float]:
            vectors = embedder.embed(list(sentences))
            return [float(v) for v in vectors @ self._question_vector(embedder, question)]

        return relevance

    def semantic_status(self) -> str:
        """One line: whether dense retrieval and semantic sentence ranking are on, and why not."""
        from medcite.semantic.model import unavailable_reason

        if not self.settings.semantic.enabled:
            return "semantic ranking: off (settings: semantic.enabled = false); BM25 only"
        reason = unavailable_reason()
        if reason is not None:
            return f"semantic ranking: off ({reason}); BM25 only"
        store = self.dense()
        dense = f"dense retrieval over {len(store):,} documents" if store else "no dense store"
        return f"semantic ranking: on (sentence similarity; {dense})"

    def topic_judge(self) -> TopicJudge:
        """Decides which documents are about a question's concepts (the topic gate)."""
        from medcite.evidence.topic import TopicJudge

        if self._judge is None:
            self._judge = TopicJudge(self.vocabulary())
        return self._judge

    def live(self, refresh: bool = False) -> LiveSearch:
        """PubMed + Europe PMC; every document fetched is written into this index."""
        from medcite.sources.live import build_live_search

        with self._live_lock:
            if self._live is None or refresh:
                if self._live is not None:
                    self._live.close()
                index = create_or_open_index(self.index_path)
                self._live = build_live_search(
                    self.settings.live, index=index, env=os.environ, refresh=refresh
                )
                self._index = None  # reopen: live results are written into the index
            return self._live

    def retrieve(
        self, query: Query, source: str = "local", refresh: bool = False
    ) -> tuple[list[Hit], tuple[str, ...], str | None]:
        """Hits, the searches made and a note about degraded sources, for ``query``.

        ``source``: ``local`` (the index), ``live`` (PubMed + Europe PMC, written back into the
        index) or ``auto`` (both; the local index alone, with a note, when live sources fail).
        """
        if source not in SOURCES:
            raise InputError(f"unknown source {source!r}; use local, live or auto")
        hits: list[Hit] = []
        searched: tuple[str, ...] = ()
        if source != "live":
            try:
                found = self.retriever().retrieve(query, self.settings.answer.research_k)
                hits, searched = found.hits, found.searches
            except IndexMissingError:
                if source == "local":
                    raise
        if source == "local":
            return hits, searched, None
        live = self.live(refresh).search(query, self.settings.answer.research_k)
        if source == "live" and live.all_failed:
            raise SourceError(f"{live.note} Try --source auto or --source local.")
        return _merged(hits, live.hits), searched + live.searches, live.note

    @property
    def audit_path(self) -> Path:
        return self.settings.audit_log or self.index_path / "audit.sqlite3"

    def record(self, answer: Answer, hits: Sequence[Hit]) -> None:
        """Write ``answer`` to the audit log (question, settings, searches, cited versions)."""
        if not self.settings.audit:
            return
        if self.settings.audit_log is None and not _writable(self.audit_path):
            log.warning(
                "the index folder %s is read-only: this answer is not recorded in the audit log "
                "(set MEDCITE_AUDIT_LOG to a writable file to record answers)",
                self.index_path,
            )
            return
        from medcite.audit import AuditLog, document_version

        docs = {h.document.id: h.document for h in hits}
        cited = [docs[r.document_id] for r in answer.references if r.document_id in docs]
        AuditLog(self.audit_path).record(
            answer.model_dump_json(),
            answer.question,
            self.settings.model_dump(mode="json"),
            answer.searched,
            [(d.id, document_version(d)) for d in cited],
        )

    def replay(self, answer_id: str) -> Answer:
        """A stored answer from the audit log, exactly as it was given (offline)."""
        from medcite.audit import AuditLog

        return Answer.model_validate_json(AuditLog(self.audit_path).get(answer_id))

    def close(self) -> None:
        """Release network clients (live sources, the language model)."""
        if self._live is not None:
            self._live.close()
            self._live = None
        if self._synthesis is not None:
            self._synthesis.close()
            self._synthesis = None

    def pipeline(self) -> Pipeline:
        """The answer pipeline built from this engine's stages (see ``answer.pipeline``)."""
        from medcite.answer.compose import ComposeInput, compose
        from medcite.answer.pipeline import Pipeline, Retrieved, Stages
        from medcite.evidence.rank import rank
        from medcite.evidence.topic import gate

        judge = self.topic_judge()
        relevance = self._sentence_relevance()
        limit = self.settings.answer.semantic_sentences

        notes = (self.semantic_status(),)

        def retrieve(query: Query, source: str, refresh: bool) -> Retrieved:
            return Retrieved(*self.retrieve(query, source, refresh))

        def composed(inp: ComposeInput, evidence: Sequence[Evidence]) -> Answer:
            years = self.settings.answer.old_evidence_years
            inp = replace(inp, notes=notes, old_evidence_years=years)
            return compose(inp, evidence, relevance, limit)

        return Pipeline(
            Stages(
                understand=self.understand,
                retrieve=retrieve,
                rank=rank,
                gate=lambda query, evidence: gate(query, evidence, judge),
                compose=composed,
                record=self.record,
                synthesize=self._synthesizer() if self.settings.llm.configured else None,
            )
        )

    def _synthesizer(self) -> Synthesizer:
        """The language-model stage, one per engine (its client learns the endpoint once)."""
        from medcite.answer.synthesize import Synthesizer

        if self._synthesis is None:
            self._synthesis = Synthesizer(self.settings.llm, self._embedder())
        return self._synthesis

    def ask(
        self,
        question: str,
        *,
        source: str = "local",
        refresh: bool = False,
        max_refs: int = 12,
        progress: Progress | None = None,
        detail: bool = False,
        llm: bool | None = None,
        composed: Callable[[Answer], None] | None = None,
    ) -> Answer:
        """A cited, evidence-ranked answer to ``question`` (extractive; see DESIGN.md).

        ``llm`` adds the language model's synthesis, every claim verified (default:
        ``settings.llm.enabled``); asking for it without a configured endpoint is an input error.
        ``composed`` receives the extractive answer before the synthesis starts (the server
        streams it while the model writes; see ``Pipeline.ask``).

        ``source`` is ``local``, ``live`` or ``auto`` (see :meth:`retrieve`). ``detail`` gives
        the long form (every bullet found) instead of the default body of at most
        ``answer.compose.BODY_WORDS`` words. Every answer is recorded in the audit log unless
        ``settings.audit`` is off.
        """
        if source not in SOURCES:
            raise InputError(f"unknown source {source!r}; use local, live or auto")
        synthesize = self.settings.llm.enabled if llm is None else llm
        if synthesize and not self.settings.llm.configured:
            from medcite.llm.errors import NOT_CONFIGURED, LLMNotConfiguredError

            raise LLMNotConfiguredError(NOT_CONFIGURED)
        with self._vocabulary_faults():
            return self.pipeline().ask(
                question,
                source=source,
                refresh=refresh,
                max_refs=max_refs,
                progress=progress,
                detail=detail,
                llm=synthesize,
                composed=composed,
            )


SOURCES = ("local", "live", "auto")
QUESTION_VECTORS = 256
"""Question embeddings kept per engine (a repeated question is not embedded again)."""
MIN_KNOWN_DOCS = 3
"""A word found in fewer documents may be a typo (abstracts have them too, and surnames such as
"Ricketts" sit one letter from a disease): the spelling corrector may still correct it."""
MAX_COUNTED_DOCS = 500
"""Documents counted for a word's frequency (spelling correction needs no more)."""


def _merged(local: list[Hit], live: list[Hit]) -> list[Hit]:
    """Local hits, then live ones not already there, rescaled to the BM25 range."""
    seen = {h.document.id for h in local}
    scale = max((h.score for h in local), default=1.0) / max((h.score for h in live), default=1.0)
    extra = [
        h.model_copy(update={"score": h.score * scale}) for h in live if h.document.id not in seen
    ]
    return local + extra


def _writable(file: Path) -> bool:
    """Whether SQLite can write ``file`` (and its journal beside it)."""
    folder_ok = os.access(file.parent, os.W_OK)
    return folder_ok and (not file.exists() or os.access(file, os.W_OK))


def _check_query(query: str, max_chars: int) -> None:
    if not query or not query.strip():
        raise InputError(
            "the question is empty; type a question, e.g. 'What causes facial twitches?'"
        )
    if len(query) > max_chars:
        raise InputError(
            f"the question is {len(query):,} characters long; shorten it to at most {max_chars:,}"
        )
    try:
        query.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise InputError(
            f"the question contains a character that is not valid text (position {exc.start + 1}, "
            "a lone surrogate); remove it and ask again"
        ) from None
