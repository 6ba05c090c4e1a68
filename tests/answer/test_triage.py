"""The statistical triage catch-all (``answer.triage``): its features, its model file, and how
``detect_red_flags`` uses it only when no rule fired. Models here are handmade and tiny."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

from medcite.answer import safety, triage
from medcite.answer.triage import (
    EMERGENCY_ADVICE,
    SAME_DAY_ADVICE,
    TRIAGE_KIND,
    from_json,
    grams,
    load_model,
    tokens,
    triage_flag,
)
from medcite.errors import InputError

ROOT = Path(__file__).resolve().parents[2]


def handmade(threshold: float = 0.5, emergency_threshold: float = 0.5) -> triage.TriageModel:
    """Urgency carried by "zorbling" and "grelt"; "grelt" alone makes it an emergency."""
    return from_json(
        {
            "format": triage.FORMAT,
            "grams": ["zorbling", "grelt", "mild", "zorbling grelt"],
            "idf": [1.0, 1.0, 1.0, 1.0],
            "heads": {
                "urgent": {
                    "coef": [6.0, 6.0, -8.0, 1.0],
                    "intercept": -1.0,
                    "threshold": threshold,
                },
                "emergency": {
                    "coef": [-4.0, 6.0, -8.0, 0.0],
                    "intercept": -1.0,
                    "threshold": emergency_threshold,
                },
            },
        }
    )


def test_tokens_keep_contractions_and_numbers_and_drop_punctuation():
    assert tokens("I’ve a 40C fever!") == ["i've", "a", "40c", "fever"]


def test_words_after_a_negation_are_marked_until_the_clause_ends():
    assert tokens("no rash, but a fever") == ["no", "not_rash", "a", "fever"]
    assert tokens("he can't stand up. now dizzy") == [
        "he",
        "can't",
        "not_stand",
        "not_up",
        "now",
        "dizzy",
    ]


def test_grams_count_words_and_neighbouring_pairs():
    counts = grams("sore leg sore leg")
    assert counts["sore"] == 2
    assert counts["sore leg"] == 2
    assert counts["leg sore"] == 1


def test_urgent_wording_raises_a_same_day_card_naming_the_words_that_weighed():
    flag = triage_flag("the zorbling will not settle", handmade())
    assert flag is not None
    assert flag.kind == TRIAGE_KIND
    assert flag.urgency == "same-day"
    assert flag.advice == SAME_DAY_ADVICE
    assert flag.matched == "zorbling"


def test_emergency_head_turns_the_card_into_an_emergency_one():
    flag = triage_flag("grelt since this morning", handmade())
    assert flag is not None
    assert flag.urgency == "emergency"
    assert "emergency" in flag.advice
    assert flag.advice == EMERGENCY_ADVICE


def test_calm_wording_and_unknown_words_raise_nothing():
    assert triage_flag("a mild zorbling", handmade()) is None
    assert triage_flag("nothing this model has seen", handmade()) is None
    assert triage_flag("", handmade()) is None


def test_threshold_decides():
    assert triage_flag("the zorbling will not settle", handmade(threshold=0.999)) is None


def test_a_model_file_of_another_format_is_refused_with_what_to_do(tmp_path):
    path = tmp_path / "model.json"
    path.write_text(json.dumps({**handmade().to_json(), "format": 99}))
    with pytest.raises(InputError, match="retrain it with"):
        load_model(path)


def test_a_damaged_model_file_is_refused(tmp_path):
    data = handmade().to_json()
    data["heads"]["urgent"]["coef"] = data["heads"]["urgent"]["coef"][:2]
    path = tmp_path / "model.json"
    path.write_text(json.dumps(data))
    with pytest.raises(InputError, match="damaged"):
        load_model(path)
    path.write_text("{not json")
    with pytest.raises(InputError, match="cannot read the triage model"):
        load_model(path)


def test_json_round_trip_keeps_the_decisions():
    model = handmade()
    again = from_json(json.loads(json.dumps(model.to_json())))
    for text in ("zorbling", "grelt", "mild zorbling", "zorbling grelt"):
        assert model.score(text) == again.score(text)


def test_the_shipped_model_loads_and_is_whole():
    model = load_model()
    assert len(model.index) == len(model.idf) == len(model.urgent.coef)
    assert 0 < model.urgent.threshold < 1
    assert 0 < model.emergency.threshold < 1


def test_detect_red_flags_falls_back_to_the_model_only_when_no_rule_fires(monkeypatch):
    monkeypatch.setattr(triage, "shipped_model", handmade)
    assert [f.kind for f in safety.detect_red_flags("the zorbling has not settled")] == [
        TRIAGE_KIND
    ]
    ruled = safety.detect_red_flags("he cannot breathe and the zorbling has not settled")
    assert TRIAGE_KIND not in {f.kind for f in ruled}
    assert ruled


def test_the_check_leaves_long_known_complaints_and_general_questions_to_the_rules(monkeypatch):
    monkeypatch.setattr(triage, "shipped_model", handmade)
    assert safety.detect_red_flags("my zorbling has not settled")
    assert not safety.detect_red_flags("my zorbling has not settled for the last two years")
    assert not safety.detect_red_flags("my zorbling was already checked, has not settled")
    assert not safety.detect_red_flags("my zorbling has not settled lately")
    assert not safety.detect_red_flags("my zorbling comes and goes")
    assert not safety.detect_red_flags("my zorbling 2-3 times a week")
    assert not safety.detect_red_flags("my zorbling and a sore heel, related?")
    assert not safety.detect_red_flags("my zorbling has not settled but it wore off by bedtime")
    assert not safety.detect_red_flags("what causes zorbling in older people?")


def test_the_check_leaves_expected_reactions_to_the_rules(monkeypatch):
    """The day after a vaccine, or after puffs of a reliever inhaler, the complaint is the
    known reaction; hours of a baby's crying after a vaccine are still read."""
    monkeypatch.setattr(triage, "shipped_model", handmade)
    assert not safety.detect_red_flags("had my tetanus jab yesterday. Zorbling has not settled")
    assert not safety.detect_red_flags("two puffs of my blue inhaler, now shaky. Zorbling")
    assert safety.detect_red_flags("zorbling has not settled and I am shaky")
    assert safety.detect_red_flags(
        "jabs this morning. Cried nonstop for 5 hours, zorbling has not settled"
    )


