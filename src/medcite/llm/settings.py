"""Settings of the optional language-model synthesis, mounted into
:class:`medcite.config.Settings` as ``llm``.

The endpoint is read from ``MEDCITE_LLM_BASE_URL``, ``MEDCITE_LLM_MODEL`` and
``MEDCITE_LLM_API_KEY`` (the names the docs use), or from the nested form every other setting
uses (``MEDCITE_LLM__BASE_URL``, which wins when both are set). The API key is a secret: it is
only sent in the ``Authorization`` header and never logged, dumped, audited or shown.
"""

from __future__ import annotations

import os
from collections.abc import Callable

from pydantic import BaseModel, ConfigDict, Field, SecretStr, field_validator

BASE_URL_ENV = "MEDCITE_LLM_BASE_URL"
MODEL_ENV = "MEDCITE_LLM_MODEL"
API_KEY_ENV = "MEDCITE_LLM_API_KEY"


def _from_env(name: str) -> Callable[[], str | None]:
    def read() -> str | None:
        return os.environ.get(name, "").strip() or None

    return read


def _key_from_env() -> SecretStr | None:
    value = os.environ.get(API_KEY_ENV, "").strip()
    return SecretStr(value) if value else None


class ClaimSettings(BaseModel):
    """Thresholds of claim verification and of the decision to show a synthesis.

    The support thresholds were chosen on the handmade calibration pairs in
    ``tests/answer/test_claims_calibration.py`` (paraphrases that must pass, near misses that must
    not), never on evaluation data; that test prints every pair's scores and fails when a
    threshold stops separating them.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    window_sentences: int = Field(default=2, ge=1, le=4)
    """Longest window: this many consecutive sentences of one passage."""
    lexical_threshold: float = Field(default=0.85, ge=0.0, le=1.0)
    """Supported when this share of the claim's content stems is in one window. 0.85: a claim of
    up to 6 content words must use only the window's words; a longer one may add one word."""
    embedding_floor: float = Field(default=0.3, ge=0.0, le=1.0)
    """Claims whose best coverage is below this are unsupported without asking the embedding
    model or the judge (nor is either asked about a window below it)."""
    cosine_threshold: float = Field(default=0.85, ge=-1.0, le=1.0)
    """A grey-zone claim is supported when its cosine similarity to a window reaches this."""
    embedding_weight: float = Field(default=0.5, ge=0.0, le=1.0)
    """Weight of the cosine in the recorded score ``(1 - w)·coverage + w·max(0, cosine)``."""
    embed_windows: int = Field(default=2, ge=1)
    """Windows per grey-zone claim compared by the embedding model (best coverage first)."""
    judge_threshold: float = Field(default=0.5, ge=0.0, le=1.0)
    """With a judge: supported when its best judgement reaches this."""
    judge_windows: int = Field(default=2, ge=1)
    """With a judge: windows per claim it is asked about (best coverage first)."""
    min_supported_share: float = Field(default=0.6, ge=0.0, le=1.0)
    """The synthesis is shown only when at least this share of its claims is supported."""
    min_supported_claims: int = Field(default=2, ge=1)
    """… and at least this many (a one-sentence synthesis is thinner than the extractive answer)."""
    require_bottom_line: bool = True
    """… and a supported claim in :attr:`bottom_line_section`."""
    bottom_line_section: str = "bottom_line"
    foreign_citation_fallback: bool = True
    """Show the extractive answer when the model cited a passage number it was not given: a model
    inventing sources is not writing from them, even where its other claims check out."""


class LLMSettings(BaseModel):
    """An OpenAI-compatible chat endpoint (Ollama, llama.cpp, vLLM, LM Studio, OpenAI ...)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    enabled: bool = False
    """Synthesise every answer with the model (otherwise only with ``--llm`` / ``"llm": true``)."""
    base_url: str | None = Field(default_factory=_from_env(BASE_URL_ENV), validate_default=True)
    """The API root, e.g. ``http://localhost:11434/v1``; ``/chat/completions`` is appended."""
    model: str | None = Field(default_factory=_from_env(MODEL_ENV))
    """The model name the endpoint knows, e.g. ``llama3.1:8b`` or ``gpt-4o-mini``."""
    api_key: SecretStr | None = Field(default_factory=_key_from_env, exclude=True, repr=False)
    """Sent as ``Authorization: Bearer``; only from the environment, never logged or audited."""
    timeout_seconds: float = Field(default=60.0, gt=0, le=600)
    """How long one reply may take (the model's whole generation)."""
    connect_timeout: float = Field(default=5.0, gt=0, le=120)
    max_retries: int = Field(default=1, ge=0, le=10)
    """Retries after the first attempt for time-outs, connection errors, 429 and 5xx."""
    max_retry_after_seconds: float = Field(default=30.0, ge=0, le=3600)
    """A ``Retry-After`` longer than this fails at once instead of waiting."""
    max_tokens: int = Field(default=800, ge=1, le=32_768)
    temperature: float = Field(default=0.0, ge=0, le=2)
    requests_per_second: float = Field(default=5.0, gt=0, le=1000)
    """Client-side rate limit for the endpoint's host."""
    judge: bool = False
    """Ask the model a second time, per claim, whether its cited passage states it (stricter
    than word overlap, one more request per claim; see ``medcite.llm.judge``)."""
    claims: ClaimSettings = ClaimSettings()
    """How claims are verified and when a synthesis is shown (``MEDCITE_LLM__CLAIMS__...``)."""
    structured_output: bool = True
    """Ask for a JSON-schema reply (``response_format``); medcite falls back to plain JSON mode
    or no ``response_format`` when the server refuses it."""

    @field_validator("base_url")
    @classmethod
    def _strip_slash(cls, value: str | None) -> str | None:
        if value is None:
            return None
        value = value.strip().rstrip("/")
        if value and not value.startswith(("http://", "https://")):
            raise ValueError("the LLM base URL must start with http:// or https://")
        return value or None

    @property
    def configured(self) -> bool:
        """True when both the endpoint and the model are set."""
        return bool(self.base_url and self.model)

    def key(self) -> str | None:
        """The API key's value, for the ``Authorization`` header only."""
        return self.api_key.get_secret_value() if self.api_key else None
