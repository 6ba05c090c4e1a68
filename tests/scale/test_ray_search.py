"""Searching a sharded index with Ray actors (issue 16 §3) on a real local Ray: the actors give
the thread pool's results, a killed searcher is restarted and its call retried, and on a
two-node cluster (``ray.cluster_utils.Cluster``, one machine) the shards spread over both nodes
and survive losing one.

One Ray instance for the module (starting one takes seconds); skipped without the ``ray`` extra.
"""

from __future__ import annotations

import logging
import os
import signal
import socket
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.conftest import MINI_MEDQUAD_TAR, MINI_PUBMED_1977, MINI_PUBMED_2021, MINI_PUBMEDQA

from medcite import Engine
from medcite.config import SemanticSettings, Settings
from medcite.errors import IndexError_
from medcite.index.sharded import RAY_ADDRESS_ENV, ShardedIndex, open_index
from medcite.index.shards import create_layout
from medcite.records import Hit

ray = pytest.importorskip("ray", reason="needs the ray extra: pip install -e '.[ray]'")

from medcite.scale.search import RayShardPool  # noqa: E402  (imports nothing of Ray itself)

ANY = "auto"
"""Any address: the pool keeps the connection this process already has."""
QUESTIONS = ("hemifacial spasm botulinum toxin", "gout treatment", "heart attack symptoms")


@pytest.fixture(scope="module")
def four(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("ray-search") / "four"
    create_layout(folder, 4)
    files = [MINI_PUBMED_2021, MINI_PUBMED_1977, MINI_MEDQUAD_TAR, MINI_PUBMEDQA]
    Engine(folder, Settings(semantic=SemanticSettings(enabled=False))).ingest(files)
    return folder


@pytest.fixture(scope="module")
def local_ray() -> Iterator[None]:
    ray.init(num_cpus=2, include_dashboard=False, logging_level=logging.ERROR, log_to_driver=False)
    yield
    ray.shutdown()


def _ranked(hits: list[Hit]) -> list[tuple[str, float]]:
    return [(h.document.id, h.score) for h in hits]


def _on_ray(path: Path) -> tuple[ShardedIndex, RayShardPool]:
    index = open_index(path, ray_address=ANY)
    assert isinstance(index, ShardedIndex)
    pool = index._pool
    assert isinstance(pool, RayShardPool) and pool.count == 4
    return index, pool


def test_an_address_nobody_answers_at_is_one_line_in_seconds(four: Path) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    started = time.monotonic()
    with pytest.raises(IndexError_, match="nothing answers there"):
        open_index(four, ray_address=f"127.0.0.1:{port}")
    assert time.monotonic() - started < 10


def test_ray_actors_answer_as_the_thread_pool_does(four: Path, local_ray: None) -> None:
    threads, (on_ray, _pool) = open_index(four), _on_ray(four)
    try:
        for question in QUESTIONS:
            assert _ranked(on_ray.search(question, 10)) == _ranked(threads.search(question, 10))
        ids = threads.all_ids()
        assert on_ray.get_many(ids[:20]).keys() == threads.get_many(ids[:20]).keys()
        assert on_ray.get(ids[3]) == threads.get(ids[3])
        assert on_ray.stats().by_source == threads.stats().by_source
        assert on_ray.num_docs() == threads.num_docs()
    finally:
        on_ray.close()


def test_a_killed_searcher_is_restarted_and_its_call_retried(four: Path, local_ray: None) -> None:
    index, pool = _on_ray(four)
    try:
        before = _ranked(index.search("blepharospasm botulinum", 10))
        victim = ray.get(pool.actors[2].pid.remote())
        os.kill(victim, signal.SIGKILL)
        assert _ranked(index.search("blepharospasm botulinum", 10)) == before
        assert ray.get(pool.actors[2].pid.remote()) != victim
    finally:
        index.close()


def test_the_engine_searches_on_ray_when_told_the_address(
    four: Path, local_ray: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = _ranked(Engine(four).search("gout treatment"))
    monkeypatch.setenv(RAY_ADDRESS_ENV, ANY)
    engine = Engine(four)
    assert _ranked(engine.search("gout treatment")) == expected
    assert isinstance(engine._open()._pool, RayShardPool)  # type: ignore[attr-defined]


def test_two_nodes_spread_the_shards_and_survive_losing_one(four: Path) -> None:
    """Last in the module: it replaces the module's Ray instance with a two-node cluster."""
    from ray.cluster_utils import Cluster

    ray.shutdown()
    cluster = Cluster(initialize_head=True, head_node_args={"num_cpus": 1})
    worker = cluster.add_node(num_cpus=1)
    cluster.wait_for_nodes()
    ray.init(address=cluster.address, logging_level=logging.ERROR, log_to_driver=False)
    try:
        expected = _ranked(open_index(four).search("hemifacial spasm", 10))
        index, pool = _on_ray(four)
        nodes = ray.get([a.node.remote() for a in pool.actors])
        assert len(set(nodes)) == 2, "the searchers spread over both nodes"
        assert _ranked(index.search("hemifacial spasm", 10)) == expected
        cluster.remove_node(worker)  # its searchers restart on the head node
        assert _ranked(index.search("hemifacial spasm", 10)) == expected
        index.close()
    finally:
        ray.shutdown()
        cluster.shutdown()
