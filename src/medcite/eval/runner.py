"""Run an evaluation suite: medcite and the baselines, same index, same questions, one report.

>>> from medcite.eval.runner import run_suite
>>> report = run_suite("quick", "/tmp/eval-index", "runs/quick")  # doctest: +SKIP

Every retrieval and answer task is reported twice, once per split (``dev`` and ``test``, frozen
by :func:`medcite.eval.splits.split_of`; never mixed in one row): tune on dev, only report test.
``quick`` (CI, ≤ 3 min on 2 cores) samples within each split with a fixed seed; ``full`` runs
everything.
The index is built on first use from the sample corpora (pubmed21n1298 + pubmed20n0014 + MedQuAD +
PubMedQA PQA-L abstracts) and reused afterwards; any existing medcite index can be passed instead.

medcite is passed in as callables so the harness works with any implementation:
``retrieve_fn(question, k) -> hits`` (the headline "medcite" retrieval row, e.g.
:func:`medcite_retrieval` over all evidence tiers merged), optionally ``retrieve_for_task(task)``
(the "medcite (tier hint)" row: told which tier holds the task's gold documents) and
``answer_fn(question) -> Answer`` (e.g. ``Engine.ask``; answer rows are only produced for it when
given). The baselines always run: the independent BM25 (:mod:`medcite.eval.bm25`), medcite's
own index search on the raw question, and the lead-sentences answer built on the independent
BM25. Retrieval rows come with medcite minus the independent BM25 (nDCG@10, paired bootstrap
95% interval) per task and split.
"""

from __future__ import annotations

import json
import logging
import random
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

from medcite.config import Settings
from medcite.engine import Engine
from medcite.errors import InputError
from medcite.eval import datasets as ds
from medcite.eval import nlm_sets as nlm
from medcite.eval import tasks
from medcite.eval.baselines import (
    AnswerFn,
    LeadSentences,
    RerankFn,
    RetrieveFn,
    bm25_rerank,
    plain_bm25,
)
from medcite.eval.bm25 import IndependentBM25
from medcite.eval.metrics import paired_bootstrap
from medcite.eval.report import Comparison, Report, Row, write_report
from medcite.eval.splits import SPLITS, Split, in_split
from medcite.eval.topics import TopicJudge
from medcite.index.sharded import open_index
from medcite.index.shards import MANIFEST
from medcite.index.tantivy_index import META_FILE
from medcite.records import Answer, Document, Hit

log = logging.getLogger(__name__)

T = TypeVar("T")
BM25 = "BM25 (bm25s, independent)"
PLAIN_BM25 = BM25
"""The old name of the plain-BM25 row: now the independent bm25s baseline."""
INDEX_SEARCH = "medcite index search (raw question)"
LEAD = "lead sentences"
MEDCITE = "medcite"
MEDCITE_TIER_HINT = "medcite (tier hint)"
TOPIC_TASKS = frozenset({"liveqa", "medicationqa"})
"""Answer tasks whose questions carry a gold focus, judged for on-topic citations."""
SAMPLE_FILES = (
    "pubmed-xml/pubmed21n1298.xml.gz",
    "pubmed-xml/pubmed20n0014.xml.gz",
    "medquad/MedQuAD-xml.tar.gz",
)
MESH_TERMS = "mesh/mesh2021_descriptor_terms.tsv.gz"
MESH_TREES = "mesh/mesh2021_descriptor_trees.tsv.gz"
EVAL_MARKER = "medcite-eval.json"
CLINFO_NOTE = (
    "Clinfo.ai (Lozano et al., arXiv:2310.16146) on PubMedRS-200 as published; "
    "measured elsewhere with its own retrieval (live PubMed) and an LLM, not re-run here"
)


