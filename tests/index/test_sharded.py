"""Sharded indexes (issue 16): stable routing, writes reaching the shard that owns the id, every
command on a single-directory and a 4-shard index built from the same real files, and the same
top-10 as the single index."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import quote

import pytest
from tests.conftest import (
    MINI_MEDQUAD_TAR,
    MINI_MESH_TERMS,
    MINI_MESH_TREES,
    MINI_PUBMED_1977,
    MINI_PUBMED_2021,
    MINI_PUBMEDQA,
    PUBMED_2021,
)
from typer.testing import CliRunner

from medcite import Engine
from medcite.cli import app
from medcite.config import SemanticSettings, Settings
from medcite.errors import IndexCorruptError
from medcite.index.shard import ShardHit, TermStats, bm25_idf
from medcite.index.sharded import ShardedIndex, create_or_open_index, merge_top, open_index
from medcite.index.shards import create_layout, read_layout, shard_of
from medcite.index.tantivy_index import TantivyIndex
from medcite.records import AbstractSection, Document, Source

runner = CliRunner()
BM25_ONLY = Settings(semantic=SemanticSettings(enabled=False))
FILES = (MINI_PUBMED_2021, MINI_PUBMED_1977, MINI_MEDQUAD_TAR, MINI_PUBMEDQA)
QUESTIONS = (
    "What causes facial twitches?",
    "hemifacial spasm botulinum toxin",
    "gout treatment",
    "heart attack symptoms",
    "tourette syndrome tics",
    "acupuncture for tics",
    "myocardial infarction aspirin",
)


def _build(folder: Path, shards: int, files: tuple[Path, ...] = FILES) -> Path:
    if shards > 1:
        create_layout(folder, shards)
    engine = Engine(folder, BM25_ONLY)
    report = engine.ingest(list(files))
    assert not report.failed, report.failed
    return folder


@pytest.fixture(scope="module")
def indexes(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The mini corpora, ingested once into a single-directory index and once into 4 shards,
    each with the MeSH vocabulary loaded."""
    root = tmp_path_factory.mktemp("sharded")
    built = {"single": _build(root / "single", 1), "four": _build(root / "four", 4)}
    for path in built.values():
        Engine(path, BM25_ONLY).load_vocabulary(MINI_MESH_TERMS, MINI_MESH_TREES)
    return built


# --- routing and writes -----------------------------------------------------------------------


def test_routing_is_fixed_and_the_same_in_another_process() -> None:
    ids = ["pmid:1", "pmid:31452104", "medquad:6_NINDS_QA/0000145#0000145-1", "doc:0"]
    assert [shard_of(i, 4) for i in ids] == [1, 1, 3, 2]
    code = f"from medcite.index.shards import shard_of; print([shard_of(i, 16) for i in {ids!r}])"
    other = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert other.stdout.strip() == str([shard_of(i, 16) for i in ids]) == "[1, 9, 11, 10]"


def test_every_shard_holds_exactly_the_ids_routed_to_it(indexes: dict[str, Path]) -> None:
    layout = read_layout(indexes["four"])
    held = [TantivyIndex.open(path).all_ids() for path in layout.paths()]
    assert all(held), "every shard got documents"
    for number, ids in enumerate(held):
        assert {shard_of(i, 4) for i in ids} == {number}
    assert sorted(i for ids in held for i in ids) == TantivyIndex.open(indexes["single"]).all_ids()


def _doc(doc_id: str, title: str) -> Document:
    text = (AbstractSection(text=f"{title}. Gout flares."),)
    return Document(id=doc_id, source=Source.JSONL, title=title, sections=text)


def test_upserts_and_deletes_reach_the_shard_that_owns_the_id(tmp_path: Path) -> None:
    create_layout(tmp_path, 4)
    index = create_or_open_index(tmp_path)
    assert isinstance(index, ShardedIndex)
    writer = index.writer(64, 1)
    for n in range(40):
        writer.upsert(_doc(f"doc:{n}", f"gout study {n}"))
    writer.upsert(_doc("doc:7", "gout study seven, second version"))
    assert writer.pending == 41
    writer.commit()
    writer.close()
    owner = TantivyIndex.open(tmp_path / f"shard-{shard_of('doc:7', 4):03d}")
    assert "doc:7" in owner.all_ids()
    assert index.num_docs() == 40
    assert (found := index.get("doc:7")) is not None and "second version" in found.title
    writer = index.writer(64, 1)
    writer.delete("doc:7")
    writer.commit()
    writer.close()
    owner.reload()
    assert "doc:7" not in owner.all_ids() and index.get("doc:7") is None
    assert index.num_docs() == 39 and len(index.all_ids()) == 39


def test_a_directory_without_manifest_opens_as_today(indexes: dict[str, Path]) -> None:
    assert type(open_index(indexes["single"])) is TantivyIndex
    assert isinstance(open_index(indexes["four"]), ShardedIndex)
    assert not (indexes["single"] / "shards.json").exists()


# --- the same answers -------------------------------------------------------------------------


