"""Claim verification time per answer (issue 14 §3): target ≤ 100 ms on top of the model's time.

    python benchmarks/verify_claims.py                 # 30 answers, lexical and with the model
    python benchmarks/verify_claims.py --answers 100 --no-embedding

Each answer: 12 real PubMed abstracts of 200–320 words (pubmed21n1298; never the same twice, and
the text caches are cleared, so every answer starts cold as a new answer would) and 15 claims a
model might write about them: verbatim sentences, shortened paraphrases (80% of the words kept),
loose ones (every third word replaced: the embedding model's grey zone), a changed number, an
inserted negation, a claim citing the wrong passage, one citing a passage it was not given, and
one unrelated sentence. Timed: :func:`medcite.answer.claims.verify_claims` lexical-only and with
the sentence-embedding model (loaded once by the project's loader, warmed up first; only
grey-zone claims are embedded), and, as the cost of embedding every claim, with the model asked
about every claim not fully covered (``lexical_threshold`` 1.0, ``embedding_floor`` 0); and the
model alone embedding all 15 claims with their 2 best windows, the cost grey-zone embedding
avoids. Prints a table and writes benchmarks/results/verify_claims.json.
"""

from __future__ import annotations

import argparse
import gzip
import random
import re
import time
from collections import Counter
from collections.abc import Iterator
from typing import Any

from common import PUBMED_2021, print_table, summary_ms, write_json
from medcite.answer import claim_checks
from medcite.answer.claims import DEFAULT_SETTINGS, ClaimJudge, verify_claims
from medcite.llm.settings import ClaimSettings
from medcite.records import ClaimVerdict, DraftClaim, Passage
from medcite.text import split_sentences, stems

PASSAGES = 12
CLAIMS = 15
MIN_WORDS, MAX_WORDS = 200, 320
PARAPHRASE = "notably markedly individuals findings overall clinically substantially".split()
"""Words a looser paraphrase brings in (every third word replaced: the grey zone)."""


def abstracts() -> Iterator[str]:
    """Abstracts of MIN_WORDS–MAX_WORDS words from the sample PubMed file, in file order."""
    from medcite.ingest.pubmed_xml import parse
    from medcite.records import Document

    with gzip.open(PUBMED_2021, "rb") as stream:
        for item in parse(stream, str(PUBMED_2021)):
            if isinstance(item, Document):
                text = " ".join(s.text for s in item.sections)
                if MIN_WORDS <= len(text.split()) <= MAX_WORDS:
                    yield text


def answers(count: int, seed: int) -> list[tuple[list[Passage], list[DraftClaim]]]:
    source = abstracts()
    rng = random.Random(seed)
    out = []
    for _ in range(count):
        texts = [next(source) for _ in range(PASSAGES)]
        passages = [
            Passage(number=i, document_id=f"b{i}", label="Study", guideline=False, title="", text=t)
            for i, t in enumerate(texts, start=1)
        ]
        out.append((passages, claims_for(passages, rng)))
    return out


def claims_for(passages: list[Passage], rng: random.Random) -> list[DraftClaim]:
    """CLAIMS claims of the kinds listed in the module docs."""
    kinds = ["verbatim"] * 3 + ["shortened"] * 3 + ["loose"] * 2 + ["number", "number"]
    kinds += ["negated", "negated"]
    kinds += ["wrong passage", "foreign", "unrelated"]
    claims = []
    for i, kind in enumerate(kinds[:CLAIMS]):
        passage = rng.choice(passages)
        sentence = rng.choice(split_sentences(passage.text))
        cites: tuple[int, ...] = (passage.number,)
        if kind == "wrong passage":
            cites = (passage.number % PASSAGES + 1,)
        elif kind == "foreign":
            cites = (PASSAGES + 3,)
        section = "bottom_line" if i == 0 else "research:Findings"
        claims.append(
            DraftClaim(text=_variant(kind, sentence, rng), citations=cites, section=section)
        )
    return claims


def _variant(kind: str, sentence: str, rng: random.Random) -> str:
    if kind == "shortened":
        words = sentence.split()
        keep = sorted(rng.sample(range(len(words)), max(3, int(len(words) * 0.8))))
        return " ".join(words[i] for i in keep)
    if kind == "loose":
        words = sentence.split()
        return " ".join(rng.choice(PARAPHRASE) if i % 3 == 1 else w for i, w in enumerate(words))
    if kind == "number":
        return re.sub(r"\d+", lambda m: str(int(m.group(0)) + 7), sentence, count=1)
    if kind == "negated":
        return re.sub(r"\b(is|was|are|were)\b", r"\1 not", sentence, count=1)
    if kind == "unrelated":
        return "Drinking green tea every morning cures seasonal allergies in adults."
    return sentence


