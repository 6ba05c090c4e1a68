"""Bounded load test of `medcite serve` on 127.0.0.1: throughput, latency percentiles, errors, RSS.

    python benchmarks/load.py --index DIR     # an index of the sample corpora (scripts/demo.sh)
    python benchmarks/load.py                 # builds a temporary pubmed21n1298 + MedQuAD index
    python benchmarks/load.py --mode search   # GET /v1/search instead of POST /v1/answer

The server runs as `medcite serve --workers N` in its own process tree (rate limit off, audit log
in a temporary file, everything else as shipped), started afresh for each scenario and warmed up
with --warmup questions that are not in the measured list (PubMedQA), so no scenario inherits
another's cache. The measured list: 2,000 requests of real questions (755 distinct LiveQA and
MedicationQA questions, cycled, so 62% of requests repeat a question). Scenarios, in this order:

  saturation, no answer cache    20 closed-loop clients with zero think time (each sends its next
                  request the moment it has the answer) and MEDCITE_SERVER_ANSWER_CACHE_ENTRIES=0:
                  the capacity for computing answers; a queue by construction (latency ≈
                  clients / throughput, Little's law)
  1 client, no answer cache      one request at a time: the HTTP overhead alone
  saturation      the same 20 closed-loop clients with the answer cache on (as shipped)
  open loop at X% of capacity    Poisson arrivals (seeded) at X% (--loads, default 50% and 80%)
                  of the no-cache saturation throughput, i.e. a rate the server sustains even if
                  no question repeated; answer cache on; at most 20 requests in flight; latency
                  counts from the scheduled arrival, so waiting for a free client is included
  in-process      Engine.ask (or Engine.search) on the same 2,000-request list: every distinct
                  question timed once in this process (audit log on, as in the server), each
                  request given its question's time

The target (issue 7: 0 errors, p95 ≤ 4× the in-process p95) is judged on the first open-loop row
(50%); the saturation rows are reported as measured. RSS is the sum over the server's processes
(supervisor, workers, multiprocessing's resource tracker; a page of the mapped index counts once
per worker that touched it), sampled every 0.2 s.
Writes benchmarks/results/load.json.
"""

from __future__ import annotations

import argparse
import http.client
import itertools
import json
import os
import queue
import random
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

import httpx
import psutil

from common import (
    MEDQUAD_TAR,
    PUBMED_2021,
    liveqa_questions,
    medicationqa_questions,
    print_table,
    pubmedqa_questions,
    summary_ms,
    write_json,
)
from medcite import Engine
from medcite.config import Settings
from medcite.server.workers import default_workers

HOST = "127.0.0.1"
MAX_QUESTION_CHARS = 1000
CACHE_HEADER = "x-answer-cache"
TARGET_RATIO = 4.0
Job = tuple[float, str]
"""(scheduled start on the perf_counter clock, or 0.0 for "now"; question)."""


@dataclass
class Run:
    """What one load run measured."""

    latencies: list[float] = field(default_factory=list)
    errors: Counter[str] = field(default_factory=Counter)
    cache: Counter[str] = field(default_factory=Counter)
    seconds: float = 0.0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def record(self, seconds: float, error: str | None, cache: str | None) -> None:
        with self.lock:
            if error is None:
                self.latencies.append(seconds)
            else:
                self.errors[error] += 1
            if cache is not None:
                self.cache[cache] += 1


@dataclass
class Server:
    """A running `medcite serve` and the RSS of its processes."""

    root: psutil.Process
    base: str

    def processes(self) -> list[psutil.Process]:
        return [self.root, *self.root.children(recursive=True)]

    def rss(self) -> int:
        return self.memory()[0]

    def memory(self) -> tuple[int, int]:
        """(RSS, RSS without file-backed pages such as the mapped index: heap and stacks)."""
        rss = anon = 0
        for process in self.processes():
            try:
                info = process.memory_info()
            except psutil.NoSuchProcess:
                continue
            rss += info.rss
            anon += info.rss - info.shared
        return rss, anon


def questions() -> list[str]:
    found = [*liveqa_questions(), *medicationqa_questions()]
    return [q for q in dict.fromkeys(found) if 0 < len(q) <= MAX_QUESTION_CHARS]


