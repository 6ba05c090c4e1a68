"""``medcite history`` lists stored answers so a replay id can be found."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

from typer.testing import CliRunner

from medcite.audit import AuditLog
from medcite.cli import app


def _log(path: Path, questions: list[str]) -> list[str]:
    times = iter(datetime(2026, 1, 1, tzinfo=UTC) + timedelta(minutes=n) for n in range(100))
    log = AuditLog(path, now=lambda: next(times))
    return [log.record("{}", q, {}, [q], []) for q in questions]


def test_history_lists_newest_first_on_one_line_each(tmp_path: Path) -> None:
    ids = _log(tmp_path / "audit.sqlite3", ["first question", "second\nquestion " + "x" * 300])
    result = CliRunner().invoke(
        app, ["history", "--audit-log", str(tmp_path / "audit.sqlite3")], env={"COLUMNS": "400"}
    )
    assert result.exit_code == 0, result.output
    lines = [line for line in result.stdout.splitlines() if line.strip()]
    assert lines[0].startswith(ids[1]) and "second question x" in lines[0]
    assert lines[0].endswith("…")
    assert lines[1].startswith(ids[0]) and lines[1].endswith("first question")


def test_history_json_and_limit(tmp_path: Path) -> None:
    ids = _log(tmp_path / "a.sqlite3", ["one", "two", "three"])
    args = ["history", "-n", "2", "-f", "json", "--audit-log", str(tmp_path / "a.sqlite3")]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0
    rows = json.loads(result.stdout)
    assert [r["id"] for r in rows] == [ids[2], ids[1]]
    assert rows[0]["question"] == "three"


def test_history_without_a_log_says_so_and_creates_nothing(tmp_path: Path) -> None:
    missing = tmp_path / "nothing" / "audit.sqlite3"
    result = CliRunner().invoke(app, ["history", "--audit-log", str(missing)])
    assert result.exit_code == 0
    assert "no answers stored" in result.output
    assert not missing.parent.exists()
