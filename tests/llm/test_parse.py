"""Reading the model's reply: JSON wherever it is, plain text with [n] markers, or an error."""

from __future__ import annotations

import json

import pytest

from medcite.llm.errors import LLMReplyError
from medcite.llm.parse import ReplyUnreadableError, citation_numbers, parse_reply
from medcite.records import DraftClaim

GOOD = {
    "bottom_line": [
        {"text": "High blood pressure is treated with lifestyle changes.", "citations": [1]}
    ],
    "guideline_prose": [
        {"text": "Guidelines advise less salt.", "citations": [1, 2]},
    ],
    "guideline_sections": [
        {
            "heading": "Treatment Options",
            "claims": [{"text": "Diuretics are used.", "citations": [2]}],
        }
    ],
    "research_sections": [
        {
            "heading": "Treatment Options",
            "claims": [
                {"text": "Amlodipine 5 mg daily lowered systolic pressure.", "citations": [3, 4]}
            ],
        }
    ],
}
EXPECTED = (
    DraftClaim(
        text="High blood pressure is treated with lifestyle changes.",
        citations=(1,),
        section="bottom_line",
    ),
    DraftClaim(text="Guidelines advise less salt.", citations=(1, 2), section="guideline_prose"),
    DraftClaim(text="Diuretics are used.", citations=(2,), section="guideline:Treatment Options"),
    DraftClaim(
        text="Amlodipine 5 mg daily lowered systolic pressure.",
        citations=(3, 4),
        section="research:Treatment Options",
    ),
)


def test_json_reply() -> None:
    assert parse_reply(json.dumps(GOOD)) == EXPECTED


def test_json_in_fences_after_prose() -> None:
    reply = (
        f"Sure! Here is the answer:\n\n```json\n{json.dumps(GOOD, indent=2)}\n```\nHope it helps."
    )
    assert parse_reply(reply) == EXPECTED


def test_json_embedded_in_prose_without_fences() -> None:
    reply = f"Answer follows. {json.dumps(GOOD)} That is all."
    assert parse_reply(reply) == EXPECTED


def test_think_blocks_are_ignored() -> None:
    reply = '<think>The user wants {"bottom_line": ...} maybe [7].</think>\n' + json.dumps(GOOD)
    assert parse_reply(reply) == EXPECTED


def test_lenient_json_markers_strings_and_multi_sentence_text() -> None:
    reply = {
        "bottomLine": "Salt raises blood pressure [1]. Exercise lowers it [2, 3].",
        "guideline_prose": [{"text": "Limit salt to 1,500 mg a day [2].", "citations": ["1"]}],
        "research_sections": {"Prognosis": [{"sentence": "Risk falls.", "refs": "[4-6]"}]},
    }
    assert parse_reply(json.dumps(reply)) == (
        DraftClaim(text="Salt raises blood pressure.", citations=(1,), section="bottom_line"),
        DraftClaim(text="Exercise lowers it.", citations=(2, 3), section="bottom_line"),
        DraftClaim(
            text="Limit salt to 1,500 mg a day.", citations=(2, 1), section="guideline_prose"
        ),
        DraftClaim(text="Risk falls.", citations=(4, 5, 6), section="research:Prognosis"),
    )


def test_a_section_without_heading_gets_a_default() -> None:
    reply = {"research_sections": [{"heading": "", "claims": [{"text": "X.", "citations": [1]}]}]}
    (claim,) = parse_reply(json.dumps(reply))
    assert claim.section == "research:Findings"


def test_empty_json_answer_is_no_claims() -> None:
    assert parse_reply('{"bottom_line": [], "research_sections": []}') == ()


PLAIN = """\
**Bottom line:** Facial twitches are usually harmless [1]. Stress can trigger them [1, 2].

## From the Guidelines
Benign fasciculation is the most common cause [1].

### Causes
- Hemifacial spasm results from compression of the facial nerve. [2]
- Low magnesium can cause twitching [1][3].

From the Research

Treatment Options:
1. Botulinum toxin injections are used for blepharospasm [2-4].
The passages do not cover children.
"""


def test_plain_text_with_markers_and_headings() -> None:
    assert parse_reply(PLAIN) == (
        DraftClaim(
            text="Facial twitches are usually harmless.", citations=(1,), section="bottom_line"
        ),
        DraftClaim(text="Stress can trigger them.", citations=(1, 2), section="bottom_line"),
        DraftClaim(
            text="Benign fasciculation is the most common cause.",
            citations=(1,),
            section="guideline_prose",
        ),
        DraftClaim(
            text="Hemifacial spasm results from compression of the facial nerve.",
            citations=(2,),
            section="guideline:Causes",
        ),
        DraftClaim(
            text="Low magnesium can cause twitching.", citations=(1, 3), section="guideline:Causes"
        ),
        DraftClaim(
            text="Botulinum toxin injections are used for blepharospasm.",
            citations=(2, 3, 4),
            section="research:Treatment Options",
        ),
        DraftClaim(
            text="The passages do not cover children.",
            citations=(),
            section="research:Treatment Options",
        ),
    )


def test_plain_text_without_headings_is_the_bottom_line() -> None:
    claims = parse_reply("Migraine is common [1]. Triptans help [2].")
    assert [c.section for c in claims] == ["bottom_line", "bottom_line"]
    assert [c.citations for c in claims] == [(1,), (2,)]


def test_decimals_and_abbreviations_do_not_split_sentences() -> None:
    (claim,) = parse_reply("Doses of 2.5 mg, e.g. in adults, were used [3].")
    assert claim.text == "Doses of 2.5 mg, e.g. in adults, were used."


@pytest.mark.parametrize(
    "reply",
    [
        '{"bottom_line": [{"text": "Salt raises blood pressure", "citations": [1]',
        '```json\n{"bottom_line": [{"text": "x", "citations": [1]}],}\n```',
        'Here: {"bottom_line": [{"text": "x" "citations": [1]}]}',
    ],
)
def test_malformed_json_is_unreadable(reply: str) -> None:
    with pytest.raises(ReplyUnreadableError, match="could not be read: malformed JSON"):
        parse_reply(reply)


def test_a_cut_off_reply_says_so() -> None:
    with pytest.raises(ReplyUnreadableError, match="max_tokens"):
        parse_reply('{"bottom_line": [{"text": "Salt', finish_reason="length")


@pytest.mark.parametrize("reply", ["", "   ", "<think>hmm</think>", "I cannot help with that."])
def test_no_json_and_no_markers_is_unreadable(reply: str) -> None:
    with pytest.raises(LLMReplyError, match="the model's reply could not be read"):
        parse_reply(reply)


@pytest.mark.parametrize(
    ("value", "numbers"),
    [
        ([1, 2, 2], (1, 2)),
        (3, (3,)),
        ("[1, 2]", (1, 2)),
        ("2-4", (2, 3, 4)),
        ("2–3", (2, 3)),
        (["1", 5, None], (1, 5)),
        (True, ()),
        (None, ()),
        ([0, -1, 2], (2,)),
        ("1-999", (1, 999)),
    ],
)
def test_citation_numbers(value: object, numbers: tuple[int, ...]) -> None:
    assert citation_numbers(value) == numbers
