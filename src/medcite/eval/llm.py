"""The optional language-model synthesis on the eval dev sets (issue 14): ``medcite eval --llm``.

Every question of a fixed sample of the LiveQA and MedicationQA dev questions with a gold focus is
asked with ``llm=True`` against the configured endpoint, and the synthesis is scored beside the
extractive answer of the same run:

- **claims**: how many statements the model made, the share the verifier found *supported* by the
  passages they cite, and how many it dropped (*unsupported*, *miscited*);
- **shown**: the share of syntheses shown, and why the others fell back to the extractive answer
  (reasons grouped, numbers taken out);
- **on-topic citations**: :func:`medcite.eval.metrics.topic_scores` on the answer as the reader
  sees it (:func:`medcite.render.synthesis.view`: the supported claims as bullets, each citing its
  passages) and on the extractive answer, with the same independent MeSH judge;
- **latency**: the model's own seconds and the claim verification's milliseconds (p50/p95, from
  ``Synthesis.seconds`` and ``Answer.timings_ms["verifying claims"]``), and the extractive answer's
  time without the synthesis.

A review file (Markdown, like ``benchmarks/review_sample.py``) holds every answer as shown, with the
rejected claims and why, for scoring with ``docs/review/RUBRIC.md``.

Tune on dev only; ``split="test"`` exists for a final report.
"""

from __future__ import annotations

import json
import logging
import math
import re
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from medcite.config import Settings
from medcite.engine import Engine
from medcite.eval import datasets as ds
from medcite.eval import nlm_sets as nlm
from medcite.eval.metrics import topic_scores
from medcite.eval.runner import MESH_TERMS, MESH_TREES, ensure_index
from medcite.eval.splits import Split, order_key, split_of
from medcite.eval.topics import TopicJudge
from medcite.records import Answer, ClaimVerdict, Document
from medcite.render import synthesis as synthesis_view
from medcite.render.markdown import render

log = logging.getLogger(__name__)

DEFAULT_SAMPLE = 30
"""Questions per run (half LiveQA, half MedicationQA): a small model takes seconds per answer."""
SETS = ("liveqa", "medicationqa")

About = Callable[[Document, str], bool]

# --- the questions ---------------------------------------------------------------------------


def llm_items(
    corpora: Path, split: Split = "dev", n: int | None = DEFAULT_SAMPLE
) -> list[ds.EvalItem]:
    """The first ``n`` questions with a gold focus of ``split`` (half per set, LiveQA first), in
    the review order of :func:`medcite.eval.splits.order_key` (so the same questions each run)."""
    sets = {
        "liveqa": [q.to_item() for q in nlm.liveqa(corpora / nlm.LIVEQA)],
        "medicationqa": list(ds.medicationqa(corpora / ds.MEDICATIONQA)),
    }
    return pick(sets, split, n)


def pick(sets: dict[str, list[ds.EvalItem]], split: Split, n: int | None) -> list[ds.EvalItem]:
    """``n`` items of ``split`` with a focus, shared out over ``sets`` in order (the first set
    takes the odd one)."""
    pools = [
        sorted(
            (i for i in items if i.focus and split_of(i.dataset, i.qid) == split),
            key=lambda i: order_key(i.dataset, i.qid),
        )
        for items in sets.values()
    ]
    if n is None:
        return [i for pool in pools for i in pool]
    chosen: list[ds.EvalItem] = []
    left = n
    for k, pool in enumerate(pools):
        share = math.ceil(left / (len(pools) - k))
        chosen += pool[:share]
        left = n - len(chosen)
    return chosen


# --- one question ----------------------------------------------------------------------------


