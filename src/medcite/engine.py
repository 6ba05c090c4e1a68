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
import threading
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from medcite.config import Settings
from medcite.errors import IndexMissingError, InputError, SourceError
from medcite.index.tantivy_index import TantivyIndex
from medcite.records import Answer, Document, Hit, IndexStats, IngestReport

if TYPE_CHECKING:
    from collections.abc import Callable

    from medcite.ingest.pipeline import IngestProgress
    from medcite.query.vocab import Vocabulary
    from medcite.records import Query
    from medcite.sources.live import LiveSearch

    Progress = Callable[[str], None]

log = logging.getLogger(__name__)


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
        self._index: TantivyIndex | None = None
        self._vocabulary: Vocabulary | None = None
        self._live: LiveSearch | None = None
        self._live_lock = threading.Lock()

    @property
    def index_path(self) -> Path:
        return self.settings.index

    def _open(self) -> TantivyIndex:
        if self._index is None:
            self._index = TantivyIndex.open(self.index_path)
        return self._index

    def ingest(
        self,
        paths: Iterable[str | Path],
        progress: IngestProgress | None = None,
    ) -> IngestReport:
        """Stream the files (or directories, archives) at ``paths`` into the index.

        ``progress`` receives per-file progress (the CLI draws a progress bar from it).
        """
        from medcite.ingest import pipeline, reader

        files = list(reader.expand([Path(p) for p in paths]))
        if not files:
            raise InputError("nothing to ingest: no files found under the given paths")
        index = TantivyIndex.create_or_open(self.index_path)
        conf = self.settings.index_settings
        writer = index.writer(conf.writer_heap_mb, conf.writer_threads)
        try:
            report = pipeline.ingest_paths(writer, files, conf.commit_every, progress)
        finally:
            writer.close()
        self._index = index
        return report

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
        """Store MeSH entry terms (and MedQuAD topic synonyms from the index) beside the index."""
        from medcite.query import vocab

        trees = Path(mesh_trees) if mesh_trees else None
        counts = {"mesh": vocab.load_mesh_terms(self.vocabulary_path, Path(mesh_terms), trees)}
        pairs = (
            (name, doc.focus)
            for doc in self._open().documents("medquad")
            if doc.focus
            for name in (doc.focus, *doc.synonyms)
        )
        counts["medquad"] = vocab.load_synonyms(self.vocabulary_path, pairs, "medquad")
        self._vocabulary = None
        return counts

    def understand(self, question: str) -> Query:
        """The question as understood: focus, facets, clinical expansions, red flags."""
        from medcite.answer.safety import detect_red_flags
        from medcite.query.understand import understand

        _check_query(question, self.settings.search.max_query_chars)
        query = understand(question.strip(), self.vocabulary(), self._indexed_word)
        return query.model_copy(update={"red_flags": detect_red_flags(question)})

    def _indexed_word(self, word: str) -> bool:
        """True when ``word`` occurs in at least MIN_KNOWN_DOCS indexed documents (the spelling
        corrector leaves such words alone); without an index every word counts as known."""
        try:
            return len(self._open().search(word, MIN_KNOWN_DOCS, details=False)) >= MIN_KNOWN_DOCS
        except IndexMissingError:
            return True

    def _retrieve_local(self, query: Query) -> tuple[list[Hit], tuple[str, ...]]:
        """Guideline-level pages and research searched separately in the local index, so
        neither can crowd the other out.

        Guideline pages are ranked by reciprocal rank fusion of two searches, both boosting pages
        whose question type answers the facet asked: the clinical expansion and the question's
        own words, which match MedQuAD's question titles ("What are the treatments for ...").
        Fusion lifted guideline retrieval on LiveQA/MedQuAD from nDCG@10 0.507 to 0.552, the
        facet boost on both searches (with spelling correction) to 0.601 (plain BM25 0.538,
        docs/evaluation.md); for research fusion did not help, so research is one search.
        """
        from medcite.evidence.classify import GUIDELINE_SOURCES
        from medcite.query.understand import page_types
        from medcite.records import Source

        index, conf = self._open(), self.settings.answer
        text = query.search_text or query.question
        guideline = tuple(s.value for s in GUIDELINE_SOURCES)
        research = tuple(s.value for s in Source if s not in GUIDELINE_SOURCES)
        types = page_types(query)
        expanded = index.search(
            text, conf.guideline_k, sources=guideline, boost_qtypes=types, details=False
        )
        worded = index.search(
            query.question, conf.guideline_k, sources=guideline, boost_qtypes=types, details=False
        )
        hits = _fused(expanded, worded, conf.guideline_k)
        hits += index.search(text, conf.research_k, sources=research, details=False)
        searched = (
            f"local guideline pages: {text}",
            f"local guideline pages: {query.question}",
            f"local research: {text}",
        )
        return hits, searched

    def live(self, refresh: bool = False) -> LiveSearch:
        """PubMed + Europe PMC; every document fetched is written into this index."""
        from medcite.sources.live import build_live_search

        with self._live_lock:
            if self._live is None or refresh:
                if self._live is not None:
                    self._live.close()
                index = TantivyIndex.create_or_open(self.index_path)
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
                hits, searched = self._retrieve_local(query)
            except IndexMissingError:
                if source == "local":
                    raise
        if source == "local":
            return hits, searched, None
        found = self.live(refresh).search(query, self.settings.answer.research_k)
        if source == "live" and found.all_failed:
            raise SourceError(f"{found.note} Try --source auto or --source local.")
        return _merged(hits, found.hits), searched + found.searches, found.note

    @property
    def audit_path(self) -> Path:
        return self.settings.audit_log or self.index_path / "audit.sqlite3"

    def record(self, answer: Answer, hits: list[Hit]) -> None:
        """Write ``answer`` to the audit log (question, settings, searches, cited versions)."""
        if not self.settings.audit:
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
        """Release network clients (live sources)."""
        if self._live is not None:
            self._live.close()
            self._live = None

    def ask(
        self,
        question: str,
        *,
        source: str = "local",
        refresh: bool = False,
        max_refs: int = 12,
        progress: Progress | None = None,
    ) -> Answer:
        """A cited, evidence-ranked answer to ``question`` (extractive; see DESIGN.md).

        ``source`` is ``local``, ``live`` or ``auto`` (see :meth:`retrieve`). Every answer is
        recorded in the audit log unless ``settings.audit`` is off.
        """
        from medcite.answer.asking import answer_question

        if source not in SOURCES:
            raise InputError(f"unknown source {source!r}; use local, live or auto")
        return answer_question(
            self, question, source=source, refresh=refresh, max_refs=max_refs, progress=progress
        )


