"""What the rest of medcite needs from an index, whether one directory or a set of shards.

:class:`~medcite.index.tantivy_index.TantivyIndex` (one directory) and
:class:`~medcite.index.sharded.ShardedIndex` (a manifest and ``shard-NNN`` directories) both
satisfy :class:`SearchIndex`; their writers satisfy :class:`DocumentWriter`. Code above the index
(retrievers, the dense store, live sources' write-back, the engine) is typed against these.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Protocol

from medcite.records import Document, Hit, IndexStats


class DocumentWriter(Protocol):
    """Upserts and deletes by stable id; nothing is visible to searchers until ``commit``."""

    @property
    def pending(self) -> int:
        """Upserts and deletes since the last commit."""
        ...

    def upsert(self, doc: Document) -> bool:
        """Add or replace ``doc``; False when the index already holds it unchanged (nothing
        written)."""
        ...

    def delete(self, doc_id: str) -> None: ...

    def commit(self) -> None: ...

    def rollback(self) -> None: ...

    def close(self) -> None: ...


class SearchIndex(Protocol):
    """An open medcite index: search, read back, describe, check, write."""

    path: Path

    @property
    def read_only(self) -> bool: ...

    def writer(self, heap_mb: int, threads: int) -> DocumentWriter: ...

    def reload(self) -> None: ...

    def num_docs(self) -> int: ...

    def get(self, doc_id: str) -> Document | None: ...

    def get_many(self, doc_ids: list[str]) -> dict[str, Document]: ...

    def all_ids(self) -> list[str]: ...

    def stored_records(self) -> Iterator[tuple[str, bytes]]: ...

    def verify(self) -> None: ...

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
    ) -> list[Hit]: ...

    def documents(self, source: str) -> Iterator[Document]: ...

    def stats(self) -> IndexStats: ...
