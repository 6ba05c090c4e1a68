"""A comparison's guideline hits hold pages on each side, however many pages one side has."""

from __future__ import annotations

import pytest

from medcite.index.retriever import TieredRetriever
from medcite.index.tantivy_index import TantivyIndex
from medcite.records import Query, QueryConcept, QuestionType
from semantic.helpers import page

MANY = tuple(
    page(
        f"r{i}",
        f"How to tell rheumatoid arthritis apart {i}?",
        "Rheumatoid Arthritis",
        "Rheumatoid arthritis, unlike osteoarthritis, is an autoimmune arthritis; doctors tell "
        "rheumatoid arthritis apart from osteoarthritis by blood tests.",
    )
    for i in range(12)
)
OTHER = page("oa", "What is it?", "Degenerative Joint Disease", "It wears down cartilage.")


@pytest.fixture(scope="module")
def retriever(tmp_path_factory: pytest.TempPathFactory) -> TieredRetriever:
    index = TantivyIndex.create_or_open(tmp_path_factory.mktemp("sides") / "index")
    writer = index.writer(32, 1)
    for doc in (*MANY, OTHER):
        writer.upsert(doc)
    writer.commit()
    writer.close()
    return TieredRetriever(index, guideline_k=5, research_k=5, page_types=lambda _q: ())


def _topic(key: str, name: str, matched: str) -> QueryConcept:
    return QueryConcept(
        key=key,
        name=name,
        matched=matched,
        via="MeSH term",
        role="topic",
        tier=2,
        tree_numbers=(f"C05.{key}",),
        names=(name, matched),
    )


def _query(kind: QuestionType) -> Query:
    question = "osteoarthritis vs rheumatoid arthritis, how to tell them apart"
    concepts = (
        _topic("1", "degenerative joint disease", "osteoarthritis"),
        _topic("2", "arthritis, rheumatoid", "rheumatoid arthritis"),
    )
    return Query(question=question, concepts=concepts, question_type=kind)


def test_a_comparison_keeps_pages_on_each_side(retriever: TieredRetriever) -> None:
    hits = retriever.retrieve(_query(QuestionType.COMPARISON), 5).hits
    pages = [h.document.id for h in hits if h.document.id.startswith("medquad:")]
    assert len(pages) == 5 and "medquad:test#oa" in pages
    assert [h.rank for h in hits[: len(pages)]] == list(range(1, len(pages) + 1))


def test_without_a_comparison_the_best_matches_keep_every_place(retriever: TieredRetriever) -> None:
    hits = retriever.retrieve(_query(QuestionType.INFORMATION), 5).hits
    assert "medquad:test#oa" not in [h.document.id for h in hits]


def test_the_page_named_for_the_only_topic_is_never_crowded_out(
    retriever: TieredRetriever,
) -> None:
    """A long message whose other words match many pages on something else still gets the page
    whose topic is the one thing it names: *Degenerative Joint Disease* for osteoarthritis,
    below twelve pages on rheumatoid arthritis that match more of its words."""
    question = "osteoarthritis, is it how to tell rheumatoid arthritis apart by blood tests"
    concepts = (_topic("1", "degenerative joint disease", "osteoarthritis"),)
    query = Query(question=question, concepts=concepts, question_type=QuestionType.INFORMATION)
    hits = retriever.retrieve(query, 5).hits
    assert "medquad:test#oa" in [h.document.id for h in hits]