@dataclass(frozen=True, slots=True)
class SuiteConfig:
    """How many questions each task samples in each split (None = all) and the seed."""

    name: str
    retrieval: Mapping[str, int | None]
    answers: Mapping[str, int | None]
    splits: tuple[Split, ...] = SPLITS
    rerank_splits: tuple[str, ...] = ("test",)
    rerank_sample: int | None = None
    red_flags: bool = True
    seed: int = 20240601
    notes: tuple[str, ...] = field(default_factory=tuple)


RETRIEVAL_TASKS = ("pubmedqa-pqal", "liveqa-medquad", "bioasq")
ANSWER_TASKS = (
    "pubmedrs-200",
    "pubmedqa-pqal",
    "bioasq-summary",
    "liveqa",
    "medicationqa",
    "mediqa2021-mas",
    "expertqa-medicine",
    "out-of-scope",
)
SUITES: dict[str, SuiteConfig] = {
    "quick": SuiteConfig(
        name="quick",
        retrieval={"pubmedqa-pqal": 150, "liveqa-medquad": None, "bioasq": None},
        # MedicationQA abstains on most drug questions (no drug labels in the index): 40 per
        # split leave enough answered ones to measure on-topic citations by
        answers={**dict.fromkeys(ANSWER_TASKS, 13), "medicationqa": 40, "out-of-scope": None},
        rerank_splits=("test",),
    ),
    "full": SuiteConfig(
        name="full",
        retrieval=dict.fromkeys(RETRIEVAL_TASKS),
        answers=dict.fromkeys(ANSWER_TASKS),
        rerank_splits=tuple(nlm.MEDIQA2019_FILES),
    ),
}


# --- the index -------------------------------------------------------------------------------


def ensure_index(
    index_path: Path | str, corpora: Path | str | None = None, settings: Settings | None = None
) -> dict[str, Any]:
    """Use the index at ``index_path``, building it from the sample corpora if there is none
    (with ``settings``: e.g. semantic off for a BM25-only run)."""
    path = Path(index_path)
    marker = path / EVAL_MARKER
    if marker.exists():
        info: dict[str, Any] = json.loads(marker.read_text("utf-8"))
        return {**info, "path": str(path)}
    if (path / META_FILE).exists() or (path / MANIFEST).exists():
        documents = open_index(path).num_docs()
        return {"path": str(path), "documents": documents, "built_by_eval": False}
    return build_eval_index(path, Path(corpora) if corpora else ds.default_corpora(), settings)


def build_eval_index(path: Path, corpora: Path, settings: Settings | None = None) -> dict[str, Any]:
    """Ingest the sample corpora and the PQA-L abstracts into a new index at ``path``; the dense
    store (when ``settings.semantic`` is on and the model installed) covers the abstracts too."""
    started = time.perf_counter()
    files = [corpora / name for name in SAMPLE_FILES]
    missing = [str(f) for f in files if not f.exists()]
    if missing:
        raise InputError(f"sample corpora missing: {', '.join(missing)}; set MEDCITE_CORPORA")
    log.info("building the evaluation index at %s", path)
    conf = settings or Settings()
    report = Engine(path, _no_embedding(conf)).ingest(files)
    if report.failed:
        raise InputError(f"ingest failed: {report.failed[0].path}: {report.failed[0].error}")
    added = write_documents(path, ds.pubmedqa_documents(corpora / ds.PUBMEDQA))
    _embed(path, conf)
    vocabulary = _load_vocabulary(path, corpora)
    info = {
        "path": str(path),
        "documents": open_index(path).num_docs(),
        "built_by_eval": True,
        "sources": [*SAMPLE_FILES, f"{ds.PUBMEDQA}/ori_pqal.json.gz ({added} abstracts)"],
        "vocabulary": vocabulary,
        "build_seconds": round(time.perf_counter() - started, 1),
    }
    (path / EVAL_MARKER).write_text(json.dumps(info, indent=2), "utf-8")
    return info


