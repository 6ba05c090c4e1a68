"""The audit log: record, replay, list, versioned schema, secrets kept out."""

from __future__ import annotations

import json
import sqlite3
import threading
from datetime import UTC, datetime, timedelta
from itertools import count
from pathlib import Path

import pytest

from medcite.audit import SCHEMA_VERSION, AuditError, AuditLog, document_version, redact
from medcite.errors import InputError
from medcite.records import AbstractSection, Answer, Document, Query, Source

DOC = Document(
    id="pmid:1",
    source=Source.PUBMED,
    title="Gout",
    sections=(AbstractSection(text="Colchicine treats gout flares."),),
)


def _answer(answer_id: str = "a1b2c3d4e5f6", question: str = "How is gout treated?") -> str:
    answer = Answer(
        id=answer_id,
        question=question,
        query=Query(question=question, focus="gout"),
        disclaimer="Not medical advice.",
        searched=("local: gout", "PubMed general: gout"),
    )
    return answer.model_dump_json()


def _log(tmp_path: Path) -> AuditLog:
    ticks = count()
    start = datetime(2025, 1, 1, tzinfo=UTC)
    return AuditLog(
        tmp_path / "audit" / "log.sqlite3",
        new_id=lambda: f"gen{next(ticks):09d}",
        now=lambda: start + timedelta(minutes=next(ticks)),
    )


def _record(log: AuditLog, answer_json: str, question: str = "How is gout treated?") -> str:
    return log.record(
        answer_json,
        question,
        {"index": "/tmp/idx", "live": {"pubmed": {"email": "a@b.org", "api_key": "SECRET"}}},
        ["local: gout", "PubMed general: gout"],
        [(DOC.id, document_version(DOC)), ("medquad:x#1", "abc")],
    )


def test_record_and_replay_the_exact_answer(tmp_path: Path) -> None:
    log = _log(tmp_path)
    stored = _answer()
    answer_id = _record(log, stored)
    assert answer_id == "a1b2c3d4e5f6"  # the answer's own id
    assert log.get(answer_id) == stored
    assert Answer.model_validate_json(log.get(answer_id)).question == "How is gout treated?"


def test_entry_keeps_question_settings_searches_and_document_versions(tmp_path: Path) -> None:
    log = _log(tmp_path)
    entry = log.entry(_record(log, _answer()))
    assert entry.question == "How is gout treated?"
    assert entry.searches == ("local: gout", "PubMed general: gout")
    assert entry.documents == (("medquad:x#1", "abc"), ("pmid:1", document_version(DOC)))
    assert entry.settings["live"]["pubmed"] == {"email": "a@b.org", "api_key": "***"}
    assert entry.created_at.startswith("2025-01-01T00:")


def test_secrets_never_reach_the_file(tmp_path: Path) -> None:
    log = _log(tmp_path)
    _record(log, _answer())
    for path in log.path.parent.iterdir():
        assert b"SECRET" not in path.read_bytes()
    assert redact({"NCBI_API_KEY": "x", "nested": {"token": "y", "k": 1}}) == {
        "NCBI_API_KEY": "***",
        "nested": {"token": "***", "k": 1},
    }


def test_answers_without_an_id_get_one(tmp_path: Path) -> None:
    log = _log(tmp_path)
    assert _record(log, json.dumps({"question": "q"})) == "gen000000000"


def test_unique_prefix_and_unknown_ids(tmp_path: Path) -> None:
    log = _log(tmp_path)
    _record(log, _answer("abcd1111"))
    _record(log, _answer("abcd2222"))
    assert json.loads(log.get("abcd1"))["id"] == "abcd1111"
    with pytest.raises(InputError, match="ambiguous"):
        log.get("abcd")
    with pytest.raises(InputError, match="not in the audit log; list stored answers"):
        log.get("zzzzzz")
    with pytest.raises(InputError, match="not in the audit log"):
        log.get("ab")  # too short to be a prefix
    with pytest.raises(InputError):
        log.get("abc%")  # LIKE wildcards are not wildcards here


def test_recent_lists_newest_first(tmp_path: Path) -> None:
    log = _log(tmp_path)
    for n in range(5):
        _record(log, _answer(f"id{n:04d}", f"question {n}"), f"question {n}")
    recent = log.recent(limit=3)
    assert [s.id for s in recent] == ["id0004", "id0003", "id0002"]
    assert recent[0].question == "question 4"


def test_same_id_twice_is_refused(tmp_path: Path) -> None:
    log = _log(tmp_path)
    _record(log, _answer())
    with pytest.raises(AuditError, match="already stored"):
        _record(log, _answer())
    assert len(log.recent()) == 1