def warmup_questions(n: int, measured: set[str]) -> list[str]:
    fresh = (q for q in pubmedqa_questions() if q not in measured)
    return list(itertools.islice(fresh, n))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


@contextmanager
def server_process(
    index: Path, workers: int, audit_log: Path, env_extra: dict[str, str]
) -> Iterator[Server]:
    """`medcite serve` in a child process; SIGTERM (graceful shutdown) when done."""
    port = free_port()
    command = [sys.executable, "-m", "medcite", "serve", "--host", HOST, "--port", str(port)]
    command += ["--index", str(index), "--audit-log", str(audit_log), "--workers", str(workers)]
    env = {**os.environ, "MEDCITE_SERVER_RATE_LIMIT_PER_MINUTE": "0", **env_extra}
    with tempfile.TemporaryFile("w+") as log:
        child = subprocess.Popen(command, stderr=log, env=env)
        try:
            base = f"http://{HOST}:{port}"
            wait_ready(base, child, log, workers)
            yield Server(psutil.Process(child.pid), base)
        finally:
            child.send_signal(signal.SIGTERM)
            child.wait(timeout=60)


def wait_ready(base: str, child: subprocess.Popen[bytes], log: Any, workers: int) -> None:
    """Until every worker has started (uvicorn logs one line per worker)."""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        log.seek(0)
        text = log.read()
        if child.poll() is not None:
            raise SystemExit(f"server exited:\n{text}")
        if text.count("Application startup complete") >= workers and ready(base):
            return
        time.sleep(0.2)
    raise SystemExit("server not ready after 120 s")


def ready(base: str) -> bool:
    try:
        return httpx.get(f"{base}/readyz", timeout=2).status_code == 200
    except httpx.TransportError:
        return False


@dataclass(frozen=True)
class Endpoint:
    """Where the load goes: the server's base URL, and answer or search requests."""

    base: str
    mode: str


class Client:
    """One keep-alive HTTP/1.1 connection (the standard library's: cheap per request, so the
    load generator takes as little as possible of the CPU it shares with the server)."""

    def __init__(self, endpoint: Endpoint) -> None:
        parsed = urllib.parse.urlsplit(endpoint.base)
        self.host, self.port = parsed.hostname or HOST, parsed.port or 80
        self.mode = endpoint.mode
        self.conn = http.client.HTTPConnection(self.host, self.port, timeout=60)

    def send(self, question: str) -> tuple[int, str | None]:
        """Status and X-Answer-Cache of one request (the body is read and dropped)."""
        if self.mode == "answer":
            body = json.dumps({"question": question})
            headers = {"Content-Type": "application/json"}
            self.conn.request("POST", "/v1/answer", body=body, headers=headers)
        else:
            query = urllib.parse.urlencode({"q": question, "k": 10})
            self.conn.request("GET", f"/v1/search?{query}")
        response = self.conn.getresponse()
        response.read()
        return response.status, response.getheader(CACHE_HEADER)

    def timed(self, job: Job, run: Run) -> None:
        scheduled, question = job
        started = scheduled or time.perf_counter()
        error, cache = None, None
        try:
            status, cache = self.send(question)
            error = None if status == 200 else f"HTTP {status}"
        except (OSError, http.client.HTTPException) as exc:
            error = type(exc).__name__
            self.reconnect()
        run.record(time.perf_counter() - started, error, cache)

    def reconnect(self) -> None:
        self.conn.close()
        self.conn = http.client.HTTPConnection(self.host, self.port, timeout=60)


def client_loop(
    endpoint: Endpoint, jobs: queue.Queue[Job | None], run: Run, deadline: float
) -> None:
    client = Client(endpoint)
    try:
        while time.monotonic() < deadline and (job := jobs.get()) is not None:
            client.timed(job, run)
    finally:
        client.conn.close()


def closed_loop(endpoint: Endpoint, pool: list[str], clients: int, max_seconds: float) -> Run:
    """``clients`` clients, each sending its next request as soon as it has an answer."""
    jobs: queue.Queue[Job | None] = queue.Queue()
    for question in pool:
        jobs.put((0.0, question))
    for _ in range(clients):
        jobs.put(None)
    return drive(endpoint, jobs, clients, max_seconds, lambda: None)


