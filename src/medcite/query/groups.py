"""Who a question is about, as people write it: a group a warning may be about (pregnancy,
children, older adults, kidney or liver disease) and a baby or young child as the patient.
Read by the understanding of a question and by the choice of its answer's sentences."""

from __future__ import annotations

import re

GROUPS: dict[str, re.Pattern[str]] = {
    "pregnancy": re.compile(
        r"\b(pregnan\w*|breast-?feed\w*|nursing mothers?|lactat\w*|trimester\w*)\b", re.I
    ),
    "children": re.compile(
        r"\b(child\w*|kids?|bab(y|ies)|infants?|toddlers?|teen\w*|adolescen\w*|pediatric|"
        r"(1[0-7]|[0-9]|one|two|three|four|five|six|seven|eight|nine|ten)"
        r"([- ]?(years?|yrs?)[- ]?old|[- ]?y/?o)|"
        r"\d+[- ]?(months?|mos?|weeks?|wks?|days?)[- ]?old)\b",
        re.I,
    ),
    "older adults": re.compile(r"\b(elderly|older (adults?|people|patients)|seniors?)\b", re.I),
    "kidney disease": re.compile(r"\b(kidney|renal)\b", re.I),
    "liver disease": re.compile(r"\b(liver|hepatic)\b", re.I),
}
"""Groups a warning may be about, as the question and the evidence name them."""


YOUNG_PATIENT = re.compile(
    r"\b(?:bab(?:y|ies|ys|y's)|infants?|newborns?|toddlers?|preschooler|"
    r"\d{1,2}[- ]?(?:months?|mos?|weeks?|wks?|days?)[- ]?old|(?:[1-5]|one|two|three|four|five)"
    r"[- ]?(?:years?|yrs?)[- ]?old|[1-5][- ]?y/?o)\b",
    re.I,
)
"""A question about a baby or a child of five or younger."""


def young_patient(question: str) -> bool:
    """True for a question about a baby or a young child, not about a pregnancy (where "the
    baby" is unborn and the reader is the patient)."""
    return bool(YOUNG_PATIENT.search(question)) and not GROUPS["pregnancy"].search(question)


INFANT_TOLD = re.compile(
    r"\b(?:bab(?:y|ies|ys|y's)(?! (?:aspirin|oil|powder|teeth|tooth|wipes?|shampoo|lotion|"
    r"boomers?|monitor|carrots?|spinach|steps?|bump))|infants?|newborns?|neonates?|"
    r"\d{1,2}[- ]?(?:weeks?|wks?|days?)[- ]?old|(?:[1-9]|1[0-2])[- ]?(?:months?|mos?)[- ]?old)\b",
    re.I,
)
"""A baby as the patient: "my baby", "newborn", "6 weeks old", "a 4 month old" (not baby
aspirin or baby oil)."""


def infant_patient(question: str) -> bool:
    """True for a question about a baby, not about a pregnancy (where "the baby" is unborn)."""
    return bool(INFANT_TOLD.search(question)) and not GROUPS["pregnancy"].search(question)


ADULT_TOLD = re.compile(
    r"\b(?:(?:1[89]|[2-9]\d)\s?(?:m|f|yo|y/o|yrs?|years?(?: old)?)\b|"
    r"(?:i'?m|i am|aged?) (?:1[89]|[2-9]\d)\b|"
    r"my (?:husband|wife|partner|mum|mom|mother|dad|father|boyfriend|girlfriend|grandmother|"
    r"grandfather|nan|gran|grandma|grandpa|grandad)\b)",
    re.I,
)
"""An adult told as the patient: an age of 18 or more ("47m", "I'm 52", "aged 60") or an adult
relative ("my husband")."""


def adult_patient(question: str) -> bool:
    """True for a question that tells of an adult patient and names no child."""
    return bool(ADULT_TOLD.search(question)) and not GROUPS["children"].search(question)