def clear_caches() -> None:
    """Forget every text seen: each answer is timed as a new answer would run."""
    stems.cache_clear()
    claim_checks.clauses.cache_clear()
    claim_checks.quantities.cache_clear()


class CountingEmbedder:
    """Wraps the real embedder, counting the texts it embeds."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.name = inner.name
        self.dimension = inner.dimension
        self.texts = 0

    def embed(self, texts: Any, batch_size: int = 0, progress: Any = None) -> Any:
        self.texts += len(texts)
        return self.inner.embed(texts, batch_size, progress)


def run(
    mode: str,
    cases: list[tuple[list[Passage], list[DraftClaim]]],
    embedder: CountingEmbedder | None = None,
    judge: ClaimJudge | None = None,
    settings: ClaimSettings = DEFAULT_SETTINGS,
) -> dict[str, Any]:
    seconds = []
    verdicts: Counter[str] = Counter()
    for passages, drafts in cases:
        clear_caches()
        started = time.perf_counter()
        claims = verify_claims(drafts, passages, embedder=embedder, judge=judge, settings=settings)
        seconds.append(time.perf_counter() - started)
        verdicts.update(c.verdict.value for c in claims)
    embedded = embedder.texts / len(cases) if embedder is not None else 0.0
    if embedder is not None:
        embedder.texts = 0
    return {
        "mode": mode,
        **summary_ms(seconds),
        "texts_embedded_per_answer": round(embedded, 1),
        **{v.value: verdicts[v.value] for v in ClaimVerdict},
    }


def embed_everything(
    cases: list[tuple[list[Passage], list[DraftClaim]]], embedder: Any
) -> dict[str, Any]:
    """The model alone on every claim and its 2 best windows (what verification would cost if
    every claim were embedded)."""
    from medcite.answer.claim_checks import claim_stems
    from medcite.answer.claims import candidate_windows, passage_source

    seconds = []
    for passages, drafts in cases:
        sources = {p.number: passage_source(p, 2) for p in passages}
        texts = []
        for d in drafts:
            cited = [n for n in d.citations if n in sources]
            ranked = candidate_windows(claim_stems(d.text), cited, sources)
            texts += [d.text, *(w.text for w, _ in ranked[:2])]
        started = time.perf_counter()
        embedder.embed(texts)
        seconds.append(time.perf_counter() - started)
    return {"mode": "model alone: every claim + 2 windows", **summary_ms(seconds),
            "texts_embedded_per_answer": round(len(texts), 1)}  # fmt: skip


def load_embedder() -> CountingEmbedder | None:
    from medcite.config import SemanticSettings
    from medcite.semantic.model import load_embedder as load
    from medcite.semantic.model import unavailable_reason

    reason = unavailable_reason()
    if reason is not None:
        print(f"embedding model not available: {reason}")
        return None
    started = time.perf_counter()
    embedder = load(SemanticSettings())
    embedder.embed(["warm up the model"])
    print(f"embedding model loaded in {time.perf_counter() - started:.1f} s (not counted)")
    return CountingEmbedder(embedder)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--answers", type=int, default=30)
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--no-embedding", action="store_true")
    args = parser.parse_args()
    if not PUBMED_2021.exists():
        raise SystemExit(f"needs {PUBMED_2021} (set MEDCITE_CORPORA)")
    cases = answers(args.answers, args.seed)
    run("warm-up", cases[:2])  # imports, regex compilation
    rows = [run("lexical", cases)]
    rows.append(run("lexical + judge (constant 0.9, no model cost)", cases, judge=lambda c, w: 0.9))
    embedder = None if args.no_embedding else load_embedder()
    if embedder is not None:
        rows.append(run("lexical + embedding (grey zone)", cases, embedder))
        every = ClaimSettings(lexical_threshold=1.0, embedding_floor=0.0)
        rows.append(run("embedding every claim (worst case)", cases, embedder, settings=every))
        rows.append(embed_everything(cases, embedder.inner))
    title = (
        f"claim verification per answer: {PASSAGES} passages of {MIN_WORDS}-{MAX_WORDS} words, "
        f"{CLAIMS} claims, {args.answers} answers (target ≤ 100 ms)"
    )
    print_table(title, rows)
    write_json(
        "verify_claims",
        {"answers": args.answers, "passages": PASSAGES, "claims": CLAIMS, "rows": rows},
    )


if __name__ == "__main__":
    main()
