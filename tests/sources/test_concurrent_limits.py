"""Issue 15's target for the live connectors: "rate limits never exceeded under 50 concurrent
questions; a source down degrades the answer with a note, never fails it".

Fifty threads ask at once (as the server's workers do) through the live search wired exactly as
the Engine wires it (build_live_search: one HTTP client, PubMed, Europe PMC, openFDA, MedlinePlus
and Bookshelf), against httpx.MockTransport fakes of the five services (tests/sources/load.py)
that record the virtual moment each request arrives, per host. A virtual clock stands in for time
(the limiter's waits cost nothing), so minutes of traffic run in seconds; the fakes answer at once
(a fake latency would advance the one shared virtual time for every thread and so serialise the
load instead of testing the limiter), so a request arrives at the moment the limiter let it go.
Each host's arrivals are then checked against its documented limit in every sliding window:
E-utilities 3/s (10/s with NCBI_API_KEY; PubMed and Bookshelf share it), Europe PMC medcite's
5/s (it publishes none), openFDA 240/min, MedlinePlus 85/min.
"""

from __future__ import annotations

import concurrent.futures
import functools
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future
from pathlib import Path
from typing import Any

import httpx
import pytest

from conftest import MINI_MEDQUAD_TAR
from medcite import Engine
from medcite.config import SemanticSettings, Settings
from medcite.sources import live as live_module
from medcite.sources.http import RateLimits
from medcite.sources.live import LABELS, LiveResult, SourceState
from medcite.sources.pubmed import build_searches
from medcite.sources.settings import HttpSettings, LiveSettings

from .fakes import EPMC_HOST, EUTILS_HOST, VirtualClock
from .load import (
    ALL_SOURCES,
    LONG_TIMEOUT_S,
    MEDLINEPLUS_HOST,
    OPENFDA_HOST,
    RESOLUTION_S,
    FiveApis,
    SameStartClock,
    ask_all,
    limits,
    live_search,
    max_per_window,
    questions,
)

pytestmark = pytest.mark.usefixtures("api_fixtures")

KEY = {"NCBI_API_KEY": "s3cret"}
HOLD_LIMIT_S = 30.0
"""How long (real seconds) a test waits for threads it synchronises with before it fails."""


def assert_within_limits(apis: FiveApis, api_key: bool) -> dict[str, int]:
    """Every host kept its limit in every window; returns the busiest window per host."""
    busiest = {}
    for host, limit in limits(api_key).items():
        busiest[host] = max_per_window(apis.times(host), limit.window_s)
        assert busiest[host] <= limit.requests, (host, busiest[host], limit)
    return busiest


@pytest.mark.parametrize("api_key", [False, True], ids=["no-key", "ncbi-key"])
def test_fifty_concurrent_questions_keep_every_hosts_limit(api_key: bool) -> None:
    apis = FiveApis(VirtualClock())
    search = live_search(apis, env=KEY if api_key else None)

    results = ask_all([search], questions(100))  # 50 at a time, twice over

    assert all(not r.degraded and r.hits for r in results)
    assert {s.source for r in results for s in r.statuses} == set(ALL_SOURCES)
    busiest = assert_within_limits(apis, api_key)
    assert len(apis.times(OPENFDA_HOST)) == 100 * 3  # one request per drug named
    assert len(apis.times(MEDLINEPLUS_HOST)) == 100
    # the load was heavy enough to need the limiter: NCBI's and Europe PMC's were reached
    assert busiest[EUTILS_HOST] == (10 if api_key else 3)
    assert busiest[EPMC_HOST] == 5


