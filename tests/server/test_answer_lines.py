"""Answers with a language-model synthesis wait in their own line (server.answers.AnswerService):
a slow model never holds the threads that plain questions are answered in."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import anyio

from medcite.records import Answer
from medcite.server.answers import AnswerService
from medcite.server.stream import AskRunner

from .fakes import FakeEngine

MODEL_WAIT_S = 10.0


def _service(release: threading.Event, threads: int = 1) -> tuple[AnswerService, list[str]]:
    engine = FakeEngine()
    done: list[str] = []

    def ask(question: str, *, llm: bool = False, **kwargs: Any) -> Answer:
        if llm:  # the model is slow: holds its thread until released
            release.wait(MODEL_WAIT_S)
        answer = engine.ask(question, **{k: v for k, v in kwargs.items() if k != "composed"})
        done.append(question)
        return answer

    runner = AskRunner(ask, accepts_progress=True, accepts_llm=True, accepts_composed=True)
    return AnswerService(runner, cache=None, threads=threads, llm_threads=2), done


def _run(body: Callable[[], Any]) -> None:
    anyio.run(body)


def test_a_plain_question_is_answered_while_a_synthesis_waits_for_the_model() -> None:
    release = threading.Event()
    service, done = _service(release)

    async def body() -> None:
        async with anyio.create_task_group() as tasks:
            tasks.start_soon(service.in_thread, service.plan("slow", "local", 5, llm=True))
            await anyio.sleep(0.05)
            with anyio.fail_after(MODEL_WAIT_S / 2):
                await service.in_thread(service.plan("plain", "local", 5))
            assert done == ["plain"]  # answered before the model replied
            release.set()
        assert done == ["plain", "slow"]

    _run(body)


def test_plain_answers_still_wait_in_line_for_their_threads() -> None:
    service, _done = _service(threading.Event(), threads=1)

    async def body() -> None:
        assert service.limiter().total_tokens == 1
        assert service.limiter(llm=True).total_tokens == 2
        assert service.limiter() is service.limiter()

    _run(body)
