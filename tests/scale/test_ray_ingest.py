"""``--ray``: ingest on a real local Ray instance (2 CPUs) gives the single-process index, and a
parse task whose worker process is killed is retried.

One Ray instance for the module (starting one takes seconds); skipped without the ``ray`` extra.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import psutil
import pytest
from ingest_cases import INPUTS, SETTINGS, contents, kill_when_seen, single_process

from medcite import Engine
from medcite.errors import IndexVersionError
from medcite.index.shards import create_layout
from medcite.records import IngestReport
from medcite.scale import ingest_work
from medcite.scale.ingest_ray import parse_for_ray

ray = pytest.importorskip("ray", reason="needs the ray extra: pip install -e '.[ray]'")

MEDLINE = "pubmed-xml/medline16n0902.xml.gz"
"""604 records in one 3.9 MB unit: a parse task lasts long enough to be killed."""
ANY = "auto"
"""Any address: the backend keeps the connection this process already has."""


@pytest.fixture(scope="module")
def local_ray() -> Iterator[None]:
    ray.init(
        address="local",
        num_cpus=2,
        include_dashboard=False,
        logging_level=logging.ERROR,
        log_to_driver=False,
    )
    yield
    ray.shutdown()


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    return single_process(tmp_path_factory.mktemp("single") / "index", list(INPUTS))


@pytest.mark.parametrize("shards", [1, 4])
def test_same_documents_as_one_process(
    local_ray: None, tmp_path: Path, reference: dict[str, str], shards: int
) -> None:
    index = tmp_path / "index"
    report = Engine(index, SETTINGS).ingest(INPUTS, ray_address=ANY, shards=shards)
    assert not report.failed
    assert report.added == sum(f.added for f in report.files) > 0
    assert contents(index) == reference


def _parse_task(proc: psutil.Process) -> bool:
    """A Ray worker while it runs a parse task (Ray names the process after the task)."""
    return proc.cmdline()[:1] == ["ray::parse_for_ray"]


@pytest.mark.corpora(MEDLINE)
def test_killed_task_is_retried(local_ray: None, tmp_path: Path, corpora: Path) -> None:
    medline = corpora / MEDLINE
    expected = single_process(tmp_path / "single", [medline])
    index = tmp_path / "index"
    finished = threading.Event()
    result: list[IngestReport] = []

    def ingest() -> None:
        try:
            result.append(Engine(index, SETTINGS).ingest([medline] * 4, ray_address=ANY))
        finally:
            finished.set()

    thread = threading.Thread(target=ingest)
    thread.start()
    killed = kill_when_seen(_parse_task, finished.is_set)
    thread.join()
    assert killed is not None, "no parse task seen running"
    assert result and not result[0].failed
    assert contents(index) == expected


def test_writer_error_is_raised_as_itself(local_ray: None, tmp_path: Path) -> None:
    """A shard the writer actor cannot open (here: another schema version) fails the ingest
    with medcite's own one-line error, as the local writer does."""
    index = tmp_path / "index"
    create_layout(index, 2)
    shard = index / "shard-001"
    shard.mkdir()
    (shard / "medcite-index.json").write_text('{"schema_version": 1}', encoding="utf-8")
    with pytest.raises(IndexVersionError, match="schema version 1"):
        Engine(index, SETTINGS).ingest(INPUTS[:1], ray_address=ANY)
    with pytest.raises(IndexVersionError, match="schema version 1"):
        Engine(index, SETTINGS).ingest(INPUTS[:1], workers=1)


@pytest.mark.parametrize("path", [INPUTS[0], INPUTS[4]], ids=["pubmed-unit", "whole-file"])
def test_task_gets_the_records_apart_and_parses_the_same_rows(path: Path) -> None:
    """The parse task receives a unit's records as an argument of their own (cheaper for Ray to
    serialise than inside the unit): it makes the rows the local workers make of the unit."""
    unit = next(ingest_work.cut_file(0, path))
    expected = ingest_work.parse_unit(unit, 3)
    counts, *shards = parse_for_ray(replace(unit, records=None), unit.records, 3)
    assert counts == replace(expected, shards=())
    assert [ingest_work.rows_of(blob) for blob in shards] == [
        ingest_work.rows_of(blob) for blob in expected.shards
    ]
    assert expected.records > 0
