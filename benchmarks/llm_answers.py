"""The language model's synthesis on the eval dev sets, beside the extractive answer (issue 14).

The first N LiveQA + MedicationQA questions of the split with a gold focus (half each, review
order) are asked with the configured endpoint (MEDCITE_LLM_BASE_URL, MEDCITE_LLM_MODEL); printed:
claims made, the share supported by the passages they cite, claims dropped (unsupported /
miscited), syntheses shown vs fallen back (reasons counted), on-topic bullets of the answer as
shown and of the extractive answer, the model's seconds and the verification's milliseconds
(p50/p95). A review file of every answer as shown (with the rejected claims) is written for
scoring with docs/review/RUBRIC.md. Same measurement as ``medcite eval --llm``.

    python benchmarks/llm_answers.py --index data/index --split dev -n 30
    python benchmarks/llm_answers.py --index data/index -n 10 --review benchmarks/results/llm.md

Without a configured endpoint it stops with exit code 2.
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from common import CORPORA, RESULTS, print_table, write_json
from medcite import Engine
from medcite.config import SemanticSettings, Settings
from medcite.eval.llm import DEFAULT_SAMPLE, Outcome, evaluate_llm, llm_items, topic_judge
from medcite.llm.errors import NOT_CONFIGURED


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--index", type=Path, default=Path("data/index"))
    parser.add_argument("--split", choices=("dev", "test"), default="dev")
    parser.add_argument("-n", type=int, default=DEFAULT_SAMPLE, help="questions (half per set)")
    parser.add_argument("--no-semantic", action="store_true", help="BM25 only")
    parser.add_argument(
        "--review", type=Path, default=RESULTS / "llm_answers_review.md", help="review file"
    )
    args = parser.parse_args()
    settings = Settings(
        index=args.index, audit=False, semantic=SemanticSettings(enabled=not args.no_semantic)
    )
    if not settings.llm.configured:
        print(f"error: {NOT_CONFIGURED}", file=sys.stderr)
        raise SystemExit(2)
    logging.disable(logging.WARNING)
    engine = Engine(args.index, settings)
    judge = topic_judge(CORPORA)
    items = llm_items(CORPORA, args.split, args.n)

    def progress(n: int, outcome: Outcome) -> None:
        took = f" {outcome.model_seconds:.1f} s" if outcome.model_seconds is not None else ""
        print(
            f"{n}/{len(items)} {outcome.dataset} {outcome.qid}: {outcome.status}{took}", flush=True
        )

    result = evaluate_llm(
        engine, items, judge.about if judge else None, split=args.split, progress=progress
    )
    engine.close()
    summary = result.summary()
    print_table(f"LLM synthesis beside the extractive answer ({args.split})", result.table())
    print()
    print("\n".join(result.details()))
    args.review.parent.mkdir(parents=True, exist_ok=True)
    args.review.write_text(result.review(), encoding="utf-8")
    print(f"wrote {args.review}")
    write_json(
        "llm_answers",
        {
            "index": str(args.index),
            "semantic": engine.semantic_status(),
            "summary": summary,
            "questions": [o.row() for o in result.outcomes],
        },
    )


if __name__ == "__main__":
    main()
