"""``--workers N``: parallel ingest in local processes gives exactly the single-process index.

Small units (16 KiB) make every mini PubMed file several units, so the order in which the
results are written (file order, record order) is exercised across workers.
"""

from __future__ import annotations

import gzip
import logging
import shutil
import sys
import threading
import time
from pathlib import Path
from typing import Any

import psutil
import pytest
from ingest_cases import (
    INPUTS,
    SETTINGS,
    SMALL_UNITS,
    contents,
    half_sent_result,
    kill_midway,
    kill_when_seen,
    medcite_cli,
    single_process,
    wait_gone,
)

from medcite import Engine
from medcite.errors import InputError
from medcite.ingest.pubmed_batches import last_record_end
from medcite.records import IngestReport
from medcite.scale import ingest as scale_ingest
from medcite.scale import ingest_work


@pytest.fixture(autouse=True)
def small_units(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ingest_work, "UNIT_BYTES", SMALL_UNITS)


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    return single_process(tmp_path_factory.mktemp("single") / "index", list(INPUTS))


def _report_rows(report: IngestReport) -> list[tuple[str, int, int, int, str | None]]:
    """Per file: records kept (added, changed or already held), deleted, skipped, error."""
    return [(f.path, f.added + f.unchanged, f.deleted, f.skipped, f.error) for f in report.files]


@pytest.mark.parametrize(("workers", "shards"), [(2, 1), (2, 4), (0, 3)])
def test_same_documents_as_one_process(
    tmp_path: Path, reference: dict[str, str], workers: int, shards: int
) -> None:
    index = tmp_path / "index"
    report = Engine(index, SETTINGS).ingest(INPUTS, workers=workers, shards=shards)
    assert not report.failed
    assert contents(index) == reference
    again = Engine(index, SETTINGS).ingest(INPUTS, workers=workers)  # idempotent
    assert _report_rows(again) == _report_rows(report)
    assert again.unchanged > again.added  # versions of a record in one file are rewritten
    assert contents(index) == reference