@dataclass
class Outcome:
    """What happened to one question."""

    dataset: str
    qid: str
    question: str
    focus: str
    status: str
    """``shown``, ``fallback``, ``abstained`` (medcite declined; the model is not asked),
    ``refused`` (out of scope), ``not asked`` (answered without a synthesis stage) or ``error``
    (the question failed)."""
    claims: int = 0
    supported: int = 0
    unsupported: int = 0
    miscited: int = 0
    fallback_reason: str | None = None
    reason_kind: str | None = None
    model_seconds: float | None = None
    """The model's own seconds; for a failed request, the whole wait for the endpoint."""
    verify_ms: float | None = None
    """Claim verification (``timings_ms["verifying claims"]``), when the model made claims."""
    extractive_ms: float | None = None
    """The answer's time without the synthesis (what ``ask`` without ``--llm`` takes)."""
    extractive_bullets: int = 0
    extractive_on_topic: int = 0
    synthesis_bullets: int = 0
    synthesis_on_topic: int = 0
    answer: Answer | None = field(default=None, repr=False)

    def row(self) -> dict[str, Any]:
        values = asdict(self)
        values.pop("answer")
        if self.answer is not None:
            values["answer_id"] = self.answer.id
        return values


def reason_kind(reason: str | None) -> str | None:
    """A fallback reason without its numbers, so that reasons can be counted."""
    if reason is None:
        return None
    lowered = reason.lower()
    if lowered.startswith("synthesis unavailable"):
        kinds = (
            (("could not be read", "could not read", "malformed"), "unreadable reply"),
            (("429", "too many requests", "rate limit"), "rate limited"),
            (("time",), "time-out"),
            (("declined",), "the model declined"),
        )
        found = (kind for words, kind in kinds if any(w in lowered for w in words))
        return f"unavailable: {next(found, 'endpoint error')}"
    text = re.sub(r"\[\d+\](?:,\s*\[\d+\])*", "[n]", reason)
    return re.sub(r"\d+(?:\.\d+)?", "N", text)


def outcome_of(
    answer: Answer, item: ds.EvalItem, get: Callable[[str], Document | None], about: About | None
) -> Outcome:
    """Score one answer asked with ``llm=True``."""
    out = Outcome(item.dataset, item.qid, item.question, item.focus or "", "", answer=answer)
    timings = answer.timings_ms
    total = timings.get("total")
    if total is not None:
        out.extractive_ms = round(total - timings.get("synthesizing", 0.0), 2)
    if answer.abstained:
        out.status = "abstained" if answer.query.in_scope else "refused"
        return out
    if about is not None and item.focus:
        extractive = topic_scores(answer, item.focus, get, about)
        out.extractive_bullets, out.extractive_on_topic = extractive.bullets, extractive.on_topic
    synthesis = answer.synthesis
    if synthesis is None:
        out.status = "not asked"
        return out
    verdicts = Counter(c.verdict for c in synthesis.claims)
    out.claims = len(synthesis.claims)
    out.supported = verdicts[ClaimVerdict.SUPPORTED]
    out.unsupported = verdicts[ClaimVerdict.UNSUPPORTED]
    out.miscited = verdicts[ClaimVerdict.MISCITED]
    if synthesis.seconds:
        out.model_seconds = round(synthesis.seconds, 3)
    elif timings.get("synthesizing"):
        # a failed request (time-out, unreadable reply) reports no model time: the wait counts
        out.model_seconds = round(timings["synthesizing"] / 1000, 3)
    if "verifying claims" in timings and synthesis.claims:
        out.verify_ms = round(timings["verifying claims"], 2)
    if synthesis.shown:
        out.status = "shown"
        if about is not None and item.focus:
            shown = topic_scores(synthesis_view.view(answer), item.focus, get, about)
            out.synthesis_bullets, out.synthesis_on_topic = shown.bullets, shown.on_topic
    else:
        out.status = "fallback"
        out.fallback_reason = synthesis.fallback_reason
        out.reason_kind = reason_kind(synthesis.fallback_reason)
    return out


# --- the run ---------------------------------------------------------------------------------


