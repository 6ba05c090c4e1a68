"""An OpenAI-compatible chat client over medcite's HTTP layer.

``POST {base_url}/chat/completions`` and ``GET {base_url}/models`` through
:class:`~medcite.sources.http.HttpClient`, so the endpoint gets the same rate limit, time-outs,
bounded retries with backoff (honouring ``Retry-After``) and size cap as every live source. The API
key travels only in the ``Authorization`` header: it is never logged, cached or put into an error
message (a server that echoes it has it masked). Failures raise :mod:`medcite.llm.errors`.

Structured output: a request with a JSON schema is sent with ``response_format: json_schema``; a
server that refuses it (HTTP 400/422) is asked again with ``json_object``, then with no
``response_format``. What worked is remembered by the client (one client per endpoint), so keep
one :class:`LLMClient` for the life of an engine.
"""

from __future__ import annotations

import json
import logging
import random
import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, TypedDict, TypeVar

import httpx

from medcite.llm.errors import (
    NOT_CONFIGURED,
    LLMAuthError,
    LLMError,
    LLMNotConfiguredError,
    LLMRateLimitedError,
    LLMReplyError,
    LLMRequestError,
    LLMUnavailableError,
)
from medcite.llm.settings import API_KEY_ENV, LLMSettings
from medcite.sources.cache import Payload
from medcite.sources.http import (
    Clock,
    HttpClient,
    Request,
    Service,
    SourceRateLimitedError,
    SourceResponseError,
    SourceUnavailableError,
)
from medcite.sources.settings import HttpSettings

log = logging.getLogger(__name__)

T = TypeVar("T")
SERVICE_NAME = "the language model endpoint"
WITHOUT_LLM = "or answer without --llm"
_FORMAT_REFUSED = frozenset({400, 422})
_SERVER_ERRORS = frozenset({500})


class ChatMessage(TypedDict):
    """One message of a chat request."""

    role: str
    content: str


class ResponseFormat(StrEnum):
    """How a JSON reply is asked for, strongest first."""

    JSON_SCHEMA = "json_schema"
    JSON_OBJECT = "json_object"
    NONE = "none"


_WEAKER = {
    ResponseFormat.JSON_SCHEMA: ResponseFormat.JSON_OBJECT,
    ResponseFormat.JSON_OBJECT: ResponseFormat.NONE,
}


@dataclass(frozen=True)
class ChatReply:
    """The model's reply to one chat request."""

    content: str
    model: str
    """The model that answered, as the server names it (the configured name if it does not)."""
    finish_reason: str | None
    """``stop``, or ``length`` when ``max_tokens`` cut the reply off."""
    seconds: float
    """Wall time of the request, retries included."""
    response_format: ResponseFormat


def http_settings(settings: LLMSettings) -> HttpSettings:
    """The HTTP layer's settings for the endpoint: its time-outs and retries, no cache."""
    return HttpSettings(
        connect_timeout_s=settings.connect_timeout,
        read_timeout_s=settings.timeout_seconds,
        max_retries=settings.max_retries,
        max_retry_after_s=settings.max_retry_after_seconds,
        rate_margin_s=0.0,
        cache=False,
    )


def endpoint_service(settings: LLMSettings) -> Service:
    """The endpoint as the HTTP layer sees it (messages name it and say what to do)."""
    if not settings.base_url:
        raise LLMNotConfiguredError(NOT_CONFIGURED)
    return Service(
        name=SERVICE_NAME,
        base_url=settings.base_url,
        requests_per_s=settings.requests_per_second,
        rate_limit_hint=f"wait a minute and retry, {WITHOUT_LLM}",
        fallback_hint=f"{WITHOUT_LLM}; the endpoint is set by MEDCITE_LLM_BASE_URL",
        client_error_hint=f"check MEDCITE_LLM_MODEL and MEDCITE_LLM_BASE_URL, {WITHOUT_LLM}",
    )


