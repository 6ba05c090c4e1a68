"""Helpers shared by the benchmark scripts: corpora paths, real questions, tables, JSON output."""

from __future__ import annotations

import gzip
import json
import os
import platform
import statistics
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from lxml import etree

ROOT = Path(__file__).resolve().parents[1]
CORPORA = Path(os.environ.get("MEDCITE_CORPORA", ROOT.parent / "shared" / "corpora"))
RESULTS = ROOT / "benchmarks" / "results"
PUBMED_2021 = CORPORA / "pubmed-xml" / "pubmed21n1298.xml.gz"
PUBMED_1977 = CORPORA / "pubmed-xml" / "pubmed20n0014.xml.gz"
MEDQUAD_TAR = CORPORA / "medquad" / "MedQuAD-xml.tar.gz"


def liveqa_questions() -> Iterator[str]:
    path = (
        CORPORA / "liveqa-med-trec2017" / "TREC-2017-LiveQA-Medical-Test-Questions-w-summaries.xml"
    )
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    root = etree.parse(str(path), parser).getroot()
    for question in root.iter("NLM-QUESTION"):
        text = question.findtext("NIST-PARAPHRASE") or question.findtext(
            "Original-Question/MESSAGE"
        )
        if text and text.strip():
            yield text.strip()


def medicationqa_questions() -> Iterator[str]:
    with (CORPORA / "medicationqa" / "medicationqa.jsonl").open(encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                yield str(json.loads(line)["Question"]).strip()


def pubmedqa_questions() -> Iterator[str]:
    with gzip.open(CORPORA / "pubmedqa-pqal" / "ori_pqal.json.gz", "rt", encoding="utf-8") as f:
        for item in json.load(f).values():
            yield str(item["QUESTION"]).strip()


def bioasq_questions(limit_files: int = 4) -> Iterator[str]:
    for path in sorted((CORPORA / "bioasq-taskb-golden").glob("*_golden.json.gz"))[:limit_files]:
        with gzip.open(path, "rt", encoding="utf-8") as f:
            for question in json.load(f)["questions"]:
                yield str(question["body"]).strip()


def pubmedrs_questions() -> Iterator[str]:
    import csv

    path = CORPORA / "pubmedrs-200" / "PubMedRS-200.csv.gz"
    with gzip.open(path, "rt", encoding="utf-8", errors="replace") as f:
        for row in csv.DictReader(f):
            question = (row.get("HumanQuestions") or row.get("questions") or "").strip()
            if question:
                yield question


def answer_questions(per_source: int = 100, seed: int = 7) -> list[str]:
    """300 real questions for answer benchmarks: 100 each of LiveQA, MedicationQA, PubMedRS-200."""
    import random

    rng = random.Random(seed)
    chosen: list[str] = []
    for source in (liveqa_questions, medicationqa_questions, pubmedrs_questions):
        pool = list(source())
        chosen += rng.sample(pool, min(per_source, len(pool)))
    return chosen


def real_questions() -> list[str]:
    """≈2,000 real questions: LiveQA, MedicationQA, PubMedQA PQA-L and part of BioASQ."""
    sources = (liveqa_questions, medicationqa_questions, pubmedqa_questions, bioasq_questions)
    return [q for source in sources for q in source() if q]


def percentile(values: Sequence[float], pct: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    rank = min(len(ordered) - 1, max(0, round(pct / 100 * (len(ordered) - 1))))
    return ordered[rank]


def summary_ms(seconds: Sequence[float]) -> dict[str, float]:
    ms = [s * 1000 for s in seconds]
    return {
        "n": len(ms),
        "mean_ms": round(statistics.fmean(ms), 3),
        "p50_ms": round(percentile(ms, 50), 3),
        "p95_ms": round(percentile(ms, 95), 3),
        "p99_ms": round(percentile(ms, 99), 3),
        "max_ms": round(max(ms), 3),
    }


def print_table(title: str, rows: Sequence[dict[str, Any]]) -> None:
    if not rows:
        return
    columns = list(rows[0])
    widths = {c: max(len(c), *(len(_fmt(r.get(c))) for r in rows)) for c in columns}
    print(f"\n{title}")
    print("  ".join(c.ljust(widths[c]) for c in columns))
    print("  ".join("-" * widths[c] for c in columns))
    for row in rows:
        print("  ".join(_fmt(row.get(c)).ljust(widths[c]) for c in columns))


def _fmt(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:,.2f}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def write_json(name: str, payload: dict[str, Any]) -> Path:
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / f"{name}.json"
    payload = {"machine": machine(), **payload}
    path.write_text(json.dumps(payload, indent=2), encoding="utf-8")
    print(f"\nwrote {path}")
    return path


def machine() -> dict[str, Any]:
    return {
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
    }