@pytest.mark.parametrize(
    ("source", "host", "asked"),
    [("openfda", OPENFDA_HOST, 100), ("medlineplus", MEDLINEPLUS_HOST, 200)],
)
def test_per_minute_limits_hold_under_their_own_load(source: str, host: str, asked: int) -> None:
    """Without PubMed setting the pace, 50 threads bring 300 openFDA (three drugs a question) or
    200 MedlinePlus requests: unthrottled they would all arrive at once. Their limits are per
    minute, so a burst of up to the documented limit goes at once, and the rest waits until the
    window (a minute and 10%) has passed: every sliding minute holds at most the limit."""
    apis = FiveApis(VirtualClock())

    results = ask_all([live_search(apis, sources=(source,))], questions(asked))

    assert all(not r.degraded and r.hits for r in results)
    limit = limits(api_key=False)[host]
    times = sorted(apis.times(host))
    assert len(times) > limit.requests
    assert max_per_window(times, limit.window_s) == limit.requests  # reached, never exceeded
    assert times[limit.requests - 1] == times[0]  # the first minute's allowance went at once
    assert times[limit.requests] - times[0] >= limit.window_s * 1.1 - RESOLUTION_S


def test_pubmed_and_bookshelf_share_ncbis_limit() -> None:
    apis = FiveApis(VirtualClock())
    results = ask_all([live_search(apis)], questions(50))

    ncbi = [r for r in apis.requests if r.url.host == EUTILS_HOST]
    books = [r for r in ncbi if b"db=books" in r.content]
    assert results and len(books) == 50 * 2  # ESearch + ESummary per question
    assert len(ncbi) > len(books)  # and PubMed's own
    assert max_per_window(apis.times(EUTILS_HOST), 1.0) <= 3


def test_clients_built_apart_still_share_one_limiter_per_host() -> None:
    """The Engine builds a new live search (and HTTP client) for every ``--refresh`` question,
    and a process may hold several engines: the limit is per host and process, not per client."""
    apis = FiveApis(VirtualClock())
    searches = [live_search(apis) for _ in range(10)]

    results = ask_all(searches, questions(50))

    assert all(not r.degraded for r in results)
    assert_within_limits(apis, api_key=False)
    assert len({id(s.retrievers[1].http) for s in searches}) == 10  # ten clients, one limit


def test_separate_limit_registries_are_separate() -> None:
    """What the process-wide registry prevents: two registries let twice the traffic through."""
    clock = VirtualClock()
    settings = HttpSettings(cache=False)
    first, second = RateLimits(), RateLimits()
    service = live_module.eutils_service(LiveSettings().pubmed, None)

    one = first.limiter(service, clock, settings.rate_margin_s)

    assert first.limiter(service, clock, settings.rate_margin_s) is one
    assert second.limiter(service, clock, settings.rate_margin_s) is not one
    assert first.limiter(service, VirtualClock(), settings.rate_margin_s) is not one


def test_a_different_rate_for_the_same_host_is_a_different_allowance() -> None:
    """NCBI allows 3 requests/s per address without a key and 10/s per key: two budgets."""
    clock, registry = VirtualClock(), RateLimits()
    keyed = live_module.eutils_service(LiveSettings().pubmed, "s3cret")  # 10/s
    plain = live_module.eutils_service(LiveSettings().pubmed, None)  # 3/s, same host

    assert registry.limiter(keyed, clock, 0.1).max_requests == 10
    assert registry.limiter(plain, clock, 0.1).max_requests == 3
    assert registry.limiter(plain, clock, 0.1) is registry.limiter(plain, clock, 0.1)


FAILURES = [
    ("pubmed", "500"),
    ("europepmc", "timeout"),
    ("openfda", "500"),
    ("medlineplus", "timeout"),
    ("bookshelf", "500"),
]


@pytest.mark.parametrize(("down", "failure"), FAILURES, ids=[f"{d}-{f}" for d, f in FAILURES])
def test_a_source_down_degrades_every_answer_and_fails_none(down: str, failure: str) -> None:
    apis = FiveApis(VirtualClock(), down=down, failure=failure)

    results = ask_all([live_search(apis)], questions(50))

    assert len(results) == 50
    for result in results:
        assert_degraded_by(result, down)
    assert_within_limits(apis, api_key=False)  # retries of the failing source count too


def assert_degraded_by(result: LiveResult, down: str) -> None:
    states = {s.source: s.state for s in result.statuses}
    assert states.pop(down) is SourceState.FAILED
    assert set(states.values()) == {SourceState.OK}
    assert result.hits and result.note is not None
    assert result.note.startswith(f"{LABELS[down]} failed: ")
    assert "try again later" in result.note or "check your network" in result.note


