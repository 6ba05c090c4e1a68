"""Who a question is about, as people write it: a group a warning may be about (pregnancy,
children, older adults, kidney or liver disease) and a baby or young child as the patient.
Read by the understanding of a question and by the choice of its answer's sentences."""

from __future__ import annotations

import re

BABY_PRODUCT = (
    r"(?!\s+(?:aspirins?|asprin|oil|powder|shampoo|wipes?|lotion|monitor|carrots?|spinach)\b)"
)
"""After "baby": a product so named ("baby aspirin", a low dose taken by adults; "baby oil"),
which names no child."""
GROUPS: dict[str, re.Pattern[str]] = {
    "pregnancy": re.compile(
        r"\b(pregnan\w*|breast-?feed\w*|nursing mothers?|lactat\w*|trimester\w*)\b", re.I
    ),
    "children": re.compile(
        rf"\b(child\w*|kids?|bab(y|ies){BABY_PRODUCT}|infants?|toddlers?|teen\w*|adolescen\w*|"
        r"pediatric|"
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
    rf"\b(?:bab(?:y|ies|ys|y's){BABY_PRODUCT}|infants?|newborns?|toddlers?|preschooler|"
    r"\d{1,2}[- ]?(?:months?|mos?|weeks?|wks?|days?)[- ]?old|(?:[1-5]|one|two|three|four|five)"
    r"[- ]?(?:years?|yrs?)[- ]?old|[1-5][- ]?y/?o)\b",
    re.I,
)
"""A question about a baby or a child of five or younger."""


NUMBER_WORDS = {
    w: n
    for n, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen".split()
    )
}
"""Numbers written as words, up to the last age of a child."""
_AGE_NUMBER = rf"(\d{{1,2}}|{'|'.join(NUMBER_WORDS)})"
_AGE_TOLD = (
    (re.compile(rf"\b{_AGE_NUMBER}[- ]?(?:years?|yrs?)[- ]?old\b", re.I), 1.0),
    (re.compile(r"\b(\d{1,2})[- ]?y/?o\b", re.I), 1.0),
    (re.compile(rf"\b{_AGE_NUMBER}[- ]?(?:months?|mos?)[- ]?old\b", re.I), 1 / 12),
    (re.compile(rf"\b{_AGE_NUMBER}[- ]?(?:weeks?|wks?)[- ]?old\b", re.I), 1 / 52),
    (re.compile(rf"\b{_AGE_NUMBER}[- ]?days?[- ]?old\b", re.I), 1 / 365),
    (
        re.compile(
            r"\b(?:son|daughter|boy|girl|child|kid|grandson|granddaughter)\W{0,2}(?:\(|,\s*|"
            r"(?:is |who is )?aged? )(\d{1,2})\b(?!\s*(?:months?|weeks?|days?|%|kg|lbs?|mg))",
            re.I,
        ),
        1.0,
    ),
)
"""An age as people tell it, with its unit in years: "10 year old", "10yo", "18 months old",
"my daughter (6)", "my son, 9"."""


def child_age(question: str) -> float | None:
    """The age in years of the youngest person the question tells by age, or None."""
    ages = [
        (int(m.group(1)) if m.group(1).isdigit() else NUMBER_WORDS[m.group(1).lower()]) * unit
        for pattern, unit in _AGE_TOLD
        for m in pattern.finditer(question)
    ]
    return min(ages, default=None)


def child_patient(question: str) -> bool:
    """True for a question about a child of any age under 18 (a baby, a toddler, "my 10 year
    old", "my son (12)"), not about a pregnancy."""
    if young_patient(question):
        return True
    age = child_age(question)
    return age is not None and age < 18 and not GROUPS["pregnancy"].search(question)


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


NOT_PREGNANT_TOLD = re.compile(
    r"(?:\b(?:my|our|his|her|your) |^\W*)(?:son|sons|boy|boys|dad|father|grandpa|grandfather|"
    r"grandad|granddad|brother|nephew|uncle|stepson|stepdad)\b"
    r"|\b(?:i'?m|i am|as) a (?:man|guy|male|boy)\b|\b(?:1[89]|[2-9]\d)\s?m\b"
    r"|\b(?:[1-9])[- ]?(?:years?|yrs?)[- ]?old\b|\b[1-9][- ]?y/?o\b",
    re.I,
)
"""A patient who cannot be pregnant: a male relative ("my son", "dad"), a man ("I'm a guy",
"47m") or a child under ten. Not "my husband", "my partner": the reader who asks for them
may be pregnant."""


