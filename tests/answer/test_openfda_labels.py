"""Drug questions answered from FDA drug labels (issue 15 §1): the handmade label fixture
(tests/fixtures/openfda, see SOURCE.md there) ingested beside the mini corpora."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import (
    FIXTURES,
    MINI_MEDQUAD_TAR,
    MINI_MESH_TERMS,
    MINI_MESH_TREES,
    MINI_PUBMED_2021,
)
from medcite import Engine
from medcite.answer import verify
from medcite.records import Answer, EvidenceLevel

LABELS = FIXTURES / "openfda" / "labels.json"
MONTELUKAST = "openfda:f1c0de00-0000-4000-8000-000000000001"
LISINOPRIL = "openfda:f1c0de00-0000-4000-8000-000000000002"
IBUPROFEN = "openfda:f1c0de00-0000-4000-8000-000000000003"


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    from medcite.config import SemanticSettings, Settings

    folder: Path = tmp_path_factory.mktemp("labels-index")
    engine = Engine(folder, Settings(semantic=SemanticSettings(enabled=False)))
    report = engine.ingest([MINI_PUBMED_2021, MINI_MEDQUAD_TAR, LABELS])
    assert not report.failed, report.failed
    engine.load_vocabulary(MINI_MESH_TERMS, MINI_MESH_TREES)
    return engine


def _citations(answer: Answer, part: str) -> list[tuple[str, str]]:
    """(section title, cited document id) of every citation in ``part``."""
    return [
        (s.title, c.document_id)
        for s in getattr(answer, part)
        for b in s.bullets
        for c in b.citations
    ]


def _cited(answer: Answer) -> set[str]:
    bottom = answer.bottom_line.bullets if answer.bottom_line else ()
    ids = {c.document_id for b in bottom for c in b.citations}
    return ids | {d for _t, d in _citations(answer, "guideline_sections")}


def test_dose_question_is_answered_from_the_dosage_section(engine: Engine) -> None:
    answer = engine.ask("what is the dose of montelukast")
    assert not answer.abstained
    assert answer.bottom_line is not None
    bottom = [c.document_id for b in answer.bottom_line.bullets for c in b.citations]
    assert bottom and all(d == f"{MONTELUKAST}#dosage_and_administration" for d in bottom)
    assert "10 mg" in " ".join(b.text for b in answer.bottom_line.bullets)
    dosage = [d for t, d in _citations(answer, "guideline_sections") if t == "Dosage"]
    assert f"{MONTELUKAST}#dosage_and_administration" in dosage
    reference = next(r for r in answer.references if MONTELUKAST in r.document_id)
    assert reference.level is EvidenceLevel.GUIDELINE and reference.kind == "FDA drug label"
    assert reference.url and reference.url.startswith("https://dailymed.nlm.nih.gov/")
    hits, _searched, _note = engine.retrieve(answer.query)
    assert verify.problems(answer, {h.document.id: h.document for h in hits}) == []


def test_the_boxed_warning_of_the_drug_asked_about_is_always_shown(engine: Engine) -> None:
    answer = engine.ask("what is the dose of montelukast")
    warnings = [s for s in answer.guideline_sections if s.title == "Warnings"]
    assert warnings
    first = warnings[0].bullets[0]
    assert first.citations[0].document_id == f"{MONTELUKAST}#boxed_warning"
    assert first.text.startswith("Serious neuropsychiatric (NP) events have been reported")


def test_interaction_question_reads_both_labels_drug_interactions(engine: Engine) -> None:
    answer = engine.ask("Can I take ibuprofen with lisinopril?")
    hits, _searched, _note = engine.retrieve(answer.query)
    found = {h.document.id for h in hits}
    assert f"{IBUPROFEN}#drug_interactions" in found
    assert f"{LISINOPRIL}#drug_interactions" in found
    assert not answer.abstained
    boxed = {d for t, d in _citations(answer, "guideline_sections") if t == "Warnings"}
    assert boxed == {f"{IBUPROFEN}#boxed_warning", f"{LISINOPRIL}#boxed_warning"}


def test_interaction_question_cites_a_drug_interactions_statement(engine: Engine) -> None:
    answer = engine.ask("Can I take ibuprofen with lisinopril?")
    assert any(d.endswith("#drug_interactions") for d in _cited(answer))


def test_pregnancy_question_shows_the_fetal_toxicity_warning(engine: Engine) -> None:
    answer = engine.ask("Can I take lisinopril while pregnant?")
    warnings = {d for t, d in _citations(answer, "guideline_sections") if t == "Warnings"}
    assert f"{LISINOPRIL}#boxed_warning" in warnings
    cited = _cited(answer)
    assert f"{LISINOPRIL}#use_in_specific_populations" in cited
