"""Live sources under load: many questions at once against fakes of all five services.

    python benchmarks/live_load.py                       # 100 questions, 50 at a time
    python benchmarks/live_load.py --questions 200 --concurrency 50

Issue 15's target: "rate limits never exceeded under 50 concurrent questions; a source down
degrades the answer with a note, never fails it". Each scenario runs the questions through the
live search wired as the Engine wires it (build_live_search: PubMed, Europe PMC, openFDA,
MedlinePlus, Bookshelf; one HTTP client; response cache off) against the httpx.MockTransport
fakes of tests/sources/load.py, on a virtual clock: the limiter's waits cost no real time and a
request arrives at the fake at the moment the limiter let it go. Every question names three drugs
(one openFDA request each). Scenarios: no NCBI key (3/s), with a key (10/s), ten separately built
clients (as ``--refresh`` builds one per question; and, for comparison, the same with limiters per
client, as medcite had them before one per host and process), openFDA and MedlinePlus on their
own (so that their per-minute limits, not NCBI's, set the pace), and each source down (HTTP 500
or time-out). Each question's searches run under a deadline from the live time-out, on the
virtual clock too: these scenarios use the longest time-out (600 s) so that the limiter, not the
time-out, is what they measure; "all five, 30 s time-out" uses the default one, as does
``--real`` (which runs on the real clock). The virtual clock's time is shared by all threads (the
latest any of them has slept to), so a thread that starts late in real time finds part of its
question's 30 s gone: that row overstates the time-outs of the fast sources (openFDA, MedlinePlus,
Europe PMC); it shows that nothing is sent after a deadline, ``--real`` shows what each source
manages within the time-out.

Prints one table row per scenario and host (requests, the most in any window, the documented
limit) and the answers ok / degraded / failed, and how many requests reached a service after
their question's deadline (must be none) or, with ``--real``, after the last answer; writes
benchmarks/results/live_load.json. Needs
../shared/corpora/api-fixtures (the recorded PubMed and Europe PMC answers).
"""

from __future__ import annotations

import argparse
import logging
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import httpx

from common import ROOT, print_table, write_json

sys.path.insert(0, str(ROOT / "tests"))  # the fakes live with the tests

from medcite.sources.http import RateLimits, SystemClock, current_deadline
from medcite.sources.live import LiveResult
from sources.fakes import API_FIXTURES, VirtualClock
from sources.load import (
    ALL_SOURCES,
    LONG_TIMEOUT_S,
    RESOLUTION_S,
    FiveApis,
    ask_all,
    limits,
    live_search,
    max_per_window,
    questions,
)


@dataclass(frozen=True)
class Scenario:
    name: str
    env: dict[str, str] = field(default_factory=dict)
    sources: tuple[str, ...] | None = None
    down: str | None = None
    failure: str = "500"
    clients: int = 1
    questions_factor: int = 1
    limiter_per_client: bool = False
    """Give each client its own limiters, as before they were per process (the old bug)."""
    real_clock: bool = False
    """Real time, 300 ms per request, the live search's 30 s time-out (``--real``)."""
    timeout_s: float = LONG_TIMEOUT_S
    """The live time-out (each question's deadline), in virtual seconds unless ``real_clock``."""


SCENARIOS = (
    Scenario("all five, no NCBI key"),
    Scenario("all five, NCBI key", env={"NCBI_API_KEY": "benchmark"}),
    Scenario("all five, 30 s time-out", timeout_s=30.0),
    Scenario("ten clients built apart", clients=10),
    Scenario("ten clients, limiters per client (old)", clients=10, limiter_per_client=True),
    Scenario("openFDA alone", sources=("openfda",)),
    Scenario("MedlinePlus alone", sources=("medlineplus",), questions_factor=2),
    Scenario("PubMed down (500)", down="pubmed"),
    Scenario("Europe PMC down (time-out)", down="europepmc", failure="timeout"),
    Scenario("openFDA down (500)", down="openfda"),
    Scenario("MedlinePlus down (time-out)", down="medlineplus", failure="timeout"),
    Scenario("Bookshelf down (500)", down="bookshelf"),
)
REAL = Scenario("real clock, 300 ms latency, no NCBI key", real_clock=True, timeout_s=30.0)
"""Asks ``--concurrency`` questions (one wave), then waits until the requests stop."""
REAL_LATENCY_S = 0.3