_A_BIRTH_TOLD = (
    r"\b(?:after|since) (?:having|giving birth to) (?:my|the|our) (?:\w+ )?(?:baby|son|daughter|"
    r"twins)\b"
)
"""A birth the asker tells as hers ("since having my baby")."""
_FEMALE_TOLD = re.compile(
    r"\b(?:i'?m|i am|as) an? (?:\d{1,2} ?(?:years?|yrs?)?[- ]?(?:old )?)?(?:woman|female|lady|"
    r"girl|mum|mom|mother)\b|\b(?:1[3-9]|[2-9]\d) ?f\b|(?<![\w'’])f ?(?:1[3-9]|[2-9]\d)\b|"
    rf"{_A_BIRTH_TOLD}|\bgave birth\b|\bpost-?partum\b|\bmy (?:last |first |next )?(?:periods?|"
    r"menstrual|menopause)\b|\blast period (?:was|is)\b|"
    r"\bi'?m (?:\d+ (?:weeks?|months?) )?pregnant\b",
    re.I,
)
"""The asker telling herself a woman: "I'm a 40 year old woman", "34F", "since having my
baby", "my periods", "I'm pregnant"."""
_MALE_TOLD = re.compile(
    r"\b(?:i'?m|i am|as) an? (?:\d{1,2} ?(?:years?|yrs?)?[- ]?(?:old )?)?(?:man|male|guy|boy|"
    r"dad|father)\b|\b(?:1[3-9]|[2-9]\d) ?m\b|(?<![\w'’])m ?(?:1[3-9]|[2-9]\d)\b|\bmy (?:prostate|"
    r"testicles?|testes|scrotum|beard)\b",
    re.I,
)
"""The asker telling himself a man: "I'm a 50 year old man", "47m", "my prostate"."""


_AFTER_A_BIRTH = re.compile(_A_BIRTH_TOLD, re.I)
_SOMEONE_ELSE = re.compile(
    r"\b(?:my|our) (?:\w+ )?(?:sons?|daughters?|child|children|kids?|babys?|babies|toddler|boy|"
    r"girl|husband|wife|partner|boyfriend|girlfriend|bf|gf|mum|mom|mother|dad|father|brother|"
    r"sister|friend|grand\w+|nephew|niece|aunt|uncle|patient|client)\b|\b(?:he|she|him)\b",
    re.I,
)
"""Someone else the question is about, or may be: then the asker's own sex is not the
patient's ("I'm a dad, my daughter has a rash")."""


def asker_sex(question: str) -> str | None:
    """ "female" or "male" when the asker tells their own sex (:data:`_FEMALE_TOLD`,
    :data:`_MALE_TOLD`), not both, and names no one else it may be about (:data:`_SOMEONE_ELSE`;
    a birth told is hers: "since having my baby"); None otherwise. A relative's sex is never
    read: "my dad had a heart attack at 50" may be asked by a daughter about her own risk."""
    if _SOMEONE_ELSE.search(_AFTER_A_BIRTH.sub(" ", question)):
        return None
    female, male = bool(_FEMALE_TOLD.search(question)), bool(_MALE_TOLD.search(question))
    if female == male:
        return None
    return "female" if female else "male"


_MAY_BE_PREGNANT = re.compile(
    r"\b(?:miscarr\w*|stillbirth|unborn|fetus|foetus|fetal|due date|expecting|conceiv\w*|ttc|ivf|"
    r"fertility|infertil\w*|start(?:ing)? a family|"
    r"(?:have|having|want) (?:a )?(?:baby|babies|kids|children)|get(?:ting)? pregnant|"
    r"trying for a baby|(?:1[4-9]|[2-5]\d)\s?f\b|i'?m (?:a )?(?:woman|female|girl|mom|mum|mother)|"
    r"i am (?:a )?(?:woman|female|girl|mom|mum|mother))\b",
    re.I,
)
"""A question in which a woman who may be pregnant, or a pregnancy lost or wished for, is told
("4 miscarriages", "I'm a woman planning to start a family", "41f")."""


_PREVENTED = re.compile(
    r"\b(?:contracept\w*|birth control|the pill|iud|condoms?|ipledge)\b",
    re.IGNORECASE,
)
"""Words of preventing a pregnancy."""


def pregnancy_context(question: str) -> bool:
    """True when the question speaks of a pregnancy, breastfeeding, one wished for or lost
    (:data:`_MAY_BE_PREGNANT`), or of preventing one ("why do I need contraception on
    accutane")."""
    return bool(
        pregnancy_named(question)
        or _MAY_BE_PREGNANT.search(question)
        or _PREVENTED.search(question)
    )