@dataclass
class LLMEval:
    """Every question's outcome and the summary over them."""

    model: str
    split: str
    outcomes: list[Outcome]
    seconds: float = 0.0
    created: str = field(default_factory=lambda: datetime.now(UTC).isoformat(timespec="seconds"))
    notes: list[str] = field(default_factory=list)

    def summary(self) -> dict[str, Any]:
        outs = self.outcomes
        asked = [o for o in outs if o.status in ("shown", "fallback")]
        shown = [o for o in outs if o.status == "shown"]
        answered = [o for o in outs if o.status in ("shown", "fallback", "not asked")]
        claims = sum(o.claims for o in asked)
        supported = sum(o.supported for o in asked)
        unsupported = sum(o.unsupported for o in asked)
        miscited = sum(o.miscited for o in asked)
        reasons = Counter(o.reason_kind or "" for o in asked if o.status == "fallback")
        return {
            "model": self.model,
            "split": self.split,
            "questions": len(outs),
            "answered": len(answered),
            "abstained": sum(o.status == "abstained" for o in outs),
            "refused": sum(o.status == "refused" for o in outs),
            "not_asked": sum(o.status == "not asked" for o in outs),
            "errors": sum(o.status == "error" for o in outs),
            "synthesized": len(asked),
            "claims": claims,
            "supported": supported,
            "unsupported": unsupported,
            "miscited": miscited,
            "dropped": unsupported + miscited,
            "support_share": _share(supported, claims),
            "shown": len(shown),
            "fallback": len(asked) - len(shown),
            "shown_share": _share(len(shown), len(asked)),
            "fallback_reasons": dict(reasons.most_common()),
            "on_topic": {
                "extractive_bullets": _share(
                    sum(o.extractive_on_topic for o in answered),
                    sum(o.extractive_bullets for o in answered),
                ),
                "extractive_bullets_where_shown": _share(
                    sum(o.extractive_on_topic for o in shown),
                    sum(o.extractive_bullets for o in shown),
                ),
                "synthesis_bullets": _share(
                    sum(o.synthesis_on_topic for o in shown),
                    sum(o.synthesis_bullets for o in shown),
                ),
                "synthesis_bullets_n": sum(o.synthesis_bullets for o in shown),
            },
            "latency": {
                "model_s": _spread([o.model_seconds for o in asked], 2),
                "verify_ms": _spread([o.verify_ms for o in asked], 1),
                "extractive_ms": _spread([o.extractive_ms for o in answered], 1),
            },
            "seconds": self.seconds,
        }

    def table(self) -> list[dict[str, Any]]:
        """Two rows, the extractive answer beside the synthesis, for printing."""
        s = self.summary()
        lat, topic = s["latency"], s["on_topic"]
        extractive = {
            "answer": "extractive",
            "answers": s["answered"],
            "claims": None,
            "supported": None,
            "dropped (unsup/misc)": None,
            "on-topic bullets": topic["extractive_bullets"],
            "p50 / p95": f"{_ms(lat['extractive_ms'])} (answer)",
            "verify p50 / p95": None,
        }
        synthesis = {
            "answer": f"synthesis ({self.model})",
            "answers": f"{s['shown']} shown / {s['synthesized']}",
            "claims": s["claims"],
            "supported": s["support_share"],
            "dropped (unsup/misc)": f"{s['dropped']} ({s['unsupported']}/{s['miscited']})",
            "on-topic bullets": topic["synthesis_bullets"],
            "p50 / p95": f"{_s(lat['model_s'])} (model)",
            "verify p50 / p95": _ms(lat["verify_ms"]),
        }
        return [extractive, synthesis]

    def to_json(self) -> dict[str, Any]:
        return {
            "created": self.created,
            "summary": self.summary(),
            "notes": self.notes,
            "questions": [o.row() for o in self.outcomes],
        }

    def markdown(self) -> str:
        """The report: the table, fallback reasons, notes."""
        s = self.summary()
        rows = self.table()
        columns = list(rows[0])
        lines = [
            f"# LLM synthesis on the eval {self.split} sets ({s['questions']} questions)",
            "",
            f"Model: {self.model}. Answered {s['answered']}, abstained {s['abstained']}, "
            f"refused {s['refused']}, not asked {s['not_asked']}, errors {s['errors']}; "
            f"synthesized {s['synthesized']}.",
            "",
            "| " + " | ".join(columns) + " |",
            "|" + "---|" * len(columns),
        ]
        lines += ["| " + " | ".join(_cell(r[c]) for c in columns) + " |" for r in rows]
        lines += ["", *self.details()]
        return "\n".join(lines) + "\n"

    def details(self) -> list[str]:
        """The lines under the table: claims, shown, fallback reasons, notes."""
        s = self.summary()
        lines = [
            f"Claims: {s['claims']} made, {s['supported']} supported "
            f"({_cell(s['support_share'])}), {s['unsupported']} unsupported, "
            f"{s['miscited']} miscited (dropped {s['dropped']}).",
            f"Shown: {s['shown']} of {s['synthesized']} ({_cell(s['shown_share'])}); "
            f"on-topic bullets of the extractive answers to the same questions: "
            f"{_cell(s['on_topic']['extractive_bullets_where_shown'])}.",
        ]
        if s["fallback_reasons"]:
            lines += ["", "Fallback reasons:", ""]
            lines += [
                f"- {n} × {why or '(none given)'}" for why, n in s["fallback_reasons"].items()
            ]
        if self.notes:
            lines += ["", "Notes:", ""] + [f"- {note}" for note in self.notes]
        return lines

    def review(self) -> str:
        """Every answer as shown (with the rejected claims), for scoring with the rubric."""
        parts = [
            f"# LLM synthesis review ({self.model}, {self.split} split)\n\n"
            "Score each answer with docs/review/RUBRIC.md (relevance, correctness/safety, "
            "usefulness, 0-2 each). The body is the model's checked prose where shown, else the "
            "extractive answer; rejected statements are listed with the reason.\n"
        ]
        for n, o in enumerate(self.outcomes, start=1):
            head = (
                f"## L{n:02d} · {o.dataset} {o.qid} · gold focus: {o.focus or '-'}\n\n"
                f"**Question:** {o.question}\n\n"
                f"*Synthesis: {o.status}"
                + (f" ({o.fallback_reason})" if o.fallback_reason else "")
                + (
                    f"; {o.supported} of {o.claims} statements supported"
                    if o.status in ("shown", "fallback")
                    else ""
                )
                + "*\n\n"
            )
            body = render(o.answer, show_unsupported=True) if o.answer is not None else ""
            parts.append(head + body)
        return "\n---\n\n".join(parts)

    def write(self, out_dir: Path | str) -> list[Path]:
        """``llm.md``, ``llm.json``, ``llm-review.md`` and ``llm-review.jsonl`` in ``out_dir``."""
        folder = Path(out_dir)
        folder.mkdir(parents=True, exist_ok=True)
        paths = {
            "llm.md": self.markdown(),
            "llm.json": json.dumps(self.to_json(), indent=2),
            "llm-review.md": self.review(),
            "llm-review.jsonl": "".join(
                json.dumps(
                    {
                        "review_id": f"L{n:02d}",
                        "dataset": o.dataset,
                        "qid": o.qid,
                        "answer": json.loads(o.answer.model_dump_json()) if o.answer else None,
                    }
                )
                + "\n"
                for n, o in enumerate(self.outcomes, start=1)
            ),
        }
        for name, text in paths.items():
            (folder / name).write_text(text, encoding="utf-8")
        return [folder / name for name in paths]


