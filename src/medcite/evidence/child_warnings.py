"""Warnings that a substance must not be given to children, wherever a guideline page says so.

A parent asking whether honey is all right for a 9-month-old's cough needs to hear that babies
under 12 months must not be fed honey, and NIH says so on its *botulism* page, which is about
neither honey nor cough: the topic gate rightly keeps such a page out of the answer. This module
finds those statements for a question about a young child that names a substance (a drug or a
food), so that the retriever can fetch the pages (:func:`search_text`), the gate can set them
apart as warning pages (:func:`warning_pages`), and the answer can show only those statements
(``answer.extract.child_warnings``)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

from medcite.query.groups import NUMBER_WORDS, child_age, child_patient
from medcite.records import Document, Query, QueryConcept
from medcite.text import any_whole_word, split_sentences, stems

FOOD_TREES = ("G07.203.300", "J02.500")
"""MeSH Food (a food is given to a child as a medicine is: honey, cow's milk, juice)."""
UNUSED_ROLES = frozenset({"ignored", "negated"})

_GIVE = r"(?:give|given|feed|fed|eat|take|have|use|used|let)"
_FORBIDS = re.compile(
    rf"\b(?:(?:should|must|can|may)(?:\s+not|n'?t)(?:\s+be)?\s+{_GIVE}|(?:do not|don'?t|never)\s+"
    rf"{_GIVE}|not be {_GIVE}|(?:is|are) not (?:safe|recommended) for)\b",
    re.IGNORECASE,
)
"""A prohibition of giving something ("should not be fed", "Do not give", "Do not let babies
eat"), not any negation ("when children do not get enough vitamin D", "help their kids avoid
alcohol problems")."""
_CHILD = re.compile(
    r"\b(?:child(?:ren)?|infants?|bab(?:y|ies)|kids?|toddlers?|newborns?|under (?:the age of )?"
    r"(?:\d+|one|two|three|four|five|six) (?:months?|years?))\b",
    re.IGNORECASE,
)
_AGE_LIMIT = re.compile(
    rf"\b(?:under|younger than|less than|below|before)\s+(?:the age of\s+|age\s+)?"
    rf"(\d+|{'|'.join(NUMBER_WORDS)})\b(?:\s*(months?|mos?|years?|yrs?))?",
    re.IGNORECASE,
)
"""An age a warning holds up to ("children less than 12 months old", "under four")."""
_ANY_AGE_CHILD = re.compile(r"\b(?:child(?:ren)?|kids?|teen\w*|adolescen\w*)\b", re.IGNORECASE)
"""Words for children of every age (a warning only for babies, infants or toddlers is not
for a child of school age)."""


_TODDLER = re.compile(r"\btoddlers?\b", re.IGNORECASE)
TODDLER_YEARS = 3
"""A toddler's years end before this age."""
INFANT_YEARS = 1
"""A baby's or an infant's first year: "do not let babies eat honey" is no warning for a child
of two."""


def states_an_age(text: str) -> bool:
    """True for a warning that says up to which age ("children less than 12 months old")."""
    return bool(_AGE_LIMIT.search(text))


MAX_PAGES = 2
"""Warning pages kept per question (each page adds one statement or two)."""


def substances(query: Query) -> tuple[QueryConcept, ...]:
    """The drugs and foods the question names (any role but ignored or negated), not a food
    named as a colour or a likeness ("honey-coloured crusts")."""
    return tuple(
        c
        for c in query.concepts
        if c.role not in UNUSED_ROLES
        and (c.drug or any(n.startswith(FOOD_TREES) for n in c.tree_numbers))
        and not _described_by(c.matched, query.question)
    )


_LIKENESS = r"(?:[- ]?colou?red|[- ]like|[- ]yellow|[- ]brown)"


def _described_by(phrase: str, question: str) -> bool:
    """True when every mention of ``phrase`` in ``question`` describes something by it
    ("honey-colored crusts", "a milk-like discharge")."""
    words = r"\W+".join(map(re.escape, phrase.split()))
    mentions = list(re.finditer(rf"\b{words}\w*", question, re.IGNORECASE))
    return bool(mentions) and all(
        re.match(_LIKENESS, question[m.end() :], re.IGNORECASE) for m in mentions
    )


def asked_for_a_child(query: Query) -> tuple[QueryConcept, ...]:
    """The substances of a question about a child (a baby, or a child of any age under 18),
    else ()."""
    return substances(query) if child_patient(query.question) else ()


def names_of(concepts: Iterable[QueryConcept]) -> tuple[str, ...]:
    """Each concept's name and the question's words for it, lower-case, once."""
    return tuple(dict.fromkeys(n.lower() for c in concepts for n in (c.name, *c.names, c.matched)))


def search_texts(query: Query) -> tuple[str, ...]:
    """For each substance of a question about a young child, its names: the words that find
    the pages that may warn against giving it to a child, or () when the question is not about
    a young child or names no substance.

    The names alone, one search per substance: added child words ("children", "infants") rank
    every page on children's health above the one page that names the food (NIH's honey warning
    stood 96th under them, first without), and two substances in one search let the commoner
    ("water") crowd out the other. :func:`warns` then keeps the pages that forbid it."""
    return tuple(" ".join(names_of((concept,))) for concept in asked_for_a_child(query))


_NOT_SAFE_FOR = re.compile(r"^(?:is|are) not", re.IGNORECASE)
NAME_WINDOW = 5
"""Words at most between a prohibition's verb and the name it forbids ("Do not let babies eat
honey"), which may take two more words: "Women who don't have health problems should try to
give their babies breast milk" forbids nothing."""
_CHILD_WITH = re.compile(
    r"\b(?:child(?:ren)?|kids?|infants?|bab(?:y|ies)|toddlers?|teens?|teenagers?)\s+"
    r"(?:with|who have|who has)\s+(?:an?\s+)?([a-z]+)",
    re.IGNORECASE,
)
"""Children with a condition ("children with fevers should not take aspirin"): the warning is
for them, not for a child given aspirin by the doctor for Kawasaki disease."""


def forbids_for_children(text: str, names: Sequence[str], question: str = "") -> bool:
    """True for a sentence that forbids one of ``names`` for children ("children less than 12
    months old should not be fed honey", "Do not give cough medicines to children under
    four", "Cow's milk is not recommended for infants"): a prohibition, a child, and the name
    as whole words just after the prohibition (or just before "is not recommended for"); a
    warning for children with a condition only when ``question`` names it too."""
    if not _CHILD.search(text) or not _about_the_child(text, question):
        return False
    if not for_this_age(text, question):
        return False
    spelled = names_pattern(tuple(names))
    if spelled is None:
        return False
    for match in _FORBIDS.finditer(text):
        if _NOT_SAFE_FOR.match(match.group(0)):
            near = " ".join(text[: match.start()].split()[-NAME_WINDOW - 2 :])
        else:
            near = " ".join(text[match.end() :].split()[: NAME_WINDOW + 2])
        if spelled.search(near):
            return True
    return False


@lru_cache(maxsize=1024)
def names_pattern(names: tuple[str, ...]) -> re.Pattern[str] | None:
    """One case-insensitive pattern for any of ``names`` as whole words (:func:`names_of`), or
    None when there is none: compiled once for all the sentences read for them."""
    spelled = [re.escape(n) for n in names if n]
    return any_whole_word(*spelled) if spelled else None


def for_this_age(text: str, question: str) -> bool:
    """False when ``text`` warns only up to an age the question's child is past ("children
    under four" for a 10-year-old; "toddlers" for a child of three or more; "babies" or
    "infants", the first year, for a child of one or more)."""
    age = child_age(question)
    if age is None:
        return True
    for m in _AGE_LIMIT.finditer(text):
        number = m.group(1).lower()
        limit = int(number) if number.isdigit() else NUMBER_WORDS[number]
        unit = (m.group(2) or "years").lower()
        if age >= (limit / 12 if unit.startswith("mo") else limit):
            return False
    if _ANY_AGE_CHILD.search(text):
        return True
    return age < (TODDLER_YEARS if _TODDLER.search(text) else INFANT_YEARS)


def _about_the_child(text: str, question: str) -> bool:
    """False when ``text`` warns only for children with a condition that ``question`` does
    not name (by a word of the same stem)."""
    asked = stems(question)
    return all(
        stems(m.group(1)) & asked or not stems(m.group(1)) for m in _CHILD_WITH.finditer(text)
    )


def warns(document: Document, names: Sequence[str], question: str = "") -> bool:
    """True when a sentence of ``document``'s text forbids one of ``names`` for children."""
    whole = " ".join(section.text for section in document.sections)
    if not _CHILD.search(whole) or not _FORBIDS.search(whole):
        return False  # no child or no prohibition anywhere: no sentence to split
    return any(
        forbids_for_children(sentence, names, question)
        for section in document.sections
        for sentence in split_sentences(section.text)
    )


def warning_pages(query: Query, documents: Iterable[Document]) -> frozenset[str]:
    """Ids of (at most :data:`MAX_PAGES`) guideline pages among ``documents`` that forbid one of
    the question's substances for children, for a question about a young child."""
    names = names_of(asked_for_a_child(query))
    if not names:
        return frozenset()
    found = [d.id for d in documents if warns(d, names, query.question)]
    return frozenset(found[:MAX_PAGES])
