"""Citation integrity over real consumer questions: every number resolves to a retrieved
document, every bullet is a sentence of the documents it cites (benchmarks/citations.py runs the
same check over all 300 questions of the target)."""

from __future__ import annotations

import json
import random

import pytest

from conftest import CORPORA
from medcite import Engine
from medcite.answer import verify
from medcite.render import markdown

QUESTIONS = CORPORA / "medicationqa" / "medicationqa.jsonl"
COUNT = 40
pytestmark = pytest.mark.corpora(QUESTIONS)


def _questions() -> list[str]:
    if not QUESTIONS.is_file():
        return ["(the questions are read from the shared corpora)"]  # the tests skip
    with QUESTIONS.open(encoding="utf-8") as lines:
        questions = [json.loads(line)["Question"] for line in lines if line.strip()]
    return random.Random(7).sample(questions, COUNT)


@pytest.mark.parametrize("question", _questions())
def test_every_citation_resolves_and_every_bullet_is_supported(
    sample_engine: Engine, question: str
) -> None:
    answer = sample_engine.ask(question)
    if answer.abstained and not answer.searched:
        return  # refused as out of scope: nothing cited
    hits, _searched, _note = sample_engine.retrieve(answer.query)
    retrieved = {h.document.id: h.document for h in hits}
    assert verify.problems(answer, retrieved) == []
    numbers = {c.number for b in verify.all_bullets(answer) for c in b.citations}
    assert numbers == {r.number for r in answer.references}
    rendered = markdown.render(answer)
    for ref in answer.references:
        assert f"\n{ref.number}. " in rendered
