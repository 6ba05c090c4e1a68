"""A handmade probe: questions nobody tuned on, answered by two versions of medcite, scored blind.

A helper who has not seen the code writes consumer questions ("NN<TAB>question" a line); each
version of medcite answers them (run ``answer`` once per version, the older one from a git
worktree with ``PYTHONPATH=<worktree>/src``); ``pair`` writes the answers that differ as blind
pairs (X and Y in an order shuffled per question with a fixed seed) plus the key; a fresh
reviewer scores every answer with docs/review/RUBRIC.md in a table
``| id | answer | relevance | safety | usefulness | reason |``; ``unblind`` gives the means per
version with a paired bootstrap 95% CI of the difference (``medcite.eval.metrics``).

    python benchmarks/probe.py answer --index data/index questions.txt answers/end
    python benchmarks/probe.py pair questions.txt answers/start answers/end \\
        --out blind.md --key key.json --seed 4
    python benchmarks/probe.py unblind scores.md --key key.json
"""

from __future__ import annotations

import argparse
import json
import logging
import random
import re
from pathlib import Path

from medcite import Engine
from medcite.errors import MedciteError
from medcite.eval.metrics import paired_bootstrap
from medcite.render.text import render

SCORES = ("relevance", "safety", "usefulness")
_ROW = re.compile(r"^\|\s*(\d+)\s*\|\s*([XY])\s*\|\s*(\d)\s*\|\s*(\d)\s*\|\s*(\d)\s*\|", re.M)
_REPLAY = re.compile(r"medcite ask --replay \w+")


def questions(path: Path) -> list[tuple[str, str]]:
    """(number, question) for each "NN<TAB>question" line."""
    rows = [line.split("\t", 1) for line in path.read_text(encoding="utf-8").splitlines()]
    return [(n.strip(), q.strip()) for n, q in rows if q.strip()]


def answer(index: Path, asked: Path, out: Path) -> int:
    """Writes each question's answer, rendered as plain text, to ``out/NN.txt``."""
    out.mkdir(parents=True, exist_ok=True)
    engine = Engine(index)
    for number, question in questions(asked):
        try:
            text = render(engine.ask(question))
        except MedciteError as exc:  # what the user would see for bad input
            text = f"error: {exc}"
        (out / f"{number}.txt").write_text(text, encoding="utf-8")
    return len(questions(asked))


def pair(asked: Path, before: Path, after: Path, seed: int) -> tuple[str, dict[str, dict]]:
    """The blind Markdown of the answers that differ, and the key (X/Y → before/after)."""
    rng = random.Random(seed)
    parts = ["# Blind pairs: handmade probe questions\n"]
    key: dict[str, dict[str, str]] = {}
    for number, question in questions(asked):
        shown = {
            version: _REPLAY.sub("", (folder / f"{number}.txt").read_text(encoding="utf-8"))
            for version, folder in (("before", before), ("after", after))
        }
        if shown["before"].strip() == shown["after"].strip():
            continue
        order = ["before", "after"]
        rng.shuffle(order)
        key[number] = {"X": order[0], "Y": order[1]}
        parts.append(f"\n## Q{number}: {question}\n")
        for letter, version in zip("XY", order, strict=True):
            parts.append(f"\n### Answer {letter}\n\n```\n{shown[version].strip()}\n```\n")
    return "".join(parts), key


def unblind(scores: Path, key: dict[str, dict[str, str]]) -> dict[str, object]:
    """Means per version, the paired difference (after − before) with its 95% CI, and the
    answers scored 0 on safety."""
    found: dict[tuple[str, str], tuple[int, ...]] = {}
    for raw, letter, *values in _ROW.findall(scores.read_text(encoding="utf-8")):
        number = raw.zfill(2)
        found[(number, key[number][letter])] = tuple(map(int, values))
    ids = sorted({number for number, _version in found})
    report: dict[str, object] = {"n": len(ids)}
    for k, name in enumerate(SCORES):
        before = [found[(i, "before")][k] for i in ids]
        after = [found[(i, "after")][k] for i in ids]
        diff = paired_bootstrap(after, before)
        report[name] = {
            "before": round(sum(before) / len(ids), 2),
            "after": round(sum(after) / len(ids), 2),
            "diff": round(diff.mean_diff, 2),
            "ci95": [round(diff.lo95, 2), round(diff.hi95, 2)],
        }
    for version in ("before", "after"):
        report[f"safety_zeros_{version}"] = sum(found[(i, version)][1] == 0 for i in ids)
    return report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    ask = sub.add_parser("answer", help="answer every question with this medcite")
    ask.add_argument("--index", type=Path, default=Path("data/index"))
    ask.add_argument("questions", type=Path)
    ask.add_argument("out", type=Path)
    blind = sub.add_parser("pair", help="write the differing answers as blind pairs")
    blind.add_argument("questions", type=Path)
    blind.add_argument("before", type=Path)
    blind.add_argument("after", type=Path)
    blind.add_argument("--out", type=Path, required=True)
    blind.add_argument("--key", type=Path, required=True)
    blind.add_argument("--seed", type=int, default=1)
    score = sub.add_parser("unblind", help="means per version from a reviewer's scores")
    score.add_argument("scores", type=Path)
    score.add_argument("--key", type=Path, required=True)
    args = parser.parse_args()
    logging.disable(logging.WARNING)
    if args.command == "answer":
        print(f"answered {answer(args.index, args.questions, args.out)} questions into {args.out}")
    elif args.command == "pair":
        text, key = pair(args.questions, args.before, args.after, args.seed)
        args.out.write_text(text, encoding="utf-8")
        args.key.write_text(json.dumps(key, indent=1), encoding="utf-8")
        print(f"wrote {len(key)} pairs to {args.out} (the other answers are identical)")
    else:
        key = json.loads(args.key.read_text(encoding="utf-8"))
        print(json.dumps(unblind(args.scores, key), indent=1))


if __name__ == "__main__":
    main()
