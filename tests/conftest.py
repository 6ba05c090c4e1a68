"""Shared test fixtures: paths to ../shared/corpora and real indexes built once per session."""

from __future__ import annotations

import gzip
import logging
import os
import sys
from pathlib import Path

import pytest

from medcite import Engine
from medcite.query.vocab import Vocabulary, load_mesh_terms, load_synonyms

# The shared test indexes (≈68k documents) stay BM25-only: embedding them on every ingest would add
# minutes to each session. Tests of dense retrieval (tests/semantic) opt in with explicit settings.
os.environ.setdefault("MEDCITE_SEMANTIC__EMBED_ON_INGEST", "false")

ROOT = Path(__file__).resolve().parents[1]
TEST_CORPORA_ENV = "MEDCITE_TEST_CORPORA"
"""Overrides where the tests look for the shared corpora, for the tests only:
``MEDCITE_TEST_CORPORA=/nonexistent pytest`` runs the suite as a bare clone would."""


def _corpora() -> Path:
    if override := os.environ.get(TEST_CORPORA_ENV):
        # medcite itself (eval datasets, CLI subprocesses) must look there too
        os.environ["MEDCITE_CORPORA"] = override
        return Path(override)
    return Path(os.environ.get("MEDCITE_CORPORA", ROOT.parent / "shared" / "corpora"))


CORPORA = _corpora()
PUBMED_2021 = CORPORA / "pubmed-xml" / "pubmed21n1298.xml.gz"
PUBMED_1977 = CORPORA / "pubmed-xml" / "pubmed20n0014.xml.gz"
MEDLINE_2016 = CORPORA / "pubmed-xml" / "medline16n0902.xml.gz"
MEDQUAD_TAR = CORPORA / "medquad" / "MedQuAD-xml.tar.gz"
MESH_TERMS = CORPORA / "mesh" / "mesh2021_descriptor_terms.tsv.gz"
MESH_TREES = CORPORA / "mesh" / "mesh2021_descriptor_trees.tsv.gz"
PUBMEDQA = CORPORA / "pubmedqa-pqal" / "ori_pqal.json.gz"
API_FIXTURES = CORPORA / "api-fixtures"
FIXTURES = Path(__file__).parent / "fixtures"

# --- the mini corpora: a few real records cut from the shared ones, committed in the repo ------

MINI = FIXTURES / "mini-corpora"
"""See its SOURCE.md; ``cut.py`` there rebuilds it from the shared corpora."""
MINI_PUBMED_2021 = MINI / "pubmed-xml" / "pubmed21n1298-cut.xml.gz"
MINI_PUBMED_1977 = MINI / "pubmed-xml" / "pubmed20n0014-cut.xml.gz"
MINI_MEDQUAD_TAR = MINI / "medquad" / "MedQuAD-cut.tar.gz"
MINI_MESH_TERMS = MINI / "mesh" / "mesh2021_descriptor_terms-cut.tsv.gz"
MINI_MESH_TREES = MINI / "mesh" / "mesh2021_descriptor_trees-cut.tsv.gz"
MINI_PUBMEDQA = MINI / "pubmedqa" / "ori_pqal-cut.json"

# --- skipping tests whose shared corpus file is absent ----------------------------------------

SAMPLE = (PUBMED_2021, PUBMED_1977, MEDQUAD_TAR, PUBMEDQA, MESH_TERMS, MESH_TREES)
"""What the sample engine (and the evaluation index) is built from."""
NEEDS_OF_FIXTURES: dict[str, tuple[Path, ...]] = {
    "corpora": (CORPORA,),
    "sample_engine": SAMPLE,
    "eval_index": SAMPLE,
    "api_fixtures": (API_FIXTURES,),
}
"""Fixtures over the shared corpora: a test using one (even indirectly) skips without them."""


def _shown(path: Path) -> str:
    default = ROOT.parent / "shared" / "corpora"
    if path.is_relative_to(default):
        return str(Path("..", "shared", "corpora", path.relative_to(default)))
    return str(path)


def missing_reason(paths: tuple[Path, ...] | list[Path]) -> str | None:
    """Why a test over ``paths`` cannot run (the first one missing), or None."""
    for path in paths:
        if not path.exists():
            return (
                f"needs {_shown(path)} (set MEDCITE_CORPORA to a folder holding it, e.g. one "
                "filled by `medcite data fetch sample`)"
            )
    return None


def need(*paths: Path) -> None:
    """Skip the calling test or fixture unless every path exists."""
    if reason := missing_reason(paths):
        pytest.skip(reason)


