"""Evaluate one system on one task: a list of questions in, a report :class:`Row` out.

Each function runs a callable (retrieval, answering, re-ranking, red-flag detection) over the
questions, times every call, scores it with :mod:`medcite.eval.metrics` and returns the averaged
row plus one detail record per question.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from medcite.errors import MedciteError
from medcite.eval import metrics as m
from medcite.eval.baselines import AnswerFn, RerankFn, RetrieveFn
from medcite.eval.datasets import EvalItem, LabelledQuestion, RerankItem
from medcite.eval.report import Row
from medcite.records import Answer, Document

log = logging.getLogger(__name__)

RETRIEVAL_K = 100
Details = list[dict[str, Any]]


# --- retrieval -------------------------------------------------------------------------------


def evaluate_retrieval(
    task: str, system: str, retrieve: RetrieveFn, items: Sequence[EvalItem], split: str = ""
) -> tuple[Row, Details]:
    """nDCG@10, R@10, R@100, MRR@10 and latency of ``retrieve`` over ``items`` (of ``split``)."""
    scores: list[m.RetrievalScores] = []
    seconds: list[float] = []
    details: Details = []
    for item in items:
        started = time.perf_counter()
        ranked = _ranked_ids(retrieve, item.question)
        seconds.append(time.perf_counter() - started)
        score = m.retrieval_scores(ranked, item.relevant, item.min_gain)
        scores.append(score)
        details.append(
            _detail("retrieval", task, system, item.qid, split=split, **_score_dict(score))
        )
    latency = m.latency_summary(seconds)
    metrics = {
        "ndcg10": m.mean(s.ndcg10 for s in scores),
        "recall10": m.mean(s.recall10 for s in scores),
        "recall100": m.mean(s.recall100 for s in scores),
        "mrr10": m.mean(s.mrr10 for s in scores),
        "p50_ms": latency.p50_ms,
        "p95_ms": latency.p95_ms,
    }
    return Row("retrieval", task, system, len(items), metrics, split=split), details


def _ranked_ids(retrieve: RetrieveFn, question: str) -> list[str]:
    try:
        return [hit.document.id for hit in retrieve(question, RETRIEVAL_K)]
    except MedciteError as exc:
        log.warning("retrieval failed for %r: %s", question[:60], exc)
        return []


def _score_dict(score: m.RetrievalScores) -> dict[str, float]:
    return {
        "ndcg10": score.ndcg10,
        "recall10": score.recall10,
        "recall100": score.recall100,
        "mrr10": score.mrr10,
    }


# --- answers ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class AnswerCase:
    """A question to answer, its references and whether it should be answered (None: unknown)."""

    item: EvalItem
    answerable: bool | None = None


@dataclass
class _AnswerTally:
    rouge: list[float | None] = field(default_factory=list)
    """ROUGE-L per question with a reference; an abstention has no text and scores 0."""
    coverage: list[float | None] = field(default_factory=list)
    integrity_ok: list[bool] = field(default_factory=list)
    bullets: int = 0
    supported: int = 0
    seconds: list[float] = field(default_factory=list)
    docs: list[float] = field(default_factory=list)
    requests: list[float] = field(default_factory=list)
    errors: int = 0
    topic_bullets: int = 0
    on_topic_bullets: int = 0
    topic_answers: list[bool] = field(default_factory=list)
    """Per answered question with a focus: did at least one bullet cite an on-topic document?"""


RetrievedFn = Callable[[Answer], Collection[str]]
"""The ids of the documents an answerer retrieved for an answer (to check citations against)."""
AboutFn = Callable[[Document, str], bool]
"""Is a document about a focus? (:meth:`medcite.eval.topics.TopicJudge.about`)"""


@dataclass(frozen=True, slots=True)
class AnswerJudges:
    """How answers are checked: documents by id, retrieved ids, the on-topic judge."""

    get_document: m.GetDocument
    retrieved_fn: RetrievedFn | None = None
    about: AboutFn | None = None


def evaluate_answers(
    task: str,
    system: str,
    answer_fn: AnswerFn,
    cases: Sequence[AnswerCase],
    get_document: m.GetDocument,
    *,
    retrieved_fn: RetrievedFn | None = None,
    about: AboutFn | None = None,
    split: str = "",
) -> tuple[Row, Details]:
    """Answer every case and score text, citations, topic, abstention, latency and cost.

    With ``retrieved_fn`` every cited document must also be one retrieved for that answer;
    without it, it must be in the index. With ``about``, the bullets of answers to questions with
    a gold focus are judged on topic when a document they cite is about that focus.
    """
    judges = AnswerJudges(get_document, retrieved_fn, about)
    tally = _AnswerTally()
    outcomes: list[tuple[bool, bool | None]] = []
    details: Details = []
    for case in cases:
        started = time.perf_counter()
        answer = _safe_answer(answer_fn, case.item.question)
        elapsed = time.perf_counter() - started
        qid = case.item.qid
        if answer is None:
            tally.errors += 1
            details.append(_detail("answers", task, system, qid, split=split, error=True))
            continue
        detail = _tally_answer(tally, case, answer, judges, elapsed)
        details.append(_detail("answers", task, system, qid, split=split, **detail))
        outcomes.append((answer.abstained, case.answerable))
    row = _answer_row(task, system, len(cases), tally, outcomes)
    return replace(row, split=split), details


def _safe_answer(answer_fn: AnswerFn, question: str) -> Answer | None:
    try:
        return answer_fn(question)
    except MedciteError as exc:
        log.warning("answering failed for %r: %s", question[:60], exc)
        return None


def _tally_answer(
    tally: _AnswerTally,
    case: AnswerCase,
    answer: Answer,
    judges: AnswerJudges,
    elapsed: float,
) -> dict[str, Any]:
    """Score one answer into ``tally``; returns its detail record."""
    item = case.item
    get_document = judges.get_document
    answered = not answer.abstained
    retrieved = judges.retrieved_fn(answer) if judges.retrieved_fn and answered else None
    rouge = m.rouge_l(m.answer_text(answer), item.references) if item.references else None
    coverage = (
        m.key_statement_coverage(m.answer_sentences(answer), item.statements())
        if item.references or item.key_statements
        else None
    )
    tally.rouge.append(rouge)
    tally.coverage.append(coverage)
    problems: list[str] = []
    if answered:
        integrity = m.citation_integrity(answer, get_document, retrieved)
        support = m.citation_support(answer, get_document)
        tally.integrity_ok.append(integrity.ok)
        tally.bullets += support.bullets
        tally.supported += support.supported
        problems = [*integrity.problems, *support.problems]
    tally.seconds.append(elapsed)
    tally.docs.append(float(m.documents_read(answer)))
    tally.requests.append(float(m.requests_made(answer)))
    detail = {
        "abstained": answer.abstained,
        "answerable": case.answerable,
        "rouge_l": rouge,
        "coverage": coverage,
        "problems": problems[:10],
        "ms": round(elapsed * 1000, 2),
    }
    if judges.about is not None and item.focus and answered:
        topic = m.topic_scores(answer, item.focus, get_document, judges.about)
        detail.update(_tally_topic(tally, topic))
    return detail


def _tally_topic(tally: _AnswerTally, topic: m.TopicScores) -> dict[str, Any]:
    """Count on-topic bullets of one answered question; returns the detail fields."""
    tally.topic_bullets += topic.bullets
    tally.on_topic_bullets += topic.on_topic
    tally.topic_answers.append(topic.on_topic > 0)
    return {
        "focus": topic.focus,
        "bullets": topic.bullets,
        "on_topic_bullets": topic.on_topic,
        "off_topic_documents": list(topic.off_topic_documents),
    }


def _answer_row(
    task: str,
    system: str,
    n: int,
    tally: _AnswerTally,
    outcomes: list[tuple[bool, bool | None]],
) -> Row:
    latency = m.latency_summary(tally.seconds)
    abstention = m.abstention_scores(outcomes)
    integrity = tally.integrity_ok
    metrics = {
        "rouge_l": m.mean(tally.rouge),
        "coverage": m.mean(tally.coverage),
        "integrity": sum(integrity) / len(integrity) if integrity else None,
        "support": tally.supported / tally.bullets if tally.bullets else None,
        "on_topic": _share(tally.on_topic_bullets, tally.topic_bullets),
        "off_topic_answers": _off_topic_share(tally.topic_answers),
        "abstention_rate": abstention.rate,
        "abstain_correct": abstention.accuracy,
        "abstention_accuracy": abstention.accuracy,  # the old key, kept as an alias
        "p50_ms": latency.p50_ms,
        "p95_ms": latency.p95_ms,
        "docs_read": m.mean(tally.docs),
        "requests": m.mean(tally.requests),
    }
    note = f"{tally.errors} questions failed with an error" if tally.errors else ""
    return Row("answers", task, system, n, metrics, note=note)


def _share(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def _off_topic_share(on_topic_answers: Sequence[bool]) -> float | None:
    misses = sum(not on for on in on_topic_answers)
    return _share(misses, len(on_topic_answers))


# --- re-ranking ------------------------------------------------------------------------------


def evaluate_rerank(
    task: str, system: str, rerank: RerankFn, items: Sequence[RerankItem]
) -> tuple[Row, Details]:
    """nDCG@10 (gain = grade - 1), MRR@10 and P@1 (grade ≥ 3 relevant) of candidate orderings."""
    ndcg: list[float] = []
    mrr: list[float] = []
    top: list[float] = []
    details: Details = []
    for item in items:
        order = list(rerank(item.question, [c.text for c in item.candidates]))
        ranked = [item.candidates[i].aid for i in order]
        gains = {c.aid: c.grade - 1 for c in item.candidates if c.grade > 1}
        ndcg.append(m.ndcg_at_k(ranked, gains, 10))
        mrr.append(m.mrr_at_k(ranked, gains, 10, min_gain=2))
        top.append(float(bool(ranked) and gains.get(ranked[0], 0) >= 2))
        details.append(_detail("rerank", task, system, item.qid, ndcg10=ndcg[-1], mrr10=mrr[-1]))
    metrics = {"ndcg10": m.mean(ndcg), "mrr10": m.mean(mrr), "p_at_1": m.mean(top)}
    return Row("rerank", task, system, len(items), metrics), details


def system_rank_order(item: RerankItem) -> list[int]:
    """The order the retrieving system (CHiQA) gave the candidates."""
    return sorted(range(len(item.candidates)), key=lambda i: item.candidates[i].system_rank)


# --- red flags -------------------------------------------------------------------------------


def evaluate_red_flags(
    system: str, detect: Callable[[str], bool], questions: Sequence[LabelledQuestion]
) -> tuple[Row, Details]:
    """Recall, precision and false-positive rate of an emergency detector on labelled questions."""
    predictions = [bool(detect(q.question)) for q in questions]
    scores = m.binary_scores([q.label for q in questions], predictions)
    details = [
        _detail("red_flags", "red-flags", system, q.id, label=q.label, predicted=p)
        for q, p in zip(questions, predictions, strict=True)
    ]
    metrics = {
        "recall": scores.recall,
        "precision": scores.precision,
        "false_positive_rate": scores.false_positive_rate,
    }
    return Row("red_flags", "red-flags", system, len(questions), metrics), details


def answer_flags(answer_fn: AnswerFn) -> Callable[[str], bool]:
    """A red-flag detector that asks ``answer_fn`` and looks for a banner or detected red flags."""

    def detect(question: str) -> bool:
        answer = _safe_answer(answer_fn, question)
        return answer is not None and m.flags_red(answer)

    return detect


def _detail(table: str, task: str, system: str, qid: str, **values: Any) -> dict[str, Any]:
    return {"table": table, "task": task, "system": system, "qid": qid, **values}


def restrict_relevance(items: Sequence[EvalItem], present: Callable[[str], bool]) -> list[EvalItem]:
    """Keep only relevant documents that are in the index; drop items left with none relevant."""
    kept = []
    for item in items:
        relevant = {doc: gain for doc, gain in item.relevant.items() if present(doc)}
        if any(gain >= item.min_gain for gain in relevant.values()):
            kept.append(_with_relevant(item, relevant))
    return kept


def _with_relevant(item: EvalItem, relevant: Mapping[str, int]) -> EvalItem:
    return replace(item, relevant=dict(relevant))
