"""The report: Markdown tables with outside figures marked, JSON, details and PNG charts."""

from __future__ import annotations

import json
from pathlib import Path

from medcite.eval.report import Report, Row, markdown_table, render_markdown, write_report


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
