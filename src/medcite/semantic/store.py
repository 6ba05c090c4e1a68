"""Document vectors beside the index (``<index>/dense/``), searched by brute-force cosine.

Layout::

    dense.json             manifest: model, dimension, text recipe, rows, built_at, generation
    rows-<gen>.json        document ids, their sources and a hash of each embedded text
    vectors-<gen>.npy      float16 matrix, one L2-normalised row per document

Rows are sorted by (source, id), so restricting a search to some sources reads contiguous
slices. A save writes a new generation under fresh names and then atomically replaces
``dense.json``: a killed update leaves the previous generation in force, and the next update
carries on from the last checkpoint (rows whose text hash matches are never embedded again).
"""

from __future__ import annotations

import json
import logging
import os
import threading
import time
import uuid
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, BinaryIO, Protocol

import numpy as np
import numpy.typing as npt

from medcite.index.protocol import SearchIndex
from medcite.records import Source
from medcite.semantic.model import DIMENSION, MODEL_ID, TextEmbedder
from medcite.semantic.text import RECIPE_VERSION, embedding_text, text_hash

log = logging.getLogger(__name__)

DENSE_DIR = "dense"
MANIFEST = "dense.json"
FORMAT_VERSION = 1
DEFAULT_MODEL = f"{MODEL_ID}@{DIMENSION}"
CHECKPOINT_ROWS = 16_384
"""An update saves after embedding this many documents: a killed run loses at most this much."""

Matrix = npt.NDArray[Any]


class EmbedProgress(Protocol):
    """Receives progress while documents are embedded (the CLI draws a progress bar)."""

    def start_embedding(self, total: int) -> None: ...

    def advance_embedding(self, done: int) -> None: ...

    def end_embedding(self) -> None: ...


class _Silent:
    def start_embedding(self, total: int) -> None:
        pass

    def advance_embedding(self, done: int) -> None:
        pass

    def end_embedding(self) -> None:
        pass


@dataclass(frozen=True)
class UpdateReport:
    """What one update did: rows embedded, kept unchanged, dropped; documents without text."""

    embedded: int = 0
    kept: int = 0
    dropped: int = 0
    skipped: int = 0
    rebuilt: bool = False
    seconds: float = 0.0

    @property
    def rows(self) -> int:
        return self.embedded + self.kept


@dataclass(frozen=True)
class DenseInfo:
    """The store as ``medcite index info`` shows it."""

    path: str
    model: str
    dimension: int
    recipe: int
    rows: int
    size_bytes: int
    built_at: str


@dataclass(frozen=True)
class _Rows:
    """Rows in memory: ids, sources, text hashes and their float16 vectors."""

    ids: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    hashes: tuple[str, ...] = ()
    vectors: Matrix = field(default_factory=lambda: np.empty((0, DIMENSION), dtype=np.float16))

    def take(self, keep: Sequence[int]) -> _Rows:
        pick = np.asarray(keep, dtype=np.int64)
        return _Rows(
            tuple(self.ids[i] for i in keep),
            tuple(self.sources[i] for i in keep),
            tuple(self.hashes[i] for i in keep),
            np.asarray(self.vectors[pick], dtype=np.float16),
        )

    def plus(self, items: Sequence[_Wanted], vectors: Matrix) -> _Rows:
        return _Rows(
            self.ids + tuple(w.id for w in items),
            self.sources + tuple(w.source for w in items),
            self.hashes + tuple(w.hash for w in items),
            np.concatenate([self.vectors, vectors.astype(np.float16)])
            if self.ids
            else vectors.astype(np.float16),
        )

    def sorted(self) -> _Rows:
        order = sorted(range(len(self.ids)), key=lambda i: (self.sources[i], self.ids[i]))
        return self.take(order)


