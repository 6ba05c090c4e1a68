"""Fifty questions at once against fakes of all five live services, for the load tests and
benchmarks/live_load.py.

:class:`FiveApis` answers for E-utilities (PubMed, and Bookshelf's ``db=books``), Europe PMC,
openFDA and the MedlinePlus Web Service through one httpx.MockTransport handler and records the
virtual moment each request reaches it (per host). PubMed and Europe PMC replay the recorded
answers in ../shared/corpora/api-fixtures (see :mod:`tests.sources.fakes`); openFDA, MedlinePlus
and Bookshelf answer with the handmade fixtures in tests/fixtures (each with its SOURCE.md).
:data:`LIMITS` are the services' documented limits; :func:`max_per_window` measures them.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

from medcite.records import Query, QueryConcept
from medcite.sources.http import Clock, Deadline, current_deadline
from medcite.sources.live import LiveResult, LiveSearch, build_live_search
from medcite.sources.settings import HttpSettings, LiveSettings

from .fakes import EPMC_HOST, EUTILS_HOST, FakeApis, VirtualClock, json_response, params_of, xml

FIXTURES = Path(__file__).parent.parent / "fixtures"
OPENFDA_HOST = "api.fda.gov"
MEDLINEPLUS_HOST = "wsearch.nlm.nih.gov"
ALL_SOURCES = ("pubmed", "europepmc", "openfda", "medlineplus", "bookshelf")
DRUGS = ("montelukast", "lisinopril", "ibuprofen")
LONG_TIMEOUT_S = 600.0
"""The longest live time-out allowed (``LiveSettings.timeout_s``), in virtual seconds."""
RESOLUTION_S = 1e-6
"""Arrival times are compared to 1 µs, so float rounding of virtual times cannot make two
requests a window apart look closer."""
START_HOLD_LIMIT_S = 60.0
"""How long (real seconds) :class:`SameStartClock` holds virtual time for questions that never
start before it fails the test instead of hanging."""


@dataclass(frozen=True)
class Limit:
    """A service's documented limit: at most ``requests`` in any ``window_s`` seconds."""

    requests: int
    window_s: float
    documented: str


def limits(api_key: bool) -> dict[str, Limit]:
    """The limit per host (E-utilities: 10/s with ``NCBI_API_KEY``, else 3/s)."""
    ncbi = Limit(10, 1.0, "NCBI, with an API key") if api_key else Limit(3, 1.0, "NCBI, no key")
    return {
        EUTILS_HOST: ncbi,
        EPMC_HOST: Limit(5, 1.0, "medcite's polite default (Europe PMC publishes none)"),
        OPENFDA_HOST: Limit(240, 60.0, "openFDA, per IP address or key"),
        MEDLINEPLUS_HOST: Limit(85, 60.0, "NLM, per IP address"),
    }


def max_per_window(times: Sequence[float], window: float) -> int:
    """The most requests that arrived within any half-open window of ``window`` seconds."""
    ordered = sorted(times)
    best, start = 0, 0
    for end, at in enumerate(ordered):
        while ordered[start] <= at - window + RESOLUTION_S:
            start += 1
        best = max(best, end - start + 1)
    return best


class SameStartClock(VirtualClock):
    """A virtual clock on which the questions :func:`ask_all` asks at once all start at the same
    virtual moment.

    :func:`ask_all` starts its threads one after another in real time. On a plain
    :class:`VirtualClock` the first questions' rate-limit waits move virtual time on meanwhile,
    so a later question's deadline (its start plus the time-out) came later by however far the
    other threads had got: how much of the load fitted before the deadlines depended on thread
    scheduling. Given to :func:`ask_all` as ``same_start``, this clock holds every :meth:`sleep`
    (the only thing that moves virtual time), in real time, until each question has read the
    clock once: LiveSearch reads it to set the question's deadline, before it starts the
    question's sources. Every question of a wave then has its deadline at the same moment.
    """

    def __init__(self) -> None:
        super().__init__()
        self._start = threading.Condition()
        self._unstarted = 0

    def hold_for(self, questions: int) -> None:
        """Let virtual time move only once ``questions`` more questions have started."""
        with self._start:
            self._unstarted += questions

    def starting_question(self) -> None:
        """The calling thread asks a question next: its next clock reading is its start."""
        self._local.starting = True

    def monotonic(self) -> float:
        now = super().monotonic()
        if getattr(self._local, "starting", False):
            self._local.starting = False
            with self._start:
                self._unstarted -= 1
                self._start.notify_all()
        return now

    def sleep(self, seconds: float) -> None:
        with self._start:
            started = self._start.wait_for(lambda: self._unstarted <= 0, START_HOLD_LIMIT_S)
        if not started:
            raise AssertionError("virtual time held, but the questions never all started")
        super().sleep(seconds)