SOURCES = ("local", "live", "auto")
MIN_KNOWN_DOCS = 3
"""A word found in fewer documents may be a typo (abstracts have them too, and surnames such as
"Ricketts" sit one letter from a disease): the spelling corrector may still correct it."""
SECOND_LIST_WEIGHT = 0.95
"""In guideline fusion the expanded search wins ties against the question-words search."""


def _fused(first: list[Hit], second: list[Hit], k: int) -> list[Hit]:
    """Reciprocal rank fusion of two hit lists, ranked 1..k.

    Scores stay on the BM25 scale (fused value × best score of the first list / best fused
    value): the evidence ranking divides by the best score of the tier, which may be a research
    hit classified as a guideline (a PubMed Practice Guideline), so raw fused values (≈ 0.03)
    next to a BM25 score (≈ 50) would push every guideline page below the answer's evidence
    floor and under that one abstract.
    """
    from medcite.sources.base import fuse, top

    by_id = {h.document.id: h for h in (*second, *first)}
    lists = [[h.document.id for h in first], [h.document.id for h in second]]
    ranked = top(fuse(lists, weights=(1.0, SECOND_LIST_WEIGHT)), k)
    if not ranked:
        return []
    scale = max(h.score for h in first or second) / ranked[0][1]
    return [
        by_id[doc_id].model_copy(update={"score": score * scale, "rank": rank})
        for rank, (doc_id, score) in enumerate(ranked, start=1)
    ]


def _merged(local: list[Hit], live: list[Hit]) -> list[Hit]:
    """Local hits, then live ones not already there, rescaled to the BM25 range."""
    seen = {h.document.id for h in local}
    scale = max((h.score for h in local), default=1.0) / max((h.score for h in live), default=1.0)
    extra = [
        h.model_copy(update={"score": h.score * scale}) for h in live if h.document.id not in seen
    ]
    return local + extra


def _check_query(query: str, max_chars: int) -> None:
    if not query or not query.strip():
        raise InputError(
            "the question is empty; type a question, e.g. 'What causes facial twitches?'"
        )
    if len(query) > max_chars:
        raise InputError(
            f"the question is {len(query):,} characters long; shorten it to at most {max_chars:,}"
        )