def evaluate_llm(
    engine: Engine,
    items: Iterable[ds.EvalItem],
    about: About | None = None,
    *,
    split: str = "dev",
    progress: Callable[[int, Outcome], None] | None = None,
) -> LLMEval:
    """Ask every item with ``llm=True`` on ``engine`` (its settings name the endpoint) and score
    the synthesis beside the extractive answer (``about``: the on-topic judge, None to skip)."""
    from medcite.errors import MedciteError
    from medcite.llm.errors import LLMNotConfiguredError

    started = time.perf_counter()
    outcomes: list[Outcome] = []
    for n, item in enumerate(items, start=1):
        try:
            answer = engine.ask(item.question, llm=True)
        except LLMNotConfiguredError:
            raise
        except MedciteError as exc:
            log.warning("%s %s failed: %s", item.dataset, item.qid, exc)
            out = Outcome(item.dataset, item.qid, item.question, item.focus or "", "error")
            out.fallback_reason = str(exc)
        else:
            out = outcome_of(answer, item, engine.get, about)
        outcomes.append(out)
        if progress is not None:
            progress(n, out)
    model = engine.settings.llm.model or "(no model)"
    models = {o.answer.synthesis.model for o in outcomes if o.answer and o.answer.synthesis}
    if len(models) == 1:
        model = models.pop()
    return LLMEval(model, split, outcomes, seconds=round(time.perf_counter() - started, 1))