# --- the live time-out: a question's deadline --------------------------------------------------


def test_no_request_of_a_question_reaches_a_service_after_its_time_out() -> None:
    """Fifty questions at once with the 30 s time-out (virtual seconds): NCBI's 3 requests/s
    cannot serve them all in time. Each question's searches run under its deadline: a request is
    sent before it or not at all (so it never uses the allowance later questions need), and the
    sources it stopped are reported as timed out, with the usual note.

    Only what holds whichever order the threads reach the limiter in is checked. All questions
    start at virtual 0 (SameStartClock), so every deadline is at 30 s and NCBI can take at most
    84 requests before it (3 per 1.1 s), far fewer than the 7 each of the 50 questions needs:
    some sources must time out, in any run. Which questions get everything depends on how far
    virtual time runs on while a question's thread parses an answer, so it is not asserted here;
    that the limiter serves the earliest deadline first is
    test_deadlines.py::test_waiting_requests_go_earliest_deadline_first."""
    clock = SameStartClock()
    apis = FiveApis(clock)
    search = live_search(apis, timeout_s=30)

    results = ask_all([search], questions(50), same_start=clock)

    assert apis.deadlines and all(d is not None for _, d in apis.deadlines)
    assert {d.at for _, d in apis.deadlines if d is not None} == {30.0}  # one start, one deadline
    late = [(at, d.at) for at, d in apis.deadlines if d is not None and at > d.at + RESOLUTION_S]
    assert late == []
    statuses = [s for r in results for s in r.statuses]
    timed_out = [s for s in statuses if s.state is SourceState.TIMED_OUT]
    assert timed_out  # the load was more than the time-out allowed
    assert {s.state for s in statuses} <= {SourceState.OK, SourceState.TIMED_OUT}
    for status in timed_out:
        assert status.message and status.message.startswith("no answer within 30s (")
    assert len(results) == 50  # degraded, never failed
    for result in results:
        assert (result.note is not None) == result.degraded
        assert not result.degraded or "timed out: no answer within 30s (" in str(result.note)
    assert_within_limits(apis, api_key=False)


def test_later_questions_are_not_starved_by_earlier_ones_that_timed_out() -> None:
    """After a wave of questions that timed out, nothing of theirs is still queued: the next
    questions get the whole allowance and every source in time."""
    clock = SameStartClock()
    apis = FiveApis(clock)
    search = live_search(apis, timeout_s=30)
    first = ask_all([search], questions(50), same_start=clock)
    last_deadline = max(d.at for _, d in apis.deadlines if d is not None)
    sent = len(apis.deadlines)

    later = ask_all([search], questions(5), same_start=clock)

    assert any(r.degraded for r in first)
    assert all(not r.degraded and r.hits for r in later)
    assert all(
        at <= last_deadline + RESOLUTION_S or d not in {d for _, d in apis.deadlines[:sent]}
        for at, d in apis.deadlines[sent:]
    )  # what arrived after the first wave's deadlines was the later questions' own
    assert_within_limits(apis, api_key=False)


