"""Which studies are animal, laboratory or environmental work (evidence.rank.non_human)."""

from __future__ import annotations

import pytest

from medcite.evidence.rank import non_human
from medcite.records import Document, Source


def _study(title: str, mesh: tuple[str, ...] = ()) -> Document:
    return Document(id="pmid:1", source=Source.PUBMED, title=title, mesh_terms=mesh)


@pytest.mark.parametrize(
    ("title", "mesh", "expected"),
    [
        ("Gout flares in adults treated with colchicine", ("Humans", "Gout"), False),
        ("Colchicine in a rat model of gout", (), True),
        ("Uric acid crystals in cultured cells", (), True),
        ("Removal of ibuprofen from hospital wastewater by activated sludge", (), True),
        ("Gout in a zebrafish model", ("Animals",), True),
        ("Gout in people who keep rabbits", ("Humans",), False),
        # the title says where it was studied, whatever the headings
        ("Colchicine self-administration in rhesus monkeys", ("Animals", "Humans"), True),
        ("Gout flares in adult male rats given fructose", ("Humans",), True),
        ("Cat scratch disease in children", ("Humans",), False),
        ("Exploratory behaviour of rats given colchicine", ("Animals", "Humans", "Rats"), True),
        ("Gout crystals in the rat knee", ("Animals", "Humans"), True),
        ("Epidemiology of dog bites in children", ("Animals", "Dogs", "Humans"), False),
        ("Gout in homes with cats", ("Humans",), False),
    ],
)
def test_animal_laboratory_and_environmental_studies_are_not_human_evidence(
    title: str, mesh: tuple[str, ...], expected: bool
) -> None:
    assert non_human(_study(title, mesh)) is expected
