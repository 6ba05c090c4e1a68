"""Sharded search (issue 16): top-10 agreement of a 4-shard index with the single index, and
search latency single vs 4 shards (local threads, Ray actors).

    python benchmarks/shards.py                          # builds both indexes under /tmp
    python benchmarks/shards.py --single DIR --sharded DIR --no-ray

Index: pubmed21n1298 + pubmed20n0014 + MedQuAD + PubMedQA PQA-L (≈ 68k documents), ingested
once into a single-directory index and once into a 4-shard one. Questions: LiveQA and
MedicationQA (the sets benchmarks/on_topic.py loads) and PubMedQA PQA-L (medcite.eval.datasets).

Agreement, per question set, for two searches the commands make: ``search`` (medcite search:
boosted fields) and ``research`` (the answer pipeline's research search: plain BM25 over title +
abstract, research sources only). overlap@10 = shared documents of the two top-10s / the single
index's top-10 size; same order = share of questions whose top-10 lists are identical;
score diff = relative difference of a document's score in both (the part of BM25 the shards
cannot share: each shard's average field length).

Answers: for a sample of the questions (``--answers N``), the answer pipeline end to end
(MeSH vocabulary loaded, BM25 only, audit off): the retrieval's documents (guideline pages and
research, as ``Engine.retrieve`` gives them) and the answer's references, single vs 4 shards.

Latency: ``search`` with snippets (what ``medcite search`` does), k = 10, the single index and the
sharded one timed alternately question by question (the machine's other load hits both alike).

Targets (issue 16): agreement ≥ 99%; p50 over 4 shards ≤ 2× the single index's p50.
Prints tables, writes benchmarks/results/shards.json.
"""

from __future__ import annotations

import argparse
import logging
import statistics
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from common import CORPORA, MEDQUAD_TAR, PUBMED_1977, PUBMED_2021, print_table, summary_ms
from common import write_json as write_result
from medcite import Engine
from medcite.config import SemanticSettings, Settings
from medcite.eval import datasets as ds
from medcite.eval import nlm_sets as nlm
from medcite.eval.runner import MESH_TERMS, MESH_TREES
from medcite.index.protocol import SearchIndex
from medcite.index.retriever import RESEARCH, RESEARCH_FIELDS
from medcite.index.sharded import open_index
from medcite.index.shards import create_layout
from medcite.records import Hit

FILES = (PUBMED_2021, PUBMED_1977, MEDQUAD_TAR, CORPORA / ds.PUBMEDQA / "ori_pqal.json.gz")
K = 10

Search = Callable[[SearchIndex, str], list[Hit]]
SEARCHES: dict[str, Search] = {
    "search": lambda index, q: index.search(q, K, details=False),
    "research": lambda index, q: index.search(
        q, K, sources=RESEARCH, details=False, fields=RESEARCH_FIELDS, plain=True
    ),
}


def question_sets() -> dict[str, list[str]]:
    """LiveQA + MedicationQA (as benchmarks/on_topic.py) and PubMedQA PQA-L."""
    return {
        "liveqa": [q.to_item().question for q in nlm.liveqa(CORPORA / nlm.LIVEQA)],
        "medicationqa": [i.question for i in ds.medicationqa(CORPORA / ds.MEDICATIONQA)],
        "pubmedqa": [i.question for i in ds.pubmedqa_pqal(CORPORA / ds.PUBMEDQA)],
    }


BM25_ONLY = Settings(semantic=SemanticSettings(enabled=False), audit=False)


def build(folder: Path, shards: int) -> Path:
    """Ingest the sample corpora into ``folder`` (sharded when ``shards`` > 1)."""
    if shards > 1:
        create_layout(folder, shards)
    started = time.perf_counter()
    report = Engine(folder, BM25_ONLY).ingest(FILES)
    print(f"built {folder}: {report.added:,} documents in {time.perf_counter() - started:.0f} s")
    return folder


