"""Parallel ingest (issue 16): records/s and CPU per record, one process vs N workers vs Ray.

    python benchmarks/scale_ingest.py                 # every configuration, 3 runs each
    python benchmarks/scale_ingest.py --repeat 1 --only ray
    python benchmarks/scale_ingest.py --exact 'one process;--workers 2;ray, 2 CPUs'

Each run ingests pubmed21n1298.xml.gz into a fresh index in a child process; the
configurations take turns, round after round, so the machine's other load hits them alike; each
run first waits (up to --quiet-wait seconds) until the cores have been idle for a second, and a
run during which other processes used more than --max-other cores is run again (up to 5 times).
The CPU counted is that of every process of the run: the child, its worker processes (the
forkserver and its children) and, for Ray, the whole local cluster it starts (GCS, raylet,
workers, actors), sampled with psutil every 50 ms from outside between the child's START and END
marks (the child starts Ray and warms its workers before START: a cluster is long-lived, its
start-up is not ingest; it is reported apart, as cluster_start_s, with records_per_s_with_start
counting it, which is what `medcite ingest --ray local` costs on a machine without a running
cluster). The writer actors an ingest creates are counted (they are started by each ingest).
records_per_cpu_s is what one core does; efficiency compares it with
the one-worker run of the same path; pct_of_ceiling compares records/s with the one-process CPU
cost spread over every core.

Targets (issue 16): records per CPU-second with N workers ≥ 90% of one worker's; 2 workers
≥ 95% of the 2-core ceiling (≈ 5,300 records/s); Ray within 15% of local --workers; the
single-process path keeps ≈ 4,610 records/s. Prints a table, writes
benchmarks/results/scale_ingest.json.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import psutil

from common import PUBMED_2021, print_table, write_json

CORES = os.cpu_count() or 1
SAMPLE_S = 0.05
QUIET_IDLE = 0.9
"""A run starts once the machine's cores have been at least this idle for QUIET_S seconds."""
QUIET_S = 1.0
TARGET_2_WORKERS = 5300
"""records/s: 95% of the 2-core ceiling of the one-process CPU cost (358 µs per record)."""


@dataclass(frozen=True)
class Config:
    name: str
    path: str
    """single | local | ray"""
    workers: int
    shards: int = 1


CONFIGS = (
    Config("one process", "single", 1),
    Config("--workers 1", "local", 1),
    Config("--workers 2", "local", 2),
    Config("--workers 2 --shards 4", "local", 2, 4),
    Config("ray, 1 CPU", "ray", 1),
    Config("ray, 2 CPUs", "ray", 2),
    Config("ray, 2 CPUs, 4 shards", "ray", 2, 4),
)

CHILD = """
import json, sys, time, logging
from medcite import Engine
from medcite.config import SemanticSettings, Settings

def main():
    config, paths, index = json.loads(sys.argv[1]), json.loads(sys.argv[2]), sys.argv[3]
    cluster_start = 0.0
    kwargs = {"shards": config["shards"]} if config["shards"] > 1 else {}
    if config["path"] == "local":
        kwargs["workers"] = config["workers"]
    if config["path"] == "ray":
        import ray
        booting = time.perf_counter()
        ray.init(num_cpus=config["workers"], include_dashboard=False, logging_level=logging.ERROR,
                 log_to_driver=False)
        warm = ray.remote(lambda: __import__("medcite.scale.ingest_work") and 0)
        ray.get([warm.remote() for _ in range(4 * config["workers"])])
        cluster_start = time.perf_counter() - booting
        kwargs["ray_address"] = "local"
    engine = Engine(index, Settings(semantic=SemanticSettings(enabled=False)))
    print("START", flush=True)
    started = time.perf_counter()
    report = engine.ingest(paths, **kwargs)
    seconds = time.perf_counter() - started
    print("END " + json.dumps({"seconds": seconds, "cluster_start_s": cluster_start,
          "added": report.added,
          "deleted": report.deleted, "skipped": report.skipped,
          "failed": len(report.failed)}), flush=True)

if __name__ == "__main__":
    main()
"""


