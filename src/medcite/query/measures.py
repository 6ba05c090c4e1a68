"""A measure told high or low names its disorder.

The lay table names a disorder by a measure and its direction: "high blood pressure" is
hypertension, "low potassium" hypokalemia, "fast heart rate" tachycardia. Patients tell the
direction in other words — "how can I lower my blood pressure", "my cholesterol came back too
high", "bp 152/96", "a drop in blood sugar", "his platelets are low" — and the measure alone
("blood pressure", a physiological phenomenon) is not the disorder whose pages answer them. A
measure whose direction is told in the same sentence is read as the lay term of that direction,
when the lay table has one ("lower my cholesterol" → "lower my high cholesterol").

How a direction is told, in this order:

- an adjective right before the measure ("elevated cholesterol", "low bp");
- for blood pressure, a reading ("148/92", "150 over 95"): 140/90 or more is high, a top number
  under 90 low; for other measures a value told right after it outside its usual adult range
  ("potassium was 5.9", "resting heart rate is 110"), the unit told by the value's size;
- a verb that moves the measure ("lower", "reduce", "control", "bring … down" ask about a high
  one, as does "does coffee raise blood pressure"; "how can I raise", "ways to boost" ask about
  a low one), or a noun ("a drop in" low, "a spike in" high);
- the state told after it ("is high", "levels came back low", "has been running 9 … too high").

A measure that is also something people eat (potassium, sodium, calcium, vitamins) is read only
as a level ("my potassium is low", "low sodium level"): "reduce sodium" is a diet, not
hypernatremia.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from medcite.query.drugs import known_medicine
from medcite.query.vocab import lay_terms
from medcite.records import QueryConcept, only_under
from medcite.text import normalise

HIGH_WORDS = ("high", "fast", "raised", "elevated")
LOW_WORDS = ("low", "slow")


@dataclass(frozen=True, slots=True)
class Measure:
    """A measure of the lay table ("blood pressure") and how questions write it."""

    name: str
    said: str
    intake: bool = False
    """Also a nutrient: told high or low only as one's level, never by a verb."""
    raised_when_low: bool = False
    """Raising it on purpose treats its low ("how can I raise my blood pressure"); a heart rate
    raised by exercise is no bradycardia."""
    normal: tuple[Band, ...] = ()
    """Its usual adult range in each unit a patient gives it in, smallest unit scale first."""


@dataclass(frozen=True, slots=True)
class Band:
    """A normal range, for values up to ``upto`` (which tells the unit: a total cholesterol of
    6.2 is mmol/L, of 240 mg/dL); None where no lay term names that side."""

    upto: float
    low: float | None
    high: float | None


