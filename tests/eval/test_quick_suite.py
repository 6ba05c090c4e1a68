"""The quick suite end to end (as CI runs it), with medcite's Engine.ask and its own retrieval,
checked against thresholds: citation integrity 100%, and floors = figures measured when the
harness landed minus a margin (see docs/evaluation.md). Raise a floor when a change lifts it."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from medcite import Engine
from medcite.eval.report import Report
from medcite.eval.runner import (
    LEAD,
    MEDCITE,
    PLAIN_BM25,
    medcite_retrieved,
    medcite_tiered_retrieval,
    run_suite,
)

QUICK_BUDGET_S = 150
"""The quick suite must stay ≤ 3 min on 2 cores including the index build (≈ 30 s)."""

RETRIEVAL_FLOORS = {
    # (task, system): nDCG@10 floor; measured plain BM25 0.353 / 0.538 / 0.682,
    # medcite (tiered retrieval, compressed level weights, guideline fusion with the facet
    # boost on both searches, spelling correction) 0.475 / 0.601 / 0.662
    ("pubmedqa-pqal", PLAIN_BM25): 0.32,
    ("liveqa-medquad", PLAIN_BM25): 0.48,
    ("bioasq", PLAIN_BM25): 0.60,
    ("pubmedqa-pqal", MEDCITE): 0.38,
    ("liveqa-medquad", MEDCITE): 0.55,
    ("bioasq", MEDCITE): 0.60,
}


@pytest.fixture(scope="module")
def quick(eval_index: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Report, float]:
    engine = Engine(eval_index)
    out = tmp_path_factory.mktemp("quick-run")
    started = time.perf_counter()
    report = run_suite(
        "quick",
        eval_index,
        out,
        answer_fn=engine.ask,
        retrieve_for_task=medcite_tiered_retrieval(engine),
        retrieved_fn=medcite_retrieved(engine),
    )
    return report, time.perf_counter() - started


def test_quick_suite_runs_within_budget_and_writes_the_report(
    quick: tuple[Report, float], eval_index: Path
) -> None:
    report, seconds = quick
    assert seconds < QUICK_BUDGET_S
    assert report.index["documents"] == 68182
    tasks = {(row.table, row.task) for row in report.rows}
    assert {t for table, t in tasks if table == "retrieval"} == {
        "pubmedqa-pqal",
        "liveqa-medquad",
        "bioasq",
    }
    assert len({t for table, t in tasks if table == "answers"}) == 8
    assert ("rerank", "mediqa2019") in tasks and ("red_flags", "red-flags") in tasks


@pytest.mark.parametrize(("task", "system"), list(RETRIEVAL_FLOORS))
def test_retrieval_stays_above_its_floor(
    quick: tuple[Report, float], task: str, system: str
) -> None:
    ndcg = quick[0].value("retrieval", task, system, "ndcg10")
    assert ndcg is not None and ndcg >= RETRIEVAL_FLOORS[task, system]


def test_every_answer_keeps_citation_integrity_and_support(quick: tuple[Report, float]) -> None:
    rows = [r for r in quick[0].table("answers") if not r.outside]
    assert {r.system for r in rows} == {LEAD, MEDCITE}
    for row in rows:
        assert row.metrics["integrity"] == 1.0, (row.task, row.system)
        assert row.metrics["support"] is not None and row.metrics["support"] >= 0.95
        assert not row.note, row.note  # no question failed with an error


def test_answer_quality_floors(quick: tuple[Report, float]) -> None:
    report = quick[0]
    lead_rouge = report.value("answers", "pubmedrs-200", LEAD, "rouge_l")
    assert lead_rouge is not None and lead_rouge >= 0.10  # measured 0.118
    declined = report.value("answers", "out-of-scope", MEDCITE, "abstention_rate")
    assert declined is not None and declined >= 0.75  # measured 0.833
    recall = report.value("red_flags", "red-flags", MEDCITE, "recall")
    assert recall is not None and recall >= 0.80  # measured 0.882 (was 0.353 before tuning)


def ndcg(report: Report, task: str, system: str) -> float:
    return report.value("retrieval", task, system, "ndcg10") or 0.0


def test_medcite_beats_plain_bm25_on_pubmedqa(quick: tuple[Report, float]) -> None:
    report = quick[0]
    assert ndcg(report, "pubmedqa-pqal", MEDCITE) > ndcg(report, "pubmedqa-pqal", PLAIN_BM25)


def test_guideline_retrieval_target(quick: tuple[Report, float]) -> None:
    report = quick[0]
    medcite = ndcg(report, "liveqa-medquad", MEDCITE)
    assert medcite >= 1.1 * ndcg(report, "liveqa-medquad", PLAIN_BM25)


@pytest.mark.xfail(reason="issue 6 target not met: see docs/evaluation.md", strict=True)
def test_answer_rouge_target(quick: tuple[Report, float]) -> None:
    report = quick[0]
    medcite_rouge = report.value("answers", "pubmedrs-200", MEDCITE, "rouge_l") or 0.0
    assert medcite_rouge >= (report.value("answers", "pubmedrs-200", LEAD, "rouge_l") or 1.0)
