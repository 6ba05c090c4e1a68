"""The library API: one object that wires medcite's stages together.

>>> from medcite import Engine
>>> engine = Engine("/tmp/medcite-index")              # doctest: +SKIP
>>> engine.ingest(["pubmed21n1298.xml.gz"])            # doctest: +SKIP
>>> engine.search("hemifacial spasm botulinum toxin")  # doctest: +SKIP

The CLI and the server are thin shells over this class.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from medcite.config import Settings
from medcite.errors import InputError
from medcite.index.tantivy_index import TantivyIndex
from medcite.records import Document, Hit, IndexStats, IngestReport

if TYPE_CHECKING:
    from medcite.ingest.pipeline import IngestProgress

log = logging.getLogger(__name__)


class Engine:
    """Ingest, search and (later) answer over one local index.

    Opening is lazy: constructing an Engine touches no files, so it is cheap and never fails; the
    index is opened on first use and a missing or outdated index raises a clear error then.
    """

    def __init__(self, index_path: str | Path | None = None, settings: Settings | None = None):
        base = settings or Settings()
        if index_path is not None:
            base = base.model_copy(update={"index": Path(index_path)})
        self.settings = base
        self._index: TantivyIndex | None = None

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


def _check_query(query: str, max_chars: int) -> None:
    if not query or not query.strip():
        raise InputError(
            "the question is empty; type a question, e.g. 'What causes facial twitches?'"
        )
    if len(query) > max_chars:
        raise InputError(
            f"the question is {len(query):,} characters long; shorten it to at most {max_chars:,}"
        )
