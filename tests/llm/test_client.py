"""The OpenAI-compatible client against a fake server: request shape, retries, failures."""

from __future__ import annotations

import logging
import socket

import pytest

from medcite.errors import InputError, SourceError
from medcite.llm.client import ChatMessage, LLMClient, ResponseFormat
from medcite.llm.errors import (
    LLMAuthError,
    LLMNotConfiguredError,
    LLMRateLimitedError,
    LLMReplyError,
    LLMRequestError,
    LLMUnavailableError,
)
from medcite.llm.prompt import answer_schema
from medcite.llm.settings import LLMSettings

from .conftest import KEY, settings_for
from .fake_openai import FakeOpenAI, Scripted, completion, error

HELLO = [ChatMessage(role="user", content="hello")]
SCHEMA = answer_schema([1, 2])


def _one_line(exc: BaseException) -> str:
    text = str(exc)
    assert "\n" not in text
    assert KEY not in text
    return text


def test_chat_posts_openai_json_with_the_bearer_key(
    fake: FakeOpenAI, settings: LLMSettings
) -> None:
    fake.push(completion("Hi [1].", model="fake-model-1-q4"))
    with LLMClient(settings) as client:
        reply = client.chat(HELLO, schema=SCHEMA)
    assert reply.content == "Hi [1]."
    assert reply.model == "fake-model-1-q4"
    assert reply.finish_reason == "stop"
    assert reply.response_format is ResponseFormat.JSON_SCHEMA
    assert reply.seconds >= 0
    (sent,) = fake.chats()
    assert sent.method == "POST" and sent.path == "/v1/chat/completions"
    assert sent.headers["authorization"] == f"Bearer {KEY}"
    assert sent.headers["content-type"] == "application/json"
    body = sent.body
    assert body["model"] == "fake-model-1"
    assert body["messages"] == [{"role": "user", "content": "hello"}]
    assert body["max_tokens"] == 800
    assert body["temperature"] == 0
    assert body["stream"] is False
    assert body["response_format"]["type"] == "json_schema"
    assert body["response_format"]["json_schema"]["schema"] == SCHEMA


def test_no_key_no_authorization_header(fake: FakeOpenAI) -> None:
    fake.push(completion("ok"))
    with LLMClient(settings_for(fake.url, api_key=None)) as client:
        client.chat(HELLO, max_tokens=1)
    (sent,) = fake.chats()
    assert "authorization" not in sent.headers
    assert sent.body["max_tokens"] == 1
    assert "response_format" not in sent.body


def test_not_configured_is_an_input_error() -> None:
    with pytest.raises(LLMNotConfiguredError, match="MEDCITE_LLM_BASE_URL") as caught:
        LLMClient(LLMSettings(model="m"))
    assert isinstance(caught.value, InputError) and caught.value.exit_code == 2


def test_429_then_success_honours_retry_after(fake: FakeOpenAI, settings: LLMSettings) -> None:
    fake.push(error(429, "slow down", retry_after="0"), completion("ok"))
    with LLMClient(settings) as client:
        assert client.chat(HELLO).content == "ok"
    assert len(fake.chats()) == 2


def test_429_storm_is_a_rate_limit_error(fake: FakeOpenAI) -> None:
    fake.always = error(429, "slow down", retry_after="0")
    with (
        LLMClient(settings_for(fake.url, max_retries=2)) as client,
        pytest.raises(LLMRateLimitedError, match="429") as caught,
    ):
        client.chat(HELLO)
    assert "without --llm" in _one_line(caught.value)
    assert isinstance(caught.value, SourceError) and caught.value.exit_code == 4
    assert len(fake.chats()) == 3


def test_a_long_retry_after_fails_at_once(fake: FakeOpenAI) -> None:
    fake.always = error(429, "slow down", retry_after="120")
    with (
        LLMClient(settings_for(fake.url, max_retries=3)) as client,
        pytest.raises(LLMRateLimitedError),
    ):
        client.chat(HELLO)
    assert len(fake.chats()) == 1


def test_401_says_to_check_the_key_without_showing_it(fake: FakeOpenAI) -> None:
    fake.always = error(401, f"Incorrect API key provided: {KEY}")
    with (
        LLMClient(settings_for(fake.url)) as client,
        pytest.raises(LLMAuthError, match="MEDCITE_LLM_API_KEY") as caught,
    ):
        client.chat(HELLO)
    assert "refused the API key" in _one_line(caught.value)
    assert len(fake.chats()) == 1  # never retried


def test_401_without_a_key_asks_for_one(fake: FakeOpenAI) -> None:
    fake.always = error(401, "missing key")
    with (
        LLMClient(settings_for(fake.url, api_key=None)) as client,
        pytest.raises(LLMAuthError, match="needs an API key"),
    ):
        client.chat(HELLO)


def test_an_echoed_key_is_masked_in_other_refusals(fake: FakeOpenAI) -> None:
    fake.always = error(404, f"model 'nope' not found (key {KEY})")
    with LLMClient(settings_for(fake.url)) as client, pytest.raises(LLMRequestError) as caught:
        client.chat(HELLO)
    text = _one_line(caught.value)
    assert "HTTP 404" in text and "not found" in text and "***" in text
    assert "MEDCITE_LLM_MODEL" in text
    assert caught.value.status == 404


def test_time_out_is_unavailable(fake: FakeOpenAI) -> None:
    fake.always = Scripted(body={}, delay=1.0)
    settings = settings_for(fake.url, timeout_seconds=0.3, max_retries=0)
    with (
        LLMClient(settings) as client,
        pytest.raises(LLMUnavailableError, match="timed out") as caught,
    ):
        client.chat(HELLO)
    assert "MEDCITE_LLM_BASE_URL" in _one_line(caught.value)


