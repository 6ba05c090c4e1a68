"""openFDA drug labels: one document per clinical section, streamed from JSON or the bulk ZIP.

The fixture (tests/fixtures/openfda/labels.json) is handmade: see SOURCE.md beside it.
"""

from __future__ import annotations

import io
import json
import tracemalloc
import zipfile
from pathlib import Path
from typing import Any

import pytest

from conftest import FIXTURES
from medcite.errors import InputError
from medcite.evidence.classify import classify, source_kind
from medcite.ingest import openfda, reader
from medcite.ingest.detect import Format, sniff
from medcite.records import BOXED_WARNING_TYPE, Document, EvidenceLevel, SkippedRecord, Source

LABELS = FIXTURES / "openfda" / "labels.json"
MONTELUKAST = "f1c0de00-0000-4000-8000-000000000001"
LISINOPRIL = "f1c0de00-0000-4000-8000-000000000002"
IBUPROFEN = "f1c0de00-0000-4000-8000-000000000003"


def _items(path: Path) -> list[Document | SkippedRecord]:
    items = list(reader.read(reader.detect(path)))
    assert all(isinstance(i, Document | SkippedRecord) for i in items)
    return items  # type: ignore[return-value]


def _docs(path: Path = LABELS) -> dict[str, Document]:
    return {d.id: d for d in _items(path) if isinstance(d, Document)}


def _zipped(
    tmp_path: Path, source: Path = LABELS, name: str = "drug-label-0001-of-0001.json"
) -> Path:
    path = tmp_path / "drug-label-0001-of-0001.json.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.write(source, name)
    return path


def test_each_clinical_section_is_one_document_with_a_stable_id() -> None:
    docs = _docs()
    montelukast = sorted(i.split("#")[1] for i in docs if i.startswith(f"openfda:{MONTELUKAST}#"))
    assert montelukast == sorted(
        [
            "boxed_warning",
            "indications_and_usage",
            "dosage_and_administration",
            "contraindications",
            "warnings_and_cautions",
            "drug_interactions",
            "use_in_specific_populations",
            "pediatric_use",
            "geriatric_use",
            "adverse_reactions",
        ]
    )  # dosage_forms_and_strengths and the display panel are not clinical sections
    assert f"openfda:{IBUPROFEN}#warnings" in docs and f"openfda:{IBUPROFEN}#precautions" in docs
    assert (
        f"openfda:{IBUPROFEN}#pregnancy" in docs and f"openfda:{IBUPROFEN}#nursing_mothers" in docs
    )
    assert list(_docs()) == list(docs)  # same ids, same order, every time


def test_names_dates_links_and_question_types() -> None:
    dose = _docs()[f"openfda:{MONTELUKAST}#dosage_and_administration"]
    assert dose.source is Source.OPENFDA
    assert dose.title == "Singulair (montelukast sodium): Dosage and administration"
    assert dose.focus == "montelukast sodium" and dose.synonyms == ("Singulair",)
    assert dose.url == f"https://dailymed.nlm.nih.gov/dailymed/lookup.cfm?setid={MONTELUKAST}"
    assert dose.site == "FDA drug label"
    assert (dose.pub_date, dose.year) == ("2021-03-04", 2021)
    assert dose.question_type == "dosage"
    types = {i.split("#")[1]: d.question_type for i, d in _docs().items() if LISINOPRIL in i}
    assert types["boxed_warning"] == BOXED_WARNING_TYPE
    assert types["drug_interactions"] == "interactions"
    assert types["use_in_specific_populations"] == types["contraindications"] == "warnings"
    assert types["adverse_reactions"] == "side effects"
    assert types["indications_and_usage"] == "treatment"


def test_a_brand_equal_to_the_generic_name_is_no_synonym() -> None:
    doc = _docs()[f"openfda:{IBUPROFEN}#drug_interactions"]
    assert doc.title == "Ibuprofen: Drug interactions"
    assert doc.focus == "ibuprofen" and doc.synonyms == ()


def test_text_keeps_the_sentences_and_moves_the_heading_into_the_label() -> None:
    raw = json.loads(LABELS.read_text())["results"][1]["boxed_warning"][0]
    boxed = _docs()[f"openfda:{LISINOPRIL}#boxed_warning"]
    (section,) = boxed.sections
    assert section.label == "WARNING: FETAL TOXICITY"
    assert section.text.startswith("When pregnancy is detected, discontinue ZESTRIL")
    assert f"{section.label} {section.text}" == " ".join(raw.split())
    indications = _docs()[f"openfda:{MONTELUKAST}#indications_and_usage"].sections[0]
    assert indications.label == "1 INDICATIONS AND USAGE"
    assert indications.text.startswith("SINGULAIR is a leukotriene")  # the brand stays
    pediatric = _docs()[f"openfda:{MONTELUKAST}#pediatric_use"].sections[0]
    assert pediatric.label == "8.4 Pediatric Use"
    older = _docs()[f"openfda:{IBUPROFEN}#drug_interactions"].sections[0]  # title-case heading
    assert older.label == "Drug Interactions"
    assert older.text.startswith("ACE-inhibitors: Reports suggest")


