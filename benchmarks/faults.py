"""Fault injection against the real ``medcite`` command (issue 13 §5).

    python benchmarks/faults.py               # every case, ≈ 4 minutes on 2 cores
    python benchmarks/faults.py --kills 5     # fewer kill points

Every case runs the CLI as a subprocess (``python -m medcite``) and reads its exit code and
stderr: a Python traceback anywhere counts against the target, and so does Rust's panic text.
"Data lost" means a file that existed before the case is gone or changed afterwards (the audit log
excepted, which `ask` appends to), or, for ingest cases, that the index no longer holds what a
clean ingest gives. Cases:

- kill -9 during `medcite ingest` at N seeded random moments, then the same ingest again: the
  index must be identical to a clean ingest (document ids and a hash of each stored record);
- bytes overwritten inside each tantivy file type, a truncated file, damaged metadata: `search`,
  `ask` and `index info`, and whether `Engine.verify()` (checksums) finds the damage;
- the SQLite stores: a damaged vocabulary, audit log and HTTP cache;
- a read-only index folder (a read-only bind mount when running as root, chmod otherwise);
- a full disk (a 4 MB tmpfs when mountable, otherwise RLIMIT_FSIZE in the child);
- the network down (a refused port; a server closing mid-answer) and a 429 storm (every request
  answered 429 with Retry-After) for `ask --source live` and `--source auto`.

Targets (issue 13): 0 tracebacks, 0 data lost, 20/20 kill-and-rerun identical.
Writes benchmarks/results/faults.json.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import resource
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from common import CORPORA, print_table, write_json
from medcite import Engine
from medcite.config import SemanticSettings, Settings
from medcite.errors import IndexError_
from medcite.index.tantivy_index import TantivyIndex

PUBMED = CORPORA / "pubmed-xml" / "medline16n0902.xml.gz"
"""604 MEDLINE records: small enough for 20 kill-and-rerun rounds in a couple of minutes."""
BIG_PUBMED = CORPORA / "pubmed-xml" / "pubmed21n1298.xml.gz"
MESH_TERMS = CORPORA / "mesh" / "mesh2021_descriptor_terms.tsv.gz"
MESH_TREES = CORPORA / "mesh" / "mesh2021_descriptor_trees.tsv.gz"
QUESTION = "what causes fever"
SEGMENT_FILES = ("store", "fast", "idx", "term", "pos", "fieldnorm")
COMMIT_EVERY = "50"
TIMEOUT_S = 300
MESSAGE_CHARS = 110


@dataclass
class Run:
    """One CLI run: the command, its exit code and stderr."""

    command: str
    code: int
    stderr: str
    seconds: float

    @property
    def traceback(self) -> bool:
        return "Traceback (most recent call last)" in self.stderr

    @property
    def panic_text(self) -> bool:
        return "panicked at" in self.stderr

    @property
    def message(self) -> str:
        lines = [ln.strip() for ln in self.stderr.splitlines() if ln.strip()]
        errors = [ln for ln in lines if ln.startswith("error:")]
        warnings = [ln for ln in lines if ln.startswith("WARNING")]
        return (errors or warnings or lines[-1:] or [""])[0]


@dataclass
class Case:
    name: str
    runs: list[Run] = field(default_factory=list)
    data_lost: bool | None = None
    detail: str = ""

    def row(self, work: Path) -> dict[str, Any]:
        messages = [r.message for r in self.runs if r.message]
        message = next((m for m in messages if m.startswith("error:")), "")
        message = (message or next(iter(messages), "")).replace(str(work), "$TMP")
        return {
            "case": self.name,
            "exit codes": _exit_codes(self.runs),
            "message": _short(message),
            "traceback": _yes(any(r.traceback for r in self.runs)),
            "panic text": _yes(any(r.panic_text for r in self.runs)),
            "data lost": "n/a" if self.data_lost is None else _yes(self.data_lost),
            "detail": self.detail,
        }


def _exit_codes(runs: Sequence[Run]) -> str:
    """``search=0 ask=3``; repeats counted (``ingest=0 ×21``)."""
    counts: dict[str, int] = {}
    for run in runs:
        key = f"{run.command}={run.code}"
        counts[key] = counts.get(key, 0) + 1
    return " ".join(key if n == 1 else f"{key} ×{n}" for key, n in counts.items())


def _yes(flag: bool) -> str:
    return "yes" if flag else "no"


def _short(text: str) -> str:
    return text if len(text) <= MESSAGE_CHARS else text[: MESSAGE_CHARS - 1] + "…"


# --- running the CLI ----------------------------------------------------------------------------


def base_env(work: Path) -> dict[str, str]:
    """A user's environment: no RUST_BACKTRACE, semantic off (no model load), a private cache."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("MEDCITE_", "RUST_"))}
    env.update(
        MEDCITE_SEMANTIC__ENABLED="false",
        MEDCITE_INDEX_SETTINGS__COMMIT_EVERY=COMMIT_EVERY,
        MEDCITE_LIVE__HTTP__CACHE_PATH=str(work / "http-cache.sqlite3"),
        MEDCITE_LIVE__HTTP__BACKOFF_BASE_S="0.2",
    )
    return env