def _no_embedding(settings: Settings) -> Settings:
    semantic = settings.semantic.model_copy(update={"embed_on_ingest": False})
    return settings.model_copy(update={"semantic": semantic})


def _embed(path: Path, settings: Settings) -> None:
    """Bring the dense store up to date once every document is in (ingest + PQA-L)."""
    from medcite.semantic.build import after_ingest

    after_ingest(open_index(path), settings.semantic)


def _load_vocabulary(path: Path, corpora: Path) -> dict[str, int]:
    """MeSH entry terms + MedQuAD synonyms beside the index, as ``medcite vocab load`` does."""
    terms, trees = corpora / MESH_TERMS, corpora / MESH_TREES
    if not terms.exists():
        log.warning("no MeSH terms at %s: the index gets no vocabulary", terms)
        return {}
    return Engine(path).load_vocabulary(terms, trees if trees.exists() else None)


def write_documents(path: Path, documents: Iterable[Document]) -> int:
    """Upsert ``documents`` straight through the index writer; returns how many were written."""
    conf = Settings().index_settings
    writer = open_index(path).writer(conf.writer_heap_mb, conf.writer_threads)
    count = 0
    try:
        for document in documents:
            writer.upsert(document)
            count += 1
        writer.commit()
    finally:
        writer.close()
    return count


TASK_TIERS: dict[str, str] = {"liveqa-medquad": "guideline"}
"""Which evidence tier a retrieval task's gold documents belong to (default: research).
medcite ranks and presents guideline-level pages and research separately, so its retrieval is
evaluated on the tier that holds the task's gold documents."""


def medcite_retrieval(
    engine: Engine, current_year: int | None = None, tier: str | None = None
) -> RetrieveFn:
    """medcite's own ranking as a :data:`RetrieveFn`, after question understanding and
    expansion.

    ``tier=None`` (the headline, no task hints) is one list of guideline pages and research on
    one relevance scale (``TieredRetriever.merged`` ranked by ``evidence.rank.by_relevance``):
    no evidence-level weight and no recency, which are evidence priority rather than relevance;
    excluded documents last. ``research`` or ``guideline`` (the tier-hint variant) keeps only
    that tier's hits as the answer ranks them (``Engine.retrieve`` + ``evidence.rank.rank``,
    recency counted from ``current_year``, default this year, as ``Engine.ask`` does).

    It returns at most what the retriever found, whatever ``k`` asks.
    """
    if tier is None:
        return _merged_retrieval(engine)
    from medcite.evidence.rank import rank
    from medcite.records import EvidenceLevel

    year = current_year or datetime.now(UTC).year
    guideline = tier == "guideline"

    def retrieve(question: str, k: int) -> Sequence[Hit]:
        hits, _searched, _note = engine.retrieve(engine.understand(question))
        ranked = rank(hits, year)
        return [e.hit for e in ranked if (e.level is EvidenceLevel.GUIDELINE) == guideline][:k]

    return retrieve


def _merged_retrieval(engine: Engine) -> RetrieveFn:
    """All tiers in one list ranked by relevance alone (the headline retrieval row)."""
    from medcite.evidence.rank import by_relevance

    research_k = engine.settings.answer.research_k

    def retrieve(question: str, k: int) -> Sequence[Hit]:
        found = engine.retriever().merged(engine.understand(question), research_k)
        return [e.hit for e in by_relevance(found.hits)][:k]

    return retrieve


def medcite_tiered_retrieval(engine: Engine) -> Callable[[str], RetrieveFn]:
    """For each retrieval task, medcite's ranking of the tier holding its gold documents (a task
    hint: reported as "medcite (tier hint)", never as the headline row)."""
    cache: dict[str, RetrieveFn] = {}

    def for_task(task: str) -> RetrieveFn:
        tier = TASK_TIERS.get(task, "research")
        if tier not in cache:
            cache[tier] = medcite_retrieval(engine, tier=tier)
        return cache[tier]

    return for_task


