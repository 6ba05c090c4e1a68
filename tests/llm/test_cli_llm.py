"""``medcite llm check`` against the fake server."""

from __future__ import annotations

import socket

import pytest
from typer.testing import CliRunner

from medcite.cli import app

from .conftest import KEY
from .fake_openai import FakeOpenAI, Scripted, completion, error

runner = CliRunner()


def _configure(monkeypatch: pytest.MonkeyPatch, url: str, model: str = "fake-model-1") -> None:
    monkeypatch.setenv("MEDCITE_LLM_BASE_URL", url)
    monkeypatch.setenv("MEDCITE_LLM_MODEL", model)
    monkeypatch.setenv("MEDCITE_LLM_API_KEY", KEY)
    monkeypatch.setenv("MEDCITE_LLM__MAX_RETRIES", "0")


def test_check_reports_models_and_round_trip(
    fake: FakeOpenAI, monkeypatch: pytest.MonkeyPatch
) -> None:
    _configure(monkeypatch, fake.url)
    fake.push(_ok())
    result = runner.invoke(app, ["llm", "check"])
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert f"endpoint:   {fake.url} answers" in out
    assert "models:     fake-model-1, other-model" in out
    assert "model:      fake-model-1 (listed by the endpoint)" in out
    assert "completion: 1 token in" in out
    assert "api key:    set; synthesis used for only with --llm" in out
    assert KEY not in result.output
    chat = fake.chats()[0].body
    assert chat["max_tokens"] == 1 and "response_format" not in chat


def test_check_says_when_the_model_is_not_listed(
    fake: FakeOpenAI, monkeypatch: pytest.MonkeyPatch
) -> None:
    _configure(monkeypatch, fake.url, model="missing-model")
    fake.push(_ok())
    result = runner.invoke(app, ["llm", "check"])
    assert result.exit_code == 0
    assert "missing-model (NOT listed by the endpoint)" in result.stdout


def test_check_without_a_model_list(fake: FakeOpenAI, monkeypatch: pytest.MonkeyPatch) -> None:
    _configure(monkeypatch, fake.url)
    fake.models_status = 404
    fake.push(_ok())
    result = runner.invoke(app, ["llm", "check"])
    assert result.exit_code == 0
    assert "models:     not listed (" in result.stdout
    assert "model:      fake-model-1 (?)" in result.stdout


def test_check_not_configured_exits_2(monkeypatch: pytest.MonkeyPatch) -> None:
    result = runner.invoke(app, ["llm", "check"])
    assert result.exit_code == 2
    assert "set MEDCITE_LLM_BASE_URL and MEDCITE_LLM_MODEL" in result.stderr
    assert result.stdout == ""


def test_check_invalid_settings_exit_2(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MEDCITE_LLM_BASE_URL", "localhost:11434")
    result = runner.invoke(app, ["llm", "check"])
    assert result.exit_code == 2
    assert "invalid settings" in result.stderr


def test_check_unreachable_exits_4(monkeypatch: pytest.MonkeyPatch) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    _configure(monkeypatch, f"http://127.0.0.1:{port}/v1")
    result = runner.invoke(app, ["llm", "check"])
    assert result.exit_code == 4
    assert "could not reach the language model endpoint" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_check_with_a_refused_key_exits_4(
    fake: FakeOpenAI, monkeypatch: pytest.MonkeyPatch
) -> None:
    _configure(monkeypatch, fake.url)
    fake.always = error(401, f"bad key {KEY}")
    result = runner.invoke(app, ["llm", "check"])
    assert result.exit_code == 4
    assert "MEDCITE_LLM_API_KEY" in result.stderr
    assert KEY not in result.output


def _ok() -> Scripted:
    return completion("OK", finish="length")
