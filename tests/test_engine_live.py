"""Engine wiring of live sources and the audit log: auto degrades to local with a note, live
fails with a clear error when no source answers, every answer can be replayed offline."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import MEDQUAD_TAR, MINI_MEDQUAD_TAR, shared_or_mini
from medcite import Engine
from medcite.cli import app
from medcite.config import Settings
from medcite.errors import SourceError
from medcite.sources.settings import (
    EuropePmcSettings,
    HttpSettings,
    LiveSettings,
    MedlinePlusSettings,
    PubMedSettings,
)

UNREACHABLE = "http://127.0.0.1:9/"  # discard port: connection refused at once, no traffic out


@pytest.fixture(scope="module")
def guideline_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("live-index")
    Engine(path).ingest([shared_or_mini(MEDQUAD_TAR, MINI_MEDQUAD_TAR)])
    return path


def _offline_engine(index: Path, tmp: Path) -> Engine:
    live = LiveSettings(
        http=HttpSettings(max_retries=0, cache=False, cache_path=tmp / "cache.sqlite3"),
        pubmed=PubMedSettings(base_url=f"{UNREACHABLE}eutils/"),
        europepmc=EuropePmcSettings(base_url=f"{UNREACHABLE}rest/"),
        medlineplus=MedlinePlusSettings(base_url=f"{UNREACHABLE}ws/"),
        timeout_s=10,
    )
    return Engine(index, Settings(index=index, live=live))


def test_auto_falls_back_to_the_local_index_with_a_note(
    guideline_index: Path, tmp_path: Path
) -> None:
    engine = _offline_engine(guideline_index, tmp_path)
    answer = engine.ask("What causes facial twitches?", source="auto")
    engine.close()
    assert not answer.abstained and answer.guideline_lead
    assert answer.sources_note and "PubMed" in answer.sources_note
    assert answer.sources_note and "Europe PMC" in answer.sources_note


def test_live_with_no_reachable_source_is_a_source_error(
    guideline_index: Path, tmp_path: Path
) -> None:
    engine = _offline_engine(guideline_index, tmp_path)
    before = engine.stats().documents
    with pytest.raises(SourceError, match="--source"):
        engine.ask("What causes facial twitches?", source="live")
    engine.close()
    assert Engine(guideline_index).stats().documents == before  # failed fetch wrote nothing


def test_every_answer_is_recorded_and_replays_identically(guideline_index: Path) -> None:
    engine = Engine(guideline_index)
    answer = engine.ask("How is hemifacial spasm treated?")
    assert engine.replay(answer.id) == answer
    result = CliRunner().invoke(
        app, ["ask", "--replay", answer.id, "-f", "json", "--index", str(guideline_index)]
    )
    assert result.exit_code == 0
    assert json.loads(result.stdout)["id"] == answer.id


def test_replaying_an_unknown_id_is_a_clear_error(guideline_index: Path) -> None:
    result = CliRunner().invoke(app, ["ask", "--replay", "nope", "--index", str(guideline_index)])
    assert result.exit_code == 2 and "nope" in result.stderr


def test_unknown_source_is_an_input_error(guideline_index: Path) -> None:
    result = CliRunner().invoke(
        app, ["ask", "x?", "--source", "web", "--index", str(guideline_index)]
    )
    assert result.exit_code == 2