def test_idioms_are_blanked_before_the_check_reads_the_message(monkeypatch):
    idiom = triage.from_json(
        {**handmade().to_json(), "grams": ["killing", "grelt", "mild", "zorbling grelt"]}
    )
    monkeypatch.setattr(triage, "shipped_model", lambda: idiom)
    assert safety.detect_red_flags("my knee is killing")
    assert not safety.detect_red_flags("my knee is killing me")


def _trainer():
    pytest.importorskip("sklearn")
    spec = importlib.util.spec_from_file_location("train_triage", ROOT / "scripts/train_triage.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["train_triage"] = module
    spec.loader.exec_module(module)
    return module


def test_training_learns_handmade_urgent_wording_and_writes_a_loadable_model(tmp_path):
    trainer = _trainer()
    rows = []
    for i in range(30):
        rows.append(
            {"id": f"e{i}", "message": f"blorp and quaggy now case {i}", "urgency": "emergency"}
        )
        rows.append(
            {"id": f"s{i}", "message": f"quaggy since today case {i}", "urgency": "same-day"}
        )
        rows.append(
            {"id": f"r{i}", "message": f"tidy and fine usual case {i}", "urgency": "routine"}
        )
    messages = tmp_path / "messages.jsonl"
    messages.write_text("\n".join(json.dumps(r) for r in rows))
    out = tmp_path / "model.json"
    assert trainer.main(["--messages", str(messages), "--out", str(out)]) == 0
    model = load_model(out)
    assert triage_flag("blorp and quaggy now", model).urgency == "emergency"
    assert triage_flag("quaggy since today", model).urgency == "same-day"
    assert triage_flag("tidy and fine usual", model) is None
    assert trainer.main(["--messages", str(messages), "--out", str(out), "--check"]) == 0


def test_training_refuses_a_row_without_a_known_urgency(tmp_path):
    trainer = _trainer()
    messages = tmp_path / "messages.jsonl"
    messages.write_text(json.dumps({"id": "a", "message": "x", "urgency": "soon"}))
    with pytest.raises(SystemExit, match="one of"):
        trainer.main(["--messages", str(messages), "--out", str(tmp_path / "m.json")])


HARD_NEGATIVES = (
    "had my flu jab yesterday and my arm is a bit sore",
    "my nose bleeds now and then when the heating is on, stops in a minute",
    "is it ok to take ibuprofen with my blood pressure tablets",
    "my son grazed both knees falling off his scooter, cleaned them up",
    "mild headache after too much screen time, gone after a nap",
    "what are the side effects of amlodipine",
    "my period is three days late and I've been stressed",
    "sore throat for two days, eating and drinking fine, no fever",
    "my dad's blood sugar was 7.1 this morning, is that ok",
    "I've had a dry cough since my cold two weeks ago, getting better",
    "toddler has a runny nose and is teething, otherwise her usual self",
    "my mum fainted once at a wedding years ago, should she tell the dvla",
    "stubbed my toe on the bed, it's bruised but I can walk fine",
    "my baby spits up a little after feeds but is gaining weight",
    "chest feels tight after a long run in the cold, goes within minutes, I have mild asthma",
    "bit my tongue eating, it bled a bit and now has a small ulcer",
    "back aches after gardening all weekend",
)
"""Everyday messages that share words with emergencies (handmade)."""


def test_the_shipped_check_stays_quiet_on_everyday_messages_that_sound_alarming():
    flagged = [q for q in HARD_NEGATIVES if safety.detect_red_flags(q)]
    assert len(flagged) <= 1, flagged


@pytest.mark.parametrize(
    "question",
    [
        "my husband is grey, sweaty and says there's an elephant sitting on him",
        "she's mumbling nonsense and her arm has gone floppy",
    ],
)
def test_the_shipped_check_catches_urgent_wording_no_rule_names(question):
    flags = safety.detect_red_flags(question)
    assert [f.kind for f in flags] == [TRIAGE_KIND]
    assert flags[0].matched


def test_the_emergency_head_keeps_its_own_false_alarm_bound():
    """A looser bound for the urgent head (a same-day card) leaves the emergency head (a call
    now) at its own, stricter one."""
    trainer = _trainer()
    rows = [
        {"id": f"{u}{i}", "message": f"{words} case {i}", "urgency": urgency}
        for i in range(30)
        for u, words, urgency in (
            ("e", "blorp and quaggy now", "emergency"),
            ("s", "quaggy since today", "same-day"),
            ("r", "tidy and quaggy usual", "routine"),
        )
    ]
    _, report = trainer.train(rows, 8.0, 0.9, 0.0)
    assert report["urgent"]["threshold"] == 0.05
    assert report["emergency"]["cv_false_alarms"] == 0.0
    assert report["emergency"]["threshold"] > report["urgent"]["threshold"]


def test_the_check_leaves_a_look_alike_told_with_its_explanation(monkeypatch):
    """A black stool after bismuth, red urine after beetroot, a night terror not remembered:
    the check does not weigh their alarming words; the rules still read the message."""
    monkeypatch.setattr(triage, "shipped_model", handmade)
    assert safety.detect_red_flags("zorbling has not settled and my stool is black")
    assert not safety.detect_red_flags("took bismuth for my tummy, stool black, zorbling")
    assert not safety.detect_red_flags("ate beetroot last night and my wee is pink, zorbling")
    assert not safety.detect_red_flags(
        "she woke up screaming, zorbling, and the next day remembers nothing"
    )


def test_a_blanked_idiom_leaves_no_urgency_the_whole_message_lacks(monkeypatch):
    """The check reads a message without the uses the rules know ("fall asleep"); what is
    left must not weigh as urgent when the whole message, idiom and all, does not."""
    model = from_json(
        {
            "format": triage.FORMAT,
            "grams": ["zorbling", "asleep"],
            "idf": [1.0, 1.0],
            "heads": {
                name: {"coef": [6.0, -8.0], "intercept": -1.0, "threshold": 0.5}
                for name in ("urgent", "emergency")
            },
        }
    )
    monkeypatch.setattr(triage, "shipped_model", lambda: model)
    assert not safety.detect_red_flags("my zorbling starts when i fall asleep")
    assert [f.kind for f in safety.detect_red_flags("my zorbling starts when i sit")] == [
        TRIAGE_KIND
    ]
