"""NLM consumer-question sets: TREC 2017 LiveQA Medical, MedQuAD judgments, MEDIQA 2019.

LiveQA test questions (``TQ1`` … ``TQ104``) are real messages sent to NLM. Two sets of judgments
refer to them by number:

- NIST's judgments of participants' answers (answer *texts*, graded 1-4), and
- 2,479 MedQuAD answers judged for the same questions (``QA-TestSet-LiveQA-Med-Qrels-2479-Answers``
  in the MedQuAD folder), named like ``GHR_0000804_Sec3.txt``.

A MedQuAD answer name is ``<source>_<document id>_Sec<N>.txt``: ``<source>`` and ``<document id>``
are the ``source`` and ``id`` attributes of a MedQuAD file's root element (not its file name:
``1_CancerGov_QA/0000013_2_6.xml`` has id ``0000013_2``) and ``N`` is the position of the QA pair in
that file, counted from 1 — *not* the number after the dash in its ``qid`` (``NIDDK_0000089_Sec4``
is the 4th pair, qid ``0000089-5``). Checked against the question texts in the zip's CSV: all 1,935
distinct answers match. The medcite id is built exactly as :mod:`medcite.ingest.medquad` builds it,
``medquad:<folder>/<file stem>#<qid>``. 1,914 judgments point at the A.D.A.M., drug and herb
folders whose answers were removed upstream; those documents cannot be in any index.
"""

from __future__ import annotations

import gzip
import re
import tarfile
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from lxml import etree

from medcite.errors import InputError
from medcite.eval.datasets import Candidate, EvalItem, RerankItem, set_folder
from medcite.ingest.medquad import ROOT_TAGS
from medcite.ingest.xmlsafe import parse_small_document, text_of
from medcite.text import squash

LIVEQA = "liveqa-med-trec2017"
MEDQUAD = "medquad"
MEDIQA2019 = "mediqa2019"
LIVEQA_MEDQUAD = "liveqa-medquad"
LIVEQA_FILE = "TREC-2017-LiveQA-Medical-Test-Questions-w-summaries.xml"
NIST_QRELS = "TREC-2017-LiveQA-Medical-qrels-NIST-692.txt"
MEDQUAD_TAR = "MedQuAD-xml.tar.gz"
MEDQUAD_QRELS_ZIP = "QA-TestSet-LiveQA-Med-Qrels-2479-Answers.zip"
MEDIQA2019_FILES = {
    "train-liveqa": "MEDIQA2019-Task3-QA-TrainingSet1-LiveQAMed.xml.gz",
    "train-alexa": "MEDIQA2019-Task3-QA-TrainingSet2-Alexa.xml.gz",
    "validation": "MEDIQA2019-Task3-QA-ValidationSet.xml.gz",
    "test": "MEDIQA2019-Task3-QA-TestSet-wLabels.xml.gz",
}
GRADE_NAMES = {1: "Incorrect", 2: "Related", 3: "Incomplete", 4: "Excellent"}
"""MedQuAD and NIST judgment grades."""
_QRELS_SOURCE_NAMES = {"MPlusHerbsSuppls": "MPlusHerbsSupplements"}
"""Prefixes of judged answer names that differ from the MedQuAD ``source`` attribute."""
_ANSWER_NAME = re.compile(r"^(?P<source>[A-Za-z]+)_(?P<doc>\d+(?:_\d+)*)_Sec(?P<pos>\d+)\.txt$")


@dataclass(frozen=True, slots=True)
class ReferenceAnswer:
    aid: str
    text: str
    url: str | None
    comment: str | None


@dataclass(frozen=True, slots=True)
class LiveQAQuestion:
    """A TREC 2017 LiveQA medical test question with its annotations and reference answers."""

    qid: str
    """``TQ1`` … ``TQ104``."""
    number: int
    subject: str
    message: str
    paraphrase: str
    summary: str
    foci: tuple[str, ...]
    types: tuple[str, ...]
    references: tuple[ReferenceAnswer, ...]

    @property
    def text(self) -> str:
        """The question as the consumer sent it: ``subject. message`` (MEDIQA 2019's convention)."""
        if self.subject and not self.message.lower().startswith(self.subject.lower()):
            return f"{self.subject.rstrip('.')}. {self.message}".strip()
        return self.message or self.subject

    def to_item(
        self, relevant: dict[str, int] | None = None, min_gain: int = 1, dataset: str = LIVEQA
    ) -> EvalItem:
        return EvalItem(
            dataset=dataset,
            qid=self.qid,
            question=self.text,
            references=tuple(r.text for r in self.references if r.text),
            relevant=relevant or {},
            min_gain=min_gain,
            qtype=",".join(self.types) or None,
            focus=self.foci[0] if self.foci else None,
            meta={"paraphrase": self.paraphrase, "summary": self.summary},
        )


