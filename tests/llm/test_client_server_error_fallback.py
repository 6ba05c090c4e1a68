"""A server that answers an unsupported response_format with HTTP 500 (llama.cpp's server does)
still gets a reply: the client steps down to plain JSON mode, then to no response_format."""

from __future__ import annotations

import pytest

from medcite.llm.client import ChatMessage, LLMClient, ResponseFormat
from medcite.llm.errors import LLMUnavailableError
from medcite.llm.prompt import answer_schema
from medcite.llm.settings import LLMSettings

from .fake_openai import FakeOpenAI, completion, error

ASK = [ChatMessage(role="user", content="Answer in JSON.")]


def test_a_500_for_a_structured_request_steps_down(fake: FakeOpenAI, settings: LLMSettings) -> None:
    # json_schema: attempt + retry fail; json_object: attempt + retry fail; plain: answers
    fake.push(*[error(500, "response_format not supported")] * 4, completion('{"ok": true}'))
    with LLMClient(settings) as client:
        reply = client.chat(ASK, schema=answer_schema([1]))
        assert reply.content == '{"ok": true}'
        assert reply.response_format is ResponseFormat.NONE
        assert client.response_format is ResponseFormat.NONE  # remembered for the next answer
    formats = [(c.body or {}).get("response_format", {}).get("type") for c in fake.chats()]
    assert formats == ["json_schema", "json_schema", "json_object", "json_object", None]


def test_a_500_without_a_structured_request_is_still_an_error(
    fake: FakeOpenAI, settings: LLMSettings
) -> None:
    fake.always = error(500, "broken")
    with LLMClient(settings) as client, pytest.raises(LLMUnavailableError) as caught:
        client.chat(ASK)
    assert caught.value.status == 500