MEASURES = (
    Measure("blood pressure", r"blood[- ]pressures?|bp", raised_when_low=True),
    Measure(
        "blood cholesterol",
        # with the misspellings people type ("cholestrol", "colesterol")
        r"(?:ldl |total |bad |blood )?(?:cholesterol|cholestrol|cholesteral|colesterol|"
        r"cholestoral)|ldl",
        normal=(Band(20, None, 5.2), Band(1000, None, 200)),
    ),
    Measure(
        "blood sugar",
        r"blood (?:sugars?|glucose)|(?:(?<=my )|(?<=his )|(?<=her )|(?<=their )|(?<=your ))"
        r"(?:sugars?|glucose)"
        r"|(?:sugar|glucose)(?= (?:levels?|readings?|numbers?)\b)"
        # a bare reading: "sugar 3.1 at 3am", "glucose was 19" (not "sugar 20g a day")
        r"|(?:sugars?|glucose)(?= (?:is |was |of |at |reading |read |reads )?\d+(?:\.\d+)?\b"
        r"(?!\s*(?:g|grams?|teaspoons?|tsp|spoons?|cubes?|lumps?|%|calories|kcal|cals?)\b))",
        raised_when_low=True,
        normal=(Band(35, 3.9, 11.0), Band(1000, 70, 200)),
    ),
    Measure("heart rate", r"heart ?rates?|pulse(?: rate)?", normal=(Band(300, 50, 100),)),
    Measure(
        "temperature", r"temperature|temp", normal=(Band(45, None, 37.9), Band(115, None, 100.3))
    ),
    Measure(
        "platelet",
        r"platelets?(?: counts?)?",
        raised_when_low=True,
        normal=(Band(2000, 150, 450), Band(5_000_000, 150_000, 450_000)),
    ),
    Measure("triglyceride", r"triglycerides?", normal=(Band(20, None, 2.3), Band(5000, None, 200))),
    Measure("uric acid", r"uric acid", normal=(Band(1.5, None, 0.42), Band(25, None, 7.0))),
    Measure("potassium", r"potassium", intake=True, normal=(Band(10, 3.5, 5.0),)),
    Measure("sodium", r"sodium", intake=True, normal=(Band(200, 135, 145),)),
    Measure("calcium", r"calcium", intake=True, normal=(Band(4, 2.1, 2.6), Band(20, 8.5, 10.5))),
    # eGFR in mL/min/1.73 m²: under 60 is a kidney function told low (not the EGFR gene of
    # lung cancer, told with a mutation or a drug)
    Measure(
        "kidney function",
        r"e?gfr(?!\W+(?:\w+\W+)?(?:mutat\w*|exon|positive|negative|inhibitors?|tki|deletion|"
        r"gene|receptor))|kidney function|renal function",
        normal=(Band(200, 60, None),),
    ),
    Measure("vitamin d", r"vitamin d", intake=True),
    Measure("vitamin b12", r"(?:vitamin )?b ?12", intake=True),
)

_OWNER = r"(?:my|his|her|their|your|our|the|a|blood|serum)"
_OWNERS = rf"(?:(?:{_OWNER}|\w+'s)\s+){{0,2}}"
_HIGH_BEFORE = re.compile(r"\b(?:high|higher|raised|elevated|increased|rising)\s+$", re.I)
_LOW_BEFORE = re.compile(r"\b(?:low|reduced|decreased|dropping|falling)\s+$", re.I)
_LOWERING = re.compile(
    r"\b(?:lower(?:s|ing)?|reduc(?:e|es|ing)|decreas(?:e|es|ing)|control(?:s|ling)?|"
    r"manag(?:e|es|ing)|(?:(?:bring|get)(?:s|ing)?|getting) down|"
    rf"(?:spikes?|rises?|jumps?|increases?) in)\s+{_OWNERS}$",
    re.I,
)
_RAISING = re.compile(
    rf"\b(?:rais(?:e|es|ing)|increas(?:e|es|ing)|boost(?:s|ing)?)\s+{_OWNERS}$", re.I
)
_WANTED = re.compile(
    r"\b(?:how (?:\w+ ){0,3}?|(?:want|need|trying|try|tried|help|ways?|way) to |"
    r"(?:can|could|should|do) (?:i|we|you|he|she|they) )$",
    re.I,
)
_FALLING = re.compile(rf"\b(?:drops?|dips?|falls?|crash(?:es)?) in\s+{_OWNERS}$", re.I)
_MOVING = re.compile(rf"\b(?:(?:bring|get|keep)(?:s|ing)?|getting)\s+{_OWNERS}$", re.I)
_FILLER = (
    r"(?:levels?|counts?|readings?|numbers?|is|are|was|were|'s|s|has|have|had|been|keeps?|kept|"
    r"went|goes|go|gone|runs?|running|ran|came|come|comes|back|always|still|getting|got|gets|"
    r"staying|stays|seems?|seemed|quite|very|really|so|too|a|bit|little|slightly|way|pretty|"
    r"dangerously|at|around|about|over|now|again|\d+(?:[.,/]\d+)?(?:\s?(?:mmol/l|mg/dl|mmhg|bpm))?)"
)
_STATE = re.compile(
    rf"^(?:\s+{_FILLER}){{0,6}}\s+(?:(?P<high>high|up|elevated|raised|fast|racing|rapid|"
    r"through the roof|sky[- ]high|spik(?:es|ing|ed)|rises|rising|shoots? up|shot up|"
    r"higher than (?:usual|normal))|(?P<low>low|slow|drops?|dropp(?:ed|ing)|falls|falling|fell|"
    r"down|lower than (?:usual|normal)))\b",
    re.I,
)
_VALUE_AFTER = re.compile(
    r"^(?:\s+(?:levels?|counts?|readings?|is|are|was|were|'s|s|has|have|had|been|came|come|"
    r"comes|back|at|of|about|around|over|now|still|always|reading|only|just|a|bit|like|"
    r"results?|test|showed|shows))*:?\s+(?P<value>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)"
    r"(?![\d/.]|\s*(?:/|over|years?|yrs?|y/?o|weeks?|days?|months?|hours?|minutes?|times|%|"
    r"percent|mg\b(?!/dl)|mcg|iu|units?)\b)",
    re.I,
)
_DOWN_AFTER = re.compile(r"^\s+down\b", re.I)
_OWNED = re.compile(rf"\b{_OWNER}\s+$", re.I)
_LEVEL_AFTER = re.compile(r"^\s+(?:levels?|counts?|readings?)\b", re.I)
_READING = re.compile(r"\b(?P<top>\d{2,3})\s*(?:/|over)\s*(?P<bottom>\d{2,3})\b", re.I)
_SENTENCE_END = re.compile(r"[.?!;](?!\d)|\n")
HIGH_READING = (140, 90)
LOW_TOP = 90


