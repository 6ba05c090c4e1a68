"""``medcite serve --ray local --replicas 2`` (issue 16 §3): the HTTP API on Ray Serve over a
4-shard index answers searches and questions, and SIGTERM stops it with its Ray instance.

Slow (starting Ray and Ray Serve takes ≈ 30 s on 2 cores): run with ``-m slow``.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from tests.conftest import MINI_MEDQUAD_TAR, MINI_PUBMED_2021

from medcite import Engine
from medcite.config import SemanticSettings, Settings
from medcite.index.shards import create_layout

pytest.importorskip("ray", reason="needs the ray extra: pip install -e '.[ray]'")
pytest.importorskip("fastapi", reason="needs the server extra: pip install -e '.[server]'")

pytestmark = pytest.mark.slow
START_S = 180


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _wait_until_up(base: str, server: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + START_S
    while time.monotonic() < deadline:
        assert server.poll() is None, "the server exited"
        try:
            if httpx.get(f"{base}/healthz", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(2)
    pytest.fail(f"Ray Serve did not answer within {START_S} s")


def test_serve_on_ray_with_two_replicas(tmp_path: Path) -> None:
    index = tmp_path / "four"
    create_layout(index, 4)
    Engine(index, Settings(semantic=SemanticSettings(enabled=False))).ingest(
        [MINI_PUBMED_2021, MINI_MEDQUAD_TAR]
    )
    port = _free_port()
    env = {**os.environ, "MEDCITE_SEMANTIC__ENABLED": "false"}
    command = [sys.executable, "-m", "medcite", "serve", "--ray", "local", "--replicas", "2"]
    server = subprocess.Popen(
        [*command, "--port", str(port), "--index", str(index)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(base, server)
        found = httpx.get(f"{base}/v1/search", params={"q": "hemifacial spasm", "k": 3}, timeout=60)
        assert found.status_code == 200 and len(found.json()["hits"]) == 3
        question = {"question": "What causes facial twitches?"}
        answer = httpx.post(f"{base}/v1/answer", json=question, timeout=120)
        assert answer.status_code == 200 and answer.json()["references"]
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=60)
