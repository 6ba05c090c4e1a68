"""Evaluation sets as typed records: one loader per set, each reading the original files.

Every loader takes the set's folder (default: ``<corpora>/<set name>``, where ``<corpora>`` is
``$MEDCITE_CORPORA`` or ``../shared/corpora``), so another held-out set in the same format can be
run by pointing at its folder. Loaders are generators: they read one file (or one batch file) at a
time and yield records as they go; nothing keeps a whole corpus in memory.

Most sets become :class:`EvalItem` records (question, reference answers, key statements, graded
relevant documents as medcite ids). Sets with their own structure have their own records: LiveQA
(:mod:`medcite.eval.nlm_sets`) and MEDIQA 2019 candidate answers (:class:`RerankItem`).

PubMedQA PQA-L is also a *corpus*: :func:`pubmedqa_documents` turns its abstracts into
:class:`~medcite.records.Document` records (``pmid:NNN``) to be written into the index.
"""

from __future__ import annotations

import ast
import csv
import gzip
import io
import json
import os
from collections.abc import Collection, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from medcite.errors import InputError
from medcite.eval.text import split_sentences, strip_citation_marks
from medcite.records import AbstractSection, Document, Source
from medcite.text import squash

CORPORA_ENV = "MEDCITE_CORPORA"
_REPO_ROOT = Path(__file__).resolve().parents[3]


def default_corpora() -> Path:
    """``$MEDCITE_CORPORA``, else ``../shared/corpora`` beside the repository (or the cwd)."""
    configured = os.environ.get(CORPORA_ENV)
    if configured:
        return Path(configured)
    for base in (_REPO_ROOT, Path.cwd()):
        candidate = base.parent / "shared" / "corpora"
        if candidate.is_dir():
            return candidate
    return _REPO_ROOT.parent / "shared" / "corpora"


def set_folder(name: str, folder: Path | str | None = None) -> Path:
    """The folder of evaluation set ``name``; raise a clear error if it is missing."""
    path = Path(folder) if folder is not None else default_corpora() / name
    if not path.is_dir():
        raise InputError(
            f"evaluation set folder {path} not found; set {CORPORA_ENV} or pass the folder"
        )
    return path


@dataclass(frozen=True, slots=True)
class EvalItem:
    """One evaluation question with whatever reference data its set provides."""

    dataset: str
    qid: str
    question: str
    references: tuple[str, ...] = ()
    """Reference answers; ROUGE-L scores against the best-matching one."""
    key_statements: tuple[str, ...] = ()
    """Statements a complete answer contains; empty means "the first reference's sentences"."""
    relevant: Mapping[str, int] = field(default_factory=dict)
    """medcite document id → gain (graded relevance); documents with gain 0 are left out."""
    min_gain: int = 1
    """Smallest gain that counts as relevant for Recall and MRR."""
    year: int | None = None
    qtype: str | None = None
    focus: str | None = None
    meta: Mapping[str, str] = field(default_factory=dict)

    def statements(self) -> tuple[str, ...]:
        """Key statements, or the sentences of the first reference answer."""
        if self.key_statements:
            return self.key_statements
        return tuple(split_sentences(self.references[0])) if self.references else ()


@dataclass(frozen=True, slots=True)
class Candidate:
    """A candidate answer to re-rank, with its human grade (MEDIQA 2019 ``ReferenceScore``)."""

    aid: str
    text: str
    url: str | None
    grade: int
    """4 Excellent, 3 Correct but incomplete, 2 Related, 1 Incorrect."""
    system_rank: int
    """Rank given by CHiQA, the NLM system that retrieved the candidates."""
    reference_rank: int | None = None


@dataclass(frozen=True, slots=True)
class RerankItem:
    """A question with graded candidate answers (answer re-ranking evaluation)."""

    dataset: str
    split: str
    qid: str
    question: str
    candidates: tuple[Candidate, ...]


# --- PubMedQA PQA-L --------------------------------------------------------------------------

PUBMEDQA = "pubmedqa-pqal"


