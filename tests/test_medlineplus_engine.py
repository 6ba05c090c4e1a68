"""MedlinePlus health topics through the Engine (issue 15 §2): ingested beside the mini corpora,
their "also called" names feed the vocabulary, and a topic is cited at guideline level."""

from __future__ import annotations

import pytest

from conftest import FIXTURES, MINI_MEDQUAD_TAR, MINI_MESH_TERMS, MINI_MESH_TREES, MINI_PUBMED_2021
from medcite import Engine
from medcite.records import EvidenceLevel

TOPICS = FIXTURES / "medlineplus" / "mplus_topics_2025-01-14.xml"
HAY_FEVER = "medlineplus:1003"
GOUT = "medlineplus:1000"


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    from medcite.config import SemanticSettings, Settings

    folder = tmp_path_factory.mktemp("medlineplus-index")
    engine = Engine(folder, Settings(semantic=SemanticSettings(enabled=False)))
    report = engine.ingest([MINI_PUBMED_2021, MINI_MEDQUAD_TAR, TOPICS])
    assert not report.failed, report.failed
    engine.load_vocabulary(MINI_MESH_TERMS, MINI_MESH_TREES)
    return engine


def test_ingest_keeps_english_topics_and_reports_the_spanish_one(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    engine = Engine(tmp_path_factory.mktemp("topics-only"))
    report = engine.ingest([TOPICS])
    assert report.added == 3
    assert report.skipped == 1
    doc = engine.get(HAY_FEVER)
    assert doc is not None and doc.synonyms == ("Allergic rhinitis", "Seasonal allergic rhinitis")


def test_also_called_names_feed_the_vocabulary(engine: Engine) -> None:
    vocabulary = engine.vocabulary()
    for phrase in ("hay fever", "allergic rhinitis", "seasonal allergic rhinitis"):
        names = {c.name for c in vocabulary.lookup([phrase])}
        assert "Hay Fever" in names, (phrase, names)
    assert "Sinusitis" in {c.name for c in vocabulary.lookup(["sinus infection"])}
    assert "Gout" in {c.name for c in vocabulary.lookup(["gouty arthritis"])}


def test_medquad_synonyms_are_still_loaded(engine: Engine) -> None:
    pairs = [
        (name, doc.focus)
        for doc in engine._open().documents("medquad")
        for name in doc.synonyms
        if doc.focus and len(name) >= 8
    ]
    if not pairs:
        pytest.skip("the mini MedQuAD cut has no synonyms")
    assert any(focus in vocabulary_names(engine, name) for name, focus in pairs)


def vocabulary_names(engine: Engine, phrase: str) -> set[str]:
    from medcite.query.vocab import normalise

    return {c.name for c in engine.vocabulary().lookup([normalise(phrase)])}


def test_a_topic_is_cited_at_guideline_level(engine: Engine) -> None:
    answer = engine.ask("What causes gout?")
    assert not answer.abstained, answer.abstain_reason
    refs = {r.document_id: r for r in answer.references}
    assert GOUT in refs, list(refs)
    ref = refs[GOUT]
    assert ref.level is EvidenceLevel.GUIDELINE
    assert ref.kind == "NIH patient information"
    assert ref.url == "https://medlineplus.gov/gout.html"
    cited = {
        c.document_id for s in answer.guideline_sections for b in s.bullets for c in b.citations
    }
    assert GOUT in cited