class LLMClient:
    """One OpenAI-compatible endpoint; thread-safe; close it (or use ``with``) when done."""

    def __init__(
        self,
        settings: LLMSettings,
        *,
        http: HttpClient | None = None,
        transport: httpx.BaseTransport | None = None,
        clock: Clock | None = None,
        rng: random.Random | None = None,
    ) -> None:
        if not settings.configured:
            raise LLMNotConfiguredError(NOT_CONFIGURED)
        self.settings = settings
        self.service = endpoint_service(settings)
        self._owns_http = http is None
        self._http = http or HttpClient(
            http_settings(settings), transport=transport, clock=clock, rng=rng
        )
        first = ResponseFormat.JSON_SCHEMA if settings.structured_output else ResponseFormat.NONE
        self._format = first
        self._lock = threading.Lock()

    @property
    def model(self) -> str:
        assert self.settings.model is not None  # checked in __init__
        return self.settings.model

    @property
    def response_format(self) -> ResponseFormat:
        """The strongest structured-output mode the server has not refused."""
        with self._lock:
            return self._format

    def chat(
        self,
        messages: Sequence[ChatMessage],
        *,
        schema: Mapping[str, Any] | None = None,
        max_tokens: int | None = None,
    ) -> ChatReply:
        """The model's reply to ``messages``; a JSON reply following ``schema`` when given."""
        start = self._http.clock.monotonic()
        mode = self.response_format if schema is not None else ResponseFormat.NONE
        while True:
            body = self._body(messages, max_tokens, _response_format(mode, schema))
            try:
                content, model, finish = self._send(self._post("chat/completions", body), _chat)
                break
            except (LLMRequestError, LLMUnavailableError) as exc:
                mode = self._weaker(mode, exc)
        if schema is not None:
            self._remember(mode)
        seconds = self._http.clock.monotonic() - start
        return ChatReply(content, model or self.model, finish, seconds, mode)

    def models(self) -> tuple[str, ...]:
        """The model names the endpoint lists (``GET /models``)."""
        request = Request(self.service, "/models", (), headers=self._headers())
        return self._send(request, _model_ids)

    def close(self) -> None:
        if self._owns_http:
            self._http.close()

    def __enter__(self) -> LLMClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- internals ------------------------------------------------------------------------------

    def _body(
        self,
        messages: Sequence[ChatMessage],
        max_tokens: int | None,
        response_format: dict[str, Any] | None,
    ) -> dict[str, Any]:
        body: dict[str, Any] = {
            "model": self.model,
            "messages": [dict(m) for m in messages],
            "max_tokens": max_tokens or self.settings.max_tokens,
            "temperature": self.settings.temperature,
            "stream": False,
        }
        if response_format is not None:
            body["response_format"] = response_format
        return body

    def _post(self, path: str, body: Mapping[str, Any]) -> Request:
        content = json.dumps(body, ensure_ascii=False).encode()
        headers = (("Content-Type", "application/json"), *self._headers())
        return Request(self.service, "/" + path, (), "POST", content, headers)

    def _headers(self) -> tuple[tuple[str, str], ...]:
        key = self.settings.key()
        accept = ("Accept", "application/json")
        return (accept, ("Authorization", f"Bearer {key}")) if key else (accept,)

    def _weaker(
        self, mode: ResponseFormat, exc: LLMRequestError | LLMUnavailableError
    ) -> ResponseFormat:
        """The next mode to try after the server refused ``mode``; re-raises when none is left.
        A refusal is a 400/422, or a 5xx while a structured mode was asked for (llama.cpp's
        server answers an unsupported ``response_format`` with HTTP 500)."""
        refused = _FORMAT_REFUSED if isinstance(exc, LLMRequestError) else _SERVER_ERRORS
        if mode is ResponseFormat.NONE or exc.status not in refused:
            raise exc
        weaker = _WEAKER[mode]
        log.info("%s refused response_format %s; trying %s", SERVICE_NAME, mode, weaker)
        return weaker

    def _remember(self, mode: ResponseFormat) -> None:
        with self._lock:
            self._format = mode

    def _send(self, request: Request, parse: Callable[[Payload], T]) -> T:
        """``parse`` of the endpoint's answer; HTTP failures become :class:`LLMError`."""
        try:
            return self._http.fetch(request, parse, cacheable=False)
        except LLMError:
            raise
        except SourceRateLimitedError as exc:
            raise LLMRateLimitedError(self._scrub(str(exc))) from None
        except SourceUnavailableError as exc:
            raise LLMUnavailableError(self._scrub(str(exc)), exc.status) from None
        except SourceResponseError as exc:
            raise self._refused(exc) from None

    def _refused(self, exc: SourceResponseError) -> LLMError:
        if exc.status in (401, 403):
            what = "refused the API key" if self.settings.api_key else "needs an API key"
            return LLMAuthError(
                f"{SERVICE_NAME} {what} (HTTP {exc.status}); "
                f"set {API_KEY_ENV} to a valid key, {WITHOUT_LLM}"
            )
        return LLMRequestError(self._scrub(str(exc)), exc.status)

    def _scrub(self, message: str) -> str:
        """``message`` with the API key masked, in case the server echoed it."""
        key = self.settings.key()
        return message.replace(key, "***") if key else message


