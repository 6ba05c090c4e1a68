"""An index of several shards (``shards.json`` + ``shard-NNN/``) behind the one-index surface.

:class:`ShardedIndex` offers what :class:`~medcite.index.tantivy_index.TantivyIndex` offers
(:class:`~medcite.index.protocol.SearchIndex`); :func:`open_index` returns whichever the directory
holds, so every command works on both. A directory without a manifest is today's single-shard
index and is opened as exactly that.

Search fans out to the shards — a local thread pool by default, Ray actors when a Ray address is
given (:mod:`medcite.scale.search`) — scores every shard's hits with the whole collection's IDF
(:mod:`medcite.index.shard`) and merges the shards' top-k by score. Reads by id go to the shard
that owns the id; listing, verifying and writing use the shards opened in this process.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from itertools import chain
from pathlib import Path
from typing import Protocol, TypeVar

from medcite.errors import IndexCorruptError, IndexMissingError
from medcite.index.shard import Shard, ShardHit, ShardSearch, TermKey, TermStats, term_keys
from medcite.index.shards import MANIFEST, RESTORE, ShardLayout, read_layout
from medcite.index.tantivy_index import (
    SCHEMA_VERSION,
    TEXT_FIELDS,
    IndexWriter,
    TantivyIndex,
    natural_key,
)
from medcite.records import Document, Hit, IndexStats

log = logging.getLogger(__name__)

T = TypeVar("T")
RAY_ADDRESS_ENV = "MEDCITE_RAY_ADDRESS"
"""Environment variable naming a Ray cluster to search a sharded index on (``auto``, ``local``,
``ray://host:10001``); unset: a local thread pool."""
MIN_HEAP_MB_PER_THREAD = 16
"""tantivy refuses a writer with less than ~15 MB of heap per indexing thread."""


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
    """The shards opened in this process, searched from a thread pool. tantivy-py holds the
    GIL for most of a search (4 threads search about as fast as one, measured), so in one
    process shards cost time rather than save it: the pool overlaps what it can, and
    ``benchmarks/shards.py`` measures what 4 shards cost against one index."""

    def __init__(self, shards: Sequence[Shard]) -> None:
        self._shards = tuple(shards)
        workers = max(1, len(self._shards) - 1)
        self._threads = ThreadPoolExecutor(workers, thread_name_prefix="medcite-shard")

    @property
    def count(self) -> int:
        return len(self._shards)

    def map(self, tasks: Sequence[Callable[[Shard], T]]) -> list[T]:
        """The first shard's task runs in the calling thread (one hand-off fewer), the others
        in the pool."""
        pairs = list(zip(tasks, self._shards, strict=True))
        futures = [self._threads.submit(task, shard) for task, shard in pairs[1:]]
        first = pairs[0][0](pairs[0][1])
        return [first, *(f.result() for f in futures)]

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
        shards = [_open_shard(layout, n) for n in range(layout.count)]
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

    def term_stats(self, keys: Sequence[TermKey]) -> list[TermStats]:
        """Each shard's document count and document frequencies of ``keys``: term-dictionary
        lookups (microseconds), made here on the shards this process opened rather than sent
        to the pool, which saves a round trip per search."""
        return [shard.term_stats(keys) for shard in self._shards]

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
        """Every shard's best ``k``, scored with the collection's IDF, merged by score."""
        keys = term_keys(text, fields or tuple(TEXT_FIELDS))
        if not keys:
            return []
        local = self.term_stats(keys)
        collection = TermStats(0, {})
        for part in local:
            collection = collection.plus(part)
        search = ShardSearch(
            text, k, collection, sources, boost_qtypes, fields, plain, snippet_chars
        )
        if not search.collection_idf:  # computed here once, not by every shard
            return []
        found = self._pool.map([partial(Shard.top, search=search, local=s) for s in local])
        hits = [
            Hit(document=hit.document(), score=hit.score, rank=rank)
            for rank, hit in enumerate(merge_top(found, k), start=1)
        ]
        return self._details(search, hits) if details else hits

    def _details(self, search: ShardSearch, hits: list[Hit]) -> list[Hit]:
        """Snippets and matched fields for the merged hits only (a snippet is the best fragment
        of the hit's own abstract; which fragment is best is weighed by one shard's terms)."""
        return self._shards[0].details(search, hits)

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


def merge_top(lists: Sequence[Sequence[ShardHit]], k: int) -> list[ShardHit]:
    """The best ``k`` of the shards' hits by score (equal scores: by id, numbers read as
    numbers, as one index orders them: :func:`~medcite.index.tantivy_index.natural_key`)."""
    hits = chain.from_iterable(lists)
    return sorted(hits, key=lambda h: (-h.score, natural_key(h.doc_id)))[:k]


def _summed(parts: Iterator[dict[str, int]]) -> dict[str, int]:
    total: dict[str, int] = {}
    for part in parts:
        for key, n in part.items():
            total[key] = total.get(key, 0) + n
    return dict(sorted(total.items(), key=lambda kv: (-kv[1], kv[0])))


def _open_shard(layout: ShardLayout, number: int) -> Shard:
    path = layout.path(number)
    try:
        return Shard.open(path)
    except IndexMissingError:
        raise IndexCorruptError(
            f"{path.name} of the index at {layout.root} is missing ({MANIFEST} lists "
            f"{layout.count} shards); {RESTORE}"
        ) from None


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

    def upsert(self, doc: Document) -> bool:
        return self._writers[self._layout.route(doc.id)].upsert(doc)

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
