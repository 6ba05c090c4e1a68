"""The answer cache's second level, shared by the worker processes of one ``medcite serve``.

Each worker keeps its own in-memory LRU (:mod:`medcite.server.cache`); with ``--workers N`` a
repeated question would otherwise be computed again by every worker its requests land on. So
workers also write each answer they store to one SQLite file in a temporary directory made by the
supervisor (WAL, no fsync: it is a cache, lost with the server), and look there on a local miss.

Entries carry the index generation they were computed against and are ignored for any other; the
file keeps at most ``max_entries`` answers (the oldest are deleted) and each for ``ttl_seconds``.
The cache must never break answering: a SQLite error is logged and counts as a miss.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
import time
from collections.abc import Callable
from pathlib import Path

log = logging.getLogger("medcite.server")

PRUNE_EVERY = 64
"""Writes between two prunes of old entries (and of entries of an older index)."""
_SCHEMA = """CREATE TABLE IF NOT EXISTS answers (
    key TEXT PRIMARY KEY,
    generation TEXT NOT NULL,
    stored_at REAL NOT NULL,
    json TEXT NOT NULL,
    markdown TEXT NOT NULL
)"""


class SharedAnswerStore:
    """Answer JSON and Markdown by key and generation, in one SQLite file for all workers."""

    def __init__(
        self,
        path: Path,
        max_entries: int,
        ttl_seconds: float,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.path = path
        self.max_entries = max_entries
        self.ttl_seconds = ttl_seconds
        self._clock = clock
        self._lock = threading.Lock()
        self._conn: sqlite3.Connection | None = None
        self._writes = 0

    def get(self, key: str, generation: str) -> tuple[str, str, float] | None:
        """(json, markdown, age in seconds) stored for ``key`` over index ``generation``, if
        still fresh."""
        now = self._clock()
        sql = (
            "SELECT json, markdown, stored_at FROM answers "
            "WHERE key = ? AND generation = ? AND stored_at >= ?"
        )
        row = self._run(lambda c: c.execute(sql, (key, generation, now - self.ttl_seconds)))
        found = row.fetchone() if isinstance(row, sqlite3.Cursor) else None
        return None if found is None else (str(found[0]), str(found[1]), now - float(found[2]))

    def put(self, key: str, generation: str, json: str, markdown: str) -> None:
        row = (key, generation, self._clock(), json, markdown)
        self._run(lambda c: c.execute("INSERT OR REPLACE INTO answers VALUES (?, ?, ?, ?, ?)", row))
        self._writes += 1
        if self._writes % PRUNE_EVERY == 0:
            self._run(lambda c: self._prune(c, generation))

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None

    def _prune(self, conn: sqlite3.Connection, generation: str) -> None:
        conn.execute("DELETE FROM answers WHERE generation != ?", (generation,))
        conn.execute(
            "DELETE FROM answers WHERE key NOT IN "
            "(SELECT key FROM answers ORDER BY stored_at DESC LIMIT ?)",
            (self.max_entries,),
        )

    def _run(self, work: Callable[[sqlite3.Connection], object]) -> object:
        try:
            with self._lock:
                conn = self._connection()
                with conn:
                    return work(conn)
        except sqlite3.Error as exc:
            log.warning("shared answer cache %s: %s (treated as a miss)", self.path, exc)
            return None

    def _connection(self) -> sqlite3.Connection:
        if self._conn is None:
            conn = sqlite3.connect(self.path, timeout=1.0, check_same_thread=False)
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = OFF")
            conn.execute(_SCHEMA)
            self._conn = conn
        return self._conn
