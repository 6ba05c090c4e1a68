"""Red flags: emergencies raise a banner; negated mentions do not."""

from __future__ import annotations

import pytest

from medcite.answer.safety import banner, detect_red_flags


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("Sudden weakness on one side of my face and slurred speech, what is happening?", "stroke"),
        ("my dad's face is drooping and he can't lift his arm", "stroke"),
        ("I have crushing chest pain spreading to my left arm", "chest pain"),
        ("I can't breathe after a bee sting and my throat is closing", "breathing difficulty"),
        ("my lips are swollen after eating peanuts", "anaphylaxis"),
        ("I keep thinking I want to die", "suicidal thoughts"),
        ("I've been vomiting blood since this morning", "severe bleeding"),
        ("my 6 week old baby has a fever of 38.5", "fever in an infant"),
        ("my toddler swallowed bleach", "overdose or poisoning"),
        ("worst headache of my life, came on suddenly", "sudden severe headache"),
        ("It hurts in my chest, and I can hardly talk", "chest pain"),
        ("what happens if your child ate a tylenol tablet", "overdose or poisoning"),
        ("redness and swelling in her thigh after starting the pill", "possible blood clot"),
    ],
)
def test_red_flags(question: str, kind: str) -> None:
    assert kind in {f.kind for f in detect_red_flags(question)}


@pytest.mark.parametrize(
    "question",
    [
        "I have a cough but no chest pain",
        "mild rash without any trouble breathing",
        "patient denies chest pain, what else could cause sweating?",
        "What causes facial twitches?",
        "How is high blood pressure treated?",
        "Does ibuprofen interact with warfarin?",
        "how is a heart attack treated",
        "What are the warning signs of a stroke?",
    ],
)
def test_no_red_flag(question: str) -> None:
    assert detect_red_flags(question) == ()


def test_banner_starts_by_telling_to_seek_care() -> None:
    flags = detect_red_flags("chest pain and shortness of breath")
    text = banner(flags)
    assert text is not None and text.startswith("Seek care now.")
    assert {f.kind for f in flags} == {"chest pain", "breathing difficulty"}
    assert banner(()) is None
