"""The ask pipeline: understand → retrieve → rank and gate → compose → verify → record.

``Pipeline`` is built by :class:`medcite.engine.Engine` from typed stages and never calls back into
the engine: each stage is a callable with records in and records out, so a retriever, a
reranker or another composer plugs in without touching the others.

- *understand*: question → :class:`~medcite.records.Query` (facets, concepts, red flags)
- *retrieve*: query, source, refresh → :class:`Retrieved` (hits, searches, degraded-source note)
- *rank*: hits → :class:`~medcite.records.Evidence` ordered by relevance × level × recency
- *gate*: query, evidence → :class:`~medcite.evidence.topic.GateResult` (the topic gate)
- *compose*: evidence → :class:`~medcite.records.Answer` (extractive; abstains when thin)
- *verify*: every citation resolves to a retrieved document containing the cited sentence
- *synthesize* (optional, ``llm=True``): a language model's prose, every claim verified against
  the passages it cites (never for a refused or abstained question)
- *record*: the audit log
"""

from __future__ import annotations

import logging
import time
import uuid
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import UTC, datetime

from medcite.answer import verify
from medcite.answer.compose import ComposeInput
from medcite.answer.safety import (
    CRISIS_KINDS,
    DISCLAIMER,
    about_an_animal,
    banner,
    out_of_scope_reason,
)
from medcite.errors import MedciteError
from medcite.evidence.topic import GateResult
from medcite.records import Answer, Document, Evidence, Hit, Query, Synthesis

log = logging.getLogger(__name__)


class AnswerIntegrityError(MedciteError):
    """An answer failed citation verification; it is never shown (this is a bug in medcite)."""


@dataclass(frozen=True)
class Retrieved:
    """What the retrieve stage found: hits, every search made, a degraded-source note."""

    hits: list[Hit]
    searched: tuple[str, ...] = ()
    note: str | None = None


@dataclass(frozen=True)
class Stages:
    """The pipeline's stages (see module docstring)."""

    understand: Callable[[str], Query]
    retrieve: Callable[[Query, str, bool], Retrieved]
    rank: Callable[[Sequence[Hit], int], list[Evidence]]
    gate: Callable[[Query, Sequence[Evidence]], GateResult]
    compose: Callable[[ComposeInput, Sequence[Evidence]], Answer]
    record: Callable[[Answer, Sequence[Hit]], None]
    synthesize: Callable[[Answer, Mapping[str, Document]], Synthesis] | None = None
    """The optional language-model synthesis (``answer.synthesize``); run only when asked."""


class _Timer:
    def __init__(self, progress: Callable[[str], None] | None) -> None:
        self.ms: dict[str, float] = {}
        self._progress = progress

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        if self._progress is not None:
            self._progress(name)
        started = time.perf_counter()
        yield
        self.ms[name] = round((time.perf_counter() - started) * 1000, 2)


class Pipeline:
    """Answers questions by running :class:`Stages` in order, timing each."""

    def __init__(self, stages: Stages) -> None:
        self.stages = stages

    def ask(
        self,
        question: str,
        *,
        max_refs: int,
        detail: bool = False,
        source: str = "local",
        refresh: bool = False,
        progress: Callable[[str], None] | None = None,
        now: datetime | None = None,
        llm: bool = False,
        composed: Callable[[Answer], None] | None = None,
    ) -> Answer:
        """A verified, cited answer to ``question`` (or an abstention); raises
        :class:`AnswerIntegrityError` if citations do not verify.

        ``composed`` receives the verified extractive answer just before the synthesis stage
        starts (only when it runs), so a caller can show it while the model writes; the answer
        returned, and recorded, is the final one."""
        now = now or datetime.now(UTC)
        timer = _Timer(progress)
        started = time.perf_counter()
        with timer.stage("understanding"):
            query = self.stages.understand(question)
        inp = ComposeInput(
            uuid.uuid4().hex,
            query,
            max_refs,
            banner(query.red_flags),
            detail=detail,
            current_year=now.year,
        )
        if declines(question, query):
            return _refusal(inp, now)
        with timer.stage("searching"):
            found = self.stages.retrieve(query, source, refresh)
        with timer.stage("ranking"):
            gated = self.stages.gate(query, self.stages.rank(found.hits, now.year))
        with timer.stage("composing"):
            inp = replace(inp, searched=found.searched, sources_note=found.note, gate=gated)
            answer = self.stages.compose(inp, gated.on_topic)
        retrieved = {h.document.id: h.document for h in found.hits}
        _verify(answer, retrieved)
        if llm and self.stages.synthesize is not None and not answer.abstained:
            if composed is not None:
                composed(
                    answer.model_copy(update={"timings_ms": dict(timer.ms), "created_at": now})
                )
            with timer.stage("synthesizing"):
                synthesis = self.stages.synthesize(answer, retrieved)
            model_ms = round(synthesis.seconds * 1000, 2)
            timer.ms["verifying claims"] = max(0.0, timer.ms["synthesizing"] - model_ms)
            answer = answer.model_copy(update={"synthesis": synthesis})
        timer.ms["total"] = round((time.perf_counter() - started) * 1000, 2)
        answer = answer.model_copy(update={"timings_ms": timer.ms, "created_at": now})
        self.stages.record(answer, found.hits)
        return answer


def declines(question: str, query: Query) -> bool:
    """True when ``question`` gets no answer because it is not about a person's health: an
    animal's own illness, or a question out of scope (:attr:`Query.in_scope`) that raises no
    red flag (an emergency is never turned away). Thoughts of suicide are always a person's,
    whatever animal the message also names ("who will have my cat")."""
    if any(flag.kind in CRISIS_KINDS for flag in query.red_flags):
        return False
    return about_an_animal(question) or (not query.in_scope and not query.red_flags)


def _verify(answer: Answer, retrieved: Mapping[str, Document]) -> None:
    found = verify.problems(answer, retrieved)
    if found:
        log.error("answer %s failed verification: %s", answer.id, found)
        raise AnswerIntegrityError(
            f"internal error: the answer failed citation checks ({found[0]}); please report it"
        )


def _refusal(inp: ComposeInput, now: datetime) -> Answer:
    return Answer(
        id=inp.answer_id,
        question=inp.query.question,
        query=inp.query,
        abstained=True,
        abstain_reason=out_of_scope_reason(inp.query.question),
        disclaimer=DISCLAIMER,
        created_at=now,
    )
