"""The audit log: every answer medcite gave, with what it was built from, in SQLite.

Each entry keeps the question, the settings in force, every search made (local or remote), the
id and version of every document the answer could cite, and the answer itself as JSON — enough
to re-render it offline (``medcite ask --replay ANSWER_ID``) and to tell whether the evidence has
changed since (compare the stored versions with :func:`document_version` of today's documents).

Answer ids are uuid4 hex (32 characters, 122 random bits): unguessable. The local user may
abbreviate one to a unique prefix (``ask --replay``); the HTTP server looks up full ids only
(:meth:`AuditLog.get_exact`).
Retention: :meth:`AuditLog.prune` removes answers past an age or beyond a count, then VACUUMs.

The schema is versioned (``PRAGMA user_version``); a log written by a newer medcite is refused
rather than misread. Nothing is opened until the first call, and every call uses its own
connection, so one ``AuditLog`` can be shared by threads and processes.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import uuid
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import closing, contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from medcite.errors import AuditLogError, InputError
from medcite.records import Document

SCHEMA_VERSION = 1
MIN_PREFIX = 4
"""An answer id may be abbreviated to a unique prefix of at least this many characters."""
_SECRET_KEYS = frozenset({"api_key", "ncbi_api_key", "password", "secret", "token"})
_SCHEMA = (
    """CREATE TABLE IF NOT EXISTS answers (
        id TEXT PRIMARY KEY,
        created_at TEXT NOT NULL,
        question TEXT NOT NULL,
        settings TEXT NOT NULL,
        answer TEXT NOT NULL
    )""",
    """CREATE TABLE IF NOT EXISTS searches (
        answer_id TEXT NOT NULL REFERENCES answers(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        search TEXT NOT NULL,
        PRIMARY KEY (answer_id, position)
    )""",
    """CREATE TABLE IF NOT EXISTS documents (
        answer_id TEXT NOT NULL REFERENCES answers(id) ON DELETE CASCADE,
        document_id TEXT NOT NULL,
        version TEXT NOT NULL,
        PRIMARY KEY (answer_id, document_id)
    )""",
    "CREATE INDEX IF NOT EXISTS answers_by_time ON answers (created_at)",
)


AuditError = AuditLogError
"""The audit log cannot be read or written (exit code 3; the name kept for existing callers)."""


@dataclass(frozen=True)
class AuditSummary:
    """One line of ``medcite history``."""

    id: str
    created_at: str
    question: str


@dataclass(frozen=True)
class AuditEntry:
    """Everything stored about one answer."""

    id: str
    created_at: str
    question: str
    settings: dict[str, Any]
    searches: tuple[str, ...]
    documents: tuple[tuple[str, str], ...]
    """(document id, version) pairs."""
    answer_json: str


def document_version(doc: Document) -> str:
    """A short content hash of ``doc`` (fetch time excluded): changes when the record does."""
    text = doc.model_dump_json(exclude={"fetched_at", "abstract"})
    return hashlib.sha256(text.encode()).hexdigest()[:16]


class AuditLog:
    """SQLite audit log at ``path`` (created on first write)."""

    def __init__(
        self,
        path: str | Path,
        new_id: Callable[[], str] | None = None,
        now: Callable[[], datetime] | None = None,
    ) -> None:
        self.path = Path(path)
        self._new_id = new_id or (lambda: uuid.uuid4().hex)
        self._now = now or (lambda: datetime.now(UTC))

    def record(
        self,
        answer_json: str,
        question: str,
        settings: Mapping[str, Any],
        searches: Sequence[str],
        documents: Sequence[tuple[str, str]],
    ) -> str:
        """Store one answer; returns its id (the answer's own ``id`` field when it has one)."""
        answer_id = _answer_id(answer_json) or self._new_id()
        created = self._now().isoformat(timespec="seconds")
        settings_json = json.dumps(redact(settings), sort_keys=True, default=str)
        with self._connect() as conn:
            conn.execute(
                "INSERT INTO answers VALUES (?, ?, ?, ?, ?)",
                (answer_id, created, question, settings_json, answer_json),
            )
            conn.executemany(
                "INSERT INTO searches VALUES (?, ?, ?)",
                [(answer_id, n, s) for n, s in enumerate(searches)],
            )
            conn.executemany(
                "INSERT OR REPLACE INTO documents VALUES (?, ?, ?)",
                [(answer_id, doc_id, version) for doc_id, version in documents],
            )
        return answer_id

    def get(self, answer_id: str) -> str:
        """The stored answer JSON (``answer_id`` may be a unique prefix)."""
        return self.entry(answer_id).answer_json

    def get_exact(self, answer_id: str) -> str | None:
        """The stored answer JSON for exactly ``answer_id`` (no prefixes), or None."""
        with self._connect() as conn:
            row = conn.execute("SELECT answer FROM answers WHERE id = ?", (answer_id,)).fetchone()
        return None if row is None else str(row[0])

    def prune(self, older_than_days: int | None = None, keep: int | None = None) -> int:
        """Remove answers older than ``older_than_days`` and all but the newest ``keep``; then
        VACUUM so the file shrinks. Returns how many answers were removed."""
        with self._connect() as conn:
            removed = 0
            if older_than_days is not None:
                cutoff = self._now() - timedelta(days=older_than_days)
                sql = "DELETE FROM answers WHERE created_at < ?"
                removed += conn.execute(sql, (cutoff.isoformat(timespec="seconds"),)).rowcount
            if keep is not None:
                sql = (
                    "DELETE FROM answers WHERE rowid NOT IN (SELECT rowid FROM answers "
                    "ORDER BY created_at DESC, rowid DESC LIMIT ?)"
                )
                removed += conn.execute(sql, (keep,)).rowcount
        if removed:
            self._vacuum()
        return removed

    def count(self) -> int:
        """How many answers are stored."""
        with self._connect() as conn:
            return int(conn.execute("SELECT count(*) FROM answers").fetchone()[0])

    def _vacuum(self) -> None:
        try:
            with closing(sqlite3.connect(self.path, timeout=10)) as conn:
                conn.execute("VACUUM")
        except sqlite3.Error as exc:
            raise AuditError(f"audit log {self.path}: could not compact it ({exc})") from exc

    def entry(self, answer_id: str) -> AuditEntry:
        """Everything stored about one answer (``answer_id`` may be a unique prefix)."""
        with self._connect() as conn:
            full_id = _resolve(conn, answer_id)
            row = conn.execute("SELECT * FROM answers WHERE id = ?", (full_id,)).fetchone()
            searches = conn.execute(
                "SELECT search FROM searches WHERE answer_id = ? ORDER BY position", (full_id,)
            ).fetchall()
            documents = conn.execute(
                "SELECT document_id, version FROM documents WHERE answer_id = ? ORDER BY 1",
                (full_id,),
            ).fetchall()
        return AuditEntry(
            id=row[0],
            created_at=row[1],
            question=row[2],
            settings=json.loads(row[3]),
            searches=tuple(s for (s,) in searches),
            documents=tuple((d, v) for d, v in documents),
            answer_json=row[4],
        )

    def recent(self, limit: int = 20) -> list[AuditSummary]:
        """The most recent answers, newest first."""
        with self._connect() as conn:
            rows = conn.execute(
                "SELECT id, created_at, question FROM answers "
                "ORDER BY created_at DESC, rowid DESC LIMIT ?",
                (limit,),
            ).fetchall()
        return [AuditSummary(*row) for row in rows]

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        """A connection in one transaction (committed on success, rolled back on error)."""
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with closing(sqlite3.connect(self.path, timeout=10)) as conn:
                conn.execute("PRAGMA foreign_keys = ON")
                _migrate(conn, self.path)
                with conn:
                    yield conn
        except sqlite3.IntegrityError as exc:
            raise AuditError(f"audit log {self.path}: {exc} (answer id already stored?)") from exc
        except (sqlite3.Error, OSError) as exc:
            raise AuditError(_unusable(self.path, exc)) from exc


_DAMAGED = frozenset({"SQLITE_CORRUPT", "SQLITE_NOTADB"})
_BUSY = frozenset({"SQLITE_BUSY", "SQLITE_LOCKED"})
_ELSEWHERE = "or use another --audit-log (MEDCITE_AUDIT_LOG); MEDCITE_AUDIT=false turns the log off"


def _unusable(path: Path, exc: sqlite3.Error | OSError) -> str:
    """Why the audit log at ``path`` cannot be used and what to do, never advising deletion."""
    code = getattr(exc, "sqlite_errorname", None)
    if code in _DAMAGED:
        return (
            f"audit log {path} is damaged and unusable ({exc}); move it aside (it holds the "
            f"answers given so far) to start a new one, {_ELSEWHERE}"
        )
    if code in _BUSY:
        return f"audit log {path} is busy ({exc}); another medcite is writing it: try again"
    return (
        f"audit log {path} cannot be written ({exc}): free disk space or make its folder "
        f"writable, {_ELSEWHERE}"
    )


def _migrate(conn: sqlite3.Connection, path: Path) -> None:
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version > SCHEMA_VERSION:
        raise AuditError(
            f"audit log {path} was written by a newer medcite (schema {version}, this one reads "
            f"{SCHEMA_VERSION}); upgrade medcite or use another --audit-log"
        )
    if version < SCHEMA_VERSION:
        with conn:
            for statement in _SCHEMA:
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")


def _resolve(conn: sqlite3.Connection, answer_id: str) -> str:
    """The full id for ``answer_id`` or a unique prefix of it."""
    answer_id = answer_id.strip()
    if conn.execute("SELECT 1 FROM answers WHERE id = ?", (answer_id,)).fetchone():
        return answer_id
    matches: list[tuple[str]] = []
    if len(answer_id) >= MIN_PREFIX:
        pattern = answer_id.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        sql = "SELECT id FROM answers WHERE id LIKE ? ESCAPE '\\' LIMIT 2"
        matches = conn.execute(sql, (pattern,)).fetchall()
    if len(matches) == 1:
        return matches[0][0]
    why = "is ambiguous" if matches else "is not in the audit log"
    raise InputError(f"answer id {answer_id!r} {why}; list stored answers with `medcite history`")


def _answer_id(answer_json: str) -> str | None:
    try:
        data = json.loads(answer_json)
    except ValueError as exc:
        raise InputError(f"refusing to log an answer that is not JSON ({exc})") from exc
    found = data.get("id") if isinstance(data, dict) else None
    return str(found) if found else None


def redact(settings: Mapping[str, Any]) -> dict[str, Any]:
    """``settings`` with secret-looking values (API keys, tokens) replaced by ``***``."""
    return {
        key: "***"
        if key.lower() in _SECRET_KEYS
        else redact(value)
        if isinstance(value, Mapping)
        else value
        for key, value in settings.items()
    }
