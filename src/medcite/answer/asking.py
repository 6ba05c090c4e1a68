"""The ask pipeline: understand → retrieve → rank → compose → verify, timed stage by stage."""

from __future__ import annotations

import logging
import time
import uuid
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import replace
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from medcite.answer import verify
from medcite.answer.compose import ComposeInput, compose
from medcite.answer.safety import DISCLAIMER, OUT_OF_SCOPE, banner
from medcite.errors import MedciteError
from medcite.evidence.rank import rank
from medcite.records import Answer, Document

if TYPE_CHECKING:
    from medcite.engine import Engine

log = logging.getLogger(__name__)


class AnswerIntegrityError(MedciteError):
    """An answer failed citation verification; it is never shown (this is a bug in medcite)."""


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


def answer_question(
    engine: Engine,
    question: str,
    *,
    max_refs: int,
    source: str = "local",
    refresh: bool = False,
    progress: Callable[[str], None] | None = None,
    now: datetime | None = None,
) -> Answer:
    """Answer ``question`` from ``engine``'s local index; raises if citations do not verify."""
    now = now or datetime.now(UTC)
    timer = _Timer(progress)
    started = time.perf_counter()
    with timer.stage("understanding"):
        query = engine.understand(question)
    inp = ComposeInput(uuid.uuid4().hex[:12], query, max_refs, banner(query.red_flags))
    if not query.in_scope and not query.red_flags:
        return _refusal(inp, now)
    with timer.stage("searching"):
        hits, searched, note = engine.retrieve(query, source, refresh)
    with timer.stage("ranking"):
        evidence = rank(hits, now.year)
    with timer.stage("composing"):
        answer = compose(replace(inp, searched=searched, sources_note=note), evidence)
    _verify(answer, {h.document.id: h.document for h in hits})
    timer.ms["total"] = round((time.perf_counter() - started) * 1000, 2)
    answer = answer.model_copy(update={"timings_ms": timer.ms, "created_at": now})
    engine.record(answer, hits)
    return answer


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
        abstain_reason=OUT_OF_SCOPE,
        disclaimer=DISCLAIMER,
        created_at=now,
    )
