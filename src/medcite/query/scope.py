"""Is a question about human health? The scope decision of question understanding.

A question is in scope when it names a clinical concept or asks, in health words, about a
person's body, mind, illness or care; one that names only things of other fields (food,
places, technology) is not, whatever its wording.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from medcite.query.concepts import ANATOMY_TREE, VIA
from medcite.query.drugs import read_tsv
from medcite.query.vocab import HEALTH_TREES
from medcite.records import Facet, QueryConcept, only_under
from medcite.text import normalise

_HEALTH_WORDS = frozenset(
    normalise(w)
    for w in """pain ache hurt sore sick illness disease disorder syndrome condition symptom
    doctor nurse hospital medicine medication med meds drug pill tablet dose vaccine infection virus
    bacteria fever cough rash injury surgery pregnant pregnancy baby health healthy diet
    weight blood heart lung liver kidney brain skin bone muscle nerve eye ear cancer tumor
    diabetes allergy allergic therapy treatment diagnosis prescription side effect mental
    anxiety depression sleep twitch spasm seizure stroke vitamin supplement cholesterol
    pressure breathing covid sars ct mri scan xray ultrasound clinic clinical therapy symptom
    cure sneeze sneezing itch itchy nausea vomit vomiting dizzy headache shaky sweaty tired
    exhausted lightheaded numb tingling swollen swelling bleeding pee urine poop stool poo
    bowel bowels constipated constipation
    pediatrician physician dentist midwife pharmacist gp temperature temp exercise workout
    fitness memory forget forgetting forgetful forgetfulness forgot forgotten forgets confused
    confusion egfr gfr floaters appetite mood grief grieving bereavement lonely loneliness
    dying palliative hospice frail sleeping asleep insomnia
    nappy nappies diaper diapers breastfeed breastfeeding breastfed contractions postpartum
    teething faint fainted fainting
    """.split()
)


_INFANT = (
    r"newborns?|babies|baby|infants?|(?:\d+|one|two|three|six) (?:days?|weeks?|months?)[- ]olds?"
)
"""A baby, or a child's age in days, weeks or months."""
_HEALTH_ASKED = re.compile(
    r"\b(?:bad|good|harmful|dangerous) (?:for|to) (?:you|me|him|her|us|"
    r"(?:your|my|our|a|the|his|her) (?:health|body|kid|child|baby|heart|liver|kidney|skin|teeth|"
    r"eye|brain)|kid|child|children|baby|babies|health)\b|\b(?:harmful|unhealthy)\b"
    r"|\bshould i (?:be )?worr(?:y|ied)\b"
    r"|\b(?:safe|ok|okay|alright|all right) (?:for (?:my|a|your|our|his|her) "
    r"(?:\d+ ?(?:yo|yr|year)s?(?: old)?"
    r"|(?:teenage |little )?(?:kid|child|son|daughter|teen|teenager|toddler|baby|boy|girl))"
    r"|(?:for (?:me|him|her|them) )?to (?:eat|drink|have|take) (?:\w+ ){0,3}?(?:a|per|every|each) "
    r"(?:day|night|week))\b"
    r"|\b(?:feel|feeling|felt|feels) (?:\w+ )?(?:off|unwell|rough|poorly|run down|rundown|"
    r"not right|not myself|not himself|not herself|under the weather)\b"
    r"|\bend of (?:his |her |their )?life\b|\b(?:care|nursing) home\b"
    r"|\b(?:stopped|stop|stops|not|barely|hardly) (?:\w+ )?(?:eat|eats|eating|ate|drink|"
    r"drinks|drinking|drank)\b"
    # how a baby feeds, sleeps or grows: "how often should a newborn feed"
    rf"|\b(?:{_INFANT}|toddlers?)\b(?:\W+\w+){{0,6}}?\W+(?:feed|feeds|feeding|fed|formula|"
    r"sleep|sleeps|sleeping|poo|poos|pooing|wee|weeing|weigh|weight|gain|drink|drinks|drinking|"
    r"teething)\b"
    rf"|\b(?:feed|feeds|feeding|formula|milk)\b(?:\W+\w+){{0,6}}?\W+(?:{_INFANT})\b"
    # a child told by age in days, weeks or months: "my 7 month old's bottle", not a puppy's
    r"|\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve) (?:days?|weeks?|"
    r"months?)[- ]olds?\b(?! (?:puppy|puppies|kittens?|dogs?|cats?|pups?|foals?|lambs?|calf|calves|"
    r"rabbits?|plants?|trees?|seedlings?|cars?|phones?|laptops?|bread|food|milk|meat|cheese|eggs?)\b)"
)
"""Wording that asks what something does to one's health ("is cracking your knuckles bad for
you"), whether to worry ("should I worry"), whether it is safe for a child or to have every
day ("is it ok for my 14 yr old to have one a day"), tells of feeling unwell ("just feel off
lately") or of someone not eating or drinking, or speaks of the end of life or a care home,
whatever it names (on normalised words)."""


