"""Fixtures for the evaluation tests: the evaluation index, built once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

from medcite.config import SemanticSettings, Settings
from medcite.eval.runner import ensure_index

BM25_ONLY = Settings(semantic=SemanticSettings(enabled=False))
"""The CI suite runs BM25-only: embedding 68k documents would take most of its budget on 2
cores (the full suite, benchmarks/quality.py, measures medcite as installed, semantic on)."""


@pytest.fixture(scope="session")
def eval_index(tmp_path_factory: pytest.TempPathFactory, corpora: Path) -> Path:
    """pubmed21n1298 + pubmed20n0014 + MedQuAD + PQA-L abstracts (≈68k documents, ≈25 s)."""
    path = tmp_path_factory.mktemp("eval-index") / "index"
    info = ensure_index(path, corpora, BM25_ONLY)
    assert info["built_by_eval"] is True
    return path
