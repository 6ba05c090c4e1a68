"""Search latency over 1,000+ real questions, and cold start of the `medcite search` command.

    python benchmarks/search.py                 # builds a temporary index of the 3 sample corpora
    python benchmarks/search.py --index DIR     # reuse an index (ingest the same corpora first)

Index: pubmed21n1298 + MedQuAD + pubmed20n0014 (≈ 70k documents). Questions: LiveQA, MedicationQA,
PubMedQA PQA-L and BioASQ. Prints a table and writes benchmarks/results/search.json.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import (
    MEDQUAD_TAR,
    PUBMED_1977,
    PUBMED_2021,
    print_table,
    real_questions,
    summary_ms,
    write_json,
)
from medcite import Engine

COLD_RUNS = 7


def in_process_latency(engine: Engine, questions: list[str], k: int) -> list[float]:
    engine.search(questions[0], k=k)  # open the index outside the timing
    timings = []
    for question in questions:
        started = time.perf_counter()
        engine.search(question, k=k)
        timings.append(time.perf_counter() - started)
    return timings


def cold_start(index: Path, question: str) -> list[float]:
    command = [
        sys.executable,
        "-m",
        "medcite",
        "search",
        question,
        "--index",
        str(index),
        "-k",
        "10",
    ]
    timings = []
    for _ in range(COLD_RUNS):
        started = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        timings.append(time.perf_counter() - started)
    return timings


def run(index: Path, build: bool) -> None:
    engine = Engine(index)
    if build:
        print("building index of pubmed21n1298 + medquad + pubmed20n0014 ...", flush=True)
        engine.ingest([PUBMED_2021, MEDQUAD_TAR, PUBMED_1977])
    documents = engine.stats().documents
    questions = real_questions()
    rows = []
    for k in (10, 100):
        stats = summary_ms(in_process_latency(engine, questions, k))
        rows.append({"what": f"Engine.search k={k}", "documents": documents, **stats})
    cold = cold_start(index, "What causes facial twitches?")
    rows.append(
        {
            "what": "`medcite search` cold start",
            "documents": documents,
            **summary_ms(cold),
            "median_s": round(statistics.median(cold), 3),
        }
    )
    print_table(f"Search latency ({len(questions):,} real questions)", rows)
    write_json(
        "search",
        {
            "targets": {"p50_ms": 3, "p95_ms": 10, "cold_start_s": 0.5},
            "questions": len(questions),
            "rows": rows,
        },
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--index", type=Path, help="existing index with the three sample corpora")
    args = parser.parse_args()
    if args.index:
        run(args.index, build=False)
        return
    with tempfile.TemporaryDirectory(prefix="medcite-search-bench-") as tmp:
        run(Path(tmp), build=True)


if __name__ == "__main__":
    main()