def in_scope(
    plain: str,
    concepts: Sequence[QueryConcept],
    asked: tuple[Facet, ...],
    idioms_read: bool = False,
) -> bool:
    """In scope when the question names a clinical concept (anatomy, disease, drug, procedure,
    psychiatry, or a curated/MedQuAD topic) or a health word outside an idiom (``plain`` is
    the question after :func:`~medcite.query.repair.illness_senses`: "a pain in the neck"
    said of a coworker is no pain). A question that names only non-clinical things (food,
    places, technology) is out of scope whatever its wording; one that names nothing the
    vocabulary knows gets the benefit of the doubt when it asks a clinical facet ("why do I
    keep waking up at night?"), unless its only body words were an idiom's.

    Out of scope too, whatever it names: a request to write a text (:func:`asks_for_writing`),
    and a question about a thing of another field (:func:`other_field_things`: a car, a
    phone, a lawn, taxes) that tells of no person's illness, drug or body
    (:func:`_tells_of_a_person`): "symptoms of a failing alternator", "an engine transplant"."""
    words = normalise(plain).split()
    if _RECIPE.search(" ".join(words)) and not any(c.condition for c in concepts):
        return False  # "gluten free banana bread recipe": cooking, whatever its ingredients
    if asks_for_writing(plain) or asks_about_investing(plain):
        return False
    if other_field_things(plain) and not _tells_of_a_person(plain, words, concepts):
        return False
    if any(_clinical(c) for c in concepts) or _DRINKING.search(plain):
        return True
    words = _outside_other_fields(words, concepts)
    if any(w in _HEALTH_WORDS for w in words) or _HEALTH_ASKED.search(" ".join(words)):
        return True
    return not concepts and asked != (Facet.OVERVIEW,) and not idioms_read


_DRINKING = re.compile(
    r"\b(?:\d+|one|two|three|four|five|six|seven|eight|a few|several|couple of)(?:\s*-\s*\d+)?\s+"
    r"(?:beers?|drinks?|glasses of (?:wine|beer)|shots|pints|units of alcohol|"
    r"cans(?: of (?:beer|lager|cider))?(?! of)|"
    r"bottles of (?:wine|beer))\b"
    r"|\bdrink(?:ing)? (?:every|each|most) (?:night|day|evening|weeknight)s?\b"
    r"|\bdrinks (?:a|per|each|every) (?:week|day|night)\b",
    re.IGNORECASE,
)
"""How much someone drinks ("2-3 beers most weeknights"): a question about drinking, which
MeSH files with food."""


_WRITING = re.compile(
    r"\b(?:write|draft|compose|reword|rewrite|proofread)\s+(?:me\s+|up\s+)?"
    r"(?:(?:a|an|my|the|this|our|some)\s+)?(?:[\w'-]+\s+){0,3}?"
    r"(?:e-?mails?|letters?|notes?|cards?|messages?|texts?|essays?|speech(?:es)?|poems?|posts?|"
    r"repl(?:y|ies)|captions?|toasts?|eulog(?:y|ies)|obituar(?:y|ies))\b",
    re.IGNORECASE,
)


_INVESTING = re.compile(
    r"\b(?:shares?|stocks?|equit(?:y|ies)|etfs?|bonds)\b[^.?!]{0,60}?\b(?:buy|sell|invest\w*|"
    r"hold|worth|price|rise|fall|go up|go down)\b|\b(?:buy|sell|invest\w*|hold)\b[^.?!]{0,40}?"
    r"\b(?:shares?|stocks?|equit(?:y|ies)|etfs?)\b|\b(?:share|stock) price\b|"
    r"\b(?:investment )?portfolio\b|\bdividends?\b",
    re.IGNORECASE,
)


def asks_about_investing(question: str) -> bool:
    """True for a question about buying shares or investing ("which drug maker's shares are the
    better buy now that the new injections sell"), whatever health words it names: medcite
    gives no financial advice."""
    return bool(_INVESTING.search(question))


