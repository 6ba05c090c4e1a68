"""Fixtures: a fake OpenAI-compatible server and settings pointing at it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pydantic import SecretStr

from medcite.llm.settings import LLMSettings

from .fake_openai import FakeOpenAI, FakeServer

KEY = "sk-test-SECRET-0123456789abcdef"
ENV_NAMES = (
    "MEDCITE_LLM",
    "MEDCITE_LLM_BASE_URL",
    "MEDCITE_LLM_MODEL",
    "MEDCITE_LLM_API_KEY",
    "MEDCITE_LLM__BASE_URL",
    "MEDCITE_LLM__MODEL",
    "MEDCITE_LLM__API_KEY",
    "MEDCITE_LLM__ENABLED",
    "MEDCITE_LLM__MAX_RETRIES",
    "MEDCITE_LLM__TIMEOUT_SECONDS",
    "MEDCITE_LLM__REQUESTS_PER_SECOND",
)


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """No LLM configuration leaks in from the developer's environment."""
    for name in ENV_NAMES:
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def fake() -> Iterator[FakeOpenAI]:
    with FakeServer() as server:
        yield server


def settings_for(url: str, **overrides: object) -> LLMSettings:
    values: dict[str, object] = {
        "base_url": url,
        "model": "fake-model-1",
        "api_key": SecretStr(KEY),
        "timeout_seconds": 2.0,
        "connect_timeout": 1.0,
        "max_retries": 1,
        "requests_per_second": 1000.0,
    }
    values.update(overrides)
    return LLMSettings.model_validate(values)


@pytest.fixture
def settings(fake: FakeOpenAI) -> LLMSettings:
    return settings_for(fake.url)
