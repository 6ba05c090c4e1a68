"""Which studies are animal, laboratory or environmental work (evidence.rank.non_human), and
which records come from outside medicine (evidence.rank.outside_medicine)."""

from __future__ import annotations

import pytest

from medcite.evidence.rank import names_study_animals, non_human, outside_medicine
from medcite.records import AbstractSection, Document, Source


def _study(title: str, mesh: tuple[str, ...] = ()) -> Document:
    return Document(id="pmid:1", source=Source.PUBMED, title=title, mesh_terms=mesh)


@pytest.mark.parametrize(
    ("title", "mesh", "expected"),
    [
        ("Gout flares in adults treated with colchicine", ("Humans", "Gout"), False),
        ("Colchicine in a rat model of gout", (), True),
        ("Uric acid crystals in cultured cells", (), True),
        ("Removal of ibuprofen from hospital wastewater by activated sludge", (), True),
        # a drug broken down in the environment
        ("Photocatalytic breakdown of colchicine over titanium dioxide", (), True),
        ("Biodegradation of colchicine residues in aquatic systems", (), True),
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
        # pharmaceutical laboratory work
        ("Colchicine-loaded nanoparticles for transdermal delivery", (), True),
        ("Synthesis and biological evaluation of colchicine analogues", (), True),
        ("Colchicine binding to tubulin: an in silico study", (), True),
        ("Gout care: an evidence synthesis for primary care", (), False),
        # work done in cells, whatever species they came from
        ("Colchicine lowers urate uptake in high glucose-treated human kidney cells", (), True),
        ("Urate handling in red cells from patients with gout", (), False),
        ("Gout in people with sickle cell disease", (), False),
        # plants and insects
        ("Colchicine eases drought stress in barley seedlings", (), True),
        ("Urate transporters in the antennae of a tobacco moth", (), True),
        ("Indoor air after using moth repellents at home", (), False),
        # a drink or a drug as a crop, or broken down by a fungus
        ("Tea leaf images for detecting blister blight in plantations", (), True),
        ("Microbial communities in the fermentation of cocoa beans", (), True),
        ("Fungal biotransformation of colchicine yields new metabolites", (), True),
        ("Tea drinking and blood pressure in older adults", (), False),
        ("Mitral valve leaflet repair in adults with gout", (), False),
    ],
)
def test_animal_laboratory_and_environmental_studies_are_not_human_evidence(
    title: str, mesh: tuple[str, ...], expected: bool
) -> None:
    assert non_human(_study(title, mesh)) is expected


_CHEMISTRY = (
    "Layered oxide cathodes were coated with a thin polymer film by spin casting. The coated "
    "electrodes kept ninety percent of their capacity after five hundred charge cycles at room "
    "temperature, while uncoated electrodes lost a third of it. Impedance spectra show that the "
    "film slows the growth of the interphase layer. The method is cheap and scales to large "
    "batteries of the pouch format used in electric vehicles and grid storage."
)
_CLINICAL = (
    "Adults with gout flares were given colchicine or placebo for two weeks. Pain scores fell "
    "faster with colchicine, and diarrhoea was the most common adverse event. Flares recurred in "
    "a fifth of the people in each group within a year of follow-up, and no serious events were "
    "seen in either group during the whole of the trial period, which ran across four centres."
)


def _article(
    abstract: str,
    title: str = "Polymer coatings for layered oxide electrodes",
    mesh: tuple[str, ...] = (),
    source: Source = Source.PUBMED,
) -> Document:
    sections = (AbstractSection(text=abstract),) if abstract else ()
    return Document(
        id="pmid:2",
        source=source,
        title=title,
        journal="Journal of interface science",
        sections=sections,
        mesh_terms=mesh,
    )


def test_a_record_from_another_field_is_outside_medicine() -> None:
    assert outside_medicine(_article(_CHEMISTRY))
    assert not outside_medicine(_article(_CLINICAL, title="Colchicine for gout flares"))
    # MeSH headings, a title alone, or a guideline page: never judged so
    assert not outside_medicine(_article(_CHEMISTRY, mesh=("Electrodes",)))
    assert not outside_medicine(_article(""))
    assert not outside_medicine(_article(_CHEMISTRY, source=Source.MEDQUAD))


@pytest.mark.parametrize(
    ("abstract", "expected"),
    [
        ("We studied Wistar rats given colchicine for four weeks. Uric acid fell by half.", True),
        ("Colchicine was tested in two cell lines. Crystal uptake fell by half.", True),
        ("We studied 120 patients given colchicine. Flares fell by half.", False),
        ("Colchicine, first shown to work in rats, was given to adults with gout.", False),
        (
            "Earlier work on human lymphoblastoid cell lines suggested a target. Here we gave "
            "treated fructose-fed rats with colchicine.",
            True,
        ),
        ("We gave colchicine to fructose-fed rats and to patients with gout.", False),
        ("Flares fell by half in the year after colchicine was started.", False),
    ],
)
def test_a_record_without_headings_is_read_by_what_its_abstract_studied(
    abstract: str, expected: bool
) -> None:
    doc = Document(
        id="pmid:2",
        source=Source.PUBMED,
        title="Colchicine and uric acid",
        sections=(AbstractSection(text=abstract),),
    )
    assert non_human(doc) is expected


@pytest.mark.parametrize(
    ("sentence", "animals"),
    [
        ("Rats treated with 5 mg/kg of the drug gained weight.", True),
        ("In preclinical models, all three cell therapies were effective.", True),
        ("The vaccine protected animal models of the infection.", True),
        ("In adults with lupus, the therapy was effective.", False),
        ("The trial enrolled 200 women after clinical assessment.", False),
    ],
)
def test_a_sentence_names_its_animals_or_lab_work(sentence: str, animals: bool) -> None:
    assert names_study_animals(sentence) is animals