def medcite(
    args: Sequence[str],
    env: dict[str, str],
    label: str = "",
    preexec: Callable[[], None] | None = None,
) -> Run:
    started = time.perf_counter()
    command = [sys.executable, "-m", "medcite", *args]
    try:
        done = subprocess.run(
            command,
            env=env,
            capture_output=True,
            text=True,
            timeout=TIMEOUT_S,
            preexec_fn=preexec,
            check=False,
        )
        code, stderr = done.returncode, done.stderr
    except subprocess.TimeoutExpired as exc:
        code, stderr = -1, f"timed out after {TIMEOUT_S} s: {exc.stderr!r}"
    return Run(label or args[0], code, stderr, time.perf_counter() - started)


def ingest(index: Path, env: dict[str, str], *files: Path) -> Run:
    return medcite(["ingest", *map(str, files), "--index", str(index), "-q"], env)


# --- what an index holds, what a folder holds ---------------------------------------------------


def digest(index: Path) -> dict[str, str] | None:
    """Document id → sha256 of its stored record; None when the index cannot be opened."""
    try:
        records = TantivyIndex.open(index).stored_records()
        return {doc_id: hashlib.sha256(record).hexdigest() for doc_id, record in records}
    except IndexError_:
        return None


def snapshot(folder: Path, skip: Sequence[str] = ("audit.sqlite3",)) -> dict[str, str]:
    """File → sha256 for every file under ``folder`` (lock files and ``skip`` left out)."""
    files = (p for p in folder.rglob("*") if p.is_file())
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in files
        if not p.name.startswith(".tantivy-") and p.name not in skip
    }


def lost(before: dict[str, str], after: dict[str, str]) -> bool:
    """True when a file of ``before`` is missing or changed in ``after``."""
    return any(after.get(name) != sha for name, sha in before.items())


# --- kill -9 during ingest ----------------------------------------------------------------------


