"""Answering over Server-Sent Events: stage progress first, then the answer (or an error).

The engine's ``ask`` is synchronous and runs in a worker thread. If it accepts a ``progress``
callback, each stage it reports is forwarded as it happens; otherwise ``understanding`` is sent when
the call starts and the remaining stages when it returns. Either way ``understanding`` goes out at
once, so the page shows progress immediately, and stages are never repeated or sent out of order.
Then comes ``markdown`` (the answer as ``medcite ask --format markdown`` prints it, for the page's
copy button) and last ``answer``; or, instead of both, ``error``::

    event: stage
    data: {"stage": "understanding", "index": 1, "total": 4, "elapsed_ms": 0.1}

    event: answer
    data: {"id": "...", "question": "...", ...}

With ``llm`` (the language model's synthesis) there are five stages, and the stream goes on after
the answer: ``answer`` is the extractive answer, sent as soon as it is composed (``synthesis``
null), then the ``synthesizing`` stage while the model writes and its claims are checked, then
``markdown`` and ``synthesis``: the final answer (same id, its ``synthesis`` filled), the one the
audit log keeps. When no synthesis runs (a refused or abstained question, or a cached answer) both
events carry the final answer. An ``error`` after ``answer`` means the synthesis stage failed; the
extractive answer stands::

    stage × 4, markdown, answer, stage (synthesizing), markdown, synthesis
"""

from __future__ import annotations

import asyncio
import inspect
import logging
import time
from collections.abc import AsyncIterator, Callable
from typing import TYPE_CHECKING, cast

from medcite.errors import InputError, MedciteError
from medcite.records import Answer
from medcite.server.cache import CachedAnswer
from medcite.server.errors import medcite_error
from medcite.server.middleware import current_request_id, internal_error
from medcite.server.schemas import (
    LLM_STAGES,
    STAGES,
    ErrorDetail,
    ErrorResponse,
    MarkdownEvent,
    Stage,
    StageEvent,
)

if TYPE_CHECKING:
    from medcite.server.answers import AnswerService, Plan

log = logging.getLogger("medcite.server")

StageCallback = Callable[[str], None]
ComposedCallback = Callable[[Answer], None]


class AskRunner:
    """Calls an engine's ``ask(question, *, source, max_refs, detail[, progress][, llm,
    composed])``. ``llm`` is always passed to an engine that takes it (False unless the request
    asked), so an operator's ``MEDCITE_LLM__ENABLED`` never sends HTTP questions to the model."""

    def __init__(
        self,
        ask: Callable[..., Answer],
        accepts_progress: bool,
        accepts_llm: bool = False,
        accepts_composed: bool = False,
    ) -> None:
        self._ask = ask
        self.accepts_progress = accepts_progress
        self.accepts_llm = accepts_llm
        self.accepts_composed = accepts_composed

    @classmethod
    def for_engine(cls, engine: object) -> AskRunner | None:
        """A runner for ``engine.ask``, or None if the engine cannot answer (only search)."""
        ask = getattr(engine, "ask", None)
        if not callable(ask):
            return None
        parameters = inspect.signature(ask).parameters.values()
        names = {p.name for p in parameters}
        keywords = any(p.kind is inspect.Parameter.VAR_KEYWORD for p in parameters)
        return cls(
            cast(Callable[..., Answer], ask),
            accepts_progress="progress" in names or keywords,
            accepts_llm="llm" in names,
            accepts_composed="llm" in names and "composed" in names,
        )

    def __call__(
        self,
        question: str,
        source: str,
        max_refs: int,
        detail: bool,
        on_stage: StageCallback,
        *,
        llm: bool = False,
        on_composed: ComposedCallback | None = None,
    ) -> Answer:
        options: dict[str, object] = {"source": source, "max_refs": max_refs, "detail": detail}
        if self.accepts_progress:
            options["progress"] = on_stage
        if self.accepts_llm:
            options["llm"] = llm
        elif llm:
            raise InputError("this server's engine cannot ask a language model")
        if llm and on_composed is not None and self.accepts_composed:
            options["composed"] = on_composed
        return self._ask(question, **options)


def sse(event: str, data: str) -> bytes:
    """One Server-Sent Event; ``data`` is single-line JSON."""
    return f"event: {event}\ndata: {data}\n\n".encode()


