"""An ingest killed with SIGKILL at any point, then run again, gives the index a clean ingest gives
(same ids, same stored records), and nothing a killed run leaves behind needs deleting."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from medcite.index.tantivy_index import META_FILE, TantivyIndex

ENV = {
    **os.environ,
    "MEDCITE_SEMANTIC__ENABLED": "false",
    "MEDCITE_INDEX_SETTINGS__COMMIT_EVERY": "200",
}


@pytest.fixture(scope="module")
def rows(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("kill") / "rows.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for i in range(3000):
            title = f"study {i} of fever and cough in adults"
            out.write(json.dumps({"id": f"doc:{i}", "title": title, "abstract": title * 20}) + "\n")
    return path


def _ingest(rows: Path, index: Path) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "medcite", "ingest", str(rows), "--index", str(index), "-q"]
    return subprocess.Popen(command, env=ENV, stderr=subprocess.PIPE)


def _finish(rows: Path, index: Path) -> None:
    process = _ingest(rows, index)
    _, err = process.communicate(timeout=300)
    assert process.returncode == 0 and b"Traceback" not in err, err.decode()


def _digest(index: Path) -> dict[str, str]:
    stored = TantivyIndex.open(index).stored_records()
    return {doc_id: hashlib.sha256(record).hexdigest() for doc_id, record in stored}


def _committed(index: Path) -> bool:
    meta = index / "meta.json"
    return meta.exists() and bool(json.loads(meta.read_text() or "{}").get("segments"))


def _kill_when(rows: Path, index: Path, ready: Callable[[], bool]) -> None:
    process = _ingest(rows, index)
    deadline = time.monotonic() + 120
    while not ready() and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.005)
    process.send_signal(signal.SIGKILL)
    process.communicate(timeout=60)


@pytest.mark.parametrize("when", ["folder created", "first commit"])
def test_killed_ingest_then_rerun_gives_the_clean_index(
    rows: Path, tmp_path: Path, when: str
) -> None:
    clean = tmp_path / "clean"
    _finish(rows, clean)
    killed = tmp_path / "killed"
    ready = {
        "folder created": (killed / META_FILE).exists,
        "first commit": lambda: _committed(killed),
    }[when]
    _kill_when(rows, killed, ready)
    _finish(rows, killed)
    assert _digest(killed) == _digest(clean)
    assert len(_digest(clean)) == 3000