def _response_format(
    mode: ResponseFormat, schema: Mapping[str, Any] | None
) -> dict[str, Any] | None:
    if schema is None or mode is ResponseFormat.NONE:
        return None
    if mode is ResponseFormat.JSON_OBJECT:
        return {"type": "json_object"}
    named = {"name": "medcite_answer", "strict": True, "schema": dict(schema)}
    return {"type": "json_schema", "json_schema": named}


def _json_body(payload: Payload, what: str) -> Any:
    try:
        return json.loads(payload.body)
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise unreadable(what, "not JSON") from None


def unreadable(what: str, detail: str) -> LLMReplyError:
    """The error for an endpoint answer medcite cannot use."""
    return LLMReplyError(
        f"{SERVICE_NAME} sent a {what} medcite could not read ({detail}); "
        f"is MEDCITE_LLM_BASE_URL an OpenAI-compatible API root (…/v1)? {WITHOUT_LLM.capitalize()}"
    )


def _chat(payload: Payload) -> tuple[str, str, str | None]:
    """(content, model, finish_reason) of a chat completion."""
    data = _json_body(payload, "chat reply")
    choices = data.get("choices") if isinstance(data, dict) else None
    if not isinstance(choices, list) or not choices or not isinstance(choices[0], dict):
        raise unreadable("chat reply", "no choices")
    message = choices[0].get("message")
    if not isinstance(message, dict):
        raise unreadable("chat reply", "no message")
    refusal = message.get("refusal")
    if isinstance(refusal, str) and refusal.strip():
        raise LLMReplyError(f"the model declined to answer: {' '.join(refusal.split())[:160]}")
    content = _text(message.get("content"))
    model = data.get("model")
    finish = choices[0].get("finish_reason")
    return content, model if isinstance(model, str) else "", finish if finish else None


def _text(content: object) -> str:
    """A message's text: a string, or the text parts of a list of content parts."""
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        parts = [p.get("text") for p in content if isinstance(p, dict)]
        return "".join(p for p in parts if isinstance(p, str))
    raise unreadable("chat reply", "the message has no text")


def _model_ids(payload: Payload) -> tuple[str, ...]:
    data = _json_body(payload, "model list")
    items = data.get("data", data.get("models")) if isinstance(data, dict) else data
    if not isinstance(items, list):
        raise unreadable("model list", "no data")
    ids = (item.get("id") or item.get("name") for item in items if isinstance(item, dict))
    return tuple(i for i in ids if isinstance(i, str))
