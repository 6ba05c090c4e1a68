"""The report: Markdown tables with outside figures marked, JSON, details and PNG charts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from medcite.eval.report import (
    Comparison,
    Report,
    Row,
    markdown_table,
    render_markdown,
    write_report,
)


def _report() -> Report:
    report = Report(
        suite="quick",
        created="2026-01-01T00:00:00+00:00",
        seconds=12.0,
        index={"path": "/tmp/i", "documents": 68182},
        config={"seed": 1},
    )
    report.rows += [
        Row("retrieval", "pqal", "plain BM25", 10, {"ndcg10": 0.5, "p50_ms": 12.345}),
        Row("retrieval", "pqal", "medcite", 10, {"ndcg10": 0.6, "p50_ms": 20.0}),
        Row("answers", "pubmedrs-200", "lead sentences", 5, {"rouge_l": 0.1, "support": None}),
        Row(
            "answers",
            "pubmedrs-200",
            "Clinfo.ai",
            200,
            {"rouge_l": 0.178, "bertscore": 0.789},
            outside=True,
            note="published, measured elsewhere",
        ),
    ]
    report.notes.append("a note")
    report.details.append({"qid": "1", "rouge_l": float("nan")})
    return report


def test_markdown_marks_outside_figures_and_drops_empty_columns() -> None:
    text = render_markdown(_report(), ["chart.png"])
    assert "| pqal | plain BM25 | 10 | 0.500 | 12.3 |" in text
    assert "| pubmedrs-200 | Clinfo.ai † | 200 | 0.178 | 0.789 |" in text
    assert "† Clinfo.ai: published, measured elsewhere" in text
    assert "cit. support" not in text  # no row has a value
    assert "68,182 documents" in text
    assert "- a note" in text
    assert "![chart.png](chart.png)" in text


def test_value_reads_measured_rows_only() -> None:
    report = _report()
    assert report.value("retrieval", "pqal", "medcite", "ndcg10") == 0.6
    assert report.value("answers", "pubmedrs-200", "Clinfo.ai", "rouge_l") is None
    assert report.value("answers", "nope", "medcite", "rouge_l") is None


def test_markdown_table_shows_missing_values_as_dashes() -> None:
    rows = [Row("t", "a", "s", 1, {"x": 1.0}), Row("t", "b", "s", 2, {"x": None, "y": 2.0})]
    assert markdown_table(rows, ["x", "y"])[2:] == [
        "| a | s | 1 | 1.000 | – |",
        "| b | s | 2 | – | 2.000 |",
    ]


def test_write_report_writes_markdown_json_details_and_charts(tmp_path: Path) -> None:
    files = write_report(_report(), tmp_path / "run")
    assert sorted(p.name for p in (tmp_path / "run").iterdir()) == [
        "answers_rouge_l.png",
        "details.jsonl",
        "report.json",
        "report.md",
        "retrieval_ndcg10.png",
    ]
    payload = json.loads(files["json"].read_text("utf-8"))
    assert payload["suite"] == "quick" and "details" not in payload
    assert payload["rows"][3]["outside"] is True
    assert json.loads(files["details"].read_text("utf-8")) == {"qid": "1", "rouge_l": None}
    assert files["retrieval_ndcg10"].read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert "retrieval_ndcg10.png" in files["markdown"].read_text("utf-8")


def test_split_rows_and_paired_comparisons_are_rendered(tmp_path: Path) -> None:
    report = _report()
    report.rows[:2] = [
        Row("retrieval", "pqal", "BM25", 10, {"ndcg10": 0.5}, split="dev"),
        Row("retrieval", "pqal", "BM25", 12, {"ndcg10": 0.4}, split="test"),
    ]
    report.comparisons.append(
        Comparison("pqal", "test", "medcite", "BM25", "ndcg10", 12, 0.5, 0.4, 0.1, 0.02, 0.2, 0.01)
    )
    text = render_markdown(report)
    assert "| task | split | system | n |" in text
    assert "| pqal | test | BM25 | 12 | 0.400 |" in text
    assert "| pqal | test | medcite − BM25 | nDCG@10 | 12 | 0.500 | 0.400 |" in text
    assert "+0.100 [+0.020, +0.200] | +25.0% | 0.010 |" in text
    assert report.value("retrieval", "pqal", "BM25", "ndcg10", split="test") == 0.4
    assert report.value("retrieval", "pqal", "BM25", "ndcg10", split="dev") == 0.5
    assert report.comparison("pqal", "test", "medcite", "BM25") is not None
    payload = json.loads(report.to_json())
    assert payload["comparisons"][0]["relative"] == pytest.approx(0.25)


def test_answer_rows_carry_split_on_topic_and_abstain_correct() -> None:
    from medcite.eval import tasks
    from medcite.eval.datasets import EvalItem
    from medcite.records import (
        AbstractSection,
        Answer,
        Bullet,
        Citation,
        Document,
        Facet,
        Query,
        Section,
        Source,
    )

    docs = {
        "d1": Document(
            id="d1", source=Source.JSONL, title="Gout", sections=(AbstractSection(text="Gout."),)
        ),
        "d2": Document(
            id="d2", source=Source.JSONL, title="Acne", sections=(AbstractSection(text="Acne."),)
        ),
    }

    def answer_fn(question: str) -> Answer:
        doc = "d1" if "gout" in question else "d2"
        bullet = Bullet(
            text=docs[doc].title + ".",
            citations=(Citation(number=1, document_id=doc, sentence=docs[doc].title + "."),),
        )
        return Answer(
            id=question,
            question=question,
            query=Query(question=question),
            research_sections=(Section(facet=Facet.OVERVIEW, title="o", bullets=(bullet,)),),
            disclaimer="d",
        )

    cases = [
        tasks.AnswerCase(EvalItem("liveqa", "1", "gout pain?", focus="gout"), True),
        tasks.AnswerCase(EvalItem("liveqa", "2", "rash?", focus="gout"), True),
    ]
    row, details = tasks.evaluate_answers(
        "liveqa",
        "s",
        answer_fn,
        cases,
        docs.get,
        about=lambda d, f: f in d.title.lower(),
        split="dev",
    )
    assert row.split == "dev" and {d["split"] for d in details} == {"dev"}
    assert row.metrics["on_topic"] == 0.5
    assert row.metrics["off_topic_answers"] == 0.5
    assert row.metrics["abstain_correct"] == row.metrics["abstention_accuracy"] == 1.0
    assert details[1]["off_topic_documents"] == ["d2"]