def test_stats_and_reads_by_id_add_up(indexes: dict[str, Path]) -> None:
    single, four = open_index(indexes["single"]), open_index(indexes["four"])
    a, b = single.stats(), four.stats()
    assert (a.documents, a.by_source, a.by_year) == (b.documents, b.by_source, b.by_year)
    assert a.by_publication_type == b.by_publication_type
    ids = single.all_ids()
    assert four.all_ids() == ids
    assert four.get_many([*ids[:30], "pmid:0"]).keys() == single.get_many(ids[:30]).keys()
    assert list(four.get_many(ids[5:1:-1])) == ids[5:1:-1]  # in the order asked
    assert {d.id for d in four.documents("medquad")} == {d.id for d in single.documents("medquad")}


def test_searches_find_the_same_documents_with_snippets(indexes: dict[str, Path]) -> None:
    single, four = open_index(indexes["single"]), open_index(indexes["four"])
    for question in QUESTIONS:
        a, b = single.search(question, 40), four.search(question, 40)
        assert {h.document.id for h in a} == {h.document.id for h in b}, question
        assert [h.rank for h in b] == list(range(1, len(b) + 1))
        assert [h.score for h in b] == sorted((h.score for h in b), reverse=True)
        # matched fields are the same; a snippet is the abstract's best fragment by the shard's
        # own term weights, so it may be another fragment of the same abstract
        made = {h.document.id: (h.matched_fields, bool(h.snippet)) for h in a}
        assert all(made[h.document.id] == (h.matched_fields, bool(h.snippet)) for h in b)
    assert four.search("what is", 10) == single.search("what is", 10) == []


def test_sources_and_question_type_boosts_apply_on_every_shard(indexes: dict[str, Path]) -> None:
    single, four = open_index(indexes["single"]), open_index(indexes["four"])
    kwargs = {"sources": ("medquad",), "boost_qtypes": ("treatment",), "details": False}
    a = single.search("hemifacial spasm treatment", 20, **kwargs)  # type: ignore[arg-type]
    b = four.search("hemifacial spasm treatment", 20, **kwargs)  # type: ignore[arg-type]
    assert b and all(h.document.source is Source.MEDQUAD for h in b)
    assert {h.document.id for h in a} == {h.document.id for h in b}
    assert a[0].document.id == b[0].document.id and b[0].document.question_type == "treatment"


def test_scores_use_the_collections_idf() -> None:
    """A term in 1 of a shard's 10 documents but 20 of the collection's 100 scores with the
    collection's IDF: the boost each shard applies is global IDF / shard IDF."""
    shard = TermStats(10, {("title", "gout"): 1})
    collection = shard.plus(TermStats(90, {("title", "gout"): 19}))
    assert collection == TermStats(100, {("title", "gout"): 20})
    assert collection.idf(("title", "gout")) == pytest.approx(bm25_idf(100, 20))
    assert collection.idf(("title", "gout")) < shard.idf(("title", "gout"))


def test_merge_takes_the_best_scores_and_breaks_ties_by_id() -> None:
    hits = [[ShardHit(3.0, "b", b""), ShardHit(1.0, "c", b"")], [ShardHit(3.0, "a", b"")]]
    assert [h.doc_id for h in merge_top(hits, 2)] == ["a", "b"]
    numbered = [[ShardHit(2.0, "q-10", b"")], [ShardHit(2.0, "q-2", b"")]]
    assert [h.doc_id for h in merge_top(numbered, 2)] == ["q-2", "q-10"]  # as one index ranks


@pytest.mark.slow
@pytest.mark.corpora(PUBMED_2021)
def test_top10_equals_the_single_index_on_a_real_file(tmp_path_factory: pytest.TempPathFactory):
    """pubmed21n1298 (20,788 records; ≈ 5,200 per shard): the 4-shard top-10 of real questions
    is the single index's (documents; scores within a fraction of a percent). Slow (two
    ingests, ≈ 30 s): the mini corpora's shards hold ≈ 25 documents each, too few for their
    average field lengths to match the collection's (benchmarks/shards.py measures 68k)."""
    root = tmp_path_factory.mktemp("real")
    single = open_index(_build(root / "single", 1, (PUBMED_2021,)))
    four = open_index(_build(root / "four", 4, (PUBMED_2021,)))
    questions = [
        "hemifacial spasm botulinum toxin",
        "covid-19 vaccine myocarditis",
        "metformin type 2 diabetes cardiovascular outcomes",
        "breast cancer screening mammography",
        "statins muscle pain",
        "childhood asthma inhaled corticosteroids",
        "depression cognitive behavioural therapy",
        "hip fracture surgery elderly",
        "atrial fibrillation anticoagulation stroke",
        "vitamin d supplementation",
    ]
    overlap = 0
    for question in questions:
        a, b = single.search(question, 10, details=False), four.search(question, 10, details=False)
        overlap += len({h.document.id for h in a} & {h.document.id for h in b})
        scores = {h.document.id: h.score for h in a}
        assert all(
            abs(h.score / scores[h.document.id] - 1) < 0.02 for h in b if h.document.id in scores
        )
    assert overlap / (10 * len(questions)) >= 0.99


