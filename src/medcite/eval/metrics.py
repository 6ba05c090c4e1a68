"""Evaluation metrics: pure functions over rankings, answers and labels.

Retrieval
    nDCG@k with graded gains (linear gain, log2 discount, as trec_eval), Recall@k, MRR@k.
Answers
    ROUGE-L F1 against the best-matching reference (``rouge-score``, Porter stemming),
    key-statement coverage, citation integrity, citation support, abstention.
Safety and cost
    red-flag recall / precision, latency percentiles, documents read and requests made.

Every function takes records (``Answer``, ``Document``) or plain sequences and returns numbers or
small frozen result records, so each value can be checked by hand in a test.
"""

from __future__ import annotations

import importlib
import math
import statistics
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from medcite.eval.text import split_sentences
from medcite.records import Answer, Bullet, Document
from medcite.text import content_words, squash

GetDocument = Callable[[str], Document | None]
"""Looks a document up by id (``Engine.get``); None when it is not in the index."""


# --- retrieval -------------------------------------------------------------------------------


def dcg(gains: Iterable[float]) -> float:
    """Discounted cumulative gain: the gain at rank r is divided by log2(r + 1)."""
    return sum(gain / math.log2(rank + 1) for rank, gain in enumerate(gains, start=1))


def ndcg_at_k(ranked: Sequence[str], relevant: Mapping[str, int], k: int = 10) -> float:
    """nDCG@k of the ranked ids against graded ``relevant`` gains (0.0 if nothing is relevant)."""
    ideal = dcg(sorted((g for g in relevant.values() if g > 0), reverse=True)[:k])
    if ideal == 0:
        return 0.0
    return dcg(relevant.get(doc_id, 0) for doc_id in _unique(ranked)[:k]) / ideal


def recall_at_k(
    ranked: Sequence[str], relevant: Mapping[str, int], k: int, min_gain: int = 1
) -> float:
    """Share of the relevant documents (gain ≥ ``min_gain``) found in the top ``k``."""
    wanted = {doc_id for doc_id, gain in relevant.items() if gain >= min_gain}
    if not wanted:
        return 0.0
    return len(wanted.intersection(_unique(ranked)[:k])) / len(wanted)


def mrr_at_k(
    ranked: Sequence[str], relevant: Mapping[str, int], k: int = 10, min_gain: int = 1
) -> float:
    """1 / rank of the first relevant document in the top ``k``, else 0."""
    for rank, doc_id in enumerate(_unique(ranked)[:k], start=1):
        if relevant.get(doc_id, 0) >= min_gain:
            return 1.0 / rank
    return 0.0


@dataclass(frozen=True, slots=True)
class RetrievalScores:
    ndcg10: float
    recall10: float
    recall100: float
    mrr10: float


def retrieval_scores(
    ranked: Sequence[str], relevant: Mapping[str, int], min_gain: int = 1
) -> RetrievalScores:
    """nDCG@10, Recall@10, Recall@100 and MRR@10 of one ranking."""
    return RetrievalScores(
        ndcg10=ndcg_at_k(ranked, relevant, 10),
        recall10=recall_at_k(ranked, relevant, 10, min_gain),
        recall100=recall_at_k(ranked, relevant, 100, min_gain),
        mrr10=mrr_at_k(ranked, relevant, 10, min_gain),
    )


def _unique(ranked: Sequence[str]) -> list[str]:
    return list(dict.fromkeys(ranked))


# --- answer text -----------------------------------------------------------------------------


def answer_bullets(answer: Answer) -> list[Bullet]:
    """Every bullet of the answer: the bottom line's statements, the guideline lead, guideline
    sections, then research."""
    sections = (*answer.guideline_sections, *answer.research_sections)
    first = answer.bottom_line.bullets if answer.bottom_line is not None else ()
    return [*first, *answer.guideline_lead, *(bullet for s in sections for bullet in s.bullets)]


def answer_text(answer: Answer) -> str:
    """The answer's statements as plain text, one bullet a line."""
    return "\n".join(squash(b.text) for b in answer_bullets(answer) if b.text.strip())


