"""Warnings against a medicine for people with kidney or liver disease, on broader pages.

Asked whether ibuprofen is all right with stage 3 chronic kidney disease, a patient needs to
hear "If you have kidney disease, do not use NSAIDs". NIH says so on its *Kidney Disease* page,
whose topic is kidney disease in general, two MeSH levels above chronic kidney disease: the topic
gate rightly keeps such a page out of the answer, since most of what it says is about other
kinds of kidney disease. This module finds, for a question that names a drug with a kidney or
liver disease, the pages among the evidence that warn against that drug or its class for
people with a disease of that organ (:func:`warning_pages`), so that the gate sets them apart
and the answer shows only those statements (``answer.extract.organ_warnings``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from medcite.query.drugs import class_pattern
from medcite.records import Document, Query
from medcite.text import split_sentences

_ORGANS = {
    "kidney": re.compile(r"\b(?:kidneys?|renal)\b", re.IGNORECASE),
    "liver": re.compile(r"\b(?:liver|hepatic)\b", re.IGNORECASE),
}
"""How a page names the organ of the disease a warning is about."""
_AGAINST = re.compile(
    r"\b(?:do not|don'?t|should not|must not|never|avoid\w*|not (?:safe|recommended)|can harm|"
    r"may harm|harmful|dangerous|contraindicat\w*)\b",
    re.IGNORECASE,
)
"""Words that warn against something ("do not use", "can harm", "avoid")."""
MAX_PAGES = 2
"""Warning pages kept per question."""


def asked_with_an_organ(query: Query) -> tuple[tuple[str, ...], str] | None:
    """For a drug named with a kidney or liver disease (``Query.drug_and_condition``), the
    drug's names and its classes' names, and the organ; else None."""
    pair = query.drug_and_condition
    if pair is None:
        return None
    drug, condition = pair
    organ = condition.impaired_organ
    if organ is None:
        return None
    return tuple(dict.fromkeys((*drug.names, *drug.classes))), organ


def warning(text: str, names: Iterable[str], organ: str) -> bool:
    """True when ``text`` warns against one of ``names`` (a drug or its class) and names the
    organ ("If you have kidney disease, do not use NSAIDs")."""
    return bool(
        _AGAINST.search(text) and _named(tuple(names)).search(text) and _ORGANS[organ].search(text)
    )


@cache
def _named(names: tuple[str, ...]) -> re.Pattern[str]:
    """The drug's and its classes' names as one pattern, built once a question (every
    sentence of every page set aside is read against it)."""
    return class_pattern(names)


def warns(doc: Document, names: Iterable[str], organ: str) -> bool:
    """True when a sentence of ``doc`` is such a warning (:func:`warning`)."""
    wanted = tuple(names)
    return any(warning(s, wanted, organ) for s in split_sentences(doc.abstract))


def warning_pages(query: Query, pages: Iterable[Document]) -> frozenset[str]:
    """The ids of at most :data:`MAX_PAGES` of ``pages`` (guideline pages the gate set aside)
    that warn against the question's drug for the organ of the disease named with it."""
    asked = asked_with_an_organ(query)
    if asked is None:
        return frozenset()
    names, organ = asked
    found = [doc.id for doc in pages if warns(doc, names, organ)]
    return frozenset(found[:MAX_PAGES])
