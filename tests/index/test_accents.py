"""Accents are folded in the index and in questions: "Sjögren" finds "Sjogren" and back."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from medcite import Engine
from medcite.config import SemanticSettings, Settings
from medcite.errors import IndexVersionError
from medcite.index.tantivy_index import META_FILE, TantivyIndex
from medcite.text import stems

ROWS = [
    {"id": "a:1", "title": "Primary Sjögren syndrome and fatigue", "abstract": "Dry eyes."},
    {"id": "a:2", "title": "Sjogren syndrome in children", "abstract": "Dry mouth."},
    {"id": "a:3", "title": "Ménière disease and vertigo", "abstract": "Hearing loss."},
    {"id": "a:4", "title": "Gout flares", "abstract": "Joint pain."},
]


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    folder = tmp_path_factory.mktemp("accents")
    rows = folder / "rows.jsonl"
    rows.write_text("".join(json.dumps(r) + "\n" for r in ROWS), encoding="utf-8")
    engine = Engine(folder / "index", Settings(semantic=SemanticSettings(enabled=False)))
    engine.ingest([rows])
    return engine


@pytest.mark.parametrize("written", ["Sjögren", "Sjogren", "sjögren's"])
def test_either_spelling_finds_both(engine: Engine, written: str) -> None:
    assert {h.document.id for h in engine.search(written, k=5)} == {"a:1", "a:2"}


def test_an_unaccented_question_finds_an_accented_title(engine: Engine) -> None:
    assert [h.document.id for h in engine.search("meniere", k=5)] == ["a:3"]


def test_sentence_stems_fold_accents_too() -> None:
    assert stems("Ménière disease") == stems("Meniere disease")


def test_an_index_built_before_folding_asks_for_a_rebuild(tmp_path: Path) -> None:
    index = TantivyIndex.create_or_open(tmp_path / "old")
    meta = json.loads((index.path / META_FILE).read_text(encoding="utf-8"))
    (index.path / META_FILE).write_text(json.dumps({**meta, "schema_version": 1}), "utf-8")
    with pytest.raises(IndexVersionError, match="NEW_DIR"):
        TantivyIndex.open(index.path)
