"""Pair two runs of the judged-review sample for a blind reviewer.

Reads two JSONL files written by ``review_sample.py`` (the same 30 questions answered by two
versions of medcite), renders every answer with the current Markdown renderer, and writes one
file in which each question shows "Answer A" and "Answer B" in an order shuffled per question
(fixed seed), plus the key that says which was which. The reviewer gets only the paired file and
docs/review/RUBRIC.md; the scores are unblinded with the key afterwards.

    python benchmarks/review_sample.py --index data/index --out /tmp/rev/after.md
    python benchmarks/review_blind.py /tmp/rev/before.jsonl /tmp/rev/after.jsonl \\
        --out /tmp/rev/blind.md --key docs/review/blind_key_rN.json --seed N
    python benchmarks/review_blind.py --scores docs/review/scores_blind_rN.md \\
        --key docs/review/blind_key_rN.json          # unblind: means per version
"""

from __future__ import annotations

import argparse
import json
import random
import re
from pathlib import Path
from typing import Any

from medcite.records import Answer
from medcite.render.markdown import render

_ROW = re.compile(r"^\| (R\d+) \| ([AB]) \| (\d) \| (\d) \| (\d) \|", re.M)
_FOCUS = re.compile(r"^## (R\d+) .*gold focus: (.*)$", re.M)


def _rows(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def pair(before: Path, after: Path, seed: int) -> tuple[str, dict[str, dict[str, str]], int]:
    """The paired Markdown, the key, and how many pairs are identical."""
    foci = dict(_FOCUS.findall(before.with_suffix(".md").read_text(encoding="utf-8")))
    rng = random.Random(seed)
    key: dict[str, dict[str, str]] = {}
    parts, same = [], 0
    for old, new in zip(_rows(before), _rows(after), strict=True):
        rid = old["review_id"]
        shown = {
            "before": render(Answer.model_validate(old["answer"])),
            "after": render(Answer.model_validate(new["answer"])),
        }
        same += shown["before"] == shown["after"]
        order = ["before", "after"]
        rng.shuffle(order)
        key[rid] = {"A": order[0], "B": order[1]}
        parts.append(
            f"## {rid} · {old['dataset']} {old['qid']} · gold focus: {foci.get(rid, '-')}\n\n"
            f"**Question:** {old['answer']['question']}\n\n"
            f"### Answer A\n\n{shown[order[0]]}\n\n### Answer B\n\n{shown[order[1]]}\n"
        )
    return "\n\n======\n\n".join(parts), key, same


def unblind(scores: Path, key_path: Path) -> dict[str, dict[str, float]]:
    """Mean relevance, safety and usefulness per version, and its count of safety zeros."""
    key = json.loads(key_path.read_text(encoding="utf-8"))
    found: dict[str, list[tuple[int, int, int]]] = {"before": [], "after": []}
    for rid, answer, rel, safe, use in _ROW.findall(scores.read_text(encoding="utf-8")):
        found[key[rid][answer]].append((int(rel), int(safe), int(use)))
    out = {}
    for version, marks in found.items():
        n = len(marks) or 1
        out[version] = {
            "relevance": round(sum(m[0] for m in marks) / n, 2),
            "safety": round(sum(m[1] for m in marks) / n, 2),
            "usefulness": round(sum(m[2] for m in marks) / n, 2),
            "safety_zeros": sum(m[1] == 0 for m in marks),
        }
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("before", type=Path, nargs="?")
    parser.add_argument("after", type=Path, nargs="?")
    parser.add_argument("--out", type=Path)
    parser.add_argument("--key", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--scores", type=Path, help="unblind these scores with --key")
    args = parser.parse_args()
    if args.scores is not None:
        for version, means in unblind(args.scores, args.key).items():
            print(version, means)
        return
    if args.before is None or args.after is None or args.out is None:
        parser.error("give BEFORE.jsonl AFTER.jsonl --out FILE (or --scores to unblind)")
    text, key, same = pair(args.before, args.after, args.seed)
    args.out.write_text(text, encoding="utf-8")
    args.key.write_text(json.dumps(key, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {len(key)} pairs to {args.out} ({same} identical), key {args.key}")


if __name__ == "__main__":
    main()
