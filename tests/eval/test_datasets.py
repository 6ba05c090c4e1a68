"""Loaders on the real evaluation sets in ../shared/corpora: counts and fields as documented."""

from __future__ import annotations

import json
import shutil
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from medcite.errors import InputError
from medcite.eval import datasets as ds
from medcite.eval.datasets import LabelledQuestion
from medcite.records import Source


def test_pubmedqa_questions_point_at_their_own_abstract(corpora: Path) -> None:
    items = list(ds.pubmedqa_pqal())
    assert len(items) == 1000
    assert Counter(i.meta["split"] for i in items) == {"test": 500, "dev": 500}
    first = items[0]
    assert first.qid == "21645374"
    assert first.relevant == {"pmid:21645374": 1}
    assert first.question.startswith("Do mitochondria play a role")
    assert first.references[0].startswith("Results depicted mitochondrial dynamics")
    assert first.year == 2011
    assert sum(i.year is None for i in items) == 58
    assert Counter(i.qtype for i in items) == {"yes": 552, "no": 338, "maybe": 110}


def test_pubmedqa_documents_have_contexts_and_mesh_but_no_title_or_conclusion(
    corpora: Path,
) -> None:
    docs = list(ds.pubmedqa_documents())
    assert len(docs) == 1000
    doc = docs[0]
    assert (doc.id, doc.source, doc.title, doc.year) == (
        "pmid:21645374",
        Source.PUBMEDQA,
        "",
        2011,
    )
    assert [s.category for s in doc.sections] == ["BACKGROUND", "RESULTS"]
    assert "Mitochondria" in doc.mesh_terms
    assert "Results depicted mitochondrial dynamics" not in doc.abstract
    with_conclusion = next(ds.pubmedqa_documents(with_conclusion=True))
    assert with_conclusion.sections[-1].category == "CONCLUSIONS"


def test_pubmedrs_rows_are_repaired_and_carry_referenced_pmids(corpora: Path) -> None:
    items = list(ds.pubmedrs200())
    assert len(items) == 209
    first = items[0]
    assert first.qid == "34158009"
    assert first.references == ("prenatal mental disorders increase the risk of childhood asthma.",)
    assert len(first.relevant) == 36  # the review's reference list, duplicates removed
    assert all(doc.startswith("pmid:") for i in items for doc in i.relevant)
    assert first.year == 2021
    assert first.meta["specialty"] == "allergy and immunology"
    texts = " ".join(i.question + i.references[0] + i.meta["review_title"] for i in items)
    assert "Â" not in texts
    assert "â€" not in texts


def test_fix_mojibake_only_touches_double_decoded_text() -> None:
    assert ds.fix_mojibake("2Â\xa0years") == "2\xa0years"
    assert ds.fix_mojibake("n\u00e2\u0080\u0089=\u00e2\u0080\u00896") == "n\u2009=\u20096"
    assert ds.fix_mojibake("café") == "café"
    assert ds.fix_mojibake("Â and ✓") == "Â and ✓"  # not Latin-1 representable: left alone


def test_bioasq_reads_every_batch_and_filters_types(corpora: Path) -> None:
    items = list(ds.bioasq())
    assert len(items) == 2310
    assert Counter(i.qtype for i in items) == {
        "factoid": 740,
        "yesno": 618,
        "summary": 543,
        "list": 409,
    }
    summary = list(ds.bioasq(types={"summary"}))
    assert len(summary) == 543
    assert all(i.references and i.relevant for i in summary)
    assert len({doc for i in items for doc in i.relevant}) == 14151


def test_medicationqa(corpora: Path) -> None:
    items = list(ds.medicationqa())
    assert len(items) == 690
    first = items[0]
    assert first.question == "how does rivatigmine and otc sleep medicine interact"
    assert (first.focus, first.qtype) == ("rivastigmine", "Interaction")
    assert first.references[0].startswith("tell your doctor and pharmacist")
    assert Counter(i.qtype for i in items)["Information"] == 112


def test_mediqa2021_questions_with_abstractive_and_extractive_summaries(corpora: Path) -> None:
    test = list(ds.mediqa2021_mas())
    validation = list(ds.mediqa2021_mas(split="validation"))
    assert (len(test), len(validation)) == (80, 50)
    first = test[0]
    assert (first.qid, first.question) == ("5", "Is there gene therapy for persistent cough?")
    assert first.references[0].startswith("Chronic persistent cough can be caused")
    assert all(i.meta["extractive"] for i in test + validation)


def test_expertqa_references_and_claims_lose_citation_marks(corpora: Path) -> None:
    items = list(ds.expertqa())
    assert len(items) == 101
    assert sum(len(i.key_statements) for i in items) == 516
    first = items[0]
    assert first.question.startswith("With blood having different types of cells")
    assert first.key_statements[0] == (
        "Blood is red primarily due to the presence of hemoglobin, an iron-containing protein "
        "found in red blood cells (RBCs)."
    )
    assert "[" not in " ".join(i.references[0] for i in items)
    assert len(list(ds.expertqa(with_unanswered=True))) == 101 + 458


def test_statements_fall_back_to_the_reference_sentences() -> None:
    item = ds.EvalItem(dataset="d", qid="1", question="q", references=("One. Two.",))
    assert item.statements() == ("One.", "Two.")
    assert ds.EvalItem(dataset="d", qid="1", question="q").statements() == ()