def asks_for_writing(question: str) -> bool:
    """True for a request to write a text ("help me write an email to my son's teacher about
    his asthma", "draft a thank-you card for the nurses"): medcite answers health questions
    from evidence and writes no letters, whatever the letter is about."""
    return bool(_WRITING.search(question))


OTHER_FIELDS_FILE = "other_fields.tsv"
"""Field → term rows (``vehicle``, ``computing``, ``money``, ``home``, ``garden``, ``game``,
``school``) naming things of other fields than human health (``query/data/other_fields.tsv``)."""


@cache
def _other_field() -> re.Pattern[str]:
    """One pattern for every term of :data:`OTHER_FIELDS_FILE` (longest first, plurals too),
    built on first use rather than at import."""
    terms = {t.lower() for _field, found in read_tsv(OTHER_FIELDS_FILE) for t in found}
    alternatives = "|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True))
    return re.compile(rf"\b(?:{alternatives})(?:s|es)?\b", re.IGNORECASE)


def other_field_things(question: str) -> tuple[str, ...]:
    """The things of other fields ``question`` names (:data:`OTHER_FIELDS_FILE`), as written."""
    return tuple(m.group(0).lower() for m in _other_field().finditer(question))


_POSSESSIVE = r"(?:my|his|her|your|our|their|[a-z]+'s|[a-z]+s')"
_PERSON_WORDS = re.compile(
    r"\b(?:pregnan\w*|breastfeed\w*|baby|babies|infant|newborn|toddler|kids?|children|"
    r"nightmares?|flashbacks?|panic attacks?|night sweats)\b",
    re.IGNORECASE,
)
"""Words that put a person, and a health question, beside a thing of another field ("can I
paint the nursery while pregnant", "screens and kids", "nightmares about the car crash": only a
person has nightmares or flashbacks)."""
_AGE_TOLD = re.compile(
    r"\b(?:i'?m|i am|(?:my|our) \w+ is|(?:he|she) is|(?:he|she)'?s)\s+\d{1,3}\b(?!\s*(?:%|percent|"
    r"dollars?|miles?|minutes?|hours?|km|mph|degrees?))"
    r"|\b\d{1,3}\s*(?:yo|y/o|y\.o\.|years? old|yrs? old|-year-old)\b"
    # an adult's age and sex as forums write them ("39 M", "24F")
    r"|\b(?:1[6-9]|[2-9]\d)\s?[mf]\b",
    re.IGNORECASE,
)
"""A person's age, told as patients tell it ("my dad is 88", "im 44", "a 6 year old"): a thing
of another field in the same question is the setting, not the subject."""


def _tells_of_a_person(plain: str, words: list[str], concepts: Sequence[QueryConcept]) -> bool:
    """True when a question that names a thing of another field also tells of a person's health:
    an illness, drug or reproductive state it names (not by an abbreviation, which a thing's
    words also make: "the alt key"), a body part that is someone's ("my heart rate"), a
    child or pregnancy, or wording that asks what the thing does to one's health."""
    if _HEALTH_ASKED.search(" ".join(words)) or _PERSON_WORDS.search(plain):
        return True
    if _AGE_TOLD.search(plain) or _DONE_TO_A_PERSON.search(plain):
        return True
    for concept in concepts:
        if concept.via == VIA["abbreviation"] or concept.role in _UNUSED:
            continue
        if concept.condition and _said_of_a_thing(plain, concept):
            continue  # "tomato leaves turning yellow": the leaves' sign, not a person's
        if concept.condition or _a_drug(concept) or _reproductive(concept) or _aid(concept):
            return True
        if _is_anatomy(concept) and _someones(plain, concept.matched):
            return True
    return False


_UNUSED = frozenset({"ignored", "negated"})
_DONE_TO_A_PERSON = re.compile(
    r"\b(?:gives?|giving|gave|makes?|making|made|causes?|causing|caused)\s+(?:me|him|her|them|us|"
    r"my|his|their)\b",
    re.IGNORECASE,
)
"""A thing said to do something to a person ("my laptop screen gives me headaches")."""
_PLANT_AND_MICROBE_PARTS = ("A18", "A19", "A20", "A21")
"""MeSH anatomy of plants, fungi, bacteria and viruses: "plant leaves" are no one's body."""
_SIGN_TREES = ("C23", "C01")
"""Signs, and infections (a plant's fungus, a computer's virus), which a thing can have too."""
THING_TO_SIGN_WORDS = 8
"""How far after a thing of another field a sign is still told of it ("leaves turning yellow",
"engine running hot and shaking")."""


