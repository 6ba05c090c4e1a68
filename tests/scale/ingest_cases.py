"""What the parallel-ingest tests share: the inputs, a single-process reference, comparisons,
and finding / killing the worker processes this test process started."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import psutil

from medcite import Engine
from medcite.config import SemanticSettings, Settings
from medcite.index.shards import read_layout, shard_of
from medcite.index.tantivy_index import TantivyIndex

ROOT = Path(__file__).resolve().parents[2]
MINI = ROOT / "tests" / "fixtures" / "mini-corpora"
INPUTS = (
    MINI / "pubmed-xml" / "pubmed21n1298-cut.xml.gz",
    MINI / "pubmed-xml" / "pubmed20n0014-cut.xml.gz",
    MINI / "pubmed-xml" / "test_current_medline.xml.gz",
    MINI / "pubmed-xml" / "pubmed-29768149.xml",
    MINI / "medquad" / "MedQuAD-cut.tar.gz",
    MINI / "pubmedqa" / "ori_pqal-cut.json",
)
"""Every format the sample ingests, PubMed article sets (cut into units) and whole files."""
SMALL_UNITS = 16 << 10
"""Unit size for the tests: a mini PubMed file becomes several units."""
SETTINGS = Settings(semantic=SemanticSettings(enabled=False))


def single_process(index: Path, paths: list[Path]) -> dict[str, str]:
    """The reference: today's single-process ingest of ``paths`` (id → stored record digest)."""
    Engine(index, SETTINGS).ingest(paths)
    return contents(index)


def contents(root: Path) -> dict[str, str]:
    """Every document of the index at ``root`` (one shard or many): id → sha256 of its stored
    record; also checks each document sits in the shard its id routes to."""
    layout = read_layout(root)
    found: dict[str, str] = {}
    for number, path in enumerate(layout.paths()):
        for doc_id, stored in TantivyIndex.open(path).stored_records():
            assert shard_of(doc_id, layout.count) == number, f"{doc_id} in the wrong shard"
            assert doc_id not in found, f"{doc_id} twice"
            found[doc_id] = hashlib.sha256(stored).hexdigest()
    return found


def kill_when_seen(
    is_target: Callable[[psutil.Process], bool], done: Callable[[], bool], timeout: float = 120
) -> int | None:
    """SIGKILL the first descendant of this process that ``is_target`` accepts (polled every
    10 ms until ``done``); its pid, or None when none was seen in time."""
    me = psutil.Process()
    deadline = time.monotonic() + timeout
    while not done() and time.monotonic() < deadline:
        for proc in me.children(recursive=True):
            try:
                if is_target(proc):
                    os.kill(proc.pid, signal.SIGKILL)
                    return proc.pid
            except psutil.Error:
                continue
        time.sleep(0.01)
    return None


def medcite_cli(*args: str, env: dict[str, str]) -> subprocess.Popen[str]:
    """``python -m medcite ARGS`` as a child process (stderr captured)."""
    return subprocess.Popen(
        [sys.executable, "-m", "medcite", *args],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, **env},
    )


def kill_midway(process: subprocess.Popen[str], index: Path, timeout: float = 120) -> bool:
    """SIGKILL ``process`` once the index at ``index`` has a first commit (True), or let it
    finish when it never had one in time (False)."""
    deadline = time.monotonic() + timeout
    while process.poll() is None and time.monotonic() < deadline:
        if any(index.rglob("meta.json")) and any(index.rglob("*.store")):
            process.send_signal(signal.SIGKILL)
            process.wait()
            return True
        time.sleep(0.02)
    process.wait(timeout=timeout)
    return False


def wait_gone(pids: list[int], timeout: float = 20) -> list[int]:
    """The processes of ``pids`` still alive after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    alive = pids
    while alive and time.monotonic() < deadline:
        alive = [p for p in alive if psutil.pid_exists(p) and not _zombie(p)]
        time.sleep(0.1)
    return alive


def _zombie(pid: int) -> bool:
    try:
        return psutil.Process(pid).status() == psutil.STATUS_ZOMBIE
    except psutil.Error:
        return True


def half_sent_result() -> None:
    """Run in a process-pool worker: write the start of a result message to the pool's results
    pipe and die, as a worker killed while sending a result does."""
    import struct

    frame = sys._getframe()
    while frame is not None and "result_queue" not in frame.f_locals:
        frame = frame.f_back  # up to the executor's worker loop, which holds the queue
    assert frame is not None
    writer = frame.f_locals["result_queue"]._writer
    os.write(writer.fileno(), struct.pack("!i", 1_000_000) + b"x" * 16)
    os._exit(1)
