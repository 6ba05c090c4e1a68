"""Bounded load test of `medcite serve` on 127.0.0.1: throughput, latency percentiles, errors, RSS.

    python benchmarks/load.py --index DIR     # an index of the sample corpora (scripts/demo.sh)
    python benchmarks/load.py                 # builds a temporary pubmed21n1298 + MedQuAD index
    python benchmarks/load.py --mode search   # GET /v1/search instead of POST /v1/answer

The server runs in its own process (rate limit off, everything else as shipped). 20 client threads
send 2,000 requests of real questions (LiveQA and MedicationQA, cycled) with keep-alive; the run is
bounded by --requests and --max-seconds. Reported: throughput, p50/p95/p99 latency, errors by kind,
the server's RSS before, after and at peak. Then the same questions are timed in-process, so the
server's cost can be read against ``Engine.ask`` (mode answer) or ``Engine.search`` (mode search),
once at full concurrency and once with a single client (HTTP overhead alone).
Writes benchmarks/results/load.json.
"""

from __future__ import annotations

import argparse
import itertools
import os
import queue
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
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
    summary_ms,
    write_json,
)
from medcite import Engine

HOST = "127.0.0.1"
MAX_QUESTION_CHARS = 1000


@dataclass
class Run:
    """What one load run measured."""

    latencies: list[float] = field(default_factory=list)
    errors: Counter[str] = field(default_factory=Counter)
    seconds: float = 0.0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def record(self, seconds: float, error: str | None) -> None:
        with self.lock:
            if error is None:
                self.latencies.append(seconds)
            else:
                self.errors[error] += 1


def questions() -> list[str]:
    found = [*liveqa_questions(), *medicationqa_questions()]
    return [q for q in dict.fromkeys(found) if 0 < len(q) <= MAX_QUESTION_CHARS]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


@contextmanager
def server_process(index: Path, port: int) -> Iterator[psutil.Process]:
    """`serve()` in a child process; SIGTERM (graceful shutdown) when done."""
    code = (
        "import sys; from medcite.server.app import serve; "
        "serve(sys.argv[1], int(sys.argv[2]), sys.argv[3])"
    )
    env = {**os.environ, "MEDCITE_SERVER_RATE_LIMIT_PER_MINUTE": "0"}
    with tempfile.TemporaryFile("w+") as log:
        child = subprocess.Popen(
            [sys.executable, "-c", code, HOST, str(port), str(index)], stderr=log, env=env
        )
        try:
            wait_ready(f"http://{HOST}:{port}", child, log)
            yield psutil.Process(child.pid)
        finally:
            child.send_signal(signal.SIGTERM)
            child.wait(timeout=30)


def wait_ready(base: str, child: subprocess.Popen[bytes], log: Any) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if child.poll() is not None:
            log.seek(0)
            raise SystemExit(f"server exited:\n{log.read()}")
        try:
            if httpx.get(f"{base}/readyz", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            time.sleep(0.1)
    raise SystemExit("server not ready after 60 s")


def request_for(mode: str) -> Callable[[httpx.Client, str], httpx.Response]:
    if mode == "answer":
        return lambda http, q: http.post("/v1/answer", json={"question": q})
    return lambda http, q: http.get("/v1/search", params={"q": q, "k": 10})


def worker(
    base: str,
    jobs: queue.Queue[str],
    send: Callable[..., httpx.Response],
    run: Run,
    deadline: float,
) -> None:
    with httpx.Client(base_url=base, timeout=60) as http:
        while time.monotonic() < deadline:
            try:
                question = jobs.get_nowait()
            except queue.Empty:
                return
            started = time.perf_counter()
            try:
                response = send(http, question)
                error = None if response.status_code == 200 else f"HTTP {response.status_code}"
            except httpx.HTTPError as exc:
                error = type(exc).__name__
            run.record(time.perf_counter() - started, error)


def load(
    base: str, mode: str, pool: list[str], *, requests: int, clients: int, max_seconds: float
) -> Run:
    jobs: queue.Queue[str] = queue.Queue()
    for question in itertools.islice(itertools.cycle(pool), requests):
        jobs.put(question)
    run, send = Run(), request_for(mode)
    deadline = time.monotonic() + max_seconds
    threads = [
        threading.Thread(target=worker, args=(base, jobs, send, run, deadline))
        for _ in range(clients)
    ]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    run.seconds = time.perf_counter() - started
    unsent = jobs.qsize()
    if unsent:
        run.errors["not sent (time limit)"] += unsent
    return run


class RssSampler:
    """The server's RSS every 0.2 s while a run lasts."""

    def __init__(self, process: psutil.Process) -> None:
        self.process = process
        self.peak = process.memory_info().rss
        self.timeline: list[tuple[float, float]] = []
        """(seconds into the run, RSS MB), about once a second."""
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self) -> None:
        started = time.monotonic()
        for tick in itertools.count(1):
            if self._stop.wait(0.2):
                return
            rss = self.process.memory_info().rss
            self.peak = max(self.peak, rss)
            if tick % 5 == 0:
                self.timeline.append((round(time.monotonic() - started, 1), mb(rss)))

    def __enter__(self) -> RssSampler:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        self._thread.join()


