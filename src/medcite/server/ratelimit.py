"""A per-client token-bucket rate limit for the API, kept in memory or shared by worker processes.

Each client address owns a bucket of ``burst`` tokens that refills at ``rate_per_second``; a request
takes one token, and a request that finds the bucket empty gets ``429 Too Many Requests`` with a
``Retry-After`` header saying when the next token arrives. At most ``max_clients`` buckets are
remembered, least recently seen forgotten first, so memory is bounded whatever the number of
clients.

One process keeps its buckets in memory (:class:`TokenBucketLimiter`). The workers of
``medcite serve --workers N`` keep them in one small SQLite file (:class:`SharedTokenBucketLimiter`:
WAL, each request one ``BEGIN IMMEDIATE`` transaction), so a client gets the configured rate
whichever worker its connections land on, not N times it. A SQLite failure never stops the server:
that request is counted in the worker's own in-memory buckets instead (logged once).
"""

from __future__ import annotations

import logging
import math
import sqlite3
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from starlette.types import ASGIApp, Receive, Scope, Send

from medcite.server.schemas import ErrorCode, ErrorDetail, ErrorResponse, ServerSettings

log = logging.getLogger("medcite.server")
Clock = Callable[[], float]
PRUNE_EVERY = 256
"""Requests between two prunes of the shared file's idle (full, hence forgettable) buckets."""


class RateLimiter(Protocol):
    def acquire(self, client: str) -> float:
        """Take a token for ``client``: 0.0 if allowed, else the seconds until one is available."""
        ...


@dataclass
class _Bucket:
    tokens: float
    updated: float


@dataclass(frozen=True)
class BucketRule:
    """The rate and the burst every bucket follows."""

    rate: float
    burst: int

    def take(self, bucket: _Bucket | None, now: float) -> tuple[_Bucket, float]:
        """The bucket after a request at ``now`` (a new one is full), and the wait (0.0: the
        request may go; then one token was taken)."""
        if bucket is None:
            tokens = float(self.burst)
        else:
            elapsed = max(0.0, now - bucket.updated)
            tokens = min(float(self.burst), bucket.tokens + elapsed * self.rate)
        if tokens >= 1.0:
            return _Bucket(tokens - 1.0, now), 0.0
        return _Bucket(tokens, now), (1.0 - tokens) / self.rate

    def idle_seconds(self) -> float:
        """After this long untouched a bucket is full again: the same as no bucket."""
        return self.burst / self.rate


def _rule(rate_per_second: float, burst: int, max_clients: int) -> BucketRule:
    if rate_per_second <= 0 or burst < 1 or max_clients < 1:
        raise ValueError("rate_per_second must be > 0, burst and max_clients ≥ 1")
    return BucketRule(rate_per_second, burst)


class TokenBucketLimiter:
    """Token buckets keyed by client, in memory; :meth:`acquire` is thread-safe and O(1)."""

    def __init__(
        self,
        rate_per_second: float,
        burst: int,
        max_clients: int = 10_000,
        clock: Clock = time.monotonic,
    ) -> None:
        self.rule = _rule(rate_per_second, burst, max_clients)
        self.rate = rate_per_second
        self.burst = burst
        self.max_clients = max_clients
        self._clock = clock
        self._buckets: OrderedDict[str, _Bucket] = OrderedDict()
        self._lock = threading.Lock()

    def acquire(self, client: str) -> float:
        """Take a token for ``client``: 0.0 if allowed, else the seconds until one is available."""
        with self._lock:
            bucket, wait = self.rule.take(self._buckets.pop(client, None), self._clock())
            self._buckets[client] = bucket
            while len(self._buckets) > self.max_clients:
                self._buckets.popitem(last=False)
            return wait

    def __len__(self) -> int:
        return len(self._buckets)


_SCHEMA = """CREATE TABLE IF NOT EXISTS buckets (
    client TEXT PRIMARY KEY,
    tokens REAL NOT NULL,
    updated REAL NOT NULL
)"""