def open_loop(
    endpoint: Endpoint, pool: list[str], clients: int, rate: float, max_seconds: float
) -> Run:
    """Poisson arrivals at ``rate``/s (seeded), served by at most ``clients`` connections."""
    jobs: queue.Queue[Job | None] = queue.Queue()
    gaps = random.Random(7)

    def schedule() -> None:
        due = time.perf_counter()
        for question in pool:
            due += gaps.expovariate(rate)
            time.sleep(max(0.0, due - time.perf_counter()))
            jobs.put((due, question))
        for _ in range(clients):
            jobs.put(None)

    return drive(endpoint, jobs, clients, max_seconds, schedule)


def drive(
    endpoint: Endpoint,
    jobs: queue.Queue[Job | None],
    clients: int,
    max_seconds: float,
    producer: Callable[[], None],
) -> Run:
    run = Run()
    deadline = time.monotonic() + max_seconds
    threads = [
        threading.Thread(target=client_loop, args=(endpoint, jobs, run, deadline))
        for _ in range(clients)
    ]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    producer()
    for thread in threads:
        thread.join()
    run.seconds = time.perf_counter() - started
    unsent = sum(1 for job in drain(jobs) if job is not None)
    if unsent:
        run.errors["not sent (time limit)"] += unsent
    return run


def drain(jobs: queue.Queue[Job | None]) -> Iterator[Job | None]:
    while not jobs.empty():
        yield jobs.get_nowait()


@dataclass
class Memory:
    """The server's RSS over one scenario: before, after, peak (sampled every 0.2 s) and a
    timeline (about once a second)."""

    processes: int
    before: int
    before_anon: int
    after: int = 0
    after_anon: int = 0
    peak: int = 0
    timeline: list[tuple[float, float]] = field(default_factory=list)

    def at_half_time(self) -> float | None:
        """RSS (MB) when half the run had passed: flat from there means no leak."""
        if not self.timeline:
            return None
        half = self.timeline[-1][0] / 2
        return min(self.timeline, key=lambda point: abs(point[0] - half))[1]


@contextmanager
def sampling(server: Server) -> Iterator[Memory]:
    """Sample the server's RSS while the block runs."""
    memory = Memory(len(server.processes()), *server.memory())
    memory.peak = memory.before
    stop = threading.Event()

    def sample() -> None:
        started = time.monotonic()
        for tick in itertools.count(1):
            if stop.wait(0.2):
                return
            rss = server.rss()
            memory.peak = max(memory.peak, rss)
            if tick % 5 == 0:
                memory.timeline.append((round(time.monotonic() - started, 1), mb(rss)))

    thread = threading.Thread(target=sample, daemon=True)
    thread.start()
    try:
        yield memory
    finally:
        stop.set()
        thread.join()
        memory.after, memory.after_anon = server.memory()


def in_process(engine: Engine, mode: str, pool: list[str]) -> dict[str, float]:
    timings = {}
    for question in pool:
        started = time.perf_counter()
        if mode == "answer":
            engine.ask(question)
        else:
            engine.search(question, k=10)
        timings[question] = time.perf_counter() - started
    return timings


def mb(n: int) -> float:
    return round(n / 2**20, 1)


def build_index(folder: Path) -> Path:
    print(f"building a temporary index of {PUBMED_2021.name} + MedQuAD in {folder} …")
    report = Engine(folder).ingest([PUBMED_2021, MEDQUAD_TAR])
    if report.failed:
        raise SystemExit(f"ingest failed: {report.failed}")
    return folder


@dataclass
class Scenario:
    """One measured row: its run, and the server's memory while it ran (if it was HTTP)."""

    name: str
    run: Run
    memory: Memory | None = None
    note: str = ""


