"""On-topic citations over the whole of LiveQA and MedicationQA, per split (issue: answers that
stay on the question's topic).

For every question of the chosen split(s) with an annotated focus, medcite answers and the
independent judge (``medcite.eval.topics``, MeSH only, no medcite code) decides for each cited
document whether it is about the gold focus. Printed per set and split:

- on-topic bullets: share of bullets citing at least one document about the focus;
- off-topic answers: share of *answered* questions with no on-topic bullet;
- abstained: share of questions medcite declined to answer.

    python benchmarks/on_topic.py --index data/index             # dev and test, semantic as set
    python benchmarks/on_topic.py --index data/index --no-semantic --split dev

Tune on dev only; the test split is reported, never looked at question by question.
"""

from __future__ import annotations

import argparse
import logging
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from common import CORPORA, print_table, write_json
from medcite import Engine
from medcite.config import SemanticSettings, Settings
from medcite.eval import datasets as ds
from medcite.eval import metrics as m
from medcite.eval import nlm_sets as nlm
from medcite.eval.runner import MESH_TERMS, MESH_TREES
from medcite.eval.splits import split_of
from medcite.eval.topics import TopicJudge


def question_sets() -> dict[str, list[ds.EvalItem]]:
    return {
        "liveqa": [q.to_item() for q in nlm.liveqa(CORPORA / nlm.LIVEQA)],
        "medicationqa": list(ds.medicationqa(CORPORA / ds.MEDICATIONQA)),
    }


def score(engine: Engine, judge: TopicJudge, items: Iterable[ds.EvalItem]) -> dict[str, Any]:
    n = answered = off = bullets = on = 0
    started = time.perf_counter()
    for item in items:
        if not item.focus:
            continue
        n += 1
        answer = engine.ask(item.question)
        if answer.abstained:
            continue
        topic = m.topic_scores(answer, item.focus, engine.get, judge.about)
        answered += 1
        off += topic.on_topic == 0
        bullets += topic.bullets
        on += topic.on_topic
    return {
        "n": n,
        "answered": answered,
        "on_topic_bullets": round(on / bullets, 3) if bullets else None,
        "off_topic_answers": round(off / answered, 3) if answered else None,
        "abstained": round((n - answered) / n, 3) if n else None,
        "seconds": round(time.perf_counter() - started, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--index", type=Path, default=Path("data/index"))
    parser.add_argument("--split", choices=("dev", "test", "both"), default="both")
    parser.add_argument("--no-semantic", action="store_true", help="BM25 only")
    args = parser.parse_args()
    logging.disable(logging.WARNING)
    settings = Settings(semantic=SemanticSettings(enabled=not args.no_semantic))
    engine = Engine(args.index, settings)
    judge = TopicJudge.from_files(CORPORA / MESH_TERMS, CORPORA / MESH_TREES)
    splits = ("dev", "test") if args.split == "both" else (args.split,)
    rows = []
    for name, items in question_sets().items():
        for split in splits:
            chosen = [i for i in items if split_of(i.dataset, i.qid) == split]
            rows.append({"set": name, "split": split, **score(engine, judge, chosen)})
    mode = "BM25 only" if args.no_semantic else engine.semantic_status()
    print_table(f"On-topic citations ({mode})", rows)
    write_json("on_topic", {"semantic": not args.no_semantic, "rows": rows})


if __name__ == "__main__":
    main()
