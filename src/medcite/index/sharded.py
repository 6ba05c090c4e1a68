"""An index of several shards (``shards.json`` + ``shard-NNN/``) behind the one-index surface.

:class:`ShardedIndex` offers what :class:`~medcite.index.tantivy_index.TantivyIndex` offers
(:class:`~medcite.index.protocol.SearchIndex`); :func:`open_index` returns whichever the directory
holds, so every command works on both. A directory without a manifest is today's single-shard
index and is opened as exactly that.

Search fans out to the shards — a local thread pool by default, Ray actors when a Ray address is
given (:mod:`medcite.scale.search`) — and the shards' top-k lists are merged by score.

**Scores are comparable across shards.** BM25's IDF depends on the collection: a term rare in one
shard and common in another would score differently in each, and the merged order would not be
the single index's. tantivy-py cannot be handed global statistics, but it can be handed a boost
per term: a search first gathers each query term's document frequency and document count from
every shard (a term-dictionary lookup), computes the *global* IDF, and each shard then runs the
same query as the single index — one clause per (field, term), as tantivy's query parser builds
it — with each clause's boost multiplied by ``global IDF / shard IDF``. Every clause then scores
``boost × global IDF × tf-norm``, exactly the single index's score except for ``avgdl`` (the
field's average length, used inside tf-norm), which stays per shard. Routing by hash makes the
shards random samples of the collection, so their average lengths differ by well under 1%; the
resulting score difference is measured by ``benchmarks/shards.py`` (see docs/scaling.md).
"""

from __future__ import annotations

import json
import logging
import math
import os
from collections.abc import Callable, Iterator, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import partial
from itertools import chain
from pathlib import Path
from typing import Protocol, TypeVar

import tantivy

from medcite.errors import IndexMissingError
from medcite.index.integrity import reading
from medcite.index.shards import MANIFEST, ShardLayout, read_layout
from medcite.index.tantivy_index import (
    SCHEMA_VERSION,
    TEXT_FIELDS,
    IndexWriter,
    TantivyIndex,
    _analyzer_terms,
    _HitMaker,
    _stored_document,
)
from medcite.records import Document, Hit, IndexStats
from medcite.text import STEMMER, query_terms

log = logging.getLogger(__name__)

T = TypeVar("T")
TermKey = tuple[str, str]
"""(field name, analysed token): one clause of a search."""
RAY_ADDRESS_ENV = "MEDCITE_RAY_ADDRESS"
"""Environment variable naming a Ray cluster to search a sharded index on (``auto``, ``local``,
``ray://host:10001``); unset: a local thread pool."""
MIN_HEAP_MB_PER_THREAD = 16
"""tantivy refuses a writer with less than ~15 MB of heap per indexing thread."""


# --- one shard --------------------------------------------------------------------------------


@dataclass(frozen=True)
class TermStats:
    """What BM25's IDF needs from (part of) a collection: its document count, as tantivy counts
    it (deleted documents included until a merge drops them), and each term's document
    frequency."""

    docs: int
    freqs: dict[TermKey, int]

    def plus(self, other: TermStats) -> TermStats:
        keys = self.freqs.keys() | other.freqs.keys()
        freqs = {k: self.freqs.get(k, 0) + other.freqs.get(k, 0) for k in keys}
        return TermStats(self.docs + other.docs, freqs)

    def idf(self, key: TermKey) -> float:
        return bm25_idf(self.docs, self.freqs.get(key, 0))


def bm25_idf(docs: int, freq: int) -> float:
    """tantivy's BM25 IDF: ``ln(1 + (N - n + 0.5) / (n + 0.5))``."""
    return math.log(1.0 + (docs - freq + 0.5) / (freq + 0.5))


def word_tokens(terms: Sequence[str]) -> list[list[str]]:
    """The analysed tokens of each query word, as tantivy's query parser analyses them (a word
    of several tokens, e.g. ``a_b``, is a phrase); words without tokens are left out."""
    return [tokens for tokens in (STEMMER.analyze(w) for w in terms) if tokens]


