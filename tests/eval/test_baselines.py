"""Baselines: the lead-sentences answer is a real, fully cited Answer; BM25 re-ranking; levels."""

from __future__ import annotations

from pathlib import Path

from medcite.eval import metrics as m
from medcite.eval.baselines import (
    LeadSentences,
    bm25_rerank,
    evidence_level,
    lead_sentences,
    lead_sentences_answer,
    plain_bm25,
)
from medcite.eval.runner import write_documents
from medcite.index.tantivy_index import TantivyIndex
from medcite.records import AbstractSection, Document, EvidenceLevel, Facet, Hit, Source


def doc(doc_id: str, *texts: str, types: tuple[str, ...] = (), **extra: object) -> Document:
    sections = tuple(AbstractSection(text=t) for t in texts)
    return Document.model_validate(
        {
            "id": doc_id,
            "source": Source.PUBMED,
            "title": f"Title {doc_id}",
            "sections": sections,
            "publication_types": types,
            **extra,
        }
    )


def hit(document: Document, rank: int) -> Hit:
    return Hit(document=document, score=10.0 / rank, rank=rank)


DOCS = [
    doc("pmid:1", "Background one. Second sentence of one.  Third.", types=("Review",)),
    doc("pmid:2"),  # title only: skipped
    doc("pmid:3", "Only sentence of three"),
    doc("pmid:4", "First of four. Second of four."),
    doc("pmid:5", "First of five."),
]
BY_ID = {d.id: d for d in DOCS}


def test_lead_sentences_are_verbatim_and_cross_sections() -> None:
    two_sections = doc("pmid:9", "Only one here.", "Next section starts. More.")
    assert lead_sentences(two_sections, 2) == ["Only one here.", "Next section starts."]
    assert lead_sentences(DOCS[1], 2) == []


def test_the_answer_quotes_the_top_three_abstracts_with_numbered_references() -> None:
    hits = [hit(d, r) for r, d in enumerate(DOCS, start=1)]
    answer = lead_sentences_answer("what is one?", hits)
    assert not answer.abstained
    (section,) = answer.research_sections
    assert section.facet is Facet.OVERVIEW
    assert [b.text for b in section.bullets] == [
        "Background one. Second sentence of one.",
        "Only sentence of three",
        "First of four. Second of four.",
    ]
    assert [(r.number, r.document_id) for r in answer.references] == [
        (1, "pmid:1"),
        (2, "pmid:3"),
        (3, "pmid:4"),
    ]
    assert answer.references[0].level is EvidenceLevel.REVIEW
    first = section.bullets[0]
    assert [(c.number, c.sentence) for c in first.citations] == [
        (1, "Background one."),
        (1, "Second sentence of one."),
    ]
    assert answer.searched == ("local index (plain BM25): what is one?",)
    assert answer.disclaimer


def test_the_answer_passes_every_citation_check() -> None:
    hits = [hit(d, r) for r, d in enumerate(DOCS, start=1)]
    answer = lead_sentences_answer("q", hits, sentences_per_doc=3)
    integrity = m.citation_integrity(answer, BY_ID.get, retrieved=set(BY_ID))
    support = m.citation_support(answer, BY_ID.get)
    assert integrity.ok and integrity.valid == integrity.citations == 6  # 3 + 1 + 2
    assert (support.bullets, support.supported) == (3, 3)


def test_the_baseline_abstains_when_no_hit_has_an_abstract() -> None:
    answer = lead_sentences_answer("q", [hit(DOCS[1], 1)])
    assert answer.abstained
    assert answer.abstain_reason == "no retrieved document has an abstract"
    assert [r.document_id for r in answer.closest] == ["pmid:2"]
    assert lead_sentences_answer("q", []).abstain_reason == "nothing was found"


def test_evidence_levels_follow_the_design_table() -> None:
    assert evidence_level(doc("a", types=("Meta-Analysis", "Review"))) is (
        EvidenceLevel.SYSTEMATIC_REVIEW
    )
    assert evidence_level(doc("b", types=("Randomized Controlled Trial",))) is EvidenceLevel.TRIAL
    assert evidence_level(doc("c", types=("Journal Article",))) is EvidenceLevel.OTHER
    assert evidence_level(doc("d", types=("Retracted Publication",))) is EvidenceLevel.EXCLUDED
    medquad = Document(id="medquad:x#1", source=Source.MEDQUAD, title="t")
    assert evidence_level(medquad) is EvidenceLevel.GUIDELINE


def test_plain_bm25_and_lead_sentences_on_a_real_index(tmp_path: Path) -> None:
    index_path = tmp_path / "index"
    TantivyIndex.create_or_open(index_path)
    docs = [
        doc("pmid:11", "Hemifacial spasm is treated with botulinum toxin. It works."),
        doc("pmid:12", "Asthma in children is common."),
    ]
    assert write_documents(index_path, docs) == 2
    retrieve = plain_bm25(index_path)
    assert [h.document.id for h in retrieve("What treats hemifacial spasm?", 5)] == ["pmid:11"]
    answer = LeadSentences(retrieve, sentences_per_doc=1)("What treats hemifacial spasm?")
    assert m.answer_text(answer) == "Hemifacial spasm is treated with botulinum toxin."


def test_bm25_rerank_orders_candidates_by_term_overlap() -> None:
    texts = [
        "Completely unrelated text about cars.",
        "Uveitis is an inflammation of the eye; autoimmune disease can cause uveitis.",
        "Uveitis affects the eye.",
    ]
    assert bm25_rerank("Is uveitis an autoimmune disease?", texts) == [1, 2, 0]
    assert bm25_rerank("anything", []) == []
    assert bm25_rerank("no match", ["a b", "c d"]) == [0, 1]  # ties keep the given order
