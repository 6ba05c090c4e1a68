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
"""

from __future__ import annotations

import asyncio
import inspect
import logging
import time
from collections.abc import AsyncIterator, Callable
from typing import TYPE_CHECKING, cast

from medcite.errors import MedciteError
from medcite.records import Answer
from medcite.server.errors import medcite_error
from medcite.server.middleware import current_request_id, internal_error
from medcite.server.schemas import (
    STAGES,
    ErrorDetail,
    ErrorResponse,
    MarkdownEvent,
    Stage,
    StageEvent,
)

if TYPE_CHECKING:
    from medcite.server.answers import AnswerService, Plan
    from medcite.server.cache import CachedAnswer

log = logging.getLogger("medcite.server")

StageCallback = Callable[[str], None]


class AskRunner:
    """Calls an engine's ``ask(question, *, source, max_refs, detail[, progress])``."""

    def __init__(self, ask: Callable[..., Answer], accepts_progress: bool) -> None:
        self._ask = ask
        self.accepts_progress = accepts_progress

    @classmethod
    def for_engine(cls, engine: object) -> AskRunner | None:
        """A runner for ``engine.ask``, or None if the engine cannot answer (only search)."""
        ask = getattr(engine, "ask", None)
        if not callable(ask):
            return None
        parameters = inspect.signature(ask).parameters.values()
        accepts = any(
            p.name == "progress" or p.kind is inspect.Parameter.VAR_KEYWORD for p in parameters
        )
        return cls(cast(Callable[..., Answer], ask), accepts)

    def __call__(
        self, question: str, source: str, max_refs: int, detail: bool, on_stage: StageCallback
    ) -> Answer:
        options = {"source": source, "max_refs": max_refs, "detail": detail}
        if self.accepts_progress:
            return self._ask(question, progress=on_stage, **options)
        return self._ask(question, **options)


def sse(event: str, data: str) -> bytes:
    """One Server-Sent Event; ``data`` is single-line JSON."""
    return f"event: {event}\ndata: {data}\n\n".encode()


class StageTracker:
    """Turns reported stage names into ``stage`` events: known stages only, each once, in order."""

    def __init__(self, clock: Callable[[], float] = time.perf_counter) -> None:
        self._clock = clock
        self._started = clock()
        self._next = 0

    def report(self, stage: str) -> list[bytes]:
        if stage not in STAGES or STAGES.index(stage) < self._next:
            return []
        position = STAGES.index(stage)
        self._next = position + 1
        return [self._event(STAGES[position])]

    def remaining(self) -> list[bytes]:
        """Events for the stages not reported yet (when the engine cannot report them itself)."""
        return [event for stage in STAGES[self._next :] for event in self.report(stage)]

    def _event(self, stage: Stage) -> bytes:
        elapsed = round((self._clock() - self._started) * 1000, 1)
        data = StageEvent(
            stage=stage, index=STAGES.index(stage) + 1, total=len(STAGES), elapsed_ms=elapsed
        )
        return sse("stage", data.model_dump_json())


_DONE = object()


async def answer_events(
    service: AnswerService, plan: Plan, background: set[asyncio.Task[CachedAnswer]]
) -> AsyncIterator[bytes]:
    """The event stream of one answer. ``background`` keeps the worker task alive if the client
    goes away mid-answer (a running thread cannot be stopped; its result is dropped). A cached
    answer (``plan.hit``) is sent at once, after the four stage events."""
    tracker = StageTracker()
    for event in tracker.report(STAGES[0]):
        yield event
    if plan.hit is not None:
        yield b"".join(tracker.remaining()) + _answer_events(plan.hit)
        return
    loop = asyncio.get_running_loop()
    queue: asyncio.Queue[object] = asyncio.Queue()

    def on_stage(stage: str) -> None:  # called from the worker thread
        loop.call_soon_threadsafe(queue.put_nowait, stage)

    task = asyncio.ensure_future(service.in_thread(plan, on_stage))
    background.add(task)
    task.add_done_callback(lambda done: _finished(done, background, queue))
    while (item := await queue.get()) is not _DONE:
        for event in tracker.report(str(item)):
            yield event
    yield _outcome(task, service.runner, tracker)


def _finished(
    task: asyncio.Task[CachedAnswer],
    background: set[asyncio.Task[CachedAnswer]],
    queue: asyncio.Queue[object],
) -> None:
    background.discard(task)
    if not task.cancelled():
        task.exception()  # retrieved here so an abandoned task never warns
    queue.put_nowait(_DONE)


def _outcome(task: asyncio.Task[CachedAnswer], runner: AskRunner, tracker: StageTracker) -> bytes:
    try:
        answer = task.result()
    except MedciteError as exc:
        return _error_event(medcite_error(exc)[1])
    except Exception:
        log.exception("request %s: answering failed", current_request_id())
        return _error_event(internal_error())
    stages = b"" if runner.accepts_progress else b"".join(tracker.remaining())
    return stages + _answer_events(answer)


def _answer_events(answer: CachedAnswer) -> bytes:
    markdown = MarkdownEvent(markdown=answer.markdown).model_dump_json()
    return sse("markdown", markdown) + sse("answer", answer.json)


def _error_event(detail: ErrorDetail) -> bytes:
    return sse("error", ErrorResponse(error=detail).model_dump_json())