class TreeMonitor:
    """CPU seconds and RSS of a process and all its descendants, sampled from outside."""

    def __init__(self, pid: int) -> None:
        self._root = psutil.Process(pid)
        self.cpu: dict[tuple[int, float], float] = {}
        self.peak_rss = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, daemon=True)
        self._thread.start()

    def sample(self) -> dict[tuple[int, float], float]:
        try:
            procs = [self._root, *self._root.children(recursive=True)]
        except psutil.Error:
            procs = []
        rss = 0
        for proc in procs:
            try:
                with proc.oneshot():
                    times = proc.cpu_times()
                    key = (proc.pid, proc.create_time())
                    rss += proc.memory_info().rss
            except psutil.Error:
                continue
            self.cpu[key] = times.user + times.system
        self.peak_rss = max(self.peak_rss, rss)
        return dict(self.cpu)

    def _loop(self) -> None:
        while not self._stop.wait(SAMPLE_S):
            self.sample()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()


def wait_quiet(max_wait: float) -> float:
    """Wait until every core has been ≥ 90% idle for a second (other sessions' jobs on the same
    machine); the seconds waited (gives up after ``max_wait``)."""
    waited = 0.0
    while waited < max_wait:
        idle = 1 - psutil.cpu_percent(interval=QUIET_S) / 100
        if idle >= QUIET_IDLE:
            break
        waited += QUIET_S
    return waited


def run_once(config: Config, paths: list[Path]) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="medcite-scale-") as tmp:
        args = [
            sys.executable,
            "-c",
            CHILD,
            json.dumps(config.__dict__),
            json.dumps([str(p) for p in paths]),
            str(Path(tmp) / "index"),
        ]
        proc = subprocess.Popen(args, stdout=subprocess.PIPE, text=True)
        monitor = TreeMonitor(proc.pid)
        assert proc.stdout is not None
        before: dict[tuple[int, float], float] = {}
        result: dict[str, Any] = {}
        for line in proc.stdout:
            if line.startswith("START"):
                before = monitor.sample()
                busy_before = _busy_seconds()
                monitor.peak_rss = 0
            elif line.startswith("END "):
                after = monitor.sample()
                busy_after = _busy_seconds()
                result = json.loads(line[4:])
        monitor.stop()
        if proc.wait() != 0 or not result:
            raise SystemExit(f"{config.name}: the ingest failed (exit {proc.returncode})")
        size = sum(f.stat().st_size for f in Path(tmp).rglob("*") if f.is_file())
    cpu = sum(value - before.get(key, 0.0) for key, value in after.items())
    records = result["added"] + result["deleted"] + result["skipped"]
    return {
        "seconds": result["seconds"],
        "cluster_start_s": result["cluster_start_s"],
        "records": records,
        "cpu_s": cpu,
        "peak_rss_mb": monitor.peak_rss / 1e6,
        "index_mb": size / 1e6,
        "load_1m": os.getloadavg()[0],
        "other_cores": max(0.0, (busy_after - busy_before - cpu) / result["seconds"]),
    }


def _busy_seconds() -> float:
    """CPU seconds the whole machine has been busy (every process, every core)."""
    times = psutil.cpu_times()
    return float(sum(times) - times.idle - getattr(times, "iowait", 0.0))