@dataclass(frozen=True)
class _View:
    """What a search reads: ids, each source's row range, the matrix as float32."""

    ids: tuple[str, ...]
    ranges: dict[str, tuple[int, int]]
    matrix: npt.NDArray[np.float32]

    def top(
        self, query: npt.NDArray[np.float32], k: int, sources: tuple[str, ...]
    ) -> list[tuple[str, float]]:
        if query.shape[0] != self.matrix.shape[1]:
            raise ValueError(
                f"query has {query.shape[0]} dimensions, the store {self.matrix.shape[1]}"
            )
        slices = self._slices(sources)
        if not slices:
            return []
        scores = np.concatenate([self.matrix[a:b] @ query for a, b in slices])
        offsets = np.concatenate([np.arange(a, b) for a, b in slices])
        best = np.argpartition(-scores, min(k, len(scores)) - 1)[:k]
        best = best[np.argsort(-scores[best], kind="stable")]
        return [(self.ids[int(offsets[i])], float(scores[i])) for i in best]

    def _slices(self, sources: tuple[str, ...]) -> list[tuple[int, int]]:
        if not sources:
            return [(0, len(self.ids))]
        return [self.ranges[s] for s in dict.fromkeys(sources) if s in self.ranges]


@dataclass(frozen=True)
class _Wanted:
    """A document that should have a row: its id, source, embedding text and text hash."""

    id: str
    source: str
    text: str
    hash: str