def measure_senses(question: str) -> tuple[str, dict[str, str]]:
    """``question`` with each measure told high or low named as the lay term of that direction,
    and the readings made (for ``--explain``)."""
    changes: dict[str, str] = {}
    question = _bare_reading_named(question, changes)
    for measure, pattern in _patterns():

        def rename(match: re.Match[str], measure: Measure = measure) -> str:
            return _renamed(match, measure, changes)

        question = pattern.sub(rename, question)
    return question, changes


_BARE_READING = re.compile(
    r"(?<![\d/.:-])\b(?P<top>(?:[7-9]\d|1\d\d|2[0-4]\d))\s*/\s*(?P<bottom>(?:[4-9]\d|1[0-4]\d))\b"
    r"(?![/.:-]?\d)",
)
_HIGH_OR_LOW_ASKED = re.compile(
    r"\b(?:too |very |a bit |quite )?(?:high|low|normal|ok|okay|bad|good|dangerous|worrying)\b",
    re.I,
)


def _bare_reading_named(question: str, changes: dict[str, str]) -> str:
    """A reading told alone and asked high or low ("is 145/92 high?"), in a question naming
    no measure: a blood pressure reading, named so that its direction is read."""
    if any(pattern.search(question) for _measure, pattern in _patterns()):
        return question
    told = _BARE_READING.search(question)
    if told is None:
        return question
    before, after = _around(told)
    if not _HIGH_OR_LOW_ASKED.search(before + " " + after):
        return question
    changes[told.group(0)] = f"blood pressure {told.group(0)}"
    return f"{question[: told.start()]}blood pressure {question[told.start() :]}"


def told_on_smaller_scale(question: str) -> bool | None:
    """For a value told after a measure that is written in two units (its first normal band
    for the smaller, SI unit: "total cholesterol 6.8" is mmol/L, "240" mg/dL; "uric acid 7.2"
    is mg/dL), True when the value is on the smaller scale, False on the larger; None when the
    question tells no such value."""
    for measure, pattern in _patterns():
        if len(measure.normal) < 2:
            continue
        for match in pattern.finditer(question):
            told = _VALUE_AFTER.match(question[match.end() : match.end() + 60])
            if told is not None:
                value = float(told["value"].replace(",", ""))
                return value <= measure.normal[0].upto
    return None


def asks_lowering(question: str) -> bool:
    """True when ``question`` asks how to lower a measure ("how do I get my cholesterol down",
    "what lowers blood pressure"): a question of treating its high."""
    for _measure, pattern in _patterns():
        for match in pattern.finditer(question):
            if _lowered(*_around(match)):
                return True
    return False


_IS_IT = re.compile(
    r"\b(?:is|are|was|were) (?:that|this|it|these|those|mine|they) (?:\w+ )?(?:high|low|normal|"
    r"ok|okay|bad|good|fine|dangerous|worrying|concerning|serious)\b",
    re.I,
)