def test_established_pharmacologic_classes_are_keywords() -> None:
    docs = _docs()
    assert docs[f"openfda:{LISINOPRIL}#drug_interactions"].keywords == (
        "Angiotensin Converting Enzyme Inhibitor",
    )
    assert docs[f"openfda:{IBUPROFEN}#boxed_warning"].keywords == (
        "Nonsteroidal Anti-inflammatory Drug",
    )


def test_label_sections_are_guideline_level_fda_labels() -> None:
    doc = _docs()[f"openfda:{MONTELUKAST}#boxed_warning"]
    level = classify(doc)
    assert level is EvidenceLevel.GUIDELINE
    assert source_kind(doc, level) == "FDA drug label"


def test_labels_that_cannot_become_documents_are_skipped_with_a_reason(tmp_path: Path) -> None:
    good = json.loads(LABELS.read_text())["results"][0]
    no_set_id = {k: v for k, v in good.items() if k != "set_id"}
    unharmonised = {k: v for k, v in good.items() if k != "openfda"}
    no_sections = {"set_id": "x-1", "openfda": good["openfda"], "description": ["Tablets."]}
    path = _write(tmp_path / "labels.json", [no_set_id, unharmonised, no_sections, 7, good])
    items = _items(path)
    skipped = [i for i in items if isinstance(i, SkippedRecord)]
    assert [s.reason for s in skipped] == [
        openfda.NO_SET_ID,
        openfda.NO_GENERIC_NAME,
        openfda.NO_SECTIONS,
        openfda.NOT_A_LABEL,
    ]
    assert skipped[0].where.endswith("label 1") and "x-1" in skipped[2].where
    assert sum(isinstance(i, Document) for i in items) == 10


def test_the_bulk_zip_is_read_like_the_json(tmp_path: Path) -> None:
    path = _zipped(tmp_path)
    assert reader.detect(path).format is Format.OPENFDA_LABELS
    assert _docs(path) == _docs()


def test_detection_by_content() -> None:
    head = LABELS.read_bytes()[:4096]
    assert sniff(head) is Format.OPENFDA_LABELS
    api = b'{\n "meta": {"disclaimer": "Do not rely on openFDA ...", "results": {}},\n "results": ['
    assert sniff(api) is Format.OPENFDA_LABELS
    assert sniff(b'{"meta": {"x": 1}, "id": "mine", "title": "t"}\n') is Format.JSONL
    assert sniff(b'{"id": "a", "title": "openFDA"}\n') is Format.JSONL
    other_zip = io.BytesIO()
    with zipfile.ZipFile(other_zip, "w") as archive:
        archive.writestr("notes.txt", "hello")
    assert sniff(other_zip.getvalue()[:4096]) is None


def test_damaged_input_is_one_clear_error(tmp_path: Path) -> None:
    truncated = tmp_path / "labels.json"
    truncated.write_bytes(LABELS.read_bytes()[:3000])
    with pytest.raises(InputError, match="malformed openFDA JSON"):
        _items(truncated)
    broken = tmp_path / "broken.zip"
    broken.write_bytes(_zipped(tmp_path).read_bytes()[:-200])
    with pytest.raises(InputError, match="truncated or corrupt archive"):
        _items(broken)


def test_labels_are_streamed_one_at_a_time(tmp_path: Path) -> None:
    """A file of 3,000 labels (≈ 6 MB) is parsed lazily: the first documents arrive before the
    rest is read, and memory stays far below the file's size."""
    template = json.loads(LABELS.read_text())["results"][0]
    path = tmp_path / "many.json"
    with path.open("w") as out:
        out.write('{"meta": {"disclaimer": "openFDA"}, "results": [')
        for number in range(3000):
            label = {**template, "set_id": f"set-{number}"}
            out.write(("," if number else "") + json.dumps(label))
        out.write("]}")
    size = path.stat().st_size
    with path.open("rb") as stream:
        items = openfda.parse(stream, "many.json")
        first = next(items)
        assert isinstance(first, Document) and first.id.startswith("openfda:set-0#")
        assert stream.tell() < size / 10  # only the start was read
        tracemalloc.start()
        count = 1 + sum(1 for _ in items)
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    assert count == 3000 * 10
    assert peak < size / 4


def test_ingest_through_the_engine(tmp_path: Path) -> None:
    from medcite import Engine
    from medcite.config import SemanticSettings, Settings

    engine = Engine(tmp_path / "index", Settings(semantic=SemanticSettings(enabled=False)))
    report = engine.ingest([_zipped(tmp_path)])
    assert not report.failed
    (file,) = report.files
    assert (file.format, file.added, file.skipped) == ("openfda-labels", 30, 0)
    hits = engine.search("montelukast dose", 5)
    assert any(h.document.source is Source.OPENFDA for h in hits)


def _write(path: Path, labels: list[Any]) -> Path:
    path.write_text(json.dumps({"meta": {"disclaimer": "openFDA"}, "results": labels}))
    return path
