"""Warnings against a medicine for people with kidney or liver disease, on broader pages."""

from __future__ import annotations

import pytest

from medcite import Engine
from medcite.answer import verify
from medcite.evidence.organ_warnings import warning, warning_pages
from medcite.query.understand import understand
from medcite.query.vocab import Vocabulary
from medcite.records import AbstractSection, Document, Source

NAMES = ("ibuprofen", "NSAIDs", "pain relievers")


@pytest.mark.parametrize(
    ("text", "warns"),
    [
        ("If your kidneys are weak, do not use NSAIDs.", True),
        ("Pain relievers can harm the kidneys of people with renal disease.", True),
        ("Ibuprofen should not be used by people with liver failure.", False),  # another organ
        ("NSAIDs help the pain of kidney stones.", False),  # no warning
        ("Do not skip your kidney check-ups.", False),  # no drug
    ],
)
def test_a_warning_names_the_drug_or_class_and_the_organ(text: str, warns: bool) -> None:
    assert warning(text, NAMES, "kidney") is warns


def _page(doc_id: str, text: str) -> Document:
    return Document(
        id=f"medquad:{doc_id}",
        source=Source.MEDQUAD,
        title=doc_id,
        focus="Kidney Disease",
        sections=(AbstractSection(text=text),),
    )


def test_only_pages_warning_against_the_drug_asked_with_a_kidney_disease_are_kept(
    handmade_vocabulary: Vocabulary,
) -> None:
    warns = _page("warns", "Kidneys filter the blood. If you have kidney disease, avoid NSAIDs.")
    other = _page("other", "Kidneys filter the blood. Eat less salt if you have kidney disease.")
    asked = understand("can I take ibuprofen with chronic kidney disease?", handmade_vocabulary)
    assert warning_pages(asked, [warns, other]) == frozenset({"medquad:warns"})
    # a drug asked without a kidney or liver disease keeps none
    alone = understand("can I take ibuprofen for a cough?", handmade_vocabulary)
    assert warning_pages(alone, [warns, other]) == frozenset()


def test_a_broader_kidney_page_warns_against_the_drug_asked_with_ckd(
    sample_engine: Engine,
) -> None:
    """Ibuprofen with stage 3 chronic kidney disease: NIH's warning against NSAIDs stands on
    its page on kidney disease in general, which is shown for that statement only."""
    answer = sample_engine.ask("can i take ibuprofen with stage 3 chronic kidney disease")
    assert answer.bottom_line is not None and answer.bottom_line.bullets
    bullets = list(verify.all_bullets(answer))
    assert any("nsaid" in b.text.lower() and "kidney" in b.text.lower() for b in bullets)
    for bullet in bullets:
        assert "nsaid" in bullet.text.lower() or "ibuprofen" in bullet.text.lower()
