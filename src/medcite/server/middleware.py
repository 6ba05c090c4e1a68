"""The outermost layer of every HTTP request: request id, access log, body limit, headers, 500s.

- Every response carries ``X-Request-ID`` (the client's own if it sent a well-formed one) and every
  log line about the request names it. The access log records method, path, status and duration,
  never the query string or the body: questions about health are private.
- Bodies over ``max_body_bytes`` are refused with 413 before they are read, and a body that has not
  fully arrived ``body_timeout`` seconds after the headers gets 408 (a slow client cannot hold a
  request open); the connection is then closed.
- Security headers: no MIME sniffing, no referrer, a Content-Security-Policy that allows only this
  server's own scripts and styles (the page inserts data as text, and CSP is the second wall), no
  camera, microphone, geolocation and the like (Permissions-Policy), and no sharing of this
  server's windows or responses with other sites (Cross-Origin-Opener/Resource-Policy).
- ``HEAD`` is answered wherever ``GET`` is (:class:`HeadMiddleware`).
- An exception nobody handled becomes a 500 with a typed body and the request id, logged with its
  traceback here and shown to nobody.
"""

from __future__ import annotations

import asyncio
import contextlib
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
PERMISSIONS_POLICY = (
    "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), "
    "hid=(), midi=(), magnetometer=(), gyroscope=(), accelerometer=(), display-capture=(), "
    "browsing-topics=()"
)
"""The page needs none of these powerful features; no script on it may ask for them."""
SECURITY_HEADERS = (
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"content-security-policy", CSP.encode()),
    (b"permissions-policy", PERMISSIONS_POLICY.encode()),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
)


def current_request_id() -> str:
    """The id of the request being handled ("-" outside a request)."""
    return _request_id.get()


@dataclass
class _Progress:
    started: bool = False
    status: int = 0


class RequestContextMiddleware:
    """Request id, access log, body limit, security headers and the last-resort 500."""

    def __init__(self, app: ASGIApp, max_body_bytes: int, body_timeout: float = 30.0) -> None:
        self.app = app
        self.max_body_bytes = max_body_bytes
        self.body_timeout = body_timeout

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request_id = _incoming_id(scope) or uuid.uuid4().hex
        token = _request_id.set(request_id)
        progress = _Progress()
        started = time.perf_counter()
        send_wrapped = _headers_adder(send, request_id, progress)
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
        body = _BodyLimits(self.max_body_bytes, self.body_timeout)
        await self.app(scope, body.wrap(receive), send)

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


CLOSE = {"Connection": "close"}


@dataclass
class _BodyLimits:
    """The body of one request: at most ``max_bytes`` (else 413), all of it within ``timeout``
    seconds of the headers (else 408). Once it is complete, ``receive`` is not timed: a streamed
    response waits on it for the client to go away."""

    max_bytes: int
    timeout: float
    seen: int = 0
    complete: bool = False

    def __post_init__(self) -> None:
        self.deadline = time.monotonic() + self.timeout

    def wrap(self, receive: Receive) -> Receive:
        async def receive_limited() -> Message:
            if self.complete:
                return await receive()
            message = await self._timed(receive)
            if message["type"] == "http.request":
                self.seen += len(message.get("body", b""))
                self.complete = not message.get("more_body", False)
                if self.seen > self.max_bytes:
                    too_large = f"the request body is larger than {self.max_bytes:,} bytes"
                    raise HTTPException(413, too_large, headers=CLOSE)
            return message

        return receive_limited

    async def _timed(self, receive: Receive) -> Message:
        try:
            return await asyncio.wait_for(receive(), max(0.0, self.deadline - time.monotonic()))
        except TimeoutError:
            message = f"the request body did not arrive within {self.timeout:g} s; send it again"
            raise HTTPException(408, message, headers=CLOSE) from None


def _headers_adder(send: Send, request_id: str, progress: _Progress) -> Send:
    extra = [(b"x-request-id", request_id.encode()), *SECURITY_HEADERS]

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


class _HeadersSentError(Exception):
    """Stops a streamed response to a HEAD request once its headers are out."""


class HeadMiddleware:
    """``HEAD`` wherever ``GET`` exists: the status and headers ``GET`` would give, no body.

    The app sees a ``GET``; its body is dropped. A response that comes in several chunks (the
    answer stream, files) is stopped after its first one, so a ``HEAD`` on the answer stream
    checks the request and computes no answer."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return
        with contextlib.suppress(_HeadersSentError):
            await self.app({**scope, "method": "GET"}, receive, _headers_only(send))


def _headers_only(send: Send) -> Send:
    done = False

    async def send_headers_only(message: Message) -> None:
        nonlocal done
        if message["type"] == "http.response.start":
            await send(message)
        elif message["type"] == "http.response.body" and not done:
            done = True
            await send({"type": "http.response.body", "body": b"", "more_body": False})
            if message.get("more_body", False):
                raise _HeadersSentError

    return send_headers_only
