"""Server hardening against a real server (issue 13 §2): slow clients time out (request head and
body), uvicorn gets its limits from the settings, and ``medcite serve --workers 2`` logs every
request with its id from every worker and gives a client the configured rate once, not twice."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
import uvicorn

from medcite.server.app import build_server, create_app
from medcite.server.protocol import HeaderTimeoutH11Protocol, header_timeout_protocol
from medcite.server.schemas import ErrorResponse, ServerSettings

from .conftest import NO_LIMIT
from .fakes import DEMO_QUESTION, FakeEngine
from .test_serve import free_port, wait_until_ready

QUICK = NO_LIMIT.model_copy(update={"header_timeout_seconds": 0.3, "body_timeout_seconds": 0.3})


@dataclass
class Running:
    server: uvicorn.Server
    port: int

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"


def _run(server: Any) -> Iterator[Running]:
    assert isinstance(server, uvicorn.Server)
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    for _ in range(1000):
        if server.started:
            break
        thread.join(timeout=0.01)
    assert server.started, "uvicorn did not start"
    yield Running(server, sock.getsockname()[1])
    server.should_exit = True
    thread.join(timeout=15)


@pytest.fixture
def quick(small_index: Path) -> Iterator[Running]:
    """``build_server`` over the small index with 0.3 s head and body deadlines."""
    yield from _run(build_server("127.0.0.1", 0, small_index, settings=QUICK, log_level="warning"))


def _exchange(port: int, *parts: bytes) -> bytes:
    """Send ``parts`` on a new connection, then read until the server closes it."""
    with socket.create_connection(("127.0.0.1", port), timeout=20) as conn:
        for part in parts:
            conn.sendall(part)
        received = b""
        while chunk := conn.recv(65536):
            received += chunk
    return received


def _status_headers_body(raw: bytes) -> tuple[int, str, bytes]:
    head, _, body = raw.partition(b"\r\n\r\n")
    status = int(head.split(b" ", 2)[1])
    return status, head.decode("latin-1").lower(), body


def _request_timeout(raw: bytes) -> str:
    status, headers, body = _status_headers_body(raw)
    assert status == 408, raw
    assert "connection: close" in headers
    error = ErrorResponse.model_validate_json(body).error
    assert error.code == "request_timeout"
    return error.message


# --- slow clients --------------------------------------------------------------------------------


def test_a_request_head_that_trickles_in_gets_408_and_is_closed(quick: Running) -> None:
    raw = _exchange(quick.port, b"GET /healthz HTTP/1.1\r\nHost: localhost\r\nX-Slow: ")
    assert "headers did not arrive within 0.3 s" in _request_timeout(raw)


def test_a_connection_that_sends_nothing_is_closed(quick: Running) -> None:
    assert _exchange(quick.port) == b""


def test_a_body_that_trickles_in_gets_408_and_is_closed(quick: Running) -> None:
    head = (
        b"POST /v1/answer HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
        b"Content-Length: 200\r\n\r\n"
    )
    raw = _exchange(quick.port, head, b'{"question": "private ')
    assert "body did not arrive within 0.3 s" in _request_timeout(raw)


def test_after_a_response_the_next_head_has_its_own_deadline(quick: Running) -> None:
    first = b"GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n"
    raw = _exchange(quick.port, first, b"GET /healthz HTTP/1.1\r\nHost: loc")
    ok, _, rest = raw.partition(b"\r\n\r\n")
    assert ok.startswith(b"HTTP/1.1 200")
    assert b"HTTP/1.1 408" in rest


def test_a_complete_request_is_never_cut_by_the_head_deadline() -> None:
    # answering takes longer than the head deadline; the deadline leaves room for a loaded CI
    # machine to send a complete request (0.3 s did not always)
    settings = NO_LIMIT.model_copy(
        update={"header_timeout_seconds": 1.5, "body_timeout_seconds": 1.5}
    )
    engine = FakeEngine(delay=2.5)
    app = create_app(engine, settings)
    config = uvicorn.Config(
        app, log_level="warning", http=header_timeout_protocol(settings.header_timeout_seconds)
    )
    for running in _run(uvicorn.Server(config)):
        with httpx.Client(base_url=running.url, timeout=30) as http:  # one kept-alive connection
            answer = http.post("/v1/answer", json={"question": DEMO_QUESTION})
            assert answer.status_code == 200
            with http.stream("GET", "/v1/answer/stream", params={"q": DEMO_QUESTION}) as sse:
                assert sse.read().decode().rstrip().splitlines()[-2] == "event: answer"
            assert http.get("/healthz").status_code == 200


def test_a_request_head_over_the_size_limit_is_refused(small_index: Path) -> None:
    settings = NO_LIMIT.model_copy(update={"max_header_bytes": 2048})
    for running in _run(build_server("127.0.0.1", 0, small_index, settings=settings)):
        big = b"X-Big: " + b"a" * 4096 + b"\r\n"
        raw = _exchange(running.port, b"GET /healthz HTTP/1.1\r\nHost: localhost\r\n" + big)
        assert _status_headers_body(raw)[0] == 400
        assert httpx.get(f"{running.url}/healthz").status_code == 200


def test_uvicorn_limits_come_from_the_server_settings(small_index: Path) -> None:
    settings = ServerSettings(keep_alive_seconds=7, max_header_bytes=8192, max_connections=64)
    server = build_server("127.0.0.1", 0, small_index, settings=settings)
    assert isinstance(server, uvicorn.Server)
    config = server.config
    assert config.timeout_keep_alive == 7
    assert config.h11_max_incomplete_event_size == 8192
    assert config.limit_concurrency == 64
    assert isinstance(config.http, type) and issubclass(config.http, HeaderTimeoutH11Protocol)
    assert config.http.header_timeout == settings.header_timeout_seconds


def test_head_over_a_real_server(quick: Running) -> None:
    with httpx.Client(base_url=quick.url, timeout=30) as http:
        get = http.get("/v1/limits")
        head = http.head("/v1/limits")
    assert head.status_code == 200 and head.content == b""
    assert head.headers["content-length"] == get.headers["content-length"]


# --- two workers ---------------------------------------------------------------------------------

ACCESS_LINE = re.compile(r"medcite\.server\.access: (\S+) (GET|POST|HEAD) (\S+) (\d{3}) ")
PRIVATE = "zebra-quokka private words"


def test_two_workers_log_every_request_and_share_the_rate_limit(
    small_index: Path, tmp_path: Path
) -> None:
    port = free_port()
    command = [sys.executable, "-m", "medcite", "serve", "--port", str(port), "--workers", "2"]
    command += ["--index", str(small_index), "--audit-log", str(tmp_path / "audit.sqlite3")]
    env = {
        **os.environ,
        "MEDCITE_SERVER_RATE_LIMIT_PER_MINUTE": "0.001",  # no token comes back during the test
        "MEDCITE_SERVER_RATE_LIMIT_BURST": "4",
    }
    process = subprocess.Popen(command, stderr=subprocess.PIPE, text=True, env=env)
    try:
        base = f"http://127.0.0.1:{port}"
        wait_until_ready(base, process)
        ids = [f"hc-{n}" for n in range(16)]
        for request_id in ids:  # /healthz is not rate-limited; a new connection each time
            assert httpx.get(f"{base}/healthz", headers={"X-Request-ID": request_id}).is_success
        # the two first tokens: a question in a query string and one in a body (never logged)
        assert httpx.get(f"{base}/v1/search", params={"q": PRIVATE}).status_code == 200
        invalid = {"question": PRIVATE, "max_refs": 0}
        assert httpx.post(f"{base}/v1/answer", json=invalid).status_code == 422
        limits = [httpx.get(f"{base}/v1/limits").status_code for _ in range(8)]
        process.send_signal(signal.SIGTERM)
        _, stderr = process.communicate(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert process.returncode == 0, stderr
    assert limits == [200] * 2 + [429] * 6  # the burst of 4, once for both workers together
    workers = set(re.findall(r"worker (\d+): index", stderr))
    assert len(workers) == 2, stderr  # each worker process logs (it configured logging)
    logged = {m.group(1): m.groups()[1:] for m in ACCESS_LINE.finditer(stderr)}
    for request_id in ids:
        assert logged[request_id] == ("GET", "/healthz", "200"), stderr
    assert sorted(v for v in logged.values() if v[1].startswith("/v1/")) == [
        ("GET", "/v1/limits", "200"),
        ("GET", "/v1/limits", "200"),
        *[("GET", "/v1/limits", "429")] * 6,
        ("GET", "/v1/search", "200"),
        ("POST", "/v1/answer", "422"),
    ]
    assert "zebra" not in stderr  # questions are never logged
    assert "Traceback" not in stderr and "ERROR" not in stderr, stderr
