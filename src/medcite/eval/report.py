"""The evaluation report: one record, written as Markdown + JSON + PNG charts in a run folder.

A :class:`Report` is a list of :class:`Row` records — a system on a task with its metric values —
grouped in four tables (retrieval, answers, re-ranking, red flags). Rows of figures measured
elsewhere (published numbers) carry ``outside=True`` and are marked as such in every rendering.
Rows of split sets carry their ``split`` (``dev`` or ``test``, never mixed); :class:`Comparison`
records hold paired-bootstrap differences between two systems (medcite minus the independent
BM25), rendered as their own table.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

TABLES: dict[str, tuple[str, ...]] = {
    "retrieval": ("ndcg10", "recall10", "recall100", "mrr10", "p50_ms", "p95_ms"),
    "answers": (
        "rouge_l",
        "bertscore",
        "coverage",
        "integrity",
        "support",
        "on_topic",
        "off_topic_answers",
        "abstention_rate",
        "abstain_correct",
        "p50_ms",
        "p95_ms",
        "docs_read",
        "requests",
    ),
    "rerank": ("ndcg10", "mrr10", "p_at_1"),
    "red_flags": ("recall", "precision", "false_positive_rate"),
}
TITLES = {
    "retrieval": "Retrieval",
    "answers": "Answers",
    "rerank": "Answer re-ranking (MEDIQA 2019)",
    "red_flags": "Red-flag detection",
}
LABELS = {
    "ndcg10": "nDCG@10",
    "recall10": "R@10",
    "recall100": "R@100",
    "mrr10": "MRR@10",
    "p50_ms": "p50 ms",
    "p95_ms": "p95 ms",
    "rouge_l": "ROUGE-L",
    "bertscore": "BERTScore",
    "coverage": "key stmts",
    "integrity": "cit. integrity",
    "support": "cit. support",
    "abstention_rate": "abstain",
    "abstain_correct": "abstain correct",
    "on_topic": "on topic",
    "off_topic_answers": "off-topic ans.",
    "docs_read": "docs read",
    "requests": "requests",
    "p_at_1": "P@1",
    "recall": "recall",
    "precision": "precision",
    "false_positive_rate": "false pos.",
}
_COUNT_METRICS = {"p50_ms", "p95_ms", "docs_read", "requests"}


@dataclass(frozen=True, slots=True)
class Row:
    """One system on one task: ``n`` questions and the mean of each metric over them."""

    table: str
    task: str
    system: str
    n: int
    metrics: dict[str, float | None]
    outside: bool = False
    """True for figures measured elsewhere (published), not in this run."""
    note: str = ""
    split: str = ""
    """``dev`` or ``test`` (see :mod:`medcite.eval.splits`); empty for sets not split."""


@dataclass(frozen=True, slots=True)
class Comparison:
    """System ``a`` minus system ``b`` on one task and split, paired by question."""

    task: str
    split: str
    a: str
    b: str
    metric: str
    n: int
    mean_a: float
    mean_b: float
    diff: float
    lo95: float
    hi95: float
    p_value: float

    @property
    def relative(self) -> float | None:
        """``diff / mean_b`` (None when ``b`` scores 0)."""
        return self.diff / self.mean_b if self.mean_b else None


@dataclass
class Report:
    """Everything one evaluation run measured."""

    suite: str
    created: str
    seconds: float
    index: dict[str, Any]
    config: dict[str, Any]
    rows: list[Row] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    details: list[dict[str, Any]] = field(default_factory=list)
    """Per-question results (written to ``details.jsonl``, not to ``report.json``)."""
    comparisons: list[Comparison] = field(default_factory=list)

    def table(self, name: str) -> list[Row]:
        return [row for row in self.rows if row.table == name]

    def value(
        self, table: str, task: str, system: str, metric: str, split: str | None = None
    ) -> float | None:
        """One measured figure (of ``split`` if given); None if that row or metric is absent."""
        for row in self.rows:
            if (row.table, row.task, row.system) != (table, task, system) or row.outside:
                continue
            if split is None or row.split == split:
                return row.metrics.get(metric)
        return None

    def comparison(self, task: str, split: str, a: str, b: str) -> Comparison | None:
        """The paired comparison of ``a`` against ``b`` on ``task`` and ``split``, if made."""
        for c in self.comparisons:
            if (c.task, c.split, c.a, c.b) == (task, split, a, b):
                return c
        return None

    def to_json(self) -> str:
        payload = asdict(self)
        payload.pop("details")
        for entry, comparison in zip(payload["comparisons"], self.comparisons, strict=True):
            entry["relative"] = comparison.relative
        return json_text(payload, indent=2)


def json_text(value: Any, indent: int | None = None) -> str:
    """Strict JSON: NaN becomes null, anything not JSON-native becomes its string."""
    return json.dumps(_clean(value), indent=indent, default=str, allow_nan=False)


def _clean(value: Any) -> Any:
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_clean(v) for v in value]
    return value


# --- Markdown ---------------------------------------------------------------------------------


def render_markdown(report: Report, charts: Sequence[str] = ()) -> str:
    """The whole report as Markdown; ``charts`` are image file names in the same folder."""
    lines = [
        f"# medcite evaluation — {report.suite} suite",
        "",
        f"Run {report.created}, {report.seconds:.0f} s. Index: {_index_line(report.index)}.",
        "",
    ]
    for name, columns in TABLES.items():
        rows = report.table(name)
        if rows:
            lines += [f"## {TITLES[name]}", "", *markdown_table(rows, columns), ""]
    if report.comparisons:
        lines += ["## Paired comparisons", "", *comparison_table(report.comparisons), ""]
    if any(row.outside for row in report.rows):
        lines += ["† measured elsewhere, not in this run (see the note on the row).", ""]
    if report.notes:
        lines += ["## Notes", "", *(f"- {note}" for note in report.notes), ""]
    lines += [f"![{chart}]({chart})" for chart in charts]
    return "\n".join(lines).rstrip() + "\n"


def markdown_table(rows: Sequence[Row], columns: Sequence[str]) -> list[str]:
    """A Markdown table with one line per row; metrics no row has are left out, and the split
    column when no row has a split."""
    used = [c for c in columns if any(r.metrics.get(c) is not None for r in rows)]
    split = any(r.split for r in rows)
    head = ["task", *(["split"] if split else []), "system", "n", *(LABELS.get(c, c) for c in used)]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for row in rows:
        system = f"{row.system} †" if row.outside else row.system
        n = str(row.n) if row.n else ""
        where = [row.task, row.split] if split else [row.task]
        cells = [*where, system, n, *(_cell(row, c) for c in used)]
        lines.append("| " + " | ".join(cells) + " |")
    notes = [f"{r.system}: {r.note}" for r in rows if r.outside and r.note]
    return lines + ([""] + [f"† {note}" for note in dict.fromkeys(notes)] if notes else [])


def comparison_table(comparisons: Sequence[Comparison]) -> list[str]:
    """``a`` minus ``b`` per task and split: means, difference with its 95% paired-bootstrap
    interval, relative gain and p-value."""
    lines = [
        "| task | split | a − b | metric | n | a | b | diff [95% CI] | rel. | p |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for c in comparisons:
        rel = f"{c.relative:+.1%}" if c.relative is not None else "–"
        cells = [
            c.task,
            c.split,
            f"{c.a} − {c.b}",
            LABELS.get(c.metric, c.metric),
            str(c.n),
            f"{c.mean_a:.3f}",
            f"{c.mean_b:.3f}",
            f"{c.diff:+.3f} [{c.lo95:+.3f}, {c.hi95:+.3f}]",
            rel,
            f"{c.p_value:.3f}",
        ]
        lines.append("| " + " | ".join(cells) + " |")
    return lines


def _cell(row: Row, column: str) -> str:
    value = row.metrics.get(column)
    if value is None or math.isnan(value):
        return "–"
    return f"{value:.1f}" if column in _COUNT_METRICS else f"{value:.3f}"


def _index_line(index: dict[str, Any]) -> str:
    documents = index.get("documents")
    count = f"{documents:,} documents" if isinstance(documents, int) else "unknown size"
    return f"`{index.get('path', '?')}` ({count})"


# --- files ------------------------------------------------------------------------------------


def write_report(report: Report, out_dir: Path | str) -> dict[str, Path]:
    """Write ``report.md``, ``report.json``, ``details.jsonl`` and PNG charts into ``out_dir``."""
    folder = Path(out_dir)
    folder.mkdir(parents=True, exist_ok=True)
    charts = write_charts(report, folder)
    files = {
        "markdown": folder / "report.md",
        "json": folder / "report.json",
        "details": folder / "details.jsonl",
        **{path.stem: path for path in charts},
    }
    files["markdown"].write_text(render_markdown(report, [p.name for p in charts]), "utf-8")
    files["json"].write_text(report.to_json(), "utf-8")
    with files["details"].open("w", encoding="utf-8") as out:
        for detail in report.details:
            out.write(json_text(detail) + "\n")
    return files


_CHARTS = (
    ("retrieval", "ndcg10", "retrieval_ndcg10.png"),
    ("answers", "rouge_l", "answers_rouge_l.png"),
    ("answers", "p50_ms", "answers_latency_p50.png"),
)


def write_charts(report: Report, folder: Path) -> list[Path]:
    """Grouped bar charts (task x system) of the headline metrics; returns the files written."""
    written = []
    for table, metric, name in _CHARTS:
        rows = [r for r in report.table(table) if r.metrics.get(metric) is not None]
        if rows:
            path = folder / name
            _bar_chart(rows, metric, f"{TITLES[table]}: {LABELS[metric]}", path)
            written.append(path)
    return written


def _bar_chart(rows: Sequence[Row], metric: str, title: str, path: Path) -> None:
    from matplotlib.figure import Figure

    tasks = list(dict.fromkeys(_task_label(r) for r in rows))
    systems = list(dict.fromkeys(_system_label(r) for r in rows))
    width = 0.8 / len(systems)
    figure = Figure(figsize=(max(6.0, 1.6 * len(tasks)), 4.0), layout="constrained")
    axes = figure.subplots()
    for offset, system in enumerate(systems):
        values = [_value(rows, task, system, metric) for task in tasks]
        positions = [i + (offset - (len(systems) - 1) / 2) * width for i in range(len(tasks))]
        axes.bar(positions, values, width, label=system, hatch="//" if "†" in system else None)
    axes.set_xticks(range(len(tasks)), tasks, rotation=20, ha="right")
    axes.set_title(title)
    axes.legend(fontsize="small")
    figure.savefig(path, dpi=110)


def _task_label(row: Row) -> str:
    return f"{row.task} ({row.split})" if row.split else row.task


def _system_label(row: Row) -> str:
    return f"{row.system} † (elsewhere)" if row.outside else row.system


def _value(rows: Sequence[Row], task: str, system: str, metric: str) -> float:
    for row in rows:
        if _task_label(row) == task and _system_label(row) == system:
            value = row.metrics.get(metric)
            return 0.0 if value is None or math.isnan(value) else value
    return 0.0