def shared_or_mini(shared: Path, mini: Path) -> Path:
    """The shared corpus file if it is there, else its cut in the mini corpora: for tests that
    need some real records of that kind, not the whole file."""
    return shared if shared.exists() else mini


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Skip, before any fixture is built, each test that needs a shared corpus file that is
    absent: by its ``corpora`` marks or by the fixtures it uses (NEEDS_OF_FIXTURES)."""
    for item in items:
        paths = [
            p for name in getattr(item, "fixturenames", ()) for p in NEEDS_OF_FIXTURES.get(name, ())
        ]
        for mark in item.iter_markers("corpora"):
            paths.extend(p if isinstance(p, Path) else CORPORA / p for p in mark.args)
        if reason := missing_reason(paths):
            item.add_marker(pytest.mark.skip(reason=reason))


_EXIT_STATUS_KEY = pytest.StashKey[int]()
FINALIZE_ENV = "MEDCITE_TEST_FINALIZE"
"""Set to 1 to let the test process run Python's own shutdown after the summary (see below)."""


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    session.config.stash[_EXIT_STATUS_KEY] = int(exitstatus)


@pytest.hookimpl(trylast=True)
def pytest_unconfigure(config: pytest.Config) -> None:
    """End the test process as soon as pytest has reported, with pytest's exit status.

    The suite loads several native runtimes into one process (torch, Ray's gRPC core, tantivy,
    Playwright). Their threads are still alive when Python finalizes modules, and once in a while
    one of them touches freed memory there: a run whose every test passed then died with SIGSEGV
    *after* printing its summary (exit 139 in CI). Nothing medcite does happens after this point,
    so the run skips that finalization; the status is still pytest's (failures, or 5 when no test
    ran). ``MEDCITE_TEST_FINALIZE=1`` restores the normal shutdown, to chase such a crash.
    """
    status = config.stash.get(_EXIT_STATUS_KEY, None)
    if status is None or os.environ.get(FINALIZE_ENV) == "1":
        return
    sys.stdout.flush()
    sys.stderr.flush()
    logging.shutdown()
    os._exit(status)


@pytest.fixture(scope="session")
def corpora() -> Path:
    need(CORPORA)
    return CORPORA


def _engine(folder: Path, files: tuple[Path, ...], terms: Path, trees: Path) -> Engine:
    from medcite.config import SemanticSettings, Settings

    engine = Engine(folder, Settings(semantic=SemanticSettings(enabled=False)))
    report = engine.ingest(list(files))
    assert not report.failed, report.failed
    engine.load_vocabulary(terms, trees)
    return engine


