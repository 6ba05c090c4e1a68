"""Every metric against values computed by hand (the arithmetic is in the comments)."""

from __future__ import annotations

import math

import pytest

from medcite.eval import metrics as m
from medcite.records import (
    AbstractSection,
    Answer,
    Bullet,
    Citation,
    Document,
    EvidenceLevel,
    ExcludedDocument,
    Facet,
    Query,
    RedFlag,
    Reference,
    Section,
    Source,
)

RANKED = ["a", "b", "c", "d"]
GRADED = {"b": 2, "d": 1, "e": 3}


def test_ndcg_uses_linear_gains_and_log2_discount() -> None:
    # DCG = 2/log2(3) + 1/log2(5) = 1.26186 + 0.43068 = 1.69254
    # IDCG = 3/log2(2) + 2/log2(3) + 1/log2(4) = 3 + 1.26186 + 0.5 = 4.76186
    assert m.ndcg_at_k(RANKED, GRADED, 10) == pytest.approx(1.69254 / 4.76186, abs=1e-5)
    assert m.ndcg_at_k(["e", "b", "d"], GRADED, 10) == pytest.approx(1.0)
    assert m.ndcg_at_k(RANKED, {}, 10) == 0.0


def test_ndcg_cuts_at_k_and_ignores_repeated_ids() -> None:
    # top 1 = a (gain 0) -> 0; the ideal top 1 is e (3)
    assert m.ndcg_at_k(RANKED, GRADED, 1) == 0.0
    # [b, b, d] counts as [b, d]: DCG = 2 + 1/log2(3) = 2.63093; IDCG@2 = 3 + 2/log2(3) = 4.26186
    assert m.ndcg_at_k(["b", "b", "d"], GRADED, 2) == pytest.approx(2.63093 / 4.26186, abs=1e-5)


def test_recall_counts_relevant_documents_at_or_above_min_gain() -> None:
    assert m.recall_at_k(RANKED, GRADED, 2) == pytest.approx(1 / 3)  # b of {b, d, e}
    assert m.recall_at_k(RANKED, GRADED, 10) == pytest.approx(2 / 3)  # b, d
    assert m.recall_at_k(RANKED, GRADED, 10, min_gain=2) == pytest.approx(1 / 2)  # b of {b, e}
    assert m.recall_at_k(RANKED, {}, 10) == 0.0


def test_mrr_is_the_reciprocal_rank_of_the_first_relevant_document() -> None:
    assert m.mrr_at_k(RANKED, GRADED, 10) == 0.5  # b at rank 2
    assert m.mrr_at_k(RANKED, GRADED, 10, min_gain=3) == 0.0  # e not retrieved
    assert m.mrr_at_k(RANKED, GRADED, 1) == 0.0
    scores = m.retrieval_scores(["e", "a"], GRADED)
    assert (scores.mrr10, scores.recall10, scores.recall100) == (1.0, pytest.approx(1 / 3), 1 / 3)


def test_rouge_l_is_lcs_f1_against_the_best_reference() -> None:
    # LCS(the cat sat on the mat, the cat lay on the mat) = "the cat on the mat" = 5 of 6 tokens
    assert m.rouge_l("the cat sat on the mat", ["the cat lay on the mat"]) == pytest.approx(5 / 6)
    assert m.rouge_l("the cat sat on the mat", ["dogs bark", "the cat sat on the mat"]) == 1.0
    assert m.rouge_l("", ["anything"]) == 0.0
    assert m.rouge_l("text", []) == 0.0


def test_key_statement_coverage_needs_half_the_content_words_in_one_sentence() -> None:
    sentences = ["Aspirin reduces fever in adults.", "It can upset the stomach."]
    statements = [
        "Aspirin lowers fever.",  # {aspirin, lower, fever}: 2/3 in sentence 1 -> covered
        "Aspirin may cause stomach upset.",  # best 2/5 (sentence 2) -> not covered
        "The",  # no content words: not counted
    ]
    assert m.key_statement_coverage(sentences, statements) == 0.5
    assert m.key_statement_coverage(sentences, statements, threshold=0.4) == 1.0
    assert m.key_statement_coverage(sentences, ["the"]) is None
    assert m.key_statement_coverage([], ["Aspirin lowers fever."]) == 0.0


# --- answers built by hand -------------------------------------------------------------------

DOCS = {
    "pmid:1": Document(
        id="pmid:1",
        source=Source.PUBMED,
        title="Aspirin in adults",
        sections=(
            AbstractSection(text="Aspirin reduces fever in adults.  It can upset the stomach."),
        ),
    ),
    "pmid:2": Document(id="pmid:2", source=Source.PUBMED, title="Ibuprofen"),
}


