"""Train the statistical triage model (medcite.answer.triage) and write it beside its module.

    python scripts/train_triage.py                       # train, print the cross-validated table
    python scripts/train_triage.py --check               # train and compare with the shipped model

The training messages are ``training/triage/messages.jsonl`` (see its README): one JSON object a
line with ``id``, ``message`` and ``urgency`` (``emergency``, ``same-day`` or ``routine``).
Thresholds are set on out-of-fold probabilities (five folds by a hash of the id, so the run is
deterministic): the lowest threshold whose false-alarm rate on the negatives stays within
``--max-false-alarms``. Needs scikit-learn (``pip install -e '.[dev]'``).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from medcite.answer.triage import MODEL_PATH, Head, TriageModel, grams, triage_flag

ROOT = Path(__file__).resolve().parent.parent
MESSAGES = ROOT / "training" / "triage" / "messages.jsonl"
VALIDATION = ROOT / "training" / "triage" / "validation.jsonl"
URGENCIES = ("emergency", "same-day", "routine")
FOLDS = 5
MIN_DOCS = 2
"""An n-gram must occur in at least this many training messages to be a feature."""


def read_messages(path: Path) -> list[dict[str, str]]:
    """The training rows, checked: unique ids, a message, a known urgency."""
    rows: list[dict[str, str]] = []
    seen: set[str] = set()
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        row = json.loads(line)
        if row["urgency"] not in URGENCIES or not row["message"].strip() or row["id"] in seen:
            sys.exit(f"{path}:{number}: needs a new id, a message and one of {URGENCIES}")
        seen.add(row["id"])
        rows.append(row)
    return rows


def vocabulary(texts: Sequence[str]) -> tuple[dict[str, int], list[float]]:
    """The n-grams in at least :data:`MIN_DOCS` texts, and their smoothed idf."""
    df: Counter[str] = Counter()
    for text in texts:
        df.update(set(grams(text)))
    kept = sorted(gram for gram, n in df.items() if n >= MIN_DOCS)
    total = len(texts)
    idf = [math.log((1 + total) / (1 + df[g])) + 1.0 for g in kept]
    return {g: i for i, g in enumerate(kept)}, idf


def matrix(model: TriageModel, texts: Sequence[str]) -> Any:
    """The texts' normalised TF-IDF rows as a sparse matrix (the model's own weighting)."""
    from scipy.sparse import csr_matrix

    rows, cols, vals = [], [], []
    for r, text in enumerate(texts):
        for c, w in model.weights(text).items():
            rows.append(r)
            cols.append(c)
            vals.append(w)
    return csr_matrix((vals, (rows, cols)), shape=(len(texts), len(model.idf)))


def fit_head(x: Any, y: np.ndarray, c: float) -> Any:
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(C=c, max_iter=5000, class_weight="balanced").fit(x, y)


def threshold_for(scores: np.ndarray, y: np.ndarray, max_false_alarms: float) -> float:
    """The lowest threshold (two decimals) whose false-alarm rate on ``y == 0`` is within bound."""
    negatives = scores[~y]
    for cents in range(5, 100):
        t = cents / 100
        if (negatives >= t).mean() <= max_false_alarms:
            return t
    return 0.99


def fold_of(row_id: str) -> int:
    return int(hashlib.sha256(row_id.encode()).hexdigest()[:8], 16) % FOLDS


def out_of_fold(rows: list[dict[str, str]], y: np.ndarray, c: float) -> np.ndarray:
    """Each message's probability from a model trained on the other folds."""
    folds = np.array([fold_of(r["id"]) for r in rows])
    texts = [r["message"] for r in rows]
    scores = np.zeros(len(rows))
    for k in range(FOLDS):
        train, held = folds != k, folds == k
        model = _bare([t for t, keep in zip(texts, train, strict=True) if keep])
        head = fit_head(
            matrix(model, [t for t, k2 in zip(texts, train, strict=True) if k2]), y[train], c
        )
        held_x = matrix(model, [t for t, k2 in zip(texts, held, strict=True) if k2])
        scores[held] = head.predict_proba(held_x)[:, 1]
    return scores


def _bare(texts: Sequence[str]) -> TriageModel:
    """A model with the texts' vocabulary and no weights yet (for its TF-IDF weighting)."""
    index, idf = vocabulary(texts)
    empty = Head(coef=(0.0,) * len(idf), intercept=0.0, threshold=0.5)
    return TriageModel(index=index, idf=tuple(idf), urgent=empty, emergency=empty)


