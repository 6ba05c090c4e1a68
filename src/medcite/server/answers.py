"""Answering for the HTTP handlers: the answer cache first, then the engine in bounded threads.

A cache hit is served on the event loop (a dictionary lookup and a few ``stat`` calls), so repeated
questions never queue behind answers being computed. A miss runs the engine in a worker thread; at
most ``answer_threads`` answers are computed at once per process, because answering is CPU-bound
Python: more threads than cores only make every answer slower (they share one GIL) and starve the
event loop that serves hits, health checks and streams.

With ``llm`` the engine also runs the language model's synthesis: ``on_composed`` receives the
extractive answer as soon as it is composed (the stream sends it while the model writes) and the
final answer, with its synthesis, is what is cached. An answer whose synthesis could not be shown
(the endpoint failed, or too little held) is not cached, so the next request tries the model again.
Such answers wait mostly for the model, so they run in a line of their own (``llm_threads``) and
never hold the answer threads that plain questions need.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import TYPE_CHECKING

import anyio
import anyio.to_thread

from medcite.records import Answer
from medcite.server.cache import AnswerCache, AnswerKey, CachedAnswer, answer_key

if TYPE_CHECKING:
    from medcite.server.stream import AskRunner

StageCallback = Callable[[str], None]
ComposedCallback = Callable[[Answer], None]

CACHE_HEADER = "X-Answer-Cache"
"""Response header: ``hit`` (served from the answer cache), ``miss`` (computed, now cached) or
``bypass`` (not cacheable: a live source, or the cache is off)."""


class CacheStatus(StrEnum):
    HIT = "hit"
    MISS = "miss"
    BYPASS = "bypass"


@dataclass(frozen=True)
class Plan:
    """How a request will be answered: from the cache (``hit``), or computed (``key`` set when the
    result may be stored, with the index generation it was computed against)."""

    question: str
    source: str
    max_refs: int
    detail: bool = False
    """The long form (every statement found) instead of the default short body."""
    llm: bool = False
    """Also the language model's synthesis (checked by the caller: allowed and configured)."""
    hit: CachedAnswer | None = None
    key: AnswerKey | None = None
    generation: Hashable = None

    @property
    def status(self) -> CacheStatus:
        if self.hit is not None:
            return CacheStatus.HIT
        return CacheStatus.BYPASS if self.key is None else CacheStatus.MISS


def _no_progress(_stage: str) -> None:
    return None


def _cacheable(answer: Answer) -> bool:
    """Not an answer whose synthesis was asked for but not shown (a failing endpoint must not
    keep the extractive fallback in the cache for an hour)."""
    return answer.synthesis is None or answer.synthesis.shown


class AnswerService:
    """Cache lookups and engine calls for ``POST /v1/answer`` and the answer stream."""

    def __init__(
        self, runner: AskRunner, cache: AnswerCache | None, threads: int, llm_threads: int = 4
    ) -> None:
        self.runner = runner
        self.cache = cache
        self.threads = threads
        self.llm_threads = llm_threads
        self._limiters: dict[bool, anyio.CapacityLimiter] = {}

    def plan(
        self, question: str, source: str, max_refs: int, detail: bool = False, llm: bool = False
    ) -> Plan:
        """Look the request up in the cache (cheap; call it on the event loop)."""
        request = Plan(question, source, max_refs, detail, llm)
        key = (
            answer_key(question, source, max_refs, detail, llm) if self.cache is not None else None
        )
        if key is None or self.cache is None:
            return request
        hit = self.cache.get(key)
        generation = None if hit is not None else self.cache.generation()
        return replace(request, hit=hit, key=key, generation=generation)

    def compute(
        self,
        plan: Plan,
        on_stage: StageCallback = _no_progress,
        on_composed: ComposedCallback | None = None,
    ) -> CachedAnswer:
        """Answer with the engine (blocking; call it in a worker thread) and cache the result."""
        answer = self.runner(
            plan.question,
            plan.source,
            plan.max_refs,
            plan.detail,
            on_stage,
            llm=plan.llm,
            on_composed=on_composed,
        )
        if plan.key is not None and self.cache is not None and _cacheable(answer):
            return self.cache.put(plan.key, answer, plan.generation)
        return CachedAnswer.of(answer, 0.0)

    async def in_thread(
        self,
        plan: Plan,
        on_stage: StageCallback = _no_progress,
        on_composed: ComposedCallback | None = None,
    ) -> CachedAnswer:
        """:meth:`compute` in a worker thread: at most ``threads`` plain answers at once, and
        ``llm_threads`` answers with a synthesis beside them."""
        work = self._call(plan, on_stage, on_composed)
        return await anyio.to_thread.run_sync(work, limiter=self.limiter(llm=plan.llm))

    async def answer(self, plan: Plan) -> CachedAnswer:
        """The cached answer, or one computed now."""
        return plan.hit if plan.hit is not None else await self.in_thread(plan)

    def limiter(self, llm: bool = False) -> anyio.CapacityLimiter:
        """The line for plain answers, or for answers with a synthesis (``llm``); created on
        first use, inside the event loop that will use it."""
        if llm not in self._limiters:
            self._limiters[llm] = anyio.CapacityLimiter(self.llm_threads if llm else self.threads)
        return self._limiters[llm]

    def _call(
        self, plan: Plan, on_stage: StageCallback, on_composed: ComposedCallback | None
    ) -> Callable[[], CachedAnswer]:
        return lambda: self.compute(plan, on_stage, on_composed)
