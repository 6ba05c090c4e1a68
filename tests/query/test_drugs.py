from __future__ import annotations

import pytest

from medcite.query import drugs
from medcite.query.drugs import COMBINATIONS, DrugName, find_drugs, generic_names
from medcite.query.lookups import lookups
from medcite.query.understand import understand
from medcite.query.vocab import Vocabulary


def _generics(phrase: str) -> list[str]:
    return [d.generic for d in generic_names(phrase)]


@pytest.mark.parametrize(
    ("brand", "generic"),
    [
        ("Singulair", "montelukast"),
        ("Mounjaro", "tirzepatide"),
        ("Imodium", "loperamide"),
        ("Valtrex", "valacyclovir"),
        ("Xanax", "alprazolam"),
        ("Tylenol", "acetaminophen"),
        ("Valium", "diazepam"),
        # over-the-counter brands the dictionary lacks (medcite's own table)
        ("Orajel", "benzocaine"),
        ("Dramamine", "dimenhydrinate"),
        ("Keflex", "cephalexin"),
        ("Synthroid", "levothyroxine"),
        ("Nexplanon", "etonogestrel"),
        # British emergency contraceptive pills
        ("Levonelle", "levonorgestrel"),
        ("ellaOne", "ulipristal"),
    ],
)
def test_brands_resolve_to_generics(brand: str, generic: str) -> None:
    for written in (brand, brand.lower(), brand.upper()):
        (drug,) = generic_names(written)
        assert drug.generic == generic
        assert drug.brand == brand.lower()


def test_generic_resolves_to_itself_with_checked_mesh_id() -> None:
    assert generic_names("Metformin") == (
        DrugName("metformin", "D008687", None, "drug-named-entity-recognition"),
    )
    # the package's own mesh_id for loperamide is the class (Antidiarrheals); ours is the drug
    assert generic_names("imodium")[0].mesh_id == "D008139"


@pytest.mark.parametrize(
    ("brand", "generics"),
    [
        ("Augmentin", ["amoxicillin", "clavulanic acid"]),
        ("Zyrtec-D", ["cetirizine", "pseudoephedrine"]),
        ("zyrtec d", ["cetirizine", "pseudoephedrine"]),
        ("TYLENOL PM", ["acetaminophen", "diphenhydramine"]),
        ("Advair", ["fluticasone", "salmeterol"]),
        ("Janumet", ["sitagliptin", "metformin"]),
        # UK over-the-counter brands for the nose, throat and mouth
        ("Strepsils", ["amylmetacresol", "dichlorobenzyl alcohol"]),
        ("Otrivine", ["xylometazoline"]),
        ("Corsodyl", ["chlorhexidine"]),
        ("GTN spray", ["nitroglycerin"]),
        # brands the dictionary lacks: a UK steroid inhaler, a US bladder painkiller
        ("Clenil", ["beclomethasone"]),
        ("AZO", ["phenazopyridine"]),
        ("depo injection", ["medroxyprogesterone acetate"]),
        # UK skin brands the dictionary lacks or reads as a look-alike name
        ("Curanail", ["amorolfine"]),
        ("Dianette", ["cyproterone acetate", "ethinyl estradiol"]),
        ("Acnecide", ["benzoyl peroxide"]),
        ("Duac", ["clindamycin", "benzoyl peroxide"]),
        ("Dovobet", ["calcipotriene", "betamethasone"]),
        # UK family medicines: worms, lice, colic, teething, allergy
        ("Ovex", ["mebendazole"]),
        ("Lyclear", ["permethrin"]),
        ("Infacol", ["simethicone"]),
        ("Calgel", ["lidocaine"]),
        ("Piriteze", ["cetirizine"]),
        ("Fucibet", ["fusidic acid", "betamethasone"]),
    ],
)
def test_combination_products(brand: str, generics: list[str]) -> None:
    drugs = generic_names(brand)
    assert [d.generic for d in drugs] == generics
    assert {d.source for d in drugs} == {COMBINATIONS}


@pytest.mark.parametrize(
    "word",
    [
        "help",
        "take",
        "pain",
        "white",
        "alright",
        "progressing",
        "may",
        "can",
        "sits",
        "caps",
        "oats",
        "generics",
        "ecstasy",
        "vitamin d",
        "ears and nose",
        "",
        "  ",
    ],
)
def test_non_drugs_do_not_resolve(word: str) -> None:
    assert generic_names(word) == ()


def test_find_drugs_in_a_question() -> None:
    words = "can i take Tylenol PM with zyrtec-d and my Singulair".split()
    mentions = find_drugs(words)
    assert [(m.start, m.end, m.text) for m in mentions] == [
        (3, 5, "Tylenol PM"),
        (6, 7, "zyrtec-d"),
        (9, 10, "Singulair"),
    ]
    assert [d.generic for d in mentions[2].drugs] == ["montelukast"]


def test_find_drugs_multi_word_name() -> None:
    (mention,) = find_drugs("is milk of magnesia safe".split())
    assert (mention.start, mention.end) == (1, 4)
    assert _generics("milk of magnesia") == ["magnesium hydroxide"]
    assert find_drugs(["white", "bread"]) == []


def test_a_brand_ending_in_s_is_read_where_the_question_writes_it(
    handmade_vocabulary: Vocabulary,
) -> None:
    """Normalising reads "Tums" as the plural of "tum"; the brand is still found as written,
    while "tum" in another question names no drug."""
    question = "how many Tums can I take a day?"
    query = understand(question, handmade_vocabulary, extra=lookups(question))
    assert [c.name for c in query.topics] == ["calcium carbonate"]
    other = "my tum hurts after dinner"
    assert not any(
        c.drug for c in understand(other, handmade_vocabulary, extra=lookups(other)).concepts
    )


def test_a_drug_belongs_to_the_classes_pages_name() -> None:
    assert "statins" in drugs.drug_classes("atorvastatin")
    assert "NSAIDs" in drugs.drug_classes("Ibuprofen")
    assert drugs.drug_classes("not a drug") == ()


def test_a_class_name_inside_a_hyphenated_compound_is_not_the_class() -> None:
    pattern = drugs.class_pattern(["corticosteroids", "corticosteroid"])
    assert pattern.search("You may need corticosteroids to treat asthma.")
    assert not pattern.search("Corticosteroid-binding globulin deficiency is rare.")


def test_the_other_classes_leave_out_every_class_of_the_drugs() -> None:
    others = drugs.other_classes(["ibuprofen"])
    assert "NSAIDs" not in others and "pain relievers" not in others
    assert "opioids" in others and "statins" in others