# --- questions -------------------------------------------------------------------------------


def sample(items: Sequence[T], n: int | None, seed: int, task: str) -> list[T]:
    """``n`` items drawn with a seed derived from ``seed`` and ``task``, in their original order."""
    if n is None or n >= len(items):
        return list(items)
    chosen = random.Random(f"{seed}:{task}").sample(range(len(items)), n)
    return [items[i] for i in sorted(chosen)]


def retrieval_items(task: str, corpora: Path) -> list[ds.EvalItem]:
    if task == "pubmedqa-pqal":
        return list(ds.pubmedqa_pqal(corpora / ds.PUBMEDQA))
    if task == "liveqa-medquad":
        return list(nlm.liveqa_medquad(corpora / nlm.LIVEQA, corpora / nlm.MEDQUAD))
    if task == "bioasq":
        return list(ds.bioasq(corpora / ds.BIOASQ))
    raise InputError(f"unknown retrieval task {task!r}; choose from {', '.join(RETRIEVAL_TASKS)}")


def answer_items(task: str, corpora: Path) -> list[ds.EvalItem]:
    loaders: dict[str, Callable[[], Iterable[ds.EvalItem]]] = {
        "pubmedrs-200": lambda: ds.pubmedrs200(corpora / ds.PUBMEDRS),
        "pubmedqa-pqal": lambda: ds.pubmedqa_pqal(corpora / ds.PUBMEDQA),
        "bioasq-summary": lambda: ds.bioasq(corpora / ds.BIOASQ, types={"summary"}),
        "liveqa": lambda: (q.to_item() for q in nlm.liveqa(corpora / nlm.LIVEQA)),
        "medicationqa": lambda: ds.medicationqa(corpora / ds.MEDICATIONQA),
        "mediqa2021-mas": lambda: _mediqa2021(corpora / ds.MEDIQA2021),
        "expertqa-medicine": lambda: ds.expertqa(corpora / ds.EXPERTQA),
        "out-of-scope": _out_of_scope,
    }
    if task not in loaders:
        raise InputError(f"unknown answer task {task!r}; choose from {', '.join(ANSWER_TASKS)}")
    return list(loaders[task]())


def _mediqa2021(folder: Path) -> Iterable[ds.EvalItem]:
    yield from ds.mediqa2021_mas(folder, "test")
    yield from ds.mediqa2021_mas(folder, "validation")


def _out_of_scope() -> Iterable[ds.EvalItem]:
    for q in ds.out_of_scope_set():
        yield ds.EvalItem(dataset="out-of-scope", qid=q.id, question=q.question)


# --- the run ---------------------------------------------------------------------------------


@dataclass
class _Run:
    """What every task of one run shares."""

    config: SuiteConfig
    corpora: Path
    engine: Engine
    baseline: RetrieveFn
    report: Report
    index_search: RetrieveFn | None = None

    def present(self, doc_id: str) -> bool:
        return self.engine.get(doc_id) is not None

    def add(self, result: tuple[Row, list[dict[str, Any]]]) -> list[dict[str, Any]]:
        row, details = result
        self.report.rows.append(row)
        self.report.details.extend(details)
        return details

    def split_items(
        self, items: Sequence[ds.EvalItem], task: str, n: int | None
    ) -> Iterable[tuple[str, list[ds.EvalItem]]]:
        """``(split, sample)`` per split of the run: ``n`` items drawn within each split."""
        for split in self.config.splits:
            part = list(in_split(items, split))
            yield split, sample(part, n, self.config.seed, f"{task}:{split}")


@dataclass(frozen=True, slots=True)
class _Medcite:
    """The medcite callables of a run."""

    retrieve: RetrieveFn | None
    tier_hint: Callable[[str], RetrieveFn] | None
    answer: AnswerFn | None
    retrieved: tasks.RetrievedFn | None