def test_reports_broken_file_like_one_process(tmp_path: Path) -> None:
    good, whole = INPUTS[0], INPUTS[1]
    truncated = tmp_path / "truncated.xml"
    data = gzip.decompress(whole.read_bytes())
    truncated.write_bytes(data[: len(data) * 2 // 3])
    paths = [truncated, tmp_path / "missing.xml", good]
    single = Engine(tmp_path / "single", SETTINGS).ingest(paths)
    parallel = Engine(tmp_path / "parallel", SETTINGS).ingest(paths, workers=2, shards=2)
    assert _report_rows(parallel) == _report_rows(single)
    assert [f.error is not None for f in parallel.files] == [True, True, False]
    assert parallel.files[0].added > 0  # the records before the damage are kept
    assert contents(tmp_path / "parallel") == contents(tmp_path / "single")


def test_reshard_refused(tmp_path: Path) -> None:
    index = tmp_path / "index"
    Engine(index, SETTINGS).ingest(INPUTS[:1], workers=1, shards=2)
    with pytest.raises(InputError, match="has 2 shards"):
        Engine(index, SETTINGS).ingest(INPUTS[:1], workers=1, shards=3)


def _pool_worker(proc: psutil.Process) -> bool:
    """A worker of the forkserver pool (a child of the forkserver process)."""
    parent = proc.parent()
    return parent is not None and "forkserver" in " ".join(parent.cmdline())


def test_killed_worker_is_replaced(
    tmp_path: Path, reference: dict[str, str], caplog: pytest.LogCaptureFixture
) -> None:
    index = tmp_path / "index"
    inputs = [*INPUTS, *INPUTS[:2] * 15]  # long: the kill lands while units are in flight
    finished = threading.Event()
    result: list[IngestReport] = []

    def ingest() -> None:
        try:
            result.append(Engine(index, SETTINGS).ingest(inputs, workers=2))
        finally:
            finished.set()

    caplog.set_level(logging.WARNING, logger="medcite.scale.ingest")
    thread = threading.Thread(target=ingest)
    thread.start()
    killed = kill_when_seen(_pool_worker, finished.is_set)
    thread.join()
    assert killed is not None, "no worker seen to kill"
    assert result and not result[0].failed
    assert "an ingest worker died" in caplog.text
    assert contents(index) == reference


def test_units_are_parsed_in_the_driver_while_the_workers_start(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Until the pool's workers are up, a unit is parsed in the driving process (at once, not
    queued behind the forkserver's start); once they are, by a worker; the same rows either way."""
    release = threading.Event()
    start_workers = scale_ingest._start_workers

    def held(*args: Any) -> None:
        release.wait()
        start_workers(*args)

    monkeypatch.setattr(scale_ingest, "_start_workers", held)
    unit = next(ingest_work.cut_file(0, INPUTS[0]))
    pool = scale_ingest._Pool(1)
    try:
        here = pool.submit(unit, 2)
        assert here.done()
        release.set()
        starting = pool._starting
        if starting is not None:
            starting.join()
        there = pool.submit(unit, 2).result()
    finally:
        release.set()
        pool.close()
    assert _rows(there) == _rows(here.result())


def _rows(parsed: ingest_work.ParsedUnit) -> tuple[Any, ...]:
    return (parsed.records, [ingest_work.rows_of(blob) for blob in parsed.shards])


@pytest.mark.timeout(300)
def test_killed_cli_completes_on_rerun(tmp_path: Path, reference: dict[str, str]) -> None:
    """SIGKILL of `medcite ingest --workers 2` after its first commit, then the same command:
    the index is the single-process one, and no worker outlives the killed command."""
    index = tmp_path / "index"
    inputs = [str(p) for p in [*INPUTS, *INPUTS[:2] * 15]]  # long enough to be killed midway
    env = {"MEDCITE_INDEX_SETTINGS__COMMIT_EVERY": "20", "MEDCITE_SEMANTIC__ENABLED": "false"}
    command = ["ingest", *inputs, "--index", str(index), "--workers", "2", "--shards", "2", "-q"]
    first = medcite_cli(*command, env=env)
    workers: list[int] = []
    while first.poll() is None and len(workers) < 3:
        workers = [p.pid for p in psutil.Process(first.pid).children(recursive=True)]
        time.sleep(0.01)
    assert kill_midway(first, index), "the ingest finished before it could be killed"
    assert wait_gone(workers) == [], "worker processes outlived the killed ingest"
    rerun = medcite_cli(*command, env=env)
    _out, err = rerun.communicate(timeout=240)
    assert rerun.returncode == 0, err
    assert contents(index) == reference
    shutil.rmtree(index)


def test_last_record_end_finds_every_kind_of_record() -> None:
    article, book, deletion = (
        b"<PubmedArticle>a</PubmedArticle>",
        b"<PubmedBookArticle>b</PubmedBookArticle>",
        b"<DeleteCitation><PMID>1</PMID></DeleteCitation>",
    )
    for records in (article + book, book + article, article + deletion, deletion + book):
        assert last_record_end(records + b"\n<PubmedArt") == len(records)
    assert last_record_end(b"<PubmedArticle>unfinished") == 0


def test_ray_without_the_extra_says_how_to_get_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "ray", None)  # `import ray` fails as without the extra
    with pytest.raises(InputError, match=r"pip install 'medcite\[ray\]'"):
        Engine(tmp_path / "index", SETTINGS).ingest(INPUTS[:1], ray_address="auto")


def test_workers_and_ray_together_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="either --workers"):
        Engine(tmp_path / "index", SETTINGS).ingest(INPUTS[:1], workers=2, ray_address="auto")


def test_a_worker_that_cannot_be_started_is_left_to_the_next_unit(
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Starting the workers runs in a thread: an OS error there (the forkserver refusing a
    connection) is logged, not raised into a thread nobody joins on error."""

    class Refusing:
        def submit(self, *_args: Any) -> Any:
            raise ConnectionRefusedError(111, "Connection refused")

    caplog.set_level(logging.WARNING, logger="medcite.scale.ingest")
    scale_ingest._start_workers(Refusing(), 2)  # type: ignore[arg-type]
    assert "could not start the ingest workers" in caplog.text


def test_a_worker_dead_while_sending_a_result_breaks_the_pool_instead_of_hanging() -> None:
    """A worker killed while writing a result leaves the executor waiting for the rest of the
    message; the pool, seeing the dead worker, breaks itself so the units in flight can be
    parsed again, and a new pool starts."""
    from concurrent.futures import TimeoutError as FutureTimeout
    from concurrent.futures.process import BrokenProcessPool

    pool = scale_ingest._Pool(1)
    try:
        pool.close()
        pool.restart()
        assert pool._starting is not None
        pool._starting.join()
        pool._starting = None
        assert pool._executor is not None
        future = pool._executor.submit(half_sent_result)
        deadline = time.monotonic() + 60
        broken = False
        while not broken and time.monotonic() < deadline:
            try:
                future.result(timeout=1)
            except FutureTimeout:
                pool.unstick()
            except BrokenProcessPool:
                broken = True
        assert broken, "the pool still waits on the dead worker's half-sent result"
        pool.restart()
        assert pool._starting is not None
        pool._starting.join()
        assert pool._executor is not None
        assert pool._executor.submit(int, "7").result(timeout=60) == 7
    finally:
        pool.close()
