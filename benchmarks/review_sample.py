"""Answers to the judged-review sample: 15 LiveQA + 15 MedicationQA questions of the dev split.

The sample is fixed (the first questions of each set's dev split in ``splits.order_key`` order),
so the same 30 questions are answered before and after a change and a reviewer who did not write
the change scores both with the rubric in docs/evaluation.md.

    python benchmarks/review_sample.py --index data/index --out docs/review/after.md
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from common import CORPORA
from medcite import Engine
from medcite.eval import datasets as ds
from medcite.eval import nlm_sets as nlm
from medcite.eval.splits import order_key, split_of
from medcite.render.markdown import render

PER_SET = 15


def review_items() -> list[ds.EvalItem]:
    """The 30 review questions (dev split only), LiveQA first."""
    sets = [
        [q.to_item() for q in nlm.liveqa(CORPORA / nlm.LIVEQA)],
        list(ds.medicationqa(CORPORA / ds.MEDICATIONQA)),
    ]
    chosen: list[ds.EvalItem] = []
    for items in sets:
        dev = [i for i in items if split_of(i.dataset, i.qid) == "dev"]
        chosen += sorted(dev, key=lambda i: order_key(i.dataset, i.qid))[:PER_SET]
    return chosen


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--index", default="data/index")
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    engine = Engine(args.index)
    parts, rows = [], []
    for n, item in enumerate(review_items(), start=1):
        answer = engine.ask(item.question)
        parts.append(
            f"## R{n:02d} · {item.dataset} {item.qid} · gold focus: {item.focus or '-'}\n\n"
            f"**Question:** {item.question}\n\n{render(answer)}\n"
        )
        rows.append(
            {
                "review_id": f"R{n:02d}",
                "dataset": item.dataset,
                "qid": item.qid,
                "answer": json.loads(answer.model_dump_json()),
            }
        )
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("\n---\n\n".join(parts), encoding="utf-8")
    args.out.with_suffix(".jsonl").write_text(
        "".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8"
    )
    print(f"wrote {len(rows)} answers to {args.out}")


if __name__ == "__main__":
    main()
