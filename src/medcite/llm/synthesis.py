"""Draft an answer with the language model: the composer stage's model side.

:func:`draft` sends the question and the numbered passages to the configured endpoint and returns
the model's sentences as :class:`~medcite.records.DraftClaim` records, unverified. The caller
verifies every claim against the passages it cites before anything is shown.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from medcite.llm.client import LLMClient
from medcite.llm.errors import NOT_CONFIGURED, LLMNotConfiguredError
from medcite.llm.parse import parse_reply
from medcite.llm.prompt import answer_schema, build_messages
from medcite.llm.settings import LLMSettings
from medcite.records import DraftClaim, Passage

log = logging.getLogger(__name__)


def draft(
    question: str,
    question_type: str,
    concepts: Sequence[str],
    passages: Sequence[Passage],
    settings: LLMSettings,
    *,
    client: LLMClient | None = None,
) -> tuple[tuple[DraftClaim, ...], float, str]:
    """(draft claims, the model's seconds, the model's name) for ``question``.

    ``client`` is reused when given (it remembers which structured-output mode the server
    accepts); otherwise one is opened and closed for this call. Raises
    :class:`~medcite.llm.errors.LLMNotConfiguredError` without an endpoint and model,
    :class:`~medcite.llm.errors.LLMError` subclasses when the endpoint fails, and
    :class:`~medcite.llm.parse.ReplyUnreadableError` (an ``LLMReplyError``) when the reply
    cannot be read. No passages: no request, no claims.
    """
    if not settings.configured:
        raise LLMNotConfiguredError(NOT_CONFIGURED)
    model = settings.model or ""
    if not passages:
        log.info("no passages for the model; synthesis skipped")
        return (), 0.0, model
    messages = build_messages(question, question_type, concepts, passages)
    schema = answer_schema([p.number for p in passages])
    own = client is None
    active = client or LLMClient(settings)
    try:
        reply = active.chat(messages, schema=schema)
    finally:
        if own:
            active.close()
    claims = parse_reply(reply.content, reply.finish_reason)
    log.info(
        "%s drafted %d claims from %d passages in %.1fs (%s)",
        reply.model,
        len(claims),
        len(passages),
        reply.seconds,
        reply.response_format,
    )
    return claims, reply.seconds, reply.model
