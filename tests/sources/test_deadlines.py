"""Deadlines and per-minute windows in the HTTP layer's rate limiter (issue 15).

A live question's searches run under a :class:`Deadline` made from the live time-out. The rate
limiter serves waiting requests earliest deadline first, refuses at once a request whose slot
would only come after its deadline (it takes no slot), and drops a waiting request whose deadline
is cancelled (the question was answered without it). openFDA and MedlinePlus, whose documented
limits are per minute, are counted over a sliding minute: a burst goes at once. Everything runs on
virtual clocks; nothing here waits for real time except a few milliseconds of thread hand-over.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

import httpx
import pytest

from medcite.sources.base import parallel
from medcite.sources.http import (
    Deadline,
    DeadlineExceededError,
    NoSlotError,
    RateLimiter,
    RateLimits,
    Request,
    Service,
    SourceUnavailableError,
    current_deadline,
    deadline_scope,
)
from medcite.sources.medlineplus import medlineplus_service
from medcite.sources.openfda import openfda_service
from medcite.sources.settings import MedlinePlusSettings, OpenFdaSettings

from .fakes import VirtualClock, acquired_at, make_http, xml

SERVICE = Service(name="PubMed", base_url="https://eutils.ncbi.nlm.nih.gov/", requests_per_s=3)
REQUEST = Request(SERVICE, "esearch.fcgi", (("term", "asthma"),))


class GatedClock(VirtualClock):
    """A virtual clock whose sleeps wait (really) until :attr:`gate` opens, so a test can line
    requests up behind a sleeping one in a known order."""

    def __init__(self) -> None:
        super().__init__()
        self.gate = threading.Event()
        self._sleepers = 0
        self._count = threading.Lock()

    def sleep(self, seconds: float) -> None:
        with self._count:
            self._sleepers += 1
        self.gate.wait(5.0)
        super().sleep(seconds)

    def sleepers(self) -> int:
        with self._count:
            return self._sleepers


def _until(condition: Callable[[], bool]) -> None:
    give_up = time.monotonic() + 5.0
    while not condition():
        assert time.monotonic() < give_up, "the threads never got there"
        time.sleep(0.001)


def _text(payload: object) -> str:
    return "ok"


# --- the limiter ---------------------------------------------------------------------------------


def test_a_request_whose_slot_comes_after_its_deadline_fails_at_once_and_takes_no_slot() -> None:
    clock = VirtualClock()
    limiter = RateLimiter.per_second(3, clock)
    acquired_at(limiter, clock, 3)  # the window is full until t = 1

    with pytest.raises(NoSlotError) as refused:
        limiter.acquire(Deadline(0.5, 30))

    assert refused.value.wait_s == pytest.approx(1.0)
    assert refused.value.left_s == pytest.approx(0.5)
    assert clock.sleeps == []  # it did not wait for the slot it could not use ...
    assert acquired_at(limiter, clock, 3) == [1.0, 1.0, 1.0]  # ... nor take one


def test_a_request_whose_slot_comes_before_its_deadline_waits_for_it() -> None:
    clock = VirtualClock()
    limiter = RateLimiter.per_second(3, clock)
    acquired_at(limiter, clock, 3)

    limiter.acquire(Deadline(1.0, 30))  # its slot is exactly at the deadline: still in time

    assert clock.thread_now() == 1.0


def test_waiting_requests_go_earliest_deadline_first() -> None:
    """A question's next request goes before a later question's first, so the earlier question
    finishes in time instead of every question sharing the slots and all timing out."""
    clock = GatedClock()
    limiter = RateLimiter(1, 1.0, clock)
    limiter.acquire()  # the window is full until t = 1
    granted: dict[str, float] = {}

    def ask(name: str, deadline: Deadline) -> None:
        limiter.acquire(deadline)
        granted[name] = clock.thread_now()  # when it was let through (not when it got here)

    later = threading.Thread(target=ask, args=("later question", Deadline(100, 100)))
    later.start()
    _until(lambda: clock.sleepers() == 1)  # first in line, asleep until t = 1
    earlier = threading.Thread(target=ask, args=("earlier question", Deadline(50, 50)))
    earlier.start()
    _until(lambda: clock.sleepers() == 2)  # it went ahead in line and sleeps too
    clock.gate.set()
    later.join(5)
    earlier.join(5)

    assert granted == {"earlier question": 1.0, "later question": 2.0}


def test_equal_deadlines_go_in_the_order_the_questions_were_asked() -> None:
    first, second = Deadline(30, 30), Deadline(30, 30)
    assert first.order < second.order


def test_a_cancelled_deadline_drops_its_waiting_request_and_frees_its_place() -> None:
    """The question was answered (it timed out) while its request waited: the request leaves the
    line without being sent, and the one behind it, which could not have gone in time had the
    dropped one gone first, is no longer refused."""
    clock = GatedClock()
    limiter = RateLimiter(1, 1.0, clock)
    limiter.acquire()  # full until t = 1
    answered = Deadline(1.5, 30)
    outcome: dict[str, BaseException | float] = {}

    def ask(name: str, deadline: Deadline) -> None:
        try:
            limiter.acquire(deadline)
            outcome[name] = clock.thread_now()
        except NoSlotError as exc:
            outcome[name] = exc

    dropped = threading.Thread(target=ask, args=("dropped", answered))
    dropped.start()
    _until(lambda: clock.sleepers() == 1)
    with pytest.raises(NoSlotError):  # behind it, the next slot (t = 2) is past 1.5
        limiter.acquire(Deadline(1.5, 30))
    answered.cancel()
    behind = threading.Thread(target=ask, args=("behind", Deadline(1.5, 30)))
    behind.start()
    _until(lambda: limiter.waiting() == 2)  # in line, not refused: the dropped one is skipped
    clock.gate.set()
    dropped.join(5)
    behind.join(5)

    refusal = outcome["dropped"]
    assert isinstance(refusal, NoSlotError) and refusal.wait_s is None
    assert outcome["behind"] == 1.0


def test_a_per_minute_limit_allows_a_burst_then_waits_for_the_window() -> None:
    clock = VirtualClock()
    limiter = RateLimiter.per_window(4, 60, clock, margin_s=0.1)  # openFDA: 240 a minute

    times = acquired_at(limiter, clock, 250)

    assert (limiter.max_requests, limiter.period_s) == (240, pytest.approx(66.0))
    assert times[:240] == [0.0] * 240  # a burst goes at once ...
    assert times[240:] == [pytest.approx(66.0)] * 10  # ... then the window (+10%) must pass


def test_openfda_and_medlineplus_are_limited_per_minute_the_others_per_second() -> None:
    clock, registry = VirtualClock(), RateLimits()
    fda = registry.limiter(openfda_service(OpenFdaSettings()), clock, 0.1)
    nlm = registry.limiter(medlineplus_service(MedlinePlusSettings()), clock, 0.1)
    ncbi = registry.limiter(SERVICE, clock, 0.1)

    assert (fda.max_requests, fda.period_s) == (240, pytest.approx(66.0))  # 240/min documented
    assert (nlm.max_requests, nlm.period_s) == (85, pytest.approx(66.0))  # 85/min documented
    assert (ncbi.max_requests, ncbi.period_s) == (3, pytest.approx(1.1))  # unchanged


# --- the HTTP client ------------------------------------------------------------------------------


class Counting:
    def __init__(self, *answers: httpx.Response) -> None:
        self.answers = list(answers)
        self.calls = 0

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.calls += 1
        return self.answers.pop(0) if self.answers else xml(b"<ok/>")


def test_under_a_deadline_a_request_without_a_slot_in_time_never_reaches_the_server() -> None:
    clock, server = VirtualClock(), Counting()
    http = make_http(server, clock)
    for _ in range(3):
        http.fetch(REQUEST, _text, cacheable=False)  # NCBI's 3 per 1.1 s are used up

    with deadline_scope(Deadline(0.5, 30)), pytest.raises(DeadlineExceededError) as refused:
        http.fetch(REQUEST, _text, cacheable=False)

    assert server.calls == 3
    message = str(refused.value)
    assert message.startswith("PubMed: no request slot before the question's 30 s time-out")
    assert "or try --source local" in message
    assert refused.value.reason == (
        "rate limit busy: 3 requests per 1.1 s, next free slot in 1.1 s, 0.5 s left"
    )


def test_a_request_of_an_answered_question_is_dropped() -> None:
    clock, server = VirtualClock(), Counting()
    http = make_http(server, clock)
    answered = Deadline(30, 30)
    answered.cancel()

    with deadline_scope(answered), pytest.raises(DeadlineExceededError, match="dropped"):
        http.fetch(REQUEST, _text, cacheable=False)

    assert server.calls == 0


def test_no_retry_starts_that_could_not_start_before_the_deadline() -> None:
    clock = VirtualClock()
    server = Counting(xml(b"busy", status=500))
    http = make_http(server, clock, backoff_base_s=2.0)  # the first retry waits 1-2 s

    with deadline_scope(Deadline(1.0, 30)), pytest.raises(SourceUnavailableError) as failed:
        http.fetch(REQUEST, _text, cacheable=False)

    assert server.calls == 1
    assert "HTTP 500 after 1 attempt, no time left to retry" in str(failed.value)
    assert clock.sleeps == []


def test_without_a_deadline_nothing_changes() -> None:
    clock, server = VirtualClock(), Counting()
    http = make_http(server, clock)

    for _ in range(7):
        http.fetch(REQUEST, _text, cacheable=False)

    assert server.calls == 7 and current_deadline() is None
    assert clock.thread_now() == pytest.approx(2.2)


def test_the_connectors_threads_run_under_the_questions_deadline() -> None:
    deadline = Deadline(5, 5)

    with deadline_scope(deadline):
        seen = parallel([current_deadline, current_deadline, current_deadline])

    assert seen == [deadline] * 3
    assert current_deadline() is None
