"""The on-topic judge with handmade documents and a handmade MeSH extract."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from medcite.eval.topics import TopicJudge, normalise_word, read_mesh
from medcite.records import Document, Source

TERMS = """DescriptorUI\tDescriptorName\tTermName
D1\tfever\tfever
D1\tfever\tpyrexia
D2\tq fever\tq fever
D3\tfever of unknown origin\tfever of unknown origin
D4\tsinusitis\tsinusitis
D5\tsick sinus syndrome\tsick sinus syndrome
D6\talprazolam\talprazolam
D6\talprazolam\txanax
D7\tsertraline\tsertraline
D7\tsertraline\tzoloft
D8\tgabapentin\tgabapentin
D9\tlegionella\tlegionella
D10\tlegionella infections\tlegionella infections
D11\tkidney diseases\tkidney diseases
D12\tnephritis\tnephritis
D12\tnephritis\tbright disease
"""
TREES = """DescriptorUI\tDescriptorName\ttree_location
D1\tfever\tC23.888.119.344
D2\tq fever\tC01.150.252.400.720
D3\tfever of unknown origin\tC23.888.119.344.345
D4\tsinusitis\tC08.460.692.752
D5\tsick sinus syndrome\tC14.280.067.093.249
D6\talprazolam\tD03.633.100.079.030
D7\tsertraline\tD02.455.526.439
D8\tgabapentin\tD02.241.081.018
D9\tlegionella\tB03.440.425.410
D10\tlegionella infections\tC01.150.252.400.495
D11\tkidney diseases\tC12.777.419
D12\tnephritis\tC12.777.419.570
"""


def write_gz(path: Path, text: str) -> Path:
    with gzip.open(path, "wt", encoding="utf-8") as out:
        out.write(text)
    return path


@pytest.fixture(scope="module")
def judge(tmp_path_factory: pytest.TempPathFactory) -> TopicJudge:
    folder = tmp_path_factory.mktemp("mesh")
    mesh = read_mesh(write_gz(folder / "t.tsv.gz", TERMS), write_gz(folder / "r.tsv.gz", TREES))
    return TopicJudge(mesh)


@pytest.fixture(scope="module")
def first_judge(judge: TopicJudge) -> TopicJudge:
    return TopicJudge(judge.mesh, revision=1)


def doc(title: str = "", **fields: object) -> Document:
    return Document(id="x", source=Source.JSONL, title=title, **fields)  # type: ignore[arg-type]


def test_a_longer_term_of_another_descriptor_is_not_about_the_focus(judge: TopicJudge) -> None:
    assert not judge.about(doc("An outbreak of Q fever among sheep farmers"), "fever")
    assert not judge.about(doc(mesh_terms=("Q Fever", "Sheep")), "Fever")
    assert judge.about(doc("Q fever and fever in returning travellers"), "fever")


def test_a_narrower_descriptor_is_about_the_focus(judge: TopicJudge) -> None:
    assert judge.about(doc(mesh_terms=("Fever of Unknown Origin",)), "fever")
    assert judge.about(doc("Pyrexia after surgery"), "fever")  # an entry term


def test_sick_sinus_syndrome_is_not_about_sinusitis(judge: TopicJudge) -> None:
    assert not judge.about(doc("Pacing in sick sinus syndrome"), "sinusitis")
    assert judge.about(doc("Chronic sinusitis in adults"), "Sinusitis")


def test_a_brand_resolves_through_its_entry_term(judge: TopicJudge) -> None:
    assert judge.about(doc("Alprazolam for panic disorder"), "Xanax")
    assert judge.about(doc("x", synonyms=("Xanax",)), "alprazolam")
    assert not judge.about(doc("Sertraline for panic disorder"), "Xanax")


def test_plural_and_case_do_not_matter(judge: TopicJudge) -> None:
    assert judge.about(doc("FEVERS in toddlers"), "Fever")
    assert judge.about(doc(focus="Sinusitis"), "SINUSITIS")
    assert normalise_word("Allergies") == normalise_word("allergy")
    assert normalise_word("sinusitis") == "sinusitis"


def test_whole_words_only(judge: TopicJudge) -> None:
    assert not judge.about(doc("Feverfew extracts"), "fever")


def test_a_focus_listing_two_drugs_is_about_either(judge: TopicJudge) -> None:
    assert judge.split("Xanax and Zoloft") == ["Xanax", "Zoloft"]
    assert judge.about(doc("Sertraline in depression"), "Xanax and Zoloft")
    assert judge.about(doc("Alprazolam withdrawal"), "xanax, zoloft")
    assert judge.about(doc("Gabapentin for pain"), "Lyrica/gabapentin")
    assert not judge.about(doc("Metformin in diabetes"), "Xanax and Zoloft")


def test_no_focus_means_nothing_is_on_topic(judge: TopicJudge) -> None:
    assert judge.split("n/a (Exploration)") == []
    assert not judge.about(doc("Exploration"), "n/a (Exploration)")


def test_a_focus_that_is_no_mesh_term_stands_for_the_clinical_term_inside_it(
    judge: TopicJudge,
) -> None:
    assert judge.about(doc("Pyrexia in children"), "high fever outbreak")
    assert not judge.about(doc("Q fever in sheep"), "high fever outbreak")
    assert judge.about(doc("Q fever in sheep"), "q fever outbreak")


def test_a_misspelt_focus_stands_for_the_mesh_term_it_misspells(judge: TopicJudge) -> None:
    assert judge.about(doc("Gabapentin for neuropathic pain"), "gabapentine")
    assert judge.about(doc("Sinusitis in children"), "sinusittis")
    assert not judge.about(doc("Sinusitis in children"), "gabapentine")


def test_an_organism_is_the_topic_of_the_disease_named_after_it(
    judge: TopicJudge, first_judge: TopicJudge
) -> None:
    assert judge.about(doc("Legionella infections after a hotel stay"), "legionella")
    assert not first_judge.about(doc("Legionella infections after a hotel stay"), "legionella")
    # a disease is not the topic of another disease named inside it
    assert not judge.about(doc("Q fever in sheep"), "fever")


def test_a_lay_head_noun_reads_as_the_clinical_one(
    judge: TopicJudge, first_judge: TopicJudge
) -> None:
    assert judge.about(doc("Kidney diseases in older adults"), "kidney illness")
    assert not first_judge.about(doc("Kidney diseases in older adults"), "kidney illness")
    assert not judge.about(doc("Sinusitis in adults"), "kidney illness")


def test_misspelt_words_inside_a_longer_focus_are_corrected(
    judge: TopicJudge, first_judge: TopicJudge
) -> None:
    assert judge.about(doc("Sinusitis in children"), "recurring sinusittis")
    assert not first_judge.about(doc("Sinusitis in children"), "recurring sinusittis")
    assert not judge.about(doc("Fever in children"), "recurring sinusittis")


def test_revision_3_counts_a_narrower_concept_named_by_its_own_words(judge: TopicJudge) -> None:
    """Issue 11's gate: a label naming "the concept or a narrower one"; revision 2 counted a
    narrower one only around the gold words."""
    third = TopicJudge(judge.mesh, revision=3)
    page = doc(focus="Nephritis")
    assert not judge.about(page, "kidney diseases")
    assert third.about(page, "kidney diseases")
    assert third.about(doc("Bright disease in adults"), "kidney diseases")  # an entry term
    # never a broader one, nor another branch
    assert not third.about(doc(focus="Kidney diseases"), "nephritis")
    assert not third.about(doc("An outbreak of Q fever among sheep farmers"), "fever")
