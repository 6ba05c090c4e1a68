"""The dense store: incremental updates, kill-safety, model changes, search by source."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from medcite.index.tantivy_index import TantivyIndex
from medcite.semantic.store import DENSE_DIR, MANIFEST, DenseStore

from .helpers import DOCUMENTS, FakeEmbedder, article, page, write

TEXT_DOCS = len(DOCUMENTS) - 1  # the letter without abstract has no row


def built(index: TantivyIndex, fake: FakeEmbedder | None = None) -> DenseStore:
    fake = fake or FakeEmbedder()
    store = DenseStore.create_or_open(index.path, fake.name)
    store.update(index, fake)
    return store


def reopened(index: TantivyIndex, name: str = "fake@16") -> DenseStore:
    store = DenseStore.open(index.path, name)
    assert store is not None
    return store


def test_no_store_opens_as_none(index: TantivyIndex) -> None:
    assert DenseStore.open(index.path) is None


def test_first_update_embeds_every_document_with_text(index: TantivyIndex) -> None:
    fake = FakeEmbedder()
    store = DenseStore.create_or_open(index.path, fake.name)
    report = store.update(index, fake)
    assert (report.embedded, report.kept, report.dropped, report.skipped) == (TEXT_DOCS, 0, 0, 1)
    assert "What is Hemifacial Spasm? (Hemifacial Spasm)" in fake.texts
    info = reopened(index).info()
    assert (info.rows, info.model, info.dimension) == (TEXT_DOCS, "fake@16", 16)
    assert info.size_bytes > 0 and info.built_at


def test_update_embeds_only_new_and_changed_documents_and_drops_deleted(
    index: TantivyIndex,
) -> None:
    built(index)
    write(
        index,
        [article("3", "Inhaled steroids in adult asthma"), page("4", "What is Gout?", "Gout")],
        delete=["pmid:2"],
    )
    fake = FakeEmbedder()
    report = reopened(index).update(index, fake)
    assert sorted(fake.texts) == ["Inhaled steroids in adult asthma", "What is Gout? (Gout)"]
    assert (report.embedded, report.kept, report.dropped) == (2, TEXT_DOCS - 2, 1)
    store = reopened(index)
    assert len(store) == TEXT_DOCS
    assert store.search(fake.vector("Inhaled steroids in adult asthma"), 1) == [
        ("pmid:3", pytest.approx(1.0, abs=1e-2))
    ]
    assert all(doc_id != "pmid:2" for doc_id, _ in store.search(fake.vector("hip"), 10))


def test_a_second_update_with_nothing_changed_embeds_and_writes_nothing(
    index: TantivyIndex,
) -> None:
    built(index)
    before = sorted(p.name for p in (index.path / DENSE_DIR).iterdir())
    fake = FakeEmbedder()
    report = reopened(index).update(index, fake)
    assert fake.texts == [] and report.embedded == 0 and report.kept == TEXT_DOCS
    assert sorted(p.name for p in (index.path / DENSE_DIR).iterdir()) == before


def test_a_killed_update_leaves_a_valid_store_and_a_rerun_completes(index: TantivyIndex) -> None:
    built(index)
    write(index, [article(str(n), f"New trial number {n}") for n in range(10, 20)])
    with pytest.raises(KeyboardInterrupt):
        reopened(index).update(index, FakeEmbedder(fail_on_call=2), checkpoint_rows=4)
    survivor = reopened(index)
    assert len(survivor) == TEXT_DOCS + 4  # the old rows and the first checkpoint
    assert survivor.search(FakeEmbedder().vector("hemifacial spasm"), 1)
    assert not list((index.path / DENSE_DIR).glob(".*.tmp"))
    fake = FakeEmbedder()
    report = survivor.update(index, fake)
    assert (report.embedded, len(fake.texts)) == (6, 6)
    assert len(reopened(index)) == TEXT_DOCS + 10


def test_a_save_killed_before_the_manifest_switch_keeps_the_old_store(
    index: TantivyIndex, monkeypatch: pytest.MonkeyPatch
) -> None:
    built(index)
    write(index, [article("10", "A new trial")])
    original = Path.replace

    def crash_on_manifest(self: Path, target: str | Path) -> Path:
        if Path(target).name == MANIFEST:
            raise OSError("disk full")
        return original(self, target)

    monkeypatch.setattr(Path, "replace", crash_on_manifest)
    with pytest.raises(OSError, match="disk full"):
        reopened(index).update(index, FakeEmbedder())
    monkeypatch.undo()
    assert len(reopened(index)) == TEXT_DOCS
    fake = FakeEmbedder()
    assert reopened(index).update(index, fake).embedded == 1 and fake.texts == ["A new trial"]
    assert len(list((index.path / DENSE_DIR).iterdir())) == 3  # stale generation removed


def test_a_store_of_another_model_is_ignored_by_search_and_rebuilt_on_update(
    index: TantivyIndex, caplog: pytest.LogCaptureFixture
) -> None:
    built(index, FakeEmbedder("old-model@16"))
    store = reopened(index, "fake@16")
    assert not store.compatible
    assert store.search(FakeEmbedder().vector("asthma"), 3) == []
    assert "old-model@16" in caplog.text and "medcite embed" in caplog.text
    fake = FakeEmbedder()
    report = store.update(index, fake)
    assert report.rebuilt and report.embedded == TEXT_DOCS and report.kept == 0
    assert reopened(index).compatible and reopened(index).info().model == "fake@16"


def test_a_store_of_another_text_recipe_is_rebuilt(index: TantivyIndex) -> None:
    built(index)
    manifest_path = index.path / DENSE_DIR / MANIFEST
    manifest = json.loads(manifest_path.read_text())
    manifest_path.write_text(json.dumps({**manifest, "recipe": 0}))
    fake = FakeEmbedder()
    assert reopened(index).update(index, fake).rebuilt and len(fake.texts) == TEXT_DOCS


def test_an_unreadable_store_opens_as_none_and_is_rebuilt(index: TantivyIndex) -> None:
    built(index)
    (index.path / DENSE_DIR / MANIFEST).write_text("{not json")
    assert DenseStore.open(index.path, "fake@16") is None
    fake = FakeEmbedder()
    DenseStore.create_or_open(index.path, fake.name).update(index, fake)
    assert len(reopened(index)) == TEXT_DOCS


def test_search_ranks_by_cosine_and_restricts_by_source(index: TantivyIndex) -> None:
    fake = FakeEmbedder()
    store = built(index, fake)
    query = fake.vector("hemifacial spasm")
    everything = store.search(query, 10)
    assert len(everything) == TEXT_DOCS
    scores = [score for _id, score in everything]
    assert scores == sorted(scores, reverse=True)
    assert everything[0][0] == "medquad:test#1"
    research = store.search(query, 10, sources=("pubmed",))
    assert {doc_id for doc_id, _ in research} == {"pmid:1", "pmid:2", "pmid:3"}
    assert research[0][0] == "pmid:1"
    pages = [hit for hit in everything if hit[0].startswith("medquad:")]
    assert store.search(query, 2, sources=("medquad", "jsonl")) == pages[:2]
    assert store.search(query, 5, sources=("europepmc",)) == []


def test_search_accepts_an_unnormalised_float64_query(index: TantivyIndex) -> None:
    fake = FakeEmbedder()
    store = built(index, fake)
    query = (
        fake.vector("What are the treatments for Hip Fracture? (Hip Fracture)").astype(np.float64)
        * 7
    )
    assert store.search(query, 1)[0] == ("medquad:test#2", pytest.approx(1.0, abs=1e-2))
