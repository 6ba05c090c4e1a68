"""Request, response and settings models of the HTTP API.

Answers, hits and documents are returned as the library's own records (``medcite.records``), so the
API speaks the same JSON as ``medcite ask --format json``; this module only adds what is particular
to HTTP: request bodies, error bodies, health and limits, stage events and the server's settings.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Literal

from pydantic import AliasChoices, BaseModel, ConfigDict, Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

from medcite.records import Hit

Stage = Literal["understanding", "searching", "ranking", "composing", "synthesizing"]
STAGES: tuple[Stage, ...] = ("understanding", "searching", "ranking", "composing")
"""The stages of answering, in order, as reported to the page while an answer is being built."""
LLM_STAGES: tuple[Stage, ...] = (*STAGES, "synthesizing")
"""The stages of an answer asked with ``llm``: the model writes after the extractive answer."""

SOURCE_PATTERN = r"^[a-z][a-z0-9_+,-]{0,31}$"
"""Shape of a ``source`` value (``local``, ``pubmed`` ...); the engine decides which exist."""
SOURCES = ("local", "live", "auto")
"""The sources :meth:`medcite.Engine.ask` knows; any other is refused before answering starts."""


class ServerSettings(BaseSettings):
    """Limits and switches of the HTTP server; ``MEDCITE_SERVER_<NAME>`` overrides each one."""

    model_config = SettingsConfigDict(
        env_prefix="MEDCITE_SERVER_", extra="forbid", frozen=True, populate_by_name=True
    )

    max_question_chars: int = Field(default=1000, ge=10, le=100_000)
    max_k: int = Field(default=50, ge=1, le=1000)
    max_refs: int = Field(default=50, ge=1, le=1000)
    default_max_refs: int = Field(default=12, ge=1, le=1000)
    max_body_bytes: int = Field(default=64 * 1024, ge=1024)
    """Request bodies larger than this are refused with 413 before they are read."""
    rate_limit_per_minute: float = Field(default=60.0, ge=0)
    """Sustained requests per minute per client address on /v1/ (0 turns the limit off)."""
    rate_limit_burst: int = Field(default=20, ge=1)
    """Requests a client may make at once before the sustained rate applies."""
    rate_limit_clients: int = Field(default=10_000, ge=1)
    """Client addresses remembered by the rate limiter (least recently seen forgotten first)."""
    cors_origins: tuple[str, ...] = ()
    """Origins allowed to call the API from a browser; empty (the default) means CORS is off."""
    shutdown_grace_seconds: int = Field(default=10, ge=0)
    """On SIGTERM/SIGINT, how long in-flight requests may take to finish."""
    answer_cache_entries: int = Field(default=1024, ge=0)
    """Local answers kept per server process for repeated questions (~20 KB each; 0 turns the
    cache off)."""
    answer_cache_ttl_seconds: float = Field(default=3600.0, gt=0)
    """How long a cached answer may be served (re-ingesting the index drops the cache at once)."""
    answer_threads: int = Field(default=2, ge=1, le=64)
    """Answers computed at once per server process (answering is CPU-bound Python: more threads
    than cores only slow each other down); the rest wait in line, cache hits do not."""
    llm_answer_threads: int = Field(default=4, ge=1, le=64)
    """Answers with a language-model synthesis computed at once, in their own line: they spend
    most of their time waiting for the model, and must not hold the answer threads (so plain
    answers never queue behind a slow model)."""
    allowed_hosts: tuple[str, ...] = ()
    """Host names (or addresses) the server answers to, besides localhost, 127.0.0.1 and [::1]
    and the address it is bound to; any other ``Host`` header gets 400 (DNS rebinding). ``*``
    allows every host."""
    api_token: SecretStr | None = Field(
        default=None, validation_alias=AliasChoices("MEDCITE_API_TOKEN", "api_token")
    )
    """When set (env ``MEDCITE_API_TOKEN``), every /v1/ request needs
    ``Authorization: Bearer <token>``; never logged."""
    allow_live: bool = False
    """Let HTTP clients ask for live sources (``source`` other than ``local``): each such request
    makes the server call PubMed / Europe PMC and write to the index (``serve --allow-live``)."""
    allow_llm: bool = False
    """Let HTTP clients ask for the language model's synthesis (``"llm": true``): each such
    request sends the question and the cited passages to the configured model endpoint
    (``MEDCITE_LLM_BASE_URL``), possibly a third party (``serve --allow-llm``)."""
    header_timeout_seconds: float = Field(default=10.0, gt=0)
    """A connection must send a complete request head (request line and headers) within this
    long of opening or of its previous response; else 408 (or, if it sent nothing, it is
    closed). Stops slow clients from holding connections open."""
    body_timeout_seconds: float = Field(default=30.0, gt=0)
    """A request's body must arrive within this long of its headers; else 408."""
    keep_alive_seconds: float = Field(default=5.0, gt=0)
    """An idle keep-alive connection is closed after this long."""
    max_header_bytes: int = Field(default=16 * 1024, ge=1024)
    """A request head (request line and headers) larger than this is refused with 400."""
    max_connections: int = Field(default=1000, ge=1)
    """Open connections per server process; beyond it requests get 503."""