def test_a_timed_out_question_drops_the_requests_it_still_has_queued(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """What LiveSearch does when its time-out passes while PubMed's first requests (its
    ESearches) are held by the server: it answers without PubMed and cancels the question's
    deadline, so when those requests return, PubMed's next ones (EFetch) are never sent.

    The time-out passes when the server holds every ESearch (explicit synchronisation instead
    of 0.05 s of real time, in which a busy machine may not have sent them all yet)."""
    query = questions(1)[0]
    esearches = len(build_searches(query, LiveSettings().pubmed, 2025))
    apis = HeldApis(VirtualClock(), hold=esearches)
    search = live_search(apis, env=KEY, sources=("pubmed",), timeout_s=0.05)
    monkeypatch.setattr(live_module, "wait", _times_out_once(apis.all_held, timeout_s=0.05))
    threads_before = set(threading.enumerate())

    result = search.search(query, 5)
    held = len(apis.arrivals)
    apis.release.set()
    _wait_for_new_threads("medcite-", threads_before)

    assert result.statuses[0].state is SourceState.TIMED_OUT
    assert result.note and result.note.startswith("PubMed timed out: no answer within 0s")
    assert held == esearches and len(apis.arrivals) == held  # nothing more reached the server
    assert not any(r.url.path.endswith("efetch.fcgi") for r in apis.requests)
    assert all(d is not None and d.cancelled for _, d in apis.deadlines)


class HeldApis(FiveApis):
    """Holds every request (in real time) until :attr:`release` is set; :attr:`all_held` is set
    once ``hold`` requests are held."""

    def __init__(self, clock: VirtualClock, hold: int) -> None:
        super().__init__(clock)
        self.release = threading.Event()
        self.all_held = threading.Event()
        self._hold = hold
        self._held = 0
        self._count = threading.Lock()

    def route(self, request: httpx.Request) -> httpx.Response:
        with self._count:
            self._held += 1
            if self._held >= self._hold:
                self.all_held.set()
        self.release.wait(HOLD_LIMIT_S)
        return super().route(request)


def _times_out_once(
    held: threading.Event, timeout_s: float
) -> Callable[..., tuple[set[Future[Any]], set[Future[Any]]]]:
    """A stand-in for LiveSearch's ``concurrent.futures.wait(futures, timeout=...)`` whose
    time-out passes as soon as ``held`` is set."""

    def wait(futures: Any, timeout: float | None = None) -> Any:
        assert timeout == timeout_s  # LiveSearch waits for its time-out ...
        assert held.wait(HOLD_LIMIT_S), "the server never held the requests"
        return concurrent.futures.wait(futures, timeout=0)  # ... and here it has passed

    return wait


def _wait_for_new_threads(prefix: str, before: set[threading.Thread]) -> None:
    """Until every thread named ``prefix…`` that was not in ``before`` has ended."""
    give_up = time.monotonic() + HOLD_LIMIT_S
    while any(t.name.startswith(prefix) for t in set(threading.enumerate()) - before):
        assert time.monotonic() < give_up, "the timed-out search never stopped"
        time.sleep(0.01)


# --- the Engine's live path (source="live"), 50 answers at once ---------------------------------


@pytest.fixture(scope="module")
def guideline_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("load-index")
    Engine(path).ingest([MINI_MEDQUAD_TAR])
    return path


def test_fifty_engine_answers_with_openfda_down_all_carry_a_note(
    guideline_index: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    apis = FiveApis(VirtualClock(), down="openfda")
    wired = functools.partial(
        live_module.build_live_search, transport=_transport(apis), clock=apis.clock
    )
    monkeypatch.setattr(live_module, "build_live_search", wired)
    monkeypatch.delenv("NCBI_API_KEY", raising=False)
    monkeypatch.delenv("OPENFDA_API_KEY", raising=False)
    live = LiveSettings(
        sources=ALL_SOURCES, http=HttpSettings(cache=False), timeout_s=LONG_TIMEOUT_S
    )
    no_model = SemanticSettings(enabled=False)  # what is measured is the sources, not the model
    engine = Engine(guideline_index, Settings(index=guideline_index, live=live, semantic=no_model))
    asked = [f"Can I take ibuprofen with lisinopril for my gout? ({n})" for n in range(50)]

    answers = _ask_all(engine, asked)
    engine.close()

    assert len(answers) == 50
    for answer in answers:
        assert answer.sources_note and answer.sources_note.startswith("openFDA failed: ")
    assert apis.times(OPENFDA_HOST)  # openFDA was asked (and failed) for every question
    assert_within_limits(apis, api_key=False)


def _transport(apis: FiveApis) -> Any:
    return httpx.MockTransport(apis)


def _ask_all(engine: Engine, asked: list[str]) -> list[Any]:
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=50) as pool:
        return list(pool.map(lambda q: engine.ask(q, source="live"), asked))
