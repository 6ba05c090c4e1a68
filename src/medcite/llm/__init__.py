"""Optional language-model synthesis over an OpenAI-compatible chat endpoint.

Light on import (``config`` mounts :class:`LLMSettings`): the client, prompt, parser and
:func:`medcite.llm.synthesis.draft` live in their own modules.
"""

from medcite.llm.settings import LLMSettings

__all__ = ["LLMSettings"]
