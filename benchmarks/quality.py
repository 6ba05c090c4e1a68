"""Answer and retrieval quality: medcite against an independent BM25 and lead sentences, same run.

    python benchmarks/quality.py                    # full suite; medcite = Engine.ask + its ranking
    python benchmarks/quality.py --suite quick      # the CI suite (≤ 3 min)
    python benchmarks/quality.py --baselines-only   # the BM25 baselines and lead sentences only

The evaluation index (sample corpora + PubMedQA PQA-L abstracts + MeSH vocabulary) is built once
at --index (default data/eval-index). The run folder (report.md, report.json, details.jsonl, PNG
charts) goes to --out (default data/eval-runs/<suite>). Every retrieval and answer row is one
split (dev or test); the paired comparisons give medcite minus the independent BM25 with a 95%
bootstrap interval. Prints the tables and writes benchmarks/results/quality.json. See
docs/evaluation.md for what every figure means.
"""

from __future__ import annotations

import argparse
import json
import logging
from pathlib import Path

from common import ROOT, write_json
from medcite import Engine
from medcite.eval.report import TABLES, comparison_table, markdown_table
from medcite.eval.runner import (
    SUITES,
    medcite_retrieval,
    medcite_retrieved,
    medcite_tiered_retrieval,
    run_suite,
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--suite", choices=sorted(SUITES), default="full")
    parser.add_argument("--index", type=Path, default=ROOT / "data" / "eval-index")
    parser.add_argument("--out", type=Path, default=None)
    parser.add_argument("--baselines-only", action="store_true")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    out = args.out or ROOT / "data" / "eval-runs" / args.suite
    engine = Engine(args.index)
    medcite = not args.baselines_only
    report = run_suite(
        args.suite,
        args.index,
        out,
        answer_fn=engine.ask if medcite else None,
        retrieve_fn=medcite_retrieval(engine) if medcite else None,
        retrieve_for_task=medcite_tiered_retrieval(engine) if medcite else None,
        retrieved_fn=medcite_retrieved(engine) if medcite else None,
    )
    print(f"\n{report.suite} suite, {report.seconds:.0f} s, index {report.index.get('path')}")
    for name, columns in TABLES.items():
        rows = report.table(name)
        if rows:
            print(f"\n{name}\n" + "\n".join(markdown_table(rows, columns)))
    if report.comparisons:
        print("\npaired comparisons\n" + "\n".join(comparison_table(report.comparisons)))
    print("\n" + "\n".join(f"- {note}" for note in report.notes))
    print(f"\nreport: {out / 'report.md'}")
    write_json("quality", {"run_folder": str(out), **json.loads(report.to_json())})


if __name__ == "__main__":
    main()
