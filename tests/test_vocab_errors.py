"""Bad paths and a damaged or misplaced vocabulary give one-line errors, never a traceback,
and never touch the index or the other files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import HANDMADE_TERMS, _gz_tsv
from medcite import Engine
from medcite.errors import IndexError_, IndexMissingError


def _index(tmp_path: Path) -> Engine:
    rows = tmp_path / "rows.jsonl"
    rows.write_text(json.dumps({"id": "doc:1", "title": "Fever in adults"}) + "\n")
    engine = Engine(tmp_path / "index")
    engine.ingest([rows])
    return engine


def _terms(tmp_path: Path) -> Path:
    header = "DescriptorUI\tDescriptorName\tTermName"
    return _gz_tsv(tmp_path / "terms.tsv.gz", header, HANDMADE_TERMS)


def test_a_damaged_vocabulary_is_a_clear_error_and_vocab_load_replaces_it(tmp_path: Path) -> None:
    engine = _index(tmp_path)
    engine.vocabulary_path.write_bytes(b"not a database" * 200)
    with pytest.raises(IndexError_, match="damaged"):
        Engine(engine.index_path).understand("what causes fever")
    counts = Engine(engine.index_path).load_vocabulary(_terms(tmp_path))
    assert counts["mesh"] > 0
    assert Engine(engine.index_path).understand("what causes fever").concepts


def test_vocab_load_without_an_index_creates_nothing(tmp_path: Path) -> None:
    missing = tmp_path / "missing"
    with pytest.raises(IndexMissingError):
        Engine(missing).load_vocabulary(_terms(tmp_path))
    assert not missing.exists()
    a_file = tmp_path / "a-file"
    a_file.write_text("x")
    with pytest.raises(IndexMissingError):
        Engine(a_file).load_vocabulary(_terms(tmp_path))
    assert a_file.read_text() == "x"


def test_a_missing_path_is_reported_and_the_other_files_still_ingest(tmp_path: Path) -> None:
    rows = tmp_path / "rows.jsonl"
    rows.write_text(json.dumps({"id": "doc:1", "title": "Fever in adults"}) + "\n")
    engine = Engine(tmp_path / "index")
    report = engine.ingest([tmp_path / "missing.jsonl", rows])
    assert report.added == 1
    assert [Path(f.path).name for f in report.failed] == ["missing.jsonl"]
    assert "No such file" in (report.failed[0].error or "")