def asks_reading(question: str) -> bool:
    """True when ``question`` tells a reading or value of a measure outside its usual range
    and asks whether it is high, normal or bad ("148/94 this morning … is that high enough to
    need tablets", "potassium 5.9, is that dangerous"): a question of what the reading means,
    which the pages' thresholds answer."""
    if not _IS_IT.search(question):
        return False
    for measure, pattern in _patterns():
        matches = list(pattern.finditer(question))
        if matches and _reading(measure, question) is not None:
            return True
        for match in matches:
            before, after = _around(match)
            sentence = before + match.group(0) + after
            if _value(measure, after) is not None or _reading(measure, sentence) is not None:
                return True
    return False


@cache
def _patterns() -> tuple[tuple[Measure, re.Pattern[str]], ...]:
    return tuple(
        (measure, re.compile(rf"\b(?:{measure.said})\b", re.I))
        for measure in MEASURES
        if _term(measure, HIGH_WORDS) or _term(measure, LOW_WORDS)
    )


def _term(measure: Measure, adjectives: tuple[str, ...]) -> str | None:
    """The lay term naming ``measure`` in that direction ("high blood pressure"), if any."""
    table = lay_terms()
    return next((t for a in adjectives if (t := f"{a} {measure.name}") in table), None)


def _renamed(match: re.Match[str], measure: Measure, changes: dict[str, str]) -> str:
    before, after = _around(match)
    sentence = before + match.group(0) + after
    high = _direction(measure, before, after, sentence)
    term = None if high is None else _term(measure, HIGH_WORDS if high else LOW_WORDS)
    said = match.group(0)
    if term is None or normalise(f"{before.split()[-1] if before.split() else ''} {said}") == term:
        return said
    changes[said.lower()] = term
    return term


def _around(match: re.Match[str]) -> tuple[str, str]:
    """The words of the match's sentence before it (up to 60 characters) and after it."""
    text = match.string
    before = _SENTENCE_END.split(text[max(0, match.start() - 60) : match.start()])[-1]
    return before, _SENTENCE_END.split(text[match.end() : match.end() + 100])[0]


def _direction(measure: Measure, before: str, after: str, sentence: str) -> bool | None:
    """True when the sentence tells the measure high, False when low, None when it does not."""
    for told in (_adjective(before), _reading(measure, sentence), _value(measure, after)):
        if told is not None:
            return told
    if measure.intake and not (_OWNED.search(before) or _LEVEL_AFTER.search(after)):
        return None
    moved = None if measure.intake else _moved(measure, before, after)
    if moved is not None:
        return moved
    state = _STATE.search(after)
    return None if state is None else state["high"] is not None


def _adjective(before: str) -> bool | None:
    if _HIGH_BEFORE.search(before):
        return True
    return False if _LOW_BEFORE.search(before) else None


def _reading(measure: Measure, sentence: str) -> bool | None:
    """A blood pressure reading's direction ("148/92" high, "85/50" low)."""
    reading = _READING.search(sentence) if measure.name == "blood pressure" else None
    if reading is None:
        return None
    top, bottom = int(reading["top"]), int(reading["bottom"])
    if top >= HIGH_READING[0] or bottom >= HIGH_READING[1]:
        return True
    return False if top < LOW_TOP else None


def _value(measure: Measure, after: str) -> bool | None:
    """The direction of a value told right after the measure ("potassium was 5.9", "heart rate
    of 45"), by its usual range in the unit its size tells."""
    told = _VALUE_AFTER.match(after)
    if told is None or not measure.normal:
        return None
    value = float(told["value"].replace(",", ""))
    band = next((b for b in measure.normal if value <= b.upto), None)
    if band is None:
        return None
    if band.high is not None and value > band.high:
        return True
    return False if band.low is not None and value < band.low else None


def _lowered(before: str, after: str) -> bool:
    """True when the words around the measure lower it ("reduce my …", "bring my … down")."""
    return bool(_LOWERING.search(before) or (_MOVING.search(before) and _DOWN_AFTER.search(after)))


