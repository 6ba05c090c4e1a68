"""Ingest throughput (records/s) and peak RSS, each corpus in a fresh child process and index.

    python benchmarks/ingest.py                  # pubmed21n1298, medquad, pubmed20n0014, all three
    python benchmarks/ingest.py --only pubmed21  # one corpus

The ingest runs with the default settings: when the semantic model is installed that includes
embedding every new document for dense retrieval (``Engine.ingest``), so the figures are ingest +
embedding. cpu_s is the CPU time of all the ingest's threads (Python, the parse and read-ahead
threads, tantivy's indexing threads); ceiling_per_s = records / cpu_s × cores is the rate the
same work could reach if every core were busy all the time — an upper bound for any threading of
it.

Prints a table and writes benchmarks/results/ingest.json.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from common import MEDQUAD_TAR, PUBMED_1977, PUBMED_2021, print_table, write_json

CORPORA: dict[str, list[Path]] = {
    "pubmed21n1298": [PUBMED_2021],
    "medquad": [MEDQUAD_TAR],
    "pubmed20n0014": [PUBMED_1977],
    "all three": [PUBMED_2021, MEDQUAD_TAR, PUBMED_1977],
}

CORES = os.cpu_count() or 1

CHILD = """
import json, sys, time
from medcite import Engine
paths, index = json.loads(sys.argv[1]), sys.argv[2]
started, cpu_started = time.perf_counter(), time.process_time()
report = Engine(index).ingest(paths)
seconds, cpu = time.perf_counter() - started, time.process_time() - cpu_started
print(json.dumps({"seconds": seconds, "cpu": cpu, "added": report.added, "deleted": report.deleted,
                  "unchanged": report.unchanged, "skipped": report.skipped,
                  "failed": len(report.failed)}))
"""


def run_one(name: str, paths: list[Path]) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="medcite-bench-") as tmp:
        args = [sys.executable, "-c", CHILD, json.dumps([str(p) for p in paths]), tmp]
        started = time.perf_counter()
        proc = subprocess.Popen(args, stdout=subprocess.PIPE, text=True)
        _pid, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - started
        out = proc.stdout.read() if proc.stdout else ""
        if status != 0:
            raise SystemExit(f"ingest of {name} failed (status {status})")
        result = json.loads(out.strip().splitlines()[-1])
        size = sum(f.stat().st_size for f in Path(tmp).rglob("*") if f.is_file())
    records = result["added"] + result["unchanged"] + result["deleted"] + result["skipped"]
    return {
        "corpus": name,
        "records": records,
        "documents": result["added"],
        "skipped": result["skipped"],
        "ingest_s": round(result["seconds"], 2),
        "records_per_s": round(records / result["seconds"]),
        "cpu_s": round(result["cpu"], 2),
        "cpu_us_per_record": round(1e6 * result["cpu"] / records),
        "ceiling_per_s": round(records / result["cpu"] * CORES),
        "process_wall_s": round(wall, 2),
        "peak_rss_mb": round(usage.ru_maxrss / 1024, 1),
        "index_mb": round(size / 1e6, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", help="substring of a corpus name to run alone")
    args = parser.parse_args()
    chosen = {k: v for k, v in CORPORA.items() if not args.only or args.only in k}
    rows = [run_one(name, paths) for name, paths in chosen.items()]
    print_table("Ingest (one process, fresh index each)", rows)
    write_json("ingest", {"targets": {"records_per_s": 8000, "peak_rss_mb": 400}, "rows": rows})


if __name__ == "__main__":
    main()