def term_keys(text: str, fields: Sequence[str]) -> list[TermKey]:
    """Every (field, token) a search for ``text`` over ``fields`` looks up."""
    tokens = dict.fromkeys(t for word in word_tokens(query_terms(text)) for t in word)
    return [(field, token) for field in fields for token in tokens]


class Shard(TantivyIndex):
    """One shard: an ordinary medcite index that can also search with global IDF."""

    @classmethod
    def open(cls, path: Path) -> Shard:
        return _as_shard(super().open(path))

    @classmethod
    def create_or_open(cls, path: Path) -> Shard:
        return _as_shard(super().create_or_open(path))

    def term_stats(self, keys: Sequence[TermKey]) -> TermStats:
        """This shard's document count and the document frequency of each of ``keys``."""
        with reading(self.path):
            searcher = self._index.searcher()
            freqs = {key: int(searcher.doc_freq(key[0], key[1])) for key in keys}
            return TermStats(self._collection_docs(searcher), freqs)

    def _collection_docs(self, searcher: tantivy.Searcher) -> int:
        """N as tantivy's BM25 counts it: every document of every segment, deleted ones
        included (``meta.json``'s ``max_doc``); the searcher only tells the live ones."""
        try:
            meta = json.loads((self.path / "meta.json").read_text(encoding="utf-8"))
            return sum(int(s["max_doc"]) for s in meta.get("segments", []))
        except (OSError, ValueError, KeyError, TypeError):
            return int(searcher.num_docs)

    def search(
        self,
        text: str,
        k: int,
        snippet_chars: int = 240,
        *,
        sources: tuple[str, ...] = (),
        boost_qtypes: tuple[str, ...] = (),
        details: bool = True,
        fields: tuple[str, ...] = (),
        plain: bool = False,
        idf: Mapping[TermKey, float] | None = None,
    ) -> list[Hit]:
        """:meth:`TantivyIndex.search`; with ``idf`` (global IDF by (field, token)) each clause's
        boost is scaled by global / shard IDF, so the scores are the whole collection's."""
        if idf is None:
            return super().search(
                text,
                k,
                snippet_chars,
                sources=sources,
                boost_qtypes=boost_qtypes,
                details=details,
                fields=fields,
                plain=plain,
            )
        terms = query_terms(text)
        names = list(fields) if fields else list(TEXT_FIELDS)
        with reading(self.path):
            searcher = self._index.searcher()
            query = self._global_query(searcher, word_tokens(terms), names, plain, idf)
            if query is None:
                return []
            if sources:
                query = self._restrict(query, sources)
            if boost_qtypes:
                query = self._boost_qtypes(query, boost_qtypes)
            found = [
                (_stored_document(searcher.doc(address)), float(score))
                for score, address in searcher.search(query, k).hits
            ]
            if not details:
                return [Hit(document=d, score=s, rank=r) for r, (d, s) in enumerate(found, 1)]
            snippets = tantivy.SnippetGenerator.create(searcher, query, self._schema, "abstract")
            snippets.set_max_num_chars(snippet_chars)
            maker = _HitMaker(snippets, _analyzer_terms(terms), snippet_chars)
            return [maker.make(d, s, r) for r, (d, s) in enumerate(found, 1)]

    def _global_query(
        self,
        searcher: tantivy.Searcher,
        words: list[list[str]],
        names: list[str],
        plain: bool,
        idf: Mapping[TermKey, float],
    ) -> tantivy.Query | None:
        """The query tantivy's parser builds for ``words`` over ``names`` (a disjunction of
        words, each a disjunction of boosted per-field clauses), boosts rescaled to global IDF."""
        docs = self._collection_docs(searcher)
        clauses = []
        for tokens in words:
            per_field = []
            for name in names:
                local = sum(bm25_idf(docs, int(searcher.doc_freq(name, t))) for t in tokens)
                wanted = sum(idf.get((name, t), 0.0) for t in tokens)
                ratio = wanted / local if local > 0 else 1.0
                boost = (1.0 if plain else TEXT_FIELDS[name]) * ratio
                query = tantivy.Query.boost_query(self._clause(name, tokens), boost)
                per_field.append((tantivy.Occur.Should, query))
            clauses.append((tantivy.Occur.Should, tantivy.Query.boolean_query(per_field)))
        return tantivy.Query.boolean_query(clauses) if clauses else None

    def _clause(self, name: str, tokens: list[str]) -> tantivy.Query:
        if len(tokens) == 1:
            return tantivy.Query.term_query(self._schema, name, tokens[0], index_option="freq")
        phrase: list[str | tuple[int, str]] = list(tokens)
        return tantivy.Query.phrase_query(self._schema, name, phrase)


