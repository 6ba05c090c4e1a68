"""The independent bm25s baseline on a tiny handmade corpus."""

from __future__ import annotations

from pathlib import Path

from medcite.eval.bm25 import CACHE_DIR, IndependentBM25, document_text, load_cached
from medcite.records import AbstractSection, Document, Source


def doc(doc_id: str, title: str, abstract: str) -> Document:
    return Document(
        id=doc_id,
        source=Source.JSONL,
        title=title,
        sections=(AbstractSection(text=abstract),),
    )


CORPUS = [
    doc("d1", "Garden tomatoes", "Watering tomato plants in a dry summer."),
    doc("d2", "Ferrets as pets", "Ferrets sleep many hours and need a cage."),
    doc("d3", "Glacier retreat", "Glaciers melt faster when summers are warm."),
    doc("d4", "Bicycle repair", "A punctured tyre is patched with glue and rubber."),
]


def test_the_obvious_document_ranks_first() -> None:
    bm25 = IndependentBM25.build(CORPUS)
    hits = bm25.retrieve("How do I patch a punctured bicycle tyre?", 3)
    assert [h.document.id for h in hits][:1] == ["d4"]
    assert [h.rank for h in hits] == list(range(1, len(hits) + 1))
    stemmed = bm25.retrieve("ferret", 3)  # stemming: "ferret" finds "Ferrets"
    assert stemmed[0].document.id == "d2"


def test_rankings_are_deterministic_whatever_the_input_order() -> None:
    question = "Why do glaciers melt in warm summers?"
    first = IndependentBM25.build(CORPUS).ranked_ids(question, 4)
    again = IndependentBM25.build(reversed(CORPUS)).ranked_ids(question, 4)
    assert first == again
    assert first[0][0] == "d3"


def test_stopwords_only_and_unknown_words_find_nothing() -> None:
    bm25 = IndependentBM25.build(CORPUS)
    assert bm25.retrieve("what is the", 3) == []
    assert bm25.retrieve("zyxwv", 3) == []


def test_indexes_title_and_abstract_only() -> None:
    assert document_text(CORPUS[0]) == "Garden tomatoes\nWatering tomato plants in a dry summer."


def test_the_cache_is_reused_and_keyed(tmp_path: Path) -> None:
    folder = tmp_path / CACHE_DIR
    key = {"documents": 4, "meta_mtime_ns": 1}
    IndependentBM25.build(CORPUS).save(folder, key)
    lookup = {d.id: d for d in CORPUS}.get
    loaded = load_cached(folder, key, lookup)
    assert loaded is not None and loaded.retrieve("ferret cage", 1)[0].document.id == "d2"
    assert load_cached(folder, {**key, "documents": 5}, lookup) is None