def _pqal_rows(folder: Path | str | None) -> tuple[Path, dict[str, dict[str, Any]]]:
    path = set_folder(PUBMEDQA, folder)
    with gzip.open(path / "ori_pqal.json.gz", "rt", encoding="utf-8") as stream:
        rows: dict[str, dict[str, Any]] = json.load(stream)
    return path, rows


def pubmedqa_pqal(folder: Path | str | None = None) -> Iterator[EvalItem]:
    """PQA-L: question (a reworded title) → its own abstract ``pmid:NNN``; reference = conclusion.

    ``meta["split"]`` is ``test`` for the 500 PMIDs of the official test split, else ``dev``.
    """
    path, rows = _pqal_rows(folder)
    test_file = path / "test_ground_truth.json"
    test_ids = set(json.loads(test_file.read_text("utf-8"))) if test_file.exists() else set()
    for pmid, row in rows.items():
        yield EvalItem(
            dataset=PUBMEDQA,
            qid=pmid,
            question=squash(row["QUESTION"]),
            references=(squash(row["LONG_ANSWER"]),),
            relevant={f"pmid:{pmid}": 1},
            year=_year(row.get("YEAR")),
            qtype=row.get("final_decision"),
            meta={"split": "test" if pmid in test_ids else "dev"},
        )


def pubmedqa_documents(
    folder: Path | str | None = None, with_conclusion: bool = False
) -> Iterator[Document]:
    """PQA-L abstracts as Documents ``pmid:NNN``: labelled context sections, MeSH terms, year.

    Unlike ``medcite ingest ori_pqal.json.gz`` (:mod:`medcite.ingest.pubmedqa`, which titles each
    record with its QUESTION and appends the conclusion), the evaluation index stores no title —
    the question is a rewording of the title, so indexing it turns "question → own abstract" into
    a string match (plain BM25 nDCG@10 ≈ 0.996) — and, as in PubMedQA, leaves the conclusion out
    unless ``with_conclusion``: it is the reference answer.
    """
    _path, rows = _pqal_rows(folder)
    for pmid, row in rows.items():
        sections = [
            AbstractSection(label=label.title() if label else None, category=label, text=text)
            for text, label in zip(row["CONTEXTS"], row["LABELS"], strict=False)
        ]
        if with_conclusion:
            sections.append(
                AbstractSection(
                    label="Conclusions", category="CONCLUSIONS", text=row["LONG_ANSWER"]
                )
            )
        yield Document(
            id=f"pmid:{pmid}",
            source=Source.PUBMEDQA,
            sections=tuple(sections),
            mesh_terms=tuple(row.get("MESHES") or ()),
            year=_year(row.get("YEAR")),
            pub_date=row.get("YEAR") or None,
            pmid=pmid,
            url=f"https://pubmed.ncbi.nlm.nih.gov/{pmid}/",
        )


# --- PubMedRS-200 ----------------------------------------------------------------------------

PUBMEDRS = "pubmedrs-200"


def pubmedrs200(folder: Path | str | None = None) -> Iterator[EvalItem]:
    """Clinical questions answered by systematic reviews; relevant = the review's references.

    The CSV carries UTF-8 text decoded twice (``Â``, ``â€``); it is repaired field by field.
    """
    path = set_folder(PUBMEDRS, folder)
    with gzip.open(path / "PubMedRS-200.csv.gz", "rb") as raw:
        rows = csv.DictReader(io.TextIOWrapper(raw, encoding="utf-8", newline=""))
        for number, row in enumerate(rows, start=1):
            yield _pubmedrs_item(number, {k: fix_mojibake(v or "") for k, v in row.items() if k})