def get_document(doc_id: str) -> Document | None:
    return DOCS.get(doc_id)


def reference(number: int, doc_id: str) -> Reference:
    return Reference(number=number, document_id=doc_id, title=doc_id, level=EvidenceLevel.OTHER)


def cite(number: int, doc_id: str, sentence: str = "x") -> Citation:
    return Citation(number=number, document_id=doc_id, sentence=sentence)


def answer(*bullets: Bullet, references: tuple[Reference, ...] = (), **extra: object) -> Answer:
    section = Section(facet=Facet.TREATMENT, title="Treatment", bullets=bullets)
    fields: dict[str, object] = {
        "id": "a1",
        "question": "q",
        "query": Query(question="q"),
        "research_sections": (section,) if bullets else (),
        "references": references,
        "disclaimer": "not medical advice",
    }
    return Answer.model_validate({**fields, **extra})


def test_integrity_is_perfect_when_every_number_resolves_to_an_indexed_document() -> None:
    good = answer(
        Bullet(text="t", citations=(cite(1, "pmid:1"), cite(2, "pmid:2"))),
        references=(reference(1, "pmid:1"), reference(2, "pmid:2")),
    )
    result = m.citation_integrity(good, get_document, retrieved={"pmid:1", "pmid:2"})
    assert (result.citations, result.valid, result.ok) == (2, 2, True)


def test_integrity_reports_each_broken_link() -> None:
    broken = answer(
        Bullet(text="t", citations=(cite(1, "pmid:1"), cite(2, "pmid:3"), cite(3, "pmid:1"))),
        Bullet(text="u", citations=(cite(5, "pmid:9"),)),
        references=(
            reference(1, "pmid:1"),
            reference(2, "pmid:2"),
            reference(4, "pmid:2"),
            reference(5, "pmid:9"),
        ),
    )
    result = m.citation_integrity(broken, get_document)
    assert (result.citations, result.valid) == (4, 1)
    assert result.problems == (
        "[2] cites pmid:3 but reference 2 is pmid:2",
        "[3] has no reference",
        "[5] pmid:9 is not in the index",
        "reference [4] is never cited",
    )
    not_retrieved = m.citation_integrity(broken, get_document, retrieved={"pmid:2"})
    assert not_retrieved.valid == 0
    assert "[1] pmid:1 was not retrieved for this answer" in not_retrieved.problems


def test_integrity_flags_duplicate_reference_numbers() -> None:
    dup = answer(
        Bullet(text="t", citations=(cite(1, "pmid:1"),)),
        references=(reference(1, "pmid:1"), reference(1, "pmid:1")),
    )
    assert m.citation_integrity(dup, get_document).problems == ("reference number 1 used twice",)


def test_support_needs_verbatim_sentences_that_carry_the_bullet() -> None:
    fever = "Aspirin reduces fever in adults."
    result = m.citation_support(
        answer(
            Bullet(text=fever, citations=(cite(1, "pmid:1", fever),)),  # supported
            Bullet(text="Aspirin cures cancer.", citations=(cite(1, "pmid:1", "Aspirin cures"),)),
            # {aspirin, prevent, stroke, heart, attack, adult}: only aspirin, adult backed (2/6)
            Bullet(
                text="Aspirin prevents strokes and heart attacks in adults.",
                citations=(cite(1, "pmid:1", fever),),
            ),
            Bullet(text="No citation.", citations=()),
            Bullet(text="Unknown document.", citations=(cite(2, "pmid:404", "Unknown document."),)),
        ),
        get_document,
    )
    assert (result.bullets, result.supported, len(result.problems)) == (5, 1, 4)


def test_support_matches_sentences_across_white_space_and_title() -> None:
    spaced = "Aspirin reduces fever in adults. It can upset the stomach."  # one space, doc has two
    result = m.citation_support(
        answer(
            Bullet(text=spaced, citations=(cite(1, "pmid:1", spaced),)),
            Bullet(text="Aspirin in adults", citations=(cite(1, "pmid:1", "Aspirin in adults"),)),
        ),
        get_document,
    )
    assert result.supported == 2


def test_answer_text_and_sentences_cover_the_guideline_lead_and_every_bullet() -> None:
    built = answer(
        Bullet(text="First point. Second point.", citations=()),
        Bullet(text="Third point.", citations=()),
        guideline_lead=(Bullet(text="Lead.", citations=()),),
    )
    assert m.answer_text(built) == "Lead.\nFirst point. Second point.\nThird point."
    assert m.answer_sentences(built) == ["Lead.", "First point.", "Second point.", "Third point."]