def in_process(engine: Engine, mode: str, pool: list[str]) -> list[float]:
    timings = []
    for question in pool:
        started = time.perf_counter()
        if mode == "answer":
            engine.ask(question)
        else:
            engine.search(question, k=10)
        timings.append(time.perf_counter() - started)
    return timings


def row(name: str, run: Run) -> dict[str, Any]:
    stats = summary_ms(run.latencies) if run.latencies else {}
    return {
        "scenario": name,
        "requests": len(run.latencies) + sum(run.errors.values()),
        "errors": sum(run.errors.values()),
        "req_per_s": round(len(run.latencies) / run.seconds, 1) if run.seconds else 0.0,
        **{k: stats.get(k) for k in ("p50_ms", "p95_ms", "p99_ms", "max_ms")},
    }


def mb(n: int) -> float:
    return round(n / 2**20, 1)


def build_index(folder: Path) -> Path:
    print(f"building a temporary index of {PUBMED_2021.name} + MedQuAD in {folder} …")
    report = Engine(folder).ingest([PUBMED_2021, MEDQUAD_TAR])
    if report.failed:
        raise SystemExit(f"ingest failed: {report.failed}")
    return folder


def benchmark(index: Path, args: argparse.Namespace) -> None:
    mode = args.mode if args.mode != "auto" else ("answer" if hasattr(Engine, "ask") else "search")
    pool = questions()
    port = free_port()
    base = f"http://{HOST}:{port}"
    with server_process(index, port) as server:
        warm = args.warmup  # fills the engine's caches so that RSS "before" is the steady state
        load(base, mode, pool[-warm:], requests=warm, clients=args.clients, max_seconds=300)
        rss_before = server.memory_info().rss
        with RssSampler(server) as sampler:
            main_run = load(
                base,
                mode,
                pool,
                requests=args.requests,
                clients=args.clients,
                max_seconds=args.max_seconds,
            )
        rss_after = server.memory_info().rss
        single = load(
            base,
            mode,
            pool,
            requests=args.single_requests,
            clients=1,
            max_seconds=args.max_seconds,
        )
    engine = Engine(index)
    in_process(engine, mode, pool[:3])  # open the index (and vocabulary) outside the timing
    baseline = in_process(engine, mode, pool[: args.single_requests])
    rss = (rss_before, rss_after, sampler.peak)
    results = Results(mode, index, len(pool), main_run, single, baseline, rss, sampler.timeline)
    report(results, args)


@dataclass
class Results:
    mode: str
    index: Path
    distinct_questions: int
    main_run: Run
    single: Run
    baseline: list[float]
    rss: tuple[int, int, int]
    rss_timeline: list[tuple[float, float]]


def report(results: Results, args: argparse.Namespace) -> None:
    mode, main_run, single, baseline, rss = (
        results.mode,
        results.main_run,
        results.single,
        results.baseline,
        results.rss,
    )
    call = "Engine.ask" if mode == "answer" else "Engine.search"
    rows = [
        row(f"HTTP, {args.clients} clients", main_run),
        row("HTTP, 1 client", single),
        {
            "scenario": f"in-process {call}",
            "requests": len(baseline),
            "errors": 0,
            "req_per_s": round(len(baseline) / sum(baseline), 1),
            **summary_ms(baseline),
        },
    ]
    for r in rows:
        r.pop("mean_ms", None)
        r.pop("n", None)
    endpoint = "POST /v1/answer" if mode == "answer" else "GET /v1/search"
    title = f"{endpoint} on {HOST} ({results.distinct_questions} distinct real questions)"
    print_table(title, rows)
    ratio = rows[0]["p95_ms"] / rows[2]["p95_ms"] if rows[0]["p95_ms"] else float("nan")
    ratio_single = rows[1]["p95_ms"] / rows[2]["p95_ms"] if rows[1]["p95_ms"] else float("nan")
    print(
        f"\np95 vs in-process: {ratio:.1f}× at {args.clients} clients, {ratio_single:.1f}× with 1"
    )
    print(f"server RSS: {mb(rss[0])} MB before, {mb(rss[1])} MB after, {mb(rss[2])} MB peak")
    if main_run.errors:
        print(f"errors: {dict(main_run.errors)}")
    write_json(
        "load",
        {
            "mode": mode,
            "endpoint": endpoint,
            "index": str(results.index),
            "clients": args.clients,
            "distinct_questions": results.distinct_questions,
            "targets": {"errors": 0, "p95_vs_in_process": 4.0},
            "rows": rows,
            "errors": dict(main_run.errors),
            "p95_vs_in_process": {
                "clients": round(ratio, 2),
                "single_client": round(ratio_single, 2),
            },
            "rss_mb": {"before": mb(rss[0]), "after": mb(rss[1]), "peak": mb(rss[2])},
            "rss_timeline_mb": results.rss_timeline,
            "warmup_requests": args.warmup,
        },
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--index", type=Path, help="index directory [default: build one]")
    parser.add_argument("--mode", choices=("auto", "answer", "search"), default="auto")
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--clients", type=int, default=20)
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