class RealTimeApis(FiveApis):
    """The fakes on the real clock: each request takes ``REAL_LATENCY_S`` and is recorded at
    its real (monotonic) arrival time."""

    def __call__(self, request: httpx.Request) -> httpx.Response:
        with self._arrival_lock:
            self.requests.append(request)
            self.arrivals.append((request.url.host, time.monotonic()))
            self.deadlines.append((time.monotonic(), current_deadline()))
        time.sleep(REAL_LATENCY_S)
        return self.route(request)


def run(scenario: Scenario, count: int, concurrency: int) -> dict[str, Any]:
    kind = RealTimeApis if scenario.real_clock else FiveApis
    apis = kind(VirtualClock(), down=scenario.down, failure=scenario.failure)
    settings: dict[str, Any] = {"sources": scenario.sources} if scenario.sources else {}
    settings["timeout_s"] = scenario.timeout_s
    clock = SystemClock() if scenario.real_clock else None
    searches = [
        live_search(apis, env=scenario.env, clock=clock, **settings)
        for _ in range(scenario.clients)
    ]
    if scenario.limiter_per_client:
        for search in searches:
            assert search._http is not None
            search._http.limits = RateLimits()  # what HttpClient did before PROCESS_LIMITS
    asked = questions(concurrency if scenario.real_clock else count * scenario.questions_factor)
    started = time.perf_counter()
    failed = 0
    try:
        results = ask_all(searches, asked, concurrency)
    except Exception as exc:  # noqa: BLE001 - a failed answer is what the benchmark reports
        print(f"{scenario.name}: an answer failed: {exc}", file=sys.stderr)
        results, failed = [], len(asked)
    seconds = time.perf_counter() - started
    answered = len(apis.arrivals)
    drained = max(0.0, _drain(apis) - started - seconds) if scenario.real_clock else 0.0
    return {
        "scenario": scenario.name,
        "questions": len(asked),
        "concurrency": concurrency,
        "wall_s": round(seconds, 2),
        "virtual_s": None if scenario.real_clock else round(_span(apis), 1),
        "answers": _answers(results, failed),
        "sources": _states(results),
        "timeout_s": scenario.timeout_s,
        "requests_after_answers": len(apis.arrivals) - answered,
        "drained_after_answers_s": round(drained, 1),
        "requests_after_deadline": _after_deadline(apis),
        "hosts": _hosts(apis, api_key=bool(scenario.env)),
    }


def _drain(apis: FiveApis, quiet_s: float = 3.0) -> float:
    """Wait until no request arrived for ``quiet_s`` (requests of searches that timed out would
    go on here if they were not dropped). Returns the moment (perf_counter) the last one
    arrived."""
    seen, last = len(apis.arrivals), time.perf_counter()
    while time.perf_counter() - last < quiet_s:
        time.sleep(0.5)
        if len(apis.arrivals) != seen:
            seen, last = len(apis.arrivals), time.perf_counter()
    return last


def _after_deadline(apis: FiveApis) -> int:
    """Requests that reached a service after their question's deadline (or with none)."""
    return sum(1 for at, d in apis.deadlines if d is None or at > d.at + RESOLUTION_S)


def _span(apis: FiveApis) -> float:
    return max((t for _, t in apis.arrivals), default=0.0)


def _states(results: list[LiveResult]) -> dict[str, dict[str, int]]:
    """Per source: how many questions it answered, failed or timed out on."""
    counts: dict[str, Counter[str]] = {}
    for result in results:
        for status in result.statuses:
            counts.setdefault(status.source, Counter())[status.state.value] += 1
    return {source: dict(c) for source, c in counts.items()}


