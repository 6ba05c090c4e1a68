"""`medcite serve --workers N`: the option, the default, and N real worker processes."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import httpx
import psutil
import pytest
from typer.testing import CliRunner

from medcite.cli import app
from medcite.errors import InputError
from medcite.server import workers
from medcite.server.app import build_server
from medcite.server.workers import WorkerPool, default_workers, reserve_port

from .conftest import NO_LIMIT
from .test_serve import wait_until_ready

runner = CliRunner()


@pytest.fixture
def served(monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """What the CLI passed to ``medcite.server.app.serve`` (which then does not serve)."""
    calls: dict[str, Any] = {}

    def fake_serve(host: str, port: int, index: Path | None, **kwargs: Any) -> None:
        calls.update(host=host, port=port, index=index, **kwargs)

    monkeypatch.setattr("medcite.server.app.serve", fake_serve)
    return calls


def test_cli_passes_workers_and_audit_log(served: dict[str, Any], tmp_path: Path) -> None:
    audit = tmp_path / "audit.sqlite3"
    args = ["serve", "--workers", "3", "--index", str(tmp_path), "--audit-log", str(audit)]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert served["workers"] == 3
    assert served["audit_log"] == audit


def test_cli_default_is_one_worker_per_core(
    served: dict[str, Any], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(workers, "available_cores", lambda: 3)
    result = runner.invoke(app, ["serve", "--index", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert served["workers"] == 3
    assert served["audit_log"] == tmp_path / "audit.sqlite3"


@pytest.mark.parametrize("value", ["0", "-1", "65", "two"])
def test_cli_refuses_a_bad_worker_count(served: dict[str, Any], value: str) -> None:
    result = runner.invoke(app, ["serve", "--workers", value])
    assert result.exit_code == 2
    assert "--workers" in result.output
    assert not served


def test_help_documents_workers() -> None:
    result = runner.invoke(app, ["serve", "--help"], terminal_width=200)
    assert "--workers" in result.output
    text = " ".join(result.output.replace("│", " ").split())
    assert "share cached answers and the rate limit (per client, not per process)" in text


@pytest.mark.parametrize(("cores", "expected"), [(1, 1), (2, 2), (4, 4), (16, 4)])
def test_default_workers_follow_the_cores_up_to_four(
    monkeypatch: pytest.MonkeyPatch, cores: int, expected: int
) -> None:
    monkeypatch.setattr(workers, "available_cores", lambda: cores)
    assert default_workers() == expected


def test_build_server_with_workers_is_a_pool_and_checks_its_arguments(small_index: Path) -> None:
    assert isinstance(build_server("127.0.0.1", 0, small_index, workers=2), WorkerPool)
    with pytest.raises(InputError, match="at least 1"):
        build_server("127.0.0.1", 0, small_index, workers=0)
    with pytest.raises(InputError, match="audit_log"):
        build_server("127.0.0.1", 0, small_index, workers=2, get_answer=lambda _id: None)


def test_a_port_in_use_is_refused() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        with pytest.raises(InputError, match=f"cannot listen on 127.0.0.1:{port}"):
            reserve_port("127.0.0.1", port)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _workers_of(process: psutil.Process) -> list[psutil.Process]:
    return [p for p in process.children() if "spawn_main" in " ".join(p.cmdline())]


def test_two_worker_processes_serve_and_stop_together(small_index: Path, tmp_path: Path) -> None:
    port = _free_port()
    audit = tmp_path / "audit.sqlite3"
    command = [sys.executable, "-m", "medcite", "serve", "--port", str(port), "--workers", "2"]
    command += ["--index", str(small_index), "--audit-log", str(audit)]
    env = {**os.environ, "MEDCITE_SERVER_RATE_LIMIT_PER_MINUTE": "0"}
    process = subprocess.Popen(command, stderr=subprocess.PIPE, text=True, env=env)
    try:
        base = f"http://127.0.0.1:{port}"
        wait_until_ready(base, process)
        children = _workers_of(psutil.Process(process.pid))
        assert len(children) == 2
        answer_ids = _ask_on_fresh_connections(base, 8)
        assert len(set(answer_ids)) == 1  # computed once, then shared by both workers' caches
        for answer_id in answer_ids:  # any worker replays any worker's answer (one audit log)
            assert httpx.get(f"{base}/v1/answers/{answer_id}").status_code == 200
        process.send_signal(signal.SIGTERM)
        _, stderr = process.communicate(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert process.returncode == 0, stderr
    assert stderr.count("Finished server process") == 2
    assert not any(child.is_running() for child in children)


def _ask_on_fresh_connections(base: str, n: int) -> list[str]:
    ids = []
    for _ in range(n):
        # a new connection each time; the first answer warms a worker up (slow on a busy machine)
        with httpx.Client(base_url=base, timeout=120) as http:
            response = http.post("/v1/answer", json={"question": "What causes eyelid twitching?"})
        assert response.status_code == 200, response.text
        assert response.headers["X-Answer-Cache"] in {"hit", "miss"}
        ids.append(response.json()["id"])
        time.sleep(0.01)
    return ids


def test_one_worker_still_runs_in_process(small_index: Path) -> None:
    server = build_server("127.0.0.1", 0, small_index, settings=NO_LIMIT)
    assert not isinstance(server, WorkerPool)
