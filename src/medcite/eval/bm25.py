"""The independent BM25 baseline: ``bm25s`` over the title and abstract of every indexed document.

It shares nothing with medcite's search but the stored documents: its own tokenizer (``bm25s``'s
``\\w\\w+`` pattern, lower case, ``bm25s``'s English stopword list, the Snowball English stemmer of
``PyStemmer``), its own BM25 (Lucene variant, k1 = 1.5, b = 0.75), one text field (title +
abstract, no field boosts), the raw question as the query (no expansion, no evidence tiers).

>>> bm25 = IndependentBM25.for_index("/tmp/eval-index")  # doctest: +SKIP
>>> hits = bm25.retrieve("Does aspirin lower fever in children?", 10)  # doctest: +SKIP

The ``bm25s`` index is built once and cached in ``<index>/bm25s/``, keyed by the document count
and the modification time of the index meta file, so it is rebuilt whenever the index changes.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from medcite.index.protocol import SearchIndex
from medcite.index.sharded import open_index
from medcite.index.shards import MANIFEST
from medcite.index.tantivy_index import META_FILE
from medcite.records import Document, Hit, Source

log = logging.getLogger(__name__)

CACHE_DIR = "bm25s"
KEY_FILE = "medcite-key.json"
IDS_FILE = "ids.json"
STOPWORDS = "en"
LANGUAGE = "english"


def document_text(document: Document) -> str:
    """What the baseline indexes for a document: its title and abstract, nothing else."""
    return f"{document.title}\n{document.abstract}".strip()


Lookup = Callable[[str], Document | None]
"""Reads a document back by id (``TantivyIndex.get``)."""


class IndependentBM25:
    """A ``bm25s`` index over documents' title + abstract; hits are read back with ``lookup``."""

    def __init__(self, retriever: Any, ids: Sequence[str], lookup: Lookup) -> None:
        import Stemmer  # type: ignore[import-not-found,unused-ignore]

        self._retriever = retriever
        self._ids = list(ids)
        self._lookup = lookup
        self._stemmer = Stemmer.Stemmer(LANGUAGE)

    @classmethod
    def build(cls, documents: Iterable[Document], lookup: Lookup | None = None) -> IndependentBM25:
        """Index ``documents`` (sorted by id, so the result does not depend on their order).

        Without ``lookup`` the documents are kept in memory to be returned as hits.
        """
        import bm25s  # type: ignore[import-untyped,unused-ignore]
        import Stemmer  # type: ignore[import-not-found,unused-ignore]

        kept = sorted(documents, key=lambda d: d.id)
        tokens = bm25s.tokenize(
            [document_text(d) for d in kept],
            stopwords=STOPWORDS,
            stemmer=Stemmer.Stemmer(LANGUAGE),
            show_progress=False,
        )
        retriever = bm25s.BM25()
        retriever.index(tokens, show_progress=False)
        if lookup is None:
            lookup = {d.id: d for d in kept}.get
        return cls(retriever, [d.id for d in kept], lookup)

    @classmethod
    def for_index(cls, index_path: Path | str) -> IndependentBM25:
        """The baseline for the medcite index at ``index_path``, from its cache when current."""
        path = Path(index_path)
        index = open_index(path)
        folder = path / CACHE_DIR
        key = cache_key(path, index)
        cached = load_cached(folder, key, index.get)
        if cached is not None:
            return cached
        started = time.perf_counter()
        built = cls.build(stored_documents(index), index.get)
        built.save(folder, key)
        log.info("bm25s index of %d documents built in %.1f s", len(built), _since(started))
        return built

    def __len__(self) -> int:
        return len(self._ids)

    def save(self, folder: Path, key: dict[str, Any]) -> None:
        """Write the index, the document ids and the cache key into ``folder``."""
        folder.mkdir(parents=True, exist_ok=True)
        self._retriever.save(str(folder), show_progress=False)
        (folder / IDS_FILE).write_text(json.dumps(self._ids), "utf-8")
        (folder / KEY_FILE).write_text(json.dumps(key), "utf-8")

    def ranked_ids(self, question: str, k: int) -> list[tuple[str, float]]:
        """Up to ``k`` (document id, score) pairs, best first; documents scoring 0 are left out."""
        import bm25s  # type: ignore[import-untyped,unused-ignore]

        if not self._ids or k <= 0:
            return []
        query = bm25s.tokenize(
            [question],
            stopwords=STOPWORDS,
            stemmer=self._stemmer,
            return_ids=False,
            show_progress=False,
        )
        found, scores = self._retriever.retrieve(
            query, k=min(k, len(self._ids)), show_progress=False, n_threads=1
        )
        pairs = zip(found[0].tolist(), scores[0].tolist(), strict=True)
        return [(self._ids[int(i)], float(s)) for i, s in pairs if s > 0]

    def retrieve(self, question: str, k: int) -> list[Hit]:
        """The baseline as a :data:`~medcite.eval.baselines.RetrieveFn`."""
        hits: list[Hit] = []
        for doc_id, score in self.ranked_ids(question, k):
            document = self._lookup(doc_id)
            if document is not None:
                hits.append(Hit(document=document, score=score, rank=len(hits) + 1))
        return hits


def stored_documents(index: SearchIndex) -> Iterable[Document]:
    """Every document stored in the index, source by source."""
    for source in Source:
        yield from index.documents(source.value)


def cache_key(path: Path, index: SearchIndex) -> dict[str, Any]:
    """What the cached ``bm25s`` index must match: document count and index meta mtime."""
    meta = path / "meta.json"
    if not meta.exists():  # a sharded index: its manifest is touched by every commit
        meta = path / MANIFEST if (path / MANIFEST).exists() else path / META_FILE
    return {"documents": index.num_docs(), "meta_mtime_ns": meta.stat().st_mtime_ns}


def load_cached(folder: Path, key: dict[str, Any], lookup: Lookup) -> IndependentBM25 | None:
    key_file = folder / KEY_FILE
    if not key_file.exists() or json.loads(key_file.read_text("utf-8")) != key:
        return None
    import bm25s  # type: ignore[import-untyped,unused-ignore]

    retriever = bm25s.BM25.load(str(folder), show_progress=False)
    ids = json.loads((folder / IDS_FILE).read_text("utf-8"))
    log.info("bm25s index of %d documents loaded from %s", len(ids), folder)
    return IndependentBM25(retriever, ids, lookup)


def _since(started: float) -> float:
    return time.perf_counter() - started