class ErrorCode(StrEnum):
    """Machine-readable error codes; the HTTP status says the class, the code says the cause."""

    INVALID_REQUEST = "invalid_request"
    QUESTION_EMPTY = "question_empty"
    QUESTION_TOO_LONG = "question_too_long"
    INVALID_INPUT = "invalid_input"
    NOT_FOUND = "not_found"
    METHOD_NOT_ALLOWED = "method_not_allowed"
    PAYLOAD_TOO_LARGE = "payload_too_large"
    RATE_LIMITED = "rate_limited"
    REQUEST_TIMEOUT = "request_timeout"
    HOST_NOT_ALLOWED = "host_not_allowed"
    UNAUTHORIZED = "unauthorized"
    LIVE_SOURCES_OFF = "live_sources_off"
    LLM_OFF = "llm_off"
    LLM_NOT_CONFIGURED = "llm_not_configured"
    INDEX_UNAVAILABLE = "index_unavailable"
    SOURCE_UNAVAILABLE = "source_unavailable"
    ANSWERING_UNAVAILABLE = "answering_unavailable"
    INTERNAL = "internal"


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class ErrorDetail(_Model):
    code: ErrorCode
    message: str
    """One sentence for a person: what went wrong and what to do."""


class ErrorResponse(_Model):
    """The body of every error response (and of the ``error`` event of an answer stream)."""

    error: ErrorDetail


class AnswerRequest(_Model):
    """``POST /v1/answer`` (and ``POST /v1/answer/stream``)."""

    question: str = Field(examples=["What causes facial twitches?"])
    source: str = Field(default="local", pattern=SOURCE_PATTERN)
    """Where to look: ``local`` (the index); live sources when the engine has them."""
    max_refs: int | None = Field(default=None, ge=1)
    """Most references the answer may cite (server default and maximum: see /v1/limits)."""
    detail: bool = False
    """The long form: every statement found, instead of the default short body (≤ 250 words:
    the bottom line and the strongest statements; ``medcite ask --detail``)."""
    llm: bool = False
    """Also have the configured language model write the answer as prose, every statement
    checked against the sources it cites (``medcite ask --llm``); needs a server started with
    ``--allow-llm`` and a model endpoint (see ``/v1/limits``)."""


class SearchResponse(_Model):
    """``GET /v1/search``: the same JSON as ``medcite search --format json``."""

    query: str
    hits: list[Hit]


class Health(_Model):
    status: Literal["ok"] = "ok"
    version: str


class Ready(_Model):
    status: Literal["ready"] = "ready"
    documents: int
    schema_version: int
    answering: bool
    """False while the engine cannot answer yet (search and documents still work)."""


class LLMAvailability(_Model):
    """Whether requests may ask for the language model's synthesis (``"llm": true``)."""

    available: bool
    """True when the server was started with ``--allow-llm`` and a model endpoint is set."""
    model: str | None = None
    """The configured model's name (only when available)."""


class Limits(_Model):
    """What the server accepts; the page reads it to check questions before sending them."""

    max_question_chars: int
    max_k: int
    max_refs: int
    default_max_refs: int


class Capabilities(_Model):
    """What this server can do beyond answering (``GET /v1/capabilities``)."""

    llm: LLMAvailability


class StageEvent(_Model):
    """Data of a ``stage`` event in an answer stream."""

    stage: Stage
    index: int = Field(ge=1)
    total: int
    elapsed_ms: float


class MarkdownEvent(_Model):
    """Data of the ``markdown`` event sent just before the ``answer`` (and ``synthesis``)
    event."""

    markdown: str
