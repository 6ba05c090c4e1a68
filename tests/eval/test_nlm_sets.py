"""LiveQA, the MedQuAD judgments for LiveQA (and their mapping to medcite ids), MEDIQA 2019."""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections import Counter
from pathlib import Path

from medcite import Engine
from medcite.eval import nlm_sets as nlm


def test_liveqa_questions_and_reference_answers(corpora: Path) -> None:
    questions = list(nlm.liveqa())
    assert len(questions) == 104
    assert sum(len(q.references) for q in questions) == 167
    first = questions[0]
    assert (first.qid, first.number) == ("TQ1", 1)
    assert first.text == (
        "Noonan syndrome. What are the references with noonan syndrome and polycystic renal disease"
    )
    assert first.foci == ("noonan syndrome", "polycystic renal disease")
    assert first.types == ("EFFECT",)
    assert first.references[0].url == "https://www.ncbi.nlm.nih.gov/pubmed/765504"
    item = first.to_item()
    assert item.dataset == "liveqa-med-trec2017" and len(item.references) == 3
    assert item.meta["paraphrase"].startswith("What is the relationship between Noonan")


def test_nist_judgments_skip_unjudged_lines(corpora: Path) -> None:
    judged = list(nlm.liveqa_nist_judgments())
    assert len(judged) == 692 - 18
    assert Counter(j.grade for j in judged) == {1: 461, 2: 90, 3: 84, 4: 39}
    assert judged[0].number == 1 and judged[0].text.startswith("Noonan syndrome is")


def test_medquad_judgments_map_to_medcite_ids(corpora: Path) -> None:
    judgments = list(nlm.medquad_liveqa_judgments())
    assert len(judgments) == 2479
    assert len({j.number for j in judgments}) == 103  # TQ83 has none
    assert Counter(j.grade for j in judgments) == {1: 1436, 2: 678, 3: 223, 4: 142}
    assert all(j.document_id for j in judgments)
    assert sum(j.answered for j in judgments) == 565
    ids = {j.answer_id: j.document_id for j in judgments}
    # Sec<N> is the N-th QA pair of the file, not the qid suffix: the 4th NIDDK pair is -5
    assert ids["NIDDK_0000089_Sec4.txt"] == "medquad:5_NIDDK_QA/0000089#0000089-5"
    assert ids["CancerGov_0000007_3_Sec4.txt"] == "medquad:1_CancerGov_QA/0000007_3#0000007_3-4"
    assert ids["GHR_0000804_Sec3.txt"] == "medquad:3_GHR_QA/0000804#0000804-3"
    herbs = ids["MPlusHerbsSuppls_0000076_Sec1.txt"]
    assert herbs == "medquad:12_MPlusHerbsSupplements_QA/0000076#0000076-1"
    unanswered = {j.answer_id.split("_")[0] for j in judgments if not j.answered}
    assert unanswered == {"ADAM", "MPlusDrugs", "MPlusHerbsSuppls"}


def test_files_sharing_a_root_id_resolve_to_the_file_named_after_it(corpora: Path) -> None:
    mapping = nlm.medquad_answer_map(corpora / "medquad" / nlm.MEDQUAD_TAR)
    assert mapping["CancerGov_0000013_2_Sec1.txt"][0].startswith(
        "medquad:1_CancerGov_QA/0000013_2#"
    )
    assert nlm.canonical_answer_id("MPlusHerbsSuppls_0000076_Sec1.txt") == (
        "MPlusHerbsSupplements_0000076_Sec1.txt"
    )


def test_mapped_documents_are_the_judged_answers(eval_index: Path, corpora: Path) -> None:
    """Every answered judgment resolves to an indexed page whose question is the judged one."""
    engine = Engine(eval_index)
    judged_questions = _judged_questions(corpora / "medquad" / nlm.MEDQUAD_QRELS_ZIP)
    answered = {j.answer_id: j.document_id for j in nlm.medquad_liveqa_judgments() if j.answered}
    found = 0
    for answer_id, doc_id in answered.items():
        assert doc_id is not None
        document = engine.get(doc_id)
        if document is None:  # medcite skips answers that are only a heading
            continue
        found += 1
        assert _norm(document.title) == _norm(judged_questions[answer_id]), answer_id
    assert (len(answered), found) == (446, 445)


def _judged_questions(zip_path: Path) -> dict[str, str]:
    with zipfile.ZipFile(zip_path) as archive:
        name = next(n for n in archive.namelist() if n.endswith(".csv") and "MACOSX" not in n)
        text = archive.read(name).decode("utf-8")
    rows = csv.DictReader(io.StringIO(text))
    questions = {}
    for row in rows:
        match = re.match(r"Question:\s*(.*?)\s*(?:\(Also called.*)?\nURL", row["Answer"], re.S)
        if match:
            questions[row["AnswerID"]] = match.group(1)
    return questions


def _norm(text: str) -> str:
    return re.sub(r"\W+", " ", text.lower()).strip()


def test_liveqa_medquad_items_grade_relevance(corpora: Path) -> None:
    items = list(nlm.liveqa_medquad())
    assert len(items) == 60
    assert all(i.dataset == "liveqa-medquad" and i.min_gain == 2 for i in items)
    assert all(set(i.relevant.values()) <= {1, 2, 3} for i in items)
    assert sum(any(g >= 2 for g in i.relevant.values()) for i in items) == 39


def test_mediqa2019_candidates_with_grades(corpora: Path) -> None:
    items = list(nlm.mediqa2019())
    assert len(items) == 383
    assert sum(len(i.candidates) for i in items) == 3042
    assert Counter(i.split for i in items) == {
        "train-liveqa": 104,
        "train-alexa": 104,
        "validation": 25,
        "test": 150,
    }
    test = [i for i in items if i.split == "test"]
    assert Counter(c.grade for i in test for c in i.candidates) == {1: 125, 2: 410, 3: 333, 4: 239}
    first = test[0].candidates[0]
    assert (first.aid, first.system_rank, first.grade) == ("1_Answer1", 1, 2)
    assert first.url == "https://ghr.nlm.nih.gov/condition/abetalipoproteinemia"