class DenseStore:
    """The vectors of one index. Search is thread-safe; one updater at a time (like ingest)."""

    def __init__(self, index_path: Path, model_name: str = DEFAULT_MODEL) -> None:
        self.path = Path(index_path) / DENSE_DIR
        self.model_name = model_name
        self._manifest: dict[str, Any] = {}
        self._rows = _Rows()
        self._ranges: dict[str, tuple[int, int]] = {}
        self._cached_view: _View | None = None
        self._lock = threading.Lock()
        self._warned = False

    @classmethod
    def open(cls, index_path: Path, model_name: str = DEFAULT_MODEL) -> DenseStore | None:
        """The store beside the index at ``index_path``, or None when there is none (or it is
        unreadable: the next update rebuilds it)."""
        store = cls(index_path, model_name)
        return store if store._load() else None

    @classmethod
    def create_or_open(cls, index_path: Path, model_name: str = DEFAULT_MODEL) -> DenseStore:
        """The store beside the index, empty if none was built yet (for :meth:`update`)."""
        store = cls(index_path, model_name)
        store._load()
        return store

    @property
    def compatible(self) -> bool:
        """True when the store was built with ``model_name`` and the current text recipe."""
        return self._built_with(self.model_name)

    def __len__(self) -> int:
        return len(self._rows.ids)

    def info(self) -> DenseInfo:
        """Model, dimension, recipe, rows, size on disk and build time of this store."""
        files = [self.path / MANIFEST, *self._generation_files(self._manifest.get("generation"))]
        return DenseInfo(
            path=str(self.path),
            model=str(self._manifest.get("model", "")),
            dimension=int(self._manifest.get("dimension", 0)),
            recipe=int(self._manifest.get("recipe", 0)),
            rows=len(self),
            size_bytes=sum(f.stat().st_size for f in files if f.exists()),
            built_at=str(self._manifest.get("built_at", "")),
        )

    # --- search ---------------------------------------------------------------------------

    def search(
        self, query_vector: npt.ArrayLike, k: int, sources: tuple[str, ...] = ()
    ) -> list[tuple[str, float]]:
        """The ``k`` rows most similar to ``query_vector`` (cosine), best first, as (id, score).

        ``sources`` restricts hits to documents of those sources. A store built with another
        model or text recipe is ignored (empty result, one logged warning).
        """
        if not self._usable() or k < 1:
            return []
        query = _unit(np.asarray(query_vector, dtype=np.float32).reshape(-1))
        return self._view().top(query, k, sources)

    def _usable(self) -> bool:
        if not self._rows.ids:
            return False
        if self.compatible:
            return True
        if not self._warned:
            self._warned = True
            log.warning(
                "dense store %s was built with %s (recipe %s), not %s (recipe %s): ignored; "
                "run `medcite embed` to rebuild it",
                self.path,
                self._manifest.get("model"),
                self._manifest.get("recipe"),
                self.model_name,
                RECIPE_VERSION,
            )
        return False

    def _view(self) -> _View:
        """Ids, source ranges and the float32 matrix of one generation, read together.

        The float16 file is converted once (≈ 0.1 s per 50k rows): numpy's float32
        matrix-vector product is ~10× faster than its float16 one.
        """
        with self._lock:
            if self._cached_view is None:
                matrix = np.ascontiguousarray(self._rows.vectors, dtype=np.float32)
                self._cached_view = _View(self._rows.ids, self._ranges, matrix)
            return self._cached_view

    # --- update ---------------------------------------------------------------------------

    def update(
        self,
        index: SearchIndex,
        embedder: TextEmbedder,
        progress: EmbedProgress | None = None,
        checkpoint_rows: int = CHECKPOINT_ROWS,
        sources: tuple[str, ...] = (),
    ) -> UpdateReport:
        """Make the store match the index: embed documents (of ``sources``; default all) that
        are new or whose embedding text changed, drop rows of documents no longer indexed (or no
        longer of those sources). Idempotent; kill-safe (see module).
        A store built with another model or text recipe is rebuilt from scratch."""
        started = time.perf_counter()
        rebuilt = bool(self._rows.ids) and not self._built_with(embedder.name)
        current = _Rows() if rebuilt else self._rows
        wanted, skipped = _wanted_rows(index, sources)
        keep = [i for i, doc_id in enumerate(current.ids) if _same(wanted.get(doc_id), current, i)]
        kept_ids = {current.ids[i] for i in keep}
        todo = [w for doc_id, w in wanted.items() if doc_id not in kept_ids]
        self.model_name = embedder.name
        rows = current.take(keep)
        if rebuilt or len(keep) < len(current.ids) or not self._manifest:
            self._save(rows, embedder)
        self._embed_all(rows, todo, embedder, progress or _Silent(), checkpoint_rows)
        return UpdateReport(
            embedded=len(todo),
            kept=len(keep),
            dropped=sum(1 for doc_id in current.ids if doc_id not in wanted),
            skipped=skipped,
            rebuilt=rebuilt,
            seconds=time.perf_counter() - started,
        )

    def _built_with(self, model_name: str) -> bool:
        return (
            self._manifest.get("model") == model_name
            and self._manifest.get("recipe") == RECIPE_VERSION
        )

    def _embed_all(
        self,
        rows: _Rows,
        todo: list[_Wanted],
        embedder: TextEmbedder,
        progress: EmbedProgress,
        checkpoint_rows: int,
    ) -> None:
        """Embed ``todo`` in checkpoints, saving the store after each one."""
        progress.start_embedding(len(todo))
        done = 0
        for chunk in _chunks(todo, checkpoint_rows):
            vectors = embedder.embed([w.text for w in chunk], progress=_offset(progress, done))
            if vectors.shape != (len(chunk), embedder.dimension):
                raise ValueError(f"{embedder.name} returned vectors of shape {vectors.shape}")
            rows = rows.plus(chunk, vectors)
            self._save(rows, embedder)
            done += len(chunk)
            progress.advance_embedding(done)
        progress.end_embedding()

    # --- files ----------------------------------------------------------------------------

    def _load(self) -> bool:
        """Read the manifest and rows of the current generation; False when absent/unreadable."""
        manifest_path = self.path / MANIFEST
        if not manifest_path.exists():
            return False
        try:
            manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
            rows = _read_rows(self.path, str(manifest["generation"]))
        except (OSError, ValueError, KeyError, TypeError) as exc:
            log.warning(
                "dense store %s is unreadable (%s); `medcite embed` rebuilds it", self.path, exc
            )
            return False
        self._set(manifest, rows)
        return True

    def _set(self, manifest: dict[str, Any], rows: _Rows) -> None:
        with self._lock:
            self._manifest, self._rows, self._cached_view = manifest, rows, None
            self._ranges = _source_ranges(rows.sources)

    def _save(self, rows: _Rows, embedder: TextEmbedder) -> None:
        """Write ``rows`` as a new generation, switch the manifest to it, remove the old one."""
        rows = rows.sorted()
        self.path.mkdir(parents=True, exist_ok=True)
        generation = uuid.uuid4().hex[:12]
        rows_file, vectors_file = self._generation_files(generation)
        _write_atomic(rows_file, lambda f: f.write(_rows_json(rows)))
        _write_atomic(vectors_file, lambda f: np.save(f, rows.vectors, allow_pickle=False))
        manifest = {
            "format": FORMAT_VERSION,
            "model": embedder.name,
            "dimension": embedder.dimension,
            "recipe": RECIPE_VERSION,
            "rows": len(rows.ids),
            "built_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "generation": generation,
        }
        data = json.dumps(manifest, indent=2).encode()
        _write_atomic(self.path / MANIFEST, lambda f: f.write(data))
        _fsync_dir(self.path)
        self._set(manifest, _mapped(rows, vectors_file))
        self._remove_stale(generation)

    def _generation_files(self, generation: object) -> tuple[Path, Path]:
        return self.path / f"rows-{generation}.json", self.path / f"vectors-{generation}.npy"

    def _remove_stale(self, generation: str) -> None:
        """Delete files of earlier generations and temp files of killed saves."""
        current = {MANIFEST, *(f.name for f in self._generation_files(generation))}
        for path in self.path.iterdir():
            if path.name not in current and path.is_file():
                path.unlink(missing_ok=True)