@cache
def _rouge_l_scorer() -> Any:
    """rouge-score's ROUGE-L scorer (the ``eval`` extra), imported on first use."""
    rouge_scorer = importlib.import_module("rouge_score.rouge_scorer")
    return rouge_scorer.RougeScorer(["rougeL"], use_stemmer=True)


def rouge_l(candidate: str, references: Sequence[str]) -> float:
    """ROUGE-L F1 of ``candidate`` against the best-matching reference (0.0 if either is empty)."""
    if not candidate.strip():
        return 0.0
    scorer = _rouge_l_scorer()
    scores = [scorer.score(ref, candidate)["rougeL"].fmeasure for ref in references if ref.strip()]
    return float(max(scores, default=0.0))


def statement_covered(statement: str, sentences: Sequence[str], threshold: float = 0.5) -> bool:
    """True if one sentence holds at least ``threshold`` of the statement's content words."""
    wanted = content_words(statement)
    if not wanted:
        return False
    best = max((len(wanted & content_words(s)) for s in sentences), default=0)
    return best / len(wanted) >= threshold


def key_statement_coverage(
    answer_sentences: Sequence[str], statements: Sequence[str], threshold: float = 0.5
) -> float | None:
    """Share of key statements covered by some answer sentence; None if there are none to cover.

    A statement is covered when a single answer sentence contains at least ``threshold`` of its
    content words (stopwords removed, plural ``s`` cut). Statements without content words are
    not counted.
    """
    countable = [s for s in statements if content_words(s)]
    if not countable:
        return None
    covered = sum(statement_covered(s, answer_sentences, threshold) for s in countable)
    return covered / len(countable)


def answer_sentences(answer: Answer) -> list[str]:
    """The answer's text split into sentences (bullets are split too)."""
    return [s for line in answer_text(answer).splitlines() for s in split_sentences(line)]


# --- citations -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class IntegrityResult:
    """How many citations resolve all the way to a (retrieved) document, and what did not."""

    citations: int
    valid: int
    problems: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return not self.problems


def citation_integrity(
    answer: Answer, get_document: GetDocument, retrieved: Collection[str] | None = None
) -> IntegrityResult:
    """Check that every citation number resolves to a reference, and the reference to a document.

    A citation is valid when a reference has its number and the same document id, that document
    exists (``get_document``) and, if ``retrieved`` is given, was retrieved for this answer.
    Duplicate reference numbers and references never cited are problems too.
    """
    refs = {ref.number: ref for ref in answer.references}
    problems = [f"reference number {n} used twice" for n in _duplicates(answer.references)]
    citations = [c for bullet in answer_bullets(answer) for c in bullet.citations]
    valid = 0
    for citation in citations:
        problem = _citation_problem(citation.number, citation.document_id, refs, retrieved)
        if problem is None and get_document(citation.document_id) is None:
            problem = f"[{citation.number}] {citation.document_id} is not in the index"
        if problem is None:
            valid += 1
        else:
            problems.append(problem)
    cited = {c.number for c in citations}
    problems.extend(f"reference [{n}] is never cited" for n in sorted(set(refs) - cited))
    return IntegrityResult(citations=len(citations), valid=valid, problems=tuple(problems))


def _citation_problem(
    number: int, doc_id: str, refs: Mapping[int, Any], retrieved: Collection[str] | None
) -> str | None:
    ref = refs.get(number)
    if ref is None:
        return f"[{number}] has no reference"
    if doc_id not in (ref.document_id, *ref.also):
        return f"[{number}] cites {doc_id} but reference {number} is {ref.document_id}"
    if retrieved is not None and doc_id not in retrieved:
        return f"[{number}] {doc_id} was not retrieved for this answer"
    return None


def _duplicates(references: Sequence[Any]) -> list[int]:
    numbers = [ref.number for ref in references]
    return sorted({n for n in numbers if numbers.count(n) > 1})


@dataclass(frozen=True, slots=True)
class SupportResult:
    """How many bullets are supported by the sentences they cite."""

    bullets: int
    supported: int
    problems: tuple[str, ...]