def test_abstention_rate_and_correctness() -> None:
    # (abstained, answerable): right, right, wrongful, missed, unlabelled
    scores = m.abstention_scores(
        [(True, False), (False, True), (True, True), (False, False), (True, None)]
    )
    assert (scores.questions, scores.abstained, scores.rate) == (5, 3, 0.6)
    assert (scores.labelled, scores.correct, scores.accuracy) == (4, 2, 0.5)
    assert (scores.wrongful, scores.missed) == (1, 1)
    assert m.abstention_scores([]).accuracy is None


def test_binary_scores_for_red_flags() -> None:
    scores = m.binary_scores([True, True, False, False, True], [True, False, True, False, True])
    assert (scores.tp, scores.fn, scores.fp, scores.tn) == (2, 1, 1, 1)
    assert scores.recall == pytest.approx(2 / 3)
    assert scores.precision == pytest.approx(2 / 3)
    assert scores.false_positive_rate == 0.5
    assert m.binary_scores([False], [False]).recall is None
    with pytest.raises(ValueError, match="2 labels but 1 predictions"):
        m.binary_scores([True, False], [True])


def test_flags_red_reads_the_banner_or_the_detected_red_flags() -> None:
    flag = RedFlag(kind="chest pain", matched="chest pain", advice="call")
    assert m.flags_red(answer(banner="Call 911"))
    assert m.flags_red(answer(query=Query(question="q", red_flags=(flag,))))
    assert not m.flags_red(answer())


def test_latency_percentiles_are_nearest_rank() -> None:
    # p50: rank round(0.5 * 3) = 2 -> 30; p95: rank round(2.85) = 3 -> 40
    summary = m.latency_summary([0.010, 0.040, 0.020, 0.030])
    assert (summary.n, summary.p50_ms, summary.p95_ms) == (4, 30.0, 40.0)
    assert summary.mean_ms == pytest.approx(25.0)
    assert math.isnan(m.percentile([], 50))


def test_documents_read_and_requests_made() -> None:
    built = answer(
        Bullet(text="t", citations=(cite(1, "pmid:1"),)),
        references=(reference(1, "pmid:1"),),
        excluded=(ExcludedDocument(document_id="pmid:7", title="t", reason="retracted"),),
        closest=(reference(1, "pmid:1"), reference(2, "pmid:2")),
        searched=("local: q", "pubmed: q"),
    )
    assert m.documents_read(built) == 3  # pmid:1, pmid:2, pmid:7
    assert m.requests_made(built) == 2


def test_mean_skips_missing_values() -> None:
    assert m.mean([1.0, None, 3.0, math.nan]) == 2.0
    assert m.mean([None]) is None


def test_paired_bootstrap_a_clear_difference_excludes_zero() -> None:
    better = [0.9, 0.8, 1.0, 0.7, 0.95, 0.85, 0.9, 0.75, 1.0, 0.8]
    worse = [0.2, 0.1, 0.3, 0.2, 0.25, 0.1, 0.3, 0.2, 0.15, 0.2]
    diff, lo, hi, p = m.paired_bootstrap(better, worse, n=1000, seed=1)
    assert diff == pytest.approx(0.665)
    assert 0 < lo < diff < hi
    assert p < 0.01
    assert tuple(m.paired_bootstrap(better, worse, n=1000, seed=1)) == (diff, lo, hi, p)


def test_paired_bootstrap_identical_lists_give_zero() -> None:
    scores = [0.1, 0.5, 0.9, 0.3]
    assert tuple(m.paired_bootstrap(scores, scores)) == (0.0, 0.0, 0.0, 1.0)


def test_paired_bootstrap_noise_straddles_zero() -> None:
    diff, lo, hi, p = m.paired_bootstrap([1, 0, 1, 0, 1, 0], [0, 1, 0, 1, 1, 0], seed=3)
    assert diff == 0.0 and lo < 0 < hi and p > 0.5
    with pytest.raises(ValueError, match="length"):
        m.paired_bootstrap([1.0], [1.0, 2.0])


def about_by_title(document: Document, focus: str) -> bool:
    return focus.lower() in document.title.lower()


def test_topic_scores_count_bullets_citing_a_document_about_the_focus() -> None:
    a = answer(
        Bullet(text="t", citations=(cite(1, "pmid:1"), cite(2, "pmid:2"))),
        Bullet(text="u", citations=(cite(2, "pmid:2"),)),
        Bullet(text="v", citations=(cite(3, "pmid:404"),)),
        guideline_lead=(Bullet(text="w", citations=(cite(1, "pmid:1"),)),),
    )
    scores = m.topic_scores(a, "aspirin", get_document, about_by_title)
    assert (scores.bullets, scores.on_topic) == (4, 2)
    assert scores.off_topic_documents == ("pmid:2", "pmid:404")