def _moved(measure: Measure, before: str, after: str) -> bool | None:
    """The direction a verb or noun of change before the measure tells."""
    if _lowered(before, after):
        return True
    if raising := _RAISING.search(before):
        # "how can I raise my blood pressure" asks of a low one; "does coffee raise blood
        # pressure" of a high one
        if not _WANTED.search(before[: raising.start()]):
            return True
        return False if measure.raised_when_low else None
    return False if _FALLING.search(before) else None


BODY_CHEMICALS = ("D05", "D08", "D09", "D10", "D12", "D13")
"""MeSH chemical branches of substances a blood test measures (proteins such as ferritin,
enzymes such as ALT, lipids, carbohydrates), not of medicines taken."""
NOT_MEDICINE_BRANCHES = ("D01", *BODY_CHEMICALS)
"""MeSH chemical branches whose members are mostly not medicines taken: inorganic chemicals
("mercury", "lead", water), macromolecular substances, enzymes, carbohydrates, lipids, proteins
("protein", "silk") and nucleic acids. Hormones, steroids, vaccines and the organic and
heterocyclic branches where most drugs sit count as medicines."""


def taken_as_medicine(concept: QueryConcept) -> bool:
    """A medicine or a drug class: not a chemical only of the body, food or materials (MeSH
    :data:`NOT_MEDICINE_BRANCHES`: water, a protein) unless a drug table names it as a medicine
    ("potassium")."""
    if not concept.medicine:
        return False
    if concept.drug_class or not only_under(concept.tree_numbers, NOT_MEDICINE_BRANCHES):
        return True
    return known_medicine(concept.key, (concept.name, *concept.names))


MEASURED_AFTER = (
    r"\W+(?:blood |urine |serum )?(?:scores?|tests?|testing|levels?|counts?|readings?|results?|"
    r"screens?|panels?|ratios?)\b"
)
"""Words after a chemical's name that make it what a test measures ("calcium score")."""
VALUE_AFTER_NAME = (
    r"\W+(?:(?:is|was|were|are|of|at|as|came back|went from|from|came|back|now|only|just|"
    r"about|around|up to|down to)\W+){1,3}\d+(?:[.,]\d+)?(?!\d|[.,]\d|\s*[-–/]|\s*(?:mg|mcg|µg|g|"
    r"ml|tablets?|pills?|units?|iu|puffs?|drops?|caps?|capsules?|tabs?|x|times|weeks?|wks?|"
    r"days?|months?|years?|yrs?|hours?|hrs?|minutes?|mins?|am|pm|o'?clock)\b)"
    # straight after the name, a decimal or a unit of concentration ("TSH 6.2", "trigs 5.8
    # mmol/L"), not a whole number a dose may be ("hydrocodone 10")
    r"|\W+\d+[.,]\d+(?!\d|\s*[-–/]|\s*(?:mg|mcg|µg|g|ml|units?|iu)\b)"
    r"|\W+\d+(?:[.,]\d+)?\s*(?:mmol|nmol|pmol|µmol|umol|mg/dl|mg/mmol|ng/ml|ng/dl|mu/l|miu/l|"
    r"u/l|iu/l|g/l|g/dl)\b"
)
"""A value told after a chemical's name that makes it a result ("ferritin is 8", "PSA went from
2.1", "TSH 6.2", "albumin 40 g/L"), not a dose ("ibuprofen 400 mg", "hydrocodone 10", "0.5-0.4
mg") nor a time ("claritin at 20 weeks pregnant")."""


def told_as_measured(matched: str, question: str) -> bool:
    """True when ``matched`` (a concept's words in ``question``) is named only as what a test
    measures (:data:`MEASURED_AFTER`) or with its result (:data:`VALUE_AFTER_NAME`)."""
    said = re.escape(matched).replace(r"\ ", r"\W+")
    named = re.findall(rf"\b{said}\w*", question, re.IGNORECASE)
    measured = re.findall(
        rf"\b{said}\w*(?:{MEASURED_AFTER}|{VALUE_AFTER_NAME})", question, re.IGNORECASE
    )
    return bool(measured) and len(measured) == len(named)
