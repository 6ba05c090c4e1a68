"""A drug's label classes count as its names in an interaction question (answer.drug_classes)."""

from __future__ import annotations

from medcite.answer.drug_classes import class_key, class_names, with_label_classes
from medcite.records import (
    Document,
    Evidence,
    EvidenceLevel,
    Facet,
    Hit,
    Query,
    QueryConcept,
    Source,
)


def _drug(name: str) -> QueryConcept:
    return QueryConcept(
        key=f"drug:{name}", name=name, matched=name, via="drug", drug=True, names=(name,)
    )


def _label(
    doc_id: str, generic: str, classes: tuple[str, ...], source: Source = Source.OPENFDA
) -> Evidence:
    doc = Document(
        id=doc_id,
        source=source,
        title=f"{generic}: Drug interactions",
        focus=generic,
        keywords=classes,
    )
    return Evidence(
        hit=Hit(document=doc, score=1.0, rank=1), level=EvidenceLevel.GUIDELINE, score=1.0
    )


def _query(*drugs: str, asked: tuple[Facet, ...] = (Facet.INTERACTIONS,)) -> Query:
    return Query(question="q", concepts=tuple(_drug(d) for d in drugs), asked=asked)


def test_class_key_ignores_spelling_inversion_plural_and_drug_versus_agent() -> None:
    assert class_key("Beta-Adrenergic Blocker") == class_key("beta adrenergic blockers")
    assert class_key("Nonsteroidal Anti-inflammatory Drug") == class_key(
        "anti-inflammatory agents, non-steroidal"
    )
    assert class_key("Opioid Agonist") != class_key("Opioid Antagonist")


def test_a_class_is_also_named_by_its_abbreviations() -> None:
    assert "ppi" in class_names("Proton Pump Inhibitor")
    assert class_names("Leukotriene Receptor Antagonist") == ("Leukotriene Receptor Antagonist",)


def test_each_drug_takes_the_classes_of_its_own_label_only() -> None:
    evidence = [
        _label("openfda:a#drug_interactions", "omeprazole", ("Proton Pump Inhibitor",)),
        _label("openfda:b#drug_interactions", "clopidogrel", ("P2Y12 Platelet Inhibitor",)),
        _label("openfda:c#drug_interactions", "metoprolol", ("Beta-Adrenergic Blocker",)),
    ]
    query = with_label_classes(_query("omeprazole", "clopidogrel"), evidence)
    names = {c.name: c.names for c in query.concepts}
    assert names["omeprazole"][:3] == ("omeprazole", "Proton Pump Inhibitor", "ppi")
    assert names["clopidogrel"] == ("clopidogrel", "P2Y12 Platelet Inhibitor")


def test_only_interaction_questions_naming_two_drugs_are_expanded() -> None:
    evidence = [_label("openfda:a#x", "omeprazole", ("Proton Pump Inhibitor",))]
    one = _query("omeprazole")
    assert with_label_classes(one, evidence) == one
    dose = _query("omeprazole", "clopidogrel", asked=(Facet.DOSAGE,))
    assert with_label_classes(dose, evidence) == dose


def test_classes_come_from_labels_not_from_other_documents() -> None:
    paper = _label("pmid:1", "omeprazole", ("Proton Pump Inhibitors",), Source.PUBMED)
    query = _query("omeprazole", "clopidogrel")
    assert with_label_classes(query, [paper]) == query