class StageTracker:
    """Turns reported stage names into ``stage`` events: known stages only, each once, in order."""

    def __init__(
        self, clock: Callable[[], float] = time.perf_counter, stages: tuple[Stage, ...] = STAGES
    ) -> None:
        self._clock = clock
        self._started = clock()
        self._stages = stages
        self._next = 0

    def report(self, stage: str) -> list[bytes]:
        if stage not in self._stages or self._stages.index(stage) < self._next:
            return []
        position = self._stages.index(stage)
        self._next = position + 1
        return [self._event(self._stages[position])]

    def remaining(self, until: Stage | None = None) -> list[bytes]:
        """Events for the stages not reported yet (when the engine cannot report them itself),
        up to and including ``until`` (default: all)."""
        end = len(self._stages) if until is None else self._stages.index(until) + 1
        return [event for stage in self._stages[self._next : end] for event in self.report(stage)]

    def _event(self, stage: Stage) -> bytes:
        elapsed = round((self._clock() - self._started) * 1000, 1)
        data = StageEvent(
            stage=stage,
            index=self._stages.index(stage) + 1,
            total=len(self._stages),
            elapsed_ms=elapsed,
        )
        return sse("stage", data.model_dump_json())


_DONE = object()
COMPOSED: Stage = STAGES[-1]


async def answer_events(
    service: AnswerService, plan: Plan, background: set[asyncio.Task[CachedAnswer]]
) -> AsyncIterator[bytes]:
    """The event stream of one answer. ``background`` keeps the worker task alive if the client
    goes away mid-answer (a running thread cannot be stopped; its result is dropped). A cached
    answer (``plan.hit``) is sent at once, after the stage events."""
    tracker = StageTracker(stages=LLM_STAGES if plan.llm else STAGES)
    for event in tracker.report(STAGES[0]):
        yield event
    if plan.hit is not None:
        yield _finished_events(plan.hit, tracker, plan.llm, answer_sent=False)
        return
    loop = asyncio.get_running_loop()
    queue: asyncio.Queue[object] = asyncio.Queue()

    def on_stage(stage: str) -> None:  # called from the worker thread
        loop.call_soon_threadsafe(queue.put_nowait, stage)

    def on_composed(answer: Answer) -> None:  # the worker thread: serialised there
        loop.call_soon_threadsafe(queue.put_nowait, CachedAnswer.of(answer, 0.0))

    task = asyncio.ensure_future(service.in_thread(plan, on_stage, on_composed))
    background.add(task)
    task.add_done_callback(lambda done: _finished(done, background, queue))
    answer_sent = False
    while (item := await queue.get()) is not _DONE:
        if isinstance(item, CachedAnswer):  # the extractive answer, before the synthesis
            yield b"".join(tracker.remaining(COMPOSED)) + _answer_events(item)
            answer_sent = True
            continue
        for event in tracker.report(str(item)):
            yield event
    yield _outcome(task, service.runner, tracker, plan.llm, answer_sent)


def _finished(
    task: asyncio.Task[CachedAnswer],
    background: set[asyncio.Task[CachedAnswer]],
    queue: asyncio.Queue[object],
) -> None:
    background.discard(task)
    if not task.cancelled():
        task.exception()  # retrieved here so an abandoned task never warns
    queue.put_nowait(_DONE)


def _outcome(
    task: asyncio.Task[CachedAnswer],
    runner: AskRunner,
    tracker: StageTracker,
    llm: bool,
    answer_sent: bool,
) -> bytes:
    try:
        answer = task.result()
    except MedciteError as exc:
        return _error_event(medcite_error(exc)[1])
    except Exception:
        log.exception("request %s: answering failed", current_request_id())
        return _error_event(internal_error())
    # an engine that reports its stages skipped the ones not reported (a refusal, no synthesis)
    fill = None if runner.accepts_progress else tracker
    return _finished_events(answer, fill, llm, answer_sent)


def _finished_events(
    answer: CachedAnswer, tracker: StageTracker | None, llm: bool, answer_sent: bool
) -> bytes:
    """The events after the last reported stage: the remaining stages (when ``tracker`` is
    given), ``markdown`` and ``answer`` (unless the extractive answer went out already), and with
    ``llm`` the ``markdown`` and ``synthesis`` of the final answer."""

    def stages(until: Stage | None = None) -> bytes:
        return b"" if tracker is None else b"".join(tracker.remaining(until))

    events = b"" if answer_sent else stages(COMPOSED) + _answer_events(answer)
    if llm:
        events += stages() + _answer_events(answer, "synthesis")
    return events


def _answer_events(answer: CachedAnswer, name: str = "answer") -> bytes:
    markdown = MarkdownEvent(markdown=answer.markdown).model_dump_json()
    return sse("markdown", markdown) + sse(name, answer.json)


def _error_event(detail: ErrorDetail) -> bytes:
    return sse("error", ErrorResponse(error=detail).model_dump_json())
