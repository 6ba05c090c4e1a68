"""On-topic citations over the whole of LiveQA and MedicationQA, per split (issue: answers that
stay on the question's topic).

For every question of the chosen split(s) with an annotated focus, medcite answers and the
independent judge (``medcite.eval.topics``, MeSH only, no medcite code) decides for each cited
document whether it is about the gold focus. Printed per set and split:

- on-topic bullets: share of bullets citing at least one document about the focus;
- off-topic answers: share of *answered* questions with no on-topic bullet;
- abstained: share of questions medcite declined to answer.

Both are given by the judge's current revision and, suffixed ``_r1``, by its first revision
(``medcite.eval.topics`` lists the differences), on the same answers.

    python benchmarks/on_topic.py --index data/index             # dev and test, semantic as set
    python benchmarks/on_topic.py --index data/index --no-semantic --split dev

Tune on dev only; the test split is reported, never looked at question by question.
"""

from __future__ import annotations

import argparse
import logging
import time
from collections.abc import Iterable, Sequence
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


def score(
    engine: Engine, judges: Sequence[TopicJudge], items: Iterable[ds.EvalItem]
) -> dict[str, Any]:
    """Answers each item once and scores the answer with every judge (the current revision
    first, then the earlier ones, reported as ``…_r1`` and so on)."""
    n = answered = bullets = 0
    on = [0] * len(judges)
    off = [0] * len(judges)
    started = time.perf_counter()
    for item in items:
        if not item.focus:
            continue
        n += 1
        answer = engine.ask(item.question)
        if answer.abstained:
            continue
        answered += 1
        for k, judge in enumerate(judges):
            topic = m.topic_scores(answer, item.focus, engine.get, judge.about)
            off[k] += topic.on_topic == 0
            on[k] += topic.on_topic
        bullets += topic.bullets
    row: dict[str, Any] = {"n": n, "answered": answered}
    for k, judge in enumerate(judges):
        tag = "" if k == 0 else f"_r{judge.revision}"
        row[f"on_topic_bullets{tag}"] = round(on[k] / bullets, 3) if bullets else None
        row[f"off_topic_answers{tag}"] = round(off[k] / answered, 3) if answered else None
    row["abstained"] = round((n - answered) / n, 3) if n else None
    row["seconds"] = round(time.perf_counter() - started, 1)
    return row


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--index", type=Path, default=Path("data/index"))
    parser.add_argument("--split", choices=("dev", "test", "both"), default="both")
    parser.add_argument("--no-semantic", action="store_true", help="BM25 only")
    args = parser.parse_args()
    logging.disable(logging.WARNING)
    settings = Settings(semantic=SemanticSettings(enabled=not args.no_semantic))
    engine = Engine(args.index, settings)
    judges = [
        TopicJudge.from_files(CORPORA / MESH_TERMS, CORPORA / MESH_TREES, revision)
        for revision in (2, 3, 1)
    ]
    splits = ("dev", "test") if args.split == "both" else (args.split,)
    rows = []
    for name, items in question_sets().items():
        for split in splits:
            chosen = [i for i in items if split_of(i.dataset, i.qid) == split]
            rows.append({"set": name, "split": split, **score(engine, judges, chosen)})
    mode = "BM25 only" if args.no_semantic else engine.semantic_status()
    print_table(f"On-topic citations ({mode})", rows)
    write_json("on_topic", {"semantic": not args.no_semantic, "rows": rows})


if __name__ == "__main__":
    main()
