"""The tantivy index: query sanitising, upsert/delete by id, versioning, statistics."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from medcite.errors import IndexMissingError, IndexVersionError
from medcite.index.tantivy_index import META_FILE, TantivyIndex
from medcite.records import AbstractSection, Document, Source
from medcite.text import query_terms


def _doc(doc_id: str, title: str, text: str = "", **extra: object) -> Document:
    sections = (AbstractSection(text=text),) if text else ()
    return Document(id=doc_id, source=Source.JSONL, title=title, sections=sections, **extra)


def _write(path: Path, *docs: Document, deletes: tuple[str, ...] = ()) -> TantivyIndex:
    index = TantivyIndex.create_or_open(path)
    writer = index.writer(heap_mb=32, threads=1)
    for doc in docs:
        writer.upsert(doc)
    for doc_id in deletes:
        writer.delete(doc_id)
    writer.commit()
    writer.close()
    return index


@pytest.mark.parametrize(
    "text",
    ['"unbalanced', "a AND OR NOT (", "title:foo^3 ~2 *", "[1 TO 5]", "-x +y", "\\", "{}", "'"],
)
def test_query_syntax_in_user_text_never_reaches_the_parser(tmp_path: Path, text: str) -> None:
    index = _write(tmp_path, _doc("a", "Foo and bar", "title foo"))
    index.search(text, k=5)  # must not raise


def test_query_terms_drop_question_words_and_punctuation() -> None:
    assert query_terms("What causes facial twitches?") == ["causes", "facial", "twitches"]
    assert query_terms("Is it COVID-19 or the flu?") == ["covid", "19", "flu"]
    assert query_terms("what is it?") == []


def test_upsert_replaces_the_record_with_the_same_id(tmp_path: Path) -> None:
    _write(tmp_path, _doc("x:1", "old title about asthma"))
    index = _write(tmp_path, _doc("x:1", "new title about migraine"))
    assert index.num_docs() == 1
    stored = index.get("x:1")
    assert stored is not None and stored.title == "new title about migraine"
    assert index.search("asthma", k=5) == []


def test_delete_removes_the_record(tmp_path: Path) -> None:
    _write(tmp_path, _doc("x:1", "asthma"), _doc("x:2", "asthma inhaler"))
    index = _write(tmp_path, deletes=("x:1",))
    assert index.all_ids() == ["x:2"]


def test_stored_document_round_trips_every_field(tmp_path: Path) -> None:
    doc = Document(
        id="pmid:1",
        source=Source.PUBMED,
        title="Budesonide–formoterol as needed in mild asthma",
        sections=(
            AbstractSection(label="BACKGROUND", category="BACKGROUND", text="Patients with…"),
            AbstractSection(label="RESULTS", category="RESULTS", text="The rate was 0.07."),
        ),
        journal="N Engl J Med",
        pub_date="2018-05-17",
        year=2018,
        authors=("O'Byrne PM", "FitzGerald JM"),
        publication_types=("Journal Article", "Randomized Controlled Trial"),
        mesh_terms=("Asthma",),
        keywords=("inhaled glucocorticoid",),
        language="eng",
        pmid="1",
        doi="10.1056/NEJMoa1715274",
        url="https://pubmed.ncbi.nlm.nih.gov/1/",
    )
    index = _write(tmp_path, doc)
    assert index.get("pmid:1") == doc


def test_search_reports_matched_fields_and_highlighted_snippet(tmp_path: Path) -> None:
    index = _write(
        tmp_path,
        _doc("a", "Hemifacial spasm", "Botulinum toxin injections relieve hemifacial spasm."),
        _doc("b", "Asthma", "Inhaled steroids."),
    )
    (hit,) = index.search("botulinum spasm", k=5)
    assert hit.document.id == "a"
    assert set(hit.matched_fields) == {"title", "abstract"}
    highlighted = {hit.snippet[s:e].lower() for s, e in hit.highlights}
    assert {"botulinum", "spasm"} <= highlighted


def test_focus_field_outranks_a_question_template_title(tmp_path: Path) -> None:
    index = _write(
        tmp_path,
        _doc("t", "What causes Treacher Collins syndrome ?", "Mutations in TCOF1 cause it."),
        _doc(
            "h",
            "What causes Hemifacial Spasm ?",
            "A blood vessel presses the facial nerve.",
            focus="Hemifacial Spasm",
            question_type="causes",
        ),
    )
    assert index.search("What causes hemifacial spasm?", k=2)[0].document.id == "h"


def test_opening_a_missing_index_says_how_to_create_one(tmp_path: Path) -> None:
    with pytest.raises(IndexMissingError, match="medcite ingest"):
        TantivyIndex.open(tmp_path / "nowhere")


def test_opening_an_index_of_another_schema_version_says_to_reingest(tmp_path: Path) -> None:
    _write(tmp_path, _doc("a", "x"))
    meta = json.loads((tmp_path / META_FILE).read_text())
    meta["schema_version"] = 0
    (tmp_path / META_FILE).write_text(json.dumps(meta))
    with pytest.raises(IndexVersionError, match="re-ingest"):
        TantivyIndex.open(tmp_path)


def test_stats_count_by_source_type_and_year(tmp_path: Path) -> None:
    index = _write(
        tmp_path,
        _doc("a", "one", year=2020, publication_types=("Review",)),
        _doc("b", "two", year=2020, publication_types=("Review", "Systematic Review")),
        _doc("c", "three", year=1979),
    )
    stats = index.stats()
    assert stats.documents == 3
    assert stats.by_source == {"jsonl": 3}
    assert stats.by_publication_type == {"Review": 2, "Systematic Review": 1}
    assert stats.by_year == {"2020": 2, "1979": 1}
    assert stats.size_bytes > 0


def test_equal_scores_rank_in_id_order_whatever_the_ingest_order(tmp_path: Path) -> None:
    """Answers of a page tie on its topic; their order must not depend on the index's segments,
    which re-ingesting changes (ids read with their numbers as numbers)."""
    ids = ["page-10", "page-2", "page-1"]
    docs = [_doc(i, "Gout", "Gout is a kind of arthritis.") for i in ids]
    first = _write(tmp_path / "a", *docs)
    again = _write(tmp_path / "b", *reversed(docs))
    _write(tmp_path / "b", docs[1].model_copy(update={"year": 2020}))  # a new segment
    expected = ["page-1", "page-2", "page-10"]
    assert [h.document.id for h in first.search("gout", k=5)] == expected
    assert [h.document.id for h in again.search("gout", k=5)] == expected


def test_an_unchanged_record_is_not_written_again(tmp_path: Path) -> None:
    """Re-ingesting what the index holds writes nothing, so BM25 statistics (which count deleted
    copies until a merge) and every score stay as they were; a changed record is replaced."""
    docs = [_doc(f"d{i}", "Gout", "Gout is a kind of arthritis. " * (i + 1)) for i in range(3)]
    index = _write(tmp_path / "i", *docs)
    before = [(h.document.id, h.score) for h in index.search("gout arthritis", k=5)]
    again = _write(tmp_path / "i", *docs)
    assert [(h.document.id, h.score) for h in again.search("gout arthritis", k=5)] == before
    writer = again.writer(heap_mb=32, threads=1)
    assert [writer.upsert(d) for d in docs] == [False, False, False] and writer.pending == 0
    changed = docs[0].model_copy(update={"title": "Gout and diet"})
    assert writer.upsert(changed) is True and writer.pending == 1
    writer.commit()
    writer.close()
    assert again.get("d0") == changed and again.num_docs() == 3


def test_the_last_version_of_a_record_written_twice_before_a_commit_wins(tmp_path: Path) -> None:
    """A record changed and changed back within one commit is written both times: the index
    must end with the last version, not the committed one it happens to equal."""
    first = _doc("d", "Gout", "Gout is a kind of arthritis.")
    index = _write(tmp_path / "i", first)
    writer = index.writer(heap_mb=32, threads=1)
    assert writer.upsert(first.model_copy(update={"title": "Gout and diet"})) is True
    assert writer.upsert(first) is True
    writer.commit()
    writer.close()
    assert index.get("d") == first and index.num_docs() == 1


def test_a_record_written_then_deleted_in_one_run_of_a_new_index_is_gone(tmp_path: Path) -> None:
    """A new index holds only what its writer wrote, so nothing is looked up, and a deletion
    of a record written earlier in the run (a later file's DeleteCitation) still applies."""
    index = TantivyIndex.create_or_open(tmp_path / "i")
    writer = index.writer(heap_mb=32, threads=1)
    doc = _doc("d", "Gout", "Gout is a kind of arthritis.")
    assert writer.upsert(doc) is True
    writer.commit()
    assert writer.upsert(doc) is True  # written again: harmless, and no lookup
    writer.delete("d")
    writer.commit()
    writer.close()
    assert index.get("d") is None and index.num_docs() == 0
