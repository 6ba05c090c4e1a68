"""A fake OpenAI-compatible server on 127.0.0.1 with scripted replies.

``POST /v1/chat/completions`` answers with the next scripted :class:`Scripted` response (or
``always`` once the script is used up); ``GET /v1/models`` lists ``models``. Every request is
recorded (method, path, headers, JSON body) so tests can check what medcite sent.
"""

from __future__ import annotations

import json
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass(frozen=True)
class Scripted:
    """One response: status, JSON (or raw bytes) body, headers, and a delay before it."""

    status: int = 200
    body: Any = None
    headers: tuple[tuple[str, str], ...] = ()
    delay: float = 0.0

    def payload(self) -> bytes:
        if isinstance(self.body, bytes):
            return self.body
        return json.dumps(self.body if self.body is not None else {}).encode()


def completion(content: str, model: str = "fake-model-1", finish: str = "stop") -> Scripted:
    """A chat completion whose message is ``content``."""
    choice = {"index": 0, "message": {"role": "assistant", "content": content}}
    return Scripted(
        body={"id": "c1", "model": model, "choices": [{**choice, "finish_reason": finish}]}
    )


def error(status: int, message: str = "error", **headers: str) -> Scripted:
    """An OpenAI-style error body."""
    pairs = tuple((k.replace("_", "-"), v) for k, v in headers.items())
    return Scripted(status=status, body={"error": {"message": message}}, headers=pairs)


@dataclass
class Recorded:
    method: str
    path: str
    headers: dict[str, str]
    body: Any


@dataclass
class FakeOpenAI:
    """The server's script and what it saw."""

    url: str = ""
    """The API root to configure, ``http://127.0.0.1:<port>/v1``."""
    script: deque[Scripted] = field(default_factory=deque)
    always: Scripted | None = None
    """Served once ``script`` is empty (None: HTTP 500 "script used up")."""
    models: list[str] = field(default_factory=lambda: ["fake-model-1", "other-model"])
    models_status: int = 200
    reject_formats: frozenset[str] = frozenset()
    """``response_format`` types answered with HTTP 400 (e.g. {"json_schema"})."""
    requests: list[Recorded] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def push(self, *responses: Scripted) -> None:
        self.script.extend(responses)

    def chats(self) -> list[Recorded]:
        return [r for r in self.requests if r.path.endswith("/chat/completions")]

    def next_chat(self, body: Any) -> Scripted:
        fmt = body.get("response_format") if isinstance(body, dict) else None
        if isinstance(fmt, dict) and fmt.get("type") in self.reject_formats:
            return error(400, f"response_format {fmt.get('type')} is not supported")
        with self.lock:
            if self.script:
                return self.script.popleft()
        return self.always or error(500, "script used up")

    def models_reply(self) -> Scripted:
        if self.models_status != 200:
            return error(self.models_status, "not found")
        data = [{"id": m, "object": "model"} for m in self.models]
        return Scripted(body={"object": "list", "data": data})


class _Handler(BaseHTTPRequestHandler):
    fake: FakeOpenAI
    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:
        self._record(None)
        if self.path.rstrip("/").endswith("/v1/models"):
            self._send(self.fake.models_reply())
        else:
            self._send(error(404, "no such path"))

    def do_POST(self) -> None:
        length = int(self.headers.get("content-length") or 0)
        raw = self.rfile.read(length)
        try:
            body = json.loads(raw)
        except json.JSONDecodeError:
            body = raw
        self._record(body)
        if self.path.endswith("/v1/chat/completions"):
            self._send(self.fake.next_chat(body))
        else:
            self._send(error(404, "no such path"))

    def _record(self, body: Any) -> None:
        headers = {k.lower(): v for k, v in self.headers.items()}
        with self.fake.lock:
            self.fake.requests.append(Recorded(self.command, self.path, headers, body))

    def _send(self, response: Scripted) -> None:
        if response.delay:
            time.sleep(response.delay)
        payload = response.payload()
        try:
            self.send_response(response.status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(payload)))
            for name, value in response.headers:
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(payload)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (time-out test)

    def log_message(self, format: str, *args: Any) -> None:
        """Silent."""


class FakeServer:
    """Runs a :class:`FakeOpenAI` in a thread; use as a context manager."""

    def __init__(self) -> None:
        self.fake = FakeOpenAI()
        handler = type("Handler", (_Handler,), {"fake": self.fake})
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self._server.daemon_threads = True
        self.fake.url = f"http://127.0.0.1:{self._server.server_address[1]}/v1"
        self._thread = threading.Thread(target=self._server.serve_forever, args=(0.05,))
        self._thread.daemon = True

    def __enter__(self) -> FakeOpenAI:
        self._thread.start()
        return self.fake

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(5)
