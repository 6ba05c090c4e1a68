"""Is a question about human health? The scope decision of question understanding.

A question is in scope when it names a clinical concept or asks, in health words, about a
person's body, mind, illness or care; one that names only things of other fields (food,
places, technology) is not, whatever its wording.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from medcite.query.concepts import VIA
from medcite.query.vocab import HEALTH_TREES
from medcite.records import Facet, QueryConcept
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
    exhausted lightheaded numb tingling swollen swelling bleeding pee urine poop stool
    pediatrician physician dentist midwife pharmacist gp temperature temp exercise workout
    fitness memory forget forgetting forgetful forgetfulness confused confusion egfr gfr
    """.split()
)


_HEALTH_ASKED = re.compile(
    r"\b(?:bad|good|harmful|dangerous) (?:for|to) (?:you|me|him|her|us|"
    r"(?:your|my|our|a|the|his|her) (?:health|body|kid|child|baby|heart|liver|kidney|skin|teeth|"
    r"eye|brain)|kid|child|children|baby|babies|health)\b|\b(?:harmful|unhealthy)\b"
)
"""Wording that asks what something does to one's health ("is cracking your knuckles bad for
you"), whatever it names (on normalised words)."""


def in_scope(
    words: list[str],
    concepts: Sequence[QueryConcept],
    asked: tuple[Facet, ...],
    idioms_read: bool = False,
) -> bool:
    """In scope when the question names a clinical concept (anatomy, disease, drug, procedure,
    psychiatry, or a curated/MedQuAD topic) or a health word outside an idiom (``words`` are
    the question's after :func:`~medcite.query.repair.illness_senses`: "a pain in the neck"
    said of a coworker is no pain). A question that names only non-clinical things (food,
    places, technology) is out of scope whatever its wording; one that names nothing the
    vocabulary knows gets the benefit of the doubt when it asks a clinical facet ("why do I
    keep waking up at night?"), unless its only body words were an idiom's."""
    if _RECIPE.search(" ".join(words)) and not any(c.condition for c in concepts):
        return False  # "gluten free banana bread recipe": cooking, whatever its ingredients
    if any(_clinical(c) for c in concepts):
        return True
    words = _outside_other_fields(words, concepts)
    if any(w in _HEALTH_WORDS for w in words) or _HEALTH_ASKED.search(" ".join(words)):
        return True
    return not concepts and asked != (Facet.OVERVIEW,) and not idioms_read


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


def _clinical(concept: QueryConcept) -> bool:
    if concept.via == VIA["medquad"]:  # NIH has a health topic page by that name
        return True
    if not concept.tree_numbers:
        return concept.via != VIA["mesh"]
    return any(
        n[0] in HEALTH_TREES or n.startswith(REPRODUCTIVE_PHENOMENA) for n in concept.tree_numbers
    )
