"""Engine.ask latency over 300 real questions (LiveQA, MedicationQA, PubMedRS-200).

    python benchmarks/ask.py --index DIR    # an index of the sample corpora (scripts/demo.sh builds
                                            # one in data/index), vocabulary loaded

Prints a table (p50/p95/p99 per stage) and writes benchmarks/results/ask.json.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from common import answer_questions, print_table, summary_ms, write_json
from medcite import Engine


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--index", type=Path, required=True)
    args = parser.parse_args()
    engine = Engine(args.index)
    questions = answer_questions()
    engine.ask(questions[0])  # open the index and vocabulary outside the timing
    totals, stages, abstained = [], {}, 0
    for question in questions:
        started = time.perf_counter()
        answer = engine.ask(question)
        totals.append(time.perf_counter() - started)
        abstained += answer.abstained
        for stage, ms in answer.timings_ms.items():
            stages.setdefault(stage, []).append(ms / 1000)
    rows = [{"stage": "Engine.ask (wall)", **summary_ms(totals)}]
    rows += [{"stage": name, **summary_ms(v)} for name, v in stages.items() if name != "total"]
    print_table(f"Engine.ask over {len(questions)} real questions ({abstained} abstained)", rows)
    write_json(
        "ask",
        {
            "targets": {"p50_ms": 150, "p95_ms": 400},
            "questions": len(questions),
            "abstained": abstained,
            "rows": rows,
        },
    )


if __name__ == "__main__":
    main()
