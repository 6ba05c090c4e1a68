"""Dense retrieval: embedding throughput per source, model load, query embedding and search latency.

    python benchmarks/embed.py                    # data/index (builds or updates data/index/dense)
    python benchmarks/embed.py --index DIR --rebuild   # embed every document again

Embedding is timed per source (docs/s, seconds) while the dense store is built or updated; query
embedding and dense search (k=40, all sources and MedQuAD only) are timed on real questions.
Prints a table and writes benchmarks/results/embed.json.
"""

from __future__ import annotations

import argparse
import random
import resource
import shutil
import time
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import psutil

from common import ROOT, print_table, real_questions, summary_ms, write_json
from medcite.config import SemanticSettings
from medcite.index.tantivy_index import TantivyIndex
from medcite.records import Source
from medcite.semantic.model import EmbedCallback, Embedder, Vectors, load_embedder
from medcite.semantic.store import DENSE_DIR, DenseStore
from medcite.semantic.text import embedding_text

QUESTIONS = 300
K = 40


class TimedEmbedder:
    """Embeds each call's texts source by source, timing every source (texts → source known)."""

    def __init__(self, inner: Embedder, source_of: dict[str, str]) -> None:
        self.inner = inner
        self.name = inner.name
        self.dimension = inner.dimension
        self.source_of = source_of
        self.seconds: dict[str, float] = defaultdict(float)
        self.texts: dict[str, int] = defaultdict(int)

    def embed(
        self, texts: Sequence[str], batch_size: int = 0, progress: EmbedCallback | None = None
    ) -> Vectors:
        out = np.empty((len(texts), self.dimension), dtype=np.float32)
        groups: dict[str, list[int]] = defaultdict(list)
        for i, text in enumerate(texts):
            groups[self.source_of.get(text, "?")].append(i)
        for source, rows in groups.items():
            started = time.perf_counter()
            out[rows] = self.inner.embed([texts[i] for i in rows], batch_size)
            self.seconds[source] += time.perf_counter() - started
            self.texts[source] += len(rows)
        if progress is not None:
            progress(len(texts))
        return out


def texts_by_source(index: TantivyIndex) -> tuple[dict[str, str], dict[str, int]]:
    source_of: dict[str, str] = {}
    documents: dict[str, int] = defaultdict(int)
    for source in Source:
        for doc in index.documents(source.value):
            documents[source.value] += 1
            text = embedding_text(doc)
            if text is not None:
                source_of.setdefault(text, source.value)
    return source_of, documents


def embedding_rows(timed: TimedEmbedder, documents: dict[str, int]) -> list[dict[str, Any]]:
    rows = []
    for source, n in sorted(timed.texts.items()):
        seconds = timed.seconds[source]
        rows.append(
            {
                "source": source,
                "documents": documents.get(source, 0),
                "embedded": n,
                "seconds": round(seconds, 1),
                "docs_per_s": round(n / seconds, 1) if seconds else 0.0,
            }
        )
    total_n, total_s = sum(timed.texts.values()), sum(timed.seconds.values())
    if total_n:
        rows.append(
            {
                "source": "all",
                "documents": sum(documents.values()),
                "embedded": total_n,
                "seconds": round(total_s, 1),
                "docs_per_s": round(total_n / total_s, 1),
            }
        )
    return rows


def latency_rows(embedder: Embedder, store: DenseStore) -> list[dict[str, Any]]:
    questions = random.Random(7).sample(real_questions(), QUESTIONS)
    embedder.embed([questions[0]])  # warm up
    vectors, timings = [], []
    for question in questions:
        started = time.perf_counter()
        vectors.append(embedder.embed([question])[0])
        timings.append(time.perf_counter() - started)
    started = time.perf_counter()
    store.search(vectors[0], K)
    first = time.perf_counter() - started
    rows = [
        {"what": "embed one question", **summary_ms(timings)},
        {"what": "first search (float16 → float32 once)", **summary_ms([first])},
    ]
    for label, sources in (("all sources", ()), ("medquad only", ("medquad",))):
        searched = []
        for vector in vectors:
            started = time.perf_counter()
            store.search(vector, K, sources)
            searched.append(time.perf_counter() - started)
        rows.append({"what": f"dense search k={K}, {label}", **summary_ms(searched)})
    return rows


def run(index_path: Path, rebuild: bool, settings: SemanticSettings) -> None:
    if rebuild:
        shutil.rmtree(index_path / DENSE_DIR, ignore_errors=True)
    index = TantivyIndex.open(index_path)
    source_of, documents = texts_by_source(index)
    started = time.perf_counter()
    embedder = load_embedder(settings)
    load_s = time.perf_counter() - started
    timed = TimedEmbedder(embedder, source_of)
    store = DenseStore.create_or_open(index_path, embedder.name)
    report = store.update(index, timed, checkpoint_rows=settings.checkpoint_rows)
    embed_rows = embedding_rows(timed, documents)
    print_table(
        f"Embedding ({embedder.name}, max_seq_length {settings.max_seq_length}, "
        f"batch {settings.batch_size}; update {report.seconds:.1f} s incl. reading the index)",
        embed_rows,
    )
    lat_rows = latency_rows(embedder, store)
    print_table(f"Query embedding and dense search ({len(store):,} rows)", lat_rows)
    memory = {
        "rss_mb": round(psutil.Process().memory_info().rss / 1e6, 1),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 / 1e6, 1),
    }
    info = store.info()
    print(
        f"\nmodel load {load_s:.1f} s (import + weights); store {info.rows:,} rows, "
        f"{info.size_bytes / 1e6:.1f} MB; RSS {memory['rss_mb']} MB, "
        f"peak {memory['peak_rss_mb']} MB"
    )
    write_json(
        "embed",
        {
            "index": str(index_path),
            "settings": settings.model_dump(),
            "model_load_s": round(load_s, 2),
            "update": {
                "embedded": report.embedded,
                "kept": report.kept,
                "dropped": report.dropped,
                "skipped_without_text": report.skipped,
                "seconds": round(report.seconds, 1),
            },
            "store": {"rows": info.rows, "size_mb": round(info.size_bytes / 1e6, 1)},
            "embedding": embed_rows,
            "latency": lat_rows,
            "memory": memory,
        },
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--index", type=Path, default=ROOT / "data" / "index")
    parser.add_argument("--rebuild", action="store_true", help="delete the dense store first")
    parser.add_argument("--max-seq-length", type=int, default=SemanticSettings().max_seq_length)
    parser.add_argument("--batch-size", type=int, default=SemanticSettings().batch_size)
    args = parser.parse_args()
    settings = SemanticSettings(max_seq_length=args.max_seq_length, batch_size=args.batch_size)
    run(args.index, args.rebuild, settings)


if __name__ == "__main__":
    main()