@pytest.fixture(scope="session")
def sample_engine(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    """An engine over the sample corpora (pubmed21n1298 + pubmed20n0014 + MedQuAD + PubMedQA,
    ≈68k documents) with the MeSH vocabulary loaded, built once per test session.

    BM25-only (semantic off): embedding 68k documents would take most of the test budget on 2
    cores; tests/semantic covers the model and the dense store on small handmade documents."""
    need(*SAMPLE)
    folder = tmp_path_factory.mktemp("sample-index")
    return _engine(
        folder, (PUBMED_2021, PUBMED_1977, MEDQUAD_TAR, PUBMEDQA), MESH_TERMS, MESH_TREES
    )


@pytest.fixture(scope="session")
def mini_engine(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    """An engine over the mini corpora in the repo (≈75 documents, a few hundred MeSH terms):
    real records on the topics the engine tests ask about, built in a second."""
    folder = tmp_path_factory.mktemp("mini-index")
    files = (MINI_PUBMED_2021, MINI_PUBMED_1977, MINI_MEDQUAD_TAR, MINI_PUBMEDQA)
    return _engine(folder, files, MINI_MESH_TERMS, MINI_MESH_TREES)


@pytest.fixture(scope="session")
def any_engine(request: pytest.FixtureRequest) -> Engine:
    """The sample engine when the shared corpora are there, else the mini engine: for tests
    whose assertions hold over any index with those records, so a bare clone still runs them."""
    if missing_reason(SAMPLE) is None:
        return request.getfixturevalue("sample_engine")
    return request.getfixturevalue("mini_engine")


# --- a handmade MeSH-like vocabulary (concept tests) ---------------------------------------

HANDMADE_TERMS = [
    ("D1", "fever", "fever"),
    ("D1", "fever", "pyrexia"),
    ("D1", "fever", "high temperature"),
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
    ("D31", "diphtheria-tetanus vaccine", "diphtheria-tetanus vaccine"),
    ("D31", "diphtheria-tetanus vaccine", "diphtheria tetanus vaccine"),
    ("D32", "tetanus", "tetanus"),
    ("D33", "fatty liver", "fatty liver"),
    ("D34", "tobacco use", "tobacco use"),
    ("D35", "tobacco", "tobacco"),
    ("D36", "cannabis", "cannabis"),
    ("D36", "cannabis", "marijuana"),
    ("D37", "water", "water"),
    ("D191", "heel", "heel"),
    ("D192", "muscle cramp", "muscle cramp"),
    ("D192", "muscle cramp", "cramp"),
    (
        "D38",
        "diphtheria-tetanus-acellular pertussis vaccines",
        "diphtheria-tetanus-acellular pertussis vaccines",
    ),
    ("D38", "diphtheria-tetanus-acellular pertussis vaccines", "tdap vaccine"),
    ("D39", "pertussis vaccine", "pertussis vaccine"),
    ("D40", "heroin", "heroin"),
    ("D41", "fentanyl", "fentanyl"),
    ("D42", "steroids", "steroids"),
    ("D43", "encephalitis", "encephalitis"),
    ("D44", "ice", "ice"),
    ("D45", "sprains and strains", "sprain"),
    ("D45", "sprains and strains", "sprains and strains"),
    ("D46", "stress, psychological", "stress"),
    ("D47", "methamphetamine", "methamphetamine"),
    ("D48", "bites and stings", "sting"),
    ("D49", "vascular diseases", "vasculopathy"),
    ("D50", "bees", "bee"),
    ("D51", "insects", "insect"),
    ("D52", "spiders", "spider"),
    ("D53", "insect bites and stings", "insect bites and stings"),
    ("D54", "spider bites", "spider bites"),
    ("D55", "humans", "human"),
    ("D56", "thyroid gland", "thyroid"),
    ("D57", "thyroid neoplasms", "thyroid neoplasms"),
    ("D58", "neoplasms", "neoplasms"),
    ("D59", "gout, type 1", "type 1 gout"),
    ("D60", "gout, type 2", "type 2 gout"),
    ("D61", "common cold", "common cold"),
    ("D62", "cold temperature", "cold"),
    ("D63", "decompression sickness", "bend"),
    ("D63", "decompression sickness", "decompression sickness"),
    ("D64", "hemorrhage", "hemorrhage"),
    ("D64", "hemorrhage", "bleeding"),
    ("D65", "knee injuries", "knee injuries"),
    ("D66", "papillomavirus vaccines", "hpv vaccine"),
    ("D66", "papillomavirus vaccines", "papillomavirus vaccines"),
    ("D67", "papillomavirus infections", "papillomavirus infections"),
    ("D68", "papillomaviridae", "papillomavirus"),
    ("D69", "dogs", "dog"),
    ("D70", "elbow", "elbow"),
    ("D71", "pain", "pain"),
    ("D72", "back pain", "back pain"),
    ("D74", "burns", "burn"),
    ("D75", "enterobius", "pinworms"),
    ("D76", "enterobiasis", "pinworm infection"),
    ("D77", "hematologic tests", "blood test"),
    ("D78", "ankle injuries", "ankle injuries"),
    ("D79", "prognosis", "prognosis"),
    ("D80", "life expectancy", "life expectancy"),
    ("D81", "alcohol drinking", "alcohol drinking"),
    ("D82", "alcohol", "alcohol"),
    ("D83", "wine", "wine"),
    ("D84", "needlestick injuries", "needlestick injuries"),
    ("D84", "needlestick injuries", "needlestick"),
    ("D179", "caregivers", "caregivers"),
    ("D179", "caregivers", "caregiver"),
    ("D180", "spouses", "spouses"),
    ("D180", "spouses", "husband"),
    ("D180", "spouses", "wife"),
    ("D193", "contraceptives, oral", "contraceptives, oral"),
    ("D193", "contraceptives, oral", "oral contraceptives"),
    ("D194", "jaundice", "jaundice"),
    ("D195", "jaundice, neonatal", "jaundice, neonatal"),
    ("D195", "jaundice, neonatal", "neonatal jaundice"),
    ("D196", "infant, newborn", "infant, newborn"),
    ("D196", "infant, newborn", "newborn"),
    ("D197", "cluster headache", "cluster headache"),
    ("D197", "cluster headache", "cluster headaches"),
    ("D198", "nerve wither disease", "nerve wither disease"),
    ("D199", "beds", "bed"),
    ("D199", "beds", "beds"),
    ("D200", "toes", "toe"),
    ("D200", "toes", "toes"),
    ("D201", "foot", "foot"),
    ("D202", "walking", "walking"),
    ("D203", "rectum", "rectum"),
    ("D204", "stroke", "stroke"),
    ("D85", "needles", "needle"),
    ("D86", "insulin", "insulin"),
    ("D87", "mass screening", "screening"),
    ("D88", "olfaction disorders", "olfaction disorders"),
    ("D88", "olfaction disorders", "anosmia"),
    ("D89", "computer security", "computer virus"),
    ("D90", "fungi", "fungi"),
    ("D90", "fungi", "fungus"),
    ("D91", "mycoses", "mycoses"),
    ("D91", "mycoses", "fungal infection"),
    ("D92", "candida", "candida"),
    ("D93", "knee and thigh neoplasms", "knee and thigh cancer"),
    ("D94", "tooth diseases", "tooth disease"),
    ("D95", "ehlers-danlos syndrome", "ehlers danlos syndrome"),
    ("D96", "vipoma", "watery diarrhea syndrome"),
    ("D97", "baths", "baths"),
    ("D97", "baths", "bath"),
    ("D98", "meals", "meals"),
    ("D98", "meals", "dinner"),
    ("D99", "nuclear family", "nuclear family"),
    ("D99", "nuclear family", "son"),
    ("D100", "mothers", "mothers"),
    ("D101", "foreskin", "foreskin"),
    ("D102", "back", "back"),
    ("D103", "jurisprudence", "law"),
    ("D104", "osteochondrosis", "osteochondrosis"),
    ("D104", "osteochondrosis", "osgood schlatter disease"),
    ("D105", "osteonecrosis", "osteonecrosis"),
    ("D105", "osteonecrosis", "kienbock disease"),
    ("D106", "helicobacter infections", "helicobacter infections"),
    ("D107", "helicobacter pylori", "helicobacter pylori"),
    ("D108", "intermittent claudication", "intermittent claudication"),
    ("D109", "peripheral arterial disease", "peripheral arterial disease"),
    ("D110", "stomach diseases", "stomach diseases"),
    ("D110", "stomach diseases", "stomach disease"),
    ("D111", "stomach neoplasms", "stomach neoplasms"),
    ("D111", "stomach neoplasms", "stomach cancer"),
    ("D112", "gastritis", "gastritis"),
    ("D113", "migraine disorders", "migraine disorders"),
    ("D113", "migraine disorders", "migraine"),
    ("D114", "hearing disorders", "hearing disorders"),
    ("D115", "vision disorders", "vision disorders"),
    ("D116", "cough", "cough"),
    ("D117", "smoke", "smoke"),
    ("D118", "wheezing", "wheezing"),
    ("D119", "influenza, human", "influenza"),
    ("D119", "influenza, human", "flu"),
    ("D120", "signs and symptoms, respiratory", "respiratory signs"),
    ("D121", "edema", "edema"),
    ("D122", "proteinuria", "proteinuria"),
    ("D123", "polyps", "polyps"),
    ("D124", "colonic polyps", "colonic polyps"),
    ("D125", "nasal polyps", "nasal polyps"),
    ("D126", "colonoscopy", "colonoscopy"),
    ("D127", "nasal cavity", "nasal cavity"),
    ("D128", "health services needs and demand", "need"),
    ("D129", "gastrointestinal hemorrhage", "gastrointestinal hemorrhage"),
    ("D129", "gastrointestinal hemorrhage", "hematochezia"),
    ("D130", "accidental falls", "accidental falls"),
    ("D130", "accidental falls", "falls"),
    ("D131", "toilet facilities", "toilet facilities"),
    ("D131", "toilet facilities", "bathroom"),
    ("D132", "ferritins", "ferritins"),
    ("D132", "ferritins", "ferritin"),
    ("D133", "iron metabolism tests", "iron metabolism tests"),
    ("D134", "hemophilia b", "hemophilia b"),
    ("D134", "hemophilia b", "christmas disease"),
    ("D135", "diabetes mellitus, type 2", "diabetes mellitus, type 2"),
    ("D135", "diabetes mellitus, type 2", "type 2 diabetes"),
    ("D136", "paresthesia", "paresthesia"),
    ("D137", "ultrasonography", "ultrasonography"),
    ("D137", "ultrasonography", "ultrasound"),
    ("D138", "diabetes mellitus", "diabetes mellitus"),
    ("D138", "diabetes mellitus", "diabetes"),
    ("D139", "diabetes mellitus, type 1", "diabetes mellitus, type 1"),
    ("D139", "diabetes mellitus, type 1", "type 1 diabetes"),
    ("D140", "blepharospasm", "blepharospasm"),
    ("D141", "accidental falls", "accidental fall"),
    ("D142", "gels", "gel"),
    ("D143", "hepatitis b and gout", "hepatitis b and gout"),
    ("D144", "menstruation", "menstruation"),
    ("D145", "vertigo", "vertigo"),
    ("D146", "dyspnea", "dyspnea"),
    ("D146", "dyspnea", "shortness of breath"),
    ("D147", "pulmonary disease, chronic obstructive", "pulmonary disease, chronic obstructive"),
    ("D147", "pulmonary disease, chronic obstructive", "copd"),
    ("D148", "dihydrotachysterol", "dihydrotachysterol"),
    ("D148", "dihydrotachysterol", "AT 10"),
    ("D149", "moldosis", "moldosis"),
    ("D150", "moldosis, gum", "moldosis, gum"),
    ("D150", "moldosis, gum", "gum mold"),
    ("D151", "factor q", "factor q"),
    ("D154", "vaccination", "vaccination"),
    ("D156", "ferritins", "ferritins"),
    ("D156", "ferritins", "ferritin"),
    ("D155", "food", "food"),
    ("D000212", "acyclovir", "acyclovir"),
    ("D000212", "acyclovir", "aciclovir"),
    ("D157", "eye", "eye"),
    ("D157", "eye", "eyes"),
    ("D158", "diabetic retinopathy", "diabetic retinopathy"),
    ("D159", "renal insufficiency, chronic", "renal insufficiency, chronic"),
    ("D159", "renal insufficiency, chronic", "chronic kidney disease"),
    ("D160", "herpes zoster vaccine", "herpes zoster vaccine"),
    ("D160", "herpes zoster vaccine", "shingles vaccine"),
    ("D161", "insulin glargine", "insulin glargine"),
    ("D161", "insulin glargine", "lantus"),
    ("D162", "insulin aspart", "insulin aspart"),
    ("D162", "insulin aspart", "novorapid"),
    ("D163", "scalefold disease", "scalefold disease"),
    ("D163", "scalefold disease", "scalefold"),
    ("D164", "scalefold arthritis", "scalefold arthritis"),
    ("D165", "joints", "joints"),
    ("D165", "joints", "joint"),
    ("D166", "joint diseases", "joint diseases"),
    ("D167", "speckle disease", "speckle disease"),
    ("D168", "speckle arthritis", "speckle arthritis"),
    ("D169", "speckle synovitis", "speckle synovitis"),
    ("D170", "chalkbone disease", "chalkbone disease"),
    ("D171", "chalkbone gout", "chalkbone gout"),
    ("D172", "mottle disease", "mottle disease"),
    ("D173", "mottle lung", "mottle lung"),
    ("D174", "lung", "lung"),
    ("D174", "lung", "lungs"),
    ("D175", "lung diseases", "lung diseases"),
    ("D176", "arthralgia", "arthralgia"),
    ("D176", "arthralgia", "joint pain"),
    ("D177", "testis", "testis"),
    ("D177", "testis", "testicle"),
    ("D178", "testicular diseases", "testicular diseases"),
    ("D300", "barotrauma", "barotrauma"),
    ("D301", "tachycardia", "tachycardia"),
    (
        "D302",
        "postural orthostatic tachycardia syndrome",
        "postural orthostatic tachycardia syndrome",
    ),
    ("D303", "rotator cuff injuries", "rotator cuff injuries"),
    ("D304", "taste disorders", "taste disorders"),
    ("D305", "bronchitis", "bronchitis"),
    ("D306", "tea", "tea"),
    ("D307", "exanthema", "exanthema"),
    ("D307", "exanthema", "rash"),
    ("D308", "amlodipine", "amlodipine"),
    ("D309", "iron", "iron"),
    ("D310", "fatigue", "fatigue"),
    ("D311", "kidney diseases", "kidney diseases"),
    ("D311", "kidney diseases", "kidney disease"),
    # a brand of eye drops whose name is an everyday phrase
    ("D312", "naphazoline", "naphazoline"),
    ("D312", "naphazoline", "all clear"),
    # one lay phrase read as a disease and as a sign of the same system ("memory loss")
    ("D320", "dementia", "dementia"),
    ("D321", "memory disorders", "memory disorders"),
    ("D322", "memory", "memory"),
    # an allergy named after the thing, and the thing (a rubber, a food) alone
    ("D323", "latex hypersensitivity", "latex hypersensitivity"),
    ("D323", "latex hypersensitivity", "latex allergy"),
    ("D324", "latex", "latex"),
    ("D325", "egg hypersensitivity", "egg hypersensitivity"),
    ("D325", "egg hypersensitivity", "egg allergy"),
    ("D326", "eggs", "eggs"),
    ("D327", "analgesics", "analgesics"),
    ("D327", "analgesics", "painkillers"),
    ("D328", "weight loss", "weight loss"),
    ("D328", "weight loss", "losing weight"),
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
    ("D31", "diphtheria-tetanus vaccine", "D20.215.894.135.310"),
    ("D32", "tetanus", "C01.150.252.410.222.864"),
    ("D33", "fatty liver", "C06.552.241"),
    ("D34", "tobacco use", "F01.145.958"),
    ("D35", "tobacco", "B01.650.940.800.575.912.250.908.500.900"),
    ("D36", "cannabis", "B01.650.940.800.575.912.250.859.937.055.500"),
    ("D37", "water", "D01.045.250.875"),
    ("D37", "water", "D01.650.550.925"),
    ("D191", "heel", "A01.378.610.250.300.480"),
    ("D192", "muscle cramp", "C05.651.475"),
    ("D192", "muscle cramp", "C23.888.592.608.500"),
    ("D38", "diphtheria-tetanus-acellular pertussis vaccines", "D20.215.894.135.535.295"),
    ("D39", "pertussis vaccine", "D20.215.894.135.535"),
    ("D40", "heroin", "D03.132.577.249.375"),
    ("D41", "fentanyl", "D03.383.621.808.250"),
    ("D42", "steroids", "D04.210.500"),
    ("D43", "encephalitis", "C10.228.228.245"),
    ("D44", "ice", "D01.045.250.875.400"),
    ("D44", "ice", "G16.500.275.410"),
    ("D45", "sprains and strains", "C26.844"),
    ("D46", "stress, psychological", "F02.830.900"),
    ("D47", "methamphetamine", "D02.092.063.631"),
    ("D48", "bites and stings", "C26.176"),
    ("D49", "vascular diseases", "C14.907"),
    ("D50", "bees", "B01.050.500.131.617.720.500.500.125"),
    ("D51", "insects", "B01.050.500.131.617"),
    ("D52", "spiders", "B01.050.500.131.166.803"),
    ("D53", "insect bites and stings", "C26.176.500"),
    ("D54", "spider bites", "C26.176.750"),
    ("D55", "humans", "B01.050.150.900.649.313.988.400.112.400.400"),
    ("D56", "thyroid gland", "A06.407.900"),
    ("D57", "thyroid neoplasms", "C04.588.322.894"),
    ("D58", "neoplasms", "C04"),
    ("D59", "gout, type 1", "C05.550.114.423.100"),
    ("D60", "gout, type 2", "C05.550.114.423.200"),
    ("D61", "common cold", "C01.748.162"),
    ("D62", "cold temperature", "G01.906.595.272"),
    ("D63", "decompression sickness", "C26.120.248"),
    ("D64", "hemorrhage", "C23.550.414"),
    ("D65", "knee injuries", "C26.558"),
    ("D66", "papillomavirus vaccines", "D20.215.894.899.498"),
    ("D67", "papillomavirus infections", "C01.925.256.650"),
    ("D68", "papillomaviridae", "B04.280.580"),
    ("D69", "dogs", "B01.050.150.900.649.313.750.250.216"),
    ("D70", "elbow", "A01.378.800.090"),
    ("D71", "pain", "C23.888.592.612"),
    ("D72", "back pain", "C23.888.592.612.107"),
    ("D74", "burns", "C26.200"),
    ("D75", "enterobius", "B01.050.500.500.294.400.750.500.308"),
    ("D76", "enterobiasis", "C01.610.335.508.700.550.550.375"),
    ("D77", "hematologic tests", "E01.370.225.500"),
    ("D78", "ankle injuries", "C26.558.100"),
    ("D79", "prognosis", "E01.789"),
    ("D80", "life expectancy", "N01.224.425.475"),
    ("D81", "alcohol drinking", "F01.145.317.269"),
    ("D82", "alcohol", "D02.033"),
    ("D83", "wine", "J02.200.700.900"),
    ("D84", "needlestick injuries", "C26.986.510"),
    ("D85", "needles", "E07.858.690"),
    ("D86", "insulin", "D06.472.699.587.200.500.500"),
    ("D87", "mass screening", "E01.370.500"),
    ("D88", "olfaction disorders", "C10.597.751.600"),
    ("D88", "olfaction disorders", "C23.888.592.763.550"),
    ("D89", "computer security", "L01.224.900.500"),
    ("D90", "fungi", "B01.300"),
    ("D91", "mycoses", "C01.150.703"),
    ("D92", "candida", "B01.300.107.795.095"),
    ("D93", "knee and thigh neoplasms", "C04.588.999"),
    ("D94", "tooth diseases", "C07.650"),
    ("D95", "ehlers-danlos syndrome", "C17.300.680"),
    ("D96", "vipoma", "C04.557.470.035.510.500"),
    ("D97", "baths", "E02.831.387.188"),
    ("D98", "meals", "G07.203.650.500"),
    ("D99", "nuclear family", "F01.829.263.500"),
    ("D100", "mothers", "F01.829.263.500.320.200"),
    ("D100", "mothers", "M01.620.630"),
    ("D101", "foreskin", "A05.360.444.492.362"),
    ("D102", "back", "A01.176"),
    ("D103", "jurisprudence", "I01.880.604"),
    ("D104", "osteochondrosis", "C05.116.821"),
    ("D105", "osteonecrosis", "C05.116.852"),
    ("D106", "helicobacter infections", "C01.150.252.400.466"),
    ("D107", "helicobacter pylori", "B03.440.500.550"),
    ("D108", "intermittent claudication", "C14.907.137.126.669"),
    ("D108", "intermittent claudication", "C23.888.531"),
    ("D109", "peripheral arterial disease", "C14.907.137.126.307.500"),
    ("D110", "stomach diseases", "C06.405.748"),
    ("D111", "stomach neoplasms", "C04.588.274.476.767"),
    ("D111", "stomach neoplasms", "C06.405.748.789"),
    ("D112", "gastritis", "C06.405.748.398"),
    ("D113", "migraine disorders", "C10.228.140.546.399.750"),
    ("D114", "hearing disorders", "C09.218.458"),
    ("D115", "vision disorders", "C11.966"),
    ("D116", "cough", "C08.618.248"),
    ("D116", "cough", "C23.888.852.293"),
    ("D146", "dyspnea", "C08.618.326"),
    ("D146", "dyspnea", "C23.888.852.371"),
    ("D147", "pulmonary disease, chronic obstructive", "C08.381.495.389"),
    ("D117", "smoke", "D01.875"),
    ("D117", "smoke", "N06.850.460.350.850.500"),
    ("D118", "wheezing", "C23.888.852.1000"),
    ("D120", "signs and symptoms, respiratory", "C23.888.852"),
    ("D121", "edema", "C23.888.475"),
    ("D122", "proteinuria", "C12.777.934.734"),
    ("D119", "influenza, human", "C01.925.256.466.382"),
    ("D123", "polyps", "C23.300.825"),
    ("D124", "colonic polyps", "C23.300.825.411.235"),
    ("D125", "nasal polyps", "C23.300.825.557"),
    ("D126", "colonoscopy", "E01.370.388.250"),
    ("D127", "nasal cavity", "A04.531.520"),
    ("D128", "health services needs and demand", "N03.349.340"),
    ("D129", "gastrointestinal hemorrhage", "C06.405.227"),
    ("D130", "accidental falls", "N06.850.135.122"),
    ("D131", "toilet facilities", "J03.962"),
    ("D131", "toilet facilities", "N06.850.860.510.490"),
    ("D132", "ferritins", "D12.776.124.486.274"),
    ("D133", "iron metabolism tests", "E01.370.225.500.500"),
    ("D134", "hemophilia b", "C15.378.100.100.500"),
    ("D135", "diabetes mellitus, type 2", "C18.452.394.750.149"),
    ("D136", "paresthesia", "C10.597.751.600"),
    ("D137", "ultrasonography", "E01.370.350.850"),
    ("D138", "diabetes mellitus", "C18.452.394.750"),
    ("D139", "diabetes mellitus, type 1", "C18.452.394.750.124"),
    ("D140", "blepharospasm", "C10.228.662.300.200"),
    ("D141", "accidental falls", "N06.850.135.122"),
    ("D142", "gels", "D20.280.320"),
    ("D142", "gels", "D26.255.165.320"),
    ("D143", "hepatitis b and gout", "C16.320.999"),
    ("D144", "menstruation", "G08.686.157.500"),
    ("D145", "vertigo", "C09.218.568.900"),
    ("D145", "vertigo", "C23.888.592.958"),
    ("D149", "moldosis", "C01.150.703.990"),
    ("D150", "moldosis, gum", "C01.150.703.990.100"),
    ("D151", "factor q", "D12.776.124.999"),
    ("D154", "vaccination", "E05.478.550"),
    ("D156", "ferritins", "D12.776.999"),
    ("D155", "food", "J02.500"),
    ("D157", "eye", "A09.371"),
    ("D158", "diabetic retinopathy", "C11.768.257"),
    ("D158", "diabetic retinopathy", "C19.246.099.500.382"),
    ("D159", "renal insufficiency, chronic", "C12.777.419.780.050"),
    ("D000212", "acyclovir", "D03.633.100.759.758.399.454.250"),
    ("D160", "herpes zoster vaccine", "D20.215.894.899.290.130.400"),
    ("D161", "insulin glargine", "D06.472.699.587.200.300.100"),
    ("D162", "insulin aspart", "D06.472.699.587.200.500.250"),
    ("D163", "scalefold disease", "C17.800.990"),
    ("D164", "scalefold arthritis", "C17.800.990.100"),
    ("D164", "scalefold arthritis", "C05.550.990"),
    ("D165", "joints", "A02.835.583"),
    ("D166", "joint diseases", "C05.550"),
    ("D167", "speckle disease", "C17.800.991"),
    ("D168", "speckle arthritis", "C17.800.991.100"),
    ("D168", "speckle arthritis", "C05.550.991"),
    ("D169", "speckle synovitis", "C17.800.991.200"),
    ("D169", "speckle synovitis", "C05.550.992"),
    ("D170", "chalkbone disease", "C05.550.994"),
    ("D171", "chalkbone gout", "C05.550.994.100"),
    ("D172", "mottle disease", "C17.800.995"),
    ("D173", "mottle lung", "C17.800.995.100"),
    ("D173", "mottle lung", "C08.381.995"),
    ("D173", "mottle lung", "C24.800.995"),
    ("D174", "lung", "A04.411"),
    ("D175", "lung diseases", "C08.381"),
    ("D176", "arthralgia", "C05.550.091"),
    ("D176", "arthralgia", "C23.888.592.612.094"),
    ("D177", "testis", "A05.360.444.849"),
    ("D178", "testicular diseases", "C12.294.829"),
    ("D179", "caregivers", "M01.085"),
    ("D179", "caregivers", "N02.360.200"),
    ("D180", "spouses", "F01.829.263.500.660"),
    ("D180", "spouses", "M01.816"),
    ("D193", "contraceptives, oral", "D27.505.954.705.400.240"),
    ("D194", "jaundice", "C23.550.429.500"),
    ("D195", "jaundice, neonatal", "C23.550.429.249.500"),
    ("D195", "jaundice, neonatal", "C16.614.451.500"),
    ("D196", "infant, newborn", "M01.060.703.520"),
    ("D197", "cluster headache", "C10.228.140.546.399.750.100"),
    ("D198", "nerve wither disease", "C10.574.999"),
    ("D199", "beds", "E07.325.220"),
    ("D200", "toes", "A01.378.610.250.300.792"),
    ("D201", "foot", "A01.378.610.250.300"),
    ("D202", "walking", "G11.427.410.698.277.937"),
    ("D203", "rectum", "A03.556.124.526.767"),
    ("D204", "stroke", "C10.228.140.300.775"),
    ("D204", "stroke", "C14.907.253.855"),
    ("D300", "barotrauma", "C26.107"),
    ("D301", "tachycardia", "C14.280.067.845"),
    ("D301", "tachycardia", "C23.550.073.845"),
    ("D302", "postural orthostatic tachycardia syndrome", "C10.177.575.600.700"),
    ("D303", "rotator cuff injuries", "C26.803.750"),
    ("D304", "taste disorders", "C10.597.751.850"),
    ("D305", "bronchitis", "C08.127.446"),
    ("D306", "tea", "J02.200.350.800"),
    ("D307", "exanthema", "C17.800.229"),
    ("D308", "amlodipine", "D03.383.725.203"),
    ("D309", "iron", "D01.268.556.474"),
    ("D310", "fatigue", "C23.888.369"),
    ("D311", "kidney diseases", "C12.777.419"),
    ("D312", "naphazoline", "D03.383.129.462.580"),
    ("D320", "dementia", "C10.228.140.380"),
    ("D320", "dementia", "F03.615.400"),
    ("D321", "memory disorders", "C10.597.606.525"),
    ("D321", "memory disorders", "C23.888.592.604.529"),
    ("D321", "memory disorders", "F03.615.700"),
    ("D322", "memory", "F02.463.425"),
    ("D323", "latex hypersensitivity", "C20.543.600"),
    ("D324", "latex", "D20.215.784.500"),
    ("D325", "egg hypersensitivity", "C20.543.480.370.150"),
    ("D326", "eggs", "J02.200.300"),
    ("D327", "analgesics", "D27.505.696.663.050"),
    ("D328", "weight loss", "C23.888.144.243.963"),
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
            ("Marijuana", "Marijuana"),
            ("Elbow Injuries and Disorders", "Elbow Injuries and Disorders"),
            ("Knee Injuries and Disorders", "Knee Injuries and Disorders"),
            ("Pinworms", "Pinworms"),
            ("Cocaine", "Cocaine"),
            ("Crack", "Cocaine"),
            ("Alcohol Use and Older Adults", "Alcohol Use and Older Adults"),
            ("Gout in Adults", "Gout in Adults"),
            ("Gout in Children", "Gout in Children"),
            ("Stomach Disorders", "Stomach Disorders"),
            ("Problems with Hearing", "Problems with Hearing"),
            ("Gastrointestinal Bleeding", "Gastrointestinal Bleeding"),
            ("Falls", "Falls"),
            ("High Temperature", "High Temperature"),
            ("Vision and Hearing Disorders", "Vision and Hearing Disorders"),
            (
                "Autosomal recessive lung disease with cough",
                "Autosomal recessive lung disease with cough",
            ),
            ("Respiratory Signs", "Respiratory Signs"),
            ("Cough", "Cough"),
            ("Impetigo", "Impetigo"),
            ("Breathing Problems", "Breathing Problems"),
            ("Mold Troubles", "Mold Troubles"),
            ("moldosis", "Mold Troubles"),
            ("Factor Q Leiden thrombophilia", "Factor Q Leiden thrombophilia"),
            ("Kinase X gout syndrome", "Kinase X gout syndrome"),
            ("What I need to know about Gout", "What I need to know about Gout"),
        ],
        "medquad",
    )
    return Vocabulary(db)


def _never_fires() -> object:
    """A statistical wording check (``answer.triage``) that flags nothing."""
    from medcite.answer import triage

    off = {"coef": [], "intercept": -50.0, "threshold": 0.99}
    return triage.from_json(
        {
            "format": triage.FORMAT,
            "grams": [],
            "idf": [],
            "heads": {"urgent": off, "emergency": off},
        }
    )


@pytest.fixture
def rules_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """Switch the statistical wording check (``answer.triage``) off, so that a test reads what
    the red-flag rules alone do."""
    from medcite.answer import triage

    model = _never_fires()
    monkeypatch.setattr(triage, "shipped_model", lambda: model)