def _pubmedrs_item(number: int, row: dict[str, str]) -> EvalItem:
    refs = dict.fromkeys(str(p).strip() for p in _literal_list(row.get("Ref_PMIDs", "")))
    return EvalItem(
        dataset=PUBMEDRS,
        qid=row.get("PMID") or str(number),
        question=squash(row.get("HumanQuestions") or row.get("questions", "")),
        references=(squash(row.get("HumanAnswer", "")),),
        relevant={f"pmid:{p}": 1 for p in refs if p.isdigit()},
        year=_year(row.get("PublishedDate", "").rsplit("/", 1)[-1]),
        meta={
            "specialty": row.get("specialty", ""),
            "subtopic": row.get("SubTopic", ""),
            "review_pmid": row.get("PMID", ""),
            "review_title": squash(row.get("Title", "")),
        },
    )


def fix_mojibake(text: str) -> str:
    """Undo UTF-8 bytes that were decoded as Latin-1 (``Ã©`` → ``é``); other text is unchanged."""
    if not any(marker in text for marker in ("Â", "Ã", "â\x80")):
        return text
    try:
        return text.encode("latin-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return text


def _literal_list(text: str) -> list[Any]:
    if not text.strip():
        return []
    try:
        value = ast.literal_eval(text)
    except (ValueError, SyntaxError):
        return []
    return list(value) if isinstance(value, list | tuple) else []


# --- BioASQ Task B golden --------------------------------------------------------------------

BIOASQ = "bioasq-taskb-golden"


def bioasq(
    folder: Path | str | None = None, types: Collection[str] | None = None
) -> Iterator[EvalItem]:
    """BioASQ golden questions (one batch file at a time); relevant = gold PMIDs.

    ``types`` keeps only some question types (``summary``, ``factoid``, ``yesno``, ``list``).
    A question id seen in an earlier batch file is skipped.
    """
    path = set_folder(BIOASQ, folder)
    seen: set[str] = set()
    for batch in sorted(path.glob("*_golden.json.gz")):
        with gzip.open(batch, "rt", encoding="utf-8") as stream:
            questions = json.load(stream)["questions"]
        for question in questions:
            if question["id"] in seen or (types is not None and question["type"] not in types):
                continue
            seen.add(question["id"])
            yield _bioasq_item(question, batch.name.split("_")[0])


def _bioasq_item(question: dict[str, Any], batch: str) -> EvalItem:
    ideal = question.get("ideal_answer") or []
    answers = [ideal] if isinstance(ideal, str) else list(ideal)
    pmids = dict.fromkeys(str(url).rstrip("/").rsplit("/", 1)[-1] for url in question["documents"])
    return EvalItem(
        dataset=BIOASQ,
        qid=str(question["id"]),
        question=squash(question["body"]),
        references=tuple(squash(a) for a in answers if a.strip()),
        relevant={f"pmid:{p}": 1 for p in pmids if p.isdigit()},
        qtype=str(question["type"]),
        meta={"batch": batch},
    )


# --- MedicationQA ----------------------------------------------------------------------------

MEDICATIONQA = "medicationqa"


def medicationqa(folder: Path | str | None = None) -> Iterator[EvalItem]:
    """Consumer medication questions with answers quoted from trusted pages (MedInfo 2019)."""
    path = set_folder(MEDICATIONQA, folder)
    with (path / "medicationqa.jsonl").open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            row = json.loads(line)
            yield EvalItem(
                dataset=MEDICATIONQA,
                qid=str(number),
                question=squash(str(row["Question"])),
                references=(squash(str(row["Answer"])),),
                qtype=row.get("Question Type"),
                focus=row.get("Focus (Drug)"),
                meta={"url": str(row.get("URL") or ""), "section": str(row.get("Section Title"))},
            )


# --- MEDIQA 2021 multi-answer summarisation --------------------------------------------------

MEDIQA2021 = "mediqa2021-mas"


def mediqa2021_mas(folder: Path | str | None = None, split: str = "test") -> Iterator[EvalItem]:
    """Short consumer questions with expert multi-answer summaries (``split``: test, validation).

    The reference is the abstractive summary; the extractive one is in ``meta["extractive"]``.
    Questions without an abstractive summary are skipped (there are none in the shared copy).
    """
    path = set_folder(MEDIQA2021, folder)
    questions = _id_lines(_split_file(path, split, "shortquestions"))
    abstractive = _id_lines(_split_file(path, split, "abstrativesummaries"))
    extractive = _id_lines(_split_file(path, split, "extractivesummaries"))
    for qid, question in questions.items():
        if qid in abstractive:
            yield EvalItem(
                dataset=MEDIQA2021,
                qid=qid,
                question=question,
                references=(abstractive[qid],),
                meta={"split": split, "extractive": extractive.get(qid, "")},
            )


def _split_file(folder: Path, split: str, kind: str) -> Path:
    wanted = f"{split.lower()}set"
    for path in sorted(folder.glob("*.txt")):
        name = path.name.lower().replace("_", "")
        if wanted in name and kind in name:
            return path
    raise InputError(f"{folder}: no {split} file for {kind}")


def _id_lines(path: Path) -> dict[str, str]:
    rows: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8-sig").splitlines():
        qid, sep, text = line.partition("||")
        if sep and text.strip():
            rows[qid.strip()] = squash(text)
    return rows


# --- ExpertQA (medicine) ---------------------------------------------------------------------

EXPERTQA = "expertqa-medicine"


def expertqa(folder: Path | str | None = None, with_unanswered: bool = False) -> Iterator[EvalItem]:
    """Expert-revised cited answers; key statements = the expert-revised claims.

    Citation markers (``[1]``) are removed from references and claims. ``with_unanswered`` adds
    the 458 expert-written questions that have no answers (for question-only runs).
    """
    path = set_folder(EXPERTQA, folder)
    for split in ("test", "val"):
        with (path / f"domain_{split}.medicine.jsonl").open(encoding="utf-8") as lines:
            for number, line in enumerate(lines, start=1):
                if line.strip():
                    yield from _expertqa_items(json.loads(line), f"{split}-{number}")
    if with_unanswered:
        yield from _expertqa_questions(path / "r1_questions.medicine.jsonl")


def _expertqa_items(row: dict[str, Any], qid: str) -> Iterator[EvalItem]:
    answers = _maybe_literal(row.get("answers"))
    metadata = _maybe_literal(row.get("metadata"))
    for system, answer in answers.items():
        reference = squash(strip_citation_marks(answer.get("revised_answer_string") or ""))
        if not reference:
            continue
        claims = (c.get("revised_claim") or c.get("claim_string") or "" for c in answer["claims"])
        yield EvalItem(
            dataset=EXPERTQA,
            qid=qid,
            question=squash(row["question"]),
            references=(reference,),
            key_statements=tuple(s for c in claims if (s := squash(strip_citation_marks(c)))),
            qtype=metadata.get("question_type"),
            meta={"system": system, "specific_field": str(metadata.get("specific_field", ""))},
        )


def _expertqa_questions(path: Path) -> Iterator[EvalItem]:
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            if line.strip():
                row = json.loads(line)
                metadata = _maybe_literal(row.get("metadata"))
                yield EvalItem(
                    dataset=EXPERTQA,
                    qid=f"r1-{number}",
                    question=squash(row["question"]),
                    qtype=metadata.get("question_type"),
                    meta={"specific_field": str(metadata.get("specific_field", ""))},
                )


def _maybe_literal(value: Any) -> dict[str, Any]:
    """ExpertQA stores some dicts as Python-literal strings; accept both forms."""
    if isinstance(value, str):
        value = ast.literal_eval(value) if value.strip() else {}
    return dict(value) if isinstance(value, Mapping) else {}


def _year(value: object) -> int | None:
    text = str(value or "").strip()
    return int(text) if text.isdigit() and len(text) == 4 else None


# --- labelled question sets shipped with medcite ---------------------------------------------

DATA_DIR = Path(__file__).resolve().parent / "data"


@dataclass(frozen=True, slots=True)
class LabelledQuestion:
    """A question with a yes/no label: is it an emergency, or should it be answered at all."""

    id: str
    source: str
    question: str
    label: bool
    kind: str | None = None
    note: str = ""
    urgency: str | None = None
    """``emergency``, ``same-day`` or ``routine`` where a set says so (the fresh and third
    written sets)."""


def red_flag_set(path: Path | str | None = None) -> Iterator[LabelledQuestion]:
    """Real LiveQA, MedicationQA and MEDIQA 2019 questions labelled emergency (True) or not.

    Negatives include hard cases: emergency words in general questions ("how is a heart attack
    treated"), past events and negations ("no damage was found"). The red-flag patterns were
    once tuned on these 41 questions, so they are reported beside :func:`written_red_flag_set`
    (held out) rather than trusted alone.
    """
    for row in _jsonl(Path(path) if path else DATA_DIR / "red_flags.jsonl"):
        yield LabelledQuestion(
            id=row["id"],
            source=row["source"],
            question=row["question"],
            label=bool(row["emergency"]),
            kind=row.get("kind"),
            note=row.get("note", ""),
        )


WRITTEN_RED_FLAGS = "red-flags-written"
FRESH_RED_FLAGS = "red-flags-fresh"
THIRD_RED_FLAGS = "red-flags-third"
FOURTH_RED_FLAGS = "red-flags-fourth"
FIFTH_RED_FLAGS = "red-flags-fifth"
SIXTH_RED_FLAGS = "red-flags-sixth"
SEVENTH_RED_FLAGS = "red-flags-seventh"
EIGHTH_RED_FLAGS = "red-flags-eighth"
NINTH_RED_FLAGS = "red-flags-ninth"


def written_red_flag_set(
    split: str | None = None, path: Path | str | None = None
) -> Iterator[LabelledQuestion]:
    """Patient-style questions written for medcite, labelled emergency (True) or not, with a split.

    ``red_flags_written.jsonl`` has one question a line: ``id``, ``question``, ``emergency``,
    ``kind`` (the red-flag kind for emergencies, else null), ``note`` (what makes it hard) and
    ``split``. Emergencies cover every red-flag kind and the common phrasings of suicidal intent;
    non-emergencies are the hard cases: idioms ("my back is killing me", "poison ivy", "food
    poisoning"), general questions with emergency words, negations, past events and history.
    None is copied from a public dataset. The split is fixed by the rule of
    :func:`medcite.eval.splits.split_of` on (``red-flags-written``, ``id``) and stored in the
    file; a row whose stored split disagrees with the rule is an error. Tune on ``dev``; the
    ``test`` part is only reported. ``split=None`` yields both.
    """
    yield from _split_red_flag_set(WRITTEN_RED_FLAGS, "red_flags_written.jsonl", path, split)


def fresh_red_flag_set(
    split: str | None = None, path: Path | str | None = None
) -> Iterator[LabelledQuestion]:
    """A second written set, by a writer who had seen neither the detector nor the first set.

    ``red_flags_fresh.jsonl`` has 160 messages: 80 that need care today or now (``urgency``
    ``emergency`` or ``same-day``; none of the kinds the detector named when it was written,
    each kind once) and 80 hard routine ones; the fields and the split rule are those of
    :func:`written_red_flag_set`, on (``red-flags-fresh``, ``id``). ``kind`` is the writer's
    free-text name of the situation, not a detector kind.
    """
    yield from _split_red_flag_set(FRESH_RED_FLAGS, "red_flags_fresh.jsonl", path, split)


def third_red_flag_set(
    split: str | None = None, path: Path | str | None = None
) -> Iterator[LabelledQuestion]:
    """A third written set, by a writer who read no medcite file: 360 messages, 120 needing
    emergency care, 120 needing care the same day and 120 routine (half of them hard: calm
    questions about serious diseases, past events, idioms, mild versions). Written to train a
    learned triage model, which did not work (docs/evaluation.md, sixteenth stop); kept as a
    held-out measure of the detector, with the fields and split rule of
    :func:`fresh_red_flag_set` on (``red-flags-third``, ``id``).
    """
    yield from _split_red_flag_set(THIRD_RED_FLAGS, "red_flags_third.jsonl", path, split)


def fourth_red_flag_set(
    split: str | None = None, path: Path | str | None = None
) -> Iterator[LabelledQuestion]:
    """A fourth written set, by a writer who read no medcite file (thirty-eighth stop): 300
    messages, 100 needing emergency care, 100 needing care the same day and 100 routine (at
    least half of them hard), spread over every body system and age, at most two messages a
    situation. Its dev part is tuned on; its test part, like the fresh and third sets', is only
    reported. Fields and split rule as :func:`fresh_red_flag_set`, on (``red-flags-fourth``,
    ``id``).
    """
    yield from _split_red_flag_set(FOURTH_RED_FLAGS, "red_flags_fourth.jsonl", path, split)


def fifth_red_flag_set(
    split: str | None = None, path: Path | str | None = None
) -> Iterator[LabelledQuestion]:
    """A fifth written set, by three writers who read no medcite file (thirty-ninth stop): 300
    messages, 102 needing emergency care, 99 needing care the same day and 99 routine (most of
    them hard), each writer on a third of medicine (heart, lungs, blood, kidneys, hormones and
    older people; brain, mind, senses, skin and poisoning; children, pregnancy, the belly,
    bones and infections), in varied voices, at most two messages a situation. Its dev part is
    tuned on; its test part is only reported. Fields and split rule as
    :func:`fresh_red_flag_set`, on (``red-flags-fifth``, ``id``).
    """
    yield from _split_red_flag_set(FIFTH_RED_FLAGS, "red_flags_fifth.jsonl", path, split)


def sixth_red_flag_set(
    split: str | None = None, path: Path | str | None = None
) -> Iterator[LabelledQuestion]:
    """A sixth written set, by three writers who read no medcite file (fortieth stop): 300
    messages, 102 needing emergency care, 99 needing care the same day and 99 routine (hard
    negatives: idioms, past events, negated signs, medicine questions), each writer on a third
    of medicine (babies, children, pregnancy, women's, sexual and urological health; the heart,
    lungs, allergy, eyes, ear, nose, throat, mouth and skin; the brain, mind, belly, kidneys,
    hormones, bones, infections, medicines and older people), in varied voices, at most two
    messages a situation. Written after the stop's first detector change, and committed with
    its figures before any change it shaped. Its dev part is tuned on; its test part is only
    reported. Fields and split rule as :func:`fresh_red_flag_set`, on (``red-flags-sixth``,
    ``id``).
    """
    yield from _split_red_flag_set(SIXTH_RED_FLAGS, "red_flags_sixth.jsonl", path, split)


def seventh_red_flag_set(
    split: str | None = None, path: Path | str | None = None
) -> Iterator[LabelledQuestion]:
    """A seventh written set, by three writers who read no medcite file (forty-first stop): 300
    messages, 102 needing emergency care, 99 needing care the same day and 99 routine (hard
    negatives), cut by who writes and where rather than by body system: parents and carers of
    children and pregnant women; adults at home, work, sport, outdoors and travelling
    (injuries, bites, poisonings, heat and cold, drugs, sudden symptoms); people living with
    long-term conditions or on treatment and their carers. Committed with its figures before
    any change it shaped. Its dev part is tuned on; its test part is only reported. Fields and
    split rule as :func:`fresh_red_flag_set`, on (``red-flags-seventh``, ``id``).
    """
    yield from _split_red_flag_set(SEVENTH_RED_FLAGS, "red_flags_seventh.jsonl", path, split)


def eighth_red_flag_set(
    split: str | None = None, path: Path | str | None = None
) -> Iterator[LabelledQuestion]:
    """An eighth written set, by three writers who read no medcite file (forty-first stop): 300
    messages over all of medicine, 102 needing emergency care, 99 needing care the same day and
    99 routine (hard negatives), each writer in one style: short text-speak with typos; long
    stories with the decisive sign buried, and messages by a teacher, coach, colleague or carer
    about someone else; the careful English of a non-native speaker and the understated,
    formal messages of older people. Committed with its figures before any change it shaped.
    Its dev part is tuned on; its test part is only reported. Fields and split rule as
    :func:`fresh_red_flag_set`, on (``red-flags-eighth``, ``id``).
    """
    yield from _split_red_flag_set(EIGHTH_RED_FLAGS, "red_flags_eighth.jsonl", path, split)


def ninth_red_flag_set(
    split: str | None = None, path: Path | str | None = None
) -> Iterator[LabelledQuestion]:
    """A ninth written set, by three writers who read no medcite file (forty-second stop): 300
    messages, 102 needing emergency care, 99 needing care the same day and 99 routine (hard
    negatives), one writer an area each: medicines and treatments (reactions, overdoses and
    wrong doses, interactions, problems after operations and procedures, chemotherapy,
    vaccines, pregnancy); mind and substances (suicidal thinking told indirectly, self-harm,
    psychosis, mania, eating disorders, intoxication, withdrawal, overdoses); eyes, ears,
    nose, mouth, teeth, throat, skin, genitals, bones and joints. Committed with its figures
    before any change it shaped. Its dev part is tuned on; its test part is only reported.
    Fields and split rule as :func:`fresh_red_flag_set`, on (``red-flags-ninth``, ``id``).
    """
    yield from _split_red_flag_set(NINTH_RED_FLAGS, "red_flags_ninth.jsonl", path, split)


SCOPE_WRITTEN = "scope-written"


def written_scope_set(
    split: str | None = None, path: Path | str | None = None
) -> Iterator[LabelledQuestion]:
    """Is it a question about human health? 200 questions by a writer who read no medcite file.

    ``scope_written.jsonl`` has one question a line: ``id``, ``question``, ``health`` (the label:
    True for a question about a person's health, which should be answered), ``domain`` and
    ``split``. Both halves are hard: 100 non-health questions use a word with a medical sense
    in another one ("symptoms of a failing hard drive", a plant's disease, a pet's own
    illness, a request to write a letter), and 100 health questions name things of other
    fields ("can sitting in my car all day cause a clot"). Split rule of
    :func:`written_red_flag_set` on (``scope-written``, ``id``); tune on ``dev``, only report
    ``test``.
    """
    path = Path(path) if path else DATA_DIR / "scope_written.jsonl"
    yield from _split_set(SCOPE_WRITTEN, path, split, label="health")


def _split_red_flag_set(
    name: str, file: str, path: Path | str | None, split: str | None
) -> Iterator[LabelledQuestion]:
    """The written red-flag set ``name``: ``path`` when given, else the shipped ``file``."""
    yield from _split_set(name, Path(path) if path else DATA_DIR / file, split, label="emergency")


def _split_set(name: str, path: Path, split: str | None, label: str) -> Iterator[LabelledQuestion]:
    """The rows of a labelled set with a stored split, checked against the split rule."""
    from medcite.eval.splits import split_of

    for row in _jsonl(path):
        if row["split"] != split_of(name, row["id"]):
            raise InputError(f"{row['id']}: split {row['split']!r} is not the split rule's")
        if split is None or row["split"] == split:
            yield LabelledQuestion(
                id=row["id"],
                source=name,
                question=row["question"],
                label=bool(row[label]),
                kind=row.get("kind"),
                note=row.get("note", ""),
                urgency=row.get("urgency"),
            )


def out_of_scope_set(path: Path | str | None = None) -> Iterator[LabelledQuestion]:
    """Questions outside health, written for this evaluation: a good answerer declines them.

    ``label`` is True for "should be answered", so every question here is labelled False.
    """
    for row in _jsonl(Path(path) if path else DATA_DIR / "out_of_scope.jsonl"):
        yield LabelledQuestion(
            id=row["id"], source="medcite", question=row["question"], label=False, note=row["note"]
        )


def _jsonl(path: Path) -> Iterator[dict[str, Any]]:
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                yield json.loads(line)