def summarise(config: Config, runs: list[dict[str, Any]]) -> dict[str, Any]:
    """The median run by records/s, with the median CPU per record of all runs."""
    by_rate = sorted(runs, key=lambda r: r["records"] / r["seconds"])
    mid = by_rate[len(by_rate) // 2]
    records = mid["records"]
    cpu_us = statistics.median(1e6 * r["cpu_s"] / r["records"] for r in runs)
    return {
        "config": config.name,
        "path": config.path,
        "workers": config.workers,
        "shards": config.shards,
        "records": records,
        "seconds": round(mid["seconds"], 2),
        "records_per_s": round(records / mid["seconds"]),
        "best_records_per_s": round(max(r["records"] / r["seconds"] for r in runs)),
        "cluster_start_s": round(statistics.median(r["cluster_start_s"] for r in runs), 2),
        "records_per_s_with_start": round(
            statistics.median(r["records"] / (r["seconds"] + r["cluster_start_s"]) for r in runs)
        ),
        "cpu_us_per_record": round(cpu_us),
        "records_per_cpu_s": round(1e6 / cpu_us),
        "peak_rss_mb": round(mid["peak_rss_mb"]),
        "index_mb": round(mid["index_mb"], 1),
        "load_1m": round(mid["load_1m"], 1),
        "runs": [{k: round(v, 3) for k, v in r.items()} for r in runs],
    }


def compare(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """The issue's ratios, from the rows that exist."""
    by = {row["config"]: row for row in rows}
    out: dict[str, Any] = {}
    single = by.get("one process")
    if single:
        out["ceiling_per_s"] = round(single["records_per_cpu_s"] * CORES)
    for path, one, two in (
        ("local", "--workers 1", "--workers 2"),
        ("ray", "ray, 1 CPU", "ray, 2 CPUs"),
    ):
        if one in by and two in by:
            ratio = by[two]["records_per_cpu_s"] / by[one]["records_per_cpu_s"]
            out[f"{path}_efficiency_2_vs_1"] = round(ratio, 3)
        if two in by and single:
            out[f"{path}_2_pct_of_ceiling"] = round(
                100 * by[two]["records_per_s"] / out["ceiling_per_s"], 1
            )
    if "--workers 2" in by:
        out["local_2_vs_5300"] = round(by["--workers 2"]["records_per_s"] / TARGET_2_WORKERS, 3)
    if "--workers 2" in by and "ray, 2 CPUs" in by:
        ray_rate = by["ray, 2 CPUs"]["records_per_s"]
        out["ray_vs_local_2"] = round(ray_rate / by["--workers 2"]["records_per_s"], 3)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--only", help="run only configurations whose name contains one of these (comma-separated)"
    )
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument(
        "--max-other",
        type=float,
        default=0.15,
        help="run again (up to 5 times) when other processes used more than this many cores "
        "on average during a run",
    )
    parser.add_argument(
        "--quiet-wait",
        type=float,
        default=120,
        help="before each run, wait up to this many seconds for idle cores (0: do not wait)",
    )
    parser.add_argument(
        "--exact",
        help="run only the configurations of these exact names (semicolon-separated: "
        "names contain commas)",
    )
    args = parser.parse_args()
    if args.exact:
        names = [name.strip() for name in args.exact.split(";")]
        unknown = sorted(set(names) - {c.name for c in CONFIGS})
        if unknown:
            parser.error(f"no configuration named {unknown}; known: {[c.name for c in CONFIGS]}")
        chosen = [c for c in CONFIGS if c.name in names]
    else:
        wanted = args.only.split(",") if args.only else [""]
        chosen = [c for c in CONFIGS if any(part in c.name for part in wanted)]
    runs: dict[str, list[dict[str, Any]]] = {c.name: [] for c in chosen}
    for round_ in range(args.repeat):  # configurations alternate: other load hits all alike
        for config in chosen:
            for _attempt in range(5):
                waited = wait_quiet(args.quiet_wait) if args.quiet_wait else 0.0
                run = run_once(config, [PUBMED_2021])
                run["waited_s"] = waited
                if run["other_cores"] <= args.max_other:
                    break
                print(
                    f"round {round_ + 1}, {config.name}: other processes used "
                    f"{run['other_cores']:.2f} cores during the run; running it again",
                    file=sys.stderr,
                )
            runs[config.name].append(run)
            rate = run["records"] / run["seconds"]
            print(
                f"round {round_ + 1}, {config.name}: {rate:,.0f} records/s "
                f"({1e6 * run['cpu_s'] / run['records']:.0f} CPU-µs per record, "
                f"load {run['load_1m']:.1f}, other processes {run['other_cores']:.2f} cores, "
                f"waited {waited:.0f} s for idle cores)",
                file=sys.stderr,
            )
    rows = [summarise(config, runs[config.name]) for config in chosen]
    table = [{k: v for k, v in row.items() if k != "runs"} for row in rows]
    print_table(f"Parallel ingest of {PUBMED_2021.name} ({CORES} cores)", table)
    ratios = compare(rows)
    print(json.dumps(ratios, indent=2))
    write_json(
        "scale_ingest",
        {
            "file": PUBMED_2021.name,
            "cores": CORES,
            "targets": {
                "efficiency_2_vs_1": 0.9,
                "local_2_pct_of_ceiling": 95,
                "records_per_s_2_workers": TARGET_2_WORKERS,
                "ray_vs_local_2": 0.85,
                "single_records_per_s": 4610,
            },
            "ratios": ratios,
            "rows": rows,
        },
    )


if __name__ == "__main__":
    main()