def test_connection_refused_is_unavailable() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    settings = settings_for(f"http://127.0.0.1:{port}/v1", max_retries=0)
    with (
        LLMClient(settings) as client,
        pytest.raises(LLMUnavailableError, match="could not reach") as caught,
    ):
        client.chat(HELLO)
    assert f"127.0.0.1:{port}" in _one_line(caught.value)


def test_server_errors_are_retried_then_unavailable(fake: FakeOpenAI) -> None:
    fake.push(error(503, "loading model"), completion("ok"))
    with LLMClient(settings_for(fake.url, max_retries=1)) as client:
        assert client.chat(HELLO).content == "ok"
    fake.always = error(500, "boom")
    with (
        LLMClient(settings_for(fake.url, max_retries=0)) as client,
        pytest.raises(LLMUnavailableError, match="HTTP 500"),
    ):
        client.chat(HELLO)


@pytest.mark.parametrize(
    ("body", "detail"),
    [
        (b"<html>not json</html>", "not JSON"),
        ({"object": "chat.completion", "choices": []}, "no choices"),
        ({"choices": [{"index": 0}]}, "no message"),
        ({"choices": [{"message": {"role": "assistant", "content": None}}]}, "no text"),
    ],
)
def test_a_malformed_body_is_a_reply_error(
    fake: FakeOpenAI, settings: LLMSettings, body: object, detail: str
) -> None:
    fake.always = Scripted(body=body)
    with LLMClient(settings) as client, pytest.raises(LLMReplyError, match=detail) as caught:
        client.chat(HELLO)
    _one_line(caught.value)


def test_a_refusal_is_a_reply_error(fake: FakeOpenAI, settings: LLMSettings) -> None:
    message = {"role": "assistant", "content": None, "refusal": "I can't help with that."}
    fake.always = Scripted(body={"choices": [{"message": message}]})
    with LLMClient(settings) as client, pytest.raises(LLMReplyError, match="declined"):
        client.chat(HELLO)


def test_content_parts_are_joined(fake: FakeOpenAI, settings: LLMSettings) -> None:
    parts = [{"type": "text", "text": "one "}, {"type": "text", "text": "two"}]
    fake.always = Scripted(body={"choices": [{"message": {"content": parts}}]})
    with LLMClient(settings) as client:
        reply = client.chat(HELLO)
    assert reply.content == "one two"
    assert reply.model == "fake-model-1"  # the server named none


def test_rejected_json_schema_falls_back_to_json_object_and_is_remembered(
    fake: FakeOpenAI, settings: LLMSettings
) -> None:
    fake.reject_formats = frozenset({"json_schema"})
    fake.always = completion("{}")
    with LLMClient(settings) as client:
        assert client.chat(HELLO, schema=SCHEMA).response_format is ResponseFormat.JSON_OBJECT
        assert client.chat(HELLO, schema=SCHEMA).response_format is ResponseFormat.JSON_OBJECT
    sent = [r.body.get("response_format", {}).get("type") for r in fake.chats()]
    assert sent == ["json_schema", "json_object", "json_object"]


def test_a_server_rejecting_any_response_format_is_asked_without_it(
    fake: FakeOpenAI, settings: LLMSettings
) -> None:
    fake.reject_formats = frozenset({"json_schema", "json_object"})
    fake.always = completion("{}")
    with LLMClient(settings) as client:
        assert client.chat(HELLO, schema=SCHEMA).response_format is ResponseFormat.NONE
        client.chat(HELLO, schema=SCHEMA)
    sent = [r.body.get("response_format", {}).get("type") for r in fake.chats()]
    assert sent == ["json_schema", "json_object", None, None]


def test_a_400_without_response_format_is_not_retried(
    fake: FakeOpenAI, settings: LLMSettings
) -> None:
    fake.always = error(400, "prompt too long")
    with LLMClient(settings) as client, pytest.raises(LLMRequestError, match="prompt too long"):
        client.chat(HELLO)
    assert len(fake.chats()) == 1


def test_structured_output_can_be_turned_off(fake: FakeOpenAI) -> None:
    fake.always = completion("{}")
    with LLMClient(settings_for(fake.url, structured_output=False)) as client:
        client.chat(HELLO, schema=SCHEMA)
    assert "response_format" not in fake.chats()[0].body


def test_models_are_listed(fake: FakeOpenAI, settings: LLMSettings) -> None:
    with LLMClient(settings) as client:
        assert client.models() == ("fake-model-1", "other-model")
    (sent,) = fake.requests
    assert (sent.method, sent.path) == ("GET", "/v1/models")
    assert sent.headers["authorization"] == f"Bearer {KEY}"


def test_models_refused(fake: FakeOpenAI, settings: LLMSettings) -> None:
    fake.models_status = 404
    with LLMClient(settings) as client, pytest.raises(LLMRequestError, match="404"):
        client.models()


def test_the_key_never_reaches_the_logs(fake: FakeOpenAI, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    fake.reject_formats = frozenset({"json_schema"})
    fake.push(error(429, "wait", retry_after="0"), error(503, "busy"), completion("ok"))
    with LLMClient(settings_for(fake.url, max_retries=3)) as client:
        client.chat(HELLO, schema=SCHEMA)
        client.models()
    fake.always = error(401, f"bad key {KEY}")
    with LLMClient(settings_for(fake.url)) as client, pytest.raises(LLMAuthError):
        client.chat(HELLO)
    assert fake.requests and all(
        r.headers["authorization"] == f"Bearer {KEY}" for r in fake.requests
    )
    assert "retrying" in caplog.text
    assert KEY not in caplog.text
