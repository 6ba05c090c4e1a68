"""The quick suite end to end (as CI runs it), with medcite's Engine.ask and its own retrieval,
checked against thresholds: citation integrity 100%, and floors = figures measured on each split
minus a margin (see docs/evaluation.md). Raise a floor when a change lifts it.

The floors are regression guards only: tune on dev, and read the test rows, never tune on them.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from medcite import Engine
from medcite.config import SemanticSettings, Settings
from medcite.eval.report import Report
from medcite.eval.runner import (
    BM25,
    LEAD,
    MEDCITE,
    MEDCITE_TIER_HINT,
    TOPIC_TASKS,
    medcite_retrieval,
    medcite_retrieved,
    medcite_tiered_retrieval,
    run_suite,
)

RETRIEVAL_FLOORS = {
    # (task, system): nDCG@10 floors (dev, test), BM25-only medcite. Measured at the end of the
    # concept/gate work: BM25 0.907/0.894, 0.227/0.324, 0.889/0.762; medcite (all tiers merged)
    # 0.162/0.105, 0.614/0.583, 0.487/0.288; medcite (tier hint) 0.670/0.641, 0.614/0.583,
    # 0.815/0.766 (when the independent BM25 landed: 0.134/0.116, 0.424/0.511, 0.304/0.179;
    # tier hint 0.377/0.364, 0.523/0.578, 0.585/0.491). All tiers merged on one relevance scale
    # (TieredRetriever.merged, no level or recency weights): 0.677/0.643, 0.522/0.516,
    # 0.815/0.783. Research searched by the question's words in the abstract: PQA-L
    # 0.737/0.699 (tier hint 0.732/0.703). The merged LiveQA figure varies between two builds
    # of the same evaluation index (0.503 and 0.522 dev measured: near-tie BM25 statistics,
    # see index.retriever._fused), so its floor keeps that margin.
    ("pubmedqa-pqal", BM25): (0.85, 0.84),
    ("liveqa-medquad", BM25): (0.18, 0.27),
    ("bioasq", BM25): (0.80, 0.68),
    ("pubmedqa-pqal", MEDCITE): (0.68, 0.65),
    ("liveqa-medquad", MEDCITE): (0.48, 0.47),
    ("bioasq", MEDCITE): (0.70, 0.65),
    ("pubmedqa-pqal", MEDCITE_TIER_HINT): (0.68, 0.65),
    ("liveqa-medquad", MEDCITE_TIER_HINT): (0.52, 0.50),
    ("bioasq", MEDCITE_TIER_HINT): (0.70, 0.65),
}
ON_TOPIC_FLOORS = {
    # medcite's share of on-topic bullets (dev, test); measured 0.500/0.614 and 0.909/0.500 on
    # 13 LiveQA and 40 MedicationQA questions per split (0.224/0.292 and 0.804/0.692 on 13 each
    # before the concept/gate work). MedicationQA test fell from 0.885 to 0.500 when answers
    # that only describe their topic and list other facts of it became abstentions: four of
    # the eight answered questions of that sample were such on-topic non-answers
    # (docs/evaluation.md, sixty-third stop)
    "liveqa": (0.40, 0.35),
    "medicationqa": (0.80, 0.45),
}
SPLITS = ("dev", "test")
BM25_ONLY = Settings(semantic=SemanticSettings(enabled=False))
"""As the evaluation index fixture is built (tests/eval/conftest.py)."""


@pytest.fixture(scope="module")
def quick(eval_index: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Report, float]:
    engine = Engine(eval_index, BM25_ONLY)
    out = tmp_path_factory.mktemp("quick-run")
    started = time.perf_counter()
    report = run_suite(
        "quick",
        eval_index,
        out,
        answer_fn=engine.ask,
        retrieve_fn=medcite_retrieval(engine),
        retrieve_for_task=medcite_tiered_retrieval(engine),
        retrieved_fn=medcite_retrieved(engine),
    )
    return report, time.perf_counter() - started


def test_quick_suite_writes_the_report(quick: tuple[Report, float], eval_index: Path) -> None:
    """The suite's whole report; its time is measured by ``benchmarks/quality.py --suite quick``
    (which prints it), not asserted here: a timed assertion fails on a loaded machine."""
    report, _seconds = quick
    assert report.index["documents"] == 68182
    tasks = {(row.table, row.task) for row in report.rows}
    assert {t for table, t in tasks if table == "retrieval"} == {
        "pubmedqa-pqal",
        "liveqa-medquad",
        "bioasq",
    }
    assert len({t for table, t in tasks if table == "answers"}) == 8
    assert ("rerank", "mediqa2019") in tasks and ("red_flags", "red-flags") in tasks
    assert (eval_index / "bm25s").is_dir()  # the independent BM25 is cached beside the index


def test_every_retrieval_and_answer_row_is_one_split(quick: tuple[Report, float]) -> None:
    rows = [r for r in quick[0].rows if r.table in {"retrieval", "answers"} and not r.outside]
    assert {r.split for r in rows} == set(SPLITS)
    for key in {(r.table, r.task, r.system) for r in rows}:
        assert sorted(r.split for r in rows if (r.table, r.task, r.system) == key) == [*SPLITS]


@pytest.mark.parametrize(("task", "system"), list(RETRIEVAL_FLOORS))
def test_retrieval_stays_above_its_floor(
    quick: tuple[Report, float], task: str, system: str
) -> None:
    for split, floor in zip(SPLITS, RETRIEVAL_FLOORS[task, system], strict=True):
        ndcg = quick[0].value("retrieval", task, system, "ndcg10", split=split)
        assert ndcg is not None and ndcg >= floor, (split, ndcg)


def test_every_answer_keeps_citation_integrity_and_support(quick: tuple[Report, float]) -> None:
    rows = [r for r in quick[0].table("answers") if not r.outside]
    assert {r.system for r in rows} == {LEAD, MEDCITE}
    for row in rows:
        assert row.metrics["integrity"] in {1.0, None}, (row.task, row.system, row.split)
        support = row.metrics["support"]
        assert support is None or support >= 0.95, (row.task, row.system, row.split)
        assert not row.note, row.note  # no question failed with an error


def test_answer_quality_floors(quick: tuple[Report, float]) -> None:
    report = quick[0]
    for split in SPLITS:
        lead_rouge = report.value("answers", "pubmedrs-200", LEAD, "rouge_l", split=split)
        assert lead_rouge is not None and lead_rouge >= 0.08  # measured 0.137 / 0.108
        declined = report.value("answers", "out-of-scope", MEDCITE, "abstain_correct", split)
        assert declined is not None and declined >= 0.75  # measured 0.900 / 1.000 (10 / 2 qs)
    recall = report.value("red_flags", "red-flags", MEDCITE, "recall")
    assert recall is not None and recall >= 0.80  # measured 0.882 (was 0.353 before tuning)


@pytest.mark.parametrize("task", sorted(ON_TOPIC_FLOORS))
def test_on_topic_citations(quick: tuple[Report, float], task: str) -> None:
    report = quick[0]
    for split, floor in zip(SPLITS, ON_TOPIC_FLOORS[task], strict=True):
        on_topic = report.value("answers", task, MEDCITE, "on_topic", split)
        assert on_topic is not None and on_topic >= floor, (split, on_topic)
        off = report.value("answers", task, MEDCITE, "off_topic_answers", split)
        assert off is not None and 0.0 <= off <= 1.0
    judged = [
        d
        for d in report.details
        if d["table"] == "answers" and d["task"] in TOPIC_TASKS and "off_topic_documents" in d
    ]
    assert judged and all(isinstance(d["off_topic_documents"], list) for d in judged)


def ndcg(report: Report, task: str, system: str, split: str) -> float:
    return report.value("retrieval", task, system, "ndcg10", split) or 0.0


@pytest.mark.xfail(
    reason="medcite's merged ranking is below the independent BM25 on PQA-L (quick, BM25-only: "
    "0.879 vs 0.907 dev, 0.857 vs 0.894 test; tier hint 0.826 / 0.821): see docs/evaluation.md",
    strict=True,
)
def test_medcite_beats_the_independent_bm25_on_pubmedqa(quick: tuple[Report, float]) -> None:
    comparison = quick[0].comparison("pubmedqa-pqal", "test", MEDCITE, BM25)
    assert comparison is not None and comparison.lo95 > 0


def test_guideline_retrieval_target(quick: tuple[Report, float]) -> None:
    """medcite ≥ +10% nDCG@10 over the independent BM25 on LiveQA → MedQuAD, on each split,
    and the gain's 95% paired-bootstrap interval excludes 0 on test."""
    report = quick[0]
    for split in SPLITS:
        medcite = ndcg(report, "liveqa-medquad", MEDCITE, split)
        assert medcite >= 1.1 * ndcg(report, "liveqa-medquad", BM25, split), split
    comparison = report.comparison("liveqa-medquad", "test", MEDCITE, BM25)
    assert comparison is not None and comparison.lo95 > 0


@pytest.mark.xfail(reason="issue 6 target not met: see docs/evaluation.md", strict=True)
def test_answer_rouge_target(quick: tuple[Report, float]) -> None:
    report = quick[0]
    for split in SPLITS:
        medcite_rouge = report.value("answers", "pubmedrs-200", MEDCITE, "rouge_l", split) or 0.0
        assert medcite_rouge >= (
            report.value("answers", "pubmedrs-200", LEAD, "rouge_l", split) or 1.0
        )