def run_suite(
    suite: str,
    index_path: Path | str,
    out_dir: Path | str | None,
    answer_fn: AnswerFn | None = None,
    retrieve_fn: RetrieveFn | None = None,
    *,
    retrieve_for_task: Callable[[str], RetrieveFn] | None = None,
    retrieved_fn: tasks.RetrievedFn | None = None,
    rerank_fn: RerankFn | None = None,
    red_flag_fn: Callable[[str], bool] | None = None,
    corpora: Path | str | None = None,
    config: SuiteConfig | None = None,
) -> Report:
    """Evaluate medcite and the baselines on ``suite``; write the report to ``out_dir`` if given.

    ``retrieve_fn`` is the headline medcite retrieval (one ranked list, no task hints);
    ``retrieve_for_task(task)`` (see :func:`medcite_tiered_retrieval`) adds a separately labelled
    "medcite (tier hint)" row per retrieval task. With only ``retrieve_for_task`` the headline is
    :func:`medcite_retrieval` on the run's engine; with neither there is no medcite retrieval row.
    ``retrieved_fn(answer)`` gives the ids medcite retrieved for an answer,
    so citation integrity checks that every cited document was retrieved (see
    :func:`medcite_retrieved`); without it a cited document only has to be in the index.
    ``config`` overrides the suite's sample sizes.
    """
    conf = config or _suite(suite)
    started = time.perf_counter()
    corpora_path = Path(corpora) if corpora else ds.default_corpora()
    index = ensure_index(index_path, corpora_path)
    engine = Engine(index_path)
    report = Report(
        suite=conf.name,
        created=datetime.now(UTC).isoformat(timespec="seconds"),
        seconds=0.0,
        index=index,
        config=asdict(conf),
    )
    bm25 = IndependentBM25.for_index(index_path)
    run = _Run(conf, corpora_path, engine, bm25.retrieve, report, plain_bm25(index_path))
    headline = retrieve_fn
    if headline is None and retrieve_for_task is not None:
        headline = medcite_retrieval(engine)
        report.notes.append(
            "no retrieve_fn given: the headline medcite retrieval rows are "
            "runner.medcite_retrieval(engine) (all tiers merged)"
        )
    medcite = _Medcite(headline, retrieve_for_task, answer_fn, retrieved_fn)
    _run_retrieval(run, medcite)
    _run_answers(run, answer_fn, retrieved_fn)
    _run_rerank(run, rerank_fn)
    _run_red_flags(run, answer_fn, red_flag_fn)
    _add_notes(run, medcite)
    report.seconds = round(time.perf_counter() - started, 1)
    if out_dir is not None:
        write_report(report, out_dir)
    return report


def _suite(name: str) -> SuiteConfig:
    if name not in SUITES:
        raise InputError(f"unknown suite {name!r}; choose from {', '.join(SUITES)}")
    return SUITES[name]


def _run_retrieval(run: _Run, medcite: _Medcite) -> None:
    for task, n in run.config.retrieval.items():
        items = tasks.restrict_relevance(retrieval_items(task, run.corpora), run.present)
        for split, part in run.split_items(items, task, n):
            log.info("retrieval %s (%s): %d questions", task, split, len(part))
            scores = {
                system: run.add(tasks.evaluate_retrieval(task, system, fn, part, split))
                for system, fn in _retrievers(run, medcite, task)
            }
            for system in (MEDCITE, MEDCITE_TIER_HINT):
                if system in scores:
                    run.report.comparisons.append(
                        compare(task, split, (system, scores[system]), (BM25, scores[BM25]))
                    )


def _retrievers(run: _Run, medcite: _Medcite, task: str) -> list[tuple[str, RetrieveFn]]:
    systems = [(BM25, run.baseline)]
    if run.index_search is not None:
        systems.append((INDEX_SEARCH, run.index_search))
    if medcite.retrieve is not None:
        systems.append((MEDCITE, medcite.retrieve))
    if medcite.tier_hint is not None:
        systems.append((MEDCITE_TIER_HINT, medcite.tier_hint(task)))
    return systems


