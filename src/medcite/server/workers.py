"""Serving from several processes: ``medcite serve --workers N``.

Answering is CPU-bound Python, so one process uses about one core whatever its thread count. With
``N > 1`` a small supervisor starts N worker processes (spawned, not forked), each running uvicorn
on its own socket bound to the same port with SO_REUSEPORT (Linux spreads connections evenly);
each worker opens the index read-only and builds its own app from a picklable :class:`AppSpec`.
The supervisor restarts a worker that dies and, on SIGTERM/SIGINT, stops them all, each draining
its requests in flight.

Shared by the workers through SQLite files in a temporary directory the supervisor removes at
exit: the rate limit (a client gets the configured rate whichever worker accepts its connections)
and a second level under each worker's in-memory answer cache. Also shared, and safe to share: the
index (read-only; tantivy readers in several processes are fine) and the audit log (SQLite, one
short transaction per answer, writers wait up to 10 s).

Each worker configures logging as the process that started it had it configured (``LogSetup``:
spawned processes start with none), so the access log, with request ids, comes from every worker.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import shutil
import signal
import socket
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from medcite.errors import InputError
from medcite.server.schemas import ServerSettings

if TYPE_CHECKING:
    from multiprocessing.process import BaseProcess

    from fastapi import FastAPI

    from medcite.engine import Engine

log = logging.getLogger("medcite.server")
MAX_DEFAULT_WORKERS = 4
"""The default never starts more workers than this (each holds ~250 MB, mostly the mapped index)."""


def available_cores() -> int:
    """Cores this process may run on (its CPU affinity, which containers restrict)."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


def default_workers() -> int:
    """One worker per available core, at most :data:`MAX_DEFAULT_WORKERS`."""
    return min(available_cores(), MAX_DEFAULT_WORKERS)


DEFAULT_LOG_FORMAT = "%(levelname)s %(name)s: %(message)s"


@dataclass(frozen=True)
class LogSetup:
    """How the starting process logs (root level and format), to log the same way in a worker."""

    level: int = logging.WARNING
    format: str | None = None
    """None: the starting process had no log handler, so neither has the worker."""

    @classmethod
    def of_this_process(cls) -> LogSetup:
        root = logging.getLogger()
        formats = [h.formatter._fmt for h in root.handlers if h.formatter is not None]
        if not root.handlers:
            return cls(root.level, None)
        return cls(root.level, formats[0] if formats and formats[0] else DEFAULT_LOG_FORMAT)

    def apply(self, server_level: str) -> None:
        """Log to stderr like the starting process; medcite.server at ``server_level``."""
        if self.format is not None and not logging.getLogger().handlers:
            logging.basicConfig(level=self.level, format=self.format, stream=sys.stderr)
        logging.getLogger("medcite.server").setLevel(server_level.upper())


@dataclass(frozen=True)
class AppSpec:
    """Everything a worker process needs to build its app (pickled to each worker)."""

    index_path: Path | None
    settings: ServerSettings
    audit_log: Path | None = None
    log_level: str = "info"
    shared_cache: Path | None = None
    """The SQLite file through which the workers share cached answers."""
    shared_limits: Path | None = None
    """The SQLite file through which the workers share the rate limit."""
    logging: LogSetup = LogSetup()

    def engine(self) -> Engine:
        """The engine over the index, writing its audit log where replay reads it."""
        from medcite.config import Settings
        from medcite.engine import Engine

        base = Settings() if self.audit_log is None else Settings(audit_log=self.audit_log)
        return Engine(self.index_path, base)


def worker_app(spec: AppSpec) -> FastAPI:
    """The app of one worker process (uvicorn calls this factory in each worker)."""
    from medcite.audit import AuditLog
    from medcite.server.app import create_app

    spec.logging.apply(spec.log_level)
    engine = spec.engine()
    stats = engine.stats()  # open the index now: a broken index fails the worker at start
    log.info("worker %d: index %s, %d documents", os.getpid(), stats.path, stats.documents)
    get_answer = AuditLog(spec.audit_log).get_exact if spec.audit_log is not None else None
    return create_app(
        engine,
        spec.settings,
        get_answer=get_answer,
        shared_cache=spec.shared_cache,
        shared_limits=spec.shared_limits,
    )


@dataclass(frozen=True)
class PoolSpec:
    """How to run the workers: the app, the address and uvicorn's options."""

    app: AppSpec
    host: str
    port: int
    workers: int
    options: dict[str, Any]
    """Keyword arguments of ``uvicorn.Config`` (logging, timeouts)."""