def _as_shard(index: TantivyIndex) -> Shard:
    if not isinstance(index, Shard):  # pragma: no cover - TantivyIndex builds ``cls``
        raise TypeError(f"expected a Shard, got {type(index).__name__}")
    return index


# --- running work on every shard ----------------------------------------------------------------


class ShardPool(Protocol):
    """Runs a function on shards: in threads of this process, or on Ray actors."""

    @property
    def count(self) -> int: ...

    def map(self, tasks: Sequence[Callable[[Shard], T]]) -> list[T]:
        """``tasks[i](shard i)`` for every shard, concurrently; results in shard order."""
        ...

    def run(self, shard: int, task: Callable[[Shard], T]) -> T: ...

    def reload(self) -> None: ...

    def close(self) -> None: ...


class ThreadShardPool:
    """The shards opened in this process, searched from a thread pool (tantivy searches
    without holding the GIL, so shards are searched in parallel)."""

    def __init__(self, shards: Sequence[Shard]) -> None:
        self._shards = tuple(shards)
        self._threads = ThreadPoolExecutor(len(self._shards), thread_name_prefix="medcite-shard")

    @property
    def count(self) -> int:
        return len(self._shards)

    def map(self, tasks: Sequence[Callable[[Shard], T]]) -> list[T]:
        if len(self._shards) == 1:
            return [tasks[0](self._shards[0])]
        futures = [self._threads.submit(t, s) for t, s in zip(tasks, self._shards, strict=True)]
        return [f.result() for f in futures]

    def run(self, shard: int, task: Callable[[Shard], T]) -> T:
        return task(self._shards[shard])

    def reload(self) -> None:
        """Nothing to do: these are the index's own shards, which it reloads."""

    def close(self) -> None:
        self._threads.shutdown(wait=False)


PoolFactory = Callable[[ShardLayout, Sequence[Shard]], ShardPool]
"""Builds the pool a :class:`ShardedIndex` searches through (from its layout and local shards)."""


def thread_pool(_layout: ShardLayout, shards: Sequence[Shard]) -> ShardPool:
    return ThreadShardPool(shards)


# --- the sharded index --------------------------------------------------------------------------


