"""Starting and stopping: refuse a missing or old index, serve a real one, drain on shutdown."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest

from medcite.errors import IndexMissingError, IndexVersionError
from medcite.records import Answer
from medcite.server.app import build_server, create_app, serve

from .conftest import NO_LIMIT, ROWS, start_live
from .fakes import DEMO_QUESTION, FakeEngine


def test_refuses_to_start_without_an_index(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    for where in (empty, tmp_path / "does-not-exist"):
        with pytest.raises(IndexMissingError, match=r"no medcite index at .*medcite ingest"):
            build_server("127.0.0.1", 0, where)
        with pytest.raises(IndexMissingError):
            serve("127.0.0.1", 0, where)


def test_refuses_to_start_on_an_index_of_another_version(tmp_path: Path) -> None:
    (tmp_path / "medcite-index.json").write_text(json.dumps({"schema_version": 0}))
    with pytest.raises(IndexVersionError, match=r"schema version 0.*re-ingest"):
        serve("127.0.0.1", 0, tmp_path)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_serves_a_real_index(small_index: Path) -> None:
    server = build_server("127.0.0.1", free_port(), small_index, settings=NO_LIMIT)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        while not server.started:
            assert thread.is_alive(), "server thread died"
            time.sleep(0.02)
        base = f"http://127.0.0.1:{server.config.port}"
        with httpx.Client(base_url=base, timeout=30) as http:
            assert http.get("/readyz").json()["documents"] == len(ROWS)
            hits = http.get("/v1/search", params={"q": "eyelid twitching"}).json()["hits"]
            assert hits[0]["document"]["id"] == "leaflet:eyelid-twitch"
            document = http.get("/v1/documents/pmid:100").json()
            assert document["authors"] == ["Smith JA", "Jones B"]
            answer = http.post("/v1/answer", json={"question": "What causes eyelid twitching?"})
            assert answer.status_code == 200, answer.text
            Answer.model_validate_json(answer.text)
            with http.stream("GET", "/v1/answer/stream", params={"q": DEMO_QUESTION}) as sse:
                names = [line for line in sse.iter_lines() if line.startswith("event:")]
            assert names[0] == "event: stage" and names[-1] == "event: answer"
    finally:
        server.should_exit = True
        thread.join(timeout=15)
    assert not thread.is_alive()


def test_graceful_shutdown_finishes_requests_in_flight() -> None:
    engine = FakeEngine(delay=1.5)
    live = start_live(create_app(engine, NO_LIMIT), grace_seconds=10)
    result: dict[str, httpx.Response] = {}

    def ask() -> None:
        with httpx.Client(base_url=live.url, timeout=20) as http:
            result["answer"] = http.post("/v1/answer", json={"question": DEMO_QUESTION})

    client = threading.Thread(target=ask)
    client.start()
    assert engine.started.wait(5)
    live.stop()  # like SIGTERM: stop accepting, let the answer in flight finish
    client.join(timeout=20)
    assert result["answer"].status_code == 200
    assert not live.thread.is_alive()
    with pytest.raises(httpx.ConnectError):
        httpx.get(f"{live.url}/healthz", timeout=2)


def test_sigterm_stops_the_served_process(small_index: Path) -> None:
    port = free_port()
    code = (
        "import sys; from medcite.server.app import serve; "
        "serve('127.0.0.1', int(sys.argv[1]), sys.argv[2])"
    )
    env = {**os.environ, "MEDCITE_SERVER_RATE_LIMIT_PER_MINUTE": "0"}
    process = subprocess.Popen(
        [sys.executable, "-c", code, str(port), str(small_index)],
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        wait_until_ready(f"http://127.0.0.1:{port}", process)
        process.send_signal(signal.SIGTERM)
        _, stderr = process.communicate(timeout=20)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    # uvicorn drains, then re-raises the signal so the exit status says how the process ended
    assert process.returncode in (0, -signal.SIGTERM), stderr
    assert "Shutting down" in stderr
    assert "Finished server process" in stderr


def wait_until_ready(base: str, process: subprocess.Popen[str]) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        assert process.poll() is None, process.communicate()[1]
        try:
            if httpx.get(f"{base}/readyz", timeout=1).status_code == 200:
                return
        except httpx.TransportError:
            time.sleep(0.05)
    raise AssertionError("server did not become ready in 30 s")
