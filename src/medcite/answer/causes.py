"""What a sentence says causes what: whether a statement of cause is a cause *of* the topic.

A Causes section must hold causes of the question's topic. Many sentences with a cause cue are
something else: what the topic itself leads to (:func:`effect_of_topic`: "Uveitis can cause
glaucoma"), what leads to what inside the condition (:func:`causes_something_else`:
"Osteoarthritis causes pain" on a hip-replacement page), a cause that is only the condition of
the claim ("If rickets is caused by …, it is treated with …", :func:`main_clause`) or the search
for one ("To find the cause, the doctor will test …", :func:`cause_text`). A page names its topic
by its focus, synonyms and the acronyms it defines (:class:`PageTopic`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from medcite.answer.terms import phrase_in
from medcite.records import Document
from medcite.text import stems

_CONDITION_CLAUSE = re.compile(
    r"^(if|when|whenever|unless|once|after|before|until)\b[^,;]{3,160}, (then )?", re.I
)
"""An opening conditional or temporal clause: a cause it names is the condition of the claim
that follows the comma, not the claim ("If rickets is caused by a lack of vitamin D, it is
treated with …" is about treatment, not causes). Other facets keep their cues there: "If you stop
treatment too soon, …" is still about treatment."""


_DEPENDS_ON_CAUSE = re.compile(
    r"\b((depends?|depending|based) (up)?on |(find|finding|determine|determining|identify|"
    r"identifying|look for|looking for|pinpoint|search for) (out )?)"
    r"(the |its |their |a |any )?(underlying |specific |possible )?causes?\b",
    re.I,
)
""""Treatment depends on the cause", "To find the cause, the doctor will test …": say nothing
about what the cause is."""


_CAUSED_BY = re.compile(
    r"\b(secondary to|caused by|due to|results? from|resulting from|induced by|"
    r"complications? of|because of)\s+((?:[\w-]+\s+){0,3}[\w-]+)",
    re.I,
)


def effect_of_topic(
    text: str, subjects: Sequence[frozenset[str]], acronyms: frozenset[str] = frozenset()
) -> bool:
    """True when ``text`` names the topic as the cause of something ("tumors can develop
    secondary to uveitis", "seizures caused by a fever", "Uveitis can cause glaucoma", on its
    page "It can cause …"): it tells what the topic leads to, not what causes it.
    ("Associated with" has no direction: "age was associated with fibromyalgia" names a risk
    factor.)"""
    if any(
        any(phrase_in(name, stems(m.group(2))) for name in subjects)
        for m in _CAUSED_BY.finditer(text)
    ):
        return True
    active = _CAUSES_ACTIVELY.match(text)
    if active is None:
        return False
    subject = active["subject"]
    own = stems(subject)
    return (
        _PRONOUN_SUBJECT.fullmatch(subject) is not None
        or any(phrase_in(name, own) for name in subjects)
        or any(a.lower() in acronyms for a in ACRONYM.findall(subject))
    )


@dataclass(frozen=True)
class PageTopic:
    """A guideline page's own topic: the stems of its focus and synonyms, and their acronyms."""

    stems: frozenset[str] = frozenset()
    acronyms: frozenset[str] = frozenset()
    names: tuple[frozenset[str], ...] = ()
    """The stems of each name."""

    @classmethod
    def of(cls, doc: Document) -> PageTopic:
        if not doc.focus:
            return cls()
        names = (doc.focus, *doc.synonyms)
        return cls(
            stems(" ".join(names)),
            frozenset(filter(None, map(initials, names))) | defined_acronyms(doc.abstract, names),
            tuple(s for n in names if (s := stems(n))),
        )


def defined_acronyms(text: str, names: Sequence[str]) -> frozenset[str]:
    """The acronyms ``text`` defines for any of ``names`` ("Antiphospholipid antibody syndrome
    (APS)" → "aps"), lower case."""
    found: set[str] = set()
    for name in names:
        pattern = rf"\b{re.escape(name)}\s*\(([A-Z][A-Za-z]{{1,6}})\)"
        found.update(m.group(1).lower() for m in re.finditer(pattern, text, re.I))
    return frozenset(found)


def initials(name: str) -> str:
    """The acronym a page would write for ``name``: the first letters of its words, small words
    left out ("Erectile dysfunction" → "ed", "Age-related macular degeneration" → "amd");
    "" for a one-word name."""
    words = [w for w in name.lower().split() if w not in _SMALL_WORDS and w[:1].isalpha()]
    return "".join(w[0] for w in words) if len(words) >= 2 else ""


_SMALL_WORDS = frozenset("of with and the in to for a an or on by".split())


CONDITION_HEADS = stems("disease diseases disorder disorders syndrome condition problems")


def causes_something_else(
    text: str, subjects: Sequence[frozenset[str]], acronyms: frozenset[str] = frozenset()
) -> bool:
    """True when every cause ``text`` states is a cause of something other than the topic
    ("Osteoarthritis causes pain" on a page about hip replacement, "the leading causes of death
    for people with diabetes", "before the disease causes vision loss"): what leads to what
    inside a condition is no cause of it. A cause of the topic by any of its names, or of
    "it", "this" or "the condition" keeps the sentence ("Many diseases can cause dementia",
    "What causes this is unknown"), as does any wording without a direction ("due to",
    "associated with", "risk factor", :data:`_UNDIRECTED_CAUSE`). ``acronyms`` (lower case)
    name the topic too ("can cause or worsen ED")."""
    text = cause_text(text)
    if _UNDIRECTED_CAUSE.search(text):
        return False
    objects = [_effect(m["object"]) for m in _ACTIVE_CAUSE.finditer(text)]
    return bool(objects) and not any(
        _TOPIC_REFERENCE.search(o)
        or any(phrase_in(name, stems(o)) for name in subjects)
        or any(a.lower().removesuffix("s") in acronyms for a in ACRONYM.findall(o))
        for o in objects
    )


ACRONYM = re.compile(r"\b[A-Z]{2,6}s?\b")
_POPULATION = re.compile(
    r"\b(for|in|among|of) (people|persons|patients|individuals|adults|children|women|men|those)"
    r" (with|who have|who has|living with)\b.*",
    re.I,
)
"""Who an effect happens to ("the leading causes of death for people with diabetes"): the
topic named there is no effect the cause leads to."""


def _effect(caused: str) -> str:
    """What a cause leads to: after the noun "cause(s) of", without whom it happens to."""
    return _POPULATION.sub("", caused) if caused.lower().startswith("of ") else caused


_ACTIVE_CAUSE = re.compile(
    r"\b(?:causes?|caused(?! by)|causing|leads? to|leading to|triggers?|triggering|"
    r"results? in|resulting in)\s+"
    r"(?!(?:include|includes|including|are|is|was|were|may|might|can|could|has|have|remains?|"
    r"varies|vary)\b)(?P<object>[^.;:]*)",
    re.I,
)
"""A cause stated with its effect after it ("causes pain", "the causes of death …"); not the
noun before its verb ("Other causes include …", "The cause is unknown"), which speaks of the
page's topic."""
_UNDIRECTED_CAUSE = re.compile(
    r"\b(caused by|due to|results? from|resulting from|secondary to|associated with|"
    r"risk factors?|attributed to|triggered by|brought on|a?etiolog\w*)\b",
    re.I,
)
"""Cause wordings whose effect is not after them: the sentence's subject may be the topic."""
_TOPIC_REFERENCE = re.compile(
    r"\b(it|its|this|these|they|them|the (condition|disease|disorder|syndrome|illness|"
    r"infection|problem))\b",
    re.I,
)
"""Words by which a page refers to its own topic."""


_NOT_IN_SUBJECT = r"(?!(?:is|are|was|were|be|been|has|have|had|that|which|who|not)\b)"
_OPENER = (
    r"(?:(?:in|over|at|for|with|during|after|without|among|rarely|sometimes|occasionally|"
    r"often|however)\b[^,]{0,40},\s+)?"
)
"""An adverbial opening before the subject ("In rare cases, hives can cause …")."""
_CAUSES_ACTIVELY = re.compile(
    rf"^{_OPENER}(?P<subject>{_NOT_IN_SUBJECT}[\w'’()-]+(?:\s+{_NOT_IN_SUBJECT}[\w'’()-]+){{0,5}}?)\s+"
    r"(?:(?:can|may|might|could|will|often|also|sometimes|usually|frequently|rarely)\s+)?"
    r"(?:also\s+)?(?:cause|causes|leads? to|triggers?|results? in|(?:raises?|increases?) the "
    r"risk of)\b",
    re.I,
)
"""A sentence whose subject (at most six words, no verb of its own, after an adverbial opening)
actively causes something ("Uveitis can cause glaucoma"); not "X is caused by …", nor "X has
more than one cause"."""
_PRONOUN_SUBJECT = re.compile(r"(?:it|they|this|these|(?:smoking|using|taking) (?:it|them))", re.I)
"""On a page about the topic, "It can cause …" is the topic causing something."""


def main_clause(text: str) -> str:
    """``text`` without an opening conditional or temporal clause (:data:`_CONDITION_CLAUSE`)."""
    return _CONDITION_CLAUSE.sub("", text, count=1)


def cause_text(text: str) -> str:
    """The part of ``text`` whose cause cues say what causes something: its main clause, without
    "depends on the cause" (:data:`_CONDITION_CLAUSE`, :data:`_DEPENDS_ON_CAUSE`)."""
    return _DEPENDS_ON_CAUSE.sub(" ", main_clause(text))
