"""Red-flag detection: recall, precision and false-positive rate on the labelled question sets.

    python benchmarks/red_flags.py            # the table + benchmarks/results/red_flags.json
    python benchmarks/red_flags.py --errors   # also list the dev questions it gets wrong

Sets: ``red-flags`` (41 real LiveQA / MedicationQA / MEDIQA 2019 questions, which the detector's
first patterns were tuned on), ``red-flags-written`` (patient-style questions written for
medcite, split dev / test by ``medcite.eval.splits.split_of``; tune on dev, report test) and
``red-flags-fresh`` (160 messages by a second writer, on situations the detector did not name
when they were written; same split rule) and ``red-flags-third`` (360 messages by a third writer
who read no medcite file: 120 emergency, 120 same-day, 120 routine; same split rule) and
``red-flags-fourth`` (300 messages by a fourth writer who read no medcite file: 100 emergency,
100 same-day, 100 routine over every body system; same split rule) and ``red-flags-fifth``
(300 messages by three more writers who read no medcite file, in varied voices; same split
rule) and ``red-flags-sixth``, ``red-flags-seventh``, ``red-flags-eighth`` and ``red-flags-ninth``
(300 each, by three more such writers each; same split rule). Test
questions are never listed, so that nobody tunes on them. Targets (issue 12): on the written test
split recall ≥ 0.95 and false-positive rate ≤ 0.05.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from common import print_table, write_json
from medcite.answer.safety import CONCEPTS, detect_red_flags
from medcite.answer.triage import TRIAGE_KIND
from medcite.eval import datasets as ds
from medcite.eval.datasets import LabelledQuestion
from medcite.eval.metrics import binary_scores

TARGETS = {"recall": 0.95, "false_positive_rate": 0.05}
KINDS = {concept.kind for concept in CONCEPTS}


def score(name: str, split: str, questions: Sequence[LabelledQuestion]) -> dict[str, Any]:
    """One table row: counts, recall, precision, false-positive rate, kind agreement, speed.

    ``right_kind`` is the share of detected emergencies whose labelled kind is among the kinds
    raised; it is left empty for a set labelled with other kind names (the old set).
    ``by_wording_check`` counts the messages flagged only by the statistical check of the
    wording (``medcite.answer.triage``), which no rule read.
    """
    started = time.perf_counter()
    flagged = [{f.kind for f in detect_red_flags(q.question)} for q in questions]
    seconds = time.perf_counter() - started
    scores = binary_scores([q.label for q in questions], [bool(k) for k in flagged])
    emergencies = [(q, k) for q, k in zip(questions, flagged, strict=True) if q.label and k]
    same_names = all(q.kind in KINDS for q, _ in emergencies)
    return {
        "set": name,
        "split": split,
        "n": len(questions),
        "emergencies": sum(q.label for q in questions),
        "recall": scores.recall,
        "precision": scores.precision,
        "false_positive_rate": scores.false_positive_rate,
        "right_kind": _share(sum(q.kind in k for q, k in emergencies), len(emergencies))
        if same_names
        else None,
        "recall_emergency": _recall_of(questions, flagged, "emergency"),
        "recall_same_day": _recall_of(questions, flagged, "same-day"),
        "by_wording_check": sum(kinds == {TRIAGE_KIND} for kinds in flagged),
        "us_per_question": round(seconds / max(1, len(questions)) * 1e6, 1),
    }


def _recall_of(
    questions: Sequence[LabelledQuestion], flagged: Sequence[set[str]], urgency: str
) -> float | None:
    """Recall on the messages of one urgency level (sets that label it), else None."""
    hits = [bool(k) for q, k in zip(questions, flagged, strict=True) if q.urgency == urgency]
    return _share(sum(hits), len(hits))


def _share(count: int, total: int) -> float | None:
    return count / total if total else None


def errors(questions: Sequence[LabelledQuestion]) -> list[dict[str, Any]]:
    """The missed emergencies and the false alarms, with what fired."""
    wrong = []
    for q in questions:
        flags = detect_red_flags(q.question)
        if bool(flags) != q.label:
            fired = [f"{f.kind}: {f.matched}" for f in flags]
            wrong.append({"id": q.id, "label": q.label, "fired": fired, "question": q.question})
    return wrong


WRITTEN_SETS: tuple[tuple[str, Callable[..., Iterable[LabelledQuestion]]], ...] = (
    (ds.WRITTEN_RED_FLAGS, ds.written_red_flag_set),
    (ds.FRESH_RED_FLAGS, ds.fresh_red_flag_set),
    (ds.THIRD_RED_FLAGS, ds.third_red_flag_set),
    (ds.FOURTH_RED_FLAGS, ds.fourth_red_flag_set),
    (ds.FIFTH_RED_FLAGS, ds.fifth_red_flag_set),
    (ds.SIXTH_RED_FLAGS, ds.sixth_red_flag_set),
    (ds.SEVENTH_RED_FLAGS, ds.seventh_red_flag_set),
    (ds.EIGHTH_RED_FLAGS, ds.eighth_red_flag_set),
    (ds.NINTH_RED_FLAGS, ds.ninth_red_flag_set),
)
"""The written sets with a dev / test split, in the order they were written."""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", action="store_true", help="list the dev questions missed")
    args = parser.parse_args()
    sets = {
        name: {split: list(load(split=split)) for split in ("dev", "test")}
        for name, load in WRITTEN_SETS
    }
    written = sets[ds.WRITTEN_RED_FLAGS]
    rows = [
        score("red-flags (real, old)", "all", list(ds.red_flag_set())),
        score(ds.WRITTEN_RED_FLAGS, "dev", written["dev"]),
        score(ds.WRITTEN_RED_FLAGS, "test", written["test"]),
        score(ds.WRITTEN_RED_FLAGS, "all", written["dev"] + written["test"]),
    ]
    rows += [
        score(name, split, parts[split])
        for name, parts in sets.items()
        if name != ds.WRITTEN_RED_FLAGS
        for split in ("dev", "test")
    ]
    print_table("red-flag detection", rows)
    test = rows[2]
    met = {m: _meets(m, test[m]) for m in TARGETS}
    print(f"\ntargets on the written test split (recall ≥ 0.95, FPR ≤ 0.05): {met}")
    dev_errors = [wrong for parts in sets.values() for wrong in errors(parts["dev"])]
    dev_errors += errors(list(ds.red_flag_set()))
    if args.errors:
        for wrong in dev_errors:
            print(f"  {'missed' if wrong['label'] else 'false alarm'} {wrong['id']}: {wrong}")
    write_json(
        "red_flags", {"rows": rows, "targets": TARGETS, "test_meets": met, "errors": dev_errors}
    )


def _meets(metric: str, value: float | None) -> bool:
    if value is None:
        return False
    target = TARGETS[metric]
    return value >= target if metric == "recall" else value <= target


if __name__ == "__main__":
    main()
