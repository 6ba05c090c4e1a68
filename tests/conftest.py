"""Shared test fixtures: paths to ../shared/corpora and real indexes built once per session."""

from __future__ import annotations

import gzip
import os
from pathlib import Path

import pytest

from medcite import Engine
from medcite.query.vocab import Vocabulary, load_mesh_terms, load_synonyms

# The shared test indexes (≈68k documents) stay BM25-only: embedding them on every ingest would add
# minutes to each session. Tests of dense retrieval (tests/semantic) opt in with explicit settings.
os.environ.setdefault("MEDCITE_SEMANTIC__EMBED_ON_INGEST", "false")

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
    ≈68k documents) with the MeSH vocabulary loaded, built once per test session.

    BM25-only (semantic off): embedding 68k documents would take most of the test budget on 2
    cores; tests/semantic covers the model and the dense store on small handmade documents."""
    from medcite.config import SemanticSettings, Settings

    settings = Settings(semantic=SemanticSettings(enabled=False))
    engine = Engine(tmp_path_factory.mktemp("sample-index"), settings)
    report = engine.ingest([PUBMED_2021, PUBMED_1977, MEDQUAD_TAR, PUBMEDQA])
    assert not report.failed, report.failed
    engine.load_vocabulary(MESH_TERMS, MESH_TREES)
    return engine


# --- a handmade MeSH-like vocabulary (concept tests) ---------------------------------------

HANDMADE_TERMS = [
    ("D1", "fever", "fever"),
    ("D1", "fever", "pyrexia"),
    ("D2", "q fever", "q fever"),
    ("D3", "fever of unknown origin", "fever of unknown origin"),
    ("D4", "sinusitis", "sinusitis"),
    ("D5", "sick sinus syndrome", "sick sinus syndrome"),
    ("D6", "isotretinoin", "isotretinoin"),
    ("D6", "isotretinoin", "accutane"),
    ("D7", "european continental ancestry group", "white"),
    ("D8", "bread", "bread"),
    ("D9", "pregnancy", "pregnancy"),
    ("D10", "knee", "knee"),
    ("D11", "ibuprofen", "ibuprofen"),
    ("D12", "lisinopril", "lisinopril"),
    ("D13", "angioedema", "angioedema"),
    ("D14", "antiviral agents", "antiviral agents"),
    ("D15", "granulomatosis with polyangiitis", "wegener granulomatosis"),
    ("D16", "tablets", "tablets"),
    ("D17", "vaccines", "vaccines"),
    ("D18", "hepatitis b vaccines", "hepatitis b vaccines"),
    ("D19", "hepatitis b", "hepatitis b"),
    ("D19", "hepatitis b", "serum hepatitis"),
    ("D20", "lead", "lead"),
    ("D21", "vitamin d", "vitamin d"),
    ("D22", "sjogren's syndrome", "sjogren syndrome"),
    ("D23", "lead nephropathy", "lead nephropathy"),
    ("D24", "lead poisoning", "lead poisoning"),
    ("D25", "vitamin a", "vitamin a"),
    ("D26", "gout", "gout"),
    ("D27", "colchicine", "colchicine"),
    ("D28", "hantavirus", "hantavirus"),
    ("D29", "hantavirus infections", "hantavirus infections"),
    ("D30", "coffee", "coffee"),
]
HANDMADE_TREES = [
    ("D1", "fever", "C23.888.119.344"),
    ("D2", "q fever", "C01.150.252.400.755"),
    ("D3", "fever of unknown origin", "C23.888.119.344.500"),
    ("D4", "sinusitis", "C08.460.692.752"),
    ("D5", "sick sinus syndrome", "C14.280.067.093.249"),
    ("D6", "isotretinoin", "D02.455.326.271.665"),
    ("D7", "european continental ancestry group", "M01.686.508.400"),
    ("D8", "bread", "G07.203.300.100"),
    ("D8", "bread", "J02.500.100"),
    ("D9", "pregnancy", "G08.686.784.769"),
    ("D10", "knee", "A02.835.583.475"),
    ("D11", "ibuprofen", "D02.455.426.559.389.657.410"),
    ("D12", "lisinopril", "D03.383.773.800"),
    ("D13", "angioedema", "C17.800.862.945.066"),
    ("D14", "antiviral agents", "D27.505.954.122.388"),
    ("D15", "granulomatosis with polyangiitis", "C14.907.940.090.500"),
    ("D16", "tablets", "D26.255.790"),
    ("D17", "vaccines", "D20.215.894"),
    ("D18", "hepatitis b vaccines", "D20.215.894.899.430"),
    ("D19", "hepatitis b", "C01.925.256.430.400"),
    ("D20", "lead", "D01.552.544.500"),
    ("D21", "vitamin d", "D04.210.500.247.808.197"),
    ("D22", "sjogren's syndrome", "C17.300.775.099"),
    ("D23", "lead nephropathy", "C12.777.419.600"),
    ("D24", "lead poisoning", "C25.723.415"),
    ("D25", "vitamin a", "D04.210.500.247.808.877"),
    ("D26", "gout", "C05.550.114.423"),
    ("D27", "colchicine", "D03.132.436.250"),
    ("D28", "hantavirus", "B04.820.480.750.440"),
    ("D29", "hantavirus infections", "C01.925.782.147.420"),
    ("D30", "coffee", "D20.215.784.249"),
    ("D30", "coffee", "J02.200.325"),
]


def _gz_tsv(path: Path, header: str, rows: list[tuple[str, str, str]]) -> Path:
    lines = [header, *("\t".join(r) for r in rows)]
    with gzip.open(path, "wt", encoding="utf-8") as out:
        out.write("\n".join(lines) + "\n")
    return path


@pytest.fixture(scope="session")
def handmade_vocabulary(tmp_path_factory: pytest.TempPathFactory) -> Vocabulary:
    folder = tmp_path_factory.mktemp("vocab")
    terms = _gz_tsv(
        folder / "terms.tsv.gz", "DescriptorUI\tDescriptorName\tTermName", HANDMADE_TERMS
    )
    trees = _gz_tsv(
        folder / "trees.tsv.gz", "DescriptorUI\tDescriptorName\ttree_location", HANDMADE_TREES
    )
    db = folder / "vocab.sqlite"
    load_mesh_terms(db, terms, trees)
    load_synonyms(
        db,
        [
            ("Fetal retinoid syndrome", "Fetal retinoid syndrome"),
            ("Isotretinoin embryopathy", "Fetal retinoid syndrome"),
            ("Fever", "Fever"),
        ],
        "medquad",
    )
    return Vocabulary(db)