class WorkerPool:
    """``N`` worker processes, each with its own listening socket on the same port (SO_REUSEPORT),
    so the kernel spreads new connections evenly over them. (With one shared socket, as uvicorn's
    ``--workers`` does, whichever worker wakes first accepts a whole burst of connections, and
    keep-alive clients then stay on that one worker.) The supervisor holds the port, restarts a
    worker that dies, and on SIGINT/SIGTERM stops them all, each draining its requests."""

    def __init__(self, spec: PoolSpec) -> None:
        self.spec = spec
        self._stop = threading.Event()
        self._context = multiprocessing.get_context("spawn")

    def run(self) -> None:
        """Serve until SIGINT/SIGTERM."""
        holder = reserve_port(self.spec.host, self.spec.port)
        folder = Path(tempfile.mkdtemp(prefix="medcite-serve-"))
        app = replace(
            self.spec.app,
            shared_cache=folder / "answers.sqlite3",
            shared_limits=folder / "ratelimit.sqlite3",
        )
        spec = replace(self.spec, port=holder.getsockname()[1], app=app)
        previous = {sig: signal.signal(sig, self._on_signal) for sig in STOP_SIGNALS}
        try:
            log.info("serving on http://%s:%d with %d workers", spec.host, spec.port, spec.workers)
            self._supervise(spec)
        finally:
            for sig, handler in previous.items():
                signal.signal(sig, handler)
            holder.close()
            shutil.rmtree(folder, ignore_errors=True)

    def _on_signal(self, _signum: int, _frame: object) -> None:
        self._stop.set()

    def _supervise(self, spec: PoolSpec) -> None:
        workers = [self._start(spec) for _ in range(spec.workers)]
        while not self._stop.wait(0.5):
            for n, worker in enumerate(workers):
                if not worker.is_alive():
                    log.warning(
                        "worker %s exited (%s); starting another", worker.pid, worker.exitcode
                    )
                    workers[n] = self._start(spec)
        self._shutdown(workers, spec.app.settings.shutdown_grace_seconds + 5)

    def _start(self, spec: PoolSpec) -> BaseProcess:
        worker = self._context.Process(target=run_worker, args=(spec,), daemon=False)
        worker.start()
        return worker

    @staticmethod
    def _shutdown(workers: list[BaseProcess], grace_seconds: float) -> None:
        for worker in workers:
            if worker.pid is not None and worker.is_alive():
                os.kill(worker.pid, signal.SIGTERM)
        deadline = time.monotonic() + grace_seconds
        for worker in workers:
            worker.join(max(0.0, deadline - time.monotonic()))
            if worker.is_alive():
                worker.kill()
                worker.join()


STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)


def run_worker(spec: PoolSpec) -> None:
    """One worker process: its own socket on the shared port, one uvicorn server."""
    import uvicorn

    from medcite.server.protocol import header_timeout_protocol

    spec.app.logging.apply(spec.app.log_level)
    sock = listening_socket(spec.host, spec.port, listen=True)
    http = header_timeout_protocol(spec.app.settings.header_timeout_seconds)
    app = partial(worker_app, spec.app)
    config = uvicorn.Config(app, factory=True, http=http, **spec.options)
    uvicorn.Server(config).run(sockets=[sock])


def reserve_port(host: str, port: int) -> socket.socket:
    """A socket holding ``host:port`` for the workers' sockets (not listening itself). Refuses a
    port something else listens on, even with SO_REUSEPORT: two servers must not share a port."""
    try:
        with _tcp_socket(host, reuse_port=False) as probe:
            probe.bind((host, port))
            port = probe.getsockname()[1]
        return listening_socket(host, port, listen=False)
    except OSError as exc:
        raise InputError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from exc


def listening_socket(host: str, port: int, *, listen: bool) -> socket.socket:
    """A TCP socket bound to ``host:port`` with SO_REUSEPORT, listening if ``listen``."""
    sock = _tcp_socket(host, reuse_port=True)
    try:
        sock.bind((host, port))
        if listen:
            sock.listen(2048)
    except OSError:
        sock.close()
        raise
    return sock


def _tcp_socket(host: str, *, reuse_port: bool) -> socket.socket:
    """TCP named as the protocol, so that asyncio sets TCP_NODELAY on the connections (with
    protocol 0 every response would wait ~40 ms for a delayed ACK: Nagle's algorithm)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    if reuse_port:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    return sock