@dataclass
class Bench:
    """The settings of one benchmark run and what it has measured so far."""

    index: Path
    mode: str
    args: argparse.Namespace
    sequence: list[str]
    warmup: list[str]
    audit_dir: Path
    scenarios: list[Scenario] = field(default_factory=list)

    @contextmanager
    def server(self, name: str, cache: bool = True) -> Iterator[Server]:
        env = {} if cache else {"MEDCITE_SERVER_ANSWER_CACHE_ENTRIES": "0"}
        audit = self.audit_dir / f"{name}.sqlite3"
        with server_process(self.index, self.args.workers, audit, env) as server:
            closed_loop(Endpoint(server.base, self.mode), self.warmup, self.args.clients, 300)
            yield server

    def measure(self, name: str, server: Server, drive_run: Callable[[], Run]) -> Run:
        with sampling(server) as memory:
            run = drive_run()
        self.scenarios.append(Scenario(name, run, memory))
        return run


def http_scenarios(bench: Bench) -> None:
    args, seq = bench.args, bench.sequence
    label = f"{args.clients} closed-loop clients, no think time"
    with bench.server("no-cache", cache=False) as server:
        at = Endpoint(server.base, bench.mode)
        capacity = bench.measure(
            f"saturation, no answer cache: {label}",
            server,
            lambda: closed_loop(at, seq, args.clients, args.max_seconds),
        )
        single = seq[: args.single_requests]
        bench.measure(
            "1 client, no answer cache",
            server,
            lambda: closed_loop(at, single, 1, args.max_seconds),
        )
    with bench.server("saturation") as server:
        at = Endpoint(server.base, bench.mode)
        bench.measure(
            f"saturation: {label}",
            server,
            lambda: closed_loop(at, seq, args.clients, args.max_seconds),
        )
    for name, rate in open_loop_rates(args, len(capacity.latencies) / capacity.seconds):
        with bench.server("open-loop") as server:
            at = Endpoint(server.base, bench.mode)
            bench.measure(
                f"{name}: Poisson {rate:g} req/s, ≤ {args.clients} in flight",
                server,
                partial(open_loop, at, seq, args.clients, rate, args.max_seconds),
            )


def open_loop_rates(args: argparse.Namespace, capacity: float) -> list[tuple[str, float]]:
    """(name, rate) of the open-loop runs: --rate, or fractions of the no-cache capacity (the
    rate the server sustains even when no question repeats)."""
    if args.rate:
        return [("open loop", args.rate)]
    return [
        (f"open loop at {fraction:.0%} of capacity", round(fraction * capacity, 1))
        for fraction in args.loads
    ]


def in_process_scenario(bench: Bench) -> Scenario:
    call = "Engine.ask" if bench.mode == "answer" else "Engine.search"
    settings = Settings(index=bench.index, audit_log=bench.audit_dir / "in-process.sqlite3")
    engine = Engine(bench.index, settings)
    in_process(engine, bench.mode, bench.warmup)
    distinct = list(dict.fromkeys(bench.sequence))
    timings = in_process(engine, bench.mode, distinct)
    latencies = [timings[q] for q in bench.sequence]
    run = Run(latencies=latencies, seconds=sum(latencies))
    note = f"{len(distinct)} distinct questions timed once each"
    return Scenario(f"in-process {call}, same {len(bench.sequence):,} requests", run, note=note)


def row(scenario: Scenario, baseline_p95: float) -> dict[str, Any]:
    run = scenario.run
    stats = summary_ms(run.latencies) if run.latencies else {}
    p95 = stats.get("p95_ms")
    looked_up = run.cache["hit"] + run.cache["miss"]
    return {
        "scenario": scenario.name,
        "requests": len(run.latencies) + sum(run.errors.values()),
        "errors": sum(run.errors.values()),
        "req_per_s": round(len(run.latencies) / run.seconds, 1) if run.seconds else 0.0,
        **{k: stats.get(k) for k in ("p50_ms", "p95_ms", "p99_ms", "max_ms")},
        "p95_vs_in_process": round(p95 / baseline_p95, 2) if p95 else None,
        "cache_hits_pct": round(100 * run.cache["hit"] / looked_up, 1) if looked_up else None,
    }


def memory(scenario: Scenario) -> dict[str, Any]:
    used = scenario.memory
    assert used is not None
    return {
        "scenario": scenario.name,
        "processes": used.processes,
        "rss_mb": {
            "before": mb(used.before),
            "at_half_time": used.at_half_time(),
            "after": mb(used.after),
            "peak": mb(used.peak),
        },
        "anonymous_rss_mb": {"before": mb(used.before_anon), "after": mb(used.after_anon)},
        "rss_timeline_mb": used.timeline,
        "errors": dict(scenario.run.errors),
        "cache_headers": dict(scenario.run.cache),
    }