@dataclass
class Agreement:
    """Top-10 comparisons of one search over one question set."""

    overlaps: list[float]
    same_order: int = 0
    score_diffs: list[float] | None = None

    def row(self, name: str, search: str) -> dict[str, Any]:
        diffs = sorted(self.score_diffs or [0.0])
        return {
            "set": name,
            "search": search,
            "questions": len(self.overlaps),
            "overlap@10 %": round(100 * statistics.fmean(self.overlaps), 2),
            "same order %": round(100 * self.same_order / len(self.overlaps), 2),
            "score diff p50 %": round(100 * diffs[len(diffs) // 2], 3),
            "score diff p99 %": round(100 * diffs[int(len(diffs) * 0.99)], 3),
            "score diff max %": round(100 * diffs[-1], 3),
        }


def compare(single: list[Hit], sharded: list[Hit], into: Agreement) -> None:
    a = [h.document.id for h in single]
    b = [h.document.id for h in sharded]
    into.overlaps.append(len(set(a) & set(b)) / len(a) if a else float(not b))
    into.same_order += a == b
    scores = {h.document.id: h.score for h in single}
    diffs = into.score_diffs if into.score_diffs is not None else []
    diffs += [
        abs(h.score - scores[h.document.id]) / scores[h.document.id]
        for h in sharded
        if scores.get(h.document.id)
    ]
    into.score_diffs = diffs


def agreement(
    single: SearchIndex, sharded: SearchIndex, sets: dict[str, list[str]]
) -> list[dict[str, Any]]:
    rows = []
    for search_name, search in SEARCHES.items():
        total = Agreement([])
        for set_name, questions in sets.items():
            found = Agreement([])
            for question in questions:
                compare(search(single, question), search(sharded, question), found)
            rows.append(found.row(set_name, search_name))
            total.overlaps += found.overlaps
            total.same_order += found.same_order
            total.score_diffs = (total.score_diffs or []) + (found.score_diffs or [])
        rows.append(total.row("all", search_name))
    return rows


def answer_engine(path: Path) -> Engine:
    """An engine over ``path`` with the MeSH vocabulary loaded (loaded now if it is not)."""
    engine = Engine(path, BM25_ONLY)
    if not engine.vocabulary().loaded:
        engine.load_vocabulary(CORPORA / MESH_TERMS, CORPORA / MESH_TREES)
    return engine


def answers(single: Engine, sharded: Engine, questions: Sequence[str]) -> list[dict[str, Any]]:
    """Retrieved documents and answer references of the two engines, compared."""
    retrieved, cited = Agreement([]), Agreement([])
    for question in questions:
        query = single.understand(question)
        a, b = single.retrieve(query)[0], sharded.retrieve(query)[0]
        compare(a, b, retrieved)
        refs = [r.document_id for r in single.ask(question).references]
        other = [r.document_id for r in sharded.ask(question).references]
        cited.overlaps.append(len(set(refs) & set(other)) / len(refs) if refs else float(not other))
        cited.same_order += refs == other
    return [
        {
            "compared": name,
            "questions": len(found.overlaps),
            "overlap %": round(100 * statistics.fmean(found.overlaps), 2),
            "same order %": round(100 * found.same_order / len(found.overlaps), 2),
        }
        for name, found in (("retrieved (whole list)", retrieved), ("answer references", cited))
    ]


def latency(
    indexes: dict[str, SearchIndex], questions: Sequence[str], repeat: int
) -> dict[str, list[float]]:
    """Seconds per ``search`` (with snippets), the indexes timed alternately per question."""
    for index in indexes.values():
        for question in questions[:20]:  # warm: page cache, searchers, threads, actors
            index.search(question, K)
    timings: dict[str, list[float]] = {name: [] for name in indexes}
    for _ in range(repeat):
        for question in questions:
            for name, index in indexes.items():
                started = time.perf_counter()
                index.search(question, K)
                timings[name].append(time.perf_counter() - started)
    return timings


def latency_rows(timings: dict[str, list[float]]) -> list[dict[str, Any]]:
    base = statistics.median(timings["single"])
    rows = []
    for name, seconds in timings.items():
        summary = summary_ms(seconds)
        rows.append(
            {
                "index": name,
                "searches": summary["n"],
                "p50 ms": summary["p50_ms"],
                "p95 ms": summary["p95_ms"],
                "p50 / single": round(statistics.median(seconds) / base, 2),
            }
        )
    return rows


def ray_index(path: Path) -> SearchIndex:
    import ray

    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    return open_index(path, ray_address="local")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--single", type=Path, help="a single-directory index (else built)")
    parser.add_argument("--sharded", type=Path, help="a sharded index (else built)")
    parser.add_argument("--shards", type=int, default=4)
    parser.add_argument("--latency-questions", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--answers", type=int, default=100, help="questions answered (0: none)")
    parser.add_argument("--no-ray", action="store_true", help="skip the Ray actors row")
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)
    work = Path(tempfile.mkdtemp(prefix="medcite-shards-", dir="/tmp"))
    single_path = args.single or build(work / "single", 1)
    sharded_path = args.sharded or build(work / f"shards-{args.shards}", args.shards)
    single, sharded = open_index(single_path), open_index(sharded_path)
    sets = question_sets()
    rows = agreement(single, sharded, sets)
    print_table(f"top-{K} agreement, {args.shards} shards vs single index", rows)
    pool = [q for questions in sets.values() for q in questions]
    answered: list[dict[str, Any]] = []
    if args.answers:
        sample = pool[:: max(1, len(pool) // args.answers)][: args.answers]
        engines = answer_engine(single_path), answer_engine(sharded_path)
        answered = answers(*engines, sample)
        print_table(f"answers, {args.shards} shards vs single index", answered)
    step = max(1, len(pool) // args.latency_questions)
    questions = pool[::step][: args.latency_questions]
    indexes = {"single": single, f"{args.shards} shards, threads": sharded}
    if not args.no_ray:
        indexes[f"{args.shards} shards, Ray actors"] = ray_index(sharded_path)
    timings = latency(indexes, questions, args.repeat)
    lat = latency_rows(timings)
    print_table(f"search latency (k = {K}, with snippets)", lat)
    write_result(
        "shards",
        {
            "documents": single.num_docs(),
            "shards": args.shards,
            "question_sets": {name: len(q) for name, q in sets.items()},
            "agreement": rows,
            "answers": answered,
            "latency": lat,
            "targets": {"agreement_pct": 99, "p50_vs_single": 2.0},
        },
    )


if __name__ == "__main__":
    main()
