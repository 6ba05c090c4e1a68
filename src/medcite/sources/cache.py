"""Persistent SQLite cache of successful HTTP responses, keyed by the normalised request.

Only responses that were complete and parsed successfully are stored (the HTTP client calls
:meth:`ResponseCache.put` after the parser accepted the body), so a failed, truncated or malformed
response can never be replayed from the cache. Secrets never reach the cache: the key is computed
without them and the stored request description has them masked.

The cache is an optimisation: if the database cannot be opened or written, medcite logs a warning
and carries on without it.
"""

from __future__ import annotations

import hashlib
import json
import logging
import sqlite3
import threading
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

SCHEMA_VERSION = 1
_SCHEMA = """
CREATE TABLE IF NOT EXISTS responses (
    key TEXT PRIMARY KEY,
    request TEXT NOT NULL,
    content_type TEXT NOT NULL,
    body BLOB NOT NULL,
    stored_at REAL NOT NULL
)
"""


@dataclass(frozen=True)
class Payload:
    """A complete response body, as the network or the cache delivered it."""

    body: bytes
    content_type: str
    fetched_at: float
    """When the body was fetched from the network (seconds since the epoch)."""
    from_cache: bool = False


def request_key(
    method: str, url: str, params: Iterable[tuple[str, str]], ignored: Iterable[str]
) -> str:
    """A stable key for a request: method, URL and sorted parameters, ``ignored`` names dropped.

    ``ignored`` holds secrets (``api_key``) and parameters that do not change the answer
    (``tool``, ``email``), so neither leaks into the cache nor splits it.
    """
    skip = frozenset(ignored)
    kept = sorted((k, v) for k, v in params if k not in skip)
    text = json.dumps([method.upper(), url, kept], separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()


class ResponseCache:
    """Responses younger than ``ttl_s`` are served from ``path``; ``refresh`` only writes.

    Safe to share between threads (one connection, guarded by a lock) and between processes
    (SQLite WAL journal with a busy time-out). Nothing is touched until the first lookup.
    """

    def __init__(
        self, path: Path, ttl_s: float, now: Callable[[], float], refresh: bool = False
    ) -> None:
        self.path = Path(path)
        self.ttl_s = ttl_s
        self.refresh = refresh
        self._now = now
        self._lock = threading.Lock()
        self._conn: sqlite3.Connection | None = None
        self._broken = False

    def get(self, key: str) -> Payload | None:
        """The stored payload for ``key`` if it is fresh (and ``refresh`` is off), else None."""
        if self.refresh:
            return None
        row = self._run("SELECT content_type, body, stored_at FROM responses WHERE key = ?", key)
        if row is None or self._now() - float(row[2]) > self.ttl_s:
            return None
        return Payload(bytes(row[1]), str(row[0]), float(row[2]), from_cache=True)

    def put(self, key: str, request: str, payload: Payload) -> None:
        """Store a successfully parsed response (``request`` must already have secrets masked)."""
        self._run(
            "INSERT OR REPLACE INTO responses VALUES (?, ?, ?, ?, ?)",
            key,
            request,
            payload.content_type,
            payload.body,
            payload.fetched_at,
        )

    def delete(self, key: str) -> None:
        self._run("DELETE FROM responses WHERE key = ?", key)

    def purge_expired(self) -> None:
        self._run("DELETE FROM responses WHERE stored_at < ?", self._now() - self.ttl_s)

    def requests(self) -> list[str]:
        """Every stored request description (for tests and ``medcite cache`` style tools)."""
        with self._lock:
            conn = self._connection()
            if conn is None:
                return []
            return [str(r[0]) for r in conn.execute("SELECT request FROM responses ORDER BY 1")]

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None

    def _run(self, sql: str, *args: object) -> tuple[Any, ...] | None:
        with self._lock:
            conn = self._connection()
            if conn is None:
                return None
            try:
                with conn:
                    row: tuple[Any, ...] | None = conn.execute(sql, args).fetchone()
                return row
            except sqlite3.Error as exc:
                log.warning("HTTP cache %s: %s; continuing without it", self.path, exc)
                return None

    def _connection(self) -> sqlite3.Connection | None:
        if self._conn is None and not self._broken:
            try:
                self._conn = _open(self.path)
            except (sqlite3.Error, OSError) as exc:
                log.warning("HTTP cache %s unusable (%s); continuing without it", self.path, exc)
                self._broken = True
        return self._conn


def _open(path: Path) -> sqlite3.Connection:
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(path, timeout=10, check_same_thread=False, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version != SCHEMA_VERSION:
        conn.execute("DROP TABLE IF EXISTS responses")  # a cache: rebuilding is always safe
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    conn.execute(_SCHEMA)
    return conn


def mask(params: Iterable[tuple[str, str]], secrets: Iterable[str]) -> list[tuple[str, str]]:
    """``params`` with the values of ``secrets`` replaced by ``***`` (for logs and the cache)."""
    hidden = frozenset(secrets)
    return [(k, "***" if k in hidden else v) for k, v in params]


def describe(url: str, params: Mapping[str, str] | Iterable[tuple[str, str]]) -> str:
    """``url?k=v&...`` for logs (callers mask secrets first)."""
    pairs = params.items() if isinstance(params, Mapping) else params
    query = "&".join(f"{k}={v}" for k, v in pairs)
    return f"{url}?{query}" if query else url
