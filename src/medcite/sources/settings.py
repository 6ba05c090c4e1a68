"""Settings of the live sources, mounted into :class:`medcite.config.Settings` as ``live``.

Secrets are not settings: the NCBI API key is read from the ``NCBI_API_KEY`` environment variable
only (see :func:`medcite.sources.pubmed.ncbi_api_key`), the openFDA key from ``OPENFDA_API_KEY``
(:func:`medcite.sources.openfda.openfda_api_key`); neither is stored or logged.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from platformdirs import user_cache_path
from pydantic import BaseModel, ConfigDict, Field


def default_cache_path() -> Path:
    """Where HTTP responses are cached unless ``live.http.cache_path`` says otherwise."""
    return user_cache_path("medcite", appauthor=False) / "http-cache.sqlite3"


class HttpSettings(BaseModel):
    """The shared HTTP client: time-outs, retries, size cap and the response cache."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    connect_timeout_s: float = Field(default=5.0, gt=0, le=120)
    read_timeout_s: float = Field(default=20.0, gt=0, le=600)
    max_retries: int = Field(default=3, ge=0, le=10)
    """Retries after the first attempt, for time-outs, connection errors, 429 and 5xx."""
    backoff_base_s: float = Field(default=0.5, ge=0, le=60)
    """First retry waits about this long; each further retry doubles it (with jitter)."""
    backoff_max_s: float = Field(default=8.0, ge=0, le=300)
    max_retry_after_s: float = Field(default=30.0, ge=0, le=3600)
    """A ``Retry-After`` longer than this fails the request at once instead of waiting."""
    rate_margin_s: float = Field(default=0.1, ge=0, le=5)
    """Added to every rate-limit window (3 requests per 1.1 s instead of per 1 s), so that network
    jitter cannot make requests sent a window apart arrive at the server less than a second apart
    (measured on 127.0.0.1 under load: without it, NCBI's server would see 6 requests in 1 s).
    Per-minute windows (openFDA, MedlinePlus) are lengthened by the same share: 0.1 s per second
    of window, 60 s → 66 s."""
    max_response_mb: float = Field(default=10.0, gt=0, le=1024)
    """Larger responses are refused (and never cached)."""
    max_redirects: int = Field(default=3, ge=0, le=10)
    """Redirects are followed only within the same host; another host is always refused."""
    cache: bool = True
    cache_path: Path = Field(default_factory=default_cache_path)
    cache_ttl_days: float = Field(default=7.0, ge=0, le=3650)
    user_agent: str = "medcite/0.1 (evidence-based health answers)"


class PubMedSettings(BaseModel):
    """NCBI E-utilities (PubMed): identification, rate limit and how questions are searched."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    base_url: str = "https://eutils.ncbi.nlm.nih.gov/entrez/eutils/"
    tool: str = "medcite"
    """Sent as the ``tool`` parameter NCBI asks every E-utilities client to send."""
    email: str | None = None
    """Sent as ``email`` so NCBI can reach the operator before blocking a misbehaving client."""
    requests_per_s: float | None = Field(default=None, gt=0, le=10)
    """None: NCBI's limit, 3 requests/s, or 10 with ``NCBI_API_KEY`` set."""
    per_search: int = Field(default=10, ge=1, le=200)
    """PMIDs kept from each ESearch (the general search and each publication-type search)."""
    publication_type_searches: tuple[Literal["guideline", "systematic_review", "trial"], ...] = (
        "guideline",
        "systematic_review",
        "trial",
    )
    """Extra searches restricted to these publication types, so guidelines are found even when
    research articles dominate the general search."""
    recent_years: int | None = Field(default=10, ge=1, le=200)
    humans_only: bool = True
    english_only: bool = True
    similar_for_top: int = Field(default=3, ge=0, le=20)
    """When the searches find fewer than k articles: ask ELink for articles similar to this many
    top hits."""


class EuropePmcSettings(BaseModel):
    """Europe PMC REST search."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    base_url: str = "https://www.ebi.ac.uk/europepmc/webservices/rest/"
    requests_per_s: float = Field(default=5.0, gt=0, le=50)
    """Europe PMC publishes no hard limit; this is a polite default."""
    guideline_search: bool = True
    """Run a second search restricted to guidelines (merged with the general one)."""
    include_preprints: bool = True
    recent_years: int | None = Field(default=10, ge=1, le=200)
    english_only: bool = True


class OpenFdaSettings(BaseModel):
    """openFDA drug labels (``/drug/label.json``), searched for the drugs a question names."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    base_url: str = "https://api.fda.gov/"
    requests_per_s: float = Field(default=4.0, gt=0, le=4)
    """Counted per minute (4: at most 240 in any minute, a burst of them at once if need be):
    openFDA allows 240 requests a minute (per IP address, or per key with ``OPENFDA_API_KEY``)
    and 1,000 a day without a key, 120,000 a day with one."""
    labels_per_drug: int = Field(default=3, ge=1, le=100)
    """Newest labels kept per drug (labels of one generic from several makers say the same)."""


class MedlinePlusSettings(BaseModel):
    """The MedlinePlus Web Service (health topics)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    base_url: str = "https://wsearch.nlm.nih.gov/ws/"
    requests_per_minute: float = Field(default=85.0, gt=0, le=85)
    """NLM asks for no more than 85 requests per minute per IP address (kept over any sliding
    minute; a burst of them may go at once)."""
    per_search: int = Field(default=5, ge=1, le=100)
    """Topics asked for per question (``retmax``)."""


class BookshelfSettings(BaseModel):
    """NCBI Bookshelf chapters (StatPearls, GeneReviews) through E-utilities ``db=books``; the
    NCBI identification and rate limit are PubMed's (one limiter per host)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    books: tuple[str, ...] = ("StatPearls", "GeneReviews")
    """Books searched (E-utilities ``[book]`` field, by title word)."""
    per_search: int = Field(default=5, ge=1, le=100)


class LiveSettings(BaseModel):
    """Live retrieval: which sources, how long to wait for them, and the HTTP layer."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    sources: tuple[Literal["pubmed", "europepmc", "openfda", "medlineplus", "bookshelf"], ...] = (
        "pubmed",
        "europepmc",
        "openfda",
        "medlineplus",
        "bookshelf",
    )
    timeout_s: float = Field(default=30.0, gt=0, le=600)
    """A source still running after this long is reported as timed out; the answer goes on. It is
    also the question's deadline for the rate limiters: a request that could not be sent before
    it is not queued (the source times out at once), and what is still queued is dropped."""
    http: HttpSettings = HttpSettings()
    pubmed: PubMedSettings = PubMedSettings()
    europepmc: EuropePmcSettings = EuropePmcSettings()
    openfda: OpenFdaSettings = OpenFdaSettings()
    medlineplus: MedlinePlusSettings = MedlinePlusSettings()
    bookshelf: BookshelfSettings = BookshelfSettings()
