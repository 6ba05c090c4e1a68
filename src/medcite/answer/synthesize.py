"""The optional synthesis stage: a language model rewrites the answer as prose, every claim checked.

After the extractive answer is composed and verified, :class:`Synthesizer` gives the model the
answer's references as numbered passages (the same numbers, guideline-level first, each the exact
text of its document), asks for the seed answer's shape (:mod:`medcite.llm.synthesis`), and checks
every sentence against the passages it cites (:mod:`medcite.answer.claims`). The result is
attached to the answer as :class:`~medcite.records.Synthesis`; renderers show it when enough of it
holds and the extractive answer otherwise, saying why.

Never asked: a question medcite refused (out of scope) or abstained on; red-flag banners come from
medcite. A failing endpoint (time-out, 429, unreadable reply) never fails the answer: the synthesis
is marked not shown with the reason.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from medcite.answer.claims import ClaimJudge, synthesis_from
from medcite.errors import SourceError
from medcite.llm.settings import ClaimSettings
from medcite.records import Answer, Document, EvidenceLevel, Passage, Synthesis
from medcite.text import split_sentences

if TYPE_CHECKING:
    from medcite.llm.client import LLMClient
    from medcite.llm.settings import LLMSettings
    from medcite.semantic.model import TextEmbedder

log = logging.getLogger(__name__)

PASSAGE_CHARS = 1500
"""Each passage is its document's text cut at the last sentence end before this many characters:
enough for an abstract's findings, small enough for 12 passages in a small model's context."""


def passages_of(answer: Answer, retrieved: Mapping[str, Document]) -> list[Passage]:
    """The answer's references as numbered passages, guideline-level first (same numbers)."""
    passages = []
    for ref in answer.references:
        doc = retrieved.get(ref.document_id)
        if doc is None:
            continue
        text = _cut(doc.abstract, PASSAGE_CHARS)
        if not text:
            continue
        passages.append(
            Passage(
                number=ref.number,
                document_id=ref.document_id,
                label=ref.kind or ref.level.value,
                guideline=ref.level is EvidenceLevel.GUIDELINE,
                title=doc.title,
                text=text,
            )
        )
    return sorted(passages, key=lambda p: (not p.guideline, p.number))


def _cut(text: str, limit: int) -> str:
    """``text`` up to the last whole sentence within ``limit`` characters (at least one)."""
    if len(text) <= limit:
        return text
    kept = ""
    for sentence in split_sentences(text):
        end = text.find(sentence, len(kept)) + len(sentence)
        if end > limit and kept:
            break
        kept = text[:end]
    return kept


class Synthesizer:
    """Drafts with the configured model and verifies every claim (one client per engine, so the
    endpoint's structured-output mode is learnt once)."""

    def __init__(
        self,
        settings: LLMSettings,
        embedder: TextEmbedder | None = None,
        claims: ClaimSettings | None = None,
    ) -> None:
        self.settings = settings
        self._embedder = embedder
        self._claims = claims or settings.claims
        self._client: LLMClient | None = None

    def __call__(self, answer: Answer, retrieved: Mapping[str, Document]) -> Synthesis:
        from medcite.llm.synthesis import draft

        passages = passages_of(answer, retrieved)
        model = self.settings.model or "(no model)"
        if not passages:
            return _not_shown(model, "no source text to write from")
        try:
            drafts, seconds, model = draft(
                answer.question,
                answer.query.question_type.value,
                _concepts(answer),
                passages,
                self.settings,
                client=self._open(),
            )
        except SourceError as exc:
            log.warning("synthesis unavailable: %s", exc)
            return _not_shown(model, f"synthesis unavailable: {exc}")
        return synthesis_from(
            model,
            drafts,
            passages,
            seconds,
            embedder=self._embedder,
            judge=self._judge(),
            settings=self._claims,
        )

    def _judge(self) -> ClaimJudge | None:
        from medcite.llm.judge import ModelJudge

        return ModelJudge(self._open()) if self.settings.judge else None

    def _open(self) -> LLMClient:
        from medcite.llm.client import LLMClient

        if self._client is None:
            self._client = LLMClient(self.settings)
        return self._client

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None


def _concepts(answer: Answer) -> Sequence[str]:
    return [c.name for c in answer.query.primary_topics]


def _not_shown(model: str, reason: str) -> Synthesis:
    return Synthesis(model=model, shown=False, fallback_reason=reason)
