"""Keeping the dense store in step with the index, and describing it (``index info``)."""

from __future__ import annotations

import functools
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from medcite.semantic import model
from medcite.semantic.model import INSTALL_HINT, SemanticModelError, load_embedder
from medcite.semantic.store import DenseInfo, DenseStore, EmbedProgress, UpdateReport

if TYPE_CHECKING:
    from medcite.config import SemanticSettings
    from medcite.index.protocol import SearchIndex

log = logging.getLogger(__name__)


def build(
    index: SearchIndex, settings: SemanticSettings, progress: EmbedProgress | None = None
) -> tuple[DenseStore, UpdateReport]:
    """Create or update the store beside ``index`` (``medcite embed``); raises
    :class:`SemanticModelError` when the model is missing or broken."""
    reason = model.unavailable_reason()
    if reason is not None:
        raise SemanticModelError(f"dense retrieval needs the embedding model: {reason}")
    embedder = load_embedder(settings)
    store = DenseStore.create_or_open(index.path, embedder.name)
    report = store.update(
        index, embedder, progress, settings.checkpoint_rows, settings.embed_sources
    )
    log.info(
        "dense store: %d embedded, %d unchanged, %d dropped, %d without text (%.1f s)",
        report.embedded,
        report.kept,
        report.dropped,
        report.skipped,
        report.seconds,
    )
    return store, report


def after_ingest(
    index: SearchIndex, settings: SemanticSettings, progress: EmbedProgress | None = None
) -> DenseStore | None:
    """Update the store after an ingest when dense retrieval is on and the model installed.

    Never fails the ingest: without the model medcite runs BM25-only (said once, at INFO);
    a model that cannot load is logged as a warning and the previous store is kept.
    """
    if not (settings.enabled and settings.embed_on_ingest):
        return DenseStore.open(index.path)
    reason = model.unavailable_reason()
    if reason is not None:
        _say_bm25_only(reason)
        return DenseStore.open(index.path)
    try:
        return build(index, settings, progress)[0]
    except SemanticModelError as exc:
        log.warning("%s; dense store not updated (BM25 search is unaffected)", exc)
        return DenseStore.open(index.path)


@functools.cache
def _say_bm25_only(reason: str) -> None:
    log.info(
        "medcite runs BM25-only: the embedding model is not installed (%s). "
        "For dense retrieval: %s",
        reason,
        INSTALL_HINT,
    )


@dataclass(frozen=True)
class DenseStatus:
    """One line for ``index info``: on (with the store's figures) or off with the reason."""

    on: bool
    reason: str | None = None
    info: DenseInfo | None = None

    @property
    def line(self) -> str:
        if self.info is None or not self.on:
            return f"off: {self.reason}"
        mb = self.info.size_bytes / 1e6
        return f"{self.info.model}, {self.info.rows:,} rows, {mb:,.1f} MB"


def status(index_path: Path, settings: SemanticSettings) -> DenseStatus:
    """Whether dense retrieval is used for the index at ``index_path``, and why not."""
    if not settings.enabled:
        return DenseStatus(False, "disabled in settings (semantic.enabled)")
    reason = model.unavailable_reason()
    store = DenseStore.open(index_path)
    info = store.info() if store is not None else None
    if reason is not None:
        return DenseStatus(False, reason, info)
    if store is None:
        return DenseStatus(False, "no dense store yet; run `medcite embed`")
    if not store.compatible:
        return DenseStatus(
            False, f"built with {info.model if info else '?'}; run `medcite embed`", info
        )
    return DenseStatus(True, None, info)