class FiveApis(FakeApis):
    """E-utilities, Europe PMC, openFDA, MedlinePlus and Bookshelf; ``down`` (a source name)
    answers HTTP 500 (``failure="500"``) or times out (``failure="timeout"``) every time."""

    def __init__(
        self,
        clock: VirtualClock,
        latency: float = 0.0,
        down: str | None = None,
        failure: str = "500",
    ) -> None:
        super().__init__(clock, latency)
        self._arrival_lock = threading.Lock()
        self.down = down
        self.failure = failure
        self._labels = (FIXTURES / "openfda" / "labels.json").read_bytes()
        self._topics = (FIXTURES / "medlineplus" / "wsearch_hay_fever.xml").read_bytes()
        self._books = {
            name: (FIXTURES / "bookshelf" / f"{name}_books.json").read_bytes()
            for name in ("esearch", "esummary")
        }
        self.deadlines: list[tuple[float, Deadline | None]] = []
        """Each request's arrival and the deadline of the question it was made for."""

    def __call__(self, request: httpx.Request) -> httpx.Response:
        with self._arrival_lock:
            when = self.clock.thread_now() if self.clock else 0.0
            self.deadlines.append((when, current_deadline()))
        return super().__call__(request)

    def route(self, request: httpx.Request) -> httpx.Response:
        if source_of(request) == self.down:
            if self.failure == "timeout":
                raise httpx.ReadTimeout("fake time-out", request=request)
            return httpx.Response(500, content=b"Internal Server Error")
        host = request.url.host
        if host == OPENFDA_HOST:
            return json_response(self._labels)
        if host == MEDLINEPLUS_HOST:
            return xml(self._topics)
        if host == EUTILS_HOST and params_of(request).get("db") == "books":
            name = "esummary" if request.url.path.endswith("esummary.fcgi") else "esearch"
            return json_response(self._books[name])
        return super().route(request)

    def times(self, host: str) -> list[float]:
        return [at for h, at in self.arrivals if h == host]


def source_of(request: httpx.Request) -> str:
    """Which of the five sources sent ``request``."""
    host = request.url.host
    if host == EUTILS_HOST:
        return "bookshelf" if params_of(request).get("db") == "books" else "pubmed"
    names = {EPMC_HOST: "europepmc", OPENFDA_HOST: "openfda", MEDLINEPLUS_HOST: "medlineplus"}
    return names[host]


def drug(name: str) -> QueryConcept:
    return QueryConcept(
        key=f"lay:{name}", name=name, matched=name, via="brand name", names=(name,), drug=True
    )


def questions(count: int) -> list[Query]:
    """``count`` questions, each naming a topic and the three drugs of the label fixture."""
    return [
        Query(
            question=f"Is it safe to take my asthma and blood pressure pills together? ({n})",
            focus=f"asthma topic {n}",
            concepts=tuple(drug(name) for name in DRUGS),
        )
        for n in range(count)
    ]


def live_search(
    apis: FiveApis,
    env: dict[str, str] | None = None,
    clock: Clock | None = None,
    **settings: Any,
) -> LiveSearch:
    """A LiveSearch of all five sources wired as the Engine wires it, over ``apis`` (on
    ``apis.clock`` unless another ``clock`` is given).

    The time-out defaults to the longest allowed, 600 s (:data:`LONG_TIMEOUT_S`): each question's
    deadline runs on the virtual clock, and the tests that measure the rate limits under a full
    load must not have it cut short by the time-out (the time-out has tests of its own)."""
    settings.setdefault("sources", ALL_SOURCES)
    settings.setdefault("timeout_s", LONG_TIMEOUT_S)
    conf = LiveSettings(http=HttpSettings(cache=False), **settings)
    return build_live_search(
        conf, env=env or {}, transport=httpx.MockTransport(apis), clock=clock or apis.clock
    )


def ask_all(
    searches: Sequence[LiveSearch],
    asked: Sequence[Query],
    concurrency: int = 50,
    *,
    same_start: SameStartClock | None = None,
) -> list[LiveResult]:
    """Every question at once (``concurrency`` threads, as the server runs them), each through
    ``searches[n % len(searches)]``; k = 5. With ``same_start`` (the searches' clock) every
    question starts, and so sets its deadline, at the same virtual moment."""

    def ask(n: int) -> LiveResult:
        if same_start is not None:
            same_start.starting_question()
        return searches[n % len(searches)].search(asked[n], 5)

    if same_start is not None:
        assert len(asked) <= concurrency, "a question waiting for a thread would never start"
        same_start.hold_for(len(asked))
    with ThreadPoolExecutor(max_workers=concurrency) as pool:
        return list(pool.map(ask, range(len(asked))))
