"""Evidence levels of real records, retractions excluded, ranking formula."""

from __future__ import annotations

import gzip
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import MINI_PUBMED_2021, PUBMED_2021, shared_or_mini
from medcite.evidence.classify import classify, exclusion_reason
from medcite.evidence.rank import rank, recency
from medcite.ingest import pubmed_xml
from medcite.records import Document, EvidenceLevel, Hit, Source

WANTED = {"27602157", "34093767", "34092123", "33989798"}


def _documents(path: Path = PUBMED_2021) -> Iterator[Document]:
    with gzip.open(path) as stream:
        for item in pubmed_xml.parse(stream, "2021"):  # type: ignore[arg-type]
            if isinstance(item, Document):
                yield item


@pytest.fixture(scope="module")
def records() -> dict[str, Document]:
    real = shared_or_mini(PUBMED_2021, MINI_PUBMED_2021)  # the cut holds the WANTED records
    return {d.pmid or "": d for d in _documents(real) if d.pmid in WANTED}


@pytest.fixture(scope="module")
def levels_2021() -> dict[EvidenceLevel, int]:
    counts: dict[EvidenceLevel, int] = {}
    for doc in _documents():
        counts[classify(doc)] = counts.get(classify(doc), 0) + 1
    return counts


def test_retracted_publication_and_notices_are_excluded(records: dict[str, Document]) -> None:
    assert classify(records["27602157"]) is EvidenceLevel.EXCLUDED
    assert exclusion_reason(records["27602157"]) == "retracted publication"
    assert exclusion_reason(records["34093767"]) == "retraction notice"
    assert exclusion_reason(records["34092123"]) == "retraction notice"


def test_systematic_review_recognised_from_its_title(records: dict[str, Document]) -> None:
    doc = records["33989798"]
    assert "Systematic Review" not in doc.publication_types
    assert classify(doc) is EvidenceLevel.SYSTEMATIC_REVIEW


def test_a_case_report_is_recognised_from_its_title() -> None:
    def level(title: str, types: tuple[str, ...] = ("Journal Article",)) -> EvidenceLevel:
        doc = Document(id="pmid:1", source=Source.PUBMED, title=title, publication_types=types)
        return classify(doc)

    assert level("Recurrent gout in a young man: case report.") is EvidenceLevel.CASE_REPORT
    assert level("A rare case of gout in the knee of a child.") is EvidenceLevel.CASE_REPORT
    assert level("Gout in young men: a cohort study.") is EvidenceLevel.OTHER
    # a stronger design the record is typed with stays
    review = level("Gout in the knee: case report and review.", ("Review",))
    assert review is EvidenceLevel.REVIEW


@pytest.mark.corpora(PUBMED_2021)
def test_level_counts_in_the_2021_update_file(
    levels_2021: dict[EvidenceLevel, int],
) -> None:
    assert levels_2021[EvidenceLevel.EXCLUDED] == 13  # 9 notices + 4 retracted publications
    assert levels_2021[EvidenceLevel.SYSTEMATIC_REVIEW] >= 49  # 40 SR + 9 MA, + title cues
    assert levels_2021[EvidenceLevel.TRIAL] >= 8
    assert levels_2021[EvidenceLevel.CASE_REPORT] > 400
    assert levels_2021[EvidenceLevel.OTHER] > 10_000


def test_medquad_pages_are_guideline_level() -> None:
    doc = Document(id="medquad:x#1", source=Source.MEDQUAD, title="What is X?")
    assert classify(doc) is EvidenceLevel.GUIDELINE


def _hit(doc_id: str, score: float, types: tuple[str, ...], year: int | None) -> Hit:
    doc = Document(
        id=doc_id, source=Source.PUBMED, title=doc_id, publication_types=types, year=year
    )
    return Hit(document=doc, score=score, rank=1)


def test_rank_prefers_better_evidence_at_similar_relevance_and_excludes_retractions() -> None:
    hits = [
        _hit("case", 10.0, ("Case Reports",), 2021),
        _hit("sr", 9.0, ("Systematic Review",), 2021),
        _hit("retracted", 12.0, ("Retracted Publication",), 2021),
        _hit("weak-rct", 3.0, ("Randomized Controlled Trial",), 2021),
    ]
    order = [e.hit.document.id for e in rank(hits, 2026)]
    assert order == ["sr", "case", "weak-rct", "retracted"]


def test_recency() -> None:
    assert recency(2026, 2026) == 1.0
    assert recency(2016, 2026) == pytest.approx(0.95)
    assert recency(None, 2026) < recency(1990, 2026) + 0.05
    assert recency(1900, 2026) >= 0.9


def test_corpus_path_exists(corpora: Path) -> None:
    assert corpora.is_dir()
