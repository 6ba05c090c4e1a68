"""The outermost layer of every HTTP request: request id, access log, body limit, headers, 500s.

- Every response carries ``X-Request-ID`` (the client's own if it sent a well-formed one) and every
  log line about the request names it. The access log records method, path, status and duration,
  never the query string or the body: questions about health are private.
- Bodies over ``max_body_bytes`` are refused with 413 before they are read.
- Security headers: no MIME sniffing, no referrer, and a Content-Security-Policy that allows only
  this server's own scripts and styles (the page inserts data as text, and CSP is the second wall).
- An exception nobody handled becomes a 500 with a typed body and the request id, logged with its
  traceback here and shown to nobody.
"""

from __future__ import annotations

import logging
import re
import time
import uuid
from contextvars import ContextVar
from dataclasses import dataclass

from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from medcite.server.schemas import ErrorCode, ErrorDetail, ErrorResponse

log = logging.getLogger("medcite.server")
access_log = logging.getLogger("medcite.server.access")

_request_id: ContextVar[str] = ContextVar("medcite_request_id", default="-")
_VALID_ID = re.compile(r"^[A-Za-z0-9._-]{1,64}$")
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
    "frame-ancestors 'none'"
)
NO_CSP_PATHS = frozenset({"/docs", "/docs/oauth2-redirect", "/redoc"})
"""FastAPI's interactive API docs load Swagger UI / ReDoc from their CDN: no CSP there."""


def current_request_id() -> str:
    """The id of the request being handled ("-" outside a request)."""
    return _request_id.get()


@dataclass
class _Progress:
    started: bool = False
    status: int = 0


class RequestContextMiddleware:
    """Request id, access log, body limit, security headers and the last-resort 500."""

    def __init__(self, app: ASGIApp, max_body_bytes: int) -> None:
        self.app = app
        self.max_body_bytes = max_body_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request_id = _incoming_id(scope) or uuid.uuid4().hex
        token = _request_id.set(request_id)
        progress = _Progress()
        started = time.perf_counter()
        send_wrapped = _headers_adder(send, scope, request_id, progress)
        try:
            await self._handle(scope, receive, send_wrapped)
        except Exception:
            log.exception("request %s failed", request_id)
            if not progress.started:  # else the server closes the half-sent response
                await send_error(send_wrapped, 500, internal_error())
        finally:
            _log_access(scope, request_id, progress.status, time.perf_counter() - started)
            _request_id.reset(token)

    async def _handle(self, scope: Scope, receive: Receive, send: Send) -> None:
        if _declared_length(scope) > self.max_body_bytes:
            await send_error(send, 413, self._too_large())
            return
        await self.app(scope, _limited(receive, self.max_body_bytes), send)

    def _too_large(self) -> ErrorDetail:
        return ErrorDetail(
            code=ErrorCode.PAYLOAD_TOO_LARGE,
            message=f"the request body is larger than {self.max_body_bytes:,} bytes",
        )


def internal_error() -> ErrorDetail:
    """The body of a 500: no details, only the request id to quote."""
    return ErrorDetail(
        code=ErrorCode.INTERNAL,
        message=f"internal error; quote request id {current_request_id()} when reporting it",
    )


async def send_error(
    send: Send,
    status: int,
    detail: ErrorDetail,
    headers: list[tuple[bytes, bytes]] | None = None,
) -> None:
    """Send a complete JSON error response (with ``headers`` added)."""
    body = ErrorResponse(error=detail).model_dump_json().encode()
    headers = [
        (b"content-type", b"application/json"),
        (b"content-length", b"%d" % len(body)),
        *(headers or ()),
    ]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


def _incoming_id(scope: Scope) -> str | None:
    for name, value in scope.get("headers", ()):
        if name == b"x-request-id":
            text = value.decode("latin-1")
            return text if _VALID_ID.match(text) else None
    return None


def _declared_length(scope: Scope) -> int:
    for name, value in scope.get("headers", ()):
        if name == b"content-length":
            return int(value) if value.isdigit() else 0
    return 0


def _limited(receive: Receive, limit: int) -> Receive:
    """``receive`` that refuses (413) a chunked body once it grows past ``limit`` bytes."""
    seen = 0

    async def receive_limited() -> Message:
        nonlocal seen
        message = await receive()
        if message["type"] == "http.request":
            seen += len(message.get("body", b""))
            if seen > limit:
                raise HTTPException(413, f"the request body is larger than {limit:,} bytes")
        return message

    return receive_limited


def _security_headers(path: str, request_id: str) -> list[tuple[bytes, bytes]]:
    headers = [
        (b"x-request-id", request_id.encode()),
        (b"x-content-type-options", b"nosniff"),
        (b"referrer-policy", b"no-referrer"),
    ]
    if path not in NO_CSP_PATHS:
        headers.append((b"content-security-policy", CSP.encode()))
    return headers


def _headers_adder(send: Send, scope: Scope, request_id: str, progress: _Progress) -> Send:
    extra = _security_headers(str(scope["path"]), request_id)

    async def send_with_headers(message: Message) -> None:
        if message["type"] == "http.response.start":
            progress.started = True
            progress.status = int(message["status"])
            message = {**message, "headers": [*message.get("headers", ()), *extra]}
        await send(message)

    return send_with_headers


def _log_access(scope: Scope, request_id: str, status: int, seconds: float) -> None:
    access_log.info(
        "%s %s %s %d %.1fms", request_id, scope["method"], scope["path"], status, seconds * 1000
    )