def citation_support(
    answer: Answer, get_document: GetDocument, min_overlap: float = 0.6
) -> SupportResult:
    """Count bullets whose cited sentences are in the cited documents and back the bullet's words.

    A bullet is supported when it cites at least one sentence, every cited sentence occurs in its
    document's title or abstract (white space normalised), and the cited sentences together hold
    at least ``min_overlap`` of the bullet's content words.
    """
    bullets = answer_bullets(answer)
    problems = [p for b in bullets if (p := _bullet_problem(b, get_document, min_overlap))]
    return SupportResult(
        bullets=len(bullets), supported=len(bullets) - len(problems), problems=tuple(problems)
    )


def _bullet_problem(bullet: Bullet, get_document: GetDocument, min_overlap: float) -> str | None:
    label = squash(bullet.text)[:60]
    if not bullet.citations:
        return f"'{label}': no citation"
    for citation in bullet.citations:
        document = get_document(citation.document_id)
        if document is None or squash(citation.sentence) not in document_text(document):
            return f"'{label}': [{citation.number}] sentence not found in {citation.document_id}"
    wanted = content_words(bullet.text)
    backed = content_words(" ".join(c.sentence for c in bullet.citations))
    if wanted and len(wanted & backed) / len(wanted) < min_overlap:
        return f"'{label}': cited sentences back too few of its words"
    return None


def document_text(document: Document) -> str:
    """A document's title and abstract, white space normalised (what a citation may quote)."""
    return squash(" ".join([document.title, *(s.text for s in document.sections)]))


# --- on-topic citations ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TopicScores:
    """How many bullets of an answer cite a document about the question's gold focus."""

    focus: str
    bullets: int
    on_topic: int
    off_topic_documents: tuple[str, ...]
    """Cited documents judged not about the focus (ids, first citation order)."""


def topic_scores(
    answer: Answer,
    focus: str,
    get_document: GetDocument,
    about: Callable[[Document, str], bool],
) -> TopicScores:
    """A bullet is on topic when at least one document it cites is ``about`` the focus; a cited
    document missing from the index is off topic."""
    verdicts: dict[str, bool] = {}
    on_topic = 0
    bullets = answer_bullets(answer)
    for bullet in bullets:
        ids = [c.document_id for c in bullet.citations]
        for doc_id in ids:
            if doc_id not in verdicts:
                document = get_document(doc_id)
                verdicts[doc_id] = document is not None and about(document, focus)
        on_topic += any(verdicts[doc_id] for doc_id in ids)
    off = tuple(doc_id for doc_id, ok in verdicts.items() if not ok)
    return TopicScores(focus, len(bullets), on_topic, off)


# --- abstention and red flags ----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class AbstentionScores:
    """Abstention rate over all questions; correctness over questions with a label."""

    questions: int
    abstained: int
    labelled: int
    correct: int
    wrongful: int
    """Abstained although a relevant document was in the index."""
    missed: int
    """Answered a question that should have been declined."""

    @property
    def rate(self) -> float:
        return self.abstained / self.questions if self.questions else 0.0

    @property
    def accuracy(self) -> float | None:
        return self.correct / self.labelled if self.labelled else None


def abstention_scores(outcomes: Sequence[tuple[bool, bool | None]]) -> AbstentionScores:
    """``outcomes`` holds (abstained, answerable) per question; answerable None = unlabelled."""
    labelled = [(a, ok) for a, ok in outcomes if ok is not None]
    return AbstentionScores(
        questions=len(outcomes),
        abstained=sum(a for a, _ in outcomes),
        labelled=len(labelled),
        correct=sum(a != ok for a, ok in labelled),
        wrongful=sum(a and ok for a, ok in labelled),
        missed=sum(not a and not ok for a, ok in labelled),
    )


@dataclass(frozen=True, slots=True)
class BinaryScores:
    """Confusion counts of a yes/no detector (e.g. red flags) and the rates derived from them."""

    tp: int
    fp: int
    fn: int
    tn: int

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def false_positive_rate(self) -> float | None:
        return self.fp / (self.fp + self.tn) if self.fp + self.tn else None


