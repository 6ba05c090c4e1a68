"""Scope: does medcite decline questions that are not about human health, and only those?

    python benchmarks/scope.py --index data/index            # the table + results/scope.json
    python benchmarks/scope.py --index data/index --errors   # also list the dev questions missed

Sets: ``scope-written`` (200 questions by a writer who read no medcite file: 100 non-health
questions that use a word with a medical sense in another one, 100 health questions that name
things of other fields; split dev / test by ``medcite.eval.splits.split_of``; tune on dev,
report test; test questions are never listed) and ``out-of-scope`` (12 plain non-health
questions, no split). A question is declined as the answer pipeline declines it
(``medcite.answer.pipeline.declines``: out of scope and no red flag, or an animal's illness).

``declined_non_health`` is the share of non-health questions declined (higher is better);
``declined_health`` the share of health questions declined (lower is better).
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from common import print_table, write_json
from medcite import Engine
from medcite.answer.pipeline import declines
from medcite.eval import datasets as ds
from medcite.eval.datasets import LabelledQuestion


def decisions(engine: Engine, questions: Sequence[LabelledQuestion]) -> list[bool]:
    """For each question, True when the pipeline would decline it."""
    return [declines(q.question, engine.understand(q.question)) for q in questions]


def score(
    name: str, split: str, questions: Sequence[LabelledQuestion], engine: Engine
) -> dict[str, Any]:
    started = time.perf_counter()
    declined = decisions(engine, questions)
    seconds = time.perf_counter() - started
    health = [d for q, d in zip(questions, declined, strict=True) if q.label]
    other = [d for q, d in zip(questions, declined, strict=True) if not q.label]
    right = sum(d != q.label for q, d in zip(questions, declined, strict=True))
    return {
        "set": name,
        "split": split,
        "n": len(questions),
        "health": len(health),
        "declined_non_health": _share(sum(other), len(other)),
        "declined_health": _share(sum(health), len(health)),
        "accuracy": _share(right, len(questions)),
        "ms_per_question": round(seconds / max(1, len(questions)) * 1000, 2),
    }


def _share(count: int, total: int) -> float | None:
    return round(count / total, 3) if total else None


def errors(engine: Engine, questions: Sequence[LabelledQuestion]) -> list[str]:
    """The dev questions decided wrongly, each with its label."""
    wrong = []
    for q, declined in zip(questions, decisions(engine, questions), strict=True):
        if declined == q.label:
            kind = "health, declined" if q.label else "not health, answered"
            wrong.append(f"{q.id}  [{kind}]  {q.question}")
    return wrong


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--index", type=Path, default=Path("data/index"))
    parser.add_argument("--errors", action="store_true", help="list the dev questions missed")
    args = parser.parse_args()
    engine = Engine(args.index)
    rows = [
        score(ds.SCOPE_WRITTEN, split, list(ds.written_scope_set(split)), engine)
        for split in ("dev", "test")
    ]
    rows.append(score("out-of-scope", "all", list(ds.out_of_scope_set()), engine))
    print_table("Scope: declined questions (non-health: higher is better; health: lower)", rows)
    write_json("scope", {"rows": rows})
    if args.errors:
        print("\nDev questions decided wrongly:")
        for line in errors(engine, list(ds.written_scope_set("dev"))):
            print("  " + line)


if __name__ == "__main__":
    main()