@dataclass(frozen=True, slots=True)
class JudgedText:
    """A participant's answer text judged by NIST for a LiveQA question (grade 1-4)."""

    number: int
    grade: int
    text: str


@dataclass(frozen=True, slots=True)
class MedQuADJudgment:
    """A MedQuAD answer judged for a LiveQA question."""

    number: int
    """The LiveQA question number (``TQ<number>``)."""
    answer_id: str
    """As named in the qrels, e.g. ``GHR_0000804_Sec3.txt``."""
    grade: int
    """4 Excellent, 3 Incomplete, 2 Related, 1 Incorrect."""
    document_id: str | None
    """The medcite id (``medquad:3_GHR_QA/0000804#0000804-3``); None if not in the tarball."""
    answered: bool
    """False when MedQuAD has no answer text for it (A.D.A.M., drug and herb folders)."""


# --- LiveQA ----------------------------------------------------------------------------------


def liveqa(folder: Path | str | None = None) -> Iterator[LiveQAQuestion]:
    """The 104 TREC 2017 LiveQA medical test questions, in file order."""
    path = set_folder(LIVEQA, folder) / LIVEQA_FILE
    root = parse_small_document(path.read_bytes(), path.name)
    for element in root.iter("NLM-QUESTION"):
        qid = element.get("qid") or ""
        yield LiveQAQuestion(
            qid=qid,
            number=int(qid.removeprefix("TQ")),
            subject=text_of(element.find("Original-Question/SUBJECT")),
            message=text_of(element.find("Original-Question/MESSAGE")),
            paraphrase=text_of(element.find("NIST-PARAPHRASE")),
            summary=text_of(element.find("NLM-Summary")),
            foci=tuple(text_of(f) for f in element.iter("FOCUS")),
            types=tuple(text_of(t) for t in element.iter("TYPE")),
            references=tuple(_reference(r) for r in element.iter("RefAnswer", "ReferenceAnswer")),
        )


def _reference(element: etree._Element) -> ReferenceAnswer:
    return ReferenceAnswer(
        aid=element.get("aid") or "",
        text=text_of(element.find("ANSWER")),
        url=text_of(element.find("AnswerURL")) or None,
        comment=text_of(element.find("COMMENT")) or None,
    )


def liveqa_nist_judgments(folder: Path | str | None = None) -> Iterator[JudgedText]:
    """NIST's judged participant answers: ``question grade answer-text`` per line.

    18 of the 692 lines carry grade ``-2`` (not judged); they are skipped.
    """
    path = set_folder(LIVEQA, folder) / NIST_QRELS
    with path.open(encoding="utf-8", errors="replace") as lines:
        for line in lines:
            parts = line.rstrip("\n").split(" ", 2)
            if len(parts) == 3 and parts[0].isdigit() and _grade(parts[1]) in GRADE_NAMES:
                yield JudgedText(number=int(parts[0]), grade=int(parts[1]), text=squash(parts[2]))


def _grade(text: str) -> int | None:
    return int(text) if text.isdigit() else None


# --- MedQuAD judgments for LiveQA ------------------------------------------------------------


def medquad_liveqa_judgments(folder: Path | str | None = None) -> Iterator[MedQuADJudgment]:
    """The 2,479 judged MedQuAD answers, each mapped to its medcite document id."""
    path = set_folder(MEDQUAD, folder)
    answer_map = medquad_answer_map(path / MEDQUAD_TAR)
    for number, grade, answer_id in _qrels_lines(path / MEDQUAD_QRELS_ZIP):
        target = answer_map.get(canonical_answer_id(answer_id))
        yield MedQuADJudgment(
            number=number,
            answer_id=answer_id,
            grade=grade,
            document_id=target[0] if target else None,
            answered=target[1] if target else False,
        )


def _qrels_lines(zip_path: Path) -> Iterator[tuple[int, int, str]]:
    with zipfile.ZipFile(zip_path) as archive:
        names = [n for n in archive.namelist() if _is_qrels_member(n)]
        if not names:
            raise InputError(f"{zip_path}: no All-qrels_*.txt member")
        text = archive.read(names[0]).decode("utf-8")
    for line in text.splitlines():
        parts = line.split()
        if len(parts) == 3 and parts[0].isdigit():
            yield int(parts[0]), int(parts[1].split("-", 1)[0]), parts[2]


def _is_qrels_member(name: str) -> bool:
    path = PurePosixPath(name)
    return path.name.startswith("All-qrels") and "__MACOSX" not in path.parts