def test_not_json_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="not JSON"):
        _record(_log(tmp_path), "{oops")


def test_schema_is_versioned_and_a_newer_log_is_refused(tmp_path: Path) -> None:
    log = _log(tmp_path)
    _record(log, _answer())
    with sqlite3.connect(log.path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    with pytest.raises(AuditError, match="newer medcite"):
        log.get("a1b2c3d4e5f6")


def test_a_corrupt_log_gives_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "log.sqlite3"
    path.write_bytes(b"not a database" * 100)
    with pytest.raises(AuditError, match="unusable"):
        AuditLog(path).recent()


def test_constructing_touches_nothing(tmp_path: Path) -> None:
    AuditLog(tmp_path / "sub" / "log.sqlite3")
    assert not (tmp_path / "sub").exists()


def test_document_version_ignores_fetch_time_but_not_content() -> None:
    fetched = DOC.model_copy(update={"fetched_at": datetime(2025, 5, 1, tzinfo=UTC)})
    retracted = DOC.model_copy(update={"publication_types": ("Retracted Publication",)})
    assert document_version(fetched) == document_version(DOC)
    assert document_version(retracted) != document_version(DOC)


def test_concurrent_writers(tmp_path: Path) -> None:
    log = AuditLog(tmp_path / "log.sqlite3")
    errors: list[Exception] = []

    def write(n: int) -> None:
        try:
            _record(log, _answer(f"thread{n:03d}"))
        except AuditError as exc:
            errors.append(exc)

    threads = [threading.Thread(target=write, args=(n,)) for n in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert len(log.recent(limit=50)) == 20


# --- private by default: full ids for HTTP, retention --------------------------------------------


def test_generated_ids_are_full_uuid4_hex(tmp_path: Path) -> None:
    log = AuditLog(tmp_path / "log.sqlite3")
    answer_id = log.record('{"question": "q"}', "q", {}, [], [])
    assert len(answer_id) == 32
    assert int(answer_id, 16) >= 0


def test_get_exact_never_matches_a_prefix(tmp_path: Path) -> None:
    log = _log(tmp_path)
    full = "0f1e2d3c4b5a69788796a5b4c3d2e1f0"
    _record(log, _answer(full))
    assert log.get_exact(full) == _answer(full)
    assert log.get_exact(full[:4]) is None
    assert log.get_exact(full[:31]) is None
    assert log.get_exact(full.upper()) is None
    assert log.get(full[:4]) == _answer(full)  # the local user's `ask --replay` keeps prefixes


def _aged_log(tmp_path: Path, days_ago: list[int]) -> tuple[AuditLog, list[str]]:
    """A log whose answers were given ``days_ago`` days before 2025-06-01 (in that order)."""
    today = datetime(2025, 6, 1, tzinfo=UTC)
    times = iter([today - timedelta(days=d) for d in days_ago])
    writer = AuditLog(tmp_path / "log.sqlite3", now=lambda: next(times))
    ids = [_record(writer, _answer(f"{n:032x}")) for n in range(len(days_ago))]
    return AuditLog(tmp_path / "log.sqlite3", now=lambda: today), ids


def test_prune_by_age_removes_old_answers_and_their_rows(tmp_path: Path) -> None:
    log, ids = _aged_log(tmp_path, [400, 100, 30, 1])
    assert log.prune(older_than_days=90) == 2
    assert [s.id for s in log.recent()] == [ids[3], ids[2]]
    with sqlite3.connect(log.path) as conn:
        answers = {row[0] for row in conn.execute("SELECT answer_id FROM searches")}
        documents = {row[0] for row in conn.execute("SELECT answer_id FROM documents")}
    assert answers == documents == {ids[2], ids[3]}  # searches and documents went with them


def test_prune_by_count_keeps_the_newest(tmp_path: Path) -> None:
    log, ids = _aged_log(tmp_path, [5, 4, 3, 2, 1])
    assert log.prune(keep=2) == 3
    assert [s.id for s in log.recent()] == [ids[4], ids[3]]
    assert log.prune(older_than_days=90, keep=2) == 0
    assert log.count() == 2


def test_prune_shrinks_the_file(tmp_path: Path) -> None:
    log, _ids = _aged_log(tmp_path, [200] * 200 + [1])
    before = log.path.stat().st_size
    assert log.prune(older_than_days=30) == 200
    assert log.path.stat().st_size < before / 4  # VACUUMed