def compare(
    task: str,
    split: str,
    a: tuple[str, Sequence[Mapping[str, Any]]],
    b: tuple[str, Sequence[Mapping[str, Any]]],
    metric: str = "ndcg10",
) -> Comparison:
    """``a`` minus ``b`` on ``metric``, paired by question id over the detail records."""
    a_scores = {d["qid"]: float(d[metric]) for d in a[1]}
    b_scores = {d["qid"]: float(d[metric]) for d in b[1]}
    qids = [q for q in a_scores if q in b_scores]
    a_list, b_list = [a_scores[q] for q in qids], [b_scores[q] for q in qids]
    diff = paired_bootstrap(a_list, b_list)
    return Comparison(
        task=task,
        split=split,
        a=a[0],
        b=b[0],
        metric=metric,
        n=len(qids),
        mean_a=_mean(a_list),
        mean_b=_mean(b_list),
        diff=diff.mean_diff,
        lo95=diff.lo95,
        hi95=diff.hi95,
        p_value=diff.p_value,
    )


def _mean(values: Sequence[float]) -> float:
    return sum(values) / len(values) if values else 0.0


def _run_answers(
    run: _Run, answer_fn: AnswerFn | None, retrieved_fn: tasks.RetrievedFn | None
) -> None:
    lead = LeadSentences(run.baseline)
    systems: list[tuple[str, AnswerFn, tasks.RetrievedFn | None]] = [
        (LEAD, lead, _retrieved_by(run.baseline, lead.k))
    ]
    if answer_fn is not None:
        systems.append((MEDCITE, answer_fn, retrieved_fn))
    answerable = _answerable_labels(run)
    judge = _topic_judge(run) if TOPIC_TASKS & set(run.config.answers) else None
    for task, n in run.config.answers.items():
        about = judge.about if judge is not None and task in TOPIC_TASKS else None
        for split, items in run.split_items(answer_items(task, run.corpora), task, n):
            cases = [tasks.AnswerCase(i, answerable(task, i)) for i in items]
            log.info("answers %s (%s): %d questions", task, split, len(cases))
            for system, answer, retrieved in systems:
                run.add(
                    tasks.evaluate_answers(
                        task,
                        system,
                        answer,
                        cases,
                        run.engine.get,
                        retrieved_fn=retrieved,
                        about=about,
                        split=split,
                    )
                )
    if "pubmedrs-200" in run.config.answers:
        run.report.rows.append(_clinfo_row())


def _topic_judge(run: _Run) -> TopicJudge | None:
    """The on-topic judge over the corpora's MeSH files (None, with a note, without them)."""
    terms, trees = run.corpora / MESH_TERMS, run.corpora / MESH_TREES
    if not terms.exists():
        run.report.notes.append(f"no MeSH terms at {terms}: on-topic citations not judged")
        return None
    return TopicJudge.from_files(terms, trees if trees.exists() else None)


def _retrieved_by(retrieve: RetrieveFn, k: int) -> tasks.RetrievedFn:
    """What a deterministic retriever returns for the answer's question (the baseline's hits)."""

    def retrieved(answer: Answer) -> set[str]:
        return {hit.document.id for hit in retrieve(answer.question, k)}

    return retrieved


def medcite_retrieved(engine: Engine) -> tasks.RetrievedFn:
    """The documents ``Engine.ask`` retrieved for an answer: ``Engine.retrieve(answer.query)``."""

    def retrieved(answer: Answer) -> set[str]:
        hits, _searched, _note = engine.retrieve(answer.query)
        return {hit.document.id for hit in hits}

    return retrieved


