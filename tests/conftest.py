"""Shared test fixtures: paths to ../shared/corpora and real indexes built once per session."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from medcite import Engine

ROOT = Path(__file__).resolve().parents[1]
CORPORA = Path(os.environ.get("MEDCITE_CORPORA", ROOT.parent / "shared" / "corpora"))
PUBMED_2021 = CORPORA / "pubmed-xml" / "pubmed21n1298.xml.gz"
PUBMED_1977 = CORPORA / "pubmed-xml" / "pubmed20n0014.xml.gz"
MEDQUAD_TAR = CORPORA / "medquad" / "MedQuAD-xml.tar.gz"
FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="session")
def corpora() -> Path:
    if not CORPORA.is_dir():
        pytest.fail(f"shared corpora not found at {CORPORA}; set MEDCITE_CORPORA")
    return CORPORA


MESH_TERMS = CORPORA / "mesh" / "mesh2021_descriptor_terms.tsv.gz"
MESH_TREES = CORPORA / "mesh" / "mesh2021_descriptor_trees.tsv.gz"
PUBMEDQA = CORPORA / "pubmedqa-pqal" / "ori_pqal.json.gz"


@pytest.fixture(scope="session")
def sample_engine(tmp_path_factory: pytest.TempPathFactory, corpora: Path) -> Engine:
    """An engine over the sample corpora (pubmed21n1298 + pubmed20n0014 + MedQuAD + PubMedQA,
    ≈68k documents) with the MeSH vocabulary loaded, built once per test session."""
    engine = Engine(tmp_path_factory.mktemp("sample-index"))
    report = engine.ingest([PUBMED_2021, PUBMED_1977, MEDQUAD_TAR, PUBMEDQA])
    assert not report.failed, report.failed
    engine.load_vocabulary(MESH_TERMS, MESH_TREES)
    return engine
