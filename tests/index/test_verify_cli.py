"""``medcite index verify`` names a damaged segment file that reads would not notice, and a Rust
panic anywhere in a command is one line with exit 3 (issue 13 §3)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from medcite import Engine
from medcite.cli import app
from medcite.config import SemanticSettings, Settings

runner = CliRunner()


@pytest.fixture(scope="module")
def clean(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("verify")
    rows = folder / "rows.jsonl"
    lines = (
        json.dumps({"id": f"doc:{i}", "title": f"gout study {i}", "abstract": "Gout flares. " * 9})
        for i in range(120)
    )
    rows.write_text("\n".join(lines) + "\n", encoding="utf-8")
    Engine(folder / "index", Settings(semantic=SemanticSettings(enabled=False))).ingest([rows])
    return folder / "index"


def test_verify_passes_a_clean_index(clean: Path) -> None:
    result = runner.invoke(app, ["index", "verify", "--index", str(clean)])
    assert result.exit_code == 0 and "matches its checksum" in result.output


def test_verify_names_damaged_term_bytes(clean: Path, tmp_path: Path) -> None:
    index = Path(shutil.copytree(clean, tmp_path / "index"))
    term = max(index.glob("*.term"), key=lambda f: f.stat().st_size)
    with term.open("r+b") as out:  # in place: never truncate a file an index may have mapped
        out.seek(term.stat().st_size // 3)
        out.write(b"\xff" * 16)
    result = runner.invoke(app, ["index", "verify", "--index", str(index)])
    assert result.exit_code == 3
    assert term.name in result.output.replace("\n", "")
    assert "Traceback" not in result.output and "delete" not in result.output.lower()


def test_a_panic_is_one_line_and_exit_3(clean: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    panic = type("PanicException", (BaseException,), {"__module__": "pyo3_runtime"})

    def search(*_args: object, **_kwargs: object) -> None:
        raise panic("index out of bounds")

    monkeypatch.setattr(Engine, "search", search)
    result = runner.invoke(app, ["search", "gout", "--index", str(clean)])
    assert result.exit_code == 3
    assert "medcite index verify" in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