def _answerable_labels(run: _Run) -> Callable[[str, ds.EvalItem], bool | None]:
    """Should a question be answered? True when a relevant document is in the index, False for
    out-of-scope questions, None (unknown) otherwise."""
    live = nlm.liveqa_medquad(run.corpora / nlm.LIVEQA, run.corpora / nlm.MEDQUAD)
    live_ok = {item.qid for item in tasks.restrict_relevance(list(live), run.present)}

    def label(task: str, item: ds.EvalItem) -> bool | None:
        if task == "out-of-scope":
            return False
        if task == "pubmedqa-pqal":
            return all(run.present(doc) for doc in item.relevant)
        if task == "liveqa":
            return True if item.qid in live_ok else None
        return None

    return label


def _clinfo_row() -> Row:
    return Row(
        "answers",
        "pubmedrs-200",
        "Clinfo.ai",
        200,
        {"rouge_l": 0.178, "bertscore": 0.789},
        outside=True,
        note=CLINFO_NOTE,
    )


def _run_rerank(run: _Run, rerank_fn: RerankFn | None) -> None:
    if not run.config.rerank_splits:
        return
    folder = run.corpora / nlm.MEDIQA2019
    items = list(nlm.mediqa2019(folder, run.config.rerank_splits))
    items = sample(items, run.config.rerank_sample, run.config.seed, "mediqa2019")
    chiqa = {
        _key(i.question, [c.text for c in i.candidates]): tasks.system_rank_order(i) for i in items
    }
    task = "mediqa2019"
    run.add(tasks.evaluate_rerank(task, "CHiQA ranks (shipped with the set)", _fixed(chiqa), items))
    run.add(tasks.evaluate_rerank(task, "BM25 re-rank", bm25_rerank, items))
    if rerank_fn is not None:
        run.add(tasks.evaluate_rerank(task, MEDCITE, rerank_fn, items))


def _key(question: str, texts: Sequence[str]) -> tuple[str, ...]:
    return (question, *texts)


def _fixed(orders: Mapping[tuple[str, ...], list[int]]) -> RerankFn:
    """A re-ranker that replays known orders (e.g. the system ranks shipped with a set)."""

    def rerank(question: str, texts: Sequence[str]) -> Sequence[int]:
        return orders[_key(question, texts)]

    return rerank


def _run_red_flags(
    run: _Run, answer_fn: AnswerFn | None, red_flag_fn: Callable[[str], bool] | None
) -> None:
    if not run.config.red_flags:
        return
    questions = list(ds.red_flag_set())
    run.add(tasks.evaluate_red_flags(LEAD, lambda _q: False, questions))
    detect = red_flag_fn or (tasks.answer_flags(answer_fn) if answer_fn else None)
    if detect is not None:
        run.add(tasks.evaluate_red_flags(MEDCITE, detect, questions))


def _add_notes(run: _Run, medcite: _Medcite) -> None:
    notes = run.report.notes
    if medcite.retrieve is None:
        notes.append(
            "no retrieve_fn given: no medcite retrieval row (pass runner.medcite_retrieval for "
            "medcite's own ranking)"
        )
    if medcite.answer is None:
        notes.append("no answer_fn given: answer rows show the lead-sentences baseline only")
    notes.append(
        "relevance judgments are restricted to documents present in the index; questions "
        "left without a relevant document are not scored for retrieval"
    )
    notes.append(
        "lead sentences never flag emergencies (no red-flag detection): its recall is 0 by design"
    )
    notes.append(
        f"{BM25}: bm25s over title + abstract, English stopwords and Snowball stemmer, raw "
        f"question, no boosts; {INDEX_SEARCH}: medcite's boosted tantivy search, raw question; "
        f"{MEDCITE_TIER_HINT}: medcite told which evidence tier holds the task's gold documents"
    )
    notes.append(
        "every retrieval and answer row is one split (dev or test, medcite.eval.splits): tune "
        "on dev only; test is reported, never tuned on"
    )
    notes.extend(run.config.notes)