def binary_scores(labels: Sequence[bool], predictions: Sequence[bool]) -> BinaryScores:
    """Confusion counts of ``predictions`` against ``labels`` (same length)."""
    if len(labels) != len(predictions):
        raise ValueError(f"{len(labels)} labels but {len(predictions)} predictions")
    pairs = list(zip(labels, predictions, strict=True))
    return BinaryScores(
        tp=sum(y and p for y, p in pairs),
        fp=sum(p and not y for y, p in pairs),
        fn=sum(y and not p for y, p in pairs),
        tn=sum(not y and not p for y, p in pairs),
    )


def flags_red(answer: Answer) -> bool:
    """True if the answer warns of an emergency (a banner, or red flags found in the question)."""
    return bool(answer.banner or answer.query.red_flags)


# --- speed and cost --------------------------------------------------------------------------


def percentile(values: Sequence[float], pct: float) -> float:
    """Nearest-rank percentile (as in benchmarks/common.py); NaN for no values."""
    ordered = sorted(values)
    if not ordered:
        return math.nan
    rank = min(len(ordered) - 1, max(0, round(pct / 100 * (len(ordered) - 1))))
    return ordered[rank]


@dataclass(frozen=True, slots=True)
class LatencySummary:
    n: int
    mean_ms: float
    p50_ms: float
    p95_ms: float


def latency_summary(seconds: Sequence[float]) -> LatencySummary:
    """Mean, median and 95th percentile of per-question times, in milliseconds."""
    ms = [s * 1000 for s in seconds]
    return LatencySummary(
        n=len(ms),
        mean_ms=statistics.fmean(ms) if ms else math.nan,
        p50_ms=percentile(ms, 50),
        p95_ms=percentile(ms, 95),
    )


def documents_read(answer: Answer) -> int:
    """Distinct documents the answer reports: references, excluded and closest documents."""
    ids = {d for r in (*answer.references, *answer.closest) for d in (r.document_id, *r.also)}
    ids.update(e.document_id for e in answer.excluded)
    return len(ids)


def requests_made(answer: Answer) -> int:
    """Searches the answer reports having made (``Answer.searched``), local or remote."""
    return len(answer.searched)


def mean(values: Iterable[float | None]) -> float | None:
    """Mean of the values that are not None (None if there are none)."""
    present = [v for v in values if v is not None and not math.isnan(v)]
    return statistics.fmean(present) if present else None


# --- comparisons -----------------------------------------------------------------------------

BOOTSTRAP_SEED = 20240601


@dataclass(frozen=True, slots=True)
class PairedDifference:
    """Mean of ``a - b`` over paired questions with its 95% bootstrap interval and p-value."""

    mean_diff: float
    lo95: float
    hi95: float
    p_value: float

    def __iter__(self) -> Iterator[float]:
        return iter((self.mean_diff, self.lo95, self.hi95, self.p_value))


def paired_bootstrap(
    a_scores: Sequence[float],
    b_scores: Sequence[float],
    n: int = 2000,
    seed: int = BOOTSTRAP_SEED,
) -> PairedDifference:
    """Paired bootstrap of ``mean(a) - mean(b)`` over the same questions.

    Resamples the questions ``n`` times with replacement (numpy, fixed ``seed``); the interval is
    the 2.5th-97.5th percentile of the resampled mean differences, the p-value two-sided: twice
    the smaller share of resamples at or on either side of 0 (capped at 1). Unpacks as
    ``(mean_diff, lo95, hi95, p_value)``.
    """
    import numpy as np

    if len(a_scores) != len(b_scores):
        raise ValueError(f"paired scores differ in length: {len(a_scores)} != {len(b_scores)}")
    diffs = np.asarray(a_scores, dtype=float) - np.asarray(b_scores, dtype=float)
    if diffs.size == 0:
        return PairedDifference(0.0, 0.0, 0.0, 1.0)
    rng = np.random.default_rng(seed)
    means = np.concatenate(
        [
            diffs[rng.integers(0, diffs.size, size=(size, diffs.size))].mean(axis=1)
            for size in _chunks(n, 250)
        ]
    )
    lo, hi = np.percentile(means, [2.5, 97.5])
    tail = min(float(np.mean(means <= 0)), float(np.mean(means >= 0)))
    return PairedDifference(float(diffs.mean()), float(lo), float(hi), min(1.0, 2 * tail))


def _chunks(total: int, size: int) -> list[int]:
    return [min(size, total - start) for start in range(0, total, size)]
