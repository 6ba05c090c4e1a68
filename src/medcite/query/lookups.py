"""Curated tables consulted besides the vocabulary, as :data:`~medcite.query.concepts.ExtraLookup`.

- abbreviations a patient writes ("PCOS", "CMP", "AFib"), matched on the question's own tokens
  so their capitals decide (:mod:`medcite.query.abbreviations`);
- brand and generic drug names (:mod:`medcite.query.drugs`): "Singulair" → montelukast,
  "Vicodin" → hydrocodone and acetaminophen.

Both return clinical *names*; :func:`medcite.query.concepts.question_concepts` gives each the
vocabulary's concept key and MeSH tree numbers.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from medcite.query.abbreviations import lookup_abbreviation
from medcite.query.concepts import ExtraLookup
from medcite.query.drugs import generic_names
from medcite.query.vocab import Concept
from medcite.text import normalise

_TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’-]*")


def abbreviation_lookup(question: str) -> ExtraLookup:
    """Abbreviations as the question writes them (capitals matter for short ones). One that
    stands for a medicine of the drug table ("HRT": hormone replacement therapy) is read as
    that medicine, as its full name would be."""
    written: dict[str, list[str]] = {}
    for token in _TOKEN.findall(question):
        written.setdefault(normalise(token), []).append(token)

    def lookup(phrases: Sequence[str]) -> dict[str, list[Concept]]:
        found: dict[str, list[Concept]] = {}
        for phrase in phrases:
            terms = next((t for w in written.get(phrase, ()) if (t := lookup_abbreviation(w))), ())
            if terms:
                found[phrase] = [_read(phrase, term) for term in terms]
        return found

    return lookup


def _read(phrase: str, term: str) -> Concept:
    """The concept an abbreviation's ``term`` names: the medicine, when it is one."""
    drugs = generic_names(term)
    if len(drugs) == 1:
        return Concept(phrase, drugs[0].generic, "", "drug")
    return Concept(phrase, term, "", "abbreviation")


def drug_lookup(phrases: Sequence[str]) -> dict[str, list[Concept]]:
    """Brand or generic drug names among ``phrases`` → their generic(s)."""
    found: dict[str, list[Concept]] = {}
    for phrase in phrases:
        drugs = generic_names(phrase)
        if drugs:
            found[phrase] = [Concept(phrase, d.generic, "", "drug") for d in drugs]
    return found


def plural_brand_lookup(question: str) -> ExtraLookup:
    """Brand names the question writes with a final "s" that normalising reads as a plural
    ("Tums" → "tum"): found under that normalised form only where the question wrote the brand,
    so the same form elsewhere ("my tum hurts") names no drug."""
    written: dict[str, list[Concept]] = {}
    for token in _TOKEN.findall(question):
        plain = normalise(token)
        if plain != token.lower() and (drugs := generic_names(token)):
            written[plain] = [Concept(plain, d.generic, "", "drug") for d in drugs]

    def lookup(phrases: Sequence[str]) -> dict[str, list[Concept]]:
        return {phrase: written[phrase] for phrase in phrases if phrase in written}

    return lookup


def lookups(question: str) -> tuple[ExtraLookup, ...]:
    """Every curated lookup for ``question``."""
    return (abbreviation_lookup(question), drug_lookup, plural_brand_lookup(question))