def pregnancy_excluded(question: str) -> bool:
    """True when the question's patient cannot be pregnant (:data:`NOT_PREGNANT_TOLD`, or a
    baby or young child) and it names no pregnancy: a statement about pregnancy ("A screening
    test during pregnancy can tell if you have it") is then no answer to the question, though
    the body may still warn a household ("pregnant women who have not had chickenpox")."""
    if GROUPS["pregnancy"].search(question) or _MAY_BE_PREGNANT.search(question):
        return False
    return bool(NOT_PREGNANT_TOLD.search(question) or YOUNG_PATIENT.search(question))


_BREASTFEEDING = re.compile(
    r"\b(?:breast-?fe\w*|breastfed|nursing (?:my |a |the |our |her )?(?:baby|babies|newborn|"
    r"son|daughter|infant)|pumping|express(?:ing)? (?:breast )?milk|lactat\w*|breast ?milk|"
    r"chestfeed\w*)\b",
    re.IGNORECASE,
)
_PREGNANT = re.compile(
    r"\b(?:pregnan\w*|trimester|weeks along|trying to conceive|ttc|expecting a baby)\b",
    re.IGNORECASE,
)
_NOT_PREGNANT = re.compile(
    r"\b(?:not|never|no longer|isn'?t|aren'?t|am not|i'?m not)\s+(?:\w+\s+){0,3}?"
    r"(?:pregnan\w*|trying to conceive|ttc)\b",
    re.IGNORECASE,
)


def pregnancy_named(question: str) -> bool:
    """True when the question speaks of a pregnancy or breastfeeding, other than to say there is
    none ("34F, not pregnant")."""
    return bool(GROUPS["pregnancy"].search(_NOT_PREGNANT.sub(" ", question)))


def breastfeeding_asker(question: str) -> bool:
    """True for a question told by someone breastfeeding ("nursing my baby", "pumping")."""
    return bool(_BREASTFEEDING.search(question))


_TOLD_PREGNANT = re.compile(
    r"\b(?:\d+|few|couple of)\s*(?:weeks?|wks?|months?)\s+(?:pregnant|along)\b"
    r"|\b(?:i'?m|i am|she'?s|she is|(?:wife|gf|girlfriend|partner|daughter|sister) is|now)\s+"
    r"(?:\w+\s+){0,2}?pregnant\b"
    r"|\b(?:when|while|whilst)\s+(?:i'?m\s+|you'?re\s+|your\s+|she'?s\s+)?pregnant\b"
    r"|^\s*pregnant\b|\bpregnant (?:wife|gf|girlfriend|partner)\b|\btrimester\b"
    r"|\b\d+\s*(?:weeks?|wks?)\b(?!\s+(?:ago|old|later|after|postpartum|pp)\b)",
    re.IGNORECASE,
)
"""Someone telling that she (or the woman asked about) is pregnant now: "at 7 weeks pregnant",
"now im pregnant", "when pregnant", "first trimester", a gestation in weeks ("during
pregnancy? wife is 24 wks"); not a question about pregnancy in general ("what happens to the
body in pregnancy"). Read only in a question naming a pregnancy (:func:`told_pregnant`)."""


def told_pregnant(question: str) -> bool:
    """True when the question tells of a pregnancy now (:data:`_TOLD_PREGNANT`), not one saying
    she is not pregnant."""
    told = _NOT_PREGNANT.sub(" ", question)
    return bool(_PREGNANT.search(told) and _TOLD_PREGNANT.search(told))


_GESTATION = re.compile(
    r"\bat \d{1,2}\s*(?:weeks?|wks?)\b(?!\s*(?:old|of age|postpartum|pp|after|post)\b)",
    re.IGNORECASE,
)
"""A gestation told without the word pregnant: "can I take nurofen at 30 weeks"."""


def gestation_told(question: str) -> bool:
    """True for a time in pregnancy told bare ("at 30 weeks", :data:`_GESTATION`) in a question
    about no baby or young child (whose age it would be: "my baby at 8 weeks")."""
    return bool(_GESTATION.search(question)) and not YOUNG_PATIENT.search(question)


def pregnant_asker(question: str) -> bool:
    """True for a question told by someone pregnant or trying to be ("at 20 weeks pregnant",
    "trying to conceive", "at 30 weeks"), not by one saying she is not ("not trying to get
    pregnant yet")."""
    told = _NOT_PREGNANT.sub(" ", question)
    return bool(_PREGNANT.search(told)) or gestation_told(told)
