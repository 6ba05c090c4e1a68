"""``medcite ingest --ray ADDRESS`` against a two-node Ray cluster on this machine
(``ray.cluster_utils.Cluster``, one CPU per node): the command is SIGKILLed after its first
commit, run again, and the index is the single-process one.

This test process only hosts the cluster; the command is the cluster's driver, as a user's is.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from ingest_cases import INPUTS, contents, kill_midway, medcite_cli, single_process

ray = pytest.importorskip("ray", reason="needs the ray extra: pip install -e '.[ray]'")


@pytest.fixture(scope="module")
def two_nodes() -> Iterator[Any]:
    from ray.cluster_utils import Cluster

    cluster = Cluster(
        initialize_head=True, head_node_args={"num_cpus": 1, "include_dashboard": False}
    )
    cluster.add_node(num_cpus=1)
    cluster.wait_for_nodes()
    yield cluster
    cluster.shutdown()


@pytest.mark.timeout(300)
def test_killed_ingest_completes_on_rerun(two_nodes: Any, tmp_path: Path) -> None:
    expected = single_process(tmp_path / "single", list(INPUTS))
    index = tmp_path / "index"
    inputs = [str(p) for p in [*INPUTS, *INPUTS[:2] * 4]]
    env = {"MEDCITE_INDEX_SETTINGS__COMMIT_EVERY": "20", "MEDCITE_SEMANTIC__ENABLED": "false"}
    command = ["ingest", *inputs, "--index", str(index), "--ray", two_nodes.address, "-q"]
    command += ["--shards", "2"]
    first = medcite_cli(*command, env=env)
    killed = kill_midway(first, index)
    rerun = medcite_cli(*command, env=env)
    _out, err = rerun.communicate(timeout=240)
    assert rerun.returncode == 0, err
    assert contents(index) == expected
    assert killed, "the first ingest finished before it could be killed (the re-run still matched)"