def kill_and_rerun(work: Path, env: dict[str, str], kills: int, seed: int) -> tuple[Case, dict]:
    clean = work / "kill-clean"
    started = time.perf_counter()
    first = ingest(clean, env, PUBMED)
    clean_s = time.perf_counter() - started
    reference = digest(clean)
    rng = random.Random(seed)
    rounds, runs = [], [first]
    for n in range(kills):
        folder = work / f"kill-{n:02d}"
        at = rng.uniform(0.05, clean_s)
        process = subprocess.Popen(
            [sys.executable, "-m", "medcite", "ingest", str(PUBMED), "--index", str(folder), "-q"],
            env=env,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(at)
        finished_first = process.poll() is not None
        process.send_signal(signal.SIGKILL)
        process.wait()
        partial = digest(folder) if folder.exists() else {}
        rerun = ingest(folder, env, PUBMED)
        runs.append(rerun)
        rounds.append(
            {
                "kill_at_s": round(at, 3),
                "finished_before_kill": finished_first,
                "documents_after_kill": None if partial is None else len(partial),
                "rerun_exit": rerun.code,
                "identical": digest(folder) == reference,
            }
        )
        shutil.rmtree(folder, ignore_errors=True)
    identical = sum(r["identical"] for r in rounds)
    committed = sum(1 for r in rounds if r["documents_after_kill"])
    case = Case(f"kill -9 during ingest ×{kills}, re-run", runs)
    case.data_lost = identical < kills
    case.detail = (
        f"{identical}/{kills} identical to a clean ingest ({len(reference or {})} docs); "
        f"{committed} kills after a commit, clean ingest {clean_s:.1f} s"
    )
    return case, {"clean_ingest_s": round(clean_s, 2), "rounds": rounds}


# --- damaged index files and stores -------------------------------------------------------------


def build_base(work: Path, env: dict[str, str]) -> Path:
    base = work / "base"
    ingest(base, env, PUBMED)
    terms = ["vocab", "load", str(MESH_TERMS), "--trees", str(MESH_TREES), "--index", str(base)]
    medcite(terms, env)
    medcite(["ask", QUESTION, "--index", str(base)], env)  # an audit log with one answer
    return base


def overwrite(file: Path, seed: int, fraction: float = 1 / 3) -> None:
    """Overwrite up to 4 KB (a tenth of a small file) from ``fraction`` of ``file`` on."""
    data = bytearray(file.read_bytes())
    start = int(len(data) * fraction)
    length = min(4096, max(8, len(data) // 10), len(data) - start)
    data[start : start + length] = random.Random(seed).randbytes(length)
    file.write_bytes(bytes(data))


def largest(index: Path, ext: str) -> Path:
    return max(index.glob(f"*.{ext}"), key=lambda p: p.stat().st_size)


def read_commands(index: Path, env: dict[str, str]) -> list[Run]:
    where = ["--index", str(index)]
    return [
        medcite(["search", "fever", *where], env),
        medcite(["ask", QUESTION, *where], env),
        medcite(["index", "info", *where], env, "info"),
    ]


def verify_finds(index: Path) -> str:
    try:
        Engine(index, Settings(index=index, semantic=SemanticSettings(enabled=False))).verify()
    except IndexError_:
        return "verify: found"
    return "verify: nothing found"


def damaged_case(
    name: str, base: Path, work: Path, env: dict[str, str], damage: Callable[[Path], None]
) -> Case:
    index = work / name.replace(" ", "-").replace("/", "_")
    shutil.copytree(base, index)
    damage(index)
    before = snapshot(index)
    case = Case(name, read_commands(index, env))
    case.data_lost = lost(before, snapshot(index))
    detected = sum(r.code == 3 for r in case.runs)
    case.detail = f"{detected}/3 commands report it; {verify_finds(index)}"
    return case


def corruption_cases(base: Path, work: Path, env: dict[str, str]) -> Iterator[Case]:
    for n, ext in enumerate(SEGMENT_FILES):
        yield damaged_case(
            f"bytes overwritten in .{ext}",
            base,
            work,
            env,
            lambda index, ext=ext, n=n: overwrite(largest(index, ext), seed=n),
        )

    def truncate(index: Path) -> None:
        file = largest(index, "store")
        file.write_bytes(file.read_bytes()[: file.stat().st_size // 2])

    yield damaged_case("truncated .store", base, work, env, truncate)
    yield damaged_case(
        "garbage meta.json", base, work, env, lambda i: (i / "meta.json").write_text("{garbage")
    )
    yield damaged_case(
        "garbage medcite-index.json",
        base,
        work,
        env,
        lambda i: (i / "medcite-index.json").write_text("]"),
    )


def store_cases(base: Path, work: Path, env: dict[str, str]) -> Iterator[Case]:
    yield store_case(
        "vocab.sqlite: header overwritten",
        base,
        work,
        env,
        damage=lambda i: overwrite(i / "vocab.sqlite", 1, 0.0),
        commands=[["ask", QUESTION]],
    )
    yield store_case(
        "vocab.sqlite: pages overwritten",
        base,
        work,
        env,
        damage=lambda i: [overwrite(i / "vocab.sqlite", n, n / 10) for n in range(1, 10)],
        commands=[["ask", QUESTION]],
    )
    yield store_case(
        "audit.sqlite3: damaged",
        base,
        work,
        env,
        damage=lambda i: overwrite(i / "audit.sqlite3", 2, 0.0),
        commands=[["ask", QUESTION], ["ask", "--replay", "abcd1234"], ["audit", "prune"]],
        skip=(),
    )


def store_case(
    name: str,
    base: Path,
    work: Path,
    env: dict[str, str],
    *,
    damage: Callable[[Path], object],
    commands: list[list[str]],
    skip: Sequence[str] = ("audit.sqlite3",),
) -> Case:
    index = work / name.replace(".", "-").replace(": ", "-").replace(" ", "-")
    shutil.copytree(base, index)
    damage(index)
    before = snapshot(index, skip)
    runs = [medcite([*c, "--index", str(index)], env, " ".join(c[:2])[:14]) for c in commands]
    case = Case(name, runs)
    case.data_lost = lost(before, snapshot(index, skip))
    case.detail = f"{sum(r.code == 3 for r in runs)}/{len(runs)} commands exit 3"
    return case


# --- read-only folder ---------------------------------------------------------------------------


@contextmanager
def read_only(folder: Path) -> Iterator[str]:
    """Make ``folder`` read-only for this process: a read-only bind mount as root (chmod does
    not stop root), chmod otherwise. Yields how."""
    if os.geteuid() != 0:
        folder.chmod(0o555)
        try:
            yield "chmod 555"
        finally:
            folder.chmod(0o755)
        return
    mounted = _mount(["--bind", str(folder), str(folder)]) and _mount(
        ["-o", "remount,bind,ro", str(folder)]
    )
    try:
        yield "read-only bind mount" if mounted else "skipped: running as root, mount refused"
    finally:
        if mounted or os.path.ismount(folder):
            subprocess.run(["umount", str(folder)], check=False)


def _mount(args: list[str]) -> bool:
    done = subprocess.run(["mount", *args], capture_output=True, check=False)
    return done.returncode == 0


def read_only_case(base: Path, work: Path, env: dict[str, str]) -> Case:
    index = work / "read-only"
    shutil.copytree(base, index)
    before = snapshot(index, skip=())
    with read_only(index) as how:
        if how.startswith("skipped"):
            return Case("read-only index folder", detail=how)
        runs = read_commands(index, env)
        runs.append(ingest(index, env, PUBMED))
        runs.append(medcite(["audit", "prune", "--index", str(index)], env, "prune"))
    case = Case("read-only index folder", runs)
    case.data_lost = lost(before, snapshot(index, skip=()))
    case.detail = f"{how}; search/ask/info answer, ingest/prune refuse"
    return case


# --- full disk ----------------------------------------------------------------------------------


@contextmanager
def small_disk(work: Path) -> Iterator[tuple[Path, str, Callable[[], None] | None]]:
    """A 4 MB tmpfs when mountable; otherwise a folder whose children may not write files over
    1 MB (RLIMIT_FSIZE: writes fail with EFBIG, as on a full disk)."""
    folder = work / "small-disk"
    folder.mkdir()
    if _mount(["-t", "tmpfs", "-o", "size=4m", "tmpfs", str(folder)]):
        try:
            yield folder, "4 MB tmpfs", None
        finally:
            subprocess.run(["umount", str(folder)], check=False)
        return

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (1 << 20, 1 << 20))

    yield folder, "RLIMIT_FSIZE 1 MB", limit


def full_disk_case(work: Path, env: dict[str, str]) -> Case:
    with small_disk(work) as (disk, how, limit):
        index = disk / "index"
        first = medcite(["ingest", str(PUBMED), "--index", str(index), "-q"], env, preexec=limit)
        kept = digest(index) or {}
        runs = [
            first,
            medcite(["ingest", str(BIG_PUBMED), "--index", str(index), "-q"], env, preexec=limit),
        ]
        filler = disk / "filler"
        _fill(filler)
        runs.append(medcite(["ask", QUESTION, "--index", str(index)], env, preexec=limit))
        terms = ["vocab", "load", str(MESH_TERMS), "--index", str(index)]
        runs.append(medcite(terms, env, preexec=limit))
        filler.unlink(missing_ok=True)
        after = digest(index)
        case = Case(f"full disk ({how})", runs)
        case.data_lost = after is None or lost(kept, after)
        case.detail = (
            f"{len(kept)} docs before the disk filled, {len(after or {})} after (each of the "
            f"{len(kept)} unchanged: {_yes(not case.data_lost)}); then ask and vocab load"
        )
    return case


def _fill(file: Path) -> None:
    """Write ``file`` until the disk is full (no-op on an RLIMIT_FSIZE folder: only children are
    limited)."""
    try:
        with file.open("wb") as out:
            for _ in range(64):
                out.write(b"\0" * (1 << 20))
                out.flush()
    except OSError:
        return


# --- network faults -----------------------------------------------------------------------------


class _Always(BaseHTTPRequestHandler):
    """Answers every request the same bad way (set by the server's ``mode``)."""

    def do_GET(self) -> None:
        mode = getattr(self.server, "mode", "429")
        if mode == "429":
            body = b"Too Many Requests"
            self.send_response(429)
            self.send_header("Retry-After", "1")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        self.send_response(200)  # "close": promise 100 kB, send 20 bytes, hang up
        self.send_header("Content-Type", "text/xml")
        self.send_header("Content-Length", "100000")
        self.end_headers()
        self.wfile.write(b"<?xml version='1.0'?>")
        self.wfile.flush()
        self.close_connection = True

    def do_POST(self) -> None:
        self.do_GET()

    def log_message(self, format: str, *args: Any) -> None:
        return


@contextmanager
def bad_server(mode: str) -> Iterator[str]:
    """A base URL on 127.0.0.1: ``refused`` (nothing listens), ``close`` or ``429``."""
    if mode == "refused":
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            port = sock.getsockname()[1]
        yield f"http://127.0.0.1:{port}/"
        return
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Always)
    server.mode = mode  # type: ignore[attr-defined]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def network_case(base: Path, work: Path, env: dict[str, str], mode: str, label: str) -> Case:
    index = work / label.replace(" ", "-")
    shutil.copytree(base, index)
    kept = digest(index)
    with bad_server(mode) as url:
        live_env = {
            **env,
            "MEDCITE_LIVE__PUBMED__BASE_URL": url,
            "MEDCITE_LIVE__EUROPEPMC__BASE_URL": url,
        }
        where = ["--index", str(index)]
        runs = [
            medcite(["ask", QUESTION, "--source", s, *where], live_env, s) for s in ("live", "auto")
        ]
    case = Case(label, runs)
    case.data_lost = digest(index) != kept
    seconds = ", ".join(f"{r.command} {r.seconds:.1f} s" for r in runs)
    case.detail = f"live exits 4, auto answers from the index ({seconds})"
    return case


def http_cache_case(base: Path, work: Path, env: dict[str, str]) -> Case:
    cache = work / "damaged-cache" / "http-cache.sqlite3"
    cache.parent.mkdir()
    cache.write_bytes(b"not a database" * 500)
    case = network_case(
        base,
        work,
        {**env, "MEDCITE_LIVE__HTTP__CACHE_PATH": str(cache)},
        "refused",
        "http-cache.sqlite3 damaged",
    )
    case.detail = "a cache: warned and bypassed; " + case.detail
    return case


# --- main ---------------------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kills", type=int, default=20, help="kill -9 points (default 20)")
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args()
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="medcite-faults-") as tmp:
        work = Path(tmp)
        env = base_env(work)
        kill, kill_rounds = kill_and_rerun(work, env, args.kills, args.seed)
        base = build_base(work, env)
        cases = [
            kill,
            *corruption_cases(base, work, env),
            *store_cases(base, work, env),
            http_cache_case(base, work, env),
            read_only_case(base, work, env),
            full_disk_case(work, env),
            network_case(base, work, env, "refused", "network down (port refused)"),
            network_case(base, work, env, "close", "network drops mid-answer"),
            network_case(base, work, env, "429", "429 storm (Retry-After: 1)"),
        ]
    rows = [c.row(work) for c in cases]
    print_table("Fault injection (every case through the medcite CLI)", rows)
    summary = {
        "cases": len(cases),
        "tracebacks": sum(r["traceback"] == "yes" for r in rows),
        "panic_text": sum(r["panic text"] == "yes" for r in rows),
        "data_lost": sum(r["data lost"] == "yes" for r in rows),
        "kill_and_rerun_identical": f"{sum(r['identical'] for r in kill_rounds['rounds'])}/"
        f"{args.kills}",
        "seconds": round(time.perf_counter() - started, 1),
    }
    print("\n" + ", ".join(f"{k}: {v}" for k, v in summary.items()))
    runs = {c.name: [vars(r) for r in c.runs] for c in cases}
    write_json("faults", {"summary": summary, "cases": rows, "kill": kill_rounds, "runs": runs})


if __name__ == "__main__":
    main()
