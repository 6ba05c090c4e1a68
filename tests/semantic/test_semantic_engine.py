"""Ingest updates the dense store; `medcite embed` and `index info`; BM25-only without the model."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest
from typer.testing import CliRunner

from medcite import Engine
from medcite.cli import app
from medcite.config import SemanticSettings, Settings
from medcite.semantic import build, model
from medcite.semantic.model import Embedder

ROWS = [
    {"id": "leaflet:1", "title": "Eyelid twitching", "text": "Usually harmless. Sleep helps."},
    {"id": "leaflet:2", "title": "Broken hip", "text": "A fall can break the hip."},
    {"id": "leaflet:3", "title": "A title without any text"},
]
runner = CliRunner()


@pytest.fixture
def rows(tmp_path: Path) -> Path:
    path = tmp_path / "rows.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in ROWS), encoding="utf-8")
    return path


EMBED_ROWS = ("jsonl",)
"""These handmade rows are JSONL documents; by default only guideline pages are embedded."""


def engine(path: Path, **semantic: object) -> Engine:
    semantic.setdefault("embed_sources", EMBED_ROWS)
    return Engine(path, Settings(index=path, semantic=SemanticSettings(**semantic), audit=False))


@pytest.fixture(autouse=True)
def _embed_rows(monkeypatch: pytest.MonkeyPatch) -> None:
    """The CLI reads settings from the environment: embed the JSONL rows there too."""
    monkeypatch.setenv("MEDCITE_SEMANTIC__EMBED_SOURCES", json.dumps(EMBED_ROWS))


def info(index: Path) -> dict[str, object]:
    result = runner.invoke(app, ["index", "info", "-f", "json", "--index", str(index)])
    assert result.exit_code == 0, result.stderr
    dense: dict[str, object] = json.loads(result.stdout)["dense"]
    return dense


def test_ingest_embeds_the_documents_and_index_info_shows_the_store(
    tmp_path: Path, rows: Path, embedder: Embedder
) -> None:
    eng = engine(tmp_path / "idx")
    assert not eng.ingest([rows]).failed
    store = eng.dense()
    assert store is not None and len(store) == 2  # the row without text is left out
    question = embedder.embed(["my eyelid keeps jumping"])[0]
    assert store.search(question, 1) == [
        ("leaflet:1", pytest.approx(store.search(question, 1)[0][1]))
    ]
    dense = info(tmp_path / "idx")
    assert dense["on"] is True and "all-MiniLM-L6-v2" in str(dense["line"])
    assert isinstance(dense["store"], dict) and dense["store"]["rows"] == 2
    table = runner.invoke(app, ["index", "info", "--index", str(tmp_path / "idx")])
    assert "dense retrieval: sentence-transformers/all-MiniLM-L6-v2@384, 2 rows" in table.stdout


def test_embed_command_builds_the_store_of_an_index_ingested_without_it(
    tmp_path: Path, rows: Path, embedder: Embedder
) -> None:
    index = tmp_path / "idx"
    eng = engine(index, embed_on_ingest=False)
    eng.ingest([rows])
    assert eng.dense() is None
    assert info(index)["reason"] == "no dense store yet; run `medcite embed`"
    result = runner.invoke(app, ["embed", "--index", str(index)])
    assert result.exit_code == 0, result.stderr
    assert "2 documents embedded" in result.stderr and "1 without text" in result.stderr
    again = runner.invoke(app, ["embed", "--index", str(index)])
    assert "0 documents embedded, 2 unchanged" in again.stderr
    assert info(index)["on"] is True


def test_without_the_model_ingest_runs_bm25_only_and_says_so_once(
    tmp_path: Path, rows: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(model, "unavailable_reason", lambda: "sentence_transformers not installed")
    build._say_bm25_only.cache_clear()
    caplog.set_level(logging.INFO, logger="medcite.semantic")
    eng = engine(tmp_path / "idx")
    assert not eng.ingest([rows]).failed and eng.dense() is None
    eng.ingest([rows])
    assert not model.available()
    messages = [r.getMessage() for r in caplog.records if "BM25-only" in r.getMessage()]
    assert len(messages) == 1 and "medcite[semantic]" in messages[0]
    assert eng.search("eyelid twitching", k=1)[0].document.id == "leaflet:1"
    dense = info(tmp_path / "idx")
    assert dense["on"] is False and dense["line"] == "off: sentence_transformers not installed"
    result = runner.invoke(app, ["embed", "--index", str(tmp_path / "idx")])
    assert result.exit_code == 5 and "needs the embedding model" in result.stderr


def test_disabled_in_settings_is_off(tmp_path: Path, rows: Path) -> None:
    eng = engine(tmp_path / "idx", enabled=False)
    eng.ingest([rows])
    assert eng.dense() is None
    status = build.status(eng.index_path, eng.settings.semantic)
    assert status.line == "off: disabled in settings (semantic.enabled)"


def test_the_embedding_bar_says_how_many_documents() -> None:
    from io import StringIO

    from rich.console import Console

    from medcite.cli_progress import EmbedBar

    out = StringIO()
    bar = EmbedBar(Console(file=out, force_terminal=True, width=120), enabled=True)
    bar.start_embedding(1234)
    bar.advance_embedding(600)
    bar.end_embedding()
    bar.start_embedding(0)  # nothing to embed: no bar
    bar.advance_embedding(0)
    bar.end_embedding()
    assert "embedding 1,234 documents" in out.getvalue()


def test_only_the_configured_sources_are_embedded(tmp_path: Path, rows: Path) -> None:
    eng = engine(tmp_path / "idx", embed_sources=("medquad",))
    eng.ingest([rows])
    store = eng.dense()
    assert store is None or len(store) == 0  # JSONL rows are not among the embedded sources