# --- every command on both ---------------------------------------------------------------------


@pytest.mark.parametrize("name", ["single", "four"])
def test_search_ask_info_verify_history_commands(indexes: dict[str, Path], name: str) -> None:
    index = ["--index", str(indexes[name])]
    found = runner.invoke(app, ["search", "hemifacial spasm", "-f", "json", *index])
    assert found.exit_code == 0, found.output
    assert json.loads(found.output)["hits"][0]["document"]["id"].startswith("medquad:")
    answered = runner.invoke(app, ["ask", "What causes facial twitches?", "-f", "json", *index])
    assert answered.exit_code == 0, answered.output
    answer = json.loads(answered.output)
    assert answer["references"], "an answer with references"
    info = runner.invoke(app, ["index", "info", "-f", "json", *index])
    assert info.exit_code == 0, info.output
    body = json.loads(info.output)
    assert body["shards"] == (4 if name == "four" else 1) and body["documents"] > 90
    verified = runner.invoke(app, ["index", "verify", *index])
    assert verified.exit_code == 0 and "matches its checksum" in verified.output
    history = runner.invoke(app, ["history", "-f", "json", *index])
    assert history.exit_code == 0 and answer["id"] in history.output
    replayed = runner.invoke(app, ["ask", "--replay", answer["id"], "-f", "json", *index])
    assert replayed.exit_code == 0 and json.loads(replayed.output)["id"] == answer["id"]


def test_answers_from_the_sharded_index_cite_the_same_guideline_pages(
    indexes: dict[str, Path],
) -> None:
    single, four = Engine(indexes["single"], BM25_ONLY), Engine(indexes["four"], BM25_ONLY)
    for question in ("What causes facial twitches?", "How is gout treated?"):
        a, b = single.ask(question), four.ask(question)
        guideline = {r.document_id for r in a.references if r.document_id.startswith("medquad:")}
        assert guideline
        assert guideline == {
            r.document_id for r in b.references if r.document_id.startswith("medquad:")
        }


def test_the_server_answers_from_a_sharded_index(indexes: dict[str, Path]) -> None:
    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient

    from medcite.server.app import create_app

    api = create_app(Engine(indexes["four"], BM25_ONLY))
    with TestClient(api, base_url="http://localhost") as client:
        hits = client.get("/v1/search", params={"q": "hemifacial spasm", "k": 3}).json()["hits"]
        assert len(hits) == 3
        doc = client.get(f"/v1/documents/{quote(hits[0]['document']['id'], safe='')}")
        assert doc.status_code == 200
        answer = client.post("/v1/answer", json={"question": "What causes facial twitches?"})
        assert answer.status_code == 200 and answer.json()["references"]


def test_embed_builds_the_dense_store_of_a_sharded_index(
    indexes: dict[str, Path], tmp_path: Path
) -> None:
    from medcite.semantic.model import unavailable_reason
    from medcite.semantic.store import DenseStore

    if (reason := unavailable_reason()) is not None:
        pytest.skip(reason)
    four = Path(shutil.copytree(indexes["four"], tmp_path / "four"))
    result = runner.invoke(app, ["embed", "-q", "--index", str(four)])
    assert result.exit_code == 0, result.output
    store = DenseStore.open(four)
    guideline = sum(1 for _ in open_index(four).documents("medquad"))
    assert store is not None and len(store) == guideline


def test_a_damaged_shard_file_is_named(indexes: dict[str, Path], tmp_path: Path) -> None:
    four = Path(shutil.copytree(indexes["four"], tmp_path / "four"))
    term = max((four / "shard-002").glob("*.term"), key=lambda f: f.stat().st_size)
    data = bytearray(term.read_bytes())
    data[len(data) // 2] ^= 0xFF
    term.write_bytes(bytes(data))
    result = runner.invoke(app, ["index", "verify", "--index", str(four)])
    assert result.exit_code == 3 and "shard-002" in result.output
    with pytest.raises(IndexCorruptError, match="shard-002"):
        open_index(four).verify()


def test_a_damaged_manifest_is_one_line(indexes: dict[str, Path], tmp_path: Path) -> None:
    four = Path(shutil.copytree(indexes["four"], tmp_path / "four"))
    (four / "shards.json").write_text("{not json", encoding="utf-8")
    result = runner.invoke(app, ["search", "gout", "--index", str(four)])
    assert result.exit_code == 3
    assert "shards.json is unreadable" in result.output and len(result.output.splitlines()) == 1


def test_a_missing_shard_is_one_line(indexes: dict[str, Path], tmp_path: Path) -> None:
    four = Path(shutil.copytree(indexes["four"], tmp_path / "four"))
    shutil.rmtree(four / "shard-001")
    result = runner.invoke(app, ["search", "gout", "--index", str(four)])
    assert result.exit_code == 3
    assert "shard-001 of the index" in result.output and "is missing" in result.output