class SharedTokenBucketLimiter:
    """Token buckets keyed by client in a SQLite file that several processes use at once.

    The clock must be the same in every process: wall-clock time (a clock set back only delays
    refills, never grants extra tokens)."""

    def __init__(
        self,
        path: Path,
        rate_per_second: float,
        burst: int,
        max_clients: int = 10_000,
        clock: Clock = time.time,
    ) -> None:
        self.rule = _rule(rate_per_second, burst, max_clients)
        self.path = path
        self.max_clients = max_clients
        self._clock = clock
        self._lock = threading.Lock()
        self._conn: sqlite3.Connection | None = None
        self._fallback: TokenBucketLimiter | None = None
        self._requests = 0

    def acquire(self, client: str) -> float:
        """Take a token for ``client``: 0.0 if allowed, else the seconds until one is available."""
        with self._lock:
            try:
                return self._acquire(client)
            except sqlite3.Error as exc:
                return self._fall_back(exc).acquire(client)

    def clients(self) -> int:
        """Buckets remembered in the file."""
        with self._lock:
            row = self._connection().execute("SELECT count(*) FROM buckets").fetchone()
            return int(row[0])

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None

    def _acquire(self, client: str) -> float:
        conn = self._connection()
        now = self._clock()
        conn.execute("BEGIN IMMEDIATE")
        try:
            row = conn.execute(
                "SELECT tokens, updated FROM buckets WHERE client = ?", (client,)
            ).fetchone()
            bucket, wait = self.rule.take(None if row is None else _Bucket(*row), now)
            conn.execute(
                "INSERT OR REPLACE INTO buckets VALUES (?, ?, ?)",
                (client, bucket.tokens, bucket.updated),
            )
            self._requests += 1
            if self._requests % PRUNE_EVERY == 0:
                self._prune(conn, now)
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        return wait

    def _prune(self, conn: sqlite3.Connection, now: float) -> None:
        conn.execute("DELETE FROM buckets WHERE updated < ?", (now - self.rule.idle_seconds(),))
        conn.execute(
            "DELETE FROM buckets WHERE client NOT IN "
            "(SELECT client FROM buckets ORDER BY updated DESC LIMIT ?)",
            (self.max_clients,),
        )

    def _connection(self) -> sqlite3.Connection:
        if self._conn is None:
            conn = sqlite3.connect(
                self.path, timeout=2.0, isolation_level=None, check_same_thread=False
            )
            try:
                conn.execute("PRAGMA journal_mode = WAL")
                conn.execute("PRAGMA synchronous = OFF")  # a limit, not data: lost with the server
                conn.execute(_SCHEMA)
            except sqlite3.Error:
                conn.close()
                raise
            self._conn = conn
        return self._conn

    def _fall_back(self, exc: sqlite3.Error) -> TokenBucketLimiter:
        """This worker's own buckets, for requests the shared file could not count."""
        if self._fallback is None:
            log.warning(
                "shared rate limit %s: %s; this worker counts such requests on its own",
                self.path,
                exc,
            )
            self._fallback = TokenBucketLimiter(
                self.rule.rate, self.rule.burst, self.max_clients, self._clock
            )
        return self._fallback


def rate_limiter(conf: ServerSettings, shared: Path | None = None) -> RateLimiter | None:
    """The limiter ``conf`` asks for (None when the limit is off); shared through the SQLite
    file ``shared`` when given (several worker processes)."""
    if conf.rate_limit_per_minute <= 0:
        return None
    rate, burst, clients = (
        conf.rate_limit_per_minute / 60,
        conf.rate_limit_burst,
        conf.rate_limit_clients,
    )
    if shared is None:
        return TokenBucketLimiter(rate, burst, clients)
    return SharedTokenBucketLimiter(shared, rate, burst, clients)


def client_key(scope: Scope) -> str:
    """The client's address as the server sees it (proxy headers are not trusted)."""
    client = scope.get("client")
    return str(client[0]) if client else "unknown"


class RateLimitMiddleware:
    """Apply ``limiter`` to HTTP requests whose path starts with one of ``prefixes``."""

    def __init__(
        self, app: ASGIApp, limiter: RateLimiter, prefixes: tuple[str, ...] = ("/v1/",)
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
