"""One settings tree for medcite.

Values come from (highest first) explicit arguments, ``MEDCITE_*`` environment variables and the
defaults below. Paths default to the platform's user data directory (platformdirs). Secrets are only
ever read from the environment and are never logged.
"""

from __future__ import annotations

from pathlib import Path

from platformdirs import user_data_path
from pydantic import BaseModel, ConfigDict, Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from medcite.llm.settings import LLMSettings
from medcite.sources.settings import LiveSettings


def default_index_path() -> Path:
    """Where the index lives unless ``--index`` or ``MEDCITE_INDEX`` say otherwise."""
    return user_data_path("medcite", appauthor=False) / "index"


class IndexSettings(BaseModel):
    """How the tantivy index is written."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    writer_heap_mb: int = Field(default=128, ge=16, le=4096)
    """Memory budget of the index writer; segments are flushed to disk when it is reached."""
    writer_threads: int = Field(default=2, ge=1, le=64)
    commit_every: int = Field(default=100_000, ge=1)
    """Commit after this many changes: bounds the work redone after an interrupted ingest."""


class SearchSettings(BaseModel):
    """How local search ranks and presents hits."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    snippet_chars: int = Field(default=240, ge=40, le=2000)
    max_k: int = Field(default=1000, ge=1)
    max_query_chars: int = Field(default=4000, ge=10)


class FusionSettings(BaseModel):
    """Reciprocal-rank-fusion weights of the retriever's ranked lists (index.retriever)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    expanded: float = Field(default=1.0, ge=0)
    """The expanded search text (focus + concept names)."""
    worded: float = Field(default=0.95, ge=0)
    """The question's own words (guideline pages only; MedQuAD titles are questions)."""
    concept: float = Field(default=1.0, ge=0)
    """The topic concepts searched in guideline pages' topic field."""
    research_expanded: float = Field(default=0.5, ge=0)
    """The expanded search text among research (the question's own words there weigh
    ``worded``), fused by score (``index.retriever``). At 0.5 rather than 1.0 the abstract a
    PubMedQA question was written from comes first more often (500 dev questions, research
    alone: nDCG@10 0.853 → 0.902) at no cost to on-topic answers (LiveQA dev 0.71 → 0.70,
    MedicationQA dev 0.79 → 0.79, one fewer answered); the concept names still keep research on
    topic. (Under the former rank fusion, 0.3 cost MedicationQA 19 answered questions.)"""
    dense: float = Field(default=1.0, ge=0)
    """Dense (embedding) search, when the semantic model and store are available."""
    evidence_pages: float = Field(default=0.5, ge=0)
    """In the single merged list (``TieredRetriever.merged``), guideline pages' comparable
    scores are multiplied by this for an evidence question ("Does X reduce Y?", "X: is it
    safe?"): what answers it is a study's finding, while a patient page describes X or Y. On
    500 PubMedQA dev questions (BM25 only, evaluation index) the merged list's nDCG@10 went
    0.821 → 0.858 at 0.5 (0.0 gives the same, 0.7 gives 0.856). The answer presents the
    tiers apart and is not affected."""


class AnswerSettings(BaseModel):
    """How answers are retrieved and composed."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    research_k: int = Field(default=40, ge=1, le=500)
    """Hits taken from research sources (PubMed, Europe PMC, JSONL) for one question."""
    guideline_k: int = Field(default=20, ge=0, le=200)
    """Hits taken from guideline-level sources (NIH/NLM pages) for one question."""
    max_refs: int = Field(default=12, ge=1, le=100)
    old_evidence_years: int = Field(default=25, ge=1, le=200)
    """Sources older than this are labelled with their year in the references."""
    fusion: FusionSettings = FusionSettings()
    semantic_sentences: int = Field(default=16, ge=0, le=500)
    """Candidate sentences per tier re-scored by their embedding similarity to the question
    (0: cue words and evidence only). Used when the semantic model is installed."""


class SemanticSettings(BaseModel):
    """Dense retrieval: the sentence-embedding model and the vector store beside the index."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    enabled: bool = True
    """Embed documents on ingest and search the vectors (when the ``semantic`` extra is
    installed; without it medcite runs BM25-only)."""
    batch_size: int = Field(default=32, ge=1, le=4096)
    """Texts per forward pass (texts of similar length are batched together)."""
    max_seq_length: int = Field(default=64, ge=8, le=512)
    """Tokens per embedded text (titles: 64 covers nearly all; longer costs time)."""
    embed_on_ingest: bool = True
    """Update the store at the end of every ingest (off: only ``medcite embed`` does)."""
    checkpoint_rows: int = Field(default=16_384, ge=1)
    """The store is saved after this many newly embedded documents (bounds work lost on kill)."""
    embed_sources: tuple[str, ...] = ("medquad", "medlineplus", "openfda")
    """Sources whose documents are embedded. Default: the guideline-level pages, where the page
    *about* a consumer's concept must be found among neighbours sharing its words (16,400
    pages ≈ 1–1.5 min on 2 cores). Research retrieval is plain BM25 plus the topic gate; adding
    "pubmed", "pubmedqa", "europepmc", "jsonl" embeds research titles too (≈ 33k more titles
    for the sample corpora, ≈ 4–5 more minutes), e.g. ``MEDCITE_SEMANTIC__EMBED_SOURCES=
    '["medquad","pubmed","pubmedqa"]'``."""


class AuditRetention(BaseModel):
    """How long the audit log keeps answers (applied when the server starts and by
    ``medcite audit prune``); ``null`` turns a limit off."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    max_age_days: int | None = Field(default=90, ge=1)
    """Answers older than this many days are removed."""
    max_entries: int | None = Field(default=10_000, ge=1)
    """Only the newest this many answers are kept (≈ 15 KB each: 10,000 ≈ 150 MB)."""


class Settings(BaseSettings):
    """All of medcite's settings. ``MEDCITE_INDEX=/path`` overrides the index directory."""

    model_config = SettingsConfigDict(
        env_prefix="MEDCITE_", env_nested_delimiter="__", extra="forbid", frozen=True
    )

    index: Path = Field(default_factory=default_index_path)
    index_settings: IndexSettings = IndexSettings()
    search: SearchSettings = SearchSettings()
    answer: AnswerSettings = AnswerSettings()
    semantic: SemanticSettings = SemanticSettings()
    """Dense retrieval (env e.g. ``MEDCITE_SEMANTIC__ENABLED=false``)."""
    live: LiveSettings = LiveSettings()
    """PubMed / Europe PMC (env e.g. ``MEDCITE_LIVE__PUBMED__EMAIL=me@example.org``)."""
    audit: bool = True
    """Record every answer (question, settings, searches, document versions, answer JSON)."""
    audit_log: Path | None = None
    """The audit log; default ``audit.sqlite3`` inside the index directory."""
    audit_retention: AuditRetention = AuditRetention()
    """Audit log retention (env e.g. ``MEDCITE_AUDIT_RETENTION__MAX_AGE_DAYS=30``)."""
    llm: LLMSettings = Field(default_factory=LLMSettings)
    """The optional language model (env ``MEDCITE_LLM_BASE_URL``, ``MEDCITE_LLM_MODEL``,
    ``MEDCITE_LLM_API_KEY``, or nested e.g. ``MEDCITE_LLM__TIMEOUT_SECONDS=120``)."""
