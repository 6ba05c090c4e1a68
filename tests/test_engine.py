"""Engine: ingest real corpora, search them, survive bad input and interrupted runs."""

from __future__ import annotations

import gzip
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import MEDLINE_2016, MINI_PUBMED_1977, PUBMED_2021, shared_or_mini
from medcite import Engine
from medcite.errors import IndexMissingError, InputError
from medcite.index.tantivy_index import TantivyIndex

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE PubmedArticleSet [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<PubmedArticleSet><PubmedArticle><MedlineCitation><PMID>1</PMID><Article>
<ArticleTitle>&lol3;</ArticleTitle></Article></MedlineCitation></PubmedArticle></PubmedArticleSet>
"""


def _snapshot(engine: Engine) -> dict[str, str]:
    index = TantivyIndex.open(engine.index_path)
    return {i: d.model_dump_json() for i in index.all_ids() if (d := index.get(i)) is not None}


def test_hemifacial_spasm_botulinum_toxin_finds_a_relevant_record_first(
    any_engine: Engine,
) -> None:
    top = any_engine.search("hemifacial spasm botulinum toxin", k=5)[0].document
    text = f"{top.title} {top.abstract}".lower()
    assert "hemifacial spasm" in text


@pytest.mark.parametrize(
    ("query", "expected_focus"),
    [
        ("blepharospasm", "Benign Essential Blepharospasm"),
        ("Tourette syndrome tics", "Tourette Syndrome"),
    ],
)
def test_guideline_pages_are_found_by_their_focus(
    any_engine: Engine, query: str, expected_focus: str
) -> None:
    foci = {h.document.focus for h in any_engine.search(query, k=10)}
    assert expected_focus in foci


def test_question_words_do_not_drive_ranking(any_engine: Engine) -> None:
    hits = any_engine.search("What is hemifacial spasm?", k=3)
    assert all("hemifacial" in (h.document.focus or h.document.title).lower() for h in hits)


def test_search_returns_ranked_hits_with_snippets(any_engine: Engine) -> None:
    hits = any_engine.search("acupuncture tic disorder systematic review", k=10)
    assert [h.rank for h in hits] == list(range(1, 11))
    assert hits == sorted(hits, key=lambda h: -h.score)
    assert any("Systematic Review" in h.document.publication_types for h in hits[:3])
    assert all(h.snippet for h in hits if h.document.abstract)


@pytest.mark.parametrize("query", ["", "   ", "x" * 10_000_000])
def test_empty_or_huge_questions_are_input_errors(any_engine: Engine, query: str) -> None:
    with pytest.raises(InputError):
        any_engine.search(query)


def test_searching_without_an_index_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(IndexMissingError, match="medcite ingest"):
        Engine(tmp_path / "none").search("asthma")


def test_reingesting_the_same_file_changes_nothing(tmp_path: Path) -> None:
    real = shared_or_mini(MEDLINE_2016, MINI_PUBMED_1977)  # one version of each record
    engine = Engine(tmp_path / "idx")
    first = engine.ingest([real])
    before = _snapshot(engine)
    second = engine.ingest([real])
    assert _snapshot(engine) == before
    assert first.added == second.unchanged == len(before) > 0
    assert second.added == 0


@pytest.mark.corpora(MEDLINE_2016)
def test_a_broken_file_is_reported_and_the_others_still_ingest(tmp_path: Path) -> None:
    truncated = tmp_path / "truncated.xml.gz"
    truncated.write_bytes(MEDLINE_2016.read_bytes()[:50_000])
    hostile = tmp_path / "laughs.xml"
    hostile.write_bytes(BILLION_LAUGHS)
    not_xml = tmp_path / "notes.txt"
    not_xml.write_text("just some notes\n")
    empty = tmp_path / "empty.xml"
    empty.write_bytes(b"")
    engine = Engine(tmp_path / "idx")
    report = engine.ingest([truncated, hostile, not_xml, empty, MEDLINE_2016])
    errors = {Path(f.path).name: f.error or "" for f in report.failed}
    assert set(errors) == {"truncated.xml.gz", "laughs.xml", "notes.txt", "empty.xml"}
    assert "truncated" in errors["truncated.xml.gz"]
    assert "entities" in errors["laughs.xml"]
    assert "empty" in errors["empty.xml"]
    assert all("\n" not in e for e in errors.values())
    good = next(f for f in report.files if f.path == str(MEDLINE_2016))
    assert good.error is None and good.added > 500
    assert engine.stats().documents >= good.added


@pytest.mark.corpora(PUBMED_2021)  # big enough to be killed between commits
def test_killed_ingest_then_rerun_gives_the_same_index(tmp_path: Path) -> None:
    reference = Engine(tmp_path / "reference")
    reference.ingest([PUBMED_2021])
    killed = tmp_path / "killed"
    env = {
        **os.environ,
        "MEDCITE_INDEX": str(killed),
        "MEDCITE_INDEX_SETTINGS__COMMIT_EVERY": "3000",
    }
    proc = subprocess.Popen(
        [sys.executable, "-m", "medcite", "ingest", "-q", str(PUBMED_2021)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    _wait_for_first_commit(killed, proc)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    partial = TantivyIndex.open(killed).num_docs()
    assert 0 < partial < reference.stats().documents
    Engine(killed).ingest([PUBMED_2021])
    assert _snapshot(Engine(killed)) == _snapshot(reference)


def _wait_for_first_commit(path: Path, proc: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        assert proc.poll() is None, "ingest finished before it could be interrupted"
        try:
            if TantivyIndex.open(path).num_docs() > 0:
                return
        except Exception:  # noqa: BLE001 - the index may not exist yet
            pass
        time.sleep(0.05)
    pytest.fail("no commit observed within 120 s")


@pytest.mark.corpora(MEDLINE_2016)
def test_truncated_gzip_of_a_real_file_keeps_the_complete_records(tmp_path: Path) -> None:
    data = gzip.decompress(MEDLINE_2016.read_bytes())
    cut = tmp_path / "cut.xml"
    cut.write_bytes(data[: len(data) // 2])
    report = Engine(tmp_path / "idx").ingest([cut])
    (only,) = report.files
    assert only.error is not None and "malformed XML" in only.error
    assert 0 < only.added < 604


def test_fused_guideline_pages_keep_bm25_scale_next_to_a_pubmed_guideline() -> None:
    from medcite.evidence.rank import rank
    from medcite.index.retriever import _fused
    from medcite.records import Document, Hit, Source

    def hit(doc_id: str, score: float, source: Source = Source.MEDQUAD, **extra: object) -> Hit:
        doc = Document(id=doc_id, source=source, title=doc_id, **extra)  # type: ignore[arg-type]
        return Hit(document=doc, score=score, rank=1)

    expanded = [hit("medquad:a", 40.0), hit("medquad:b", 30.0)]
    worded = [hit("medquad:b", 90.0), hit("medquad:c", 80.0)]
    fused = _fused([(1.0, expanded), (0.95, worded)], 3)
    assert [h.document.id for h in fused] == ["medquad:b", "medquad:a", "medquad:c"]
    assert fused[0].score == pytest.approx(40.0)  # best of the expanded search
    practice = hit("pmid:1", 50.0, Source.PUBMED, publication_types=("Practice Guideline",))
    scores = {e.hit.document.id: e.score for e in rank([*fused, practice], 2026)}
    assert scores["medquad:b"] > 0.5 * scores["pmid:1"]  # not ≈ 0.0005 (raw fused values)
