"""``medcite llm check``'s findings: does the endpoint answer, which models, how fast."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from medcite.llm.client import ChatMessage, LLMClient
from medcite.llm.errors import LLMReplyError, LLMRequestError

log = logging.getLogger(__name__)

PING = [ChatMessage(role="user", content="Reply with the word OK.")]


@dataclass(frozen=True)
class EndpointCheck:
    """What one round of checks found."""

    base_url: str
    model: str
    models: tuple[str, ...] | None
    """The models the endpoint lists; None when it lists none (no ``/models``)."""
    models_problem: str | None
    """Why the list is missing (the endpoint's refusal), else None."""
    answered_by: str
    """The model that answered the 1-token completion, as the server names it."""
    seconds: float
    """Round-trip time of the 1-token completion."""

    @property
    def model_listed(self) -> bool | None:
        """Whether the configured model is among the listed ones (None: no list)."""
        return None if self.models is None else self.model in self.models


def check_endpoint(client: LLMClient) -> EndpointCheck:
    """List the models and time a 1-token completion; endpoint failures raise ``LLMError``."""
    models, problem = _models(client)
    reply = client.chat(PING, max_tokens=1)
    base_url = client.service.base_url
    return EndpointCheck(base_url, client.model, models, problem, reply.model, reply.seconds)


def _models(client: LLMClient) -> tuple[tuple[str, ...] | None, str | None]:
    """The listed models; a refused or unreadable list is reported, not raised."""
    try:
        return client.models(), None
    except (LLMRequestError, LLMReplyError) as exc:
        log.info("the endpoint lists no models: %s", exc)
        return None, str(exc)