def _said_of_a_thing(plain: str, concept: QueryConcept) -> bool:
    """True for a sign or an infection (MeSH C23, C01: "yellow" as jaundice, "shakes" as
    tremor, "black spot fungus" on roses) told within a few words after a thing of another
    field: the thing has it, not a person. Another disease ("a blood clot from sitting in my
    car") is always a person's."""
    if not concept.tree_numbers or not only_under(concept.tree_numbers, _SIGN_TREES):
        return False
    head = concept.matched.split(maxsplit=1)[0] if concept.matched else ""
    if not head:
        return False
    near = rf"(?:\W+\w+){{0,{THING_TO_SIGN_WORDS - 1}}}?\W+{re.escape(head)}"
    return any(
        re.search(rf"\b{re.escape(thing)}{near}", plain, re.IGNORECASE)
        for thing in other_field_things(plain)
    )


def _a_drug(concept: QueryConcept) -> bool:
    """A drug or chemical, other than an inorganic one alone ("water damage", "salt on the
    driveway")."""
    return concept.drug and not (
        concept.tree_numbers and all(n.startswith("D01.") for n in concept.tree_numbers)
    )


def _aid(concept: QueryConcept) -> bool:
    """Equipment and supplies a person uses for health (MeSH E07: hearing aids, glasses)."""
    return any(n.startswith("E07") for n in concept.tree_numbers)


def _reproductive(concept: QueryConcept) -> bool:
    return any(n.startswith(REPRODUCTIVE_PHENOMENA) for n in concept.tree_numbers)


def _is_anatomy(concept: QueryConcept) -> bool:
    """Human anatomy (MeSH A, not the parts of plants or microbes)."""
    return any(
        n.startswith(ANATOMY_TREE) and not n.startswith(_PLANT_AND_MICROBE_PARTS)
        for n in concept.tree_numbers
    )


def _someones(plain: str, matched: str) -> bool:
    """True when the words ``matched`` follow a possessive in ``plain`` ("my heart rate") or
    are had as a complaint ("got a sore knee")."""
    head = re.escape(matched.split(maxsplit=1)[0]) if matched else ""
    return bool(head) and bool(
        re.search(rf"\b(?:{_POSSESSIVE}\s+(?:\w+\s+)?|{_HAD_SORE}){head}", plain, re.IGNORECASE)
    )


_HAD_SORE = (
    r"(?:have|has|had|having|got|get|gets|getting) (?:a |an )?(?:really |very |bit of a |"
    r"slightly )?(?:stiff|sore|swollen|painful|achy|aching|cricked|itchy|numb|broken|"
    r"sprained|twisted|pulled|bruised|bad|dodgy|weak|tender)\s+"
)
"""A body part had as a complaint ("have a stiff neck", "got a sore knee"): a person's."""


_RECIPE = re.compile(
    r"\brecipes?\b|\bhow (?:do (?:i|you|we) |to |can i |should i )(?:bake|cook|roast|fry|grill)\b"
)
"""A request for a recipe or a way to cook (normalised words): no health question, though its
ingredients are chemicals to MeSH ("gluten", "almond flour"), unless it names a condition
("what can I cook for my son's celiac disease") and asks about that."""


def _outside_other_fields(words: list[str], concepts: Sequence[QueryConcept]) -> list[str]:
    """``words`` without those that name a concept of another field ("computer virus" is
    computer security, so its "virus" is no health word)."""
    taken = {
        w
        for c in concepts
        if c.tree_numbers and not _clinical(c) and len(c.matched.split()) > 1
        for w in c.matched.split()
    }
    return [w for w in words if w not in taken]


REPRODUCTIVE_PHENOMENA = "G08.686"
"""MeSH's reproductive physiological phenomena (menstruation, pregnancy, fertility, lactation):
filed under phenomena (G), yet a question about a late period is a health question."""
ACCIDENTAL_FALLS = "N06.850.135.122"
"""MeSH's accidental falls: filed under public health (N), yet "my mum keeps falling at home"
asks about a person's health (NIH has a *Falls* page)."""
HEALTH_OUTSIDE_TREES = (REPRODUCTIVE_PHENOMENA, ACCIDENTAL_FALLS)


def _clinical(concept: QueryConcept) -> bool:
    if concept.via == VIA["medquad"]:  # NIH has a health topic page by that name
        return True
    if not concept.tree_numbers:
        return concept.via != VIA["mesh"]
    return any(
        n[0] in HEALTH_TREES or n.startswith(HEALTH_OUTSIDE_TREES) for n in concept.tree_numbers
    )