class ShardedIndex:
    """The shards of a layout, seen as one index (:class:`~medcite.index.protocol.SearchIndex`).

    Searches and reads by id go through the pool (threads or Ray actors); maintenance (listing,
    verifying, writing) reads the shards opened in this process."""

    def __init__(self, layout: ShardLayout, shards: Sequence[Shard], pool: ShardPool) -> None:
        self.path = layout.root
        self.layout = layout
        self._shards = tuple(shards)
        self._pool = pool

    @classmethod
    def open(cls, path: Path, pool: PoolFactory = thread_pool) -> ShardedIndex:
        """Open the sharded index at ``path`` (which must have a shard manifest)."""
        layout = _sharded_layout(Path(path))
        shards = [Shard.open(p) for p in layout.paths()]
        return cls(layout, shards, pool(layout, shards))

    @classmethod
    def create_or_open(cls, path: Path) -> ShardedIndex:
        """Open the sharded index at ``path``, creating any shard that has no index yet."""
        layout = _sharded_layout(Path(path))
        shards = [Shard.create_or_open(p) for p in layout.paths()]
        return cls(layout, shards, thread_pool(layout, shards))

    @property
    def shard_count(self) -> int:
        return self.layout.count

    @property
    def read_only(self) -> bool:
        return any(s.read_only for s in self._shards)

    def writer(self, heap_mb: int, threads: int) -> ShardedWriter:
        """One writer per shard, sharing ``heap_mb`` (at least the minimum tantivy accepts)."""
        heap = max(heap_mb // len(self._shards), MIN_HEAP_MB_PER_THREAD * threads)
        writers: list[IndexWriter] = []
        try:
            for shard in self._shards:
                writers.append(shard.writer(heap, threads))
        except BaseException:
            for opened in writers:
                opened.close()
            raise
        return ShardedWriter(self.layout, writers, self.reload)

    def reload(self) -> None:
        for shard in self._shards:
            shard.reload()
        self._pool.reload()

    def close(self) -> None:
        """Stop the pool's threads or actors (the index stays usable for maintenance)."""
        self._pool.close()

    def num_docs(self) -> int:
        return sum(self._pool.map([Shard.num_docs] * self.shard_count))

    def get(self, doc_id: str) -> Document | None:
        return self._pool.run(self.layout.route(doc_id), partial(Shard.get, doc_id=doc_id))

    def get_many(self, doc_ids: list[str]) -> dict[str, Document]:
        by_shard: list[list[str]] = [[] for _ in range(self.shard_count)]
        for doc_id in dict.fromkeys(doc_ids):
            by_shard[self.layout.route(doc_id)].append(doc_id)
        found = self._pool.map([partial(Shard.get_many, doc_ids=ids) for ids in by_shard])
        merged = {k: v for part in found for k, v in part.items()}
        return {doc_id: merged[doc_id] for doc_id in doc_ids if doc_id in merged}

    def all_ids(self) -> list[str]:
        return sorted(chain.from_iterable(s.all_ids() for s in self._shards))

    def stored_records(self) -> Iterator[tuple[str, bytes]]:
        for shard in self._shards:
            yield from shard.stored_records()

    def verify(self) -> None:
        for shard in self._shards:
            shard.verify()

    def documents(self, source: str) -> Iterator[Document]:
        for shard in self._shards:
            yield from shard.documents(source)

    def term_stats(self, keys: Sequence[TermKey]) -> TermStats:
        """The whole collection's document count and document frequencies of ``keys``."""
        parts = self._pool.map([partial(Shard.term_stats, keys=keys)] * self.shard_count)
        total = TermStats(0, {})
        for part in parts:
            total = total.plus(part)
        return total

    def search(
        self,
        text: str,
        k: int,
        snippet_chars: int = 240,
        *,
        sources: tuple[str, ...] = (),
        boost_qtypes: tuple[str, ...] = (),
        details: bool = True,
        fields: tuple[str, ...] = (),
        plain: bool = False,
    ) -> list[Hit]:
        """Every shard's best ``k`` for the query, scored with global IDF, merged by score."""
        keys = term_keys(text, fields or tuple(TEXT_FIELDS))
        if not keys:
            return []
        stats = self.term_stats(keys)
        task = partial(
            Shard.search,
            text=text,
            k=k,
            snippet_chars=snippet_chars,
            sources=sources,
            boost_qtypes=boost_qtypes,
            details=details,
            fields=fields,
            plain=plain,
            idf={key: stats.idf(key) for key in keys},
        )
        return merge_hits(self._pool.map([task] * self.shard_count), k)

    def stats(self) -> IndexStats:
        parts = self._pool.map([Shard.stats] * self.shard_count)
        return IndexStats(
            path=str(self.path),
            schema_version=SCHEMA_VERSION,
            documents=sum(p.documents for p in parts),
            size_bytes=sum(f.stat().st_size for f in self.path.rglob("*") if f.is_file()),
            by_source=_summed(p.by_source for p in parts),
            by_publication_type=_summed(p.by_publication_type for p in parts),
            by_year=_summed(p.by_year for p in parts),
        )


def merge_hits(lists: Sequence[Sequence[Hit]], k: int) -> list[Hit]:
    """The best ``k`` of the shards' hit lists by score (ties: by id), ranked 1..k."""
    ranked = sorted(chain.from_iterable(lists), key=lambda h: (-h.score, h.document.id))[:k]
    return [hit.model_copy(update={"rank": rank}) for rank, hit in enumerate(ranked, start=1)]


def _summed(parts: Iterator[dict[str, int]]) -> dict[str, int]:
    total: dict[str, int] = {}
    for part in parts:
        for key, n in part.items():
            total[key] = total.get(key, 0) + n
    return dict(sorted(total.items(), key=lambda kv: (-kv[1], kv[0])))


def _sharded_layout(path: Path) -> ShardLayout:
    layout = read_layout(path)
    if not layout.manifest:
        raise IndexMissingError(f"no shard manifest ({MANIFEST}) at {path}")
    return layout


class ShardedWriter:
    """Routes each upsert and deletion to the shard that owns the id (``shard_of``); a commit
    commits every shard. Not atomic across shards: an ingest killed between two shard commits
    is completed by running it again (upserts by id are idempotent)."""

    def __init__(
        self, layout: ShardLayout, writers: Sequence[IndexWriter], reload: Callable[[], None]
    ) -> None:
        self._layout = layout
        self._writers = tuple(writers)
        self._reload = reload

    @property
    def pending(self) -> int:
        return sum(w.pending for w in self._writers)

    def upsert(self, doc: Document) -> None:
        self._writers[self._layout.route(doc.id)].upsert(doc)

    def delete(self, doc_id: str) -> None:
        self._writers[self._layout.route(doc_id)].delete(doc_id)

    def commit(self) -> None:
        for writer in self._writers:
            writer.commit()
        _touch(self._layout.root / MANIFEST)

    def rollback(self) -> None:
        for writer in self._writers:
            writer.rollback()

    def close(self) -> None:
        for writer in self._writers:
            writer.close()
        self._reload()


def _touch(manifest: Path) -> None:
    """Mark a commit on the manifest's modification time: what tells a cache of answers (the
    server's) that the index changed, as ``meta.json`` does for a single-shard index."""
    try:
        os.utime(manifest)
    except OSError as exc:
        log.warning("could not mark the commit on %s: %s", manifest, exc)


# --- opening whichever the directory holds ------------------------------------------------------


def open_index(path: Path, ray_address: str | None = None) -> TantivyIndex | ShardedIndex:
    """The index at ``path``: today's single-directory index when it has no shard manifest,
    else its shards — searched on the Ray cluster at ``ray_address`` when one is given (see
    :mod:`medcite.scale.search`), else from a local thread pool."""
    layout = read_layout(Path(path))
    if not layout.manifest:
        return TantivyIndex.open(Path(path))
    if ray_address:
        from medcite.scale.search import ray_pool

        return ShardedIndex.open(layout.root, partial(ray_pool, address=ray_address))
    return ShardedIndex.open(layout.root)


def create_or_open_index(path: Path) -> TantivyIndex | ShardedIndex:
    """For writing (ingest, live write-back): the index at ``path``, created empty when there is
    none; a directory with a shard manifest (``create_layout``) gets its shards created."""
    layout = read_layout(Path(path))
    if not layout.manifest:
        return TantivyIndex.create_or_open(Path(path))
    return ShardedIndex.create_or_open(layout.root)