def benchmark(index: Path, args: argparse.Namespace) -> None:
    mode = args.mode if args.mode != "auto" else ("answer" if hasattr(Engine, "ask") else "search")
    pool = questions()
    sequence = list(itertools.islice(itertools.cycle(pool), args.requests))
    warm = warmup_questions(args.warmup, set(pool))
    with tempfile.TemporaryDirectory(prefix="medcite-load-audit-") as audit_dir:
        bench = Bench(index, mode, args, sequence, warm, Path(audit_dir))
        http_scenarios(bench)
        baseline = in_process_scenario(bench)
    report(bench, baseline, len(pool))


def report(bench: Bench, baseline: Scenario, distinct: int) -> None:
    args = bench.args
    baseline_p95 = summary_ms(baseline.run.latencies)["p95_ms"]
    rows = [row(s, baseline_p95) for s in [*bench.scenarios, baseline]]
    endpoint = "POST /v1/answer" if bench.mode == "answer" else "GET /v1/search"
    repeats = 100 * (1 - len(set(bench.sequence)) / len(bench.sequence))
    title = (
        f"{endpoint} on {HOST}, medcite serve --workers {args.workers}: {len(bench.sequence):,} "
        f"requests of {distinct} distinct real questions ({repeats:.0f}% repeats)"
    )
    print_table(title, rows)
    judged = next(r for r in rows if r["scenario"].startswith("open loop"))  # the first one
    met = judged["errors"] == 0 and (judged["p95_vs_in_process"] or 99) <= TARGET_RATIO
    print(f"\nin-process p95 on the same requests: {baseline_p95:.1f} ms")
    print(
        f"target (0 errors, p95 ≤ {TARGET_RATIO:g}× in-process), judged on the open-loop row: "
        f"{judged['p95_vs_in_process']}× → {'met' if met else 'NOT met'}"
    )
    memories = [memory(s) for s in bench.scenarios]
    for m in memories:
        rss = m["rss_mb"]
        print(
            f"RSS ({m['processes']} processes) {rss['before']} MB before, "
            f"{rss['at_half_time']} at half time, {rss['after']} after "
            f"(peak {rss['peak']}; without mapped files {m['anonymous_rss_mb']['before']} → "
            f"{m['anonymous_rss_mb']['after']}): {m['scenario']}"
        )
    write_json(
        "load",
        {
            "mode": bench.mode,
            "endpoint": endpoint,
            "index": str(bench.index),
            "workers": args.workers,
            "clients": args.clients,
            "requests": len(bench.sequence),
            "distinct_questions": distinct,
            "repeated_requests_pct": round(repeats, 1),
            "warmup_requests": len(bench.warmup),
            "targets": {"errors": 0, "p95_vs_in_process": TARGET_RATIO},
            "judged_on": judged["scenario"],
            "target_met": met,
            "in_process_p95_ms": baseline_p95,
            "rows": rows,
            "servers": memories,
        },
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--index", type=Path, help="index directory [default: build one]")
    parser.add_argument("--mode", choices=("auto", "answer", "search"), default="auto")
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument(
        "--workers", type=int, default=default_workers(), help="medcite serve --workers [cores]"
    )
    parser.add_argument("--rate", type=float, help="one open-loop run at this rate (req/s)")
    parser.add_argument(
        "--loads",
        type=lambda text: [float(x) for x in text.split(",")],
        default=[0.5, 0.8],
        help="open-loop rates as fractions of the no-cache capacity [0.5,0.8]; the first is "
        "the one the target is judged on",
    )
    parser.add_argument("--single-requests", type=int, default=200)
    parser.add_argument("--warmup", type=int, default=200, help="requests before measuring")
    parser.add_argument("--max-seconds", type=float, default=900.0, help="bound on each run")
    args = parser.parse_args()
    if args.index is not None:
        benchmark(args.index, args)
        return
    with tempfile.TemporaryDirectory(prefix="medcite-load-") as tmp:
        benchmark(build_index(Path(tmp) / "index"), args)


if __name__ == "__main__":
    main()
