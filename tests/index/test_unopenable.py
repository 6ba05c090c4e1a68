"""An index that cannot be opened gets advice that keeps the user's data."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from medcite import Engine
from medcite.errors import IndexError_
from medcite.index import tantivy_index


def _index(tmp_path: Path) -> Path:
    rows = tmp_path / "rows.jsonl"
    rows.write_text(json.dumps({"id": "doc:1", "title": "Fever in adults"}) + "\n")
    Engine(tmp_path / "index").ingest([rows])
    return tmp_path / "index"


def _fail_open(path: str) -> None:
    raise ValueError("Failed to acquire Lockfile")


def test_a_read_only_index_is_called_read_only_not_corrupt(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _index(tmp_path)
    monkeypatch.setattr(tantivy_index.tantivy.Index, "open", staticmethod(_fail_open))
    monkeypatch.setattr(tantivy_index.os, "access", lambda _p, _mode: False)
    with pytest.raises(IndexError_) as caught:
        tantivy_index.TantivyIndex.open(path)
    message = str(caught.value)
    assert "read-only" in message and "delete" not in message


def test_an_unopenable_index_never_advises_deleting_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _index(tmp_path)
    monkeypatch.setattr(tantivy_index.tantivy.Index, "open", staticmethod(_fail_open))
    with pytest.raises(IndexError_) as caught:
        tantivy_index.TantivyIndex.open(path)
    message = str(caught.value)
    assert "another directory" in message and "delete" not in message
