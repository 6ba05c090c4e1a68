"""Parallel and sharded ingest: files cut into units, parsed by N workers, written by one writer
per shard.

Three ways to run the same ingest (:func:`ingest_parallel`):

- ``workers == 0``: units are parsed in this process, one after another (``Engine.ingest``
  without workers uses :mod:`medcite.ingest.pipeline` instead, sharded or not);
- ``workers == N``: N local worker processes parse units (``medcite ingest --workers N``);
- ``ray_address``: Ray tasks parse units anywhere on the cluster and one writer actor per shard
  writes it, on this machine (``medcite ingest --ray ADDRESS``; :mod:`medcite.scale.ingest_ray`).

Whichever runs, the results are written in file order and, inside a file, in record order, so
the index is exactly what the single-process ingest makes: the same documents, the last version
of a repeated id wins, a ``DeleteCitation`` deletes what came before it. Every write is an upsert
by id and each shard commits every ``commit_every`` changes: a run killed midway is completed by
running it again. A broken file is reported with the records read before the damage kept, and the
other files still go in. A worker that dies (killed, out of memory) is replaced and its units are
parsed again (parsing is pure, so a retry gives the same rows).
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import threading
import time
from collections import Counter, deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from medcite.errors import InputError, MedciteError
from medcite.index.shards import ShardLayout, create_layout, read_layout
from medcite.index.tantivy_index import IndexWriter, TantivyIndex
from medcite.ingest.pipeline import IngestProgress, SilentProgress
from medcite.records import FileReport, IngestReport
from medcite.scale.ingest_work import (
    UPSERT,
    ParsedUnit,
    WorkUnit,
    cut_file,
    parse_unit,
    rows_of,
    start_worker,
)

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 3
"""Times a unit is handed to a worker before the ingest gives up (a worker died each time)."""
UNITS_PER_WORKER = 3
STALL_SECONDS = 5.0
"""How long a result may be awaited before the pool is checked for a worker that died while
sending one (see :meth:`_Pool.unstick`)."""
"""Units in flight per worker: enough to keep every worker busy, few enough to bound memory."""


@dataclass(frozen=True)
class WriterSettings:
    """How each shard's index writer runs (from ``Settings.index_settings``)."""

    heap_mb: int
    threads: int
    commit_every: int

    def per_shard(self, count: int) -> WriterSettings:
        """The budget of one of ``count`` writers: the heap shared out (≥ 32 MB each)."""
        if count == 1:
            return self
        threads = max(1, self.threads // count)
        return WriterSettings(max(self.heap_mb // count, 32), threads, self.commit_every)


class Backend(Protocol):
    """Parses units somewhere and writes their rows to the shards, in the order submitted."""

    capacity: int
    """Units to keep in flight."""
    unit_bytes: int | None
    """Size of the units to cut PubMed files into (None: ``ingest_work.UNIT_BYTES``)."""

    def submit(self, unit: WorkUnit) -> None: ...

    def take(self) -> ParsedUnit:
        """The oldest submitted unit's counts (waits for it); its rows are written next."""
        ...

    def write(self, keep: bool) -> int:
        """Write the rows of the unit :meth:`take` returned last (or drop them: ``keep`` false);
        the upserts skipped because the index holds them unchanged (0 when the backend writes
        asynchronously and cannot tell: they are then counted as added)."""
        ...

    def finish(self) -> None:
        """Commit every shard and release its writer."""
        ...

    def close(self) -> None: ...


def prepare_layout(root: Path, shards: int | None) -> ShardLayout:
    """The shard layout to ingest into: ``root``'s own, or a new one of ``shards`` shards
    (refused when ``root`` already is an index with another shard count)."""
    layout = read_layout(root)
    if shards is None or (shards == 1 and layout.count == 1):
        return layout
    if shards == 1:
        raise InputError(
            f"index at {root} has {layout.count} shards; the shard count is fixed when an index "
            "is created: ingest into a new --index to use 1"
        )
    return create_layout(root, shards)


def ingest_parallel(
    layout: ShardLayout,
    files: list[Path],
    settings: WriterSettings,
    progress: IngestProgress | None = None,
    *,
    workers: int = 0,
    ray_address: str | None = None,
) -> IngestReport:
    """Ingest ``files`` into the shards of ``layout`` with ``workers`` local processes (0: in
    this process) or on the Ray cluster at ``ray_address``."""
    if workers and ray_address:
        raise InputError("use either --workers (local processes) or --ray (a Ray cluster)")
    backend: Backend
    if ray_address:
        from medcite.scale.ingest_ray import RayBackend

        backend = RayBackend(layout, settings.per_shard(layout.count), ray_address)
    else:
        backend = LocalBackend(layout, settings.per_shard(layout.count), workers)
    try:
        report = _Driver(backend, files, progress or SilentProgress()).run()
        backend.finish()
    finally:
        backend.close()
    return report


# --- the driver: cut files, keep units in flight, account for them in order ------------------


@dataclass
class _FileState:
    path: Path
    format: str | None = None
    units: int | None = None
    """Units cut from the file, once cutting has finished."""
    taken: int = 0
    error: str | None = None
    """The first unit that failed to parse: later units of the file are dropped."""
    cut_error: str | None = None
    """Why cutting stopped (damage after the units cut so far, which are kept)."""
    added: int = 0
    unchanged: int = 0
    deleted: int = 0
    skipped: int = 0
    reasons: Counter[str] = field(default_factory=Counter)
    started: float = 0.0

    @property
    def records(self) -> int:
        return self.added + self.unchanged + self.deleted + self.skipped

    @property
    def done(self) -> bool:
        return self.units is not None and self.taken == self.units

    def count(self, parsed: ParsedUnit, unchanged: int) -> None:
        self.format = parsed.format
        self.added += parsed.added - unchanged
        self.unchanged += unchanged
        self.deleted += parsed.deleted
        self.skipped += parsed.skipped
        self.reasons.update(parsed.reasons)

    def report(self) -> FileReport:
        return FileReport(
            path=str(self.path),
            format=self.format,
            added=self.added,
            unchanged=self.unchanged,
            deleted=self.deleted,
            skipped=self.skipped,
            skip_reasons=dict(self.reasons.most_common()),
            error=self.error or self.cut_error,
            seconds=round(time.perf_counter() - self.started, 3),
        )


class _Driver:
    """Feeds units to a backend and turns what comes back into per-file reports and progress."""

    def __init__(self, backend: Backend, files: list[Path], progress: IngestProgress) -> None:
        self._backend = backend
        self._files = [_FileState(path) for path in files]
        self._progress = progress
        self._offsets: deque[int] = deque()
        self._current = 0
        self._reports: list[FileReport] = []

    def run(self) -> IngestReport:
        self._start(0)
        in_flight = 0
        for unit in self._units():
            self._backend.submit(unit)
            self._offsets.append(unit.offset)
            in_flight += 1
            if in_flight >= self._backend.capacity:
                self._take()
                in_flight -= 1
            self._end_finished_files()
        for _ in range(in_flight):
            self._take()
        self._end_finished_files()
        return IngestReport(files=tuple(self._reports))

    def _units(self) -> Iterator[WorkUnit]:
        for number, state in enumerate(self._files):
            cut = 0
            try:
                for unit in cut_file(number, state.path, self._backend.unit_bytes):
                    cut += 1
                    yield unit
            except InputError as exc:
                state.cut_error = str(exc)
            state.units = cut
            self._end_finished_files()

    def _take(self) -> None:
        parsed = self._backend.take()
        state = self._files[parsed.file]
        keep = state.error is None
        unchanged = self._backend.write(keep)
        state.taken += 1
        offset = self._offsets.popleft()
        if not keep:
            return
        state.count(parsed, unchanged)
        if parsed.error is not None:
            state.error = parsed.error
        if parsed.file == self._current:
            self._progress.advance(state.records, offset)

    def _end_finished_files(self) -> None:
        while self._current < len(self._files) and self._files[self._current].done:
            report = self._files[self._current].report()
            if report.error:
                log.info("%s", report.error)
            self._progress.end_file(report)
            self._reports.append(report)
            self._start(self._current + 1)

    def _start(self, number: int) -> None:
        self._current = number
        if number < len(self._files):
            state = self._files[number]
            state.started = time.perf_counter()
            self._progress.start_file(state.path, _size(state.path))
            if state.records:
                self._progress.advance(state.records, 0)


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


# --- writing the shards (in this process) ------------------------------------------------------


class RowWriter(IndexWriter):
    """An index writer that writes the rows a worker made (see :mod:`.ingest_work`)."""

    @classmethod
    def open(cls, path: Path, settings: WriterSettings) -> RowWriter:
        plain = TantivyIndex.create_or_open(path).writer(settings.heap_mb, settings.threads)
        return cls(plain._index, plain._writer)

    def apply(self, rows: list[tuple[int, Any]]) -> int:
        """Write ``rows``; the number of upserts skipped because the index holds them unchanged
        (as :meth:`IndexWriter.upsert` skips them)."""
        unchanged = 0
        for op, value in rows:
            if op == UPSERT:
                unchanged += not self.write_fields(value["id"], value)
            else:
                self.write_fields(value, None)
        return unchanged


class ShardWriters:
    """One :class:`RowWriter` per shard, each committing every ``commit_every`` changes."""

    def __init__(self, layout: ShardLayout, settings: WriterSettings) -> None:
        self._commit_every = settings.commit_every
        self._writers: list[RowWriter] = []
        for path in layout.paths():
            self._writers.append(RowWriter.open(path, settings))

    def write(self, blobs: Iterable[bytes]) -> int:
        """Write one unit's rows to their shards; the upserts skipped as unchanged."""
        unchanged = 0
        for writer, blob in zip(self._writers, blobs, strict=True):
            unchanged += writer.apply(rows_of(blob))
            if writer.pending >= self._commit_every:
                writer.commit()
        return unchanged

    def finish(self) -> None:
        for writer in self._writers:
            writer.commit()
        self.close()

    def close(self) -> None:
        """Release every writer (what was not committed is dropped, as in a killed run)."""
        writers, self._writers = self._writers, []
        for writer in writers:
            writer.close()


# --- local workers ---------------------------------------------------------------------------


class LocalBackend:
    """Units parsed by ``workers`` local processes (or in this process when 0), written here."""

    def __init__(self, layout: ShardLayout, settings: WriterSettings, workers: int) -> None:
        if workers < 0:
            raise InputError(f"--workers must be 0 or more, got {workers}")
        self._count = layout.count
        self._pool = _Pool(workers)
        self.capacity = max(1, UNITS_PER_WORKER * workers)
        self.unit_bytes: int | None = None
        self._pending: deque[_Pending] = deque()
        self._taken: ParsedUnit | None = None
        self._writers = ShardWriters(layout, settings)

    def submit(self, unit: WorkUnit) -> None:
        try:
            future = self._pool.submit(unit, self._count)
        except BrokenProcessPool:  # a worker died since the last result was taken
            self._resubmit()
            future = self._pool.submit(unit, self._count)
        self._pending.append(_Pending(unit, future))

    def take(self) -> ParsedUnit:
        while True:
            head = self._pending[0]
            try:
                parsed = head.future.result(timeout=STALL_SECONDS)
            except FutureTimeout:
                self._pool.unstick()
                continue
            except BrokenProcessPool:
                self._resubmit()
                continue
            self._pending.popleft()
            self._taken = parsed
            return parsed

    def _resubmit(self) -> None:
        """A worker died: start a new pool and hand every unit in flight to it again."""
        log.warning("an ingest worker died; parsing its units again in a new worker")
        self._pool.restart()
        for pending in self._pending:
            pending.attempts += 1
            if pending.attempts > MAX_ATTEMPTS:
                raise MedciteError(
                    f"{pending.unit.path}: ingest workers died {MAX_ATTEMPTS} times parsing the "
                    f"records from line {pending.unit.line} (killed? out of memory? a script "
                    "calling Engine.ingest(workers=N) needs `if __name__ == '__main__':`); what "
                    "was committed is kept: run the same ingest again to complete it"
                )
            pending.future = self._pool.submit(pending.unit, self._count)

    def write(self, keep: bool) -> int:
        taken, self._taken = self._taken, None
        if keep and taken is not None:
            return self._writers.write(taken.shards)
        return 0

    def finish(self) -> None:
        self._writers.finish()

    def close(self) -> None:
        self._pool.close()
        self._writers.close()


@dataclass
class _Pending:
    unit: WorkUnit
    future: Future[ParsedUnit]
    attempts: int = 1


class _Pool:
    """A process pool that can be restarted after a worker died; 0 workers parse in place.

    The workers start on a thread: starting the forkserver and its first children takes a few
    hundred milliseconds (the forkserver imports the parsers before it forks), during which a
    submit would block the driver with a core idle. Units submitted before the workers are up
    are parsed here instead, in this process (the same pure function, so the same rows)."""

    def __init__(self, workers: int) -> None:
        self._workers = workers
        self._executor: ProcessPoolExecutor | None = None
        self._starting: threading.Thread | None = None
        self.restart()

    def restart(self) -> None:
        self.close()
        if self._workers:
            context = multiprocessing.get_context("forkserver")
            context.set_forkserver_preload(["medcite.scale.ingest_work"])
            self._executor = ProcessPoolExecutor(
                self._workers,
                mp_context=context,
                initializer=start_worker,
                initargs=(os.getpid(),),
            )
            self._starting = threading.Thread(
                target=_start_workers,
                args=(self._executor, self._workers),
                daemon=True,
                name="medcite-pool-start",
            )
            self._starting.start()

    def submit(self, unit: WorkUnit, count: int) -> Future[ParsedUnit]:
        if self._starting is not None and not self._starting.is_alive():
            self._starting = None
        if self._executor is not None and self._starting is None:
            return self._executor.submit(parse_unit, unit, count)
        done: Future[ParsedUnit] = Future()
        done.set_result(parse_unit(unit, count))
        return done

    def unstick(self) -> None:
        """Break the pool when one of its workers is dead while a result is awaited. A worker
        killed while it was writing a result leaves the executor's reader waiting for the rest
        of that message for ever (Python 3.11), where it should have seen the pool broken:
        with every worker killed and this process's copy of the results pipe's write end
        closed, the reader meets the end of the pipe, the executor marks the pool broken and
        every unit in flight goes to a new pool (:meth:`LocalBackend._resubmit`)."""
        executor = self._executor
        if executor is None or self._starting is not None:
            return
        processes = list(getattr(executor, "_processes", {}).values())
        if not any(process.exitcode is not None for process in processes):
            return  # every worker alive: a slow unit, not a stall
        log.warning("an ingest worker died while sending a result; starting a new pool")
        for process in processes:
            process.kill()
        writer = getattr(getattr(executor, "_result_queue", None), "_writer", None)
        if writer is not None:
            writer.close()

    def close(self) -> None:
        if self._starting is not None:  # let it finish spawning: every worker is then known
            self._starting.join()
            self._starting = None
        if self._executor is not None:
            # Every unit is parsed (or handed to a new pool) when the pool closes. Python 3.11's
            # executor can hang for ever in shutdown when a worker died after its last result
            # (its manager thread waits to join a survivor); workers killed first cannot hang it.
            for process in list(self._executor._processes.values()):
                process.kill()
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None


def _start_workers(executor: ProcessPoolExecutor, workers: int) -> None:
    """Start the pool's workers (one per task submitted while none is idle) and wait until each
    has run a task; a worker that dies meanwhile is left to the next submit, which sees the
    broken pool and restarts it. So is a worker that could not be started (the forkserver
    refusing a connection on a loaded machine): the units go on being parsed in the driver."""
    try:
        started = [executor.submit(os.getpid) for _ in range(workers)]
        for future in started:
            future.result()
    except BrokenProcessPool:
        return
    except OSError as error:
        log.warning("could not start the ingest workers yet (%s); the next unit retries", error)
        return
