"""The errors of the language-model endpoint: one-line messages, never the API key.

All are :class:`~medcite.errors.SourceError` (exit code 4) except a missing configuration,
which is the user's input to fix (exit code 2).
"""

from __future__ import annotations

from medcite.errors import InputError, SourceError

NOT_CONFIGURED = "no language model is configured: set MEDCITE_LLM_BASE_URL and MEDCITE_LLM_MODEL"


class LLMNotConfiguredError(InputError):
    """No endpoint or no model is configured."""


class LLMError(SourceError):
    """The language-model endpoint failed; the extractive answer is still available."""


class LLMUnavailableError(LLMError):
    """The endpoint could not be reached, timed out or kept failing (5xx)."""

    def __init__(self, message: str, status: int | None = None) -> None:
        super().__init__(message)
        self.status = status
        """The 5xx status it kept answering (None: never reached, or timed out)."""


class LLMRateLimitedError(LLMError):
    """The endpoint kept answering 429 Too Many Requests."""


class LLMAuthError(LLMError):
    """The endpoint refused the API key (401/403)."""


class LLMRequestError(LLMError):
    """The endpoint refused the request (another 4xx: unknown model, prompt too long ...)."""

    def __init__(self, message: str, status: int | None = None) -> None:
        super().__init__(message)
        self.status = status


class LLMReplyError(LLMError):
    """The reply could not be read: not the API's JSON, or the model's text is neither the JSON
    asked for nor cited sentences. Callers show "the model's reply could not be read"."""