def medquad_answer_map(tar_path: Path) -> dict[str, tuple[str, bool]]:
    """Every MedQuAD QA pair as ``<source>_<id>_Sec<N>.txt`` → (medcite id, has answer text).

    Two files may share a root id (CancerGov ``0000013_2.xml`` and ``0000013_2_1.xml`` ...): the
    file whose name equals the id wins.
    """
    pages: dict[str, tuple[str, list[tuple[str, bool]]]] = {}
    for stem, root in _medquad_roots(tar_path):
        key = f"{root.get('source') or root.get('corpus')}_{root.get('id')}"
        if key not in pages or stem.rsplit("/", 1)[-1] == root.get("id"):
            pages[key] = (stem, [_pair_id(pair, n) for n, pair in _pairs(root)])
    return {
        f"{key}_Sec{position}.txt": (f"medquad:{stem}#{qid}", answered)
        for key, (stem, pairs) in pages.items()
        for position, (qid, answered) in enumerate(pairs, start=1)
    }


def canonical_answer_id(answer_id: str) -> str:
    """A judged answer name with the qrels' source abbreviations expanded (``MPlusHerbsSuppls``)."""
    match = _ANSWER_NAME.match(answer_id)
    if match is None:
        return answer_id
    source = _QRELS_SOURCE_NAMES.get(match["source"], match["source"])
    return f"{source}_{match['doc']}_Sec{match['pos']}.txt"


def _medquad_roots(tar_path: Path) -> Iterator[tuple[str, etree._Element]]:
    with tarfile.open(tar_path, "r:*") as archive:
        for member in archive:
            if not (member.isfile() and member.name.endswith(".xml")):
                continue
            handle = archive.extractfile(member)
            if handle is None:
                continue
            root = parse_small_document(handle.read(), member.name)
            if etree.QName(root).localname in ROOT_TAGS:
                yield member.name.removesuffix(".xml"), root


def _pairs(root: etree._Element) -> Iterator[tuple[int, etree._Element]]:
    return enumerate(root.iter("QAPair", "pair"), start=1)


def _pair_id(pair: etree._Element, position: int) -> tuple[str, bool]:
    """The qid medcite's MedQuAD parser gives this pair, and whether it has answer text."""
    question = _first(pair, "Question", "question")
    qid = _attr(question, "qid") or _attr(pair, "pid") or str(position)
    answer = _first(pair, "Answer", "answer")
    return qid, bool(answer is not None and text_of(answer))


def _first(element: etree._Element, *tags: str) -> etree._Element | None:
    for tag in tags:
        child = element.find(tag)
        if child is not None:
            return child
    return None


def _attr(element: etree._Element | None, name: str) -> str | None:
    if element is None:
        return None
    return " ".join((element.get(name) or "").split()) or None


def liveqa_medquad(
    liveqa_folder: Path | str | None = None, medquad_folder: Path | str | None = None
) -> Iterator[EvalItem]:
    """LiveQA questions with their judged MedQuAD answers as graded relevant documents.

    Gain = grade - 1 (Related 1, Incomplete 2, Excellent 3; Incorrect left out); Recall and MRR
    count Incomplete and Excellent answers (``min_gain=2``), as MEDIQA 2019 counts 3-4 as correct.
    Questions without any judgment (TQ83) are skipped.
    """
    gains: dict[int, dict[str, int]] = {}
    for judgment in medquad_liveqa_judgments(medquad_folder):
        if judgment.document_id and judgment.answered and judgment.grade > 1:
            docs = gains.setdefault(judgment.number, {})
            docs[judgment.document_id] = max(docs.get(judgment.document_id, 0), judgment.grade - 1)
    for question in liveqa(liveqa_folder):
        if question.number in gains:
            yield question.to_item(gains[question.number], min_gain=2, dataset=LIVEQA_MEDQUAD)


# --- MEDIQA 2019 task 3 (answer re-ranking) --------------------------------------------------


def mediqa2019(
    folder: Path | str | None = None, splits: tuple[str, ...] = tuple(MEDIQA2019_FILES)
) -> Iterator[RerankItem]:
    """Consumer questions with CHiQA's candidate answers and their human grades (1-4)."""
    path = set_folder(MEDIQA2019, folder)
    for split in splits:
        name = MEDIQA2019_FILES[split]
        with gzip.open(path / name, "rb") as stream:
            root = parse_small_document(stream.read(), name)
        for question in root.iter("Question"):
            yield RerankItem(
                dataset=MEDIQA2019,
                split=split,
                qid=question.get("QID") or "",
                question=text_of(question.find("QuestionText")),
                candidates=tuple(_candidate(a) for a in question.iter("Answer")),
            )


def _candidate(answer: etree._Element) -> Candidate:
    reference_rank = answer.get("ReferenceRank")
    return Candidate(
        aid=answer.get("AID") or "",
        text=text_of(answer.find("AnswerText")),
        url=text_of(answer.find("AnswerURL")) or None,
        grade=int(answer.get("ReferenceScore") or 0),
        system_rank=int(answer.get("SystemRank") or 0),
        reference_rank=int(reference_rank) if reference_rank else None,
    )