def test_red_flag_and_out_of_scope_sets(corpora: Path) -> None:
    flags = list(ds.red_flag_set())
    assert len(flags) == 41
    assert sum(q.label for q in flags) == 17
    assert Counter(q.source for q in flags) == {
        "liveqa-med-trec2017": 17,
        "medicationqa": 13,
        "mediqa2019": 11,
    }
    assert len({q.id for q in flags}) == 41
    assert all(q.kind for q in flags if q.label)
    out = list(ds.out_of_scope_set())
    assert len(out) == 12
    assert not any(q.label for q in out)


def test_red_flag_questions_are_verbatim_from_their_sets(corpora: Path) -> None:
    from medcite.eval import nlm_sets

    live = {f"liveqa:{q.qid}": q.text for q in nlm_sets.liveqa()}
    meds = {f"medicationqa:{i.qid}": i.question for i in ds.medicationqa()}
    mediqa = {
        f"mediqa2019:{r.split}:{r.qid}": r.question
        for r in nlm_sets.mediqa2019(splits=("test", "validation"))
    }
    known = {**live, **meds, **mediqa}
    for question in ds.red_flag_set():
        assert known[question.id] == question.question


@pytest.mark.parametrize(
    "red_flag_set",
    [
        ds.written_red_flag_set,
        ds.fresh_red_flag_set,
        ds.third_red_flag_set,
        ds.fourth_red_flag_set,
        ds.fifth_red_flag_set,
        ds.sixth_red_flag_set,
        ds.seventh_red_flag_set,
        ds.eighth_red_flag_set,
        ds.ninth_red_flag_set,
    ],
)
def test_written_red_flag_sets_have_hard_cases_on_both_sides_of_a_fixed_split(
    red_flag_set: Callable[..., Iterator[LabelledQuestion]],
) -> None:
    """Counts and the split rule only: no detector runs on the test part in any test."""
    rows = list(red_flag_set())
    emergencies = [q for q in rows if q.label]
    assert len(rows) >= 150 and len(emergencies) >= 60 and len(rows) - len(emergencies) >= 60
    assert len({q.id for q in rows}) == len(rows)
    assert len({q.question.lower() for q in rows}) == len(rows)
    assert all(q.kind for q in emergencies) and not any(q.kind for q in rows if not q.label)
    assert all(q.note for q in rows)
    dev = {q.id for q in red_flag_set(split="dev")}
    test = {q.id for q in red_flag_set(split="test")}
    assert dev.isdisjoint(test) and dev | test == {q.id for q in rows}
    assert 0.4 <= len(dev) / len(rows) <= 0.6
    for part in (dev, test):
        labels = Counter(q.label for q in rows if q.id in part)
        assert labels[True] >= 25 and labels[False] >= 25


@pytest.mark.parametrize(
    "red_flag_set",
    [
        ds.fresh_red_flag_set,
        ds.third_red_flag_set,
        ds.fourth_red_flag_set,
        ds.fifth_red_flag_set,
        ds.sixth_red_flag_set,
        ds.seventh_red_flag_set,
        ds.eighth_red_flag_set,
        ds.ninth_red_flag_set,
    ],
)
def test_an_urgency_level_agrees_with_the_label(
    red_flag_set: Callable[..., Iterator[LabelledQuestion]],
) -> None:
    rows = list(red_flag_set())
    assert {q.urgency for q in rows} == {"emergency", "same-day", "routine"}
    assert all(q.label is (q.urgency != "routine") for q in rows)


def test_a_row_moved_to_another_split_is_an_error(tmp_path: Path) -> None:
    first = json.loads((ds.DATA_DIR / "red_flags_written.jsonl").read_text("utf-8").splitlines()[0])
    first["split"] = "test" if first["split"] == "dev" else "dev"
    path = tmp_path / "moved.jsonl"
    path.write_text(json.dumps(first) + "\n", "utf-8")
    with pytest.raises(InputError, match="not the split rule's"):
        list(ds.written_red_flag_set(path=path))


def test_written_red_flag_questions_are_not_copied_from_the_real_sets(corpora: Path) -> None:
    from medcite.eval import nlm_sets

    def words(text: str) -> str:
        return " ".join("".join(c if c.isalnum() else " " for c in text.lower()).split())

    real = [q.text for q in nlm_sets.liveqa()] + [i.question for i in ds.medicationqa()]
    real += [r.question for r in nlm_sets.mediqa2019(splits=("test", "validation"))]
    real += [q.question for q in ds.red_flag_set()]
    known = "\n".join(words(text) for text in real)
    written = list(ds.written_red_flag_set()) + list(ds.fresh_red_flag_set())
    written += list(ds.third_red_flag_set())
    written += list(ds.fourth_red_flag_set())
    written += list(ds.fifth_red_flag_set())
    written += list(ds.sixth_red_flag_set())
    written += list(ds.seventh_red_flag_set())
    written += list(ds.eighth_red_flag_set())
    written += list(ds.ninth_red_flag_set())
    assert not [q.id for q in written if words(q.question) in known]


def test_a_folder_in_the_same_format_can_be_evaluated(tmp_path: Path, corpora: Path) -> None:
    held_out = tmp_path / "my-medication-set"
    held_out.mkdir()
    row = {"Question": "Can I take ibuprofen with lisinopril?", "Answer": "Ask your doctor."}
    (held_out / "medicationqa.jsonl").write_text(json.dumps(row) + "\n", "utf-8")
    assert [i.question for i in ds.medicationqa(held_out)] == [row["Question"]]
    shutil.copytree(corpora / ds.MEDIQA2021, tmp_path / "mas")
    assert len(list(ds.mediqa2021_mas(tmp_path / "mas"))) == 80


def test_a_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="not found; set MEDCITE_CORPORA"):
        list(ds.bioasq(tmp_path / "nope"))
