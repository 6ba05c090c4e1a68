"""A per-client token-bucket rate limit for the API.

Each client address owns a bucket of ``burst`` tokens that refills at ``rate_per_second``; a request
takes one token, and a request that finds the bucket empty gets ``429 Too Many Requests`` with a
``Retry-After`` header saying when the next token arrives. Buckets live in the app (no global
state) and at most ``max_clients`` are remembered, least recently seen forgotten first, so memory is
bounded whatever the number of clients.
"""

from __future__ import annotations

import math
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass

from starlette.types import ASGIApp, Receive, Scope, Send

from medcite.server.schemas import ErrorCode, ErrorDetail, ErrorResponse

Clock = Callable[[], float]


@dataclass
class _Bucket:
    tokens: float
    updated: float


class TokenBucketLimiter:
    """Token buckets keyed by client; :meth:`acquire` is thread-safe and O(1)."""

    def __init__(
        self,
        rate_per_second: float,
        burst: int,
        max_clients: int = 10_000,
        clock: Clock = time.monotonic,
    ) -> None:
        if rate_per_second <= 0 or burst < 1 or max_clients < 1:
            raise ValueError("rate_per_second must be > 0, burst and max_clients ≥ 1")
        self.rate = rate_per_second
        self.burst = burst
        self.max_clients = max_clients
        self._clock = clock
        self._buckets: OrderedDict[str, _Bucket] = OrderedDict()
        self._lock = threading.Lock()

    def acquire(self, client: str) -> float:
        """Take a token for ``client``: 0.0 if allowed, else the seconds until one is available."""
        with self._lock:
            now = self._clock()
            bucket = self._refilled(client, now)
            if bucket.tokens >= 1.0:
                bucket.tokens -= 1.0
                return 0.0
            return (1.0 - bucket.tokens) / self.rate

    def __len__(self) -> int:
        return len(self._buckets)

    def _refilled(self, client: str, now: float) -> _Bucket:
        bucket = self._buckets.get(client)
        if bucket is None:
            bucket = _Bucket(tokens=float(self.burst), updated=now)
            self._buckets[client] = bucket
            self._forget_oldest()
        else:
            elapsed = max(0.0, now - bucket.updated)
            bucket.tokens = min(float(self.burst), bucket.tokens + elapsed * self.rate)
            bucket.updated = now
            self._buckets.move_to_end(client)
        return bucket

    def _forget_oldest(self) -> None:
        while len(self._buckets) > self.max_clients:
            self._buckets.popitem(last=False)


def client_key(scope: Scope) -> str:
    """The client's address as the server sees it (proxy headers are not trusted)."""
    client = scope.get("client")
    return str(client[0]) if client else "unknown"


class RateLimitMiddleware:
    """Apply ``limiter`` to HTTP requests whose path starts with one of ``prefixes``."""

    def __init__(
        self, app: ASGIApp, limiter: TokenBucketLimiter, prefixes: tuple[str, ...] = ("/v1/",)
    ) -> None:
        self.app = app
        self.limiter = limiter
        self.prefixes = prefixes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not str(scope["path"]).startswith(self.prefixes):
            await self.app(scope, receive, send)
            return
        wait = self.limiter.acquire(client_key(scope))
        if wait <= 0.0:
            await self.app(scope, receive, send)
            return
        await _send_429(send, math.ceil(wait))


async def _send_429(send: Send, retry_after: int) -> None:
    body = ErrorResponse(
        error=ErrorDetail(
            code=ErrorCode.RATE_LIMITED,
            message=f"too many requests from your address; try again in {retry_after} s",
        )
    ).model_dump_json()
    headers = [
        (b"content-type", b"application/json"),
        (b"content-length", str(len(body)).encode()),
        (b"retry-after", str(retry_after).encode()),
    ]
    await send({"type": "http.response.start", "status": 429, "headers": headers})
    await send({"type": "http.response.body", "body": body.encode()})