def topic_judge(corpora: Path) -> TopicJudge | None:
    """The independent on-topic judge over the corpora's MeSH files (None without them)."""
    terms, trees = corpora / MESH_TERMS, corpora / MESH_TREES
    if not terms.exists():
        return None
    return TopicJudge.from_files(terms, trees if trees.exists() else None)


def run_llm_eval(
    index_path: Path | str,
    out_dir: Path | str | None,
    *,
    corpora: Path | str | None = None,
    sample: int | None = DEFAULT_SAMPLE,
    split: Split = "dev",
    settings: Settings | None = None,
    progress: Callable[[int, Outcome], None] | None = None,
) -> LLMEval:
    """The whole ``medcite eval --llm`` run: the index (built from the sample corpora if missing),
    the questions, the answers, and the report files in ``out_dir``."""
    corpora_path = Path(corpora) if corpora else ds.default_corpora()
    index = ensure_index(index_path, corpora_path)
    engine = Engine(index_path, settings or Settings(index=Path(index_path), audit=False))
    try:
        judge = topic_judge(corpora_path)
        items = llm_items(corpora_path, split, sample)
        result = evaluate_llm(
            engine, items, judge.about if judge else None, split=split, progress=progress
        )
    finally:
        engine.close()
    result.notes.append(f"index: {index.get('path', index_path)} ({index.get('documents')} docs)")
    if judge is None:
        result.notes.append(f"no MeSH terms under {corpora_path}: on-topic citations not judged")
    if out_dir is not None:
        result.write(out_dir)
    return result


def _share(part: int, whole: int) -> float | None:
    return round(part / whole, 3) if whole else None


def _spread(values: Sequence[float | None], digits: int) -> dict[str, float | int | None]:
    kept = sorted(v for v in values if v is not None)
    if not kept:
        return {"n": 0, "p50": None, "p95": None}
    return {
        "n": len(kept),
        "p50": round(_percentile(kept, 50), digits),
        "p95": round(_percentile(kept, 95), digits),
    }


def _percentile(ordered: Sequence[float], pct: float) -> float:
    """Nearest rank, as ``benchmarks/common.percentile``."""
    rank = min(len(ordered) - 1, max(0, round(pct / 100 * (len(ordered) - 1))))
    return ordered[rank]


def _ms(spread: dict[str, Any]) -> str | None:
    if spread["p50"] is None:
        return None
    return f"{spread['p50']:.0f} / {spread['p95']:.0f} ms"


def _s(spread: dict[str, Any]) -> str | None:
    if spread["p50"] is None:
        return None
    return f"{spread['p50']:.1f} / {spread['p95']:.1f} s"


def _cell(value: Any) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:.2f}"
    return str(value)