def train(
    rows: list[dict[str, str]],
    c: float,
    max_false_alarms: float,
    max_emergency_false_alarms: float | None = None,
) -> tuple[TriageModel, dict[str, Any]]:
    """The model on all rows, thresholds from out-of-fold scores, and cross-validated figures.
    The emergency head's bound defaults to the urgent head's."""
    texts = [r["message"] for r in rows]
    labels = {
        "urgent": np.array([r["urgency"] != "routine" for r in rows]),
        "emergency": np.array([r["urgency"] == "emergency" for r in rows]),
    }
    base = _bare(texts)
    x = matrix(base, texts)
    heads: dict[str, Head] = {}
    report: dict[str, Any] = {"messages": len(rows), "features": len(base.idf), "C": c}
    bounds = {
        "urgent": max_false_alarms,
        "emergency": max_false_alarms
        if max_emergency_false_alarms is None
        else max_emergency_false_alarms,
    }
    for name, y in labels.items():
        oof = out_of_fold(rows, y, c)
        t = threshold_for(oof, y, bounds[name])
        fitted = fit_head(x, y, c)
        heads[name] = Head(tuple(float(v) for v in fitted.coef_[0]), float(fitted.intercept_[0]), t)
        report[name] = {
            "threshold": t,
            "cv_recall": float((oof[y] >= t).mean()),
            "cv_false_alarms": float((oof[~y] >= t).mean()),
        }
    model = TriageModel(base.index, base.idf, heads["urgent"], heads["emergency"])
    return model, report


def validate(model: TriageModel, rows: list[dict[str, str]]) -> dict[str, Any]:
    """The model alone on messages it was not trained on: urgent recall, false alarms on the
    routine ones, and emergency cards given to messages that are not emergencies."""
    flags = [triage_flag(r["message"], model) for r in rows]
    urgent = [r["urgency"] != "routine" for r in rows]
    hits = sum(f is not None for f, u in zip(flags, urgent, strict=True) if u)
    alarms = sum(f is not None for f, u in zip(flags, urgent, strict=True) if not u)
    wrong = sum(
        f is not None and f.urgency == "emergency" and r["urgency"] != "emergency"
        for f, r in zip(flags, rows, strict=True)
    )
    return {
        "messages": len(rows),
        "recall": hits / max(1, sum(urgent)),
        "false_alarms": alarms / max(1, len(rows) - sum(urgent)),
        "emergency_cards_wrong": wrong,
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--messages", type=Path, default=MESSAGES)
    parser.add_argument("--out", type=Path, default=MODEL_PATH)
    parser.add_argument("--c", type=float, default=8.0, help="inverse L2 strength")
    parser.add_argument(
        "--max-false-alarms",
        type=float,
        default=0.01,
        help="bound on the urgent head's cross-validated false alarms on routine messages",
    )
    parser.add_argument(
        "--max-emergency-false-alarms",
        type=float,
        default=0.005,
        help="bound on the emergency head's cross-validated false alarms on the other messages",
    )
    parser.add_argument("--validation", type=Path, default=VALIDATION)
    parser.add_argument("--check", action="store_true", help="only compare with --out")
    args = parser.parse_args(argv)
    rows = read_messages(args.messages)
    model, report = train(rows, args.c, args.max_false_alarms, args.max_emergency_false_alarms)
    counts = Counter(r["urgency"] for r in rows)
    print(f"{len(rows)} messages: " + ", ".join(f"{counts[u]} {u}" for u in URGENCIES))
    print(f"{'head':<10} {'threshold':>9} {'cv recall':>9} {'cv false alarms':>15}")
    for name in ("urgent", "emergency"):
        h = report[name]
        print(
            f"{name:<10} {h['threshold']:>9.2f} {h['cv_recall']:>9.3f} "
            f"{h['cv_false_alarms']:>15.3f}"
        )
    if args.validation.exists():
        report["validation"] = validate(model, read_messages(args.validation))
        v = report["validation"]
        print(
            f"validation ({v['messages']} messages written apart): recall {v['recall']:.3f}, "
            f"false alarms {v['false_alarms']:.3f}, emergency cards on non-emergencies "
            f"{v['emergency_cards_wrong']}"
        )
    text = json.dumps({**model.to_json(), "training": report}, separators=(",", ":"))
    if args.check:
        same = args.out.exists() and args.out.read_text(encoding="utf-8") == text + "\n"
        print("the shipped model matches" if same else f"{args.out} differs from a fresh training")
        return 0 if same else 1
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text + "\n", encoding="utf-8")
    print(f"wrote {args.out} ({args.out.stat().st_size // 1024} KB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