def _answers(results: list[LiveResult], failed: int) -> dict[str, int]:
    degraded = sum(1 for r in results if r.degraded)
    noted = sum(1 for r in results if r.degraded and r.note)
    return {"ok": len(results) - degraded, "degraded": degraded, "noted": noted, "failed": failed}


def _hosts(apis: FiveApis, api_key: bool) -> list[dict[str, Any]]:
    rows = []
    for host, limit in limits(api_key).items():
        times = apis.times(host)
        busiest = max_per_window(times, limit.window_s)
        rows.append(
            {
                "host": host,
                "requests": len(times),
                "max_in_window": busiest,
                "limit": limit.requests,
                "window_s": limit.window_s,
                "documented": limit.documented,
                "within": busiest <= limit.requests,
            }
        )
    return rows


def table(runs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    rows = []
    for result in runs:
        answers = result["answers"]
        for host in result["hosts"]:
            if not host["requests"]:
                continue
            rows.append(
                {
                    "scenario": result["scenario"],
                    "virtual s": result["virtual_s"] if result["virtual_s"] is not None else "-",
                    "host": host["host"],
                    "requests": host["requests"],
                    "max in window": host["max_in_window"],
                    "limit": f"{host['limit']} / {host['window_s']:g} s",
                    "ok?": "yes" if host["within"] else "EXCEEDED",
                    "answers ok/degraded/failed": (
                        f"{answers['ok']}/{answers['degraded']}/{answers['failed']}"
                    ),
                }
            )
    return rows


def source_rows(runs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [
        {
            "scenario": result["scenario"],
            **{
                source: " / ".join(
                    f"{n} {state}" for state, n in sorted(result["sources"].get(source, {}).items())
                )
                or "-"
                for source in ALL_SOURCES
            },
        }
        for result in runs
        if result["sources"]
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--questions", type=int, default=100)
    parser.add_argument("--concurrency", type=int, default=50)
    parser.add_argument(
        "--real",
        action="store_true",
        help="Also run the questions on the real clock (300 ms a request, 30 s time-out; "
        "takes the time-out's length): what each source manages within the time-out.",
    )
    args = parser.parse_args()
    logging.getLogger("medcite").setLevel(logging.ERROR)  # the down sources' retries are expected
    if not API_FIXTURES.is_dir():
        sys.exit(f"needs the recorded API answers in {API_FIXTURES}")
    scenarios = (*SCENARIOS, REAL) if args.real else SCENARIOS
    runs = [run(s, args.questions, args.concurrency) for s in scenarios]
    print_table(
        f"{args.questions} questions, {args.concurrency} at a time (virtual clock)", table(runs)
    )
    print_table("What each source did (questions per state)", source_rows(runs))
    current = [r for r, s in zip(runs, scenarios, strict=True) if not s.limiter_per_client]
    exceeded = [r["scenario"] for r in current if not all(h["within"] for h in r["hosts"])]
    unnoted = [r["scenario"] for r in runs if r["answers"]["degraded"] != r["answers"]["noted"]]
    failed = [r["scenario"] for r in runs if r["answers"]["failed"]]
    late = {
        r["scenario"]: r["requests_after_deadline"] for r in runs if r["requests_after_deadline"]
    }
    real = [r for r in runs if r["virtual_s"] is None]
    for result in real:
        print(
            f"{result['scenario']}: {result['requests_after_answers']} requests after the last "
            f"answer (over {result['drained_after_answers_s']:.0f} s)"
        )
    print(f"requests after their question's deadline: {late or 'none'}")
    print(
        f"\nlimits exceeded: {exceeded or 'none'}; degraded without a note: {unnoted or 'none'}; "
        f"failed answers: {failed or 'none'} (the '(old)' row shows what per-client limiters did)"
    )
    write_json(
        "live_load", {"questions": args.questions, "concurrency": args.concurrency, "runs": runs}
    )


if __name__ == "__main__":
    main()
