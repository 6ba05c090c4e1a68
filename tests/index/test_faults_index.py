"""A damaged index or store is a one-line error with exit code 3 that names the damaged file;
never a traceback, never advice to delete data (issue 13 §3)."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from medcite import Engine
from medcite.config import IndexSettings, SemanticSettings, Settings
from medcite.errors import AuditLogError, IndexCorruptError, IndexWriteError
from medcite.index import integrity, tantivy_index
from medcite.index.readonly import read_only_view
from medcite.index.tantivy_index import TantivyIndex

WORDS = ("fever", "cough", "asthma", "migraine", "gout", "anemia", "eczema", "angina")
SEGMENT_FILES = ("store", "fast", "idx", "term", "pos", "fieldnorm")


def _settings(path: Path) -> Settings:
    return Settings(
        index=path,
        semantic=SemanticSettings(enabled=False),
        index_settings=IndexSettings(writer_threads=1),
    )


@pytest.fixture(scope="module")
def clean_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """300 handmade documents in one segment."""
    folder = tmp_path_factory.mktemp("faults")
    rows = folder / "rows.jsonl"
    with rows.open("w", encoding="utf-8") as out:
        for i in range(300):
            a, b = WORDS[i % 8], WORDS[(i * 3 + 1) % 8]
            row = {"id": f"doc:{i}", "title": f"{a} and {b} study {i}", "year": 1990 + i % 30}
            out.write(json.dumps({**row, "abstract": f"Patients with {a} had {b}. " * 5}) + "\n")
    Engine(folder / "index", _settings(folder / "index")).ingest([rows])
    return folder / "index"


def _copy(clean: Path, tmp_path: Path) -> Path:
    return Path(shutil.copytree(clean, tmp_path / "index"))


def _overwrite(index: Path, ext: str, fraction: float) -> Path:
    """Overwrite a tenth of the segment's ``ext`` file with 0xff bytes, from ``fraction`` on."""
    (file,) = index.glob(f"*.{ext}")
    size = file.stat().st_size
    start, length = int(size * fraction), max(8, size // 10)
    # in place, never truncating: an index this process still has open maps the file, and a
    # mapped page past a (momentarily) shorter file is a SIGBUS
    with file.open("r+b") as out:
        out.seek(start)
        out.write(b"\xff" * min(length, size - start))
    return file


def _medcite(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "MEDCITE_SEMANTIC__ENABLED": "false", "RUST_BACKTRACE": "0"}
    command = [sys.executable, "-m", "medcite", *args]
    return subprocess.run(
        command, check=False, capture_output=True, text=True, env=env, timeout=120
    )


def _one_line_error(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 3, result.stderr
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(lines) == 1, result.stderr
    assert "delete" not in lines[0]
    return lines[0]


@pytest.mark.parametrize("ext", SEGMENT_FILES)
def test_bytes_changed_inside_any_segment_file_are_found_by_verify(
    clean_index: Path, tmp_path: Path, ext: str
) -> None:
    index = _copy(clean_index, tmp_path)
    Engine(index, _settings(index)).verify()
    damaged = _overwrite(index, ext, 0.3)
    with pytest.raises(IndexCorruptError) as caught:
        Engine(index, _settings(index)).verify()
    assert str(damaged) in str(caught.value) and "another directory" in str(caught.value)


def test_a_damaged_store_file_is_one_line_naming_it_on_search(
    clean_index: Path, tmp_path: Path
) -> None:
    index = _copy(clean_index, tmp_path)
    damaged = _overwrite(index, "store", 0.1)
    line = _one_line_error(_medcite("search", "fever", "--index", str(index)))
    assert damaged.name in line and "fails its checksum" in line


def test_a_damaged_fast_file_is_one_line_on_index_info_without_a_panic(
    clean_index: Path, tmp_path: Path
) -> None:
    index = _copy(clean_index, tmp_path)
    damaged = _overwrite(index, "fast", 0.1)
    result = _medcite("index", "info", "--index", str(index))
    assert damaged.name in _one_line_error(result)
    assert "panicked" not in result.stderr


def test_a_truncated_segment_file_is_one_line_naming_it_on_open(
    clean_index: Path, tmp_path: Path
) -> None:
    index = _copy(clean_index, tmp_path)
    (file,) = index.glob("*.term")
    file.write_bytes(file.read_bytes()[:-20])
    for command in (["search", "fever"], ["ask", "what causes fever"], ["index", "info"]):
        line = _one_line_error(_medcite(*command, "--index", str(index)))
        assert file.name in line and "footer" in line


def test_a_rust_panic_while_reading_becomes_index_corrupt_error(
    clean_index: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    panic = type("PanicException", (BaseException,), {"__module__": "pyo3_runtime"})

    def explode(*_args: object) -> None:
        raise panic("assertion failed: end <= orig_range.end")

    index = TantivyIndex.open(_copy(clean_index, tmp_path))
    monkeypatch.setattr(index, "_stats", explode)
    with pytest.raises(IndexCorruptError, match="assertion failed"):
        index.stats()


def test_only_panics_are_converted_other_base_exceptions_pass(tmp_path: Path) -> None:
    other = type("PanicException", (BaseException,), {})  # right name, wrong module
    for exc in (KeyboardInterrupt(), SystemExit(1), other()):
        with pytest.raises(type(exc)), integrity.reading(tmp_path):
            raise exc


def test_a_write_failure_says_the_last_commit_is_kept(tmp_path: Path) -> None:
    with (
        pytest.raises(IndexWriteError, match="committed before are kept"),
        integrity.writing(tmp_path),
    ):
        raise OSError(28, "No space left on device")


def test_a_read_only_folder_is_searched_through_links_and_not_written(
    clean_index: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    index = _copy(clean_index, tmp_path)
    before = sorted(p.name for p in index.iterdir())
    view = read_only_view(index)
    assert TantivyIndex(index, tantivy_index.tantivy.Index.open(str(view.path))).search("gout", 3)
    view.close()
    monkeypatch.setattr(tantivy_index.os, "access", lambda _path, _mode: False)
    opened = TantivyIndex.open(index)
    assert opened.read_only and opened.search("fever", 5)
    with pytest.raises(IndexWriteError, match="read-only"):
        opened.writer(16, 1)
    assert sorted(p.name for p in index.iterdir()) == before


def test_a_damaged_audit_log_exits_3_naming_it(clean_index: Path, tmp_path: Path) -> None:
    index = _copy(clean_index, tmp_path)
    (index / "audit.sqlite3").write_bytes(b"not a database" * 300)
    line = _one_line_error(_medcite("ask", "what causes fever", "--index", str(index)))
    assert "audit.sqlite3" in line and "damaged" in line
    line = _one_line_error(_medcite("ask", "--replay", "abcd1234", "--index", str(index)))
    assert "audit.sqlite3" in line
    with pytest.raises(AuditLogError):
        Engine(index, _settings(index)).replay("abcd1234")


def test_a_damaged_vocabulary_exits_3_naming_it(clean_index: Path, tmp_path: Path) -> None:
    index = _copy(clean_index, tmp_path)
    (index / "vocab.sqlite").write_bytes(b"not a database" * 300)
    line = _one_line_error(_medcite("ask", "what causes fever", "--index", str(index)))
    assert "vocab.sqlite" in line


def test_sqlite_problem_names_damage_and_passes_a_sound_database(tmp_path: Path) -> None:
    sound = tmp_path / "sound.sqlite"
    with sqlite3.connect(sound) as db:
        db.execute("CREATE TABLE t (x)")
    damaged = tmp_path / "damaged.sqlite"
    damaged.write_bytes(b"garbage" * 500)
    assert integrity.sqlite_problem(sound) is None
    assert integrity.sqlite_problem(tmp_path / "absent.sqlite") is None
    assert integrity.sqlite_problem(damaged)
