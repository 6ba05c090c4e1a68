"""A drug's pharmacologic classes, from its own FDA label, as names of the drug for interactions.

Labels state many interactions by class, not by drug: ibuprofen's label says "NSAIDs may diminish
the antihypertensive effect of ACE-inhibitors", lisinopril's "coadministration of NSAIDs ... with
ACE inhibitors, including lisinopril". A statement on taking two drugs together must name both
(:class:`medcite.answer.extract.Topic`), so for "Can I take ibuprofen with lisinopril?" the
classes the labels give each drug count as names of that drug.

The class membership is never guessed: it comes from the ``pharm_class_epc`` field of a label
*for that drug* among the evidence (ingested as the label documents' keywords, see
:mod:`medcite.ingest.openfda`). Each class is also known by its abbreviations in medcite's table
("NSAIDs" for nonsteroidal anti-inflammatory agents), matched on a spelling-insensitive key.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from medcite.answer.terms import phrase_in
from medcite.query.abbreviations import abbreviations
from medcite.records import Document, Evidence, Facet, Query, QueryConcept, Source
from medcite.text import stems

_NOT_LETTERS = re.compile(r"[^a-z]+")
_DRUG_WORD = re.compile(r"drugs?")


def with_label_classes(query: Query, evidence: Sequence[Evidence]) -> Query:
    """``query`` with each drug of an interaction question also named by its label's classes;
    unchanged for other questions, or when no label of the drug is among the evidence."""
    drugs = [c for c in query.topics if c.drug]
    if Facet.INTERACTIONS not in query.asked or len(drugs) < 2:
        return query
    labels = [e.hit.document for e in evidence if e.hit.document.source is Source.OPENFDA]
    if not labels:
        return query
    concepts = tuple(_named_by_classes(c, labels) if c in drugs else c for c in query.concepts)
    return query.model_copy(update={"concepts": concepts})


def _named_by_classes(concept: QueryConcept, labels: Sequence[Document]) -> QueryConcept:
    """The concept with the classes of every label about it added to its names."""
    names = [s for n in concept.names if (s := stems(n))]
    classes = [c for doc in labels if _label_of(doc, names) for c in doc.keywords]
    extra = [v for c in dict.fromkeys(classes) for v in class_names(c)]
    new = tuple(dict.fromkeys((*concept.names, *extra)))
    return concept if new == concept.names else concept.model_copy(update={"names": new})


def _label_of(doc: Document, names: Sequence[frozenset[str]]) -> bool:
    """True when the label's generic or brand name is one of the drug's names."""
    label = [s for n in (doc.focus or "", *doc.synonyms) if (s := stems(n))]
    return any(phrase_in(name, own) for name in names for own in label)


def class_names(label_class: str) -> tuple[str, ...]:
    """A class as the label names it, and its abbreviations ("Nonsteroidal Anti-inflammatory
    Drug" → + "NSAID", "NSAIDs")."""
    return (label_class, *_abbreviations_by_key().get(class_key(label_class), ()))


def class_key(name: str) -> str:
    """A spelling-insensitive key for a class name: MeSH's inverted form put right
    ("anti-inflammatory agents, non-steroidal" → "non-steroidal anti-inflammatory agents"),
    letters only, "drug" read as "agent", no plural s."""
    head, sep, tail = name.lower().partition(", ")
    text = f"{tail} {head}" if sep else head
    key = _DRUG_WORD.sub("agent", _NOT_LETTERS.sub("", text))
    return key.removesuffix("s")


@cache
def _abbreviations_by_key() -> dict[str, tuple[str, ...]]:
    found: dict[str, list[str]] = {}
    for abbreviation, terms in abbreviations().items():
        for term in terms:
            found.setdefault(class_key(term), []).append(abbreviation)
    return {k: tuple(dict.fromkeys(v)) for k, v in found.items()}