def _same(wanted: _Wanted | None, rows: _Rows, i: int) -> bool:
    return wanted is not None and wanted.hash == rows.hashes[i]


def _wanted_rows(
    index: SearchIndex, sources: tuple[str, ...] = ()
) -> tuple[dict[str, _Wanted], int]:
    """Every indexed document of ``sources`` (default: all) that should have a row, by id; and
    how many have no text."""
    wanted: dict[str, _Wanted] = {}
    skipped = 0
    for source in Source:
        if sources and source.value not in sources:
            continue
        for doc in index.documents(source.value):
            text = embedding_text(doc)
            if text is None:
                skipped += 1
                continue
            wanted[doc.id] = _Wanted(doc.id, source.value, text, text_hash(text))
    return wanted, skipped


def _offset(progress: EmbedProgress, done: int) -> Callable[[int], None]:
    """Progress of one checkpoint's embed call, counted from the documents already done."""
    return lambda n: progress.advance_embedding(done + n)


def _chunks(items: list[_Wanted], size: int) -> Iterator[list[_Wanted]]:
    for start in range(0, len(items), max(1, size)):
        yield items[start : start + max(1, size)]


def _unit(vector: npt.NDArray[np.float32]) -> npt.NDArray[np.float32]:
    norm = float(np.linalg.norm(vector))
    return vector / norm if norm > 0 else vector


def _source_ranges(sources: Sequence[str]) -> dict[str, tuple[int, int]]:
    """Start and end row of each source (rows are sorted by source)."""
    ranges: dict[str, tuple[int, int]] = {}
    for i, source in enumerate(sources):
        start, _end = ranges.get(source, (i, i))
        ranges[source] = (start, i + 1)
    return ranges


def _rows_json(rows: _Rows) -> bytes:
    body = {"ids": rows.ids, "sources": rows.sources, "hashes": rows.hashes}
    return json.dumps(body, separators=(",", ":")).encode()


def _read_rows(folder: Path, generation: str) -> _Rows:
    body = json.loads((folder / f"rows-{generation}.json").read_text(encoding="utf-8"))
    rows = _Rows(tuple(body["ids"]), tuple(body["sources"]), tuple(body["hashes"]))
    return _mapped(rows, folder / f"vectors-{generation}.npy")


def _mapped(rows: _Rows, vectors_file: Path) -> _Rows:
    """``rows`` with their vectors memory-mapped from ``vectors_file`` (checked for shape)."""
    vectors = np.load(vectors_file, mmap_mode="r", allow_pickle=False)
    if vectors.ndim != 2 or vectors.shape[0] != len(rows.ids) or vectors.dtype != np.float16:
        raise ValueError(f"{vectors_file} holds {vectors.shape} {vectors.dtype}, not the rows")
    return _Rows(rows.ids, rows.sources, rows.hashes, vectors)


def _write_atomic(path: Path, write: Callable[[BinaryIO], object]) -> None:
    """Write to a temp file beside ``path``, fsync it, and rename it over ``path``."""
    temp = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.tmp")
    try:
        with temp.open("wb") as f:
            write(f)
            f.flush()
            os.fsync(f.fileno())
        temp.replace(path)
    finally:
        temp.unlink(missing_ok=True)


def _fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
