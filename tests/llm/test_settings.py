"""LLM settings: defaults, both spellings of the environment variables, the key kept secret."""

from __future__ import annotations

import pytest
from pydantic import SecretStr, ValidationError

from medcite.config import Settings
from medcite.llm.settings import LLMSettings

from .conftest import KEY


def test_defaults_are_off_and_conservative() -> None:
    llm = LLMSettings()
    assert not llm.enabled
    assert not llm.configured
    assert llm.base_url is None and llm.model is None and llm.api_key is None
    assert llm.timeout_seconds == 60
    assert llm.max_tokens == 800
    assert llm.temperature == 0


def test_single_underscore_environment_names(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MEDCITE_LLM_BASE_URL", "http://localhost:11434/v1/")
    monkeypatch.setenv("MEDCITE_LLM_MODEL", "llama3.1:8b")
    monkeypatch.setenv("MEDCITE_LLM_API_KEY", KEY)
    llm = Settings().llm
    assert llm.base_url == "http://localhost:11434/v1"
    assert llm.model == "llama3.1:8b"
    assert llm.key() == KEY
    assert llm.configured


def test_nested_environment_names(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MEDCITE_LLM__BASE_URL", "https://api.openai.com/v1")
    monkeypatch.setenv("MEDCITE_LLM__MODEL", "gpt-4o-mini")
    monkeypatch.setenv("MEDCITE_LLM__API_KEY", KEY)
    monkeypatch.setenv("MEDCITE_LLM__MAX_TOKENS", "300")
    monkeypatch.setenv("MEDCITE_LLM__ENABLED", "true")
    llm = Settings().llm
    assert (llm.base_url, llm.model, llm.max_tokens) == (
        "https://api.openai.com/v1",
        "gpt-4o-mini",
        300,
    )
    assert llm.key() == KEY
    assert llm.enabled


def test_nested_name_wins_over_single_underscore(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MEDCITE_LLM_BASE_URL", "http://one:1/v1")
    monkeypatch.setenv("MEDCITE_LLM__BASE_URL", "http://two:2/v1")
    monkeypatch.setenv("MEDCITE_LLM_MODEL", "m")
    llm = Settings().llm
    assert llm.base_url == "http://two:2/v1"
    assert llm.model == "m"


def test_the_key_is_never_shown_dumped_or_audited(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MEDCITE_LLM_API_KEY", KEY)
    settings = Settings()
    assert settings.llm.key() == KEY
    assert KEY not in repr(settings)
    assert KEY not in str(settings.llm)
    assert KEY not in settings.model_dump_json()
    assert "api_key" not in settings.model_dump(mode="json")["llm"]


def test_a_base_url_without_scheme_is_refused() -> None:
    with pytest.raises(ValidationError, match="http"):
        LLMSettings(base_url="localhost:11434/v1")


def test_empty_values_count_as_unset(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MEDCITE_LLM_BASE_URL", "  ")
    monkeypatch.setenv("MEDCITE_LLM_API_KEY", "")
    llm = LLMSettings(model="m")
    assert llm.base_url is None and llm.api_key is None and not llm.configured
    assert LLMSettings(api_key=SecretStr(KEY)).key() == KEY
